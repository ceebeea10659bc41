using static Course.Torch.torch;

namespace Course.Torch.Modules;

/// <summary>Which recurrence a layer runs; fixes the number of gates stacked in its weight rows.</summary>
internal enum RecurrentMode { RnnTanh, RnnRelu, Lstm, Gru }

/// <summary>Per-gate weights for one forward pass (see <see cref="RecurrentWeights.Gates"/>).</summary>
internal readonly record struct GateViews(Tensor[] ih, Tensor[] hh, Tensor?[] bias, Tensor? b_hn);

/// <summary>
/// The weights of one recurrent layer in one direction, in PyTorch's layout: W_ih [G·H, in], W_hh [G·H, H],
/// b_ih and b_hh [G·H], with the G gates stacked along the rows (LSTM i,f,g,o; GRU r,z,n).
/// </summary>
internal sealed class RecurrentWeights
{
    public Parameter w_ih, w_hh;
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
    /// Per-gate views for one forward pass: W_ih,kᵀ [in, H] and W_hh,kᵀ [H, H] for each gate k, so every gate's
    /// pre-activation is its own contiguous [B, H] product (elementwise ops then run on contiguous data); the biases
    /// that only ever add to the same sums are folded into one per gate (b_ih,k + b_hh,k), except GRU's b_hn,
    /// which the reset gate multiplies. Views taken once per pass make each weight's gradient one accumulation.
    /// </summary>
    public GateViews Gates(RecurrentMode mode)
    {
        int gates = (int)Recurrent.Gates(mode);
        long hidden = w_hh.shape[1];
        Tensor Gate(Tensor w, int k) => w.narrow(0, k * hidden, hidden);
        var ih = Enumerable.Range(0, gates).Select(k => Gate(w_ih, k).t()).ToArray();
        var hh = Enumerable.Range(0, gates).Select(k => Gate(w_hh, k).t()).ToArray();
        bool gru = mode == RecurrentMode.Gru;
        var bias = Enumerable.Range(0, gates).Select(k => b_ih is null ? null : gru && k == 2 ? Gate(b_ih, k) : Gate(b_ih, k) + Gate(b_hh!, k)).ToArray();
        return new GateViews(ih, hh, bias, gru && b_hh is not null ? Gate(b_hh, 2) : null);
    }
}

/// <summary>The recurrence steps shared by the cells and the multi-layer modules, built from differentiable ops.</summary>
internal static class Recurrent
{
    /// <summary>Gates stacked in the weight rows: LSTM 4, GRU 3, plain RNN 1.</summary>
    public static long Gates(RecurrentMode mode) => mode switch { RecurrentMode.Lstm => 4, RecurrentMode.Gru => 3, _ => 1 };

    /// <summary>
    /// One timestep from input x [B, in] and state h [B, H] (and c for LSTM), with per-gate pre-activations
    /// a_k = x·W_ih,kᵀ + h·W_hh,kᵀ + b_ih,k + b_hh,k:
    /// RNN:  h' = act(a);
    /// LSTM: c' = σ(a_f)·c + σ(a_i)·tanh(a_g); h' = σ(a_o)·tanh(c');
    /// GRU:  r = σ(a_r), z = σ(a_z), n = tanh(x·W_inᵀ + b_in + r·(h·W_hnᵀ + b_hn)); h' = n + z·(h − n).
    /// </summary>
    public static (Tensor h, Tensor? c) Step(RecurrentMode mode, GateViews w, Tensor x, Tensor h, Tensor? c)
    {
        Tensor Input(int k) => w.bias[k] is { } b ? x.mm(w.ih[k]) + b : x.mm(w.ih[k]);
        Tensor Pre(int k) => Input(k) + h.mm(w.hh[k]);
        switch (mode)
        {
            case RecurrentMode.RnnTanh: return (Pre(0).tanh(), null);
            case RecurrentMode.RnnRelu: return (Pre(0).relu(), null);
            case RecurrentMode.Lstm:
            {
                var cNext = Pre(1).sigmoid() * c! + Pre(0).sigmoid() * Pre(2).tanh();
                return (Pre(3).sigmoid() * cNext.tanh(), cNext);
            }
            default:
            {
                var reset = Pre(0).sigmoid();
                var update = Pre(1).sigmoid();
                var hn = h.mm(w.hh[2]);
                var n = (Input(2) + reset * (w.b_hn is null ? hn : hn + w.b_hn)).tanh();
                return (n + update * (h - n), null);
            }
        }
    }

    /// <summary>
    /// Runs one layer in one direction over the timesteps <paramref name="xs"/> (each [B, in]) from state (h, c);
    /// returns the per-step outputs (in time order even when running backwards) and the final state. Steps stay
    /// separate tensors rather than slices of one: a slice's gradient is a zero tensor the size of the whole.
    /// </summary>
    public static (Tensor[] outputs, Tensor h, Tensor? c) Layer(RecurrentMode mode, RecurrentWeights weights, IReadOnlyList<Tensor> xs, Tensor h, Tensor? c, bool reverse)
    {
        var w = weights.Gates(mode);
        var outputs = new Tensor[xs.Count];
        for (int i = 0; i < xs.Count; i++)
        {
            int t = reverse ? xs.Count - 1 - i : i;
            (h, c) = Step(mode, w, xs[t], h, c);
            outputs[t] = h;
        }
        return (outputs, h, c);
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
        var (h, c) = Step(mode, w.Gates(mode), input, h0, c0);
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
