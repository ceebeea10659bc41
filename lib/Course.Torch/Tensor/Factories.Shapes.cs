namespace Course.Torch;

public static partial class torch
{
    /// <summary>A tensor of zeros.</summary>
    public static Tensor zeros(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        zeros((ReadOnlySpan<long>)size, dtype, device, requires_grad);

    /// <summary>A tensor of zeros.</summary>
    public static Tensor zeros(ReadOnlySpan<long> size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Tensor.Empty(size, dtype ?? get_default_dtype()).requires_grad_(requires_grad);

    /// <summary>A tensor of zeros.</summary>
    public static Tensor zeros(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        zeros([size], dtype, device, requires_grad);

    /// <summary>A tensor of zeros.</summary>
    public static Tensor zeros(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        zeros([rows, columns], dtype, device, requires_grad);

    /// <summary>A tensor of zeros.</summary>
    public static Tensor zeros(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        zeros([dim0, dim1, dim2], dtype, device, requires_grad);

    /// <summary>A tensor of zeros.</summary>
    public static Tensor zeros(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        zeros([dim0, dim1, dim2, dim3], dtype, device, requires_grad);

    /// <summary>A tensor of zeros.</summary>
    public static Tensor zeros(int size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        zeros([size], dtype, device, requires_grad);

    /// <summary>A tensor of zeros.</summary>
    public static Tensor zeros(int rows, int columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        zeros([rows, columns], dtype, device, requires_grad);

    /// <summary>A tensor of zeros.</summary>
    public static Tensor zeros(int dim0, int dim1, int dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        zeros([dim0, dim1, dim2], dtype, device, requires_grad);

    /// <summary>A tensor of zeros.</summary>
    public static Tensor zeros(int dim0, int dim1, int dim2, int dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        zeros([dim0, dim1, dim2, dim3], dtype, device, requires_grad);

    /// <summary>A tensor of ones.</summary>
    public static Tensor ones(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        ones((ReadOnlySpan<long>)size, dtype, device, requires_grad);

    /// <summary>A tensor of ones.</summary>
    public static Tensor ones(ReadOnlySpan<long> size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Tensor.Empty(size, dtype ?? get_default_dtype()).fill_(1).requires_grad_(requires_grad);

    /// <summary>A tensor of ones.</summary>
    public static Tensor ones(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        ones([size], dtype, device, requires_grad);

    /// <summary>A tensor of ones.</summary>
    public static Tensor ones(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        ones([rows, columns], dtype, device, requires_grad);

    /// <summary>A tensor of ones.</summary>
    public static Tensor ones(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        ones([dim0, dim1, dim2], dtype, device, requires_grad);

    /// <summary>A tensor of ones.</summary>
    public static Tensor ones(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        ones([dim0, dim1, dim2, dim3], dtype, device, requires_grad);

    /// <summary>A tensor of ones.</summary>
    public static Tensor ones(int size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        ones([size], dtype, device, requires_grad);

    /// <summary>A tensor of ones.</summary>
    public static Tensor ones(int rows, int columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        ones([rows, columns], dtype, device, requires_grad);

    /// <summary>A tensor of ones.</summary>
    public static Tensor ones(int dim0, int dim1, int dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        ones([dim0, dim1, dim2], dtype, device, requires_grad);

    /// <summary>A tensor of ones.</summary>
    public static Tensor ones(int dim0, int dim1, int dim2, int dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        ones([dim0, dim1, dim2, dim3], dtype, device, requires_grad);

    /// <summary>An uninitialised tensor (here: zeros, since .NET arrays start cleared).</summary>
    public static Tensor empty(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        empty((ReadOnlySpan<long>)size, dtype, device, requires_grad);

    /// <summary>An uninitialised tensor (here: zeros, since .NET arrays start cleared).</summary>
    public static Tensor empty(ReadOnlySpan<long> size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Tensor.Empty(size, dtype ?? get_default_dtype()).requires_grad_(requires_grad);

    /// <summary>An uninitialised tensor (here: zeros, since .NET arrays start cleared).</summary>
    public static Tensor empty(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        empty([size], dtype, device, requires_grad);

    /// <summary>An uninitialised tensor (here: zeros, since .NET arrays start cleared).</summary>
    public static Tensor empty(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        empty([rows, columns], dtype, device, requires_grad);

    /// <summary>An uninitialised tensor (here: zeros, since .NET arrays start cleared).</summary>
    public static Tensor empty(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        empty([dim0, dim1, dim2], dtype, device, requires_grad);

    /// <summary>An uninitialised tensor (here: zeros, since .NET arrays start cleared).</summary>
    public static Tensor empty(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        empty([dim0, dim1, dim2, dim3], dtype, device, requires_grad);

    /// <summary>An uninitialised tensor (here: zeros, since .NET arrays start cleared).</summary>
    public static Tensor empty(int size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        empty([size], dtype, device, requires_grad);

    /// <summary>An uninitialised tensor (here: zeros, since .NET arrays start cleared).</summary>
    public static Tensor empty(int rows, int columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        empty([rows, columns], dtype, device, requires_grad);

    /// <summary>An uninitialised tensor (here: zeros, since .NET arrays start cleared).</summary>
    public static Tensor empty(int dim0, int dim1, int dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        empty([dim0, dim1, dim2], dtype, device, requires_grad);

    /// <summary>An uninitialised tensor (here: zeros, since .NET arrays start cleared).</summary>
    public static Tensor empty(int dim0, int dim1, int dim2, int dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        empty([dim0, dim1, dim2, dim3], dtype, device, requires_grad);

    /// <summary>A tensor filled with <paramref name="value"/>; the dtype defaults to the value's kind (int64, bool, or the default float).</summary>
    public static Tensor full(long[] size, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        full((ReadOnlySpan<long>)size, value, dtype, device, requires_grad);

    /// <summary>A tensor filled with <paramref name="value"/>; the dtype defaults to the value's kind (int64, bool, or the default float).</summary>
    public static Tensor full(ReadOnlySpan<long> size, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var t = Tensor.Empty(size, dtype ?? (value.Type == ScalarType.Float64 ? get_default_dtype() : value.Type));
        return t.fill_(value).requires_grad_(requires_grad);
    }

    /// <summary>A tensor filled with <paramref name="value"/>; the dtype defaults to the value's kind (int64, bool, or the default float).</summary>
    public static Tensor full(long size, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        full([size], value, dtype, device, requires_grad);

    /// <summary>A tensor filled with <paramref name="value"/>; the dtype defaults to the value's kind (int64, bool, or the default float).</summary>
    public static Tensor full(long rows, long columns, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        full([rows, columns], value, dtype, device, requires_grad);

    /// <summary>A tensor filled with <paramref name="value"/>; the dtype defaults to the value's kind (int64, bool, or the default float).</summary>
    public static Tensor full(long dim0, long dim1, long dim2, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        full([dim0, dim1, dim2], value, dtype, device, requires_grad);

    /// <summary>A tensor filled with <paramref name="value"/>; the dtype defaults to the value's kind (int64, bool, or the default float).</summary>
    public static Tensor full(long dim0, long dim1, long dim2, long dim3, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        full([dim0, dim1, dim2, dim3], value, dtype, device, requires_grad);

    /// <summary>A tensor filled with <paramref name="value"/>; the dtype defaults to the value's kind (int64, bool, or the default float).</summary>
    public static Tensor full(int size, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        full([size], value, dtype, device, requires_grad);

    /// <summary>A tensor filled with <paramref name="value"/>; the dtype defaults to the value's kind (int64, bool, or the default float).</summary>
    public static Tensor full(int rows, int columns, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        full([rows, columns], value, dtype, device, requires_grad);

    /// <summary>A tensor filled with <paramref name="value"/>; the dtype defaults to the value's kind (int64, bool, or the default float).</summary>
    public static Tensor full(int dim0, int dim1, int dim2, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        full([dim0, dim1, dim2], value, dtype, device, requires_grad);

    /// <summary>A tensor filled with <paramref name="value"/>; the dtype defaults to the value's kind (int64, bool, or the default float).</summary>
    public static Tensor full(int dim0, int dim1, int dim2, int dim3, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        full([dim0, dim1, dim2, dim3], value, dtype, device, requires_grad);

    /// <summary>Samples of U[0, 1) (float dtypes only).</summary>
    public static Tensor rand(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        rand((ReadOnlySpan<long>)size, dtype, device, requires_grad, generator);

    /// <summary>Samples of U[0, 1) (float dtypes only).</summary>
    public static Tensor rand(ReadOnlySpan<long> size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null)
    {
        var type = dtype ?? get_default_dtype();
        if (!is_floating_point(type))
            throw new ArgumentException($"torch.rand() was passed a bad dtype: {type}. It must be floating point.", nameof(dtype));
        return Tensor.Empty(size, type).uniform_(0, 1, generator).requires_grad_(requires_grad);
    }

    /// <summary>Samples of U[0, 1) (float dtypes only).</summary>
    public static Tensor rand(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        rand([size], dtype, device, requires_grad, generator);

    /// <summary>Samples of U[0, 1) (float dtypes only).</summary>
    public static Tensor rand(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        rand([rows, columns], dtype, device, requires_grad, generator);

    /// <summary>Samples of U[0, 1) (float dtypes only).</summary>
    public static Tensor rand(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        rand([dim0, dim1, dim2], dtype, device, requires_grad, generator);

    /// <summary>Samples of U[0, 1) (float dtypes only).</summary>
    public static Tensor rand(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        rand([dim0, dim1, dim2, dim3], dtype, device, requires_grad, generator);

    /// <summary>Samples of U[0, 1) (float dtypes only).</summary>
    public static Tensor rand(int size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        rand([size], dtype, device, requires_grad, generator);

    /// <summary>Samples of U[0, 1) (float dtypes only).</summary>
    public static Tensor rand(int rows, int columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        rand([rows, columns], dtype, device, requires_grad, generator);

    /// <summary>Samples of U[0, 1) (float dtypes only).</summary>
    public static Tensor rand(int dim0, int dim1, int dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        rand([dim0, dim1, dim2], dtype, device, requires_grad, generator);

    /// <summary>Samples of U[0, 1) (float dtypes only).</summary>
    public static Tensor rand(int dim0, int dim1, int dim2, int dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        rand([dim0, dim1, dim2, dim3], dtype, device, requires_grad, generator);

    /// <summary>Samples of the standard normal N(0, 1) (float dtypes only).</summary>
    public static Tensor randn(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        randn((ReadOnlySpan<long>)size, dtype, device, requires_grad, generator);

    /// <summary>Samples of the standard normal N(0, 1) (float dtypes only).</summary>
    public static Tensor randn(ReadOnlySpan<long> size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null)
    {
        var type = dtype ?? get_default_dtype();
        if (!is_floating_point(type))
            throw new ArgumentException($"torch.randn() was passed a bad dtype: {type}. It must be floating point.", nameof(dtype));
        return Tensor.Empty(size, type).normal_(0, 1, generator).requires_grad_(requires_grad);
    }

    /// <summary>Samples of the standard normal N(0, 1) (float dtypes only).</summary>
    public static Tensor randn(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        randn([size], dtype, device, requires_grad, generator);

    /// <summary>Samples of the standard normal N(0, 1) (float dtypes only).</summary>
    public static Tensor randn(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        randn([rows, columns], dtype, device, requires_grad, generator);

    /// <summary>Samples of the standard normal N(0, 1) (float dtypes only).</summary>
    public static Tensor randn(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        randn([dim0, dim1, dim2], dtype, device, requires_grad, generator);

    /// <summary>Samples of the standard normal N(0, 1) (float dtypes only).</summary>
    public static Tensor randn(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        randn([dim0, dim1, dim2, dim3], dtype, device, requires_grad, generator);

    /// <summary>Samples of the standard normal N(0, 1) (float dtypes only).</summary>
    public static Tensor randn(int size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        randn([size], dtype, device, requires_grad, generator);

    /// <summary>Samples of the standard normal N(0, 1) (float dtypes only).</summary>
    public static Tensor randn(int rows, int columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        randn([rows, columns], dtype, device, requires_grad, generator);

    /// <summary>Samples of the standard normal N(0, 1) (float dtypes only).</summary>
    public static Tensor randn(int dim0, int dim1, int dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        randn([dim0, dim1, dim2], dtype, device, requires_grad, generator);

    /// <summary>Samples of the standard normal N(0, 1) (float dtypes only).</summary>
    public static Tensor randn(int dim0, int dim1, int dim2, int dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        randn([dim0, dim1, dim2, dim3], dtype, device, requires_grad, generator);
}
