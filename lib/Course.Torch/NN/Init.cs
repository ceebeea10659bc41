namespace Course.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// Weight initializers. Each fills a tensor in place (without recording gradients) and returns it.
        /// Fans follow PyTorch: for a weight [out, in, k…], fan_in = in·∏k and fan_out = out·∏k.
        /// </summary>
        public static class init
        {
            /// <summary>Which fan scales the variance.</summary>
            public enum FanInOut
            {
                /// <summary>Preserves the variance of activations in the forward pass.</summary>
                FanIn = 0,
                /// <summary>Preserves the variance of gradients in the backward pass.</summary>
                FanOut = 1
            }

            /// <summary>The nonlinearity that follows the layer (chooses the gain).</summary>
            public enum NonlinearityType
            {
                /// <summary>Gain 1.</summary>
                Linear = 0,
                /// <summary>Gain 1.</summary>
                Conv1D = 1,
                /// <summary>Gain 1.</summary>
                Conv2D = 2,
                /// <summary>Gain 1.</summary>
                Conv3D = 3,
                /// <summary>Gain 1.</summary>
                ConvTranspose1D = 4,
                /// <summary>Gain 1.</summary>
                ConvTranspose2D = 5,
                /// <summary>Gain 1.</summary>
                ConvTranspose3D = 6,
                /// <summary>Gain 1.</summary>
                Sigmoid = 7,
                /// <summary>Gain 5/3.</summary>
                Tanh = 8,
                /// <summary>Gain √2.</summary>
                ReLU = 9,
                /// <summary>Gain √(2 / (1 + slope²)).</summary>
                LeakyReLU = 10,
                /// <summary>Gain 3/4.</summary>
                SELU = 11
            }

            /// <summary>
            /// The recommended gain for a nonlinearity: linear/conv/sigmoid 1, tanh 5/3, relu √2,
            /// leaky_relu √(2/(1 + a²)) with a = <paramref name="param"/> (default 0.01), selu 3/4.
            /// </summary>
            public static double calculate_gain(NonlinearityType nonlinearity, double? param = null) => nonlinearity switch
            {
                NonlinearityType.Tanh => 5.0 / 3,
                NonlinearityType.ReLU => Math.Sqrt(2.0),
                NonlinearityType.LeakyReLU => Math.Sqrt(2.0 / (1 + Math.Pow(param ?? 0.01, 2))),
                NonlinearityType.SELU => 3.0 / 4,
                _ => 1.0
            };

            /// <summary>(fan_in, fan_out) of a weight [out, in, k…]: (in·∏k, out·∏k).</summary>
            /// <exception cref="ArgumentException">For tensors with fewer than 2 dimensions.</exception>
            public static (long fanIn, long fanOut) CalculateFanInAndFanOut(Tensor tensor)
            {
                if (tensor.ndim < 2)
                    throw new ArgumentException($"Fan in and fan out can not be computed for tensor with fewer than 2 dimensions (got shape {ShapeString(tensor.shape)})");
                var receptive = tensor.shape.Skip(2).Aggregate(1L, (n, d) => n * d);
                return (tensor.shape[1] * receptive, tensor.shape[0] * receptive);
            }

            static long Fan(Tensor tensor, FanInOut mode)
            {
                var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
                return mode == FanInOut.FanIn ? fanIn : fanOut;
            }

            /// <summary>Runs <paramref name="fill"/> with gradient recording off; returns the tensor.</summary>
            static Tensor Fill(Tensor tensor, Action<Tensor> fill)
            {
                using (no_grad()) fill(tensor);
                return tensor;
            }

            /// <summary>Fills with samples of U(low, high).</summary>
            public static Tensor uniform_(Tensor tensor, double low = 0, double high = 1, Generator? generator = null) =>
                Fill(tensor, t => t.uniform_(low, high, generator));

            /// <summary>Fills with samples of N(mean, std²).</summary>
            public static Tensor normal_(Tensor tensor, double mean = 0, double std = 1, Generator? generator = null) =>
                Fill(tensor, t => t.normal_(mean, std, generator));

            /// <summary>
            /// Fills with N(mean, std²) samples restricted to [a, b] (each sample outside is redrawn, which gives
            /// exactly the truncated distribution).
            /// </summary>
            public static Tensor trunc_normal_(Tensor tensor, double mean = 0, double std = 1, double a = -2, double b = 2, Generator? generator = null)
            {
                if (!(a < b)) throw new ArgumentException($"trunc_normal_: need a < b, got a={a}, b={b}");
                var g = generator ?? Generator.Default;
                var values = new double[tensor.numel()];
                lock (g.Lock)
                    for (int i = 0; i < values.Length; i++)
                    {
                        double v;
                        do v = mean + std * g.NextNormal(); while (v < a || v > b);
                        values[i] = v;
                    }
                return Fill(tensor, t => t.copy_(torch.tensor(values, t.shape)));
            }

            /// <summary>Fills with <paramref name="val"/>.</summary>
            public static Tensor constant_(Tensor tensor, Scalar val) => Fill(tensor, t => t.fill_(val));

            /// <summary>Fills with 0.</summary>
            public static Tensor zeros_(Tensor tensor) => constant_(tensor, 0);

            /// <summary>Fills with 1.</summary>
            public static Tensor ones_(Tensor tensor) => constant_(tensor, 1);

            /// <summary>Glorot: U(−a, a) with a = gain·√(6 / (fan_in + fan_out)), so Var = gain²·2/(fan_in + fan_out).</summary>
            public static Tensor xavier_uniform_(Tensor tensor, double gain = 1.0, Generator? generator = null)
            {
                var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
                var bound = gain * Math.Sqrt(6.0 / (fanIn + fanOut));
                return uniform_(tensor, -bound, bound, generator);
            }

            /// <summary>Glorot: N(0, std²) with std = gain·√(2 / (fan_in + fan_out)).</summary>
            public static Tensor xavier_normal_(Tensor tensor, double gain = 1.0, Generator? generator = null)
            {
                var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
                return normal_(tensor, 0, gain * Math.Sqrt(2.0 / (fanIn + fanOut)), generator);
            }

            /// <summary>
            /// He: U(−b, b) with b = √3·gain/√fan, gain = calculate_gain(nonlinearity, a). Linear and Conv layers use
            /// a = √5, which gives b = 1/√fan_in.
            /// </summary>
            public static Tensor kaiming_uniform_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn,
                NonlinearityType nonlinearity = NonlinearityType.LeakyReLU, Generator? generator = null)
            {
                var bound = Math.Sqrt(3.0) * calculate_gain(nonlinearity, a) / Math.Sqrt(Fan(tensor, mode));
                return uniform_(tensor, -bound, bound, generator);
            }

            /// <summary>He: N(0, std²) with std = gain/√fan, gain = calculate_gain(nonlinearity, a).</summary>
            public static Tensor kaiming_normal_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn,
                NonlinearityType nonlinearity = NonlinearityType.LeakyReLU, Generator? generator = null) =>
                normal_(tensor, 0, calculate_gain(nonlinearity, a) / Math.Sqrt(Fan(tensor, mode)), generator);

            /// <summary>
            /// A (semi-)orthogonal matrix times <paramref name="gain"/>: the tensor viewed as [rows, cols] gets
            /// orthonormal rows (rows ≤ cols) or columns. Made by QR of a Gaussian matrix with Gram-Schmidt; R's
            /// diagonal is then positive, so Q is uniformly distributed as in PyTorch.
            /// </summary>
            /// <exception cref="ArgumentException">For tensors with fewer than 2 dimensions.</exception>
            public static Tensor orthogonal_(Tensor tensor, double gain = 1.0, Generator? generator = null)
            {
                if (tensor.ndim < 2)
                    throw new ArgumentException($"Only tensors with 2 or more dimensions are supported (got shape {ShapeString(tensor.shape)})");
                long rows = tensor.shape[0], cols = tensor.numel() / rows;
                var g = generator ?? Generator.Default;
                // Columns of an m×n matrix with m ≥ n; transposed back at the end when rows < cols.
                int m = (int)Math.Max(rows, cols), n = (int)Math.Min(rows, cols);
                var q = new double[n][];
                lock (g.Lock)
                    for (int j = 0; j < n; j++) { q[j] = new double[m]; for (int i = 0; i < m; i++) q[j][i] = g.NextNormal(); }
                for (int j = 0; j < n; j++)
                {
                    // Modified Gram-Schmidt: remove the components along the earlier columns, then normalize.
                    for (int k = 0; k < j; k++)
                    {
                        double dot = 0;
                        for (int i = 0; i < m; i++) dot += q[k][i] * q[j][i];
                        for (int i = 0; i < m; i++) q[j][i] -= dot * q[k][i];
                    }
                    var norm = Math.Sqrt(q[j].Sum(v => v * v));
                    for (int i = 0; i < m; i++) q[j][i] /= norm;
                }
                var values = new double[rows * cols];
                for (int j = 0; j < n; j++)
                    for (int i = 0; i < m; i++)
                        if (rows < cols) values[j * cols + i] = gain * q[j][i];
                        else values[i * cols + j] = gain * q[j][i];
                return Fill(tensor, t => t.copy_(torch.tensor(values, t.shape)));
            }
        }
    }
}
