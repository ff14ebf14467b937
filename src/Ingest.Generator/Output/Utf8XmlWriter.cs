using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace Ingest.Generator.Output;

/// <summary>
/// Minimal UTF-8 XML emitter over a <see cref="ByteScratch"/>: element names are UTF-8 literals, text
/// is copied byte by byte while it is ASCII with nothing to escape (names, codes, dates, ids: nearly
/// every value), else transcoded and escaped (&amp; &lt; &gt; &quot; &apos;).
/// </summary>
internal readonly ref struct Utf8XmlWriter(ByteScratch output)
{
    private static readonly SearchValues<char> s_escape = SearchValues.Create("&<>\"'");
    private readonly ByteScratch _out = output;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_out.Reserve(bytes.Length));
        _out.Length += bytes.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Open(ReadOnlySpan<byte> name)
    {
        var span = _out.Reserve(name.Length + 2);
        span[0] = (byte)'<';
        name.CopyTo(span[1..]);
        span[name.Length + 1] = (byte)'>';
        _out.Length += name.Length + 2;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Close(ReadOnlySpan<byte> name)
    {
        var span = _out.Reserve(name.Length + 3);
        span[0] = (byte)'<';
        span[1] = (byte)'/';
        name.CopyTo(span[2..]);
        span[name.Length + 2] = (byte)'>';
        _out.Length += name.Length + 3;
    }

    /// <summary>&lt;name&gt;text&lt;/name&gt;, nothing when the value is null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Leaf(ReadOnlySpan<byte> name, string? value)
    {
        if (value is null)
        {
            return;
        }
        Open(name);
        Text(value);
        Close(name);
    }

    /// <summary>A coded value: &lt;name&gt;&lt;value&gt;code&lt;/value&gt;&lt;/name&gt;.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Coded(ReadOnlySpan<byte> name, string? value)
    {
        if (value is null)
        {
            return;
        }
        Open(name);
        Raw("<value>"u8);
        Text(value);
        Raw("</value>"u8);
        Close(name);
    }

    public void Text(string value) => Text(value.AsSpan());

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Text(ReadOnlySpan<char> value)
    {
        var span = _out.Reserve(value.Length);
        var i = 0;
        for (; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= 0x80 || c is '&' or '<' or '>' or '"' or '\'')
            {
                break;
            }
            span[i] = (byte)c;
        }
        _out.Length += i;
        if (i < value.Length)
        {
            Escaped(value[i..]);
        }
    }

    /// <summary>The rest of a value from its first non-ASCII or special character on.</summary>
    private void Escaped(ReadOnlySpan<char> rest)
    {
        while (true)
        {
            var i = rest.IndexOfAny(s_escape);
            var chunk = i < 0 ? rest : rest[..i];
            if (!chunk.IsEmpty)
            {
                var span = _out.Reserve(Encoding.UTF8.GetMaxByteCount(chunk.Length));
                _out.Length += Encoding.UTF8.GetBytes(chunk, span);
            }
            if (i < 0)
            {
                return;
            }
            Raw(rest[i] switch
            {
                '&' => "&amp;"u8,
                '<' => "&lt;"u8,
                '>' => "&gt;"u8,
                '"' => "&quot;"u8,
                _ => "&apos;"u8,
            });
            rest = rest[(i + 1)..];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Integer(int value)
    {
        System.Buffers.Text.Utf8Formatter.TryFormat(value, _out.Reserve(11), out var written);
        _out.Length += written;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Attribute(ReadOnlySpan<byte> name, string value)
    {
        var span = _out.Reserve(name.Length + 3);
        span[0] = (byte)' ';
        name.CopyTo(span[1..]);
        span[name.Length + 1] = (byte)'=';
        span[name.Length + 2] = (byte)'"';
        _out.Length += name.Length + 3;
        Text(value);
        Raw("\""u8);
    }
}
