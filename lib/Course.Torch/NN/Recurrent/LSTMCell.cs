using static Course.Torch.torch;

namespace Course.Torch.Modules
{
    /// <summary>
    /// One LSTM step: [i,f,g,o] = x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh; c' = σ(f)·c + σ(i)·tanh(g); h' = σ(o)·tanh(c').
    /// </summary>
    public sealed class LSTMCell : torch.nn.Module<Tensor, (Tensor, Tensor)?, (Tensor, Tensor)>
    {
        readonly RecurrentWeights weights;

        internal LSTMCell(long inputSize, long hiddenSize, bool bias, ScalarType? dtype) : base(nameof(LSTMCell)) =>
            weights = new RecurrentWeights(this, "", RecurrentMode.Lstm, inputSize, hiddenSize, bias, dtype);

        /// <summary>Applies the cell to <paramref name="input"/> [B, in] (or [in]) from (h0, c0), each [B, H] (zeros when null); returns (h', c').</summary>
        /// <exception cref="ArgumentException">For a wrong input feature size or state shape.</exception>
        public override (Tensor, Tensor) forward(Tensor input, (Tensor, Tensor)? h0_c0)
        {
            OpBan.Enter("LSTMCell");
            var (h, c) = Recurrent.Cell(nameof(LSTMCell), RecurrentMode.Lstm, weights, input, h0_c0?.Item1, h0_c0?.Item2);
            return (h, c!);
        }

        /// <summary>Runs the cell; the states default to zeros.</summary>
        public new (Tensor, Tensor) call(Tensor input, (Tensor, Tensor)? h0_c0 = null) => base.call(input, h0_c0);

        /// <summary>W_ih [4·H, in], gate rows i, f, g, o.</summary>
        public Parameter weight_ih { get => weights.w_ih; set { weights.w_ih = value; weights.Register(this, ""); } }

        /// <summary>W_hh [4·H, H], gate rows i, f, g, o.</summary>
        public Parameter weight_hh { get => weights.w_hh; set { weights.w_hh = value; weights.Register(this, ""); } }

        /// <summary>b_ih [4·H], or null without biases.</summary>
        public Parameter? bias_ih { get => weights.b_ih; set { weights.b_ih = value; weights.Register(this, ""); } }

        /// <summary>b_hh [4·H], or null without biases.</summary>
        public Parameter? bias_hh { get => weights.b_hh; set { weights.b_hh = value; weights.Register(this, ""); } }
    }
}

namespace Course.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A long short-term memory (LSTM) cell; weights start as U(−1/√hiddenSize, 1/√hiddenSize).</summary>
            /// <param name="inputSize">The number of expected features in the input x</param>
            /// <param name="hiddenSize">The number of features in the hidden state h</param>
            /// <param name="bias">If False, then the layer does not use bias weights b_ih and b_hh. Default: True</param>
            /// <param name="device">The device of the parameters (CPU only)</param>
            /// <param name="dtype">The floating-point dtype of the parameters (default dtype when null)</param>
            public static Modules.LSTMCell LSTMCell(long inputSize, long hiddenSize, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new Modules.LSTMCell(inputSize, hiddenSize, bias, dtype).to(device ?? CPU);
        }
    }
}
