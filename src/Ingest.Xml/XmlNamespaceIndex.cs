namespace Ingest.Xml;

/// <summary>Namespace indexes below zero: no namespace and the two predefined ones.</summary>
internal static class XmlNamespaceIndex
{
    public const int None = -1;
    public const int Xml = -2;
    public const int Xmlns = -3;
}
