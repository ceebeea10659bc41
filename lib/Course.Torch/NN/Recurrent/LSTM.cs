using static Course.Torch.torch;

namespace Course.Torch.Modules
{
    /// <summary>
    /// A multi-layer long short-term memory network. Per layer, direction and timestep:
    /// [i,f,g,o] = x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh; c' = σ(f)·c + σ(i)·tanh(g); h' = σ(o)·tanh(c').
    /// Parameters are weight_ih_l{k}, weight_hh_l{k}, bias_ih_l{k}, bias_hh_l{k} (and _reverse ones when bidirectional).
    /// </summary>
    public sealed class LSTM : torch.nn.Module<Tensor, (Tensor, Tensor)?, (Tensor, Tensor, Tensor)>
    {
        readonly RecurrentStack layers;

        internal LSTM(long inputSize, long hiddenSize, long numLayers, bool bias, bool batchFirst, double dropout, bool bidirectional, ScalarType? dtype)
            : base(nameof(LSTM)) =>
            layers = new RecurrentStack(this, RecurrentMode.Lstm, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, dtype);

        /// <summary>
        /// Runs the sequence <paramref name="input"/> [T, B, in] ([B, T, in] with batchFirst, or unbatched [T, in])
        /// from the states (h0, c0), each [layers·directions, B, H] (zeros when null).
        /// Returns (output [T, B, directions·H], h_n, c_n).
        /// </summary>
        /// <exception cref="ArgumentException">For a wrong input feature size or state shape (names expected and actual).</exception>
        public override (Tensor, Tensor, Tensor) forward(Tensor input, (Tensor, Tensor)? h0_c0 = null)
        {
            OpBan.Enter("LSTM");
            var (output, h_n, c_n) = layers.Forward(input, h0_c0?.Item1, h0_c0?.Item2, training);
            return (output, h_n, c_n!);
        }

        /// <summary>Runs the module; the states default to zeros.</summary>
        public new (Tensor, Tensor, Tensor) call(Tensor input, (Tensor, Tensor)? h0_c0 = null) => base.call(input, h0_c0);

        /// <summary>Does nothing: the weights are always in the layout the forward pass reads (cuDNN's reason for it does not apply).</summary>
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
            /// Creates a multi-layer long short-term memory (LSTM) RNN module; weights start as U(−1/√hiddenSize, 1/√hiddenSize).
            /// </summary>
            /// <param name="inputSize">The number of expected features in the input x</param>
            /// <param name="hiddenSize">The number of features in the hidden state h</param>
            /// <param name="numLayers">Number of recurrent layers. Default: 1</param>
            /// <param name="bias">If False, then the layer does not use bias weights b_ih and b_hh. Default: True</param>
            /// <param name="batchFirst">If true, the input and output tensors are (batch, seq, feature). Default: False</param>
            /// <param name="dropout">If non-zero, dropout with this probability on the outputs of each layer except the last (training only). Default: 0</param>
            /// <param name="bidirectional">If true, becomes a bidirectional LSTM. Default: False</param>
            /// <param name="device">The device of the parameters (CPU only)</param>
            /// <param name="dtype">The floating-point dtype of the parameters (default dtype when null)</param>
            public static Modules.LSTM LSTM(long inputSize, long hiddenSize, long numLayers = 1, bool bias = true, bool batchFirst = false,
                double dropout = 0.0, bool bidirectional = false, Device? device = null, ScalarType? dtype = null) =>
                new Modules.LSTM(inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, dtype).to(device ?? CPU);
        }
    }
}
