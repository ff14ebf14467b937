using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Ingest.Core.Seds;
using Ingest.Sed.Mapping;
using Ingest.Xml;
using Ingest.Xml.Fast;

namespace Ingest.Sed;

/// <summary>
/// Turns tokens into a <see cref="SedRecord"/>: finds the SED root (bare or inside an SBDH envelope),
/// walks the compiled field map by element, has the reader skip unknown subtrees, and copies each kept
/// value once: codes and recurring values as interned strings, the others as UTF-8 into the record's
/// value bytes (a string only when read, see <see cref="SedText"/>). One instance per thread, reused
/// across documents; the reader pushes tokens to it through <see cref="SedTokenHandler"/>.
/// </summary>
internal sealed class SedDocumentMapper
{
    private static ReadOnlySpan<byte> SbdhNamespace => "http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader"u8;

    private static ReadOnlySpan<byte> EessiPrefix => "http://ec.europa.eu/eessi/ns/"u8;

    private readonly SedRecordBuilder _builder = new();
    private readonly ValueCache _cache = new();
    // One frame per open mapped element below the trie's base: its node, field, block and next guess, and
    // whether a child element appeared or its text was set (a field takes the text of a leaf only).
    private Frame[] _frames = new Frame[32];
    // The last value kept from the general reader, whose text may come in pieces (split by a comment, PI
    // or CDATA section) to be joined. The fast reader's text is one piece: it never writes this.
    private SedText _pieceValue;
    // What the innermost kept leaf's field held before (Frame.Replaced): a take-back restores it.
    private SedText _replaced;

    private SedPathTrie? _trie;
    // The open map's guesses (the trie's own array, one load nearer); index 0 guesses nothing in every map.
    private XmlNameGuess[] _guesses = [default];
    // The fast reader's guess of the next start tag: a node of the current map that is a child of the
    // innermost open mapped element (the guesses are learned per parent). The reader reads the guess
    // in place: a copy here was a 64-byte store the reader's next narrow load had to wait for.
    private int _guessNode;
    private string? _lastType;
    private CdmVersion _lastVersion;
    private SedPathTrie? _lastMap;
    private int _level;
    // The element whose start was refused (skipped): its end tag is the next token the mapper sees.
    private bool _inSkipped;
    private bool _inEnvelope;
    private bool _sedFound;
    private ParseErrorCode _notSedCode;
    private string? _notSedMessage;
    private long _notSedOffset;
    private (int Line, int Column) _notSedPosition;

    public XmlReaderBuffers XmlBuffers { get; } = new();

    public XmlFastScratch FastScratch { get; } = new();

    public SedRecord Record => _builder.Record;

    public bool SedFound => _sedFound;

    public bool InEnvelope => _inEnvelope;

    public ParseErrorCode NotSedCode => _notSedCode;

    public string? NotSedMessage => _notSedMessage;

    public long NotSedOffset => _notSedOffset;

    public (int Line, int Column) NotSedPosition => _notSedPosition;

    public void Reset(SedRecord? reuse = null)
    {
        _builder.Reset(reuse);
        _trie = null;
        GuessNothing();
        _level = 0;
        _inSkipped = false;
        _inEnvelope = _sedFound = false;
        _notSedCode = ParseErrorCode.None;
        _notSedMessage = null;
        _notSedOffset = 0;
        _notSedPosition = (1, 1);
        _pieceValue = _replaced = default;
    }

    public void ApplyHeaders(IReadOnlyDictionary<string, string> headers) => _builder.ApplyHeaders(headers);

    /// <summary>The name the next start tag is expected to have (see <see cref="XmlNameGuess"/>).</summary>
    public ref readonly XmlNameGuess NextName => ref _guesses[_guessNode];

    /// <summary>A start tag; false asks the reader to skip the element (unknown, or not a SED).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool OnStart<TTag>(ref TTag reader)
        where TTag : IXmlStartTag, allows ref struct
    {
        var trie = _trie;
        if (trie is null)
        {
            return OnStartOutsideMap(ref reader);
        }
        ref var parent = ref _frames[_level];
        var child = trie.Child(parent.Node, parent.LastChild, reader.LocalName);
        if (child < 0)
        {
            Parent(ref parent);
            return Skip();
        }
        Enter(trie, ref parent, child);
        return true;
    }

