using static Course.Torch.torch;

namespace Course.Torch.Modules
{
    /// <summary>
    /// A multi-layer Elman network: per layer, direction and timestep h' = act(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh),
    /// act = tanh or ReLU. Parameters are weight_ih_l{k}, weight_hh_l{k}, bias_ih_l{k}, bias_hh_l{k} (and _reverse ones).
    /// </summary>
    public sealed class RNN : torch.nn.Module<Tensor, Tensor?, (Tensor, Tensor)>
    {
        readonly RecurrentStack layers;

        internal RNN(long inputSize, long hiddenSize, long numLayers, torch.nn.NonLinearities nonLinearity, bool bias, bool batchFirst,
            double dropout, bool bidirectional, ScalarType? dtype) : base(nameof(RNN))
        {
            var mode = nonLinearity == torch.nn.NonLinearities.ReLU ? RecurrentMode.RnnRelu : RecurrentMode.RnnTanh;
            layers = new RecurrentStack(this, mode, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, dtype);
        }

        /// <summary>
        /// Runs the sequence <paramref name="input"/> [T, B, in] ([B, T, in] with batchFirst, or unbatched [T, in])
        /// from <paramref name="h0"/> [layers·directions, B, H] (zeros when null). Returns (output [T, B, directions·H], h_n).
        /// </summary>
        /// <exception cref="ArgumentException">For a wrong input feature size or state shape (names expected and actual).</exception>
        public override (Tensor, Tensor) forward(Tensor input, Tensor? h0)
        {
            OpBan.Enter("RNN");
            var (output, h_n, _) = layers.Forward(input, h0, null, training);
            return (output, h_n);
        }

        /// <summary>Runs the module; the state defaults to zeros.</summary>
        public new (Tensor, Tensor) call(Tensor input, Tensor? h0 = null) => base.call(input, h0);

        /// <summary>Does nothing: the weights are always in the layout the forward pass reads.</summary>
        public void flatten_parameters() { }

        /// <summary>bias_ih_l{idx} (forward direction), or null without biases.</summary>
        public Parameter? get_bias_ih(long idx) => Forward(idx).b_ih;

        /// <summary>bias_hh_l{idx} (forward direction), or null without biases.</summary>
        public Parameter? get_bias_hh(long idx) => Forward(idx).b_hh;

        /// <summary>weight_ih_l{idx} (forward direction).</summary>
        public Parameter? get_weight_ih(long idx) => Forward(idx).w_ih;

        /// <summary>weight_hh_l{idx} (forward direction).</summary>
        public Parameter? get_weight_hh(long idx) => Forward(idx).w_hh;

        RecurrentWeights Forward(long layer) => layers.weights[layer * layers.directions];
    }
}

namespace Course.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>The activation of an Elman RNN.</summary>
            public enum NonLinearities
            {
                /// <summary>max(0, x).</summary>
                ReLU = 0,
                /// <summary>tanh(x).</summary>
                Tanh = 1
            }

            /// <summary>
            /// Creates an Elman RNN module with tanh or ReLU non-linearity; weights start as U(−1/√hiddenSize, 1/√hiddenSize).
            /// </summary>
            /// <param name="inputSize">The number of expected features in the input x</param>
            /// <param name="hiddenSize">The number of features in the hidden state h</param>
            /// <param name="numLayers">Number of recurrent layers. Default: 1</param>
            /// <param name="nonLinearity">The non-linearity to use: tanh or ReLU. Default: tanh</param>
            /// <param name="bias">If False, then the layer does not use bias weights b_ih and b_hh. Default: True</param>
            /// <param name="batchFirst">If true, the input and output tensors are (batch, seq, feature). Default: False</param>
            /// <param name="dropout">If non-zero, dropout with this probability on the outputs of each layer except the last (training only). Default: 0</param>
            /// <param name="bidirectional">If true, becomes a bidirectional RNN. Default: False</param>
            /// <param name="device">The device of the parameters (CPU only)</param>
            /// <param name="dtype">The floating-point dtype of the parameters (default dtype when null)</param>
            public static Modules.RNN RNN(long inputSize, long hiddenSize, long numLayers = 1, NonLinearities nonLinearity = NonLinearities.Tanh,
                bool bias = true, bool batchFirst = false, double dropout = 0.0, bool bidirectional = false, Device? device = null, ScalarType? dtype = null) =>
                new Modules.RNN(inputSize, hiddenSize, numLayers, nonLinearity, bias, batchFirst, dropout, bidirectional, dtype).to(device ?? CPU);
        }
    }
}
