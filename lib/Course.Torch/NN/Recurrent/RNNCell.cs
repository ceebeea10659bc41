using static Course.Torch.torch;

namespace Course.Torch.Modules
{
    /// <summary>One Elman RNN step: h' = act(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh), act = tanh or ReLU.</summary>
    public sealed class RNNCell : torch.nn.Module<Tensor, Tensor, Tensor>
    {
        readonly RecurrentWeights weights;
        readonly RecurrentMode mode;

        internal RNNCell(long inputSize, long hiddenSize, torch.nn.NonLinearities nonLinearity, bool bias, ScalarType? dtype) : base(nameof(RNNCell))
        {
            mode = nonLinearity == torch.nn.NonLinearities.ReLU ? RecurrentMode.RnnRelu : RecurrentMode.RnnTanh;
            weights = new RecurrentWeights(this, "", mode, inputSize, hiddenSize, bias, dtype);
        }

        /// <summary>Applies the cell to <paramref name="input"/> [B, in] (or [in]) from <paramref name="h0"/> [B, H] (zeros when null); returns h'.</summary>
        /// <exception cref="ArgumentException">For a wrong input feature size or state shape.</exception>
        public override Tensor forward(Tensor input, Tensor? h0 = null)
        {
            OpBan.Enter("RNNCell");
            return Recurrent.Cell(nameof(RNNCell), mode, weights, input, h0, null).h;
        }

        /// <summary>Runs the cell; the state defaults to zeros.</summary>
        public new Tensor call(Tensor input, Tensor? h0 = null) => base.call(input, h0!);

        /// <summary>W_ih [H, in].</summary>
        public Parameter weight_ih { get => weights.w_ih; set { weights.w_ih = value; weights.Register(this, ""); } }

        /// <summary>W_hh [H, H].</summary>
        public Parameter weight_hh { get => weights.w_hh; set { weights.w_hh = value; weights.Register(this, ""); } }

        /// <summary>b_ih [H], or null without biases.</summary>
        public Parameter? bias_ih { get => weights.b_ih; set { weights.b_ih = value; weights.Register(this, ""); } }

        /// <summary>b_hh [H], or null without biases.</summary>
        public Parameter? bias_hh { get => weights.b_hh; set { weights.b_hh = value; weights.Register(this, ""); } }
    }
}

namespace Course.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>An Elman RNN cell with tanh or ReLU non-linearity; weights start as U(−1/√hiddenSize, 1/√hiddenSize).</summary>
            /// <param name="inputSize">The number of expected features in the input x</param>
            /// <param name="hiddenSize">The number of features in the hidden state h</param>
            /// <param name="nonLinearity">The non-linearity to use: tanh or ReLU. Default: tanh</param>
            /// <param name="bias">If False, then the layer does not use bias weights b_ih and b_hh. Default: True</param>
            /// <param name="device">The device of the parameters (CPU only)</param>
            /// <param name="dtype">The floating-point dtype of the parameters (default dtype when null)</param>
            public static Modules.RNNCell RNNCell(long inputSize, long hiddenSize, NonLinearities nonLinearity = NonLinearities.Tanh, bool bias = true,
                Device? device = null, ScalarType? dtype = null) =>
                new Modules.RNNCell(inputSize, hiddenSize, nonLinearity, bias, dtype).to(device ?? CPU);
        }
    }
}
