namespace Course.Torch
{
    using Modules;

    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>NAdam: Adam with Nesterov momentum and a warming-up momentum schedule.</summary>
            public static NAdam NAdam(IEnumerable<Parameter> parameters, double lr = 0.002, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, double momentum_decay = 4e-3) =>
                new(parameters, lr, beta1, beta2, eps, weight_decay, momentum_decay);

            /// <summary>NAdam over named parameters.</summary>
            public static NAdam NAdam(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 0.002, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, double momentum_decay = 4e-3) =>
                new(parameters.Select(np => np.parameter), lr, beta1, beta2, eps, weight_decay, momentum_decay);

            /// <summary>NAdam over parameter groups.</summary>
            public static NAdam NAdam(IEnumerable<NAdam.ParamGroup> parameters, double lr = 0.002, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, double momentum_decay = 4e-3) =>
                new(parameters, lr, beta1, beta2, eps, weight_decay, momentum_decay);
        }
    }
}

namespace Course.Torch.Modules
{
    using static torch;

    /// <summary>The NAdam optimizer (see <c>optim.NAdam</c>).</summary>
    public sealed class NAdam : OptimizerHelper<NAdam.Options, NAdam.State>, IBetas
    {
        /// <summary>Creates the optimizer over one group of parameters.</summary>
        public NAdam(IEnumerable<Parameter> parameters, double lr = 0.002, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, double momentum_decay = 4e-3)
            : this([new ParamGroup { Parameters = parameters }], lr, beta1, beta2, eps, weight_decay, momentum_decay) { }

        /// <summary>Creates the optimizer over parameter groups.</summary>
        public NAdam(IEnumerable<ParamGroup> parameters, double lr = 0.002, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, double momentum_decay = 4e-3)
            : base(parameters, new Options { LearningRate = lr, InitialLearningRate = lr, beta1 = beta1, beta2 = beta2, eps = eps, weight_decay = weight_decay, momentum_decay = momentum_decay })
        {
            AdamMath.Validate(beta1, beta2, eps, weight_decay);
            if (momentum_decay < 0) throw new ArgumentException($"Invalid momentum_decay value: {momentum_decay}");
        }

        /// <summary>
        /// g ← grad + λ·p; μₜ = β1·(1 − ½·0.96^(t·ψ)); m ← β1·m + (1 − β1)·g; v ← β2·v + (1 − β2)·g²;
        /// d = √(v/(1 − β2ᵗ)) + ε; p ← p − lr·(1 − μₜ)/(1 − Πμ₁..ₜ)·g/d − lr·μₜ₊₁/(1 − μₜ·Πμ₁..ₜ₊₁)·m/d.
        /// The extra μₜ in the last denominator is PyTorch 1.13's (and TorchSharp's) form, kept for parity; later PyTorch drops it.
        /// </summary>
        protected override void Update(Parameter param, Tensor grad, Options o, State s)
        {
            var (lr, beta1, beta2, psi) = (o.LearningRate!.Value, o.beta1!.Value, o.beta2!.Value, o.momentum_decay!.Value);
            var g = o.weight_decay != 0 ? grad.add(param, alpha: o.weight_decay!.Value) : grad;
            s.step++;
            var mu = beta1 * (1 - 0.5 * Math.Pow(0.96, s.step * psi));
            var muNext = beta1 * (1 - 0.5 * Math.Pow(0.96, (s.step + 1) * psi));
            s.mu_product *= mu;
            var muProductNext = s.mu_product * mu * muNext;
            s.exp_avg = (s.exp_avg ?? zeros_like(param)).mul(beta1).add(g, alpha: 1 - beta1);
            s.exp_avg_sq = (s.exp_avg_sq ?? zeros_like(param)).mul(beta2).add(g.mul(g), alpha: 1 - beta2);
            var denom = s.exp_avg_sq.div(1 - Math.Pow(beta2, s.step)).sqrt().add(o.eps!.Value);
            param.add_(g.div(denom), alpha: -lr * (1 - mu) / (1 - s.mu_product));
            param.add_(s.exp_avg.div(denom), alpha: -lr * muNext / (1 - muProductNext));
        }

        /// <summary>The default (β1, β2).</summary>
        public (double, double) Betas { get => (Defaults.beta1!.Value, Defaults.beta2!.Value); set => (Defaults.beta1, Defaults.beta2) = value; }

        /// <summary>NAdam's options.</summary>
        public sealed class Options : OptimizerOptions
        {
            /// <summary>Decay β1 of the gradient average.</summary>
            public double? beta1;
            /// <summary>Decay β2 of the squared-gradient average.</summary>
            public double? beta2;
            /// <summary>Added to the denominator for stability.</summary>
            public double? eps;
            /// <summary>L2 penalty λ.</summary>
            public double? weight_decay;
            /// <summary>ψ: how fast the momentum schedule warms up.</summary>
            public double? momentum_decay;
        }

        /// <summary>Per-parameter state.</summary>
        public sealed class State
        {
            /// <summary>Steps taken.</summary>
            public long step;
            /// <summary>Πμ: the product of the momentum schedule so far.</summary>
            public double mu_product = 1;
            /// <summary>m: running average of g.</summary>
            public Tensor? exp_avg;
            /// <summary>v: running average of g².</summary>
            public Tensor? exp_avg_sq;
        }

        /// <summary>A group of parameters with NAdam options.</summary>
        public sealed class ParamGroup : ParamGroup<Options>, IBetas
        {
            /// <summary>An empty group.</summary>
            public ParamGroup() { }

            /// <summary>A group with <paramref name="options"/> (unset ones take the optimizer's defaults).</summary>
            public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options) { }

            /// <summary>A group with every option given.</summary>
            public ParamGroup(IEnumerable<Parameter> parameters, double lr = 0.002, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, double momentum_decay = 4e-3)
                : base(parameters, new Options { LearningRate = lr, beta1 = beta1, beta2 = beta2, eps = eps, weight_decay = weight_decay, momentum_decay = momentum_decay }) { }

            /// <summary>The group's (β1, β2).</summary>
            public (double, double) Betas { get => (Options.beta1!.Value, Options.beta2!.Value); set => (Options.beta1, Options.beta2) = value; }
        }
    }
}
