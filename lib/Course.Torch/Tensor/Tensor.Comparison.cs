using Course.Torch.Kernels;

namespace Course.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>this == target elementwise, as a bool tensor (broadcasting, type promotion).</summary>
        public Tensor eq(Tensor target) => Compare<EqOp>(this, target);
        /// <summary>this == target for a number.</summary>
        public Tensor eq(Scalar target) => Compare<EqOp>(this, ScalarTensor(target));
        /// <summary>this != target elementwise (true where either is NaN).</summary>
        public Tensor ne(Tensor target) => Compare<NeOp>(this, target);
        /// <summary>this != target for a number.</summary>
        public Tensor ne(Scalar target) => Compare<NeOp>(this, ScalarTensor(target));
        /// <summary>this &lt; target elementwise.</summary>
        public Tensor lt(Tensor target) => Compare<LtOp>(this, target);
        /// <summary>this &lt; target for a number.</summary>
        public Tensor lt(Scalar target) => Compare<LtOp>(this, ScalarTensor(target));
        /// <summary>this ≤ target elementwise.</summary>
        public Tensor le(Tensor target) => Compare<LeOp>(this, target);
        /// <summary>this ≤ target for a number.</summary>
        public Tensor le(Scalar target) => Compare<LeOp>(this, ScalarTensor(target));
        /// <summary>this &gt; target elementwise.</summary>
        public Tensor gt(Tensor target) => Compare<GtOp>(this, target);
        /// <summary>this &gt; target for a number.</summary>
        public Tensor gt(Scalar target) => Compare<GtOp>(this, ScalarTensor(target));
        /// <summary>this ≥ target elementwise.</summary>
        public Tensor ge(Tensor target) => Compare<GeOp>(this, target);
        /// <summary>this ≥ target for a number.</summary>
        public Tensor ge(Scalar target) => Compare<GeOp>(this, ScalarTensor(target));

        /// <summary>Alias of <see cref="ne(Tensor)"/>.</summary>
        public Tensor not_equal(Tensor target) => ne(target);
        /// <summary>Alias of <see cref="lt(Tensor)"/>.</summary>
        public Tensor less(Tensor target) => lt(target);
        /// <summary>Alias of <see cref="le(Tensor)"/>.</summary>
        public Tensor less_equal(Tensor target) => le(target);
        /// <summary>Alias of <see cref="gt(Tensor)"/>.</summary>
        public Tensor greater(Tensor target) => gt(target);
        /// <summary>Alias of <see cref="ge(Tensor)"/>.</summary>
        public Tensor greater_equal(Tensor target) => ge(target);

        /// <summary>True when both tensors have the same shape and equal elements (dtypes may differ).</summary>
        public bool equal(Tensor target) =>
            _shape.AsSpan().SequenceEqual(target._shape) && eq(target).all().item<bool>();

        /// <summary>
        /// True when every |this − target| ≤ atol + rtol·|target| (broadcasting). NaNs count as equal only with
        /// <paramref name="equal_nan"/>.
        /// </summary>
        public bool allclose(Tensor target, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false)
        {
            var shape = broadcast_shapes(_shape, target._shape);
            var a = detach().to(ScalarType.Float64).expand(shape).data<double>().ToArray();
            var b = target.detach().to(ScalarType.Float64).expand(shape).data<double>().ToArray();
            for (int i = 0; i < a.Length; i++)
            {
                if (double.IsNaN(a[i]) || double.IsNaN(b[i]))
                {
                    if (equal_nan && double.IsNaN(a[i]) && double.IsNaN(b[i])) continue;
                    return false;
                }
                if (a[i] != b[i] && !(Math.Abs(a[i] - b[i]) <= atol + rtol * Math.Abs(b[i]))) return false;
            }
            return true;
        }

        /// <summary>Logical not: true where the element is zero / false.</summary>
        public Tensor logical_not() => Logical(this, this, (a, _) => !a);
        /// <summary>Logical and of the elements' truth values, with broadcasting.</summary>
        public Tensor logical_and(Tensor other) => Logical(this, other, (a, b) => a & b);
        /// <summary>Logical or of the elements' truth values, with broadcasting.</summary>
        public Tensor logical_or(Tensor other) => Logical(this, other, (a, b) => a | b);
        /// <summary>Logical exclusive or of the elements' truth values, with broadcasting.</summary>
        public Tensor logical_xor(Tensor other) => Logical(this, other, (a, b) => a ^ b);
        /// <summary>In place: logical not.</summary>
        public Tensor logical_not_() => InPlace(x => x.logical_not());
        /// <summary>In place: logical and.</summary>
        public Tensor logical_and_(Tensor other) => InPlace(x => x.logical_and(other));
        /// <summary>In place: logical or.</summary>
        public Tensor logical_or_(Tensor other) => InPlace(x => x.logical_or(other));
        /// <summary>In place: logical xor.</summary>
        public Tensor logical_xor_(Tensor other) => InPlace(x => x.logical_xor(other));

        /// <summary>Bitwise and: logical and on bool tensors, bitwise on integer tensors.</summary>
        public Tensor bitwise_and(Tensor other) => Bitwise(this, other, "bitwise_and", (a, b) => a & b);
        /// <summary>Bitwise or: logical or on bool tensors, bitwise on integer tensors.</summary>
        public Tensor bitwise_or(Tensor other) => Bitwise(this, other, "bitwise_or", (a, b) => a | b);
        /// <summary>Bitwise xor: logical xor on bool tensors, bitwise on integer tensors.</summary>
        public Tensor bitwise_xor(Tensor other) => Bitwise(this, other, "bitwise_xor", (a, b) => a ^ b);
        /// <summary>Bitwise not: logical not on bool tensors, ~x on integer tensors.</summary>
        public Tensor bitwise_not() => Bitwise(this, this, "bitwise_not", (a, _) => ~a);
        /// <summary>In place: bitwise and.</summary>
        public Tensor bitwise_and_(Tensor other) => InPlace(x => x.bitwise_and(other));
        /// <summary>In place: bitwise or.</summary>
        public Tensor bitwise_or_(Tensor other) => InPlace(x => x.bitwise_or(other));
        /// <summary>In place: bitwise xor.</summary>
        public Tensor bitwise_xor_(Tensor other) => InPlace(x => x.bitwise_xor(other));
        /// <summary>In place: bitwise not.</summary>
        public Tensor bitwise_not_() => InPlace(x => x.bitwise_not());

        /// <summary>A 0-dim bool tensor: true if every element is nonzero (true for an empty tensor).</summary>
        public Tensor all() => ReduceBool([], false, all: true);

        /// <summary>True along <paramref name="dim"/> where every element is nonzero.</summary>
        public Tensor all(long dim, bool keepdim = false) => ReduceBool([dim], keepdim, all: true);

        /// <summary>A 0-dim bool tensor: true if any element is nonzero (false for an empty tensor).</summary>
        public Tensor any() => ReduceBool([], false, all: false);

        /// <summary>True along <paramref name="dim"/> where any element is nonzero.</summary>
        public Tensor any(long dim, bool keepdim = false) => ReduceBool([dim], keepdim, all: false);

        Tensor ReduceBool(long[] dims, bool keepdim, bool all)
        {
            var layout = new ReductionLayout(to(ScalarType.Bool), dims, keepdim);
            var result = Empty(layout.OutputShape, ScalarType.Bool);
            var y = result.Span<bool>();
            for (int i = 0; i < y.Length; i++)
            {
                var row = layout.RowLength == 0 ? ReadOnlySpan<bool>.Empty : layout.Row<bool>(i);
                y[i] = all ? !row.Contains(false) : row.Contains(true);
            }
            return result;
        }

        /// <summary>Elementwise ==, returning a bool tensor (use <c>is null</c> to test a reference for null).</summary>
        public static Tensor operator ==(Tensor left, Tensor right) => left.eq(right);
        /// <summary>Elementwise == with a number.</summary>
        public static Tensor operator ==(Tensor left, Scalar right) => left.eq(right);
        /// <summary>Elementwise == with a number.</summary>
        public static Tensor operator ==(Scalar left, Tensor right) => right.eq(left);
        /// <summary>Elementwise !=, returning a bool tensor.</summary>
        public static Tensor operator !=(Tensor left, Tensor right) => left.ne(right);
        /// <summary>Elementwise != with a number.</summary>
        public static Tensor operator !=(Tensor left, Scalar right) => left.ne(right);
        /// <summary>Elementwise != with a number.</summary>
        public static Tensor operator !=(Scalar left, Tensor right) => right.ne(left);
        /// <summary>Elementwise &lt;.</summary>
        public static Tensor operator <(Tensor left, Tensor right) => left.lt(right);
        /// <summary>Elementwise &lt; with a number.</summary>
        public static Tensor operator <(Tensor left, Scalar right) => left.lt(right);
        /// <summary>Elementwise number &lt; tensor.</summary>
        public static Tensor operator <(Scalar left, Tensor right) => right.gt(left);
        /// <summary>Elementwise ≤.</summary>
        public static Tensor operator <=(Tensor left, Tensor right) => left.le(right);
        /// <summary>Elementwise ≤ with a number.</summary>
        public static Tensor operator <=(Tensor left, Scalar right) => left.le(right);
        /// <summary>Elementwise number ≤ tensor.</summary>
        public static Tensor operator <=(Scalar left, Tensor right) => right.ge(left);
        /// <summary>Elementwise &gt;.</summary>
        public static Tensor operator >(Tensor left, Tensor right) => left.gt(right);
        /// <summary>Elementwise &gt; with a number.</summary>
        public static Tensor operator >(Tensor left, Scalar right) => left.gt(right);
        /// <summary>Elementwise number &gt; tensor.</summary>
        public static Tensor operator >(Scalar left, Tensor right) => right.lt(left);
        /// <summary>Elementwise ≥.</summary>
        public static Tensor operator >=(Tensor left, Tensor right) => left.ge(right);
        /// <summary>Elementwise ≥ with a number.</summary>
        public static Tensor operator >=(Tensor left, Scalar right) => left.ge(right);
        /// <summary>Elementwise number ≥ tensor.</summary>
        public static Tensor operator >=(Scalar left, Tensor right) => right.le(left);

        /// <summary>Bitwise / logical and.</summary>
        public static Tensor operator &(Tensor left, Tensor right) => left.bitwise_and(right);
        /// <summary>Bitwise / logical or.</summary>
        public static Tensor operator |(Tensor left, Tensor right) => left.bitwise_or(right);
        /// <summary>Bitwise / logical xor.</summary>
        public static Tensor operator ^(Tensor left, Tensor right) => left.bitwise_xor(right);
        /// <summary>Bitwise / logical not.</summary>
        public static Tensor operator ~(Tensor left) => left.bitwise_not();

        /// <summary>Reference equality: == is elementwise for tensors, so Equals keeps object identity
        /// (which is what dictionaries and sets need).</summary>
        public override bool Equals(object? obj) => ReferenceEquals(this, obj);

        /// <summary>The identity hash, matching <see cref="Equals(object?)"/>.</summary>
        public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
    }

    /// <summary>Compares with type promotion and broadcasting; the result is bool and untracked.</summary>
    internal static Tensor Compare<TOp>(Tensor a, Tensor b) where TOp : ICompareOp
    {
        var (x, y, _) = BroadcastOperands(a, b);
        var result = Tensor.Empty(x._shape, ScalarType.Bool);
        switch (x.dtype)
        {
            case ScalarType.Float32: ElementwiseExtra.Compare<float, TOp>(x, y, result); break;
            case ScalarType.Float64: ElementwiseExtra.Compare<double, TOp>(x, y, result); break;
            case ScalarType.Int64: ElementwiseExtra.Compare<long, TOp>(x, y, result); break;
            case ScalarType.Int32: ElementwiseExtra.Compare<int, TOp>(x, y, result); break;
            default: ElementwiseExtra.Compare<byte, TOp>(x, y, result); break;
        }
        return result;
    }

    /// <summary>f over the truth values (nonzero = true) of two broadcast tensors; bool result.</summary>
    static Tensor Logical(Tensor a, Tensor b, Func<bool, bool, bool> f)
    {
        var shape = broadcast_shapes(a._shape, b._shape);
        var x = Converting.Gather<bool>(a.detach().to(ScalarType.Bool).expand(shape));
        var y = Converting.Gather<bool>(b.detach().to(ScalarType.Bool).expand(shape));
        var result = Tensor.Empty(shape, ScalarType.Bool);
        var r = result.Span<bool>();
        for (int i = 0; i < r.Length; i++) r[i] = f(x[i], y[i]);
        return result;
    }

    /// <summary>f on bool or integer tensors (computed in int64, returned in the promoted dtype).</summary>
    /// <exception cref="ArgumentException">For float tensors.</exception>
    static Tensor Bitwise(Tensor a, Tensor b, string name, Func<long, long, long> f)
    {
        var dtype = result_type(a, b);
        if (is_floating_point(dtype))
            throw new ArgumentException($"{name} is only defined for bool and integer tensors, got {a.dtype} and {b.dtype}.");
        var shape = broadcast_shapes(a._shape, b._shape);
        var x = Converting.Gather<long>(a.detach().to(ScalarType.Int64).expand(shape));
        var y = Converting.Gather<long>(b.detach().to(ScalarType.Int64).expand(shape));
        var result = Tensor.Empty(shape, ScalarType.Int64);
        var r = result.Span<long>();
        long bits = dtype == ScalarType.Bool ? 1 : -1;  // bools keep only the lowest bit, so ~true is false
        for (int i = 0; i < r.Length; i++) r[i] = f(x[i], y[i]) & bits;
        return result.to(dtype);
    }

    /// <summary>Elementwise ==.</summary>
    public static Tensor eq(Tensor left, Tensor right) => left.eq(right);
    /// <summary>Elementwise !=.</summary>
    public static Tensor ne(Tensor left, Tensor right) => left.ne(right);
    /// <summary>Elementwise &lt;.</summary>
    public static Tensor lt(Tensor left, Tensor right) => left.lt(right);
    /// <summary>Elementwise ≤.</summary>
    public static Tensor le(Tensor left, Tensor right) => left.le(right);
    /// <summary>Elementwise &gt;.</summary>
    public static Tensor gt(Tensor left, Tensor right) => left.gt(right);
    /// <summary>Elementwise ≥.</summary>
    public static Tensor ge(Tensor left, Tensor right) => left.ge(right);
    /// <summary>Alias of <see cref="ne(Tensor, Tensor)"/>.</summary>
    public static Tensor not_equal(Tensor tensor, Tensor target) => tensor.not_equal(target);
    /// <summary>Alias of <see cref="lt(Tensor, Tensor)"/>.</summary>
    public static Tensor less(Tensor tensor, Tensor target) => tensor.less(target);
    /// <summary>Alias of <see cref="le(Tensor, Tensor)"/>.</summary>
    public static Tensor less_equal(Tensor tensor, Tensor target) => tensor.less_equal(target);
    /// <summary>Alias of <see cref="gt(Tensor, Tensor)"/>.</summary>
    public static Tensor greater(Tensor tensor, Tensor target) => tensor.greater(target);
    /// <summary>Alias of <see cref="ge(Tensor, Tensor)"/>.</summary>
    public static Tensor greater_equal(Tensor tensor, Tensor target) => tensor.greater_equal(target);
    /// <summary>Same shape and equal elements, as a 0-dim bool tensor (TorchSharp's signature).</summary>
    public static Tensor equal(Tensor tensor, Tensor target) => tensor.equal(target);
    /// <summary>True when every |tensor − target| ≤ atol + rtol·|target|.</summary>
    public static bool allclose(Tensor tensor, Tensor target, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false) =>
        tensor.allclose(target, rtol, atol, equal_nan);
    /// <summary>Logical not.</summary>
    public static Tensor logical_not(Tensor input) => input.logical_not();
    /// <summary>Logical and.</summary>
    public static Tensor logical_and(Tensor left, Tensor right) => left.logical_and(right);
    /// <summary>Logical or.</summary>
    public static Tensor logical_or(Tensor left, Tensor right) => left.logical_or(right);
    /// <summary>Logical xor.</summary>
    public static Tensor logical_xor(Tensor left, Tensor right) => left.logical_xor(right);
    /// <summary>In place: logical and.</summary>
    public static Tensor logical_and_(Tensor left, Tensor right) => left.logical_and_(right);
    /// <summary>In place: logical or.</summary>
    public static Tensor logical_or_(Tensor left, Tensor right) => left.logical_or_(right);
    /// <summary>In place: logical xor.</summary>
    public static Tensor logical_xor_(Tensor left, Tensor right) => left.logical_xor_(right);
    /// <summary>Bitwise (logical for bool) and.</summary>
    public static Tensor bitwise_and(Tensor left, Tensor right) => left.bitwise_and(right);
    /// <summary>Bitwise (logical for bool) or.</summary>
    public static Tensor bitwise_or(Tensor left, Tensor right) => left.bitwise_or(right);
    /// <summary>Bitwise (logical for bool) xor.</summary>
    public static Tensor bitwise_xor(Tensor left, Tensor right) => left.bitwise_xor(right);
    /// <summary>Bitwise (logical for bool) not.</summary>
    public static Tensor bitwise_not(Tensor input) => input.bitwise_not();
    /// <summary>True (0-dim bool) if every element is nonzero.</summary>
    public static Tensor all(Tensor input) => input.all();
    /// <summary>True (0-dim bool) if any element is nonzero.</summary>
    public static Tensor any(Tensor input) => input.any();
}
