using System.Numerics;
using System.Numerics.Tensors;

namespace Course.Torch.Kernels;

/// <summary>
/// A binary elementwise op, written once for every numeric element type. The span forms are where SIMD happens
/// (through TensorPrimitives); the scalar form serves strided and broadcast inputs.
/// </summary>
internal interface IBinaryOp
{
    static abstract T Invoke<T>(T a, T b) where T : INumber<T>;
    static abstract void Invoke<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> result) where T : INumber<T>;
    static abstract void Invoke<T>(ReadOnlySpan<T> a, T b, Span<T> result) where T : INumber<T>;
}

/// <summary>A unary elementwise op on floats (exp, log, tanh, …): scalar form plus a SIMD span form.</summary>
internal interface IFloatUnaryOp
{
    static abstract T Invoke<T>(T x) where T : IFloatingPointIeee754<T>;
    static abstract void Invoke<T>(ReadOnlySpan<T> x, Span<T> result) where T : IFloatingPointIeee754<T>;
}

/// <summary>Runs elementwise ops over contiguous, strided and broadcast tensors.</summary>
internal static class Elementwise
{
    /// <summary>result[i] = Op(a[i], b[i]) where a, b and result already share one shape (a and b may be strided
    /// or broadcast views with stride 0; result is contiguous).</summary>
    public static void Zip<T, TOp>(torch.Tensor a, torch.Tensor b, torch.Tensor result) where T : INumber<T> where TOp : IBinaryOp
    {
        var y = result.Span<T>();
        if (a.is_contiguous() && b.is_contiguous())
        {
            TOp.Invoke<T>(a.Span<T>(), b.Span<T>(), y);
            return;
        }
        if (a.is_contiguous() && IsBroadcastScalar(b))
        {
            TOp.Invoke(a.Span<T>(), b.Elements<T>()[b._offset], y);
            return;
        }
        var xa = a.Elements<T>();
        var xb = b.Elements<T>();
        var oa = a.Offsets();
        var ob = b.Offsets();
        for (int i = 0; i < y.Length; i++) y[i] = TOp.Invoke(xa[oa[i]], xb[ob[i]]);
    }

    /// <summary>result[i] = Op(x[i]) for a float tensor x of any layout; result is contiguous.</summary>
    public static void Map<T, TOp>(torch.Tensor x, torch.Tensor result) where T : IFloatingPointIeee754<T> where TOp : IFloatUnaryOp
    {
        var y = result.Span<T>();
        if (x.is_contiguous())
        {
            TOp.Invoke<T>(x.Span<T>(), y);
            return;
        }
        var data = x.Elements<T>();
        var offsets = x.Offsets();
        for (int i = 0; i < y.Length; i++) y[i] = TOp.Invoke(data[offsets[i]]);
    }

    /// <summary>Every stride zero: the view repeats one storage element.</summary>
    static bool IsBroadcastScalar(torch.Tensor t)
    {
        foreach (var s in t._strides) if (s != 0) return false;
        return true;
    }

    /// <summary>Applies a scalar-only op to spans; used by ops that TensorPrimitives has no SIMD form for.</summary>
    public static void Loop<T, TOp>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> result) where T : INumber<T> where TOp : IBinaryOp
    {
        for (int i = 0; i < result.Length; i++) result[i] = TOp.Invoke(a[i], b[i]);
    }

    /// <summary>Applies a scalar-only op to a span and one value.</summary>
    public static void Loop<T, TOp>(ReadOnlySpan<T> a, T b, Span<T> result) where T : INumber<T> where TOp : IBinaryOp
    {
        for (int i = 0; i < result.Length; i++) result[i] = TOp.Invoke(a[i], b);
    }
}

/// <summary>a + b</summary>
internal struct AddOp : IBinaryOp
{
    public static T Invoke<T>(T a, T b) where T : INumber<T> => a + b;
    public static void Invoke<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> r) where T : INumber<T> => TensorPrimitives.Add(a, b, r);
    public static void Invoke<T>(ReadOnlySpan<T> a, T b, Span<T> r) where T : INumber<T> => TensorPrimitives.Add(a, b, r);
}

/// <summary>a - b</summary>
internal struct SubOp : IBinaryOp
{
    public static T Invoke<T>(T a, T b) where T : INumber<T> => a - b;
    public static void Invoke<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> r) where T : INumber<T> => TensorPrimitives.Subtract(a, b, r);
    public static void Invoke<T>(ReadOnlySpan<T> a, T b, Span<T> r) where T : INumber<T> => TensorPrimitives.Subtract(a, b, r);
}

/// <summary>a * b</summary>
internal struct MulOp : IBinaryOp
{
    public static T Invoke<T>(T a, T b) where T : INumber<T> => a * b;
    public static void Invoke<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> r) where T : INumber<T> => TensorPrimitives.Multiply(a, b, r);
    public static void Invoke<T>(ReadOnlySpan<T> a, T b, Span<T> r) where T : INumber<T> => TensorPrimitives.Multiply(a, b, r);
}

/// <summary>a / b (true division: integer inputs are promoted to float before this runs)</summary>
internal struct DivOp : IBinaryOp
{
    public static T Invoke<T>(T a, T b) where T : INumber<T> => a / b;
    public static void Invoke<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> r) where T : INumber<T> => TensorPrimitives.Divide(a, b, r);
    public static void Invoke<T>(ReadOnlySpan<T> a, T b, Span<T> r) where T : INumber<T> => TensorPrimitives.Divide(a, b, r);
}
