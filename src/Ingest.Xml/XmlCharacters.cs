using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace Ingest.Xml;

/// <summary>XML 1.0 (fifth edition) character and name rules, ASCII by table, the rest by code point.</summary>
internal static class XmlCharacters
{
    public const byte NameStart = 1;
    public const byte NamePart = 2;

    // ASCII bytes a name may start with / contain (the colon is handled by the QName scanner).
    private static readonly byte[] s_asciiName = BuildAsciiNameTable();

    // Complements of the special sets below, scanned 16 bytes at a time (see AsciiSet).
    private static readonly AsciiSet s_nameBytes = new(b => b < 0x80 && s_asciiName[b] != 0);
    private static readonly AsciiSet s_textPlain = new(b => IsPlainAscii(b) && b is not ('<' or '&' or ']'));
    private static readonly AsciiSet s_textPlainOrNonAscii = new(b => b >= 0x80 || (IsPlainAscii(b) && b is not ('<' or '&' or ']')));
    private static readonly AsciiSet s_doubleQuotedPlain = new(b => IsPlainAscii(b) && b is not ('"' or '<' or '&' or '\t' or '\n'));
    private static readonly AsciiSet s_singleQuotedPlain = new(b => IsPlainAscii(b) && b is not ('\'' or '<' or '&' or '\t' or '\n'));

    /// <summary>Bytes that end the fast path of a text run: markup, references, CR, ']' (for "]]>"), forbidden controls, non-ASCII.</summary>
    public static readonly SearchValues<byte> TextSpecials = SearchValues.Create(BuildSpecials("<&\r]"));

    /// <summary>Bytes that need a closer look inside a double-quoted attribute value.</summary>
    public static readonly SearchValues<byte> DoubleQuotedSpecials = SearchValues.Create(BuildSpecials("\"<&\t\n\r"));

    /// <summary>Bytes that need a closer look inside a single-quoted attribute value.</summary>
    public static readonly SearchValues<byte> SingleQuotedSpecials = SearchValues.Create(BuildSpecials("'<&\t\n\r"));

    /// <summary>Bytes that need a closer look in CDATA, comments and PIs: CR, forbidden controls, non-ASCII.</summary>
    public static readonly SearchValues<byte> RawSpecials = SearchValues.Create(BuildSpecials("\r"));

    /// <summary>ASCII bytes that may appear in an NCName (letters, digits, '_', '-', '.'; no colon).</summary>
    public static readonly SearchValues<byte> AsciiNCNameBytes =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-."u8);

    public static ReadOnlySpan<byte> XmlNamespace => "http://www.w3.org/XML/1998/namespace"u8;

    public static ReadOnlySpan<byte> XmlnsNamespace => "http://www.w3.org/2000/xmlns/"u8;

    /// <summary>Index of the first byte of <see cref="TextSpecials"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int IndexOfTextSpecial(ReadOnlySpan<byte> span) => s_textPlain.IndexOfNonMember(span);

    /// <summary>Like <see cref="IndexOfTextSpecial"/> but passes over non-ASCII bytes (validated afterwards in one go).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int IndexOfTextSpecialOrAscii(ReadOnlySpan<byte> span) => s_textPlainOrNonAscii.IndexOfNonMember(span);

    /// <summary>Index of the first byte that needs a closer look in an attribute value quoted by <paramref name="quote"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int IndexOfAttributeSpecial(ReadOnlySpan<byte> span, byte quote) => quote == (byte)'"'
        ? s_doubleQuotedPlain.IndexOfNonMember(span)
        : s_singleQuotedPlain.IndexOfNonMember(span);

    /// <summary>Index of the first byte that is not an ASCII NCName byte (<see cref="AsciiNCNameBytes"/>), or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int IndexOfNonNCName(ReadOnlySpan<byte> span) => s_nameBytes.IndexOfNonMember(span);

    // ASCII that may stand in text as is: printable, TAB and LF (CR needs end-of-line handling).
    private static bool IsPlainAscii(int b) => b is >= 0x20 and < 0x80 or '\t' or '\n';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\t' or (byte)'\r';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte AsciiNameClass(byte b) => s_asciiName[b];

