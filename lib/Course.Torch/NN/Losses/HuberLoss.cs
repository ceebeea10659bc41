namespace Course.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Huber loss: quadratic below <paramref name="delta"/>, delta-scaled linear above.</summary>
            public static Modules.HuberLoss HuberLoss(double delta = 1.0, Reduction reduction = Reduction.Mean) => new(delta, reduction);

            public static partial class functional
            {
                /// <summary>d = |x − y|; ℓ = 0.5·d² if d &lt; δ else δ·(d − 0.5·δ), reduced.</summary>
                public static Tensor huber_loss(Tensor input, Tensor target, double delta = 1.0, Reduction reduction = Reduction.Mean)
                {
                    if (delta <= 0) throw new ArgumentException($"huber_loss does not support non-positive values for delta, got {delta}");
                    var d = input.sub(target).abs();
                    return Reduce(where(d.lt(delta), d.mul(d).mul(0.5), d.sub(0.5 * delta).mul(delta)), reduction);
                }
            }
        }
    }
}

namespace Course.Torch.Modules
{
    /// <summary>Huber loss module.</summary>
    public sealed class HuberLoss : Loss<torch.Tensor, torch.Tensor, torch.Tensor>
    {
        /// <summary>Creates the loss.</summary>
        public HuberLoss(double delta = 1.0, torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : base(reduction) { this.delta = delta; }

        /// <summary>Where the loss switches from quadratic to linear.</summary>
        public double delta { get; }

        /// <summary>The Huber loss of input against target.</summary>
        public override torch.Tensor forward(torch.Tensor input, torch.Tensor target) => torch.nn.functional.huber_loss(input, target, delta, reduction);
    }
}
