using System.Buffers;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;

namespace Ingest.Core.Reference.Reading;

/// <summary>
/// Loads a JSON Lines reference file on every core: the file is cut into ranges at line ends, each
/// range decoded by its own thread (with its own <see cref="ReferenceRecordReader"/>), and the
/// records returned in file order. A bad line stops the load with its line number and byte offset.
/// </summary>
internal static class ReferenceFileLoader
{
    private const int MinRangeBytes = 1 << 20;
    private const int BufferBytes = 1 << 20;

    public static List<T> Load<T>(string path, Func<ReferenceRecordReader, ReadOnlySpan<byte>, T> decode) =>
        Load(path, decode, MinRangeBytes, BufferBytes);

    /// <summary>Tests shrink the ranges and the buffer to cross every boundary with small files.</summary>
    internal static List<T> Load<T>(string path, Func<ReferenceRecordReader, ReadOnlySpan<byte>, T> decode, int minRangeBytes, int bufferBytes)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var length = RandomAccess.GetLength(handle);
        var ranges = (int)Math.Clamp(length / minRangeBytes, 1, Environment.ProcessorCount * 4L);
        var starts = new long[ranges + 1];
        starts[ranges] = length;
        for (var k = 1; k < ranges; k++)
        {
            starts[k] = Math.Max(starts[k - 1], NextLineStart(handle, length * k / ranges, length));
        }
        var parts = new List<T>[ranges];
        try
        {
            Parallel.For(0, ranges, k => parts[k] = LoadRange(handle, path, starts[k], starts[k + 1], decode, bufferBytes));
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<InvalidDataException>().MinBy(x => x.Data["offset"]) is { } first)
        {
            // The first bad line of the file, as a sequential read would have reported it.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        }
        var all = new List<T>(parts.Sum(p => p.Count));
        foreach (var part in parts)
        {
            all.AddRange(part);
        }
        return all;
    }

    private static List<T> LoadRange<T>(SafeFileHandle handle, string path, long start, long end, Func<ReferenceRecordReader, ReadOnlySpan<byte>, T> decode, int bufferBytes)
    {
        var records = new List<T>((int)Math.Min(int.MaxValue / 2, (end - start) / 300 + 16));
        var reader = new ReferenceRecordReader();
        var buffer = ArrayPool<byte>.Shared.Rent(bufferBytes);
        try
        {
            var filled = 0;
            var bufferOffset = start;
            while (bufferOffset < end)
            {
                var want = (int)Math.Min(buffer.Length - filled, end - bufferOffset - filled);
                var read = want > 0 ? RandomAccess.Read(handle, buffer.AsSpan(filled, want), bufferOffset + filled) : 0;
                filled += read;
                var atEnd = bufferOffset + filled >= end || (want > 0 && read == 0);
                var data = buffer.AsSpan(0, filled);
                var consumed = 0;
                while (consumed < data.Length)
                {
                    var newline = data[consumed..].IndexOf((byte)'\n');
                    if (newline < 0 && !atEnd)
                    {
                        break;
                    }
                    var lineLength = newline < 0 ? data.Length - consumed : newline;
                    var line = data.Slice(consumed, lineLength).TrimEnd((byte)'\r');
                    if (!line.IsEmpty && !line.TrimStart(" \t"u8).IsEmpty)
                    {
                        try
                        {
                            records.Add(decode(reader, line));
                        }
                        catch (JsonException e)
                        {
                            var offset = bufferOffset + consumed;
                            throw new InvalidDataException($"{path}:{LineNumber(handle, offset)} (byte {offset}): {e.Message}", e) { Data = { ["offset"] = offset } };
                        }
                    }
                    consumed += lineLength + (newline < 0 ? 0 : 1);
                }
                if (atEnd)
                {
                    break;
                }
                if (consumed == 0)
                {
                    // A line longer than the buffer: grow it and read on.
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                    continue;
                }
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
                bufferOffset += consumed;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return records;
    }

    /// <summary>Offset just after the first newline at or after <paramref name="from"/>, or the file length.</summary>
    private static long NextLineStart(SafeFileHandle handle, long from, long length)
    {
        Span<byte> window = stackalloc byte[4096];
        while (from < length)
        {
            var read = RandomAccess.Read(handle, window, from);
            if (read == 0)
            {
                break;
            }
            var newline = window[..read].IndexOf((byte)'\n');
            if (newline >= 0)
            {
                return from + newline + 1;
            }
            from += read;
        }
        return length;
    }

    /// <summary>1-based line of a byte offset; only computed for an error message.</summary>
    private static long LineNumber(SafeFileHandle handle, long offset)
    {
        var line = 1L;
        var buffer = new byte[1 << 16];
        for (long position = 0; position < offset;)
        {
            var read = RandomAccess.Read(handle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, offset - position)), position);
            if (read == 0)
            {
                break;
            }
            line += buffer.AsSpan(0, read).Count((byte)'\n');
            position += read;
        }
        return line;
    }
}
