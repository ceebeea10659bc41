namespace Course.Torch
{
    using Modules;

    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>RMSProp: steps scaled by a running root-mean-square of the gradient.</summary>
            public static RMSProp RMSProp(IEnumerable<Parameter> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false) =>
                new(parameters, lr, alpha, eps, weight_decay, momentum, centered, maximize);

            /// <summary>RMSProp over named parameters.</summary>
            public static RMSProp RMSProp(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false) =>
                new(parameters.Select(np => np.parameter), lr, alpha, eps, weight_decay, momentum, centered, maximize);

            /// <summary>RMSProp over parameter groups.</summary>
            public static RMSProp RMSProp(IEnumerable<RMSProp.ParamGroup> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false) =>
                new(parameters, lr, alpha, eps, weight_decay, momentum, centered, maximize);
        }
    }
}

namespace Course.Torch.Modules
{
    using static torch;

    /// <summary>The RMSProp optimizer (see <c>optim.RMSProp</c>).</summary>
    public sealed class RMSProp : OptimizerHelper<RMSProp.Options, RMSProp.State>, IMomentum
    {
        /// <summary>Creates the optimizer over one group of parameters.</summary>
        public RMSProp(IEnumerable<Parameter> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false)
            : this([new ParamGroup { Parameters = parameters }], lr, alpha, eps, weight_decay, momentum, centered, maximize) { }

        /// <summary>Creates the optimizer over parameter groups.</summary>
        public RMSProp(IEnumerable<ParamGroup> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false)
            : base(parameters, new Options { LearningRate = lr, InitialLearningRate = lr, alpha = alpha, eps = eps, weight_decay = weight_decay, momentum = momentum, centered = centered, maximize = maximize })
        {
            if (eps < 0) throw new ArgumentException($"Invalid epsilon value: {eps}");
            if (alpha < 0) throw new ArgumentException($"Invalid alpha value: {alpha}");
            if (momentum < 0) throw new ArgumentException($"Invalid momentum value: {momentum}");
            if (weight_decay < 0) throw new ArgumentException($"Invalid weight_decay value: {weight_decay}");
        }

        /// <summary>
        /// g ← ±grad + λ·p; s ← α·s + (1 − α)·g²; centered: ḡ ← α·ḡ + (1 − α)·g, d = √(s − ḡ²) + ε, else d = √s + ε;
        /// with momentum μ: b ← μ·b + g/d, p ← p − lr·b; without: p ← p − lr·g/d.
        /// </summary>
        protected override void Update(Parameter param, Tensor grad, Options o, State s)
        {
            var g = o.maximize!.Value ? grad.neg() : grad;
            if (o.weight_decay != 0) g = g.add(param, alpha: o.weight_decay!.Value);
            var alpha = o.alpha!.Value;
            s.square_avg = (s.square_avg ?? zeros_like(param)).mul(alpha).add(g.mul(g), alpha: 1 - alpha);
            Tensor avg;
            if (o.centered!.Value)
            {
                s.grad_avg = (s.grad_avg ?? zeros_like(param)).mul(alpha).add(g, alpha: 1 - alpha);
                avg = s.square_avg.sub(s.grad_avg.mul(s.grad_avg)).sqrt();
            }
            else avg = s.square_avg.sqrt();
            avg = avg.add(o.eps!.Value);
            var lr = o.LearningRate!.Value;
            if (o.momentum > 0)
            {
                s.momentum_buffer = (s.momentum_buffer ?? zeros_like(param)).mul(o.momentum!.Value).add(g.div(avg));
                param.add_(s.momentum_buffer, alpha: -lr);
            }
            else param.add_(g.div(avg), alpha: -lr);
        }

        /// <summary>The default momentum.</summary>
        public double Momentum { get => Defaults.momentum!.Value; set => Defaults.momentum = value; }

        /// <summary>RMSProp's options.</summary>
        public sealed class Options : OptimizerOptions
        {
            /// <summary>Smoothing constant α of the squared-gradient average.</summary>
            public double? alpha;
            /// <summary>Added to the denominator for stability.</summary>
            public double? eps;
            /// <summary>L2 penalty λ.</summary>
            public double? weight_decay;
            /// <summary>Momentum factor μ.</summary>
            public double? momentum;
            /// <summary>Normalize by the gradient's estimated variance instead of its second moment.</summary>
            public bool? centered;
            /// <summary>Ascend instead of descend.</summary>
            public bool? maximize;
        }

        /// <summary>Per-parameter state.</summary>
        public sealed class State
        {
            /// <summary>s: running average of g².</summary>
            public Tensor? square_avg;
            /// <summary>ḡ: running average of g (centered).</summary>
            public Tensor? grad_avg;
            /// <summary>b: the momentum buffer.</summary>
            public Tensor? momentum_buffer;
        }

        /// <summary>A group of parameters with RMSProp options.</summary>
        public sealed class ParamGroup : ParamGroup<Options>, IMomentum
        {
            /// <summary>An empty group.</summary>
            public ParamGroup() { }

            /// <summary>A group with <paramref name="options"/> (unset ones take the optimizer's defaults).</summary>
            public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options) { }

            /// <summary>A group with every option given.</summary>
            public ParamGroup(IEnumerable<Parameter> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false)
                : base(parameters, new Options { LearningRate = lr, alpha = alpha, eps = eps, weight_decay = weight_decay, momentum = momentum, centered = centered, maximize = maximize }) { }

            /// <summary>The group's momentum.</summary>
            public double Momentum { get => Options.momentum!.Value; set => Options.momentum = value; }
        }
    }
}