    /// <summary>A start tag named <see cref="NextName"/>: that node, with no lookup.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool OnGuessedStart()
    {
        // A guess exists only while a map is open (outside one the default guess guesses nothing).
        Enter(_trie!, ref _frames[_level], _guessNode);
        return true;
    }

    // A call, not inlined into the reading loop: that loop runs short of registers, and with this inlined
    // it spilled more than the call costs (A/B, about 2 %).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Enter(SedPathTrie trie, ref Frame parent, int child)
    {
        Parent(ref parent);
        parent.LastChild = child;
        var level = _level + 1;
        var frames = _frames;
        if (level >= frames.Length)
        {
            frames = GrowFrames();
        }
        _level = level;
        ref readonly var node = ref trie.NodeAt(child);
        frames[level] = new Frame(child, node.Field, node.Block, node.NextGuess);
        Guess(node.FirstGuess);
        var block = node.Block;
        if (block != SedBlock.None)
        {
            _builder.Open(block);
        }
    }

    /// <summary>A child element starts: <paramref name="parent"/> is no leaf, and a value its text gave back goes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Parent(ref Frame parent)
    {
        parent.HadChild = true;
        if (parent.HasValue)
        {
            parent.HasValue = false;
            _builder.Unset(parent.Field, PreviousOf(in parent));
        }
    }

    /// <summary>Expects <paramref name="node"/> (0: nothing) as the next start tag.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Guess(int node)
    {
        _guessNode = node;
    }

    private void GuessNothing()
    {
        _guessNode = 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Frame[] GrowFrames()
    {
        Array.Resize(ref _frames, _frames.Length * 2);
        return _frames;
    }

    /// <summary>A start tag before or between mapped parts: the SED root, the SBDH envelope and its header.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool OnStartOutsideMap<TTag>(ref TTag reader)
        where TTag : IXmlStartTag, allows ref struct
    {
        var depth = reader.Depth;
        if (depth == 0)
        {
            if (reader.NamespaceUri.SequenceEqual(SbdhNamespace) && reader.LocalName.SequenceEqual("StandardBusinessDocument"u8))
            {
                _inEnvelope = true;
                return true;
            }
            return TryBeginSed(ref reader) || Skip();
        }
        if (_inEnvelope && depth == 1)
        {
            if (reader.LocalName.SequenceEqual("StandardBusinessDocumentHeader"u8))
            {
                Begin(SedFieldMaps.Envelope);
                return true;
            }
            if (!_sedFound && reader.NamespaceUri.StartsWith(EessiPrefix) && TryBeginSed(ref reader))
            {
                return true;
            }
        }
        return Skip();
    }

    private bool Skip()
    {
        _inSkipped = true;
        return false;
    }

    private bool TryBeginSed<TTag>(ref TTag reader)
        where TTag : IXmlStartTag, allows ref struct
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
        // Consecutive SEDs are often of one type: the interned type string (same instance) skips the map lookup.
        if (!ReferenceEquals(type, _lastType) || version != _lastVersion)
        {
            (_lastType, _lastVersion, _lastMap) = (type, version, SedFieldMaps.For(type, version));
        }
        var map = _lastMap;
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
        Begin(map);
        return true;
    }

    private void Begin(SedPathTrie trie)
    {
        _trie = trie;
        _guesses = trie.Guesses;
        Guess(trie.NodeAt(SedPathTrie.Root).FirstGuess);
        _level = 0;
        _frames[0] = new Frame(SedPathTrie.Root, SedField.None, SedBlock.None, 0);
    }

