namespace Course.Torch;

public static partial class torch
{
    /// <summary>The element type of a .NET array as a dtype.</summary>
    /// <exception cref="NotSupportedException">For element types the engine has no dtype for.</exception>
    static ScalarType ScalarTypeOf(Type element) =>
        element == typeof(float) ? ScalarType.Float32 : element == typeof(double) ? ScalarType.Float64 :
        element == typeof(long) ? ScalarType.Int64 : element == typeof(int) ? ScalarType.Int32 :
        element == typeof(byte) ? ScalarType.Byte : element == typeof(bool) ? ScalarType.Bool :
        throw new NotSupportedException($"The type {element.FullName} is not supported.");

    /// <summary>
    /// A tensor over the elements of any-rank array <paramref name="data"/> (row-major, as .NET lays out T[,] and T[,,]).
    /// With <paramref name="share"/> a 1-D array becomes the storage itself; anything else is copied.
    /// </summary>
    static Tensor FromArray(Array data, long[] shape, ScalarType? dtype, bool requires_grad, bool share = false)
    {
        var own = ScalarTypeOf(data.GetType().GetElementType()!);
        long count = shape.Aggregate(1L, (n, d) => n * d);
        if (count != data.LongLength)
            throw new ArgumentException($"mismatched total size creating a tensor from an array: {count} elements for shape {ShapeString(shape)} vs. {data.LongLength} in the array");
        var flat = data;
        if (!share || data.Rank != 1)
        {
            flat = Array.CreateInstance(data.GetType().GetElementType()!, data.LongLength);
            Buffer.BlockCopy(data, 0, flat, 0, Buffer.ByteLength(data));
        }
        var t = new Tensor(new Storage(flat), shape, Kernels.Strided.ContiguousStrides(shape), 0, own);
        return (dtype is { } d && d != own ? t.to(d) : t).requires_grad_(requires_grad);
    }

    /// <summary>The sizes of each dimension of a rectangular array.</summary>
    static long[] ShapeOf(Array data) => Enumerable.Range(0, data.Rank).Select(d => data.GetLongLength(d)).ToArray();

    /// <summary>Stacks the rows of a jagged array into a rows × columns array; all rows must have one length.</summary>
    static T[] FlattenRows<T>(T[][] rows)
    {
        int columns = rows.Length == 0 ? 0 : rows[0].Length;
        var flat = new T[rows.Length * columns];
        for (int r = 0; r < rows.Length; r++)
        {
            if (rows[r].Length != columns)
                throw new ArgumentException($"expected sequence of length {columns} at dim 1 (got {rows[r].Length}) in row {r}");
            rows[r].CopyTo(flat, r * columns);
        }
        return flat;
    }

    /// <summary>
    /// A tensor over a .NET array of any rank, with its shape. Like TorchSharp (and torch.from_numpy), a 1-D array is
    /// shared: writes through the tensor change the array and vice versa. Multi-dimensional arrays are copied here.
    /// </summary>
    public static Tensor from_array(Array rawArray, Device? device = null) => FromArray(rawArray, ShapeOf(rawArray), null, false, share: true);

    /// <summary>A tensor over a .NET array of any rank, converted to <paramref name="dtype"/> (shared when 1-D and no conversion is needed).</summary>
    public static Tensor from_array(Array rawArray, ScalarType? dtype, Device? device = null, bool requires_grad = false) =>
        FromArray(rawArray, ShapeOf(rawArray), dtype, requires_grad, share: true);

    /// <summary>Like <see cref="from_array(Array, ScalarType?, Device?, bool)"/>: shares 1-D arrays.</summary>
    public static Tensor as_tensor(Array data, ScalarType? dtype = null, Device? device = null) => from_array(data, dtype, device);

