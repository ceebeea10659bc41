using static Course.Torch.torch;

namespace Course.Torch.Modules;

/// <summary>
/// The machinery behind RNN, LSTM and GRU (PyTorch's RNNBase): numLayers × directions weight sets registered on the
/// owning module as weight_ih_l{k}[_reverse] etc., and the forward pass over them. Layer k+1 reads layer k's outputs
/// (both directions concatenated); h0/c0/h_n/c_n index their first dim by layer·directions + direction.
/// </summary>
internal sealed class RecurrentStack
{
    readonly RecurrentMode mode;
    readonly long inputSize, hiddenSize, numLayers;
    readonly bool batchFirst, bidirectional;
    readonly double dropout;

    /// <summary>Weight sets in PyTorch's order: layer 0 forward, layer 0 reverse, layer 1 forward, ...</summary>
    public readonly RecurrentWeights[] weights;

    /// <summary>2 when bidirectional, else 1.</summary>
    public int directions => bidirectional ? 2 : 1;

    /// <summary>Validates the sizes like PyTorch and creates the weights on <paramref name="owner"/>.</summary>
    public RecurrentStack(torch.nn.Module owner, RecurrentMode mode, long inputSize, long hiddenSize, long numLayers, bool bias,
        bool batchFirst, double dropout, bool bidirectional, ScalarType? dtype)
    {
        if (dropout is < 0 or > 1 || double.IsNaN(dropout))
            throw new ArgumentException("dropout should be a number in range [0, 1] representing the probability of an element being zeroed");
        if (hiddenSize <= 0) throw new ArgumentException($"hidden_size must be greater than zero, got {hiddenSize}");
        if (numLayers <= 0) throw new ArgumentException($"num_layers must be greater than zero, got {numLayers}");
        (this.mode, this.inputSize, this.hiddenSize, this.numLayers) = (mode, inputSize, hiddenSize, numLayers);
        (this.batchFirst, this.dropout, this.bidirectional) = (batchFirst, dropout, bidirectional);
        weights = new RecurrentWeights[numLayers * directions];
        for (int layer = 0; layer < numLayers; layer++)
            for (int d = 0; d < directions; d++)
                weights[layer * directions + d] = new RecurrentWeights(owner, $"_l{layer}{(d == 1 ? "_reverse" : "")}", mode,
                    layer == 0 ? inputSize : hiddenSize * directions, hiddenSize, bias, dtype);
    }

    /// <summary>
    /// PyTorch's RNNBase.forward for tensors: input [T, B, in] ([B, T, in] if batchFirst) or unbatched [T, in];
    /// missing states start at zero. Returns (output [T, B, D·H], h_n [L·D, B, H], c_n for LSTM).
    /// </summary>
    public (Tensor output, Tensor h_n, Tensor? c_n) Forward(Tensor input, Tensor? h0, Tensor? c0, bool training)
    {
        bool batched = input.ndim == 3;
        int batchDim = batchFirst ? 0 : 1;
        string states = mode == RecurrentMode.Lstm ? "hx and cx" : "hx";
        if (h0 is not null && (h0.ndim != (batched ? 3 : 2) || (c0 is not null && c0.ndim != h0.ndim)))
            throw new ArgumentException(
                $"For {(batched ? "batched 3-D" : "unbatched 2-D")} input, {states} should also be {(batched ? 3 : 2)}-D but got " +
                (c0 is null ? $"{h0.ndim}-D tensor" : $"({h0.ndim}-D, {c0.ndim}-D) tensors"));
        if (!batched)
        {
            input = input.unsqueeze(batchDim);
            h0 = h0?.unsqueeze(1);
            c0 = c0?.unsqueeze(1);
        }
        if (input.ndim != 3) throw new ArgumentException($"input must have 3 dimensions, got {input.ndim}");
        if (input.shape[2] != inputSize)
            throw new ArgumentException($"input.size(-1) must be equal to input_size. Expected {inputSize}, got {input.shape[2]}");

        long[] stateShape = [numLayers * directions, input.shape[batchDim], hiddenSize];
        bool lstm = mode == RecurrentMode.Lstm;
        h0 ??= zeros(stateShape, input.dtype);
        if (lstm) c0 ??= zeros(stateShape, input.dtype);
        CheckState(h0, stateShape, lstm ? "hidden[0] size" : "hidden size");
        if (lstm) CheckState(c0!, stateShape, "hidden[1] size");

        IReadOnlyList<Tensor> xs = (batchFirst ? input.transpose(0, 1) : input).unbind(0);
        var hN = new Tensor[weights.Length];
        var cN = new Tensor[weights.Length];
        for (int layer = 0; layer < numLayers; layer++)
        {
            if (layer > 0 && training && dropout > 0) xs = xs.Select(x => Recurrent.Dropout(x, dropout)).ToArray();
            var outputs = new Tensor[directions][];
            for (int d = 0; d < directions; d++)
            {
                int k = layer * directions + d;
                (outputs[d], hN[k], var c) = Recurrent.Layer(mode, weights[k], xs, h0.select(0, k), c0?.select(0, k), reverse: d == 1);
                if (c is not null) cN[k] = c;
            }
            xs = directions == 1 ? outputs[0] : outputs[0].Zip(outputs[1], (f, b) => cat([f, b], 1)).ToArray();
        }

        var sequence = stack(xs, 0);
        var output = batchFirst ? sequence.transpose(0, 1) : sequence;
        var h_n = stack(hN, 0);
        var c_n = lstm ? stack(cN, 0) : null;
        if (!batched) (output, h_n, c_n) = (output.squeeze(batchDim), h_n.squeeze(1), c_n?.squeeze(1));
        return (output, h_n, c_n);
    }

    static void CheckState(Tensor state, long[] expected, string what)
    {
        if (!state.shape.AsSpan().SequenceEqual(expected))
            throw new ArgumentException($"Expected {what} {Recurrent.Tuple(expected)}, got {ShapeString(state.shape)}");
    }
}
