namespace Course.Torch.Modules
{
    using static Course.Torch.torch;
    using F = Course.Torch.torch.nn.functional;

    /// <summary>max(x, 0).</summary>
    public sealed class ReLU(bool inplace = false) : nn.Module<Tensor, Tensor>(nameof(ReLU))
    {
        /// <summary>Whether forward overwrites its input.</summary>
        public bool inplace { get; set; } = inplace;
        /// <inheritdoc/>
        public override Tensor forward(Tensor tensor) => F.relu(tensor, inplace);
    }

    /// <summary>min(max(x, 0), 6).</summary>
    public sealed class ReLU6(bool inplace = false) : nn.Module<Tensor, Tensor>(nameof(ReLU6))
    {
        /// <summary>Whether forward overwrites its input.</summary>
        public bool inplace { get; set; } = inplace;
        /// <inheritdoc/>
        public override Tensor forward(Tensor tensor) => F.relu6(tensor, inplace);
    }

    /// <summary>x if x &gt; 0 else negative_slope·x.</summary>
    public sealed class LeakyReLU(double negative_slope = 0.01, bool inplace = false) : nn.Module<Tensor, Tensor>(nameof(LeakyReLU))
    {
        /// <summary>The slope for negative inputs.</summary>
        public double negative_slope { get; set; } = negative_slope;
        /// <summary>Whether forward overwrites its input.</summary>
        public bool inplace { get; set; } = inplace;
        /// <inheritdoc/>
        public override Tensor forward(Tensor tensor) => F.leaky_relu(tensor, negative_slope, inplace);
    }

    /// <summary>x if x &gt; 0 else α·(eˣ − 1).</summary>
    public sealed class ELU(double alpha = 1.0, bool inplace = false) : nn.Module<Tensor, Tensor>(nameof(ELU))
    {
        /// <summary>α: the value approached for x → −∞ is −α.</summary>
        public double alpha { get; set; } = alpha;
        /// <summary>Whether forward overwrites its input.</summary>
        public bool inplace { get; set; } = inplace;
        /// <inheritdoc/>
        public override Tensor forward(Tensor tensor) => F.elu(tensor, alpha, inplace);
    }

    /// <summary>scale·elu(x, α) with the self-normalizing constants.</summary>
    public sealed class SELU(bool inplace = false) : nn.Module<Tensor, Tensor>(nameof(SELU))
    {
        /// <summary>Whether forward overwrites its input.</summary>
        public bool inplace { get; set; } = inplace;
        /// <inheritdoc/>
        public override Tensor forward(Tensor tensor) => F.selu(tensor, inplace);
    }

    /// <summary>x·Φ(x), exact (erf) or with the tanh approximation.</summary>
    public sealed class GELU(GELU.Approximate approximate = GELU.Approximate.none, bool inplace = false) : nn.Module<Tensor, Tensor>(nameof(GELU))
    {
        /// <summary>How Φ is computed.</summary>
        public enum Approximate
        {
            /// <summary>Φ(x) = (1 + erf(x/√2))/2.</summary>
            none,
            /// <summary>Φ(x) ≈ (1 + tanh(√(2/π)·(x + 0.044715·x³)))/2.</summary>
            tanh
        }

        /// <summary>How Φ is computed.</summary>
        public Approximate approximate { get; set; } = approximate;
        /// <summary>Whether forward overwrites its input.</summary>
        public bool inplace { get; set; } = inplace;
        /// <inheritdoc/>
        public override Tensor forward(Tensor tensor) => F.gelu(tensor, approximate, inplace);
    }

    /// <summary>x·σ(x).</summary>
    public sealed class SiLU(bool inplace = false) : nn.Module<Tensor, Tensor>(nameof(SiLU))
    {
        /// <summary>Whether forward overwrites its input.</summary>
        public bool inplace { get; set; } = inplace;
        /// <inheritdoc/>
        public override Tensor forward(Tensor tensor) => F.silu(tensor, inplace);
    }

    /// <summary>σ(x) = 1 / (1 + e^−x).</summary>
    public sealed class Sigmoid(bool inplace = false) : nn.Module<Tensor, Tensor>(nameof(Sigmoid))
    {
        /// <summary>Whether forward overwrites its input.</summary>
        public bool inplace { get; set; } = inplace;
        /// <inheritdoc/>
        public override Tensor forward(Tensor tensor) => F.sigmoid(tensor, inplace);
    }

    /// <summary>tanh(x).</summary>
    public sealed class Tanh(bool inplace = false) : nn.Module<Tensor, Tensor>(nameof(Tanh))
    {
        /// <summary>Whether forward overwrites its input.</summary>
        public bool inplace { get; set; } = inplace;
        /// <inheritdoc/>
        public override Tensor forward(Tensor tensor) => F.tanh(tensor, inplace);
    }

    /// <summary>e^xᵢ / Σⱼ e^xⱼ along <c>dim</c>.</summary>
    public sealed class Softmax(long dim) : nn.Module<Tensor, Tensor>(nameof(Softmax))
    {
        /// <summary>The dimension that sums to one.</summary>
        public long dim { get; set; } = dim;
        /// <inheritdoc/>
        public override Tensor forward(Tensor tensor) => F.softmax(tensor, dim);
    }

