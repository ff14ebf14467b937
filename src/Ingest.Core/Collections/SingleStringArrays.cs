using System.Collections.Concurrent;

namespace Ingest.Core.Collections;

/// <summary>
/// One shared one-element array per value, for lists that nearly always hold one recurring value
/// (a record's nationality, its work country): a reference snapshot of a million records would
/// otherwise hold a million identical arrays. Callers must treat the arrays as read-only. Bounded:
/// past the maximum number of distinct values (hostile or unusual input) arrays are no longer shared.
/// </summary>
public sealed class SingleStringArrays(int maxValues)
{
    private readonly ConcurrentDictionary<string, string[]> _arrays = new(StringComparer.Ordinal);

    /// <summary>The process-wide instance: country codes and other short recurring values.</summary>
    public static SingleStringArrays Shared { get; } = new(4096);

    public string[] Of(string value)
    {
        if (_arrays.TryGetValue(value, out var shared))
        {
            return shared;
        }
        return _arrays.Count < maxValues ? _arrays.GetOrAdd(value, static v => [v]) : [value];
    }
}
