using System.Text;

namespace Ingest.Xml;

/// <summary>
/// XML 1.0 (§4.3.3) requires every processor to read UTF-16 as well as UTF-8, and lets a document
/// declare another encoding. The readers here read UTF-8 only (that is what keeps them zero-copy);
/// a document they refuse for its encoding is transcoded to UTF-8 once and read again. Detected:
/// UTF-16 by its byte order mark or by "&lt;?" in two-byte units (Appendix F), otherwise the encoding
/// the XML declaration names, when .NET knows it and it is ASCII-compatible (US-ASCII, ISO-8859-x,
/// windows-125x, …). UTF-32 and unknown encodings stay refused.
/// </summary>
public static class XmlTranscoding
{
    static XmlTranscoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// A document transcoded to UTF-8: without a byte order mark, unless the text itself starts with
    /// U+FEFF (a second mark after the real one), which then follows a UTF-8 mark so that the reader
    /// meets it as what it is, a character before the root, and refuses it.
    /// </summary>
    public sealed class Transcoded(byte[] utf8, Encoding source, int prefixBytes, int utf8PrefixBytes = 0)
    {
        public byte[] Utf8 { get; } = utf8;

        /// <summary>The encoding the document was in (its web name, e.g. "utf-16", "iso-8859-1").</summary>
        public string SourceName => source.WebName;

        /// <summary>The offset in the original bytes of a character starting at <paramref name="utf8Offset"/> in <see cref="Utf8"/>.</summary>
        public long OriginalOffset(long utf8Offset) =>
            prefixBytes + source.GetByteCount(Encoding.UTF8.GetString(Utf8, utf8PrefixBytes, (int)Math.Clamp(utf8Offset - utf8PrefixBytes, 0, Utf8.Length - utf8PrefixBytes)));
    }

    /// <summary>A document whose bytes are not valid in the encoding it is in.</summary>
    public readonly record struct Invalid(string Message, long ByteOffset, int Line, int Column);

