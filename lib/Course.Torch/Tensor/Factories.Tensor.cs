namespace Course.Torch;

public static partial class torch
{
    /// <summary>Wraps a copy of <paramref name="data"/> as a tensor, optionally shaped by <paramref name="dimensions"/>.</summary>
    static Tensor FromData<T>(T[] data, ReadOnlySpan<long> dimensions, ScalarType own, ScalarType? dtype, bool requires_grad)
    {
        var shape = dimensions.Length == 0 ? [data.LongLength] : dimensions.ToArray();
        long count = shape.Aggregate(1L, (n, d) => n * d);
        if (count != data.LongLength)
            throw new ArgumentException($"The array has {data.LongLength} elements but dimensions {ShapeString(shape)} need {count}.");
        var t = new Tensor(new Storage((T[])data.Clone()), shape, Kernels.Strided.ContiguousStrides(shape), 0, own);
        return (dtype is { } d ? t.to(d) : t).requires_grad_(requires_grad);
    }

    /// <summary>A float32 tensor from an array (1-D, or shaped by <paramref name="dimensions"/>).</summary>
    public static Tensor tensor(float[] rawArray, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) =>
        FromData(rawArray, dimensions, ScalarType.Float32, dtype, requires_grad);

    /// <summary>A float64 tensor from an array.</summary>
    public static Tensor tensor(double[] rawArray, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) =>
        FromData(rawArray, dimensions, ScalarType.Float64, dtype, requires_grad);

    /// <summary>An int64 tensor from an array.</summary>
    public static Tensor tensor(long[] rawArray, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) =>
        FromData(rawArray, dimensions, ScalarType.Int64, dtype, requires_grad);

    /// <summary>An int32 tensor from an array.</summary>
    public static Tensor tensor(int[] rawArray, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) =>
        FromData(rawArray, dimensions, ScalarType.Int32, dtype, requires_grad);

    /// <summary>A uint8 tensor from an array.</summary>
    public static Tensor tensor(byte[] rawArray, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) =>
        FromData(rawArray, dimensions, ScalarType.Byte, dtype, requires_grad);

    /// <summary>A bool tensor from an array.</summary>
    public static Tensor tensor(bool[] rawArray, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) =>
        FromData(rawArray, dimensions, ScalarType.Bool, dtype, requires_grad);

    /// <summary>A 0-dim float32 tensor.</summary>
    public static Tensor tensor(float scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        full([], scalar, dtype ?? ScalarType.Float32, device, requires_grad);

    /// <summary>A 0-dim float64 tensor.</summary>
    public static Tensor tensor(double scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        full([], scalar, dtype ?? ScalarType.Float64, device, requires_grad);

    /// <summary>A 0-dim int64 tensor.</summary>
    public static Tensor tensor(long scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        full([], scalar, dtype ?? ScalarType.Int64, device, requires_grad);

    /// <summary>A 0-dim int32 tensor.</summary>
    public static Tensor tensor(int scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        full([], scalar, dtype ?? ScalarType.Int32, device, requires_grad);

    /// <summary>A 0-dim bool tensor.</summary>
    public static Tensor tensor(bool scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        full([], scalar ? 1 : 0, dtype ?? ScalarType.Bool, device, requires_grad);
}
