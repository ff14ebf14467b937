using System.Text;
using Ingest.Core.Seds;
using Ingest.Sed.Mapping;
using Ingest.Xml;

namespace Ingest.Sed;

/// <summary>
/// Push handler that turns tokens into a <see cref="SedRecord"/>: finds the SED root (bare or inside an
/// SBDH envelope), walks the compiled field map by element, skips unknown subtrees, and copies each
/// kept value once into a string. One instance per thread, reused across documents.
/// </summary>
internal sealed class SedDocumentMapper : IXmlTokenHandler
{
    private static ReadOnlySpan<byte> SbdhNamespace => "http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader"u8;

    private static ReadOnlySpan<byte> EessiPrefix => "http://ec.europa.eu/eessi/ns/"u8;

    private readonly SedRecordBuilder _builder = new();
    private readonly ValueCache _cache = new();
    private int[] _nodes = new int[32];
    private bool[] _hadChild = new bool[32];
    private byte[] _text = new byte[256];
    private int _textLength;

    private SedPathTrie? _trie;
    private int _trieBase;
    private int _level;
    private int _skipDepth;
    private bool _inEnvelope;
    private bool _sedFound;
    private ParseErrorCode _notSedCode;
    private string? _notSedMessage;
    private long _notSedOffset;
    private (int Line, int Column) _notSedPosition;

    public XmlReaderBuffers XmlBuffers { get; } = new();

    public SedRecord Record => _builder.Record;

    public bool SedFound => _sedFound;

    public bool InEnvelope => _inEnvelope;

    public ParseErrorCode NotSedCode => _notSedCode;

    public string? NotSedMessage => _notSedMessage;

    public long NotSedOffset => _notSedOffset;

    public (int Line, int Column) NotSedPosition => _notSedPosition;

    public void Reset()
    {
        _builder.Reset();
        _trie = null;
        _trieBase = _level = 0;
        _skipDepth = -1;
        _inEnvelope = _sedFound = false;
        _notSedCode = ParseErrorCode.None;
        _notSedMessage = null;
        _notSedOffset = 0;
        _notSedPosition = (1, 1);
        _textLength = 0;
    }

    public void ApplyHeaders(IReadOnlyDictionary<string, string> headers) => _builder.ApplyHeaders(headers);

    public void OnToken(ref XmlTokenReader reader)
    {
        switch (reader.TokenType)
        {
            case XmlTokenType.StartElement:
                OnStart(ref reader);
                break;
            case XmlTokenType.EndElement:
                OnEnd(reader.Depth);
                break;
            case XmlTokenType.Text:
            case XmlTokenType.CData:
                OnText(reader.Value);
                break;
        }
    }

    private void OnStart(ref XmlTokenReader reader)
    {
        if (_skipDepth >= 0)
        {
            return;
        }
        var depth = reader.Depth;
        var trie = _trie;
        if (trie is not null)
        {
            var parent = _level;
            _hadChild[parent] = true;
            _textLength = 0;
            var child = trie.Child(_nodes[parent], reader.LocalName);
            if (child < 0)
            {
                _skipDepth = depth;
                return;
            }
            _level = parent + 1;
            if (_level >= _nodes.Length)
            {
                Array.Resize(ref _nodes, _nodes.Length * 2);
                Array.Resize(ref _hadChild, _hadChild.Length * 2);
            }
            _nodes[_level] = child;
            _hadChild[_level] = false;
            var block = trie.BlockOf(child);
            if (block != SedBlock.None)
            {
                _builder.Open(block);
            }
            return;
        }
        if (depth == 0)
        {
            if (reader.NamespaceUri.SequenceEqual(SbdhNamespace) && reader.LocalName.SequenceEqual("StandardBusinessDocument"u8))
            {
                _inEnvelope = true;
                return;
            }
            if (!TryBeginSed(ref reader))
            {
                _skipDepth = 0;
            }
            return;
        }
        if (_inEnvelope && depth == 1)
        {
            if (reader.LocalName.SequenceEqual("StandardBusinessDocumentHeader"u8))
            {
                Begin(SedFieldMaps.Envelope, depth);
                return;
            }
            if (!_sedFound && reader.NamespaceUri.StartsWith(EessiPrefix) && TryBeginSed(ref reader))
            {
                return;
            }
        }
        _skipDepth = depth;
    }

