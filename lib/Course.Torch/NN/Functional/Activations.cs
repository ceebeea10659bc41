using Course.Torch.Modules;

namespace Course.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Stateless forms of the layers: <c>nn.functional.relu(x)</c>.</summary>
        public static partial class functional
        {
            /// <summary>Runs <paramref name="f"/> out of place, or writes its result back into <paramref name="x"/>.</summary>
            static Tensor Apply(Tensor x, bool inplace, Func<Tensor, Tensor> f) => inplace ? x.InPlace(f) : f(x);

            /// <summary>relu(x) = max(x, 0).</summary>
            public static Tensor relu(Tensor x, bool inplace = false) => Apply(x, inplace, t => t.relu());

            /// <summary>relu6(x) = min(max(x, 0), 6) = hardtanh(x, 0, 6).</summary>
            public static Tensor relu6(Tensor x, bool inplace = false) => hardtanh(x, 0, 6, inplace);

            /// <summary>leaky_relu(x) = x if x &gt; 0 else negative_slope·x.</summary>
            public static Tensor leaky_relu(Tensor input, double negative_slope = 0.01, bool inplace = false) =>
                Apply(input, inplace, x => where(x.gt(0), x, x.mul(negative_slope)));

            /// <summary>
            /// elu(x) = x if x &gt; 0 else α·(eˣ − 1). The exponential reads min(x, 0) so the unused branch cannot
            /// overflow (an inf there would turn its zero gradient into NaN).
            /// </summary>
            public static Tensor elu(Tensor x, double alpha = 1.0, bool inplace = false) =>
                Apply(x, inplace, t => where(t.gt(0), t, t.clamp_max(0).exp().sub(1).mul(alpha)));

            /// <summary>selu(x) = scale·elu(x, α) with α ≈ 1.6733 and scale ≈ 1.0507 (self-normalizing constants).</summary>
            public static Tensor selu(Tensor x, bool inplace = false) =>
                Apply(x, inplace, t => elu(t, 1.6732632423543772848170429916717).mul(1.0507009873554804934193349852946));

            /// <summary>gelu(x) = x·Φ(x) = x/2·(1 + erf(x/√2)), the exact form.</summary>
            public static Tensor gelu(Tensor x, bool inplace = false) => gelu(x, Modules.GELU.Approximate.none, inplace);

            /// <summary>
            /// gelu with <paramref name="approximate"/>: none = x/2·(1 + erf(x/√2));
            /// tanh = x/2·(1 + tanh(√(2/π)·(x + 0.044715·x³))).
            /// </summary>
            public static Tensor gelu(Tensor x, Modules.GELU.Approximate approximate, bool inplace = false) =>
                Apply(x, inplace, t => approximate == Modules.GELU.Approximate.tanh
                    ? t.mul(0.5).mul(t.add(t.pow(3).mul(0.044715)).mul(Math.Sqrt(2 / Math.PI)).tanh().add(1))
                    : t.mul(0.5).mul(t.mul(Math.Sqrt(0.5)).erf().add(1)));

            /// <summary>silu(x) = x·σ(x) (also called swish).</summary>
            public static Tensor silu(Tensor x, bool inplace = false) => Apply(x, inplace, t => t.mul(t.sigmoid()));

            /// <summary>σ(x) = 1 / (1 + e^−x).</summary>
            public static Tensor sigmoid(Tensor x, bool inplace = false) => Apply(x, inplace, t => t.sigmoid());

            /// <summary>tanh(x).</summary>
            public static Tensor tanh(Tensor x, bool inplace = false) => Apply(x, inplace, t => t.tanh());

            /// <summary>softmax(x)ᵢ = e^xᵢ / Σⱼ e^xⱼ along <paramref name="dim"/>.</summary>
            public static Tensor softmax(Tensor input, long dim, ScalarType? dtype = null) => input.softmax(dim, dtype);

            /// <summary>log_softmax(x)ᵢ = xᵢ − log Σⱼ e^xⱼ along <paramref name="dim"/>.</summary>
            public static Tensor log_softmax(Tensor x, long dim, ScalarType? dtype = null) => x.log_softmax(dim, dtype);

            /// <summary>
            /// softplus(x) = 1/β·log(1 + e^(β·x)), and x itself where β·x &gt; threshold (there the two agree to
            /// float precision). Computed in double with log1p, so tiny values such as softplus(−20) ≈ 2e-9 survive.
            /// Backward: g·σ(β·x), or g above the threshold.
            /// </summary>
            public static Tensor softplus(Tensor x, double beta = 1, double threshold = 20)
            {
                var bx = x.detach().to(ScalarType.Float64).mul(beta);
                var values = bx.data<double>().ToArray().Select(z => z > threshold ? z / beta : LogOnePlus(Math.Exp(z)) / beta).ToArray();
                var y = tensor(values, x.shape, ScalarType.Float64).to(x.is_floating_point() ? x.dtype : get_default_dtype());
                return y.WithGrad("SoftplusBackward0", [x], g =>
                {
                    var z = x.mul(beta);
                    return [where(z.gt(threshold), g, g.mul(z.sigmoid()))];
                }, x);
            }

            /// <summary>log(1 + u), by the series u − u²/2 + u³/3 for u &lt; 1e-5 where 1 + u would lose u's digits.</summary>
            static double LogOnePlus(double u) => u < 1e-5 ? u - u * u / 2 + u * u * u / 3 : Math.Log(1 + u);

            /// <summary>
            /// hardtanh(x) = clamp(x, min_val, max_val). Backward: g where min_val &lt; x &lt; max_val, else 0
            /// (PyTorch's rule: the boundary points get no gradient).
            /// </summary>
            public static Tensor hardtanh(Tensor x, double min_val = -1.0, double max_val = 1.0, bool inplace = false) =>
                Apply(x, inplace, t =>
                {
                    var y = t.detach().clamp(min_val, max_val);
                    return y.WithGrad("HardtanhBackward0", [t],
                        g => [where(t.gt(min_val).logical_and(t.lt(max_val)), g, ZeroLike(g))], t);
                });

            /// <summary>
            /// prelu(x) = x if x &gt; 0 else w·x, with one learnable slope per channel (dim 1) or one shared slope.
            /// </summary>
            /// <exception cref="ArgumentException">When the weight count is neither 1 nor the number of channels.</exception>
            public static Tensor prelu(Tensor input, Tensor weight)
            {
                var w = weight;
                if (weight.numel() != 1)
                {
                    var channels = input.ndim >= 2 ? input.shape[1] : 1;
                    if (weight.numel() != channels)
                        throw new ArgumentException($"Mismatch of parameter numbers and input channel size. Found parameter numbers = {weight.numel()} and channel size = {channels} (input shape {ShapeString(input.shape)}).");
                    var shape = Enumerable.Repeat(1L, (int)input.ndim).ToArray();
                    shape[1] = channels;
                    w = weight.reshape(shape);
                }
                return where(input.gt(0), input, input.mul(w));
            }
        }
    }
}