    /// <summary>A 2-D Float32 tensor copied from a rectangular array.</summary>
    public static Tensor tensor(float[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray, ShapeOf(rawArray), dtype, requires_grad);

    /// <summary>A 3-D Float32 tensor copied from a rectangular array.</summary>
    public static Tensor tensor(float[,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray, ShapeOf(rawArray), dtype, requires_grad);

    /// <summary>A 4-D Float32 tensor copied from a rectangular array.</summary>
    public static Tensor tensor(float[,,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray, ShapeOf(rawArray), dtype, requires_grad);

    /// <summary>A 2-D Float32 tensor copied from a jagged array whose rows all have the same length.</summary>
    /// <exception cref="ArgumentException">When the rows differ in length.</exception>
    public static Tensor tensor(float[][] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromArray(FlattenRows(rawArray), [rawArray.Length, rawArray.Length == 0 ? 0 : rawArray[0].Length], dtype, requires_grad, share: true);

    /// <summary>A 1-D Float32 tensor copied from a list.</summary>
    public static Tensor tensor(IList<float> rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), [rawArray.Count], dtype, requires_grad, share: true);

    /// <summary>A Float32 tensor copied from a list and shaped by <paramref name="dimensions"/>.</summary>
    public static Tensor tensor(IList<float> rawArray, long[] dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), (long[])dimensions.Clone(), dtype, requires_grad, share: true);

    /// <summary>A rows × columns Float32 tensor copied from a list.</summary>
    public static Tensor tensor(IList<float> rawArray, long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), [rows, columns], dtype, requires_grad, share: true);

    /// <summary>A 3-D Float32 tensor copied from a list.</summary>
    public static Tensor tensor(IList<float> rawArray, long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), [dim0, dim1, dim2], dtype, requires_grad, share: true);

