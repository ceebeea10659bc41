using static Course.Torch.torch;

namespace Course.Torch.Modules;

/// <summary>Which recurrence a layer runs; fixes the number of gates stacked in its weight rows.</summary>
internal enum RecurrentMode { RnnTanh, RnnRelu, Lstm, Gru }

/// <summary>
/// The weights of one recurrent layer in one direction, in PyTorch's layout: W_ih [G·H, in], W_hh [G·H, H],
/// b_ih and b_hh [G·H], with the G gates stacked along the rows (LSTM i,f,g,o; GRU r,z,n).
/// </summary>
internal sealed class RecurrentWeights
{
    public Parameter w_ih = null!, w_hh = null!;
    public Parameter? b_ih, b_hh;

    /// <summary>Creates the four tensors with PyTorch's init U(−1/√H, 1/√H) and registers them on
    /// <paramref name="owner"/> as weight_ih{suffix}, weight_hh{suffix}, bias_ih{suffix}, bias_hh{suffix}.</summary>
    public RecurrentWeights(torch.nn.Module owner, string suffix, RecurrentMode mode, long inputSize, long hiddenSize, bool bias, ScalarType? dtype)
    {
        long rows = Recurrent.Gates(mode) * hiddenSize;
        double bound = hiddenSize > 0 ? 1 / Math.Sqrt(hiddenSize) : 0;
        Parameter Make(params long[] shape) => new(empty(shape, dtype).uniform_(-bound, bound));
        w_ih = Make(rows, inputSize);
        w_hh = Make(rows, hiddenSize);
        if (bias) { b_ih = Make(rows); b_hh = Make(rows); }
        Register(owner, suffix);
    }

    /// <summary>Registers the current tensors under PyTorch's names (null biases reserve their names, as bias=False does).</summary>
    public void Register(torch.nn.Module owner, string suffix)
    {
        owner.register_parameter("weight_ih" + suffix, w_ih);
        owner.register_parameter("weight_hh" + suffix, w_hh);
        owner.register_parameter("bias_ih" + suffix, b_ih);
        owner.register_parameter("bias_hh" + suffix, b_hh);
    }

    /// <summary>
    /// The input's contribution to the gates for a whole sequence at once: x·W_ihᵀ + b_ih, one GEMM over all
    /// timesteps and batch rows. For LSTM and RNN b_hh is added here too (it only ever adds to the same sums);
    /// GRU keeps b_hn apart because the reset gate multiplies it.
    /// </summary>
    public Tensor InputGates(RecurrentMode mode, Tensor x2d)
    {
        var gates = x2d.mm(w_ih.t());
        if (b_ih is null) return gates;
        return gates + (mode == RecurrentMode.Gru ? b_ih : b_ih + b_hh!);
    }
}

/// <summary>The recurrence steps shared by the cells and the multi-layer modules, built from differentiable ops.</summary>
internal static class Recurrent
{
    /// <summary>Gates stacked in the weight rows: LSTM 4, GRU 3, plain RNN 1.</summary>
    public static long Gates(RecurrentMode mode) => mode switch { RecurrentMode.Lstm => 4, RecurrentMode.Gru => 3, _ => 1 };

    /// <summary>
    /// One timestep from the input gates <paramref name="gx"/> [B, G·H] (see <see cref="RecurrentWeights.InputGates"/>)
    /// and the previous state h [B, H] (and c for LSTM):
    /// RNN:  h' = act(gx + h·W_hhᵀ);
    /// LSTM: [i,f,g,o] = gx + h·W_hhᵀ; c' = σ(f)·c + σ(i)·tanh(g); h' = σ(o)·tanh(c');
    /// GRU:  [r,z,n]ₕ = h·W_hhᵀ + b_hh; r = σ(gx_r + hr), z = σ(gx_z + hz), n = tanh(gx_n + r·hn); h' = n + z·(h − n).
    /// </summary>
    public static (Tensor h, Tensor? c) Step(RecurrentMode mode, Tensor gx, Tensor h, Tensor? c, Tensor w_hhT, Tensor? b_hh)
    {
        var hh = h.mm(w_hhT);
        switch (mode)
        {
            case RecurrentMode.RnnTanh: return ((gx + hh).tanh(), null);
            case RecurrentMode.RnnRelu: return ((gx + hh).relu(), null);
            case RecurrentMode.Lstm:
            {
                var gates = (gx + hh).chunk(4, 1);
                var cNext = gates[1].sigmoid() * c! + gates[0].sigmoid() * gates[2].tanh();
                return (gates[3].sigmoid() * cNext.tanh(), cNext);
            }
            default:
            {
                if (b_hh is not null) hh = hh + b_hh;
                var x = gx.chunk(3, 1);
                var r = hh.chunk(3, 1);
                var reset = (x[0] + r[0]).sigmoid();
                var update = (x[1] + r[1]).sigmoid();
                var n = (x[2] + reset * r[2]).tanh();
                return (n + update * (h - n), null);
            }
        }
    }

