using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Ingest.Matching.Indexes;

/// <summary>
/// Software prefetch: asks the processor to bring a cache line in without waiting for it, so that
/// the misses of several candidates overlap instead of queueing. A hint only: a line that moved
/// (the GC compacts) or is never read costs nothing but bandwidth; without SSE it is a no-op.
/// </summary>
internal static class Prefetch
{
    public static unsafe void Element<T>(T[] array, int index)
    {
        if (Sse.IsSupported && (uint)index < (uint)array.Length)
        {
            // Not array[index]: on an array seen through a covariant type that would check the element type.
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), index)));
        }
    }

    /// <summary>The object an array element refers to (the element itself should be in cache already).</summary>
    public static unsafe void Target<T>(T[] array, int index)
        where T : class
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0((void*)Unsafe.As<T, nint>(ref array[index]));
        }
    }
}
