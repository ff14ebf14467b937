using System.Runtime.InteropServices;

namespace Ingest.Sources.Zip;

/// <summary>
/// Raw-deflate decoding with one zlib stream per thread, reset between entries. DeflateStream sets
/// up a fresh zlib state (and its 32 KB window) for every entry, which costs as much as inflating
/// a whole 3 KB SED; the runtime's own compression library also exports inflateReset2, so each
/// parse worker keeps its state. Where that library or export is missing, callers fall back to
/// DeflateStream (<see cref="IsAvailable"/>).
/// </summary>
internal sealed unsafe partial class NativeInflater
{
    private const string Library = "libSystem.IO.Compression.Native";
    private const int RawDeflate = -15;
    private const int Finish = 4;
    private const int Ok = 0;
    private const int StreamEnd = 1;
    private const int BufferError = -5;

    [ThreadStatic]
    private static NativeInflater? t_current;
    private static int s_available = -1;

    private readonly ZStream* _stream;

    private NativeInflater()
    {
        _stream = (ZStream*)NativeMemory.AllocZeroed((nuint)sizeof(ZStream));
        if (InflateInit2(_stream, RawDeflate) != Ok)
        {
            NativeMemory.Free(_stream);
            throw new InvalidOperationException("zlib inflateInit2 failed");
        }
    }

    ~NativeInflater()
    {
        _ = InflateEnd(_stream);
        NativeMemory.Free(_stream);
    }

    public static bool IsAvailable
    {
        get
        {
            if (s_available < 0)
            {
                try
                {
                    Current().Reset();
                    s_available = 1;
                }
                catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or InvalidOperationException)
                {
                    s_available = 0;
                }
            }
            return s_available == 1;
        }
    }

    /// <summary>Inflates exactly <paramref name="output"/>.Length bytes; null on success, else why not.</summary>
    public static string? Inflate(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var inflater = Current();
        inflater.Reset();
        var s = inflater._stream;
        int rc;
        // zlib refuses a null output pointer (Z_STREAM_ERROR), which is what an empty span pins: an empty
        // entry still deflated gets a one-byte stand-in with no room in it.
        byte none = 0;
        fixed (byte* inPtr = input)
        fixed (byte* pinned = output)
        {
            var outPtr = output.IsEmpty ? &none : pinned;
            s->NextIn = inPtr;
            s->AvailIn = (uint)input.Length;
            s->NextOut = outPtr;
            s->AvailOut = (uint)output.Length;
            rc = Inflate(s, Finish);
        }
        var written = output.Length - (int)s->AvailOut;
        var inputLeft = s->AvailIn;
        s->NextIn = null;
        s->NextOut = null;
        return rc switch
        {
            StreamEnd when written == output.Length => null,
            StreamEnd => $"zip entry expands to {written} bytes, the archive says {output.Length}",
            Ok or BufferError when written == output.Length && inputLeft > 0 => $"zip entry expands beyond the {output.Length} bytes the archive says",
            Ok or BufferError => $"zip entry expands to {written} bytes, the archive says {output.Length}",
            _ => $"zip entry is not valid deflate data (zlib {rc})",
        };
    }

    private static NativeInflater Current() => t_current ??= new NativeInflater();

    private void Reset()
    {
        if (InflateReset2(_stream, RawDeflate) != Ok)
        {
            throw new InvalidOperationException("zlib inflateReset2 failed");
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ZStream
    {
        public byte* NextIn;
        public byte* NextOut;
        public byte* Message;
        public void* InternalState;
        public uint AvailIn;
        public uint AvailOut;
    }

    [LibraryImport(Library, EntryPoint = "CompressionNative_InflateInit2_")]
    private static partial int InflateInit2(ZStream* stream, int windowBits);

    [LibraryImport(Library, EntryPoint = "CompressionNative_InflateReset2_")]
    private static partial int InflateReset2(ZStream* stream, int windowBits);

    [LibraryImport(Library, EntryPoint = "CompressionNative_Inflate")]
    private static partial int Inflate(ZStream* stream, int flush);

    [LibraryImport(Library, EntryPoint = "CompressionNative_InflateEnd")]
    private static partial int InflateEnd(ZStream* stream);
}
