namespace Ingest.Matching.Indexes;

/// <summary>A two-letter country of the internal scheme as a small number (1..676) for <see cref="RecordCard"/>.</summary>
internal static class CountryCode
{
    /// <summary>The code, or 0 when the text is not two capital ASCII letters.</summary>
    public static ushort Of(string? country)
    {
        if (country is not { Length: 2 } || !char.IsAsciiLetterUpper(country[0]) || !char.IsAsciiLetterUpper(country[1]))
        {
            return 0;
        }
        return (ushort)(1 + (country[0] - 'A') * 26 + (country[1] - 'A'));
    }
}