    private void NotSed<TTag>(ParseErrorCode code, string message, ref TTag reader)
        where TTag : IXmlStartTag, allows ref struct
    {
        if (_notSedMessage is null)
        {
            _notSedCode = code;
            _notSedMessage = message;
            _notSedOffset = reader.TokenStartOffset;
            _notSedPosition = reader.GetLineAndColumn(_notSedOffset);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnEnd()
    {
        if (_inSkipped)
        {
            _inSkipped = false;
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
            GuessNothing();
            return;
        }
        ref readonly var frame = ref _frames[_level];
        var block = frame.Block;
        if (block != SedBlock.None)
        {
            _builder.Close(block);
        }
        _level--;
        Guess(frame.NextGuess);
    }

    /// <summary>
    /// Text, set at once as the value of the mapped leaf it is in (taken back if a child element follows,
    /// see <see cref="Parent"/>): nothing is held until the end tag. <paramref name="inPieces"/>: from a
    /// reader whose text may come in pieces, each joined to the last.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnText(ReadOnlySpan<byte> value, bool isAscii, bool inPieces = false)
    {
        var trie = _trie;
        if (trie is null || value.IsEmpty)
        {
            return;
        }
        ref var frame = ref _frames[_level];
        if (frame.HadChild || frame.Field == SedField.None)
        {
            return;
        }
        Keep(ref frame, value, isAscii, inPieces);
    }

    // Out of the reading loop, which inlines the mapper's callbacks and runs short of registers.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Keep(ref Frame frame, ReadOnlySpan<byte> value, bool isAscii, bool inPieces)
    {
        var field = frame.Field;
        if (frame.HasValue)
        {
            KeepNextPiece(ref frame, value, isAscii, inPieces);
            return;
        }
        frame.HasValue = true;
        var kind = SedFieldValueKinds.Of(field);
        // Each branch sets its own value: merged into one variable first, the value went through the stack
        // in pieces and was read back whole, a store-forwarding stall on every value.
        // One or two characters (a document version, a flag) are interned whatever their field.
        SedText previous;
        if (kind == SedValueKind.Distinct && value.Length > 2)
        {
            var text = _builder.Values.Add(value, isAscii);
            previous = _builder.Set(field, text);
            if (inPieces)
            {
                _pieceValue = text;
            }
        }
        else
        {
            var code = _cache.Get(value, kind, isAscii);
            previous = _builder.Set(field, code);
            if (inPieces)
            {
                _pieceValue = code;
            }
        }
        if (!previous.IsNull)
        {
            // An earlier element of the same field (rare): what a take-back restores.
            frame.Replaced = true;
            _replaced = previous;
        }
    }

    /// <summary>What <paramref name="frame"/>'s field held before its text was set (only the innermost open frame can hold a value).</summary>
    private SedText PreviousOf(in Frame frame) => frame.Replaced ? _replaced : default;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void KeepNextPiece(ref Frame frame, ReadOnlySpan<byte> value, bool isAscii, bool inPieces)
    {
        // The fast reader reports a leaf's text as one piece; were that to change, the last piece would
        // replace the first rather than be added as a second value.
        Debug.Assert(inPieces, $"a second text for field {frame.Field}");
        // The next piece of a value split by a comment, PI or CDATA section (rare): joined, set again.
        SedText joined = inPieces ? string.Concat(_pieceValue.Value, Encoding.UTF8.GetString(value)) : _builder.Values.Add(value, isAscii);
        _builder.Unset(frame.Field, PreviousOf(in frame));
        _builder.Set(frame.Field, joined);
        _pieceValue = joined;
    }

    /// <summary>An open mapped element: its node, and the node's field, block and next guess (read at its text and end tag without going back to the map).</summary>
    private struct Frame(int node, SedField field, SedBlock block, int nextGuess)
    {
        public readonly int Node = node;
        public readonly SedField Field = field;
        public readonly SedBlock Block = block;
        /// <summary>
        /// The sibling expected after this element, as the map had learned it when the element started: on
        /// this thread only a lookup for a later sibling changes it, and that comes after the end tag
        /// (another thread's learning may change the map's meanwhile: either is a sibling, only a guess).
        /// </summary>
        public readonly int NextGuess = nextGuess;
        /// <summary>The last mapped child seen, for <see cref="SedPathTrie.Child(int, int, ReadOnlySpan{byte})"/>'s guess.</summary>
        public int LastChild;
        public bool HadChild;
        /// <summary>Its text was set as <see cref="Field"/>'s value.</summary>
        public bool HasValue;
        /// <summary>That set replaced an earlier element's value, kept in <c>_replaced</c>.</summary>
        public bool Replaced;
    }
}
