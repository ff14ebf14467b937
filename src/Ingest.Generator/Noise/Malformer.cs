namespace Ingest.Generator.Noise;

/// <summary>Breaks rendered bytes the ways transfers do: truncation, or bytes that are not UTF-8.</summary>
public static class Malformer
{
    public const string Truncated = "truncated";
    public const string BadUtf8 = "bad-utf8";

    public static (byte[] Bytes, string Kind) Break(byte[] bytes, DetRandom rng)
    {
        if (rng.Chance(0.5))
        {
            var at = bytes.AsSpan().IndexOf("<familyName>"u8);
            if (at >= 0)
            {
                at += "<familyName>".Length;
                var broken = new byte[bytes.Length + 2];
                bytes.AsSpan(0, at).CopyTo(broken);
                // A lone Latin-1 "é" (0xE9) and a continuation byte: never valid UTF-8.
                broken[at] = 0xE9;
                broken[at + 1] = 0x80;
                bytes.AsSpan(at).CopyTo(broken.AsSpan(at + 2));
                return (broken, BadUtf8);
            }
        }
        var cut = (int)(bytes.Length * (0.3 + rng.NextDouble() * 0.6));
        return (bytes[..cut], Truncated);
    }
}
