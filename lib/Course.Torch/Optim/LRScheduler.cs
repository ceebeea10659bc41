using Course.Torch.Modules;

namespace Course.Torch
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>Learning-rate schedulers: each <c>step()</c> sets every parameter group's lr for the next epoch (or batch).</summary>
            public static partial class lr_scheduler
            {
                /// <summary>
                /// The base scheduler. <see cref="step()"/> advances the epoch counter and writes <see cref="get_lr"/>'s values
                /// into the optimizer's groups. As PyTorch, get_lr is the "chainable" form: it updates the groups' current lr, so
                /// several schedulers can act on one optimizer. The constructor takes the first step (epoch 0).
                /// </summary>
                public abstract class LRScheduler
                {
                    /// <summary>The optimizer whose learning rates this scheduler sets.</summary>
                    protected readonly Optimizer _optimizer;
                    /// <summary>The epoch of the last step (−1 before the first).</summary>
                    protected int _last_epoch;
                    /// <summary>How many times step() ran.</summary>
                    protected int _step_count;
                    /// <summary>Each group's initial learning rate.</summary>
                    protected readonly IList<double> _base_lrs;
                    /// <summary>The learning rates the last step set.</summary>
                    protected IList<double> _last_lrs;
                    readonly bool _verbose;

                    /// <summary>Binds to <paramref name="optimizer"/>; call <see cref="step()"/> at the end of the subclass constructor.</summary>
                    protected LRScheduler(Optimizer optimizer, int last_epoch = -1, bool verbose = false)
                    {
                        _optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
                        _last_epoch = last_epoch;
                        _verbose = verbose;
                        _base_lrs = optimizer.ParamGroups.Select(pg => pg.InitialLearningRate).ToList();
                        _last_lrs = optimizer.ParamGroups.Select(pg => pg.LearningRate).ToList();
                    }

                    /// <summary>Advances the schedule one epoch and sets the groups' learning rates.</summary>
                    public virtual void step() => step(null);

                    /// <summary>Advances to <paramref name="epoch"/> (null = next) and sets the groups' learning rates (the closed form when an epoch is given).</summary>
                    public virtual void step(int? epoch)
                    {
                        _step_count++;
                        _last_epoch = epoch ?? _last_epoch + 1;
                        var lrs = (epoch.HasValue ? get_closed_form_lr() : get_lr()).ToList();
                        var groups = _optimizer.ParamGroups.ToList();
                        for (int i = 0; i < groups.Count; i++)
                        {
                            if (_verbose && groups[i].LearningRate != lrs[i]) Console.WriteLine($"Adjusting learning rate of group {i} to {lrs[i]:e4}.");
                            groups[i].LearningRate = lrs[i];
                        }
                        _last_lrs = lrs;
                    }

                    /// <summary>Advances the schedule; the metric is ignored except by ReduceLROnPlateau.</summary>
                    public virtual void step(double current, int? epoch = null) => step(epoch);

                    /// <summary>The learning rates for the current epoch, from the groups' current ones (chainable form).</summary>
                    protected virtual IEnumerable<double> get_lr() => _optimizer.ParamGroups.Select(pg => pg.LearningRate);

                    /// <summary>The learning rates for the current epoch computed from the initial ones.</summary>
                    protected virtual IEnumerable<double> get_closed_form_lr() => get_lr();

                    /// <summary>The learning rates the last step set, one per group.</summary>
                    public IList<double> get_last_lr() => _last_lrs;

                    /// <summary>Each group's current learning rate.</summary>
                    protected IEnumerable<double> CurrentLrs => _optimizer.ParamGroups.Select(pg => pg.LearningRate);
                }

                /// <summary>lr ← lr·γ every <paramref name="step_size"/> epochs.</summary>
                public static LRScheduler StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1, bool verbose = false) =>
                    new impl.StepLR(optimizer, step_size, gamma, last_epoch, verbose);

                /// <summary>lr ← lr·γ at each milestone epoch.</summary>
                public static LRScheduler MultiStepLR(Optimizer optimizer, IList<int> milestones, double gamma = 0.1, int last_epoch = -1, bool verbose = false) =>
                    new impl.MultiStepLR(optimizer, milestones, gamma, last_epoch, verbose);

                /// <summary>lr ← lr·γ every epoch.</summary>
                public static LRScheduler ExponentialLR(Optimizer optimizer, double gamma = 0.1, int last_epoch = -1, bool verbose = false) =>
                    new impl.ExponentialLR(optimizer, gamma, last_epoch, verbose);

                /// <summary>lr = η_min + (lr₀ − η_min)·(1 + cos(π·t/T_max))/2.</summary>
                public static LRScheduler CosineAnnealingLR(Optimizer optimizer, double T_max, double eta_min = 0, int last_epoch = -1, bool verbose = false) =>
                    new impl.CosineAnnealingLR(optimizer, T_max, eta_min, last_epoch, verbose);

                /// <summary>lr = lr₀·λ(epoch).</summary>
                public static LRScheduler LambdaLR(Optimizer optimizer, Func<int, double> lr_lambda, int last_epoch = -1, bool verbose = false) =>
                    new impl.LambdaLR(optimizer, lr_lambda, last_epoch, verbose);

                /// <summary>
                /// lr = lr₀·f with f moving linearly from <paramref name="start_factor"/> to <paramref name="end_factor"/> over
                /// <paramref name="total_iters"/> epochs (TorchSharp's default end_factor is 5; PyTorch's is 1).
                /// </summary>
                public static LRScheduler LinearLR(Optimizer optimizer, double start_factor = 1.0 / 3, double end_factor = 5, int total_iters = 5, int last_epoch = -1, bool verbose = false) =>
                    new impl.LinearLR(optimizer, start_factor, end_factor, total_iters, last_epoch, verbose);

                /// <summary>The 1cycle policy: lr warms up from max_lr/div_factor to max_lr, then anneals far below the start (call step() per batch).</summary>
                public static LRScheduler OneCycleLR(Optimizer optimizer, double max_lr, int total_steps = -1, int epochs = -1, int steps_per_epoch = -1, double pct_start = 0.3,
                    impl.OneCycleLR.AnnealStrategy anneal_strategy = impl.OneCycleLR.AnnealStrategy.Cos, bool cycle_momentum = true, double base_momentum = 0.85, double max_momentum = 0.95,
                    double div_factor = 25, double final_div_factor = 1e4, bool three_phase = false, int last_epoch = -1, bool verbose = false) =>
                    new impl.OneCycleLR(optimizer, max_lr, total_steps, epochs, steps_per_epoch, pct_start, anneal_strategy, cycle_momentum, base_momentum, max_momentum,
                        div_factor, final_div_factor, three_phase, last_epoch, verbose);

                /// <summary>lr ← max(lr·factor, min_lr) when the metric passed to step(metric) stops improving for <paramref name="patience"/> epochs.</summary>
                public static LRScheduler ReduceLROnPlateau(Optimizer optimizer, string mode = "min", double factor = 0.1, int patience = 10, double threshold = 1e-4,
                    string threshold_mode = "rel", int cooldown = 0, IList<double>? min_lr = null, double eps = 1e-8, bool verbose = false) =>
                    new impl.ReduceLROnPlateau(optimizer, mode, factor, patience, threshold, threshold_mode, cooldown, min_lr, eps, verbose);

                /// <summary>The scheduler classes.</summary>
                public static partial class impl
                {
                    /// <summary>lr ← lr·γ every step_size epochs.</summary>
                    public class StepLR : LRScheduler
                    {
                        readonly int _step_size;
                        readonly double _gamma;

                        /// <summary>Creates the scheduler and sets epoch 0's lr.</summary>
                        public StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1, bool verbose = false) : base(optimizer, last_epoch, verbose)
                        {
                            if (step_size <= 0) throw new ArgumentException($"step_size must be positive, got {step_size}");
                            (_step_size, _gamma) = (step_size, gamma);
                            step();
                        }

                        /// <summary>lr·γ when the epoch is a positive multiple of step_size, else lr.</summary>
                        protected override IEnumerable<double> get_lr() =>
                            _last_epoch == 0 || _last_epoch % _step_size != 0 ? CurrentLrs : CurrentLrs.Select(lr => lr * _gamma);

                        /// <summary>lr₀·γ^⌊epoch/step_size⌋.</summary>
                        protected override IEnumerable<double> get_closed_form_lr() => _base_lrs.Select(lr => lr * Math.Pow(_gamma, _last_epoch / _step_size));
                    }

                    /// <summary>lr ← lr·γ at each milestone.</summary>
                    public class MultiStepLR : LRScheduler
                    {
                        readonly IList<int> _milestones;
                        readonly double _gamma;

                        /// <summary>Creates the scheduler and sets epoch 0's lr.</summary>
                        public MultiStepLR(Optimizer optimizer, IList<int> milestones, double gamma = 0.1, int last_epoch = -1, bool verbose = false) : base(optimizer, last_epoch, verbose)
                        {
                            (_milestones, _gamma) = (milestones.OrderBy(m => m).ToList(), gamma);
                            step();
                        }

                        /// <summary>lr·γ^k where k is how many milestones equal this epoch.</summary>
                        protected override IEnumerable<double> get_lr()
                        {
                            var hits = _milestones.Count(m => m == _last_epoch);
                            return CurrentLrs.Select(lr => hits == 0 ? lr : lr * Math.Pow(_gamma, hits));
                        }

                        /// <summary>lr₀·γ^(milestones ≤ epoch).</summary>
                        protected override IEnumerable<double> get_closed_form_lr() =>
                            _base_lrs.Select(lr => lr * Math.Pow(_gamma, _milestones.Count(m => m <= _last_epoch)));
                    }

                    /// <summary>lr ← lr·γ every epoch.</summary>
                    public class ExponentialLR : LRScheduler
                    {
                        readonly double _gamma;

                        /// <summary>Creates the scheduler and sets epoch 0's lr.</summary>
                        public ExponentialLR(Optimizer optimizer, double gamma = 0.1, int last_epoch = -1, bool verbose = false) : base(optimizer, last_epoch, verbose)
                        {
                            _gamma = gamma;
                            step();
                        }

                        /// <summary>lr·γ (lr at epoch 0).</summary>
                        protected override IEnumerable<double> get_lr() => _last_epoch == 0 ? CurrentLrs : CurrentLrs.Select(lr => lr * _gamma);

                        /// <summary>lr₀·γ^epoch.</summary>
                        protected override IEnumerable<double> get_closed_form_lr() => _base_lrs.Select(lr => lr * Math.Pow(_gamma, _last_epoch));
                    }

                    /// <summary>Cosine annealing from lr₀ down to η_min over T_max epochs (then back up, periodically).</summary>
                    public class CosineAnnealingLR : LRScheduler
                    {
                        readonly double _T_max, _eta_min;

                        /// <summary>Creates the scheduler and sets epoch 0's lr.</summary>
                        public CosineAnnealingLR(Optimizer optimizer, double T_max, double eta_min = 0, int last_epoch = -1, bool verbose = false) : base(optimizer, last_epoch, verbose)
                        {
                            (_T_max, _eta_min) = (T_max, eta_min);
                            step();
                        }

                        /// <summary>
                        /// The recursive form of the closed form below: lr_t = η_min + (lr_{t−1} − η_min)·(1 + cos(πt/T))/(1 + cos(π(t−1)/T)),
                        /// with the restart step lr + (lr₀ − η_min)·(1 − cos(π/T))/2 where the denominator would vanish.
                        /// </summary>
                        protected override IEnumerable<double> get_lr()
                        {
                            if (_last_epoch == 0) return CurrentLrs;
                            var t = _last_epoch;
                            var period = 2 * _T_max;
                            if ((((t - 1 - _T_max) % period) + period) % period == 0)
                                return CurrentLrs.Zip(_base_lrs, (lr, b) => lr + (b - _eta_min) * (1 - Math.Cos(Math.PI / _T_max)) / 2);
                            return CurrentLrs.Select(lr => (1 + Math.Cos(Math.PI * t / _T_max)) / (1 + Math.Cos(Math.PI * (t - 1) / _T_max)) * (lr - _eta_min) + _eta_min);
                        }

                        /// <summary>η_min + (lr₀ − η_min)·(1 + cos(π·t/T_max))/2.</summary>
                        protected override IEnumerable<double> get_closed_form_lr() =>
                            _base_lrs.Select(b => _eta_min + (b - _eta_min) * (1 + Math.Cos(Math.PI * _last_epoch / _T_max)) / 2);
                    }

                    /// <summary>lr = lr₀·λ(epoch), one λ for all groups or one per group.</summary>
                    public class LambdaLR : LRScheduler
                    {
                        readonly List<Func<int, double>> _lr_lambdas;

                        /// <summary>Creates the scheduler with one function for every group.</summary>
                        public LambdaLR(Optimizer optimizer, Func<int, double> lr_lambda, int last_epoch = -1, bool verbose = false)
                            : this(optimizer, Enumerable.Repeat(lr_lambda, optimizer.ParamGroups.Count()), last_epoch, verbose) { }

                        /// <summary>Creates the scheduler with one function per group.</summary>
                        public LambdaLR(Optimizer optimizer, IEnumerable<Func<int, double>> lr_lambdas, int last_epoch = -1, bool verbose = false) : base(optimizer, last_epoch, verbose)
                        {
                            _lr_lambdas = lr_lambdas.ToList();
                            if (_lr_lambdas.Count != _base_lrs.Count)
                                throw new ArgumentException($"Expected {_base_lrs.Count} lr_lambdas, but got {_lr_lambdas.Count}");
                            step();
                        }

                        /// <summary>lr₀·λ(epoch).</summary>
                        protected override IEnumerable<double> get_lr() => _base_lrs.Select((b, i) => b * _lr_lambdas[i](_last_epoch));
                    }

                    /// <summary>lr = lr₀·f, f linear from start_factor to end_factor over total_iters epochs.</summary>
                    public class LinearLR : LRScheduler
                    {
                        readonly double _start, _end;
                        readonly int _total_iters;

                        /// <summary>Creates the scheduler and sets epoch 0's lr.</summary>
                        public LinearLR(Optimizer optimizer, double start_factor = 1.0 / 3, double end_factor = 5, int total_iters = 5, int last_epoch = -1, bool verbose = false) : base(optimizer, last_epoch, verbose)
                        {
                            if (start_factor > 1.0 || start_factor <= 0)
                                throw new ArgumentException("Starting multiplicative factor expected to be greater than 0 and less or equal to 1.");
                            (_start, _end, _total_iters) = (start_factor, end_factor, total_iters);
                            step();
                        }

                        /// <summary>Epoch 0: lr·start; then lr·(1 + (end − start)/(N·start + (t − 1)·(end − start))) until N.</summary>
                        protected override IEnumerable<double> get_lr()
                        {
                            if (_last_epoch == 0) return CurrentLrs.Select(lr => lr * _start);
                            if (_last_epoch > _total_iters) return CurrentLrs;
                            var ratio = 1 + (_end - _start) / (_total_iters * _start + (_last_epoch - 1) * (_end - _start));
                            return CurrentLrs.Select(lr => lr * ratio);
                        }

                        /// <summary>lr₀·(start + (end − start)·min(t, N)/N).</summary>
                        protected override IEnumerable<double> get_closed_form_lr() =>
                            _base_lrs.Select(b => b * (_start + (_end - _start) * Math.Min(_total_iters, _last_epoch) / _total_iters));
                    }
                }
            }
        }
    }
}
