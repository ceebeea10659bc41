namespace Course.Torch.Modules
{
    using static Course.Torch.torch;

    /// <summary>
    /// A fully connected layer: y = x·Wᵀ + b with W of shape [out_features, in_features], applied to the last dim of
    /// an input [..., in_features]. Default init as PyTorch: W ~ kaiming_uniform(a=√5), i.e. U(±1/√in), and
    /// b ~ U(±1/√in).
    /// </summary>
    public sealed class Linear : nn.Module<Tensor, Tensor>
    {
        Parameter _weight;
        Parameter? _bias;

        internal Linear(long inputSize, long outputSize, bool hasBias, Device? device, ScalarType? dtype) : base(nameof(Linear))
        {
            in_features = inputSize;
            out_features = outputSize;
            var type = dtype ?? get_default_dtype();
            _weight = nn.Parameter(empty([outputSize, inputSize], type));
            _bias = hasBias ? nn.Parameter(empty([outputSize], type)) : null;
            register_parameter("weight", _weight);
            register_parameter("bias", _bias);
            reset_parameters();
        }

        /// <summary>The input size (last dim of the input).</summary>
        public long in_features { get; }

        /// <summary>The output size.</summary>
        public long out_features { get; }

        /// <summary>The weight [out_features, in_features]; assigning re-registers it.</summary>
        public Parameter weight
        {
            get => _weight;
            set { _weight = value; register_parameter("weight", value); }
        }

        /// <summary>The bias [out_features], or null for a layer without bias; assigning re-registers it.</summary>
        public Parameter? bias
        {
            get => _bias;
            set { _bias = value; register_parameter("bias", value); }
        }

        /// <summary>PyTorch's default init: W ~ U(±1/√in) (kaiming_uniform with a=√5) and b ~ U(±1/√in).</summary>
        public void reset_parameters()
        {
            nn.init.kaiming_uniform_(_weight, Math.Sqrt(5));
            if (_bias is null) return;
            var bound = in_features > 0 ? 1 / Math.Sqrt(in_features) : 0;
            nn.init.uniform_(_bias, -bound, bound);
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor tensor) => nn.functional.linear(tensor, _weight, _bias);
    }
}

namespace Course.Torch
{
    using Course.Torch.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A fully connected layer y = x·Wᵀ + b mapping <paramref name="inputSize"/> features to <paramref name="outputSize"/>.</summary>
            public static Linear Linear(long inputSize, long outputSize, bool hasBias = true, Device? device = null, ScalarType? dtype = null) =>
                new(inputSize, outputSize, hasBias, device, dtype);

            public static partial class functional
            {
                /// <summary>
                /// y = x·Wᵀ + b for x [..., in], W [out, in], b [out]. The leading dims are folded into one so a single
                /// GEMM runs on Wᵀ as a transposed view (no copy). Backward (from matmul): dx = g·W, dW = gᵀ·x, db = Σ g.
                /// </summary>
                /// <exception cref="ArgumentException">When x's last dim differs from in: "mat1 and mat2 shapes cannot be multiplied (4x3 and 5x2)".</exception>
                public static Tensor linear(Tensor input, Tensor weights, Tensor? bias = null)
                {
                    OpBan.Enter("linear");
                    var folded = input.ndim > 2 ? input.reshape(-1, input.shape[^1]) : input;
                    var y = folded.matmul(weights.mT);
                    if (input.ndim > 2) y = y.reshape([.. input.shape[..^1], y.shape[^1]]);
                    return bias is null ? y : y.add(bias);
                }
            }
        }
    }
}
