namespace Ingest.Generator.Output;

[Flags]
public enum OutputLayout : byte
{
    None = 0,
    /// <summary>zip/YYYY-MM-DD.zip, one entry per SED.</summary>
    Zip = 1,
    /// <summary>files/YYYY-MM-DD/&lt;entry&gt;.xml.</summary>
    Files = 2,
    /// <summary>frames/YYYY-MM-DD.seds, FORMATS.md §3 framing.</summary>
    Frames = 4,
}
