namespace Course.Torch
{
    using Modules;

    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>Adadelta: steps sized by the ratio of running RMS of past updates to that of gradients.</summary>
            public static Adadelta Adadelta(IEnumerable<Parameter> parameters, double lr = 1.0, double rho = 0.9, double eps = 1e-6, double weight_decay = 0, bool maximize = false) =>
                new(parameters, lr, rho, eps, weight_decay, maximize);

            /// <summary>Adadelta over named parameters.</summary>
            public static Adadelta Adadelta(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 1.0, double rho = 0.9, double eps = 1e-6, double weight_decay = 0, bool maximize = false) =>
                new(parameters.Select(np => np.parameter), lr, rho, eps, weight_decay, maximize);

            /// <summary>Adadelta over parameter groups.</summary>
            public static Adadelta Adadelta(IEnumerable<Adadelta.ParamGroup> parameters, double lr = 1.0, double rho = 0.9, double eps = 1e-6, double weight_decay = 0, bool maximize = false) =>
                new(parameters, lr, rho, eps, weight_decay, maximize);
        }
    }
}

namespace Course.Torch.Modules
{
    using static torch;

    /// <summary>The Adadelta optimizer (see <c>optim.Adadelta</c>).</summary>
    public sealed class Adadelta : OptimizerHelper<Adadelta.Options, Adadelta.State>
    {
        /// <summary>Creates the optimizer over one group of parameters.</summary>
        public Adadelta(IEnumerable<Parameter> parameters, double lr = 1.0, double rho = 0.9, double eps = 1e-6, double weight_decay = 0, bool maximize = false)
            : this([new ParamGroup { Parameters = parameters }], lr, rho, eps, weight_decay, maximize) { }

        /// <summary>Creates the optimizer over parameter groups.</summary>
        public Adadelta(IEnumerable<ParamGroup> parameters, double lr = 1.0, double rho = 0.9, double eps = 1e-6, double weight_decay = 0, bool maximize = false)
            : base(parameters, new Options { LearningRate = lr, InitialLearningRate = lr, rho = rho, eps = eps, weight_decay = weight_decay, maximize = maximize })
        {
            if (rho < 0 || rho > 1) throw new ArgumentException($"Invalid rho value: {rho}");
            if (eps < 0) throw new ArgumentException($"Invalid epsilon value: {eps}");
            if (weight_decay < 0) throw new ArgumentException($"Invalid weight_decay value: {weight_decay}");
        }

        /// <summary>
        /// g ← ±grad + λ·p; v ← ρ·v + (1 − ρ)·g²; Δ = √(u + ε)/√(v + ε) · g; u ← ρ·u + (1 − ρ)·Δ²; p ← p − lr·Δ.
        /// </summary>
        protected override void Update(Parameter param, Tensor grad, Options o, State s)
        {
            var g = o.maximize!.Value ? grad.neg() : grad;
            if (o.weight_decay != 0) g = g.add(param, alpha: o.weight_decay!.Value);
            var (rho, eps) = (o.rho!.Value, o.eps!.Value);
            s.square_avg = (s.square_avg ?? zeros_like(param)).mul(rho).add(g.mul(g), alpha: 1 - rho);
            s.acc_delta ??= zeros_like(param);
            var delta = s.acc_delta.add(eps).sqrt().div(s.square_avg.add(eps).sqrt()).mul(g);
            s.acc_delta = s.acc_delta.mul(rho).add(delta.mul(delta), alpha: 1 - rho);
            param.add_(delta, alpha: -o.LearningRate!.Value);
        }

        /// <summary>Adadelta's options.</summary>
        public sealed class Options : OptimizerOptions
        {
            /// <summary>Decay ρ of both running averages.</summary>
            public double? rho;
            /// <summary>Added inside both square roots.</summary>
            public double? eps;
            /// <summary>L2 penalty λ.</summary>
            public double? weight_decay;
            /// <summary>Ascend instead of descend.</summary>
            public bool? maximize;
        }

        /// <summary>Per-parameter state.</summary>
        public sealed class State
        {
            /// <summary>v: running average of g².</summary>
            public Tensor? square_avg;
            /// <summary>u: running average of Δ².</summary>
            public Tensor? acc_delta;
        }

        /// <summary>A group of parameters with Adadelta options.</summary>
        public sealed class ParamGroup : ParamGroup<Options>
        {
            /// <summary>An empty group.</summary>
            public ParamGroup() { }

            /// <summary>A group with <paramref name="options"/> (unset ones take the optimizer's defaults).</summary>
            public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options) { }

            /// <summary>A group with every option given.</summary>
            public ParamGroup(IEnumerable<Parameter> parameters, double lr = 1.0, double rho = 0.9, double eps = 1e-6, double weight_decay = 0, bool maximize = false)
                : base(parameters, new Options { LearningRate = lr, rho = rho, eps = eps, weight_decay = weight_decay, maximize = maximize }) { }
        }
    }
}
