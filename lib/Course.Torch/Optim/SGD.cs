namespace Course.Torch
{
    using Modules;

    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>Stochastic gradient descent, optionally with (Nesterov) momentum and weight decay.</summary>
            public static SGD SGD(IEnumerable<Parameter> parameters, double learningRate, double momentum = 0.0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
                new(parameters, learningRate, momentum, dampening, weight_decay, nesterov, maximize);

            /// <summary>SGD over named parameters (<c>module.named_parameters()</c>).</summary>
            public static SGD SGD(IEnumerable<(string name, Parameter parameter)> parameters, double learningRate, double momentum = 0.0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
                new(parameters.Select(np => np.parameter), learningRate, momentum, dampening, weight_decay, nesterov, maximize);

            /// <summary>SGD over parameter groups with their own options.</summary>
            public static SGD SGD(IEnumerable<SGD.ParamGroup> parameters, double learningRate, double momentum = 0.0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
                new(parameters, learningRate, momentum, dampening, weight_decay, nesterov, maximize);
        }
    }
}

namespace Course.Torch.Modules
{
    using static torch;

    /// <summary>Stochastic gradient descent (see <c>optim.SGD</c>).</summary>
    public sealed class SGD : OptimizerHelper<SGD.Options, SGD.State>, IMomentum
    {
        /// <summary>Creates the optimizer over one group of parameters.</summary>
        public SGD(IEnumerable<Parameter> parameters, double learningRate, double momentum = 0.0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false)
            : this([new ParamGroup { Parameters = parameters }], learningRate, momentum, dampening, weight_decay, nesterov, maximize) { }

        /// <summary>Creates the optimizer over parameter groups (their unset options take these values).</summary>
        public SGD(IEnumerable<ParamGroup> parameters, double learningRate, double momentum = 0.0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false)
            : base(parameters, new Options { LearningRate = learningRate, InitialLearningRate = learningRate, momentum = momentum, dampening = dampening, weight_decay = weight_decay, nesterov = nesterov, maximize = maximize })
        {
            if (momentum < 0) throw new ArgumentException($"Invalid momentum value: {momentum}");
            if (weight_decay < 0) throw new ArgumentException($"Invalid weight_decay value: {weight_decay}");
            if (nesterov && (momentum <= 0 || dampening != 0)) throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening");
        }

        /// <summary>
        /// g ← ±grad + λ·p; with momentum μ: b ← g (first step) or μ·b + (1 − τ)·g, then g ← g + μ·b (Nesterov) or b;
        /// p ← p − lr·g.
        /// </summary>
        protected override void Update(Parameter param, Tensor grad, Options o, State s)
        {
            var g = o.maximize!.Value ? grad.neg() : grad;
            if (o.weight_decay != 0) g = g.add(param, alpha: o.weight_decay!.Value);
            var mu = o.momentum!.Value;
            if (mu != 0)
            {
                s.momentum_buffer = s.momentum_buffer is null ? g.clone() : s.momentum_buffer.mul(mu).add(g, alpha: 1 - o.dampening!.Value);
                g = o.nesterov!.Value ? g.add(s.momentum_buffer, alpha: mu) : s.momentum_buffer;
            }
            param.add_(g, alpha: -o.LearningRate!.Value);
        }

        /// <summary>The default momentum (OneCycleLR cycles it).</summary>
        public double Momentum { get => Defaults.momentum!.Value; set => Defaults.momentum = value; }

        /// <summary>SGD's options.</summary>
        public sealed class Options : OptimizerOptions
        {
            /// <summary>Momentum factor μ.</summary>
            public double? momentum;
            /// <summary>Dampening τ of the momentum's gradient term.</summary>
            public double? dampening;
            /// <summary>L2 penalty λ.</summary>
            public double? weight_decay;
            /// <summary>Use Nesterov momentum.</summary>
            public bool? nesterov;
            /// <summary>Ascend instead of descend.</summary>
            public bool? maximize;
        }

        /// <summary>Per-parameter state.</summary>
        public sealed class State
        {
            /// <summary>The momentum buffer b.</summary>
            public Tensor? momentum_buffer;
        }

        /// <summary>A group of parameters with SGD options.</summary>
        public sealed class ParamGroup : ParamGroup<Options>, IMomentum
        {
            /// <summary>An empty group.</summary>
            public ParamGroup() { }

            /// <summary>A group with <paramref name="options"/> (unset ones take the optimizer's defaults).</summary>
            public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options) { }

            /// <summary>A group with every option given.</summary>
            public ParamGroup(IEnumerable<Parameter> parameters, double lr = 1e-3, double momentum = 0.0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false)
                : base(parameters, new Options { LearningRate = lr, momentum = momentum, dampening = dampening, weight_decay = weight_decay, nesterov = nesterov, maximize = maximize }) { }

            /// <summary>The group's momentum.</summary>
            public double Momentum { get => Options.momentum!.Value; set => Options.momentum = value; }
        }
    }
}
