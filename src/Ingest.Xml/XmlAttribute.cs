namespace Ingest.Xml;

/// <summary>One attribute of the current start tag; spans valid until the reader moves.</summary>
public readonly ref struct XmlAttribute
{
    private readonly int _prefixLength;

    internal XmlAttribute(ReadOnlySpan<byte> name, int prefixLength, ReadOnlySpan<byte> namespaceUri, ReadOnlySpan<byte> value)
    {
        Name = name;
        _prefixLength = prefixLength;
        NamespaceUri = namespaceUri;
        Value = value;
    }

    public ReadOnlySpan<byte> Name { get; }

    public ReadOnlySpan<byte> LocalName => _prefixLength == 0 ? Name : Name[(_prefixLength + 1)..];

    public ReadOnlySpan<byte> Prefix => Name[.._prefixLength];

    public ReadOnlySpan<byte> NamespaceUri { get; }

    /// <summary>Value after entity, character-reference and attribute-value normalisation.</summary>
    public ReadOnlySpan<byte> Value { get; }
}
