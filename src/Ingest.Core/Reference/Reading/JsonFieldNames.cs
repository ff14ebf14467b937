namespace Ingest.Core.Reference.Reading;

/// <summary>Maps a JSON property name (UTF-8) to its position in a fixed list; -1 for names not in it.</summary>
internal sealed class JsonFieldNames
{
    private readonly byte[][] _names;
    private readonly int[][] _byLength;

    public JsonFieldNames(params string[] names)
    {
        _names = [.. names.Select(System.Text.Encoding.UTF8.GetBytes)];
        var longest = _names.Max(n => n.Length);
        _byLength = new int[longest + 1][];
        for (var length = 0; length <= longest; length++)
        {
            _byLength[length] = [.. Enumerable.Range(0, _names.Length).Where(i => _names[i].Length == length)];
        }
    }

    public int Find(ReadOnlySpan<byte> name)
    {
        if (name.Length >= _byLength.Length)
        {
            return -1;
        }
        foreach (var i in _byLength[name.Length])
        {
            if (name.SequenceEqual(_names[i]))
            {
                return i;
            }
        }
        return -1;
    }
}
