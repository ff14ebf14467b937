using System.Text;

namespace Ingest.Sed;

/// <summary>
/// Interns short ASCII values (country, sex, article and yes/no codes, SED types), which repeat in
/// every SED, so they cost no allocation after first sight. Bounded, so hostile input cannot grow it.
/// </summary>
internal sealed class ValueCache
{
    private const int MaxEntries = 4096;
    private readonly Dictionary<ulong, string> _values = [];

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length is 0 or > 7 || !Ascii.IsValid(utf8))
        {
            return Encoding.UTF8.GetString(utf8);
        }
        ulong key = (ulong)utf8.Length;
        foreach (var b in utf8)
        {
            key = (key << 8) | b;
        }
        if (_values.TryGetValue(key, out var value))
        {
            return value;
        }
        value = Encoding.ASCII.GetString(utf8);
        if (_values.Count < MaxEntries)
        {
            _values[key] = value;
        }
        return value;
    }
}
