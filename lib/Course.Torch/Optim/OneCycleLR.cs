using Course.Torch.Modules;

namespace Course.Torch
{
    public static partial class torch
    {
        public static partial class optim
        {
            public static partial class lr_scheduler
            {
                public static partial class impl
                {
                    /// <summary>
                    /// The 1cycle policy: phases that anneal lr (and inversely momentum / β1) between
                    /// initial = max_lr/div_factor, max_lr and min = initial/final_div_factor.
                    /// </summary>
                    public class OneCycleLR : LRScheduler
                    {
                        /// <summary>How a phase moves between its start and end values.</summary>
                        public enum AnnealStrategy
                        {
                            /// <summary>end + (start − end)·(1 + cos(π·pct))/2.</summary>
                            Cos,
                            /// <summary>start + (end − start)·pct.</summary>
                            Linear,
                        }

                        readonly record struct Phase(double EndStep, Func<Values, double> StartLr, Func<Values, double> EndLr, Func<Values, double> StartMomentum, Func<Values, double> EndMomentum);
                        readonly record struct Values(double Initial, double Max, double Min, double BaseMomentum, double MaxMomentum);

                        readonly int _total_steps;
                        readonly Phase[] _phases;
                        readonly Values[] _values;
                        readonly AnnealStrategy _anneal;
                        readonly bool _cycle_momentum;

                        /// <summary>Creates the scheduler, sets each group's lr to max_lr/div_factor (and momentum to max_momentum).</summary>
                        public OneCycleLR(Optimizer optimizer, double max_lr, int total_steps = -1, int epochs = -1, int steps_per_epoch = -1, double pct_start = 0.3,
                            AnnealStrategy anneal_strategy = AnnealStrategy.Cos, bool cycle_momentum = true, double base_momentum = 0.85, double max_momentum = 0.95,
                            double div_factor = 25, double final_div_factor = 1e4, bool three_phase = false, int last_epoch = -1, bool verbose = false)
                            : base(SetInitialLrs(optimizer, max_lr / div_factor), last_epoch, verbose)
                        {
                            if (total_steps <= 0 && (epochs <= 0 || steps_per_epoch <= 0))
                                throw new ArgumentException("You must define either total_steps OR (epochs AND steps_per_epoch)");
                            _total_steps = total_steps > 0 ? total_steps : epochs * steps_per_epoch;
                            if (pct_start < 0 || pct_start > 1) throw new ArgumentException($"Expected float between 0 and 1 pct_start, but got {pct_start}");
                            _anneal = anneal_strategy;
                            _cycle_momentum = cycle_momentum;
                            var initial = max_lr / div_factor;
                            _values = _base_lrs.Select(_ => new Values(initial, max_lr, initial / final_div_factor, base_momentum, max_momentum)).ToArray();
                            var up = pct_start * _total_steps - 1;
                            _phases = three_phase
                                ? [new(up, v => v.Initial, v => v.Max, v => v.MaxMomentum, v => v.BaseMomentum),
                                   new(2 * pct_start * _total_steps - 2, v => v.Max, v => v.Initial, v => v.BaseMomentum, v => v.MaxMomentum),
                                   new(_total_steps - 1, v => v.Initial, v => v.Min, v => v.MaxMomentum, v => v.MaxMomentum)]
                                : [new(up, v => v.Initial, v => v.Max, v => v.MaxMomentum, v => v.BaseMomentum),
                                   new(_total_steps - 1, v => v.Max, v => v.Min, v => v.BaseMomentum, v => v.MaxMomentum)];
                            if (cycle_momentum) foreach (var g in optimizer.ParamGroups) SetMomentum(g, max_momentum);
                            step();
                        }

                        static Optimizer SetInitialLrs(Optimizer optimizer, double initial)
                        {
                            foreach (var g in optimizer.ParamGroups) g.InitialLearningRate = initial;
                            return optimizer;
                        }

                        static void SetMomentum(ParamGroup group, double momentum)
                        {
                            switch (group)
                            {
                                case IBetas b: b.Betas = (momentum, b.Betas.Item2); break;
                                case IMomentum m: m.Momentum = momentum; break;
                                default: throw new ArgumentException("optimizer must support momentum or betas with `cycle_momentum` option enabled");
                            }
                        }

                        double Anneal(double start, double end, double pct) => _anneal == AnnealStrategy.Cos
                            ? end + (start - end) / 2.0 * (Math.Cos(Math.PI * pct) + 1)
                            : (end - start) * pct + start;

                        /// <summary>Finds the phase holding this step and anneals between its ends by the fraction done.</summary>
                        protected override IEnumerable<double> get_lr()
                        {
                            var stepNum = _last_epoch;
                            if (stepNum > _total_steps)
                                throw new InvalidOperationException($"Tried to step {stepNum} times. The specified number of total steps is {_total_steps}");
                            var groups = _optimizer.ParamGroups.ToList();
                            var lrs = new double[groups.Count];
                            for (int i = 0; i < groups.Count; i++)
                            {
                                double start = 0;
                                for (int k = 0; k < _phases.Length; k++)
                                {
                                    var phase = _phases[k];
                                    if (stepNum <= phase.EndStep || k == _phases.Length - 1)
                                    {
                                        var pct = (stepNum - start) / (phase.EndStep - start);
                                        lrs[i] = Anneal(phase.StartLr(_values[i]), phase.EndLr(_values[i]), pct);
                                        if (_cycle_momentum) SetMomentum(groups[i], Anneal(phase.StartMomentum(_values[i]), phase.EndMomentum(_values[i]), pct));
                                        break;
                                    }
                                    start = phase.EndStep;
                                }
                            }
                            return lrs;
                        }
                    }
                }
            }
        }
    }
}
