namespace Course.Torch;

/// <summary>
/// The flat array behind one or more tensors. Views (reshape, transpose, slices) share a storage and differ only in
/// shape, strides and offset. The version counter goes up on every in-place write, so autograd can tell when a tensor
/// it saved for backward was changed afterwards.
/// </summary>
internal sealed class Storage
{
    public Storage(Array data) { Data = data; }

    /// <summary>A float[], double[], long[], int[], byte[] or bool[], matching the tensor's dtype.</summary>
    public Array Data { get; }

    public int Version { get; private set; }

    public void BumpVersion() => Version++;

    public static Storage Allocate(ScalarType dtype, long count)
    {
        if (count > Array.MaxLength) throw new OutOfMemoryException($"A tensor of {count} elements is larger than the largest .NET array.");
        int n = (int)count;
        return new Storage(dtype switch
        {
            ScalarType.Float32 => new float[n],
            ScalarType.Float64 => new double[n],
            ScalarType.Int64 => new long[n],
            ScalarType.Int32 => new int[n],
            ScalarType.Byte => new byte[n],
            ScalarType.Bool => new bool[n],
            _ => throw new NotSupportedException($"dtype {dtype} is not supported."),
        });
    }
}
