using System.IO.Compression;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using Ingest.Core.Units;
using Ingest.Sources.Zip;
using Microsoft.Win32.SafeHandles;

namespace Ingest.Sources;

/// <summary>
/// Entries of a zip archive, streamed one by one (the archive is never loaded whole), in archive
/// order, named "archive.zip!entry". Entries ending in .seds are framed further. With
/// <see cref="UnitSourceOptions.DeferInflate"/> the entries' raw deflate bytes are handed on for
/// the parse workers to expand in parallel; without it they are expanded here. Either way every
/// entry's CRC-32 is checked. A damaged archive or entry becomes a FramingError unit (one for an
/// archive that cannot be opened at all) and the reading goes on: one bad delivery must not stop a
/// nightly run.
/// </summary>
public sealed class ZipUnitSource(string path, UnitSourceOptions? options = null) : IUnitSource
{
    private readonly UnitSourceOptions _options = options ?? UnitSourceOptions.Default;

    public IAsyncEnumerable<InputUnit> ReadAsync(CancellationToken cancellationToken)
    {
        List<ZipEntryInfo>? entries;
        try
        {
            using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            entries = ZipDirectory.Read(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return One(ArchiveError(e.Message));
        }
        return entries is null ? ReadWithSystemZipAsync(cancellationToken) : ReadEntriesAsync(entries, cancellationToken);
    }

    private async IAsyncEnumerable<InputUnit> ReadEntriesAsync(List<ZipEntryInfo> entries, [EnumeratorCancellation] CancellationToken cancellationToken)
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
            // A stored entry is not expanded, so nothing else would see a damaged byte.
            if (entry.Method == ZipEntryInfo.Stored && Crc32.HashToUInt32(raw.Memory.Span) is var crc && crc != entry.Crc32)
            {
                raw.Dispose();
                yield return new InputUnit(id, ReadOnlyMemory<byte>.Empty) { FramingError = $"zip entry CRC-32 is {crc:x8}, the archive says {entry.Crc32:x8}" };
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
            if (entry.Method == ZipEntryInfo.Stored)
            {
                yield return new InputUnit(id, raw.Memory, raw);
                continue;
            }
            var unit = new InputUnit(id, raw.Memory, raw) { Deflated = deflated };
            yield return _options.DeferInflate ? unit : UnitInflation.Inflate(unit);
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

    private InputUnit ArchiveError(string reason) =>
        new(new UnitId(path, null, 0), ReadOnlyMemory<byte>.Empty) { FramingError = $"zip archive is unreadable: {reason}" };

    private static async IAsyncEnumerable<InputUnit> One(InputUnit unit)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield return unit;
    }

    /// <summary>
    /// An archive whose central directory <see cref="ZipDirectory"/> does not read (multi-disk,
    /// damaged): System.IO.Compression tries it, entry by entry, each read whole before it is framed.
    /// </summary>
    private async IAsyncEnumerable<InputUnit> ReadWithSystemZipAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            var (archive, error) = Open(file);
            if (archive is null)
            {
                yield return ArchiveError(error!);
                yield break;
            }
            using (archive)
            {
                foreach (var entry in archive.Entries)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (entry.FullName.EndsWith('/'))
                    {
                        continue;
                    }
                    var id = new UnitId(path, entry.FullName, 0);
                    var unit = await ReadEntryAsync(id, entry, cancellationToken).ConfigureAwait(false);
                    if (unit.FramingError is null && entry.FullName.EndsWith(".seds", StringComparison.OrdinalIgnoreCase))
                    {
                        using (unit)
                        {
                            await foreach (var frame in SedsFraming.ReadAsync(path, entry.FullName, new ReadOnlyMemoryStream(unit.Payload.First), _options, cancellationToken).ConfigureAwait(false))
                            {
                                yield return frame;
                            }
                        }
                        continue;
                    }
                    yield return unit;
                }
            }
        }
    }

    private static (ZipArchive? Archive, string? Error) Open(FileStream file)
    {
        try
        {
            var archive = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            try
            {
                // The entries are read at first use: a damaged central directory throws there, so here,
                // where it is the archive's one error unit rather than the end of the whole run.
                _ = archive.Entries.Count;
            }
            catch
            {
                archive.Dispose();
                throw;
            }
            return (archive, null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return (null, e.Message);
        }
    }

    private async Task<InputUnit> ReadEntryAsync(UnitId id, ZipArchiveEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            var stream = entry.Open();
            await using (stream.ConfigureAwait(false))
            {
                return await StreamUnits.ReadAsync(id, stream, entry.Length, _options, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            return new InputUnit(id, ReadOnlyMemory<byte>.Empty) { FramingError = $"zip entry is unreadable: {e.Message}" };
        }
    }
}
