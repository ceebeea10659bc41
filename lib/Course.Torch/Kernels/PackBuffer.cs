using System.Runtime.InteropServices;

namespace Course.Torch.Kernels;

/// <summary>
/// The GEMM's packing buffers, kept per thread and reused across calls. Allocating them per call cost as much as a
/// small product's arithmetic: a fresh 64-byte-aligned block of up to 2 MB is new memory, and the kernel zeroes every
/// page of it on first touch. A buffer only grows (to at most KC·NC floats for B and MC·KC for A), so a thread holds
/// at most ~2 MB, for as long as it lives.
/// </summary>
internal static unsafe class PackBuffer
{
    [ThreadStatic] static float* a, b;
    [ThreadStatic] static nuint aLength, bLength;

    /// <summary>This thread's buffer for packed A blocks, at least <paramref name="floats"/> long.</summary>
    public static float* ForA(nuint floats) => Ensure(ref a, ref aLength, floats);

    /// <summary>This thread's buffer for packed B panels (shared read-only by the threads of one product).</summary>
    public static float* ForB(nuint floats) => Ensure(ref b, ref bLength, floats);

    static float* Ensure(ref float* buffer, ref nuint length, nuint floats)
    {
        if (length >= floats) return buffer;
        NativeMemory.AlignedFree(buffer);
        buffer = (float*)NativeMemory.AlignedAlloc(floats * sizeof(float), 64);
        length = floats;
        return buffer;
    }
}