    /// <summary>
    /// The document in UTF-8, or why its bytes are not valid in their encoding; both null when it is
    /// not in an encoding this reads (UTF-8 itself, UTF-32, an unknown name): the reader's error stands.
    /// </summary>
    public static (Transcoded? Document, Invalid? Error) TryTranscode(ReadOnlySpan<byte> document)
    {
        var (encoding, prefix) = Detect(document);
        if (encoding is null)
        {
            return (null, null);
        }
        var body = document[prefix..];
        string text;
        try
        {
            text = encoding.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            // The exception's index is not reliably an offset into these bytes: find the first bad unit.
            var at = FirstInvalid(encoding, body);
            var before = Encoding.UTF8.GetBytes(encoding.GetString(body[..at]));
            var (line, column) = XmlPosition.LineAndColumn(new System.Buffers.ReadOnlySequence<byte>(before), before.Length);
            return (null, new Invalid($"the bytes are not valid {encoding.WebName}", prefix + at, line, column));
        }
        if (encoding is UnicodeEncoding utf16 && Contradiction(utf16, text) is { } contradiction)
        {
            // The declaration is ASCII: its characters are its UTF-8 bytes, two bytes each in the document.
            var declaration = Encoding.UTF8.GetBytes(text[..contradiction.Index]);
            var (line, column) = XmlPosition.LineAndColumn(new System.Buffers.ReadOnlySequence<byte>(declaration), declaration.Length);
            return (null, new Invalid(contradiction.Message, prefix + 2L * contradiction.Index, line, column));
        }
        if (text.StartsWith('\uFEFF'))
        {
            return (new Transcoded([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)], encoding, prefix, Encoding.UTF8.Preamble.Length), null);
        }
        return (new Transcoded(Encoding.UTF8.GetBytes(text), encoding, prefix), null);
    }

    /// <summary>
    /// A UTF-16 document whose declaration names another encoding (XML 1.0 §4.3.3: a fatal error), and
    /// where in its text that name is; null when it names UTF-16 (or this byte order), or nothing.
    /// </summary>
    private static (string Message, int Index)? Contradiction(UnicodeEncoding utf16, string text)
    {
        var head = Encoding.UTF8.GetBytes(text[..Math.Min(text.Length, 1024)]);
        // The names of UTF-16 that say no byte order (the mark or the bytes say it).
        if (DeclaredEncoding(head) is not { } name || name.ToUpperInvariant() is "UTF-16" or "UCS-2" or "ISO-10646-UCS-2" or "CSUNICODE")
        {
            return null;
        }
        var bigEndian = utf16.CodePage == BigEndianCodePage;
        if (name.Equals(bigEndian ? "UTF-16BE" : "UTF-16LE", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var at = Math.Max(head.AsSpan().IndexOf("encoding"u8), 0);
        return ($"the document is in {(bigEndian ? "UTF-16BE" : "UTF-16LE")} but its declaration says encoding=\"{name}\"", at);
    }

    /// <summary>
    /// "&lt;?" in two-byte units: UTF-16 without a byte order mark, which the UTF-8 reader refuses as
    /// something else (a NUL is no character), so a caller checks this too before giving up.
    /// </summary>
    public static bool MayBeUtf16WithoutMark(ReadOnlySpan<byte> d) =>
        d.StartsWith((ReadOnlySpan<byte>)[0x3C, 0x00, 0x3F, 0x00]) || d.StartsWith((ReadOnlySpan<byte>)[0x00, 0x3C, 0x00, 0x3F]);

    private static (Encoding? Encoding, int Prefix) Detect(ReadOnlySpan<byte> d)
    {
        if (d.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) || d.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return (null, 0);
        }
        if (d.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Utf16(bigEndian: false), 2);
        }
        if (d.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Utf16(bigEndian: true), 2);
        }
        if (MayBeUtf16WithoutMark(d))
        {
            return (Utf16(bigEndian: d[0] == 0x00), 0);
        }
        if (DeclaredEncoding(d) is not { } name)
        {
            return (null, 0);
        }
        Encoding declared;
        try
        {
            declared = Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            return (null, 0);
        }
        // A declaration is read as ASCII: an encoding that does not write "<?xml" the same way (UTF-16
        // named in a one-byte document) contradicts the bytes, and UTF-8 needs no transcoding.
        return declared.CodePage == Encoding.UTF8.CodePage || !declared.GetBytes("<?xml encoding").AsSpan().SequenceEqual("<?xml encoding"u8)
            ? (null, 0)
            : (declared, 0);
    }

    private const int BigEndianCodePage = 1201;

    private static UnicodeEncoding Utf16(bool bigEndian) => new(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>The encoding named by an XML declaration at the very start (no byte order mark), or null.</summary>
    private static string? DeclaredEncoding(ReadOnlySpan<byte> d)
    {
        if (!d.StartsWith("<?xml"u8) || d.Length < 6 || !XmlCharacters.IsWhitespace(d[5]))
        {
            return null;
        }
        var end = d[..Math.Min(d.Length, 1024)].IndexOf("?>"u8);
        if (end < 0)
        {
            return null;
        }
        var declaration = d[..end];
        var at = declaration.IndexOf("encoding"u8);
        if (at < 0)
        {
            return null;
        }
        var rest = declaration[(at + 8)..].TrimStart(" \t\r\n"u8);
        if (rest.IsEmpty || rest[0] != (byte)'=')
        {
            return null;
        }
        rest = rest[1..].TrimStart(" \t\r\n"u8);
        if (rest.IsEmpty || rest[0] is not ((byte)'"' or (byte)'\''))
        {
            return null;
        }
        var close = rest[1..].IndexOf(rest[0]);
        return close <= 0 || !Ascii.IsValid(rest.Slice(1, close)) ? null : Encoding.ASCII.GetString(rest.Slice(1, close));
    }

    /// <summary>Where the valid prefix of <paramref name="body"/> ends (its bytes before that decode).</summary>
    private static int FirstInvalid(Encoding encoding, ReadOnlySpan<byte> body)
    {
        if (encoding is UnicodeEncoding)
        {
            // The code page, not the preamble: these encodings are made without one.
            var bigEndian = encoding.CodePage == BigEndianCodePage;
            var i = 0;
            for (; i + 1 < body.Length; i += 2)
            {
                var unit = bigEndian ? (body[i] << 8) | body[i + 1] : body[i] | (body[i + 1] << 8);
                if (unit is >= 0xDC00 and <= 0xDFFF)
                {
                    return i;
                }
                if (unit is >= 0xD800 and <= 0xDBFF)
                {
                    var next = i + 3 < body.Length ? (bigEndian ? (body[i + 2] << 8) | body[i + 3] : body[i + 2] | (body[i + 3] << 8)) : -1;
                    if (next is < 0xDC00 or > 0xDFFF)
                    {
                        return i;
                    }
                    i += 2;
                }
            }
            return i;
        }
        if (encoding.IsSingleByte)
        {
            for (var i = 0; i < body.Length; i++)
            {
                if (!Decodes(encoding, body.Slice(i, 1)))
                {
                    return i;
                }
            }
            return body.Length;
        }
        // Other multi-byte encodings: a prefix that decodes, by bisection (a cut inside a character can
        // place the error up to a character early).
        int valid = 0, invalid = body.Length;
        while (invalid - valid > 1)
        {
            var mid = valid + ((invalid - valid) / 2);
            (valid, invalid) = Decodes(encoding, body[..mid]) ? (mid, invalid) : (valid, mid);
        }
        return valid;
    }

    private static bool Decodes(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            encoding.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
