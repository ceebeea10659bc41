namespace Course.Torch
{
    using Modules;

    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>AdamW: Adam with decoupled weight decay (TorchSharp's default weight_decay is 0, PyTorch's 0.01).</summary>
            public static AdamW AdamW(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
                new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

            /// <summary>AdamW over named parameters.</summary>
            public static AdamW AdamW(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
                new(parameters.Select(np => np.parameter), lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

            /// <summary>AdamW over parameter groups.</summary>
            public static AdamW AdamW(IEnumerable<AdamW.ParamGroup> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
                new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);
        }
    }
}

namespace Course.Torch.Modules
{
    using static torch;

    /// <summary>The AdamW optimizer (see <c>optim.AdamW</c>).</summary>
    public sealed class AdamW : OptimizerHelper<AdamW.Options, AdamW.State>, IBetas
    {
        /// <summary>Creates the optimizer over one group of parameters.</summary>
        public AdamW(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false)
            : this([new ParamGroup { Parameters = parameters }], lr, beta1, beta2, eps, weight_decay, amsgrad, maximize) { }

        /// <summary>Creates the optimizer over parameter groups.</summary>
        public AdamW(IEnumerable<ParamGroup> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false)
            : base(parameters, new Options { LearningRate = lr, InitialLearningRate = lr, beta1 = beta1, beta2 = beta2, eps = eps, weight_decay = weight_decay, amsgrad = amsgrad, maximize = maximize })
        {
            AdamMath.Validate(beta1, beta2, eps, weight_decay);
        }

        /// <summary>p ← p·(1 − lr·λ) (decoupled decay), then the Adam step on ±grad.</summary>
        protected override void Update(Parameter param, Tensor grad, Options o, State s)
        {
            var lr = o.LearningRate!.Value;
            param.mul_(1 - lr * o.weight_decay!.Value);
            AdamMath.Step(param, o.maximize!.Value ? grad.neg() : grad, s, lr, o.beta1!.Value, o.beta2!.Value, o.eps!.Value, o.amsgrad!.Value);
        }

        /// <summary>The default (β1, β2).</summary>
        public (double, double) Betas { get => (Defaults.beta1!.Value, Defaults.beta2!.Value); set => (Defaults.beta1, Defaults.beta2) = value; }

        /// <summary>AdamW's options.</summary>
        public sealed class Options : OptimizerOptions
        {
            /// <summary>Decay β1 of the gradient average.</summary>
            public double? beta1;
            /// <summary>Decay β2 of the squared-gradient average.</summary>
            public double? beta2;
            /// <summary>Added to the denominator for stability.</summary>
            public double? eps;
            /// <summary>Decoupled weight decay λ.</summary>
            public double? weight_decay;
            /// <summary>Divide by the running maximum of v̂ (AMSGrad).</summary>
            public bool? amsgrad;
            /// <summary>Ascend instead of descend.</summary>
            public bool? maximize;
        }

        /// <summary>Per-parameter state.</summary>
        public sealed class State : AdamMath.State { }

        /// <summary>A group of parameters with AdamW options.</summary>
        public sealed class ParamGroup : ParamGroup<Options>, IBetas
        {
            /// <summary>An empty group.</summary>
            public ParamGroup() { }

            /// <summary>A group with <paramref name="options"/> (unset ones take the optimizer's defaults).</summary>
            public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options) { }

            /// <summary>A group with every option given.</summary>
            public ParamGroup(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false)
                : base(parameters, new Options { LearningRate = lr, beta1 = beta1, beta2 = beta2, eps = eps, weight_decay = weight_decay, amsgrad = amsgrad, maximize = maximize }) { }

            /// <summary>The group's (β1, β2).</summary>
            public (double, double) Betas { get => (Options.beta1!.Value, Options.beta2!.Value); set => (Options.beta1, Options.beta2) = value; }
        }
    }
}
