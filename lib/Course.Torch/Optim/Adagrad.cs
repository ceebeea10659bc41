namespace Course.Torch
{
    using Modules;

    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>Adagrad: steps scaled by the root of each parameter's summed squared gradients.</summary>
            public static Adagrad Adagrad(IEnumerable<Parameter> parameters, double lr = 1e-2, double lr_decay = 0, double weight_decay = 0, double initial_accumulator_value = 0, double eps = 1e-10, bool maximize = false) =>
                new(parameters, lr, lr_decay, weight_decay, initial_accumulator_value, eps, maximize);

            /// <summary>Adagrad over named parameters.</summary>
            public static Adagrad Adagrad(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 1e-2, double lr_decay = 0, double weight_decay = 0, double initial_accumulator_value = 0, double eps = 1e-10, bool maximize = false) =>
                new(parameters.Select(np => np.parameter), lr, lr_decay, weight_decay, initial_accumulator_value, eps, maximize);

            /// <summary>Adagrad over parameter groups.</summary>
            public static Adagrad Adagrad(IEnumerable<Adagrad.ParamGroup> parameters, double lr = 1e-2, double lr_decay = 0, double weight_decay = 0, double initial_accumulator_value = 0, double eps = 1e-10, bool maximize = false) =>
                new(parameters, lr, lr_decay, weight_decay, initial_accumulator_value, eps, maximize);
        }
    }
}

namespace Course.Torch.Modules
{
    using static torch;

    /// <summary>The Adagrad optimizer (see <c>optim.Adagrad</c>).</summary>
    public sealed class Adagrad : OptimizerHelper<Adagrad.Options, Adagrad.State>
    {
        /// <summary>Creates the optimizer over one group of parameters.</summary>
        public Adagrad(IEnumerable<Parameter> parameters, double lr = 1e-2, double lr_decay = 0, double weight_decay = 0, double initial_accumulator_value = 0, double eps = 1e-10, bool maximize = false)
            : this([new ParamGroup { Parameters = parameters }], lr, lr_decay, weight_decay, initial_accumulator_value, eps, maximize) { }

        /// <summary>Creates the optimizer over parameter groups.</summary>
        public Adagrad(IEnumerable<ParamGroup> parameters, double lr = 1e-2, double lr_decay = 0, double weight_decay = 0, double initial_accumulator_value = 0, double eps = 1e-10, bool maximize = false)
            : base(parameters, new Options { LearningRate = lr, InitialLearningRate = lr, lr_decay = lr_decay, weight_decay = weight_decay, initial_accumulator_value = initial_accumulator_value, eps = eps, maximize = maximize })
        {
            if (lr_decay < 0) throw new ArgumentException($"Invalid lr_decay value: {lr_decay}");
            if (weight_decay < 0) throw new ArgumentException($"Invalid weight_decay value: {weight_decay}");
            if (initial_accumulator_value < 0) throw new ArgumentException($"Invalid initial_accumulator_value value: {initial_accumulator_value}");
            if (eps < 0) throw new ArgumentException($"Invalid epsilon value: {eps}");
        }

        /// <summary>g ← ±grad + λ·p; S ← S + g²; p ← p − lr/(1 + (t − 1)·η) · g/(√S + ε).</summary>
        protected override void Update(Parameter param, Tensor grad, Options o, State s)
        {
            var g = o.maximize!.Value ? grad.neg() : grad;
            s.step++;
            if (o.weight_decay != 0) g = g.add(param, alpha: o.weight_decay!.Value);
            var clr = o.LearningRate!.Value / (1 + (s.step - 1) * o.lr_decay!.Value);
            s.sum = (s.sum ?? full_like(param, o.initial_accumulator_value!.Value)).add(g.mul(g));
            param.add_(g.div(s.sum.sqrt().add(o.eps!.Value)), alpha: -clr);
        }

        /// <summary>Adagrad's options.</summary>
        public sealed class Options : OptimizerOptions
        {
            /// <summary>Learning-rate decay η per step.</summary>
            public double? lr_decay;
            /// <summary>L2 penalty λ.</summary>
            public double? weight_decay;
            /// <summary>The starting value of S.</summary>
            public double? initial_accumulator_value;
            /// <summary>Added to the denominator for stability.</summary>
            public double? eps;
            /// <summary>Ascend instead of descend.</summary>
            public bool? maximize;
        }

        /// <summary>Per-parameter state.</summary>
        public sealed class State
        {
            /// <summary>Steps taken.</summary>
            public long step;
            /// <summary>S: the sum of squared gradients.</summary>
            public Tensor? sum;
        }

        /// <summary>A group of parameters with Adagrad options.</summary>
        public sealed class ParamGroup : ParamGroup<Options>
        {
            /// <summary>An empty group.</summary>
            public ParamGroup() { }

            /// <summary>A group with <paramref name="options"/> (unset ones take the optimizer's defaults).</summary>
            public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options) { }

            /// <summary>A group with every option given.</summary>
            public ParamGroup(IEnumerable<Parameter> parameters, double lr = 1e-2, double lr_decay = 0, double weight_decay = 0, double initial_accumulator_value = 0, double eps = 1e-10, bool maximize = false)
                : base(parameters, new Options { LearningRate = lr, lr_decay = lr_decay, weight_decay = weight_decay, initial_accumulator_value = initial_accumulator_value, eps = eps, maximize = maximize }) { }
        }
    }
}
