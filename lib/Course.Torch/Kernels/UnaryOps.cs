using System.Numerics;
using System.Numerics.Tensors;

namespace Course.Torch.Kernels;

/// <summary>A unary op for every numeric type (abs, relu, sign): integer tensors keep their dtype.</summary>
internal interface INumericUnaryOp
{
    static abstract T Invoke<T>(T x) where T : INumber<T>;
    static abstract void Invoke<T>(ReadOnlySpan<T> x, Span<T> result) where T : INumber<T>;
}

/// <summary>A comparison: one bool per pair of elements.</summary>
internal interface ICompareOp
{
    static abstract bool Invoke<T>(T a, T b) where T : INumber<T>;
}

/// <summary>Loops for the numeric unary ops, comparisons and selection (where).</summary>
internal static class ElementwiseExtra
{
    /// <summary>result[i] = Op(x[i]) for any numeric dtype and layout; result is contiguous.</summary>
    public static void Map<T, TOp>(torch.Tensor x, torch.Tensor result) where T : INumber<T> where TOp : INumericUnaryOp
    {
        var y = result.Span<T>();
        if (x.is_contiguous()) { TOp.Invoke<T>(x.Span<T>(), y); return; }
        var data = x.Elements<T>();
        var offsets = x.Offsets();
        for (int i = 0; i < y.Length; i++) y[i] = TOp.Invoke(data[offsets[i]]);
    }

    /// <summary>result[i] = Op(a[i], b[i]) as bool, for a and b of one shape and dtype (any layout).</summary>
    public static void Compare<T, TOp>(torch.Tensor a, torch.Tensor b, torch.Tensor result) where T : INumber<T> where TOp : ICompareOp
    {
        var y = result.Span<bool>();
        if (a.is_contiguous() && b.is_contiguous())
        {
            ReadOnlySpan<T> sa = a.Span<T>(), sb = b.Span<T>();
            for (int i = 0; i < y.Length; i++) y[i] = TOp.Invoke(sa[i], sb[i]);
            return;
        }
        if (a.is_contiguous() && IsBroadcastScalar(b))
        {
            ReadOnlySpan<T> sa = a.Span<T>();
            T vb = b.Elements<T>()[b._offset];
            for (int i = 0; i < y.Length; i++) y[i] = TOp.Invoke(sa[i], vb);
            return;
        }
        var (xa, xb) = (new Reader<T>(a), new Reader<T>(b));
        for (int i = 0; i < y.Length; i++) y[i] = TOp.Invoke(xa[i], xb[i]);
    }

    static bool IsBroadcastScalar(torch.Tensor t) => t._strides.All(s => s == 0);

    /// <summary>result[i] = condition[i] ? x[i] : y[i], for views of one shape (x and y of one dtype).</summary>
    public static void Select<T>(torch.Tensor condition, torch.Tensor x, torch.Tensor y, torch.Tensor result)
    {
        var r = result.Span<T>();
        var (c, xs, ys) = (new Reader<bool>(condition), new Reader<T>(x), new Reader<T>(y));
        for (int i = 0; i < r.Length; i++) r[i] = c[i] ? xs[i] : ys[i];
    }

    /// <summary>
    /// Reads element i (row-major) of a view: directly for contiguous views and broadcast scalars,
    /// through the offset table otherwise.
    /// </summary>
    readonly struct Reader<T>
    {
        readonly T[] data;
        readonly int start, step;
        readonly int[]? offsets;

        public Reader(torch.Tensor t)
        {
            data = t.Elements<T>();
            start = (int)t._offset;
            step = t.is_contiguous() ? 1 : 0;
            offsets = step == 1 || t._strides.All(s => s == 0) ? null : t.Offsets();
        }

        public T this[int i] => offsets is null ? data[start + i * step] : data[offsets[i]];
    }

