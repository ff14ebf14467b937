namespace Ingest.Sources;

/// <summary>A small read-ahead buffer over a stream for header lines, exact reads and single bytes.</summary>
internal sealed class BufferedByteReader(Stream stream)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    public async ValueTask<(byte[] Line, bool EndedWithNewline, int Consumed)?> ReadLineAsync(int maxLength, CancellationToken cancellationToken)
    {
        var line = new List<byte>(maxLength);
        var consumed = 0;
        while (true)
        {
            if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return consumed == 0 ? null : (line.ToArray(), false, consumed);
            }
            var b = _buffer[_start++];
            consumed++;
            if (b == (byte)'\n')
            {
                return (line.ToArray(), true, consumed);
            }
            line.Add(b);
            if (line.Count > maxLength)
            {
                return (line.ToArray(), false, consumed);
            }
        }
    }

    public async ValueTask<int> ReadExactlyAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < destination.Length)
        {
            if (_start < _end)
            {
                var n = Math.Min(_end - _start, destination.Length - total);
                _buffer.AsMemory(_start, n).CopyTo(destination[total..]);
                _start += n;
                total += n;
                continue;
            }
            // Large frames bypass the read-ahead buffer.
            var read = await stream.ReadAsync(destination[total..], cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }
            total += read;
        }
        return total;
    }

    public async ValueTask<int> ReadByteAsync(CancellationToken cancellationToken)
    {
        if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
        {
            return -1;
        }
        return _buffer[_start++];
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        _start = 0;
        _end = await stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
        return _end > 0;
    }
}
