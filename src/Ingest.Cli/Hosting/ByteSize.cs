using System.Globalization;

namespace Ingest.Cli.Hosting;

/// <summary>Sizes on the command line: bytes, or a number with K, M or G (decimal, as the summaries print GB).</summary>
internal static class ByteSize
{
    public static long Parse(string text, string option)
    {
        var t = text.Trim().ToUpperInvariant();
        if (t.EndsWith('B') && t.Length > 1 && !char.IsDigit(t[^2]))
        {
            t = t[..^1];
        }
        var scale = t.Length == 0 ? 1d : t[^1] switch { 'K' => 1e3, 'M' => 1e6, 'G' => 1e9, _ => 1d };
        var number = scale == 1d ? t : t[..^1];
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            throw new CliUsageException($"--{option}: '{text}' is not a size (bytes, or a number with K, M or G: 3.6G)");
        }
        return (long)(value * scale);
    }
}