    /// <summary>result[i] = a[i]^b[i] for float views of one shape (b may be a broadcast scalar).</summary>
    public static void Pow<T>(torch.Tensor a, torch.Tensor b, torch.Tensor result) where T : IFloatingPointIeee754<T>
    {
        var y = result.Span<T>();
        if (a.is_contiguous() && b.is_contiguous()) { TensorPrimitives.Pow<T>(a.Span<T>(), b.Span<T>(), y); return; }
        if (a.is_contiguous() && b._strides.All(s => s == 0)) { TensorPrimitives.Pow(a.Span<T>(), b.Elements<T>()[b._offset], y); return; }
        var (xa, xb) = (a.Elements<T>(), b.Elements<T>());
        var (oa, ob) = (a.Offsets(), b.Offsets());
        for (int i = 0; i < y.Length; i++) y[i] = T.Pow(xa[oa[i]], xb[ob[i]]);
    }
}

/// <summary>e^x</summary>
internal struct ExpOp : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : IFloatingPointIeee754<T> => T.Exp(x);
    public static void Invoke<T>(ReadOnlySpan<T> x, Span<T> r) where T : IFloatingPointIeee754<T> => TensorPrimitives.Exp(x, r);
}

/// <summary>ln x (NaN for x &lt; 0, −∞ at 0)</summary>
internal struct LogOp : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : IFloatingPointIeee754<T> => T.Log(x);
    public static void Invoke<T>(ReadOnlySpan<T> x, Span<T> r) where T : IFloatingPointIeee754<T> => TensorPrimitives.Log(x, r);
}

/// <summary>√x</summary>
internal struct SqrtOp : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : IFloatingPointIeee754<T> => T.Sqrt(x);
    public static void Invoke<T>(ReadOnlySpan<T> x, Span<T> r) where T : IFloatingPointIeee754<T> => TensorPrimitives.Sqrt(x, r);
}

/// <summary>1/√x</summary>
internal struct RsqrtOp : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : IFloatingPointIeee754<T> => T.One / T.Sqrt(x);
    public static void Invoke<T>(ReadOnlySpan<T> x, Span<T> r) where T : IFloatingPointIeee754<T> => TensorPrimitives.ReciprocalSqrt(x, r);
}

/// <summary>1/x</summary>
internal struct ReciprocalOp : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : IFloatingPointIeee754<T> => T.One / x;
    public static void Invoke<T>(ReadOnlySpan<T> x, Span<T> r) where T : IFloatingPointIeee754<T> => TensorPrimitives.Reciprocal(x, r);
}

/// <summary>sin x</summary>
internal struct SinOp : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : IFloatingPointIeee754<T> => T.Sin(x);
    public static void Invoke<T>(ReadOnlySpan<T> x, Span<T> r) where T : IFloatingPointIeee754<T> => TensorPrimitives.Sin(x, r);
}

/// <summary>cos x</summary>
internal struct CosOp : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : IFloatingPointIeee754<T> => T.Cos(x);
    public static void Invoke<T>(ReadOnlySpan<T> x, Span<T> r) where T : IFloatingPointIeee754<T> => TensorPrimitives.Cos(x, r);
}

/// <summary>tanh x</summary>
internal struct TanhOp : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : IFloatingPointIeee754<T> => T.Tanh(x);
    public static void Invoke<T>(ReadOnlySpan<T> x, Span<T> r) where T : IFloatingPointIeee754<T> => TensorPrimitives.Tanh(x, r);
}

/// <summary>σ(x) = 1 / (1 + e^−x)</summary>
internal struct SigmoidOp : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : IFloatingPointIeee754<T> => T.One / (T.One + T.Exp(-x));
    public static void Invoke<T>(ReadOnlySpan<T> x, Span<T> r) where T : IFloatingPointIeee754<T> => TensorPrimitives.Sigmoid(x, r);
}

/// <summary>⌊x⌋</summary>
internal struct FloorOp : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : IFloatingPointIeee754<T> => T.Floor(x);
    public static void Invoke<T>(ReadOnlySpan<T> x, Span<T> r) where T : IFloatingPointIeee754<T> => TensorPrimitives.Floor(x, r);
}

