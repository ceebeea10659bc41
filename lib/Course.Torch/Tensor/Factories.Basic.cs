namespace Course.Torch;

public static partial class torch
{
    /// <summary>A tensor of <paramref name="size"/> filled with <paramref name="value"/>.</summary>
    public static Tensor full(long[] size, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var type = dtype ?? (value.Type == ScalarType.Float64 ? get_default_dtype() : value.Type);
        var t = Tensor.Empty(size, type);
        Fill(t, value.Value);
        return t.requires_grad_(requires_grad);
    }

    /// <summary>Writes one value into every element of a contiguous tensor.</summary>
    internal static void Fill(Tensor t, double value)
    {
        switch (t.storage.Data)
        {
            case float[] a: Array.Fill(a, (float)value); break;
            case double[] a: Array.Fill(a, value); break;
            case long[] a: Array.Fill(a, (long)value); break;
            case int[] a: Array.Fill(a, (int)value); break;
            case byte[] a: Array.Fill(a, (byte)value); break;
            case bool[] a: Array.Fill(a, value != 0); break;
        }
    }

    /// <summary>A tensor of zeros.</summary>
    public static Tensor zeros(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Tensor.Empty(size, dtype ?? get_default_dtype()).requires_grad_(requires_grad);

    /// <summary>A tensor of ones.</summary>
    public static Tensor ones(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        full(size, 1, dtype ?? get_default_dtype(), device, requires_grad);

    /// <summary>Zeros with the shape (and by default the dtype) of <paramref name="input"/>.</summary>
    public static Tensor zeros_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        zeros(input._shape, dtype ?? input.dtype, device, requires_grad);

    /// <summary>Ones with the shape (and by default the dtype) of <paramref name="input"/>.</summary>
    public static Tensor ones_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        ones(input._shape, dtype ?? input.dtype, device, requires_grad);
}
