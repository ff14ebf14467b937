using System.Text;
using Ingest.Sed.Mapping;

namespace Ingest.Sed;

/// <summary>
/// Makes the strings of kept values, interning codes and recurring values (<see cref="SedValueKind"/>)
/// so that they cost no allocation after first sight. Each kind has a direct-mapped table keyed by the
/// value's <see cref="NameKey"/> and length: one multiply and a compare per lookup (plus a vectorised
/// compare above 16 bytes), and bounded, so hostile input cannot grow it (a colliding value only evicts
/// another). Only ASCII is interned; anything else is decoded as it comes.
/// </summary>
internal sealed class ValueCache
{
    // Sized to stay in L1/L2 next to the field maps: the codes of a corpus number a few dozen, its
    // recurring values (institutions, towns, common names, dates) a few hundred.
    private const int CodeBits = 8;
    private const int RecurringBits = 10;
    private const int MaxInterned = 64;
    private readonly Entry[] _codes = new Entry[1 << CodeBits];
    private readonly Entry[] _recurring = new Entry[1 << RecurringBits];

    /// <summary>A string for a code (SED type, versions).</summary>
    public string Get(ReadOnlySpan<byte> utf8) => Intern(_codes, CodeBits, utf8);

    /// <param name="isAscii">The reader already knows the value is ASCII: no second scan.</param>
    public string Get(ReadOnlySpan<byte> utf8, SedValueKind kind, bool isAscii) => kind switch
    {
        SedValueKind.Code => Intern(_codes, CodeBits, utf8),
        SedValueKind.Recurring => Intern(_recurring, RecurringBits, utf8),
        // One or two characters (a document version, a flag) recur whatever the field.
        _ when utf8.Length <= 2 => Intern(_codes, CodeBits, utf8),
        _ => isAscii ? Encoding.Latin1.GetString(utf8) : Create(utf8),
    };

    /// <summary>A new string; ASCII (most values) is widened without a second UTF-8 validation.</summary>
    public static string Create(ReadOnlySpan<byte> utf8) =>
        Ascii.IsValid(utf8) ? Encoding.Latin1.GetString(utf8) : Encoding.UTF8.GetString(utf8);

    private static string Intern(Entry[] table, int bits, ReadOnlySpan<byte> utf8)
    {
        var n = utf8.Length;
        if (n is 0 or > MaxInterned)
        {
            return Create(utf8);
        }
        var key = new NameKey(utf8);
        ref var entry = ref table[key.Hash((uint)n, 64 - bits)];
        if (entry.Value is { } cached && entry.Length == n && entry.Key.Equals(key)
            && (n <= NameKey.ExactLength || Ascii.Equals(utf8, cached)))
        {
            return cached;
        }
        if (n <= NameKey.ExactLength ? !key.IsAscii : !Ascii.IsValid(utf8))
        {
            return Encoding.UTF8.GetString(utf8);
        }
        var value = Encoding.Latin1.GetString(utf8);
        entry = new Entry(key, n, value);
        return value;
    }

    private readonly record struct Entry(NameKey Key, int Length, string? Value);
}