/// <summary>x rounded to the nearest integer, halves to even (0.5 → 0, 1.5 → 2, 2.5 → 2), as PyTorch.</summary>
internal struct RoundOp : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : IFloatingPointIeee754<T> => T.Round(x, MidpointRounding.ToEven);
    public static void Invoke<T>(ReadOnlySpan<T> x, Span<T> r) where T : IFloatingPointIeee754<T> => TensorPrimitives.Round(x, MidpointRounding.ToEven, r);
}

/// <summary>|x|</summary>
internal struct AbsOp : INumericUnaryOp
{
    public static T Invoke<T>(T x) where T : INumber<T> => T.Abs(x);
    public static void Invoke<T>(ReadOnlySpan<T> x, Span<T> r) where T : INumber<T> => TensorPrimitives.Abs(x, r);
}

/// <summary>relu(x) = max(x, 0) (NaN stays NaN)</summary>
internal struct ReluOp : INumericUnaryOp
{
    public static T Invoke<T>(T x) where T : INumber<T> => T.Max(x, T.Zero);
    public static void Invoke<T>(ReadOnlySpan<T> x, Span<T> r) where T : INumber<T> => TensorPrimitives.Max(x, T.Zero, r);
}

/// <summary>sign(x) ∈ {−1, 0, 1}; NaN gives 0, as PyTorch 1.13.</summary>
internal struct SignOp : INumericUnaryOp
{
    public static T Invoke<T>(T x) where T : INumber<T> => x > T.Zero ? T.One : x < T.Zero ? -T.One : T.Zero;
    public static void Invoke<T>(ReadOnlySpan<T> x, Span<T> r) where T : INumber<T>
    {
        for (int i = 0; i < r.Length; i++) r[i] = Invoke(x[i]);
    }
}

/// <summary>max(a, b); NaN if either is NaN (torch.maximum)</summary>
internal struct MaxOp : IBinaryOp
{
    public static T Invoke<T>(T a, T b) where T : INumber<T> => T.Max(a, b);
    public static void Invoke<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> r) where T : INumber<T> => TensorPrimitives.Max(a, b, r);
    public static void Invoke<T>(ReadOnlySpan<T> a, T b, Span<T> r) where T : INumber<T> => TensorPrimitives.Max(a, b, r);
}

/// <summary>min(a, b); NaN if either is NaN (torch.minimum)</summary>
internal struct MinOp : IBinaryOp
{
    public static T Invoke<T>(T a, T b) where T : INumber<T> => T.Min(a, b);
    public static void Invoke<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> r) where T : INumber<T> => TensorPrimitives.Min(a, b, r);
    public static void Invoke<T>(ReadOnlySpan<T> a, T b, Span<T> r) where T : INumber<T> => TensorPrimitives.Min(a, b, r);
}

/// <summary>a == b</summary>
internal struct EqOp : ICompareOp { public static bool Invoke<T>(T a, T b) where T : INumber<T> => a == b; }
/// <summary>a != b (true when either is NaN)</summary>
internal struct NeOp : ICompareOp { public static bool Invoke<T>(T a, T b) where T : INumber<T> => a != b; }
/// <summary>a &lt; b</summary>
internal struct LtOp : ICompareOp { public static bool Invoke<T>(T a, T b) where T : INumber<T> => a < b; }
/// <summary>a ≤ b</summary>
internal struct LeOp : ICompareOp { public static bool Invoke<T>(T a, T b) where T : INumber<T> => a <= b; }
/// <summary>a &gt; b</summary>
internal struct GtOp : ICompareOp { public static bool Invoke<T>(T a, T b) where T : INumber<T> => a > b; }
/// <summary>a ≥ b</summary>
internal struct GeOp : ICompareOp { public static bool Invoke<T>(T a, T b) where T : INumber<T> => a >= b; }