    /// <summary>
    /// Runs one layer in one direction over a [T, B, in] sequence from state (h, c); returns the [T, B, H] outputs
    /// (in time order even when running backwards) and the final state.
    /// </summary>
    public static (Tensor output, Tensor h, Tensor? c) Layer(RecurrentMode mode, RecurrentWeights w, Tensor x, Tensor h, Tensor? c, bool reverse)
    {
        long steps = x.shape[0], batch = x.shape[1];
        var gx = w.InputGates(mode, x.reshape(steps * batch, x.shape[2])).view(steps, batch, -1);
        var w_hhT = w.w_hh.t();
        var b_hh = mode == RecurrentMode.Gru ? w.b_hh : null;
        var outputs = new Tensor[steps];
        for (long i = 0; i < steps; i++)
        {
            long t = reverse ? steps - 1 - i : i;
            (h, c) = Step(mode, gx.select(0, t), h, c, w_hhT, b_hh);
            outputs[t] = h;
        }
        return (stack(outputs, 0), h, c);
    }

    /// <summary>Inverted dropout between layers: zero each element with probability p, scale the rest by 1/(1−p).</summary>
    public static Tensor Dropout(Tensor x, double p)
    {
        if (p >= 1) return x * 0;
        Tensor mask;
        using (no_grad()) mask = empty(x.shape, x.dtype).bernoulli_(1 - p).div(1 - p);
        return x * mask;
    }

    /// <summary>"(2, 3, 20)": a shape as PyTorch prints its expected-size tuple.</summary>
    public static string Tuple(params long[] shape) => "(" + string.Join(", ", shape) + ")";

    /// <summary>
    /// One step of a cell module: input [B, in] or unbatched [in], states [B, H] (zeros when null), with PyTorch's
    /// checks and messages.
    /// </summary>
    public static (Tensor h, Tensor? c) Cell(string cell, RecurrentMode mode, RecurrentWeights w, Tensor input, Tensor? h0, Tensor? c0)
    {
        if (input.ndim is not (1 or 2))
            throw new ArgumentException($"{cell}: Expected input to be 1-D or 2-D but received {input.ndim}-D tensor");
        bool batched = input.ndim == 2;
        if (!batched) (input, h0, c0) = (input.unsqueeze(0), h0?.unsqueeze(0), c0?.unsqueeze(0));
        long inputSize = w.w_ih.shape[1], hiddenSize = w.w_hh.shape[1];
        if (input.shape[1] != inputSize)
            throw new ArgumentException($"input has inconsistent input_size: got {input.shape[1]} expected {inputSize}");
        h0 ??= zeros(input.shape[0], hiddenSize, input.dtype);
        CheckCellState(input, hiddenSize, h0, "hidden0");
        if (mode == RecurrentMode.Lstm) CheckCellState(input, hiddenSize, c0 ??= zeros(input.shape[0], hiddenSize, input.dtype), "hidden1");
        var (h, c) = Step(mode, w.InputGates(mode, input), h0, c0, w.w_hh.t(), mode == RecurrentMode.Gru ? w.b_hh : null);
        return batched ? (h, c) : (h.squeeze(0), c?.squeeze(0));
    }

    static void CheckCellState(Tensor input, long hiddenSize, Tensor state, string label)
    {
        if (state.ndim != 2 || state.shape[0] != input.shape[0])
            throw new ArgumentException($"Input batch size {input.shape[0]} doesn't match {label} batch size {(state.ndim > 0 ? state.shape[0] : 0)} (input {ShapeString(input.shape)}, {label} {ShapeString(state.shape)})");
        if (state.shape[1] != hiddenSize)
            throw new ArgumentException($"{label} has inconsistent hidden_size: got {state.shape[1]}, expected {hiddenSize}");
    }
}