    /// <summary>xᵢ − log Σⱼ e^xⱼ along <c>dim</c>.</summary>
    public sealed class LogSoftmax(long dim) : nn.Module<Tensor, Tensor>(nameof(LogSoftmax))
    {
        /// <summary>The dimension normalized over.</summary>
        public long dim { get; set; } = dim;
        /// <inheritdoc/>
        public override Tensor forward(Tensor tensor) => F.log_softmax(tensor, dim);
    }

    /// <summary>1/β·log(1 + e^(β·x)), linear above the threshold.</summary>
    public sealed class Softplus(double beta = 1, double threshold = 20) : nn.Module<Tensor, Tensor>(nameof(Softplus))
    {
        /// <summary>β: larger values approach relu.</summary>
        public double beta { get; set; } = beta;
        /// <summary>Above β·x &gt; threshold the output is x.</summary>
        public double threshold { get; set; } = threshold;
        /// <inheritdoc/>
        public override Tensor forward(Tensor tensor) => F.softplus(tensor, beta, threshold);
    }

    /// <summary>clamp(x, min_val, max_val).</summary>
    public sealed class Hardtanh(double min_val = -1.0, double max_val = 1.0, bool inplace = false) : nn.Module<Tensor, Tensor>(nameof(Hardtanh))
    {
        /// <summary>The lower bound.</summary>
        public double min_val { get; set; } = min_val;
        /// <summary>The upper bound.</summary>
        public double max_val { get; set; } = max_val;
        /// <summary>Whether forward overwrites its input.</summary>
        public bool inplace { get; set; } = inplace;
        /// <inheritdoc/>
        public override Tensor forward(Tensor tensor) => F.hardtanh(tensor, min_val, max_val, inplace);
    }

    /// <summary>x if x &gt; 0 else w·x with a learnable slope w (one, or one per channel).</summary>
    public sealed class PReLU : nn.Module<Tensor, Tensor>
    {
        /// <summary>The slopes for negative inputs, shape [num_parameters].</summary>
        public Parameter weight;

        internal PReLU(long num_parameters, double init, Device? device, ScalarType? dtype) : base(nameof(PReLU))
        {
            weight = nn.Parameter(full(num_parameters, init, dtype ?? get_default_dtype()));
            RegisterComponents();
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor tensor) => F.prelu(tensor, weight);
    }
}

namespace Course.Torch
{
    using Course.Torch.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>max(x, 0).</summary>
            public static ReLU ReLU(bool inplace = false) => new(inplace);
            /// <summary>min(max(x, 0), 6).</summary>
            public static ReLU6 ReLU6(bool inplace = false) => new(inplace);
            /// <summary>x if x &gt; 0 else negative_slope·x.</summary>
            public static LeakyReLU LeakyReLU(double negative_slope = 0.01, bool inplace = false) => new(negative_slope, inplace);
            /// <summary>x if x &gt; 0 else α·(eˣ − 1).</summary>
            public static ELU ELU(double alpha = 1.0, bool inplace = false) => new(alpha, inplace);
            /// <summary>scale·elu(x, α), self-normalizing.</summary>
            public static SELU SELU(bool inplace = false) => new(inplace);
            /// <summary>x·Φ(x) (exact form).</summary>
            public static GELU GELU() => new();
            /// <summary>x·Φ(x) (exact form).</summary>
            public static GELU GELU(bool inplace) => new(Modules.GELU.Approximate.none, inplace);
            /// <summary>x·Φ(x), exact or tanh-approximated.</summary>
            public static GELU GELU(GELU.Approximate approximate, bool inplace = false) => new(approximate, inplace);
            /// <summary>x·σ(x).</summary>
            public static SiLU SiLU(bool inplace = false) => new(inplace);
            /// <summary>1 / (1 + e^−x).</summary>
            public static Sigmoid Sigmoid(bool inplace = false) => new(inplace);
            /// <summary>tanh(x).</summary>
            public static Tanh Tanh(bool inplace = false) => new(inplace);
            /// <summary>Softmax along <paramref name="dim"/>.</summary>
            public static Softmax Softmax(long dim) => new(dim);
            /// <summary>Log-softmax along <paramref name="dim"/>.</summary>
            public static LogSoftmax LogSoftmax(long dim) => new(dim);
            /// <summary>1/β·log(1 + e^(β·x)).</summary>
            public static Softplus Softplus(double beta = 1, double threshold = 20) => new(beta, threshold);
            /// <summary>clamp(x, min_val, max_val).</summary>
            public static Hardtanh Hardtanh(double min_val = -1.0, double max_val = 1.0, bool inplace = false) => new(min_val, max_val, inplace);
            /// <summary>x if x &gt; 0 else w·x, with learnable w initialized to <paramref name="init"/>.</summary>
            public static PReLU PReLU(long num_parameters = 1, double init = 0.25, Device? device = null, ScalarType? dtype = null) =>
                new(num_parameters, init, device, dtype);
        }
    }
}