    /// <summary>XML Char production for a decoded scalar (surrogates cannot come out of valid UTF-8).</summary>
    public static bool IsXmlChar(uint c) =>
        c is 0x9 or 0xA or 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);

    public static bool IsNameStartChar(uint c) =>
        c < 0x80 ? (s_asciiName[c] & NameStart) != 0 || c == ':'
        : (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF)
          || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D)
          || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF)
          || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);

    public static bool IsNameChar(uint c) =>
        c < 0x80 ? s_asciiName[c] != 0 || c == ':'
        : IsNameStartChar(c) || c == 0xB7 || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);

    /// <summary>True when valid UTF-8 holds U+FFFE or U+FFFF (EF BF BE / EF BF BF), the only non-characters of the BMP that XML excludes.</summary>
    public static bool ContainsNonCharacter(ReadOnlySpan<byte> validUtf8)
    {
        var k = validUtf8.IndexOf((byte)0xEF);
        while (k >= 0)
        {
            if (k + 2 < validUtf8.Length && validUtf8[k + 1] == 0xBF && validUtf8[k + 2] >= 0xBE)
            {
                return true;
            }
            var next = validUtf8[(k + 1)..].IndexOf((byte)0xEF);
            k = next < 0 ? -1 : k + 1 + next;
        }
        return false;
    }

    /// <summary>
    /// Validates a span that the vectorised scan flagged: strict UTF-8 and XML Char rules.
    /// Returns the index of the first bad byte, or -1; <paramref name="code"/> says which rule failed.
    /// </summary>
    public static int FindInvalid(ReadOnlySpan<byte> span, out ParseErrorCode code)
    {
        var i = 0;
        while (i < span.Length)
        {
            var rest = span[i..];
            var ascii = rest.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            var asciiPart = ascii < 0 ? rest : rest[..ascii];
            var bad = asciiPart.IndexOfAnyInRange((byte)0, (byte)0x1F);
            while (bad >= 0)
            {
                var b = asciiPart[bad];
                if (b is not ((byte)'\t' or (byte)'\n' or (byte)'\r'))
                {
                    code = ParseErrorCode.InvalidCharacter;
                    return i + bad;
                }
                var next = asciiPart[(bad + 1)..].IndexOfAnyInRange((byte)0, (byte)0x1F);
                bad = next < 0 ? -1 : bad + 1 + next;
            }
            if (ascii < 0)
            {
                break;
            }
            i += ascii;
            var status = Rune.DecodeFromUtf8(span[i..], out var rune, out var consumed);
            if (status != OperationStatus.Done)
            {
                code = ParseErrorCode.InvalidUtf8;
                return i;
            }
            if (!IsXmlChar((uint)rune.Value))
            {
                code = ParseErrorCode.InvalidCharacter;
                return i;
            }
            i += consumed;
        }
        code = ParseErrorCode.None;
        return -1;
    }

    private static byte[] BuildAsciiNameTable()
    {
        var t = new byte[256];
        for (var c = 'a'; c <= 'z'; c++)
        {
            t[c] = NameStart | NamePart;
            t[char.ToUpperInvariant(c)] = NameStart | NamePart;
        }
        t['_'] = NameStart | NamePart;
        for (var c = '0'; c <= '9'; c++)
        {
            t[c] = NamePart;
        }
        t['-'] = NamePart;
        t['.'] = NamePart;
        return t;
    }

    private static byte[] BuildSpecials(string extra)
    {
        var list = new List<byte>();
        for (var b = 0; b < 0x20; b++)
        {
            if (b is not ('\t' or '\n' or '\r'))
            {
                list.Add((byte)b);
            }
        }
        for (var b = 0x80; b <= 0xFF; b++)
        {
            list.Add((byte)b);
        }
        foreach (var c in extra)
        {
            list.Add((byte)c);
        }
        return list.ToArray();
    }
}