    private bool TryBeginSed(ref XmlTokenReader reader)
    {
        var ns = reader.NamespaceUri;
        var local = reader.LocalName;
        if (!ns.StartsWith(EessiPrefix))
        {
            NotSed(ParseErrorCode.NotSed, $"root element {{{Encoding.UTF8.GetString(ns)}}}{Encoding.UTF8.GetString(local)} is not a SED", ref reader);
            return false;
        }
        // ".../ns/<M>_<m>/<TYPE>"
        var rest = ns[EessiPrefix.Length..];
        var slash = rest.IndexOf((byte)'/');
        var versionPart = slash < 0 ? rest : rest[..slash];
        var typePart = slash < 0 ? default : rest[(slash + 1)..];
        CdmVersion version;
        if (versionPart.SequenceEqual("4_4"u8))
        {
            version = CdmVersion.V44;
        }
        else if (versionPart.SequenceEqual("4_3"u8))
        {
            version = CdmVersion.V43;
        }
        else if (versionPart.SequenceEqual("4_2"u8))
        {
            version = CdmVersion.V42;
        }
        else
        {
            NotSed(ParseErrorCode.UnsupportedCdmVersion, $"CDM version '{Encoding.UTF8.GetString(versionPart)}' in namespace {Encoding.UTF8.GetString(ns)}", ref reader);
            return false;
        }
        if (!typePart.SequenceEqual(local))
        {
            NotSed(ParseErrorCode.NotSed, $"root element {Encoding.UTF8.GetString(local)} does not match its namespace {Encoding.UTF8.GetString(ns)}", ref reader);
            return false;
        }
        var type = _cache.Get(local);
        var map = SedFieldMaps.For(type, version);
        if (map is null)
        {
            NotSed(ParseErrorCode.UnsupportedSedType, $"SED type {type} has no field map", ref reader);
            return false;
        }
        var record = _builder.Record;
        record.SedType = type;
        record.CdmVersion = version switch { CdmVersion.V42 => "4.2", CdmVersion.V43 => "4.3", _ => "4.4" };
        if (reader.TryGetAttribute("sedGVer"u8, out var gver))
        {
            record.SedGVer = _cache.Get(gver);
        }
        if (reader.TryGetAttribute("sedVer"u8, out var ver))
        {
            record.SedVer = _cache.Get(ver);
        }
        _sedFound = true;
        _notSedMessage = null;
        _notSedCode = ParseErrorCode.None;
        Begin(map, reader.Depth);
        return true;
    }

    private void Begin(SedPathTrie trie, int depth)
    {
        _trie = trie;
        _trieBase = depth;
        _level = 0;
        _nodes[0] = SedPathTrie.Root;
        _hadChild[0] = false;
        _textLength = 0;
    }

    private void NotSed(ParseErrorCode code, string message, ref XmlTokenReader reader)
    {
        if (_notSedMessage is null)
        {
            _notSedCode = code;
            _notSedMessage = message;
            _notSedOffset = reader.TokenStartOffset;
            _notSedPosition = reader.GetLineAndColumn(_notSedOffset);
        }
    }

    private void OnEnd(int depth)
    {
        if (_skipDepth >= 0)
        {
            if (depth == _skipDepth)
            {
                _skipDepth = -1;
            }
            return;
        }
        var trie = _trie;
        if (trie is null)
        {
            return;
        }
        if (_level == 0)
        {
            _trie = null;
            return;
        }
        var node = _nodes[_level];
        var field = trie.FieldOf(node);
        if (field != SedField.None && !_hadChild[_level] && _textLength > 0)
        {
            _builder.Set(field, _cache.Get(_text.AsSpan(0, _textLength)));
        }
        _textLength = 0;
        var block = trie.BlockOf(node);
        if (block != SedBlock.None)
        {
            _builder.Close(block);
        }
        _level--;
    }

    private void OnText(ReadOnlySpan<byte> value)
    {
        var trie = _trie;
        if (trie is null || _skipDepth >= 0 || _hadChild[_level] || trie.FieldOf(_nodes[_level]) == SedField.None)
        {
            return;
        }
        if (_textLength + value.Length > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + value.Length));
        }
        value.CopyTo(_text.AsSpan(_textLength));
        _textLength += value.Length;
    }
}
