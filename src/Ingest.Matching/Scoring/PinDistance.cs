namespace Ingest.Matching.Scoring;

/// <summary>
/// Whether two PIN keys of one country differ only by a keying slip: one character changed, or two
/// neighbours swapped. Such a PIN is the same person's, mistyped, not another person's.
/// </summary>
internal static class PinDistance
{
    public static bool IsNear(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }
        var first = -1;
        var differences = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                if (++differences > 2)
                {
                    return false;
                }
                if (first < 0)
                {
                    first = i;
                }
            }
        }
        if (differences <= 1)
        {
            return true;
        }
        // Two differences: only an adjacent transposition counts.
        return first + 1 < a.Length && a[first] == b[first + 1] && a[first + 1] == b[first] && CountAfter(a, b, first + 2) == 0;
    }

    private static int CountAfter(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int from)
    {
        var n = 0;
        for (var i = from; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                n++;
            }
        }
        return n;
    }
}
