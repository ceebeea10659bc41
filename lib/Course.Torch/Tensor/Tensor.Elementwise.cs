using Course.Torch.Kernels;

namespace Course.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>y = e^x. dy/dx = y.</summary>
        public Tensor exp()
        {
            var y = FloatUnary<ExpOp>(this);
            return y.WithGrad("ExpBackward0", [this], g => [g.mul(y)], y);
        }

        /// <summary>y = ln x (NaN for x &lt; 0). dy/dx = 1/x.</summary>
        public Tensor log() => FloatUnary<LogOp>(this).WithGrad("LogBackward0", [this], g => [g.div(this)], this);

        /// <summary>y = √x. dy/dx = 1/(2y).</summary>
        public Tensor sqrt()
        {
            var y = FloatUnary<SqrtOp>(this);
            return y.WithGrad("SqrtBackward0", [this], g => [g.div(y.mul(2))], y);
        }

        /// <summary>y = 1/√x. dy/dx = −y³/2.</summary>
        public Tensor rsqrt()
        {
            var y = FloatUnary<RsqrtOp>(this);
            return y.WithGrad("RsqrtBackward0", [this], g => [g.mul(y.pow(3)).mul(-0.5)], y);
        }

        /// <summary>y = 1/x. dy/dx = −y².</summary>
        public Tensor reciprocal()
        {
            var y = FloatUnary<ReciprocalOp>(this);
            return y.WithGrad("ReciprocalBackward0", [this], g => [g.mul(y.mul(y)).neg()], y);
        }

        /// <summary>y = sin x. dy/dx = cos x.</summary>
        public Tensor sin() => FloatUnary<SinOp>(this).WithGrad("SinBackward0", [this], g => [g.mul(cos())], this);

        /// <summary>y = cos x. dy/dx = −sin x.</summary>
        public Tensor cos() => FloatUnary<CosOp>(this).WithGrad("CosBackward0", [this], g => [g.mul(sin()).neg()], this);

        /// <summary>y = tanh x. dy/dx = 1 − y².</summary>
        public Tensor tanh()
        {
            var y = FloatUnary<TanhOp>(this);
            return y.WithGrad("TanhBackward0", [this], g => [g.mul(1 - y.mul(y))], y);
        }

        /// <summary>y = σ(x) = 1/(1 + e^−x). dy/dx = y(1 − y).</summary>
        public Tensor sigmoid()
        {
            var y = FloatUnary<SigmoidOp>(this);
            return y.WithGrad("SigmoidBackward0", [this], g => [g.mul(y.mul(1 - y))], y);
        }

        /// <summary>y = |x|, keeping integer dtypes. dy/dx = sign(x) (0 at 0).</summary>
        public Tensor abs() => NumericUnary<AbsOp>(this).WithGrad("AbsBackward0", [this], g => [g.mul(sign())], this);

        /// <summary>|x| (TorchSharp's long name for <see cref="abs"/>).</summary>
        public Tensor absolute() => abs();

        /// <summary>y = max(x, 0), keeping integer dtypes. dy/dx = 1 where y &gt; 0, else 0.</summary>
        public Tensor relu()
        {
            var y = NumericUnary<ReluOp>(this);
            return y.WithGrad("ReluBackward0", [this], g => [torch.where(y.gt(0), g, ZeroLike(g))], y);
        }

        /// <summary>sign(x) ∈ {−1, 0, 1} in the input's dtype. Zero gradient.</summary>
        public Tensor sign() => NumericUnary<SignOp>(this).WithGrad("SignBackward0", [this], g => [zeros_like(g)]);

        /// <summary>⌊x⌋; integer tensors are returned as a copy. Zero gradient.</summary>
        public Tensor floor() =>
            (is_floating_point() ? FloatUnary<FloorOp>(this) : detach().clone()).WithGrad("FloorBackward0", [this], g => [zeros_like(g)]);

        /// <summary>
        /// x rounded half to even (0.5 → 0, 2.5 → 2); with <paramref name="decimals"/>, round(x·10^d)/10^d.
        /// Integer tensors are returned as a copy. Zero gradient.
        /// </summary>
        public Tensor round(long decimals = 0L)
        {
            Tensor result;
            if (!is_floating_point()) result = detach().clone();
            else if (decimals == 0) result = FloatUnary<RoundOp>(this);
            else
            {
                using var _ = no_grad();
                var scale = Math.Pow(10, decimals);
                result = FloatUnary<RoundOp>(mul(scale)).div(scale);
            }
            return result.WithGrad("RoundBackward0", [this], g => [zeros_like(g)]);
        }

        /// <summary>
        /// y = x^p elementwise with broadcasting (int^int stays int). dy/dx = p·x^(p−1) (0 where p = 0),
        /// dy/dp = y·ln x (0 where x = 0 and p ≥ 0).
        /// </summary>
        public Tensor pow(Tensor exponent)
        {
            var y = PowKernel(this, exponent);
            return y.WithGrad("PowBackward1", [this, exponent], g =>
            [
                requires_grad ? torch.where(exponent.eq(0), ZeroLike(g), g.mul(exponent.mul(pow(exponent - 1)))).SumTo(_shape) : null,
                exponent.requires_grad ? torch.where(eq(0).logical_and(exponent.ge(0)), ZeroLike(g), g.mul(y.mul(log()))).SumTo(exponent._shape) : null,
            ], this, exponent, y);
        }

        /// <summary>y = x^p for a number p. dy/dx = p·x^(p−1) (0 when p = 0).</summary>
        /// <exception cref="ArgumentException">For an integer tensor and a negative integer exponent.</exception>
        public Tensor pow(Scalar exponent)
        {
            if (!is_floating_point() && exponent.Type != ScalarType.Float64 && exponent.Value < 0)
                throw new ArgumentException($"Integers to negative integer powers are not allowed (a {dtype} tensor of shape {ShapeString(_shape)} to the power {exponent}).");
            var y = PowKernel(this, ScalarTensor(exponent));
            double p = exponent.Value;
            return y.WithGrad("PowBackward0", [this], g => [p == 0 ? zeros_like(g) : g.mul(pow(p - 1).mul(p))], this);
        }

        /// <summary>x² (as pow(2)).</summary>
        public Tensor square() => pow(2);

        /// <summary>In place: e^x.</summary>
        public Tensor exp_() => InPlace(x => x.exp());
        /// <summary>In place: ln x.</summary>
        public Tensor log_() => InPlace(x => x.log());
        /// <summary>In place: √x.</summary>
        public Tensor sqrt_() => InPlace(x => x.sqrt());
        /// <summary>In place: 1/√x.</summary>
        public Tensor rsqrt_() => InPlace(x => x.rsqrt());
        /// <summary>In place: 1/x.</summary>
        public Tensor reciprocal_() => InPlace(x => x.reciprocal());
        /// <summary>In place: sin x.</summary>
        public Tensor sin_() => InPlace(x => x.sin());
        /// <summary>In place: cos x.</summary>
        public Tensor cos_() => InPlace(x => x.cos());
        /// <summary>In place: tanh x.</summary>
        public Tensor tanh_() => InPlace(x => x.tanh());
        /// <summary>In place: σ(x).</summary>
        public Tensor sigmoid_() => InPlace(x => x.sigmoid());
        /// <summary>In place: |x|.</summary>
        public Tensor abs_() => InPlace(x => x.abs());
        /// <summary>In place: |x|.</summary>
        public Tensor absolute_() => abs_();
        /// <summary>In place: max(x, 0).</summary>
        public Tensor relu_() => InPlace(x => x.relu());
        /// <summary>In place: sign(x).</summary>
        public Tensor sign_() => InPlace(x => x.sign());
        /// <summary>In place: ⌊x⌋.</summary>
        public Tensor floor_() => InPlace(x => x.floor());
        /// <summary>In place: round half to even.</summary>
        public Tensor round_(long decimals = 0L) => InPlace(x => x.round(decimals));
        /// <summary>In place: x^exponent.</summary>
        public Tensor pow_(Tensor exponent) => InPlace(x => x.pow(exponent));
        /// <summary>In place: x^exponent for a number.</summary>
        public Tensor pow_(Scalar exponent) => InPlace(x => x.pow(exponent));
        /// <summary>In place: x².</summary>
        public Tensor square_() => InPlace(x => x.square());
    }

    /// <summary>A 0-dim zero of <paramref name="like"/>'s dtype, for masking gradients with where.</summary>
    internal static Tensor ZeroLike(Tensor like) => full(Array.Empty<long>(), 0, like.dtype);

    /// <summary>Runs an op defined for every numeric type; the result keeps the input's dtype (bool computes as uint8).</summary>
    internal static Tensor NumericUnary<TOp>(Tensor x) where TOp : INumericUnaryOp
    {
        var compute = x.dtype == ScalarType.Bool ? ScalarType.Byte : x.dtype;
        var input = x.detach().to(compute);
        var result = Tensor.Empty(input._shape, compute);
        switch (compute)
        {
            case ScalarType.Float32: ElementwiseExtra.Map<float, TOp>(input, result); break;
            case ScalarType.Float64: ElementwiseExtra.Map<double, TOp>(input, result); break;
            case ScalarType.Int64: ElementwiseExtra.Map<long, TOp>(input, result); break;
            case ScalarType.Int32: ElementwiseExtra.Map<int, TOp>(input, result); break;
            default: ElementwiseExtra.Map<byte, TOp>(input, result); break;
        }
        return x.dtype == ScalarType.Bool ? result.to(ScalarType.Bool) : result;
    }

    /// <summary>a^b with broadcasting; computed in float (float64 for integers, then converted back).</summary>
    static Tensor PowKernel(Tensor a, Tensor b)
    {
        var dtype = result_type(a, b);
        var compute = is_floating_point(dtype) ? dtype : ScalarType.Float64;
        var shape = broadcast_shapes(a._shape, b._shape);
        var x = a.detach().to(compute).expand(shape);
        var y = b.detach().to(compute).expand(shape);
        var result = Tensor.Empty(shape, compute);
        if (compute == ScalarType.Float32) ElementwiseExtra.Pow<float>(x, y, result);
        else ElementwiseExtra.Pow<double>(x, y, result);
        return result.to(dtype);
    }

    /// <summary>e^x.</summary>
    public static Tensor exp(Tensor input) => input.exp();
    /// <summary>ln x.</summary>
    public static Tensor log(Tensor input) => input.log();
    /// <summary>√x.</summary>
    public static Tensor sqrt(Tensor input) => input.sqrt();
    /// <summary>1/√x.</summary>
    public static Tensor rsqrt(Tensor input) => input.rsqrt();
    /// <summary>1/x.</summary>
    public static Tensor reciprocal(Tensor input) => input.reciprocal();
    /// <summary>sin x.</summary>
    public static Tensor sin(Tensor input) => input.sin();
    /// <summary>cos x.</summary>
    public static Tensor cos(Tensor input) => input.cos();
    /// <summary>tanh x.</summary>
    public static Tensor tanh(Tensor input) => input.tanh();
    /// <summary>σ(x) = 1/(1 + e^−x).</summary>
    public static Tensor sigmoid(Tensor input) => input.sigmoid();
    /// <summary>|x|.</summary>
    public static Tensor abs(Tensor input) => input.abs();
    /// <summary>max(x, 0).</summary>
    public static Tensor relu(Tensor input) => input.relu();
    /// <summary>sign(x).</summary>
    public static Tensor sign(Tensor input) => input.sign();
    /// <summary>⌊x⌋.</summary>
    public static Tensor floor(Tensor input) => input.floor();
    /// <summary>x rounded half to even, to <paramref name="decimals"/> places.</summary>
    public static Tensor round(Tensor input, long decimals = 0L) => input.round(decimals);
    /// <summary>left^exponent elementwise.</summary>
    public static Tensor pow(Tensor left, Tensor exponent) => left.pow(exponent);
    /// <summary>left^exponent for a number.</summary>
    public static Tensor pow(Tensor left, Scalar exponent) => left.pow(exponent);
    /// <summary>In place: left^exponent.</summary>
    public static Tensor pow_(Tensor left, Tensor exponent) => left.pow_(exponent);
    /// <summary>In place: left^exponent for a number.</summary>
    public static Tensor pow_(Tensor left, Scalar exponent) => left.pow_(exponent);
    /// <summary>x².</summary>
    public static Tensor square(Tensor input) => input.square();

    /// <summary>In place: e^x.</summary>
    public static Tensor exp_(Tensor input) => input.exp_();
    /// <summary>In place: ln x.</summary>
    public static Tensor log_(Tensor input) => input.log_();
    /// <summary>In place: √x.</summary>
    public static Tensor sqrt_(Tensor input) => input.sqrt_();
    /// <summary>In place: 1/√x.</summary>
    public static Tensor rsqrt_(Tensor input) => input.rsqrt_();
    /// <summary>In place: sin x.</summary>
    public static Tensor sin_(Tensor input) => input.sin_();
    /// <summary>In place: cos x.</summary>
    public static Tensor cos_(Tensor input) => input.cos_();
    /// <summary>In place: tanh x.</summary>
    public static Tensor tanh_(Tensor input) => input.tanh_();
    /// <summary>In place: σ(x).</summary>
    public static Tensor sigmoid_(Tensor input) => input.sigmoid_();
    /// <summary>In place: |x|.</summary>
    public static Tensor abs_(Tensor input) => input.abs_();
    /// <summary>In place: max(x, 0).</summary>
    public static Tensor relu_(Tensor input) => input.relu_();
    /// <summary>In place: 1/x.</summary>
    public static Tensor reciprocal_(Tensor input) => input.reciprocal_();
    /// <summary>|x| (long name).</summary>
    public static Tensor absolute(Tensor input) => input.abs();
    /// <summary>In place: sign(x).</summary>
    public static Tensor sign_(Tensor input) => input.sign_();
    /// <summary>In place: ⌊x⌋.</summary>
    public static Tensor floor_(Tensor input) => input.floor_();
    /// <summary>In place: round half to even.</summary>
    public static Tensor round_(Tensor input, long decimals = 0L) => input.round_(decimals);
}
