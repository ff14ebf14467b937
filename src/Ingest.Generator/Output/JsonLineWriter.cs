using System.Runtime.CompilerServices;

namespace Ingest.Generator.Output;

/// <summary>
/// Writes one JSON object as a line, byte for byte what System.Text.Json writes with the default
/// encoder (the reference and truth files' contract): members in the order given, nulls skipped by
/// the caller, strings escaped like <c>JavaScriptEncoder.Default</c> — printable ASCII as is except
/// <c>" &amp; ' + &lt; &gt; `</c> and controls, which become <c>\uXXXX</c> (upper-case hex) or
/// <c>\\ \n \t \r \b \f</c>; every non-ASCII UTF-16 unit as <c>\uXXXX</c>, a lone surrogate as
/// <c>\uFFFD</c>. Member names are passed pre-quoted (<c>"\"name\":"u8</c>).
/// </summary>
internal ref struct JsonLineWriter
{
    private readonly BlockBuffer _out;
    /// <summary>Free space of the buffer, written at <see cref="_pos"/> and committed at <see cref="End"/> (or when more room is needed).</summary>
    private Span<byte> _span;
    private int _pos;
    private bool _first;

    public JsonLineWriter(BlockBuffer output)
    {
        _out = output;
        _span = output.GetSpan(1024);
        _pos = 0;
        _first = true;
    }

    public void Start() => Raw("{"u8);

    public void End()
    {
        Raw("}\n"u8);
        _out.Advance(_pos);
        _pos = 0;
        _span = default;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Room(int count)
    {
        if (_span.Length - _pos < count)
        {
            Grow(count);
        }
        return _span[_pos..];
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int count)
    {
        _out.Advance(_pos);
        _pos = 0;
        _span = _out.GetSpan(Math.Max(count, 1024));
    }

    /// <summary>A string member; nothing when the value is null (JsonIgnoreCondition.WhenWritingNull).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void String(ReadOnlySpan<byte> name, string? value)
    {
        if (value is null)
        {
            return;
        }
        Name(name);
        Quoted(value);
    }

    public void Number(ReadOnlySpan<byte> name, int value)
    {
        Name(name);
        System.Buffers.Text.Utf8Formatter.TryFormat(value, Room(11), out var written);
        _pos += written;
    }

    public void Bool(ReadOnlySpan<byte> name, bool value)
    {
        Name(name);
        Raw(value ? "true"u8 : "false"u8);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Strings(ReadOnlySpan<byte> name, IReadOnlyList<string> values)
    {
        Name(name);
        Raw("["u8);
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                Raw(","u8);
            }
            Quoted(values[i]);
        }
        Raw("]"u8);
    }

    private void Name(ReadOnlySpan<byte> quotedNameColon)
    {
        var span = Room(quotedNameColon.Length + 1);
        var at = 0;
        if (!_first)
        {
            span[0] = (byte)',';
            at = 1;
        }
        _first = false;
        quotedNameColon.CopyTo(span[at..]);
        _pos += at + quotedNameColon.Length;
    }

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Room(bytes.Length));
        _pos += bytes.Length;
    }

    /// <summary>1 for printable ASCII written as is; 0 for what the default encoder escapes.</summary>
    private static ReadOnlySpan<byte> Plain =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, // space ! " # $ % & ' ( ) * + , - . / 0-9 : ; < = > ?
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, // @ A-Z [ \ ] ^ _
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, // ` a-z { | } ~ DEL
    ];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Quoted(string value)
    {
        // Worst case: every UTF-16 unit becomes a six-byte \uXXXX.
        var span = Room((6 * value.Length) + 2);
        span[0] = (byte)'"';
        var o = 1;
        var plain = Plain;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < 0x80 && plain[c] != 0)
            {
                span[o++] = (byte)c;
                continue;
            }
            switch (c)
            {
                case '\\':
                    (span[o], span[o + 1], o) = ((byte)'\\', (byte)'\\', o + 2);
                    continue;
                case '\n':
                    (span[o], span[o + 1], o) = ((byte)'\\', (byte)'n', o + 2);
                    continue;
                case '\t':
                    (span[o], span[o + 1], o) = ((byte)'\\', (byte)'t', o + 2);
                    continue;
                case '\r':
                    (span[o], span[o + 1], o) = ((byte)'\\', (byte)'r', o + 2);
                    continue;
                case '\b':
                    (span[o], span[o + 1], o) = ((byte)'\\', (byte)'b', o + 2);
                    continue;
                case '\f':
                    (span[o], span[o + 1], o) = ((byte)'\\', (byte)'f', o + 2);
                    continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                o = Unicode(span, o, c);
                c = value[++i];
            }
            else if (char.IsSurrogate(c))
            {
                c = '\uFFFD';
            }
            o = Unicode(span, o, c);
        }
        span[o++] = (byte)'"';
        _pos += o;
    }

    private static int Unicode(Span<byte> span, int o, char c)
    {
        const string hex = "0123456789ABCDEF";
        span[o] = (byte)'\\';
        span[o + 1] = (byte)'u';
        span[o + 2] = (byte)hex[c >> 12];
        span[o + 3] = (byte)hex[(c >> 8) & 0xF];
        span[o + 4] = (byte)hex[(c >> 4) & 0xF];
        span[o + 5] = (byte)hex[c & 0xF];
        return o + 6;
    }
}
