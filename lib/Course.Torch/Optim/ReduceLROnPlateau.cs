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
                    /// Cuts lr by <c>factor</c> when a metric (passed to <see cref="step(double, int?)"/>) has not improved for
                    /// <c>patience</c> epochs, then waits <c>cooldown</c> epochs before counting again.
                    /// </summary>
                    public class ReduceLROnPlateau : LRScheduler
                    {
                        readonly bool _max, _relative;
                        readonly double _factor, _threshold, _eps;
                        readonly int _patience, _cooldown;
                        readonly IList<double> _min_lrs;
                        double _best;
                        int _num_bad_epochs, _cooldown_counter;

                        /// <summary>Creates the scheduler (mode "min" or "max", threshold_mode "rel" or "abs").</summary>
                        public ReduceLROnPlateau(Optimizer optimizer, string mode = "min", double factor = 0.1, int patience = 10, double threshold = 1e-4,
                            string threshold_mode = "rel", int cooldown = 0, IList<double>? min_lr = null, double eps = 1e-8, bool verbose = false)
                            : base(optimizer, 0, verbose)
                        {
                            if (factor >= 1.0) throw new ArgumentException("Factor should be < 1.0.");
                            if (mode != "min" && mode != "max") throw new ArgumentException($"mode {mode} is unknown!");
                            if (threshold_mode != "rel" && threshold_mode != "abs") throw new ArgumentException($"threshold mode {threshold_mode} is unknown!");
                            _min_lrs = min_lr is null ? _base_lrs.Select(_ => 0.0).ToList()
                                : min_lr.Count == 1 ? _base_lrs.Select(_ => min_lr[0]).ToList()
                                : min_lr.Count == _base_lrs.Count ? min_lr.ToList()
                                : throw new ArgumentException($"expected {_base_lrs.Count} min_lrs, got {min_lr.Count}");
                            (_max, _relative) = (mode == "max", threshold_mode == "rel");
                            (_factor, _patience, _threshold, _cooldown, _eps) = (factor, patience, threshold, cooldown, eps);
                            _best = _max ? double.NegativeInfinity : double.PositiveInfinity;
                        }

                        /// <summary>min/rel: a &lt; best·(1 − θ); min/abs: a &lt; best − θ; max/rel: a &gt; best·(1 + θ); max/abs: a &gt; best + θ.</summary>
                        bool IsBetter(double a) => (_max, _relative) switch
                        {
                            (false, true) => a < _best * (1 - _threshold),
                            (false, false) => a < _best - _threshold,
                            (true, true) => a > _best * (_threshold + 1),
                            (true, false) => a > _best + _threshold,
                        };

                        /// <summary>Records the metric; after more than <c>patience</c> bad epochs, lr ← max(lr·factor, min_lr) (if it changes by more than eps).</summary>
                        public override void step(double current, int? epoch = null)
                        {
                            _last_epoch = epoch ?? _last_epoch + 1;
                            if (IsBetter(current)) (_best, _num_bad_epochs) = (current, 0);
                            else _num_bad_epochs++;
                            if (_cooldown_counter > 0) { _cooldown_counter--; _num_bad_epochs = 0; }
                            if (_num_bad_epochs > _patience)
                            {
                                var groups = _optimizer.ParamGroups.ToList();
                                for (int i = 0; i < groups.Count; i++)
                                {
                                    var old = groups[i].LearningRate;
                                    var updated = Math.Max(old * _factor, _min_lrs[i]);
                                    if (old - updated > _eps) groups[i].LearningRate = updated;
                                }
                                (_cooldown_counter, _num_bad_epochs) = (_cooldown, 0);
                            }
                            _last_lrs = CurrentLrs.ToList();
                        }

                        /// <summary>Needs a metric: use <see cref="step(double, int?)"/>.</summary>
                        public override void step(int? epoch) =>
                            throw new InvalidOperationException("ReduceLROnPlateau.step needs the metric to watch: call step(metric)");
                    }
                }
            }
        }
    }
}
