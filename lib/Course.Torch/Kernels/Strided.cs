namespace Course.Torch.Kernels;

/// <summary>Walks strided views in row-major (C) order.</summary>
internal static class Strided
{
    /// <summary>
    /// The storage offset of every element of a view, in row-major order:
    /// offset(i0..ik) = start + sum_d i_d * stride_d. An odometer over the indices avoids any division.
    /// </summary>
    public static int[] Offsets(ReadOnlySpan<long> shape, ReadOnlySpan<long> strides, long start)
    {
        long count = 1;
        foreach (var s in shape) count *= s;
        var offsets = new int[count];
        if (count == 0) return offsets;
        int ndim = shape.Length;
        if (ndim == 0) { offsets[0] = (int)start; return offsets; }

        Span<long> index = stackalloc long[ndim];
        long inner = shape[ndim - 1], innerStride = strides[ndim - 1];
        long rowStart = start;
        for (long i = 0; i < count; i += inner)
        {
            long o = rowStart;
            for (long j = 0; j < inner; j++, o += innerStride) offsets[i + j] = (int)o;
            for (int d = ndim - 2; d >= 0; d--)
            {
                rowStart += strides[d];
                if (++index[d] < shape[d]) break;
                rowStart -= strides[d] * shape[d];
                index[d] = 0;
            }
        }
        return offsets;
    }

    /// <summary>Row-major strides of a contiguous tensor: stride_d = prod(shape[d+1..]).</summary>
    public static long[] ContiguousStrides(ReadOnlySpan<long> shape)
    {
        var strides = new long[shape.Length];
        long s = 1;
        for (int d = shape.Length - 1; d >= 0; d--) { strides[d] = s; s *= Math.Max(shape[d], 1); }
        return strides;
    }
}
