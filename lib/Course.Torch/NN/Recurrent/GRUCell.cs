using static Course.Torch.torch;

namespace Course.Torch.Modules
{
    /// <summary>
    /// One GRU step: r = σ(W_ir·x + b_ir + W_hr·h + b_hr), z = σ(W_iz·x + b_iz + W_hz·h + b_hz),
    /// n = tanh(W_in·x + b_in + r·(W_hn·h + b_hn)), h' = (1 − z)·n + z·h.
    /// </summary>
    public sealed class GRUCell : torch.nn.Module<Tensor, Tensor, Tensor>
    {
        readonly RecurrentWeights weights;

        internal GRUCell(long inputSize, long hiddenSize, bool bias, ScalarType? dtype) : base(nameof(GRUCell)) =>
            weights = new RecurrentWeights(this, "", RecurrentMode.Gru, inputSize, hiddenSize, bias, dtype);

        /// <summary>Applies the cell to <paramref name="input"/> [B, in] (or [in]) from <paramref name="h0"/> [B, H] (zeros when null); returns h'.</summary>
        /// <exception cref="ArgumentException">For a wrong input feature size or state shape.</exception>
        public override Tensor forward(Tensor input, Tensor? h0 = null)
        {
            OpBan.Enter("GRUCell");
            return Recurrent.Cell(nameof(GRUCell), RecurrentMode.Gru, weights, input, h0, null).h;
        }

        /// <summary>Runs the cell; the state defaults to zeros.</summary>
        public new Tensor call(Tensor input, Tensor? h0 = null) => base.call(input, h0!);

        /// <summary>W_ih [3·H, in], gate rows r, z, n.</summary>
        public Parameter weight_ih { get => weights.w_ih; set { weights.w_ih = value; weights.Register(this, ""); } }

        /// <summary>W_hh [3·H, H], gate rows r, z, n.</summary>
        public Parameter weight_hh { get => weights.w_hh; set { weights.w_hh = value; weights.Register(this, ""); } }

        /// <summary>b_ih [3·H], or null without biases.</summary>
        public Parameter? bias_ih { get => weights.b_ih; set { weights.b_ih = value; weights.Register(this, ""); } }

        /// <summary>b_hh [3·H], or null without biases.</summary>
        public Parameter? bias_hh { get => weights.b_hh; set { weights.b_hh = value; weights.Register(this, ""); } }
    }
}

namespace Course.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A gated recurrent unit (GRU) cell; weights start as U(−1/√hiddenSize, 1/√hiddenSize).</summary>
            /// <param name="inputSize">The number of expected features in the input x</param>
            /// <param name="hiddenSize">The number of features in the hidden state h</param>
            /// <param name="bias">If False, then the layer does not use bias weights b_ih and b_hh. Default: True</param>
            /// <param name="device">The device of the parameters (CPU only)</param>
            /// <param name="dtype">The floating-point dtype of the parameters (default dtype when null)</param>
            public static Modules.GRUCell GRUCell(long inputSize, long hiddenSize, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new Modules.GRUCell(inputSize, hiddenSize, bias, dtype).to(device ?? CPU);
        }
    }
}
