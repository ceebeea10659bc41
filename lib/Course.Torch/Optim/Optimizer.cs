using System.Reflection;
using Course.Torch.Modules;

namespace Course.Torch
{
    public static partial class torch
    {
        /// <summary>Optimizers (<c>optim.SGD</c>, <c>optim.Adam</c>, …) and learning-rate schedulers.</summary>
        public static partial class optim
        {
            /// <summary>
            /// Updates parameters from their gradients. Parameters come in groups, each with its own options (lr, …);
            /// <see cref="step"/> applies one update to every parameter that has a gradient, in place and without
            /// recording the graph.
            /// </summary>
            public abstract class Optimizer : IDisposable
            {
                /// <summary>The parameter groups, in the order they were added.</summary>
                protected readonly List<ParamGroup> _parameter_groups = new();

                /// <summary>The parameter groups; schedulers change their <see cref="ParamGroup.LearningRate"/>.</summary>
                public IEnumerable<ParamGroup> ParamGroups => _parameter_groups;

                /// <summary>Every parameter of every group.</summary>
                public IEnumerable<Parameter> parameters() => _parameter_groups.SelectMany(g => g.Parameters);

                /// <summary>Clears every parameter's gradient: to null by default, or to zeros.</summary>
                public virtual void zero_grad(bool set_to_none = true)
                {
                    foreach (var p in parameters())
                    {
                        if (set_to_none || p.grad is null) p.grad = null;
                        else using (no_grad()) p.grad.zero_();
                    }
                }

                /// <summary>
                /// One update of every parameter. <paramref name="closure"/>, if given, re-evaluates the model and returns the
                /// loss (it runs with grad enabled, before the update); step returns that loss.
                /// </summary>
                public abstract Tensor? step(Func<Tensor>? closure = null);

                /// <summary>Adds a group of parameters; options it leaves unset take the optimizer's defaults.</summary>
                public abstract void add_param_group(ParamGroup param_group);

                /// <summary>Nothing to release: tensors are managed memory.</summary>
                public void Dispose() { GC.SuppressFinalize(this); }
            }
        }
    }
}

namespace Course.Torch.Modules
{
    using static torch;

    /// <summary>Options every optimizer has: the learning rate and the rate it started with (schedulers scale that).</summary>
    public class OptimizerOptions
    {
        /// <summary>The current learning rate.</summary>
        public double? LearningRate;
        /// <summary>The learning rate the group was created with.</summary>
        public double? InitialLearningRate;
    }

    /// <summary>Optimizers with a momentum coefficient (OneCycleLR cycles it).</summary>
    public interface IMomentum
    {
        /// <summary>The momentum coefficient.</summary>
        double Momentum { get; set; }
    }

    /// <summary>Optimizers with Adam's (β1, β2) (OneCycleLR cycles β1).</summary>
    public interface IBetas
    {
        /// <summary>The running-average coefficients (β1, β2).</summary>
        (double, double) Betas { get; set; }
    }

    /// <summary>A set of parameters sharing options.</summary>
    public class ParamGroup
    {
        IReadOnlyList<Parameter> parameters = [];

        /// <summary>An empty group (set <see cref="Parameters"/> and <see cref="Options"/>).</summary>
        public ParamGroup() { }

        /// <summary>A group of <paramref name="parameters"/> with <paramref name="options"/> (unset ones take the optimizer's defaults).</summary>
        public ParamGroup(IEnumerable<Parameter> parameters, OptimizerOptions? options = null)
        {
            Parameters = parameters;
            Options = options!;
        }

        /// <summary>The parameters (materialized once, so lazy sequences such as <c>module.parameters()</c> are safe).</summary>
        public IEnumerable<Parameter> Parameters { get => parameters; set => parameters = value.ToList(); }

        /// <summary>The group's options.</summary>
        public OptimizerOptions Options { get; set; } = null!;

        /// <summary>The group's current learning rate.</summary>
        public double LearningRate { get => Options.LearningRate!.Value; set => Options.LearningRate = value; }

        /// <summary>The group's initial learning rate.</summary>
        public double InitialLearningRate { get => Options.InitialLearningRate!.Value; set => Options.InitialLearningRate = value; }
    }

    /// <summary>A parameter group with an optimizer's own options type.</summary>
    public class ParamGroup<TOptions> : ParamGroup where TOptions : OptimizerOptions
    {
        /// <summary>An empty group.</summary>
        public ParamGroup() { }

        /// <summary>A group of <paramref name="parameters"/> with <paramref name="options"/>.</summary>
        public ParamGroup(IEnumerable<Parameter> parameters, TOptions options) : base(parameters, options) { }

        /// <summary>The group's options.</summary>
        public new TOptions Options { get => (TOptions)base.Options; set => base.Options = value; }
    }

    /// <summary>
    /// The shared machinery of the optimizers: defaults filled into each group's unset options, one state object per
    /// parameter, and a step that runs <see cref="Update"/> under no_grad for every parameter with a gradient.
    /// </summary>
    public abstract class OptimizerHelper<TOptions, TState> : optim.Optimizer
        where TOptions : OptimizerOptions, new() where TState : new()
    {
        readonly TOptions defaults;
        readonly Dictionary<Parameter, TState> state = new(ReferenceEqualityComparer.Instance);

        /// <summary>Creates the optimizer with <paramref name="defaults"/> and adds <paramref name="groups"/>.</summary>
        protected OptimizerHelper(IEnumerable<ParamGroup> groups, TOptions defaults)
        {
            if (defaults.LearningRate is < 0) throw new ArgumentException($"Invalid learning rate: {defaults.LearningRate}");
            this.defaults = defaults;
            foreach (var g in groups) add_param_group(g);
        }

        /// <summary>The options new groups inherit.</summary>
        protected TOptions Defaults => defaults;

        /// <inheritdoc/>
        public override void add_param_group(ParamGroup param_group)
        {
            param_group.Options ??= new TOptions();
            if (param_group.Options is not TOptions options)
                throw new ArgumentException($"{GetType().Name}: a parameter group needs {typeof(TOptions).FullName}, got {param_group.Options.GetType().FullName}");
            foreach (var field in typeof(TOptions).GetFields(BindingFlags.Public | BindingFlags.Instance))
                if (field.GetValue(options) is null) field.SetValue(options, field.GetValue(defaults));
            options.InitialLearningRate = options.LearningRate;
            foreach (var p in param_group.Parameters)
                if (_parameter_groups.Any(g => g.Parameters.Contains(p)))
                    throw new ArgumentException("some parameters appear in more than one parameter group");
            _parameter_groups.Add(param_group);
        }

        /// <inheritdoc/>
        public override Tensor? step(Func<Tensor>? closure = null)
        {
            Tensor? loss = null;
            if (closure is not null) using (enable_grad()) loss = closure();
            using (no_grad())
                foreach (var group in _parameter_groups)
                    foreach (var p in group.Parameters)
                    {
                        if (p.grad is null) continue;
                        if (!state.TryGetValue(p, out var s)) state[p] = s = new TState();
                        Update(p, p.grad, (TOptions)group.Options, s);
                    }
            return loss;
        }

        /// <summary>Updates <paramref name="param"/> in place from <paramref name="grad"/> and its <paramref name="state"/>.</summary>
        protected abstract void Update(Parameter param, Tensor grad, TOptions options, TState state);
    }
}
