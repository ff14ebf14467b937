using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace Ingest.Generator.Output;

/// <summary>
/// Minimal UTF-8 XML emitter over an <see cref="IBufferWriter{T}"/>: element names are UTF-8
/// literals, text is transcoded straight into the buffer and escaped (&amp; &lt; &gt; &quot; &apos;).
/// </summary>
public readonly ref struct Utf8XmlWriter(IBufferWriter<byte> output)
{
    private static readonly SearchValues<char> s_escape = SearchValues.Create("&<>\"'");
    private readonly IBufferWriter<byte> _out = output;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Raw(ReadOnlySpan<byte> bytes)
    {
        var span = _out.GetSpan(bytes.Length);
        bytes.CopyTo(span);
        _out.Advance(bytes.Length);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Byte(byte b)
    {
        _out.GetSpan(1)[0] = b;
        _out.Advance(1);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Open(ReadOnlySpan<byte> name)
    {
        var span = _out.GetSpan(name.Length + 2);
        span[0] = (byte)'<';
        name.CopyTo(span[1..]);
        span[name.Length + 1] = (byte)'>';
        _out.Advance(name.Length + 2);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Close(ReadOnlySpan<byte> name)
    {
        var span = _out.GetSpan(name.Length + 3);
        span[0] = (byte)'<';
        span[1] = (byte)'/';
        name.CopyTo(span[2..]);
        span[name.Length + 2] = (byte)'>';
        _out.Advance(name.Length + 3);
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Text(string value)
    {
        var rest = value.AsSpan();
        while (true)
        {
            var i = rest.IndexOfAny(s_escape);
            var chunk = i < 0 ? rest : rest[..i];
            if (!chunk.IsEmpty)
            {
                var span = _out.GetSpan(Encoding.UTF8.GetMaxByteCount(chunk.Length));
                _out.Advance(Encoding.UTF8.GetBytes(chunk, span));
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
        var span = _out.GetSpan(11);
        System.Buffers.Text.Utf8Formatter.TryFormat(value, span, out var written);
        _out.Advance(written);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Attribute(ReadOnlySpan<byte> name, string value)
    {
        Byte((byte)' ');
        Raw(name);
        Raw("=\""u8);
        Text(value);
        Byte((byte)'"');
    }
}
