namespace Course.Torch
{
    using Modules;

    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>Adam: per-parameter steps from running averages of the gradient and its square.</summary>
            public static Adam Adam(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
                new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

            /// <summary>Adam over named parameters.</summary>
            public static Adam Adam(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
                new(parameters.Select(np => np.parameter), lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

            /// <summary>Adam over parameter groups.</summary>
            public static Adam Adam(IEnumerable<Adam.ParamGroup> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
                new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);
        }
    }
}

namespace Course.Torch.Modules
{
    using static torch;

    /// <summary>The Adam optimizer (see <c>optim.Adam</c>).</summary>
    public sealed class Adam : OptimizerHelper<Adam.Options, Adam.State>, IBetas
    {
        /// <summary>Creates the optimizer over one group of parameters.</summary>
        public Adam(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false)
            : this([new ParamGroup { Parameters = parameters }], lr, beta1, beta2, eps, weight_decay, amsgrad, maximize) { }

        /// <summary>Creates the optimizer over parameter groups.</summary>
        public Adam(IEnumerable<ParamGroup> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false)
            : base(parameters, new Options { LearningRate = lr, InitialLearningRate = lr, beta1 = beta1, beta2 = beta2, eps = eps, weight_decay = weight_decay, amsgrad = amsgrad, maximize = maximize })
        {
            AdamMath.Validate(beta1, beta2, eps, weight_decay);
        }

        /// <summary>g ← ±grad + λ·p, then the Adam step (see <see cref="AdamMath.Step"/>).</summary>
        protected override void Update(Parameter param, Tensor grad, Options o, State s)
        {
            OpBan.Enter("Adam");
            var g = o.maximize!.Value ? grad.neg() : grad;
            if (o.weight_decay != 0) g = g.add(param, alpha: o.weight_decay!.Value);
            AdamMath.Step(param, g, s, o.LearningRate!.Value, o.beta1!.Value, o.beta2!.Value, o.eps!.Value, o.amsgrad!.Value);
        }

        /// <summary>The default (β1, β2).</summary>
        public (double, double) Betas { get => (Defaults.beta1!.Value, Defaults.beta2!.Value); set => (Defaults.beta1, Defaults.beta2) = value; }

        /// <summary>Adam's options.</summary>
        public sealed class Options : OptimizerOptions
        {
            /// <summary>Decay β1 of the gradient average.</summary>
            public double? beta1;
            /// <summary>Decay β2 of the squared-gradient average.</summary>
            public double? beta2;
            /// <summary>Added to the denominator for stability.</summary>
            public double? eps;
            /// <summary>L2 penalty λ (added to the gradient).</summary>
            public double? weight_decay;
            /// <summary>Divide by the running maximum of v̂ (AMSGrad).</summary>
            public bool? amsgrad;
            /// <summary>Ascend instead of descend.</summary>
            public bool? maximize;
        }

        /// <summary>Per-parameter state.</summary>
        public sealed class State : AdamMath.State { }

        /// <summary>A group of parameters with Adam options.</summary>
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

    /// <summary>The update Adam and AdamW share.</summary>
    public static class AdamMath
    {
        /// <summary>Adam's running averages.</summary>
        public class State
        {
            /// <summary>Steps taken.</summary>
            public long step;
            /// <summary>m: the running average of the gradient.</summary>
            public Tensor? exp_avg;
            /// <summary>v: the running average of the squared gradient.</summary>
            public Tensor? exp_avg_sq;
            /// <summary>max v (AMSGrad).</summary>
            public Tensor? max_exp_avg_sq;
        }

        /// <summary>Throws for coefficients outside their ranges.</summary>
        internal static void Validate(double beta1, double beta2, double eps, double weight_decay)
        {
            if (eps < 0) throw new ArgumentException($"Invalid epsilon value: {eps}");
            if (beta1 < 0 || beta1 >= 1) throw new ArgumentException($"Invalid beta parameter at index 0: {beta1}");
            if (beta2 < 0 || beta2 >= 1) throw new ArgumentException($"Invalid beta parameter at index 1: {beta2}");
            if (weight_decay < 0) throw new ArgumentException($"Invalid weight_decay value: {weight_decay}");
        }

        /// <summary>
        /// m ← β1·m + (1 − β1)·g; v ← β2·v + (1 − β2)·g²; (AMSGrad: v ← max(v_max, v) in the denominator);
        /// p ← p − lr/(1 − β1ᵗ) · m / (√v / √(1 − β2ᵗ) + ε), i.e. p − lr·m̂/(√v̂ + ε).
        /// </summary>
        internal static void Step(Tensor param, Tensor g, State s, double lr, double beta1, double beta2, double eps, bool amsgrad)
        {
            s.step++;
            if (param.dtype == ScalarType.Float32 && g.dtype == ScalarType.Float32 && param.is_contiguous() && g.is_contiguous())
            {
                StepFloat32(param, g, s, lr, beta1, beta2, eps, amsgrad);
                return;
            }
            s.exp_avg = s.exp_avg is null ? g.mul(1 - beta1) : s.exp_avg.mul(beta1).add(g, alpha: 1 - beta1);
            s.exp_avg_sq = s.exp_avg_sq is null ? g.mul(g).mul(1 - beta2) : s.exp_avg_sq.mul(beta2).add(g.mul(g), alpha: 1 - beta2);
            var v = s.exp_avg_sq;
            if (amsgrad) v = s.max_exp_avg_sq = s.max_exp_avg_sq is null ? v.clone() : s.max_exp_avg_sq.maximum(v);
            var biasCorrection1 = 1 - Math.Pow(beta1, s.step);
            var biasCorrection2 = 1 - Math.Pow(beta2, s.step);
            var denom = v.sqrt().div(Math.Sqrt(biasCorrection2)).add(eps);
            param.add_(s.exp_avg.div(denom), alpha: -lr / biasCorrection1);
        }

        /// <summary>The same update as one fused loop over contiguous float32 spans, with the state updated in place (no temporaries).</summary>
        static void StepFloat32(Tensor param, Tensor g, State s, double lr, double beta1, double beta2, double eps, bool amsgrad)
        {
            s.exp_avg ??= zeros_like(param);
            s.exp_avg_sq ??= zeros_like(param);
            if (amsgrad) s.max_exp_avg_sq ??= zeros_like(param);
            Span<float> p = param.Span<float>(), m = s.exp_avg.Span<float>(), v = s.exp_avg_sq.Span<float>();
            Span<float> vMax = amsgrad ? s.max_exp_avg_sq!.Span<float>() : default;
            ReadOnlySpan<float> grad = g.Span<float>();
            // 1 − β computed in double: (1 − 0.999f) is off by 1e-5 relative.
            float b1 = (float)beta1, b2 = (float)beta2, c1 = (float)(1 - beta1), c2 = (float)(1 - beta2), e = (float)eps;
            var stepSize = (float)(lr / (1 - Math.Pow(beta1, s.step)));
            var sqrtBiasCorrection2 = (float)Math.Sqrt(1 - Math.Pow(beta2, s.step));
            for (int i = 0; i < p.Length; i++)
            {
                m[i] = b1 * m[i] + c1 * grad[i];
                v[i] = b2 * v[i] + c2 * grad[i] * grad[i];
                var second = amsgrad ? vMax[i] = MathF.Max(vMax[i], v[i]) : v[i];
                p[i] -= stepSize * m[i] / (MathF.Sqrt(second) / sqrtBiasCorrection2 + e);
            }
            param.storage.BumpVersion();
        }
    }
}
