using static Course.Torch.torch;

namespace Course.Torch.Modules
{
    /// <summary>
    /// A multi-layer gated recurrent unit network. Per layer, direction and timestep:
    /// r = σ(W_ir·x + b_ir + W_hr·h + b_hr), z = σ(W_iz·x + b_iz + W_hz·h + b_hz),
    /// n = tanh(W_in·x + b_in + r·(W_hn·h + b_hn)), h' = (1 − z)·n + z·h.
    /// Parameters are weight_ih_l{k}, weight_hh_l{k}, bias_ih_l{k}, bias_hh_l{k} (gate rows r, z, n; _reverse ones when bidirectional).
    /// </summary>
    public sealed class GRU : torch.nn.Module<Tensor, Tensor, (Tensor, Tensor)>
    {
        readonly RecurrentStack layers;

        internal GRU(long inputSize, long hiddenSize, long numLayers, bool bias, bool batchFirst, double dropout, bool bidirectional, ScalarType? dtype)
            : base(nameof(GRU)) =>
            layers = new RecurrentStack(this, RecurrentMode.Gru, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, dtype);

        /// <summary>
        /// Runs the sequence <paramref name="input"/> [T, B, in] ([B, T, in] with batchFirst, or unbatched [T, in])
        /// from <paramref name="h0"/> [layers·directions, B, H] (zeros when null). Returns (output [T, B, directions·H], h_n).
        /// </summary>
        /// <exception cref="ArgumentException">For a wrong input feature size or state shape (names expected and actual).</exception>
        public override (Tensor, Tensor) forward(Tensor input, Tensor? h0 = null)
        {
            OpBan.Enter("GRU");
            var (output, h_n, _) = layers.Forward(input, h0, null, training);
            return (output, h_n);
        }

        /// <summary>Runs the module; the state defaults to zeros.</summary>
        public new (Tensor, Tensor) call(Tensor input, Tensor? h0 = null) => base.call(input, h0!);

        /// <summary>Does nothing: the weights are always in the layout the forward pass reads.</summary>
        public void flatten_parameters() { }
    }
}

namespace Course.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>
            /// Creates a multi-layer gated recurrent unit (GRU) RNN module; weights start as U(−1/√hiddenSize, 1/√hiddenSize).
            /// </summary>
            /// <param name="inputSize">The number of expected features in the input x</param>
            /// <param name="hiddenSize">The number of features in the hidden state h</param>
            /// <param name="numLayers">Number of recurrent layers. Default: 1</param>
            /// <param name="bias">If False, then the layer does not use bias weights b_ih and b_hh. Default: True</param>
            /// <param name="batchFirst">If true, the input and output tensors are (batch, seq, feature). Default: False</param>
            /// <param name="dropout">If non-zero, dropout with this probability on the outputs of each layer except the last (training only). Default: 0</param>
            /// <param name="bidirectional">If true, becomes a bidirectional GRU. Default: False</param>
            /// <param name="device">The device of the parameters (CPU only)</param>
            /// <param name="dtype">The floating-point dtype of the parameters (default dtype when null)</param>
            public static Modules.GRU GRU(long inputSize, long hiddenSize, long numLayers = 1, bool bias = true, bool batchFirst = false,
                double dropout = 0.0, bool bidirectional = false, Device? device = null, ScalarType? dtype = null) =>
                new Modules.GRU(inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, dtype).to(device ?? CPU);
        }
    }
}
