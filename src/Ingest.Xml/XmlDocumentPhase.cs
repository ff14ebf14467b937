namespace Ingest.Xml;

internal enum XmlDocumentPhase : byte
{
    /// <summary>Nothing read yet: a BOM and the XML declaration may follow.</summary>
    Start = 0,
    /// <summary>After a BOM: only the XML declaration is still special.</summary>
    AfterBom = 1,
    Prolog = 2,
    InRoot = 3,
    Epilog = 4,
}
