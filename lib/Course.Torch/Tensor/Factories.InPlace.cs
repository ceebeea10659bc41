namespace Course.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>Writes <paramref name="value"/> into every element (through the view's strides); returns this tensor.</summary>
        public Tensor fill_(Scalar value)
        {
            double v = value.Value;
            return Write(() =>
            {
                if (!is_contiguous()) { OverwriteOffsets(() => v, Offsets()); return; }
                int start = (int)_offset, count = (int)numel();
                switch (storage.Data)
                {
                    case float[] a: Array.Fill(a, (float)v, start, count); break;
                    case double[] a: Array.Fill(a, v, start, count); break;
                    case long[] a: Array.Fill(a, (long)v, start, count); break;
                    case int[] a: Array.Fill(a, (int)v, start, count); break;
                    case byte[] a: Array.Fill(a, (byte)v, start, count); break;
                    case bool[] a: Array.Fill(a, v != 0, start, count); break;
                }
            });
        }

        /// <summary>Writes 0 into every element; returns this tensor.</summary>
        public Tensor zero_() => fill_(0);

        /// <summary>Fills with samples of U[from, to): x = from + (to − from)·u, u uniform in [0, 1).</summary>
        public Tensor uniform_(double from = 0, double to = 1, Generator? generator = null)
        {
            var g = generator ?? Generator.Default;
            lock (g.Lock) return Overwrite(() => from + (to - from) * g.NextDouble());
        }

        /// <summary>Fills with samples of N(mean, std²): x = mean + std·z, z standard normal.</summary>
        public Tensor normal_(double mean = 0, double std = 1, Generator? generator = null)
        {
            var g = generator ?? Generator.Default;
            lock (g.Lock) return Overwrite(() => mean + std * g.NextNormal());
        }

        /// <summary>Fills with 1 with probability <paramref name="p"/>, else 0.</summary>
        public Tensor bernoulli_(double p = 0.5, Generator? generator = null)
        {
            var g = generator ?? Generator.Default;
            lock (g.Lock) return Overwrite(() => g.NextDouble() < p ? 1 : 0);
        }

        /// <summary>A second tensor object over the same data and graph node (TorchSharp's alias()).</summary>
        public Tensor alias()
        {
            var view = new Tensor(storage, _shape, _strides, _offset, dtype);
            view.grad_fn = grad_fn;
            view._requires_grad = _requires_grad;
            return view;
        }

        /// <summary>
        /// Writes next() into each element in row-major order, through the strides, so views write into their base.
        /// The old values no longer matter, so a tracked non-leaf gets a graph node with no inputs (zero gradient upstream).
        /// </summary>
        internal Tensor Overwrite(Func<double> next) => Write(() =>
        {
            if (is_contiguous()) OverwriteRange(next, (int)_offset, (int)numel());
            else OverwriteOffsets(next, Offsets());
        });

        /// <summary>Runs an in-place write with the leaf check before and the version bump and graph update after.</summary>
        Tensor Write(Action write)
        {
            CheckInPlaceOnLeaf();
            write();
            storage.BumpVersion();
            if (is_grad_enabled() && requires_grad && !is_leaf) grad_fn = new Node("FillBackward0", [], _ => [], []);
            return this;
        }

        void OverwriteRange(Func<double> next, int start, int count)
        {
            switch (storage.Data)
            {
                case float[] a: for (int i = start; i < start + count; i++) a[i] = (float)next(); break;
                case double[] a: for (int i = start; i < start + count; i++) a[i] = next(); break;
                case long[] a: for (int i = start; i < start + count; i++) a[i] = (long)next(); break;
                case int[] a: for (int i = start; i < start + count; i++) a[i] = (int)next(); break;
                case byte[] a: for (int i = start; i < start + count; i++) a[i] = (byte)next(); break;
                case bool[] a: for (int i = start; i < start + count; i++) a[i] = next() != 0; break;
            }
        }

        void OverwriteOffsets(Func<double> next, int[] offsets)
        {
            switch (storage.Data)
            {
                case float[] a: foreach (var o in offsets) a[o] = (float)next(); break;
                case double[] a: foreach (var o in offsets) a[o] = next(); break;
                case long[] a: foreach (var o in offsets) a[o] = (long)next(); break;
                case int[] a: foreach (var o in offsets) a[o] = (int)next(); break;
                case byte[] a: foreach (var o in offsets) a[o] = (byte)next(); break;
                case bool[] a: foreach (var o in offsets) a[o] = next() != 0; break;
            }
        }
    }
}
