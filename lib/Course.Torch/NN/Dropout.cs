namespace Course.Torch.Modules
{
    using static Course.Torch.torch;

    /// <summary>
    /// Inverted dropout: in training, each element is zeroed with probability p and the rest scaled by 1/(1−p), so
    /// the expected output equals the input; in eval mode it is the identity.
    /// </summary>
    public sealed class Dropout : nn.Module<Tensor, Tensor>
    {
        internal Dropout(double p, bool inplace) : base(nameof(Dropout)) { this.p = p; this.inplace = inplace; }

        /// <summary>The probability of zeroing an element.</summary>
        public double p { get; set; }

        /// <summary>Whether forward overwrites its input.</summary>
        public bool inplace { get; set; }

        /// <inheritdoc/>
        public override Tensor forward(Tensor tensor) => nn.functional.dropout(tensor, p, training, inplace);
    }

    /// <summary>Channel dropout for [N, C, H, W]: whole channels are zeroed with probability p, the rest scaled by 1/(1−p).</summary>
    public sealed class Dropout2d : nn.Module<Tensor, Tensor>
    {
        internal Dropout2d(double p, bool inplace) : base(nameof(Dropout2d)) { this.p = p; this.inplace = inplace; }

        /// <summary>The probability of zeroing a channel.</summary>
        public double p { get; set; }

        /// <summary>Whether forward overwrites its input.</summary>
        public bool inplace { get; set; }

        /// <inheritdoc/>
        public override Tensor forward(Tensor tensor) => nn.functional.dropout2d(tensor, p, training, inplace);
    }
}

namespace Course.Torch
{
    using Course.Torch.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Zeroes elements with probability <paramref name="p"/> in training (scaling the rest by 1/(1−p)).</summary>
            public static Dropout Dropout(double p = 0.5, bool inplace = false) => new(p, inplace);

            /// <summary>Zeroes whole channels with probability <paramref name="p"/> in training.</summary>
            public static Dropout2d Dropout2d(double p = 0.5, bool inplace = false) => new(p, inplace);

            public static partial class functional
            {
                /// <summary>
                /// y = x·m/(1−p) with m ~ Bernoulli(1−p) per element (drawn from torch's default generator), or x when
                /// not training. Backward: g·m/(1−p).
                /// </summary>
                /// <exception cref="ArgumentException">When p is outside [0, 1].</exception>
                public static Tensor dropout(Tensor input, double p = 0.5, bool training = true, bool inplace = false)
                {
                    OpBan.Enter("dropout");
                    return DropWithMask(input, p, training, inplace, input.shape);
                }

                /// <summary>
                /// Channel dropout: one Bernoulli(1−p) draw per (sample, channel) of [N, C, ...] (for 3-D input, per
                /// (N, C) of [N, C, L] as PyTorch), broadcast over the spatial dims; y = x·m/(1−p).
                /// </summary>
                /// <exception cref="ArgumentException">When p is outside [0, 1] or the input has fewer than 2 dims.</exception>
                public static Tensor dropout2d(Tensor input, double p = 0.5, bool training = true, bool inplace = false)
                {
                    if (input.ndim < 2)
                        throw new ArgumentException($"dropout2d: expected an input of at least 2 dims [N, C, ...], got shape {ShapeString(input.shape)}");
                    var maskShape = input.shape.Select((d, i) => i < 2 ? d : 1).ToArray();
                    return DropWithMask(input, p, training, inplace, maskShape);
                }

                static Tensor DropWithMask(Tensor input, double p, bool training, bool inplace, long[] maskShape)
                {
                    if (p < 0 || p > 1) throw new ArgumentException($"dropout probability has to be between 0 and 1, but got {p}");
                    if (!training || p == 0) return input;
                    var mask = empty(maskShape, input.dtype).bernoulli_(1 - p);
                    if (p < 1) mask = mask.mul(1 / (1 - p));
                    return inplace ? input.mul_(mask) : input.mul(mask);
                }
            }
        }
    }
}
