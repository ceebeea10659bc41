using Course.Torch.Kernels;

namespace Course.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>this + alpha·other, with broadcasting. d/dthis = 1, d/dother = alpha.</summary>
        public Tensor add(Tensor other, Scalar? alpha = null)
        {
            var scaled = alpha is { } a && a.Value != 1 ? other.mul(a) : other;
            var result = Binary<AddOp>(this, scaled);
            return result.WithGrad("AddBackward0", [this, scaled], g => [g.SumTo(_shape), g.SumTo(scaled._shape)]);
        }

        /// <summary>this + alpha·other for a number.</summary>
        public Tensor add(Scalar other, Scalar? alpha = null) => add(ScalarTensor(other, alpha is { } a ? a.Value : 1));

        /// <summary>this − alpha·other, with broadcasting.</summary>
        public Tensor sub(Tensor other, Scalar? alpha = null)
        {
            var scaled = alpha is { } a && a.Value != 1 ? other.mul(a) : other;
            var result = Binary<SubOp>(this, scaled);
            return result.WithGrad("SubBackward0", [this, scaled], g => [g.SumTo(_shape), g.neg().SumTo(scaled._shape)]);
        }

        /// <summary>this − other for a number.</summary>
        public Tensor sub(Scalar other) => sub(ScalarTensor(other));

        /// <summary>this · other elementwise. d/dthis = other, d/dother = this.</summary>
        public Tensor mul(Tensor other)
        {
            var result = Binary<MulOp>(this, other);
            return result.WithGrad("MulBackward0", [this, other],
                g => [requires_grad ? g.mul(other).SumTo(_shape) : null, other.requires_grad ? g.mul(this).SumTo(other._shape) : null],
                this, other);
        }

        /// <summary>this · other for a number.</summary>
        public Tensor mul(Scalar other) => mul(ScalarTensor(other));

        /// <summary>this / other (true division: integers divide as floats). d/dthis = 1/other, d/dother = −this/other².</summary>
        public Tensor div(Tensor other)
        {
            var (a, b) = (this, other);
            if (!torch.is_floating_point(result_type(a, b))) (a, b) = (a.to(get_default_dtype()), b.to(get_default_dtype()));
            var result = Binary<DivOp>(a, b);
            return result.WithGrad("DivBackward0", [this, other],
                g => [requires_grad ? g.div(other).SumTo(_shape) : null, other.requires_grad ? g.mul(this).div(other.mul(other)).neg().SumTo(other._shape) : null],
                this, other);
        }

        /// <summary>this / other for a number.</summary>
        public Tensor div(Scalar other) => div(ScalarTensor(other));

        /// <summary>−this.</summary>
        public Tensor neg() => Binary<SubOp>(zeros_like(this), this).WithGrad("NegBackward0", [this], g => [g.neg()]);

        /// <summary>−this (TorchSharp's long name for <see cref="neg"/>).</summary>
        public Tensor negative() => neg();

        /// <summary>In place: this += alpha·other.</summary>
        public Tensor add_(Tensor other, Scalar? alpha = null) => InPlace(x => x.add(other, alpha));
        /// <summary>In place: this += alpha·other for a number.</summary>
        public Tensor add_(Scalar other, Scalar? alpha = null) => InPlace(x => x.add(other, alpha));
        /// <summary>In place: this −= alpha·other.</summary>
        public Tensor sub_(Tensor other, Scalar? alpha = null) => InPlace(x => x.sub(other, alpha));
        /// <summary>In place: this −= other for a number.</summary>
        public Tensor sub_(Scalar other) => InPlace(x => x.sub(other));
        /// <summary>In place: this *= other.</summary>
        public Tensor mul_(Tensor other) => InPlace(x => x.mul(other));
        /// <summary>In place: this *= other for a number.</summary>
        public Tensor mul_(Scalar other) => InPlace(x => x.mul(other));
        /// <summary>In place: this /= other.</summary>
        public Tensor div_(Tensor other) => InPlace(x => x.div(other));
        /// <summary>In place: this /= other for a number.</summary>
        public Tensor div_(Scalar other) => InPlace(x => x.div(other));
        /// <summary>In place: this = −this.</summary>
        public Tensor neg_() => InPlace(x => x.neg());

        /// <summary>A 0-dim tensor holding <paramref name="value"/>·<paramref name="factor"/> in the dtype op(this, value) computes in.</summary>
        internal Tensor ScalarTensor(Scalar value, double factor = 1) =>
            full(Array.Empty<long>(), value.Value * factor, ResultType(this, value));

        /// <summary>Sum of two tensors.</summary>
        public static Tensor operator +(Tensor left, Tensor right) => left.add(right);
        /// <summary>Tensor plus number.</summary>
        public static Tensor operator +(Tensor left, Scalar right) => left.add(right);
        /// <summary>Number plus tensor.</summary>
        public static Tensor operator +(Scalar left, Tensor right) => right.add(left);
        /// <summary>Tensor plus int.</summary>
        public static Tensor operator +(Tensor left, int right) => left.add(right);
        /// <summary>Tensor plus long.</summary>
        public static Tensor operator +(Tensor left, long right) => left.add(right);
        /// <summary>Tensor plus float.</summary>
        public static Tensor operator +(Tensor left, float right) => left.add(right);
        /// <summary>Tensor plus double.</summary>
        public static Tensor operator +(Tensor left, double right) => left.add(right);
        /// <summary>Int plus tensor.</summary>
        public static Tensor operator +(int left, Tensor right) => right.add(left);
        /// <summary>Long plus tensor.</summary>
        public static Tensor operator +(long left, Tensor right) => right.add(left);
        /// <summary>Float plus tensor.</summary>
        public static Tensor operator +(float left, Tensor right) => right.add(left);
        /// <summary>Double plus tensor.</summary>
        public static Tensor operator +(double left, Tensor right) => right.add(left);

        /// <summary>Difference of two tensors.</summary>
        public static Tensor operator -(Tensor left, Tensor right) => left.sub(right);
        /// <summary>Tensor minus number.</summary>
        public static Tensor operator -(Tensor left, Scalar right) => left.sub(right);
        /// <summary>Number minus tensor.</summary>
        public static Tensor operator -(Scalar left, Tensor right) => right.neg().add(left);
        /// <summary>Tensor minus int.</summary>
        public static Tensor operator -(Tensor left, int right) => left.sub(right);
        /// <summary>Tensor minus long.</summary>
        public static Tensor operator -(Tensor left, long right) => left.sub(right);
        /// <summary>Tensor minus float.</summary>
        public static Tensor operator -(Tensor left, float right) => left.sub(right);
        /// <summary>Tensor minus double.</summary>
        public static Tensor operator -(Tensor left, double right) => left.sub(right);
        /// <summary>Int minus tensor.</summary>
        public static Tensor operator -(int left, Tensor right) => right.neg().add(left);
        /// <summary>Long minus tensor.</summary>
        public static Tensor operator -(long left, Tensor right) => right.neg().add(left);
        /// <summary>Float minus tensor.</summary>
        public static Tensor operator -(float left, Tensor right) => right.neg().add(left);
        /// <summary>Double minus tensor.</summary>
        public static Tensor operator -(double left, Tensor right) => right.neg().add(left);
        /// <summary>Negation.</summary>
        public static Tensor operator -(Tensor x) => x.neg();

        /// <summary>Elementwise product.</summary>
        public static Tensor operator *(Tensor left, Tensor right) => left.mul(right);
        /// <summary>Tensor times number.</summary>
        public static Tensor operator *(Tensor left, Scalar right) => left.mul(right);
        /// <summary>Number times tensor.</summary>
        public static Tensor operator *(Scalar left, Tensor right) => right.mul(left);
        /// <summary>Tensor times int.</summary>
        public static Tensor operator *(Tensor left, int right) => left.mul(right);
        /// <summary>Tensor times long.</summary>
        public static Tensor operator *(Tensor left, long right) => left.mul(right);
        /// <summary>Tensor times float.</summary>
        public static Tensor operator *(Tensor left, float right) => left.mul(right);
        /// <summary>Tensor times double.</summary>
        public static Tensor operator *(Tensor left, double right) => left.mul(right);
        /// <summary>Int times tensor.</summary>
        public static Tensor operator *(int left, Tensor right) => right.mul(left);
        /// <summary>Long times tensor.</summary>
        public static Tensor operator *(long left, Tensor right) => right.mul(left);
        /// <summary>Float times tensor.</summary>
        public static Tensor operator *(float left, Tensor right) => right.mul(left);
        /// <summary>Double times tensor.</summary>
        public static Tensor operator *(double left, Tensor right) => right.mul(left);

        /// <summary>Elementwise quotient.</summary>
        public static Tensor operator /(Tensor left, Tensor right) => left.div(right);
        /// <summary>Tensor divided by number.</summary>
        public static Tensor operator /(Tensor left, Scalar right) => left.div(right);
        /// <summary>Number divided by tensor.</summary>
        public static Tensor operator /(Scalar left, Tensor right) => right.ScalarTensor(left).div(right);
        /// <summary>Tensor divided by int.</summary>
        public static Tensor operator /(Tensor left, int right) => left.div(right);
        /// <summary>Tensor divided by long.</summary>
        public static Tensor operator /(Tensor left, long right) => left.div(right);
        /// <summary>Tensor divided by float.</summary>
        public static Tensor operator /(Tensor left, float right) => left.div(right);
        /// <summary>Tensor divided by double.</summary>
        public static Tensor operator /(Tensor left, double right) => left.div(right);
        /// <summary>Int divided by tensor.</summary>
        public static Tensor operator /(int left, Tensor right) => right.ScalarTensor(left).div(right);
        /// <summary>Long divided by tensor.</summary>
        public static Tensor operator /(long left, Tensor right) => right.ScalarTensor(left).div(right);
        /// <summary>Float divided by tensor.</summary>
        public static Tensor operator /(float left, Tensor right) => right.ScalarTensor(left).div(right);
        /// <summary>Double divided by tensor.</summary>
        public static Tensor operator /(double left, Tensor right) => right.ScalarTensor(left).div(right);

        /// <summary>A 0-dim int64 tensor.</summary>
        public static implicit operator Tensor(int value) => full(Array.Empty<long>(), value, ScalarType.Int64);
        /// <summary>A 0-dim int64 tensor.</summary>
        public static implicit operator Tensor(long value) => full(Array.Empty<long>(), value, ScalarType.Int64);
        /// <summary>A 0-dim float32 tensor.</summary>
        public static implicit operator Tensor(float value) => full(Array.Empty<long>(), value, ScalarType.Float32);
        /// <summary>A 0-dim float64 tensor.</summary>
        public static implicit operator Tensor(double value) => full(Array.Empty<long>(), value, ScalarType.Float64);
        /// <summary>A 0-dim tensor from a number (int64 for integers, the default float type for floats).</summary>
        public static implicit operator Tensor(Scalar value) =>
            full(Array.Empty<long>(), value.Value, value.Type == ScalarType.Float64 ? get_default_dtype() : value.Type);
        /// <summary>A 0-dim bool tensor.</summary>
        public static implicit operator Tensor(bool value) => full(Array.Empty<long>(), value ? 1 : 0, ScalarType.Bool);
    }

    /// <summary>
    /// Runs a binary op with broadcasting and type promotion: both operands are converted to the result dtype,
    /// expanded to the broadcast shape, and combined by <typeparamref name="TOp"/> into a new contiguous tensor.
    /// Bool inputs are computed as uint8 and converted back.
    /// </summary>
    internal static Tensor Binary<TOp>(Tensor a, Tensor b) where TOp : IBinaryOp
    {
        var (x, y, dtype) = BroadcastOperands(a, b);
        var compute = x.dtype;
        var result = Tensor.Empty(x._shape, compute);
        switch (compute)
        {
            case ScalarType.Float32: Elementwise.Zip<float, TOp>(x, y, result); break;
            case ScalarType.Float64: Elementwise.Zip<double, TOp>(x, y, result); break;
            case ScalarType.Int64: Elementwise.Zip<long, TOp>(x, y, result); break;
            case ScalarType.Int32: Elementwise.Zip<int, TOp>(x, y, result); break;
            default: Elementwise.Zip<byte, TOp>(x, y, result); break;
        }
        return dtype == ScalarType.Bool ? result.to(ScalarType.Bool) : result;
    }

    /// <summary>
    /// Both operands of a binary op as untracked views of one broadcast shape, converted to the dtype the op computes
    /// in: the promoted result dtype, with bool computed as uint8 (the caller converts back when it needs bool).
    /// </summary>
    internal static (Tensor x, Tensor y, ScalarType resultType) BroadcastOperands(Tensor a, Tensor b)
    {
        var dtype = result_type(a, b);
        var compute = dtype == ScalarType.Bool ? ScalarType.Byte : dtype;
        var shape = broadcast_shapes(a._shape, b._shape);
        return (a.detach().to(compute).expand(shape), b.detach().to(compute).expand(shape), dtype);
    }

    /// <summary>
    /// Runs a float unary op: integer inputs are first converted to the default float dtype (exp of an int tensor is float).
    /// </summary>
    internal static Tensor FloatUnary<TOp>(Tensor x) where TOp : IFloatUnaryOp
    {
        var input = x.is_floating_point() ? x.detach() : x.detach().to(get_default_dtype());
        var result = Tensor.Empty(input._shape, input.dtype);
        if (input.dtype == ScalarType.Float32) Elementwise.Map<float, TOp>(input, result);
        else Elementwise.Map<double, TOp>(input, result);
        return result;
    }

    /// <summary>a + alpha·b.</summary>
    public static Tensor add(Tensor input, Tensor other, Scalar? alpha = null) => input.add(other, alpha);
    /// <summary>a − alpha·b.</summary>
    public static Tensor sub(Tensor input, Tensor other, Scalar? alpha = null) => input.sub(other, alpha);
    /// <summary>Elementwise product.</summary>
    public static Tensor mul(Tensor input, Tensor other) => input.mul(other);
    /// <summary>Elementwise quotient.</summary>
    public static Tensor div(Tensor input, Tensor other) => input.div(other);
    /// <summary>Negation.</summary>
    public static Tensor neg(Tensor input) => input.neg();
}