    /// <summary>A 4-D Float32 tensor copied from a list.</summary>
    public static Tensor tensor(IList<float> rawArray, long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), [dim0, dim1, dim2, dim3], dtype, requires_grad, share: true);

    /// <summary>A 2-D Float64 tensor copied from a rectangular array.</summary>
    public static Tensor tensor(double[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray, ShapeOf(rawArray), dtype, requires_grad);

    /// <summary>A 3-D Float64 tensor copied from a rectangular array.</summary>
    public static Tensor tensor(double[,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray, ShapeOf(rawArray), dtype, requires_grad);

    /// <summary>A 4-D Float64 tensor copied from a rectangular array.</summary>
    public static Tensor tensor(double[,,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray, ShapeOf(rawArray), dtype, requires_grad);

    /// <summary>A 2-D Float64 tensor copied from a jagged array whose rows all have the same length.</summary>
    /// <exception cref="ArgumentException">When the rows differ in length.</exception>
    public static Tensor tensor(double[][] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromArray(FlattenRows(rawArray), [rawArray.Length, rawArray.Length == 0 ? 0 : rawArray[0].Length], dtype, requires_grad, share: true);

    /// <summary>A 1-D Float64 tensor copied from a list.</summary>
    public static Tensor tensor(IList<double> rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), [rawArray.Count], dtype, requires_grad, share: true);

    /// <summary>A Float64 tensor copied from a list and shaped by <paramref name="dimensions"/>.</summary>
    public static Tensor tensor(IList<double> rawArray, long[] dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), (long[])dimensions.Clone(), dtype, requires_grad, share: true);

    /// <summary>A rows × columns Float64 tensor copied from a list.</summary>
    public static Tensor tensor(IList<double> rawArray, long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), [rows, columns], dtype, requires_grad, share: true);

    /// <summary>A 3-D Float64 tensor copied from a list.</summary>
    public static Tensor tensor(IList<double> rawArray, long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), [dim0, dim1, dim2], dtype, requires_grad, share: true);

    /// <summary>A 4-D Float64 tensor copied from a list.</summary>
    public static Tensor tensor(IList<double> rawArray, long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), [dim0, dim1, dim2, dim3], dtype, requires_grad, share: true);

    /// <summary>A 2-D Int64 tensor copied from a rectangular array.</summary>
    public static Tensor tensor(long[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray, ShapeOf(rawArray), dtype, requires_grad);

    /// <summary>A 3-D Int64 tensor copied from a rectangular array.</summary>
    public static Tensor tensor(long[,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray, ShapeOf(rawArray), dtype, requires_grad);

    /// <summary>A 4-D Int64 tensor copied from a rectangular array.</summary>
    public static Tensor tensor(long[,,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray, ShapeOf(rawArray), dtype, requires_grad);

    /// <summary>A 2-D Int64 tensor copied from a jagged array whose rows all have the same length.</summary>
    /// <exception cref="ArgumentException">When the rows differ in length.</exception>
    public static Tensor tensor(long[][] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromArray(FlattenRows(rawArray), [rawArray.Length, rawArray.Length == 0 ? 0 : rawArray[0].Length], dtype, requires_grad, share: true);

    /// <summary>A 1-D Int64 tensor copied from a list.</summary>
    public static Tensor tensor(IList<long> rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), [rawArray.Count], dtype, requires_grad, share: true);

    /// <summary>A Int64 tensor copied from a list and shaped by <paramref name="dimensions"/>.</summary>
    public static Tensor tensor(IList<long> rawArray, long[] dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), (long[])dimensions.Clone(), dtype, requires_grad, share: true);

    /// <summary>A rows × columns Int64 tensor copied from a list.</summary>
    public static Tensor tensor(IList<long> rawArray, long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), [rows, columns], dtype, requires_grad, share: true);

    /// <summary>A 3-D Int64 tensor copied from a list.</summary>
    public static Tensor tensor(IList<long> rawArray, long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), [dim0, dim1, dim2], dtype, requires_grad, share: true);

    /// <summary>A 4-D Int64 tensor copied from a list.</summary>
    public static Tensor tensor(IList<long> rawArray, long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), [dim0, dim1, dim2, dim3], dtype, requires_grad, share: true);

    /// <summary>A 2-D Int32 tensor copied from a rectangular array.</summary>
    public static Tensor tensor(int[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray, ShapeOf(rawArray), dtype, requires_grad);

    /// <summary>A 3-D Int32 tensor copied from a rectangular array.</summary>
    public static Tensor tensor(int[,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray, ShapeOf(rawArray), dtype, requires_grad);

    /// <summary>A 4-D Int32 tensor copied from a rectangular array.</summary>
    public static Tensor tensor(int[,,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray, ShapeOf(rawArray), dtype, requires_grad);

    /// <summary>A 2-D Int32 tensor copied from a jagged array whose rows all have the same length.</summary>
    /// <exception cref="ArgumentException">When the rows differ in length.</exception>
    public static Tensor tensor(int[][] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromArray(FlattenRows(rawArray), [rawArray.Length, rawArray.Length == 0 ? 0 : rawArray[0].Length], dtype, requires_grad, share: true);

    /// <summary>A 1-D Int32 tensor copied from a list.</summary>
    public static Tensor tensor(IList<int> rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), [rawArray.Count], dtype, requires_grad, share: true);

    /// <summary>A Int32 tensor copied from a list and shaped by <paramref name="dimensions"/>.</summary>
    public static Tensor tensor(IList<int> rawArray, long[] dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), (long[])dimensions.Clone(), dtype, requires_grad, share: true);

    /// <summary>A rows × columns Int32 tensor copied from a list.</summary>
    public static Tensor tensor(IList<int> rawArray, long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), [rows, columns], dtype, requires_grad, share: true);

    /// <summary>A 3-D Int32 tensor copied from a list.</summary>
    public static Tensor tensor(IList<int> rawArray, long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), [dim0, dim1, dim2], dtype, requires_grad, share: true);

    /// <summary>A 4-D Int32 tensor copied from a list.</summary>
    public static Tensor tensor(IList<int> rawArray, long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), [dim0, dim1, dim2, dim3], dtype, requires_grad, share: true);

    /// <summary>A 2-D Byte tensor copied from a rectangular array.</summary>
    public static Tensor tensor(byte[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray, ShapeOf(rawArray), dtype, requires_grad);

    /// <summary>A 3-D Byte tensor copied from a rectangular array.</summary>
    public static Tensor tensor(byte[,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray, ShapeOf(rawArray), dtype, requires_grad);

    /// <summary>A 4-D Byte tensor copied from a rectangular array.</summary>
    public static Tensor tensor(byte[,,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray, ShapeOf(rawArray), dtype, requires_grad);

    /// <summary>A 2-D Byte tensor copied from a jagged array whose rows all have the same length.</summary>
    /// <exception cref="ArgumentException">When the rows differ in length.</exception>
    public static Tensor tensor(byte[][] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromArray(FlattenRows(rawArray), [rawArray.Length, rawArray.Length == 0 ? 0 : rawArray[0].Length], dtype, requires_grad, share: true);

    /// <summary>A 1-D Byte tensor copied from a list.</summary>
    public static Tensor tensor(IList<byte> rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), [rawArray.Count], dtype, requires_grad, share: true);

    /// <summary>A Byte tensor copied from a list and shaped by <paramref name="dimensions"/>.</summary>
    public static Tensor tensor(IList<byte> rawArray, long[] dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), (long[])dimensions.Clone(), dtype, requires_grad, share: true);

    /// <summary>A rows × columns Byte tensor copied from a list.</summary>
    public static Tensor tensor(IList<byte> rawArray, long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), [rows, columns], dtype, requires_grad, share: true);

    /// <summary>A 3-D Byte tensor copied from a list.</summary>
    public static Tensor tensor(IList<byte> rawArray, long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), [dim0, dim1, dim2], dtype, requires_grad, share: true);

    /// <summary>A 4-D Byte tensor copied from a list.</summary>
    public static Tensor tensor(IList<byte> rawArray, long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), [dim0, dim1, dim2, dim3], dtype, requires_grad, share: true);

    /// <summary>A 2-D Bool tensor copied from a rectangular array.</summary>
    public static Tensor tensor(bool[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray, ShapeOf(rawArray), dtype, requires_grad);

    /// <summary>A 3-D Bool tensor copied from a rectangular array.</summary>
    public static Tensor tensor(bool[,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray, ShapeOf(rawArray), dtype, requires_grad);

    /// <summary>A 4-D Bool tensor copied from a rectangular array.</summary>
    public static Tensor tensor(bool[,,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray, ShapeOf(rawArray), dtype, requires_grad);

    /// <summary>A 2-D Bool tensor copied from a jagged array whose rows all have the same length.</summary>
    /// <exception cref="ArgumentException">When the rows differ in length.</exception>
    public static Tensor tensor(bool[][] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromArray(FlattenRows(rawArray), [rawArray.Length, rawArray.Length == 0 ? 0 : rawArray[0].Length], dtype, requires_grad, share: true);

    /// <summary>A 1-D Bool tensor copied from a list.</summary>
    public static Tensor tensor(IList<bool> rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), [rawArray.Count], dtype, requires_grad, share: true);

    /// <summary>A Bool tensor copied from a list and shaped by <paramref name="dimensions"/>.</summary>
    public static Tensor tensor(IList<bool> rawArray, long[] dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), (long[])dimensions.Clone(), dtype, requires_grad, share: true);

    /// <summary>A rows × columns Bool tensor copied from a list.</summary>
    public static Tensor tensor(IList<bool> rawArray, long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), [rows, columns], dtype, requires_grad, share: true);

    /// <summary>A 3-D Bool tensor copied from a list.</summary>
    public static Tensor tensor(IList<bool> rawArray, long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), [dim0, dim1, dim2], dtype, requires_grad, share: true);

    /// <summary>A 4-D Bool tensor copied from a list.</summary>
    public static Tensor tensor(IList<bool> rawArray, long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromArray(rawArray.ToArray(), [dim0, dim1, dim2, dim3], dtype, requires_grad, share: true);
}
