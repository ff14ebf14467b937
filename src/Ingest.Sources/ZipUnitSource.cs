using System.IO.Compression;
using System.Runtime.CompilerServices;
using Ingest.Core.Units;
using Ingest.Sources.Zip;
using Microsoft.Win32.SafeHandles;

namespace Ingest.Sources;

/// <summary>
/// Entries of a zip archive, streamed one by one (the archive is never loaded whole), in archive
/// order, named "archive.zip!entry". Entries ending in .seds are framed further. With
/// <see cref="UnitSourceOptions.DeferInflate"/> the entries' raw deflate bytes are handed on for
/// the parse workers to expand in parallel.
/// </summary>
public sealed class ZipUnitSource(string path, UnitSourceOptions? options = null) : IUnitSource
{
    private readonly UnitSourceOptions _options = options ?? UnitSourceOptions.Default;

    public IAsyncEnumerable<InputUnit> ReadAsync(CancellationToken cancellationToken)
    {
        if (_options.DeferInflate)
        {
            using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (ZipDirectory.Read(file) is { } entries)
            {
                return ReadDeferredAsync(entries, cancellationToken);
            }
        }
        return ReadInflatedAsync(cancellationToken);
    }

    private async IAsyncEnumerable<InputUnit> ReadDeferredAsync(List<ZipEntryInfo> entries, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Read front to back through the window: the kernel's read-ahead then fetches the archive
        // ahead of the entries being cut from it.
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        using var window = new ZipWindow(file);
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (entry.IsDirectory)
            {
                continue;
            }
            var id = new UnitId(path, entry.Name, 0);
            if (entry.IsEncrypted || entry.Method is not (ZipEntryInfo.Stored or ZipEntryInfo.Deflated))
            {
                yield return Unsupported(id, entry);
                continue;
            }
            if (entry.UncompressedSize > _options.MaxUnitBytes || entry.CompressedSize > _options.MaxUnitBytes)
            {
                yield return StreamUnits.TooLarge(id, _options);
                continue;
            }
            var (raw, error) = ReadRaw(file, window, entry);
            if (raw is null)
            {
                yield return new InputUnit(id, ReadOnlyMemory<byte>.Empty) { FramingError = error };
                continue;
            }
            var deflated = new DeflatedPayload((int)entry.UncompressedSize, entry.Crc32);
            if (entry.Name.EndsWith(".seds", StringComparison.OrdinalIgnoreCase))
            {
                // Frames are cut from the expanded bytes, so a .seds entry is expanded here.
                using var expanded = UnitInflation.Inflate(new InputUnit(id, raw.Memory, raw) { Deflated = entry.Method == ZipEntryInfo.Deflated ? deflated : null });
                if (expanded.FramingError is not null)
                {
                    yield return new InputUnit(id, ReadOnlyMemory<byte>.Empty) { FramingError = expanded.FramingError };
                    continue;
                }
                await foreach (var frame in SedsFraming.ReadAsync(path, entry.Name, new ReadOnlyMemoryStream(expanded.Payload.First), _options, cancellationToken).ConfigureAwait(false))
                {
                    yield return frame;
                }
                continue;
            }
            yield return entry.Method == ZipEntryInfo.Deflated
                ? new InputUnit(id, raw.Memory, raw) { Deflated = deflated }
                : new InputUnit(id, raw.Memory, raw);
        }
    }

    /// <summary>
    /// An entry's compressed bytes, copied out of the window (an entry larger than it is read directly),
    /// synchronously: an asynchronous read (a thread-pool hop and a state machine boxed per entry,
    /// 1.4 KB) cost more than the copy.
    /// </summary>
    private static (PooledBuffer? Raw, string? Error) ReadRaw(SafeFileHandle file, ZipWindow window, ZipEntryInfo entry)
    {
        var buffer = new PooledBuffer((int)entry.CompressedSize);
        try
        {
            var at = ZipDirectory.DataOffset(window, entry);
            int filled;
            if (buffer.Length <= window.Capacity)
            {
                var data = window.Get(at, buffer.Length);
                data.CopyTo(buffer.Array);
                filled = data.Length;
            }
            else
            {
                filled = ZipWindow.ReadAt(file, buffer.Array.AsSpan(0, buffer.Length), at);
            }
            if (filled < buffer.Length)
            {
                buffer.Dispose();
                return (null, $"zip entry is cut short: {filled} of {buffer.Length} compressed bytes");
            }
            return (buffer, null);
        }
        catch (InvalidDataException e)
        {
            buffer.Dispose();
            return (null, e.Message);
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    private static InputUnit Unsupported(UnitId id, ZipEntryInfo entry) => new(id, ReadOnlyMemory<byte>.Empty)
    {
        FramingError = entry.IsEncrypted ? "zip entry is encrypted" : $"zip entry uses compression method {entry.Method} (only stored and deflate are read)",
    };

    private async IAsyncEnumerable<InputUnit> ReadInflatedAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            using var archive = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            foreach (var entry in archive.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (entry.FullName.EndsWith('/'))
                {
                    continue;
                }
                var stream = entry.Open();
                await using (stream.ConfigureAwait(false))
                {
                    if (entry.FullName.EndsWith(".seds", StringComparison.OrdinalIgnoreCase))
                    {
                        await foreach (var frame in SedsFraming.ReadAsync(path, entry.FullName, stream, _options, cancellationToken).ConfigureAwait(false))
                        {
                            yield return frame;
                        }
                    }
                    else
                    {
                        yield return await StreamUnits.ReadAsync(new UnitId(path, entry.FullName, 0), stream, entry.Length, _options, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
    }
}
