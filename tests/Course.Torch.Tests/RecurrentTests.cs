using Course.Torch;
using Course.Torch.Modules;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

public class RecurrentTests
{
    public static IEnumerable<object[]> Cases => Fixtures.Names("rnn");

    static bool Opt(FixtureCase c, string name, bool fallback) => TryArg(c, name, out var v) ? v.GetBoolean() : fallback;

    static bool TryArg(FixtureCase c, string name, out System.Text.Json.JsonElement value)
    {
        try { value = c.Arg(name); return true; }
        catch (KeyNotFoundException) { value = default; return false; }
    }

    /// <summary>The module a fixture case was made with (sizes read off its weights).</summary>
    static nn.Module Build(FixtureCase c, long inputSize, long hiddenSize, ScalarType dtype)
    {
        long layers = TryArg(c, "num_layers", out var l) ? l.GetInt64() : 1;
        bool batchFirst = Opt(c, "batch_first", false), bidirectional = Opt(c, "bidirectional", false), bias = Opt(c, "bias", true);
        var act = Opt(c, "relu", false) ? nn.NonLinearities.ReLU : nn.NonLinearities.Tanh;
        return c.Arg("kind").GetString() switch
        {
            "LSTM" => nn.LSTM(inputSize, hiddenSize, layers, bias, batchFirst, bidirectional: bidirectional, dtype: dtype),
            "GRU" => nn.GRU(inputSize, hiddenSize, layers, bias, batchFirst, bidirectional: bidirectional, dtype: dtype),
            "RNN" => nn.RNN(inputSize, hiddenSize, layers, act, bias, batchFirst, bidirectional: bidirectional, dtype: dtype),
            "LSTMCell" => nn.LSTMCell(inputSize, hiddenSize, bias, dtype: dtype),
            "GRUCell" => nn.GRUCell(inputSize, hiddenSize, bias, dtype: dtype),
            "RNNCell" => nn.RNNCell(inputSize, hiddenSize, act, bias, dtype: dtype),
            var kind => throw new InvalidDataException(kind),
        };
    }

    /// <summary>The module's outputs as the generator lists them; cells run over dim 0 of x carrying the state.</summary>
    static Tensor[] Run(nn.Module module, Tensor x, Tensor? h0, Tensor? c0)
    {
        switch (module)
        {
            case LSTM lstm:
            {
                var (o, h, c) = lstm.call(x, h0 is null ? null : (h0, c0!));
                return [o, h, c];
            }
            case GRU gru:
            {
                var (o, h) = gru.call(x, h0);
                return [o, h];
            }
            case RNN rnn:
            {
                var (o, h) = rnn.call(x, h0);
                return [o, h];
            }
        }
        var hs = new List<Tensor>();
        var cs = new List<Tensor>();
        var state = h0;
        var cell = c0;
        for (long t = 0; t < x.shape[0]; t++)
        {
            var xt = x.select(0, t);
            switch (module)
            {
                case LSTMCell lstmCell: (state, cell) = lstmCell.call(xt, state is null ? null : (state, cell!)); cs.Add(cell); break;
                case GRUCell gruCell: state = gruCell.call(xt, state); break;
                case RNNCell rnnCell: state = rnnCell.call(xt, state); break;
            }
            hs.Add(state!);
        }
        return cs.Count > 0 ? [stack(hs), stack(cs)] : [stack(hs)];
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_pytorch_outputs_states_and_every_gradient(string name)
    {
        var c = Fixtures.Load("rnn")[name];
        var keys = c.Arg("keys").EnumerateArray().Select(k => k.GetString()!).ToArray();
        bool lstm = c.Arg("kind").GetString()!.StartsWith("LSTM");
        int states = Opt(c, "has_h0", false) ? (lstm ? 2 : 1) : 0;
        var x = c.In(0).requires_grad_();
        var stateInputs = Enumerable.Range(1, states).Select(i => c.In(i).requires_grad_()).ToArray();
        var parameters = keys.Select((_, i) => c.In(1 + states + i)).ToArray();

        var module = Build(c, parameters[0].shape[1], parameters[1].shape[1], x.dtype);
        Assert.Equal(keys, module.state_dict().Keys);
        module.load_state_dict(keys.Zip(parameters).ToDictionary(kv => kv.First, kv => kv.Second));

        var outputs = Run(module, x, stateInputs.ElementAtOrDefault(0), stateInputs.ElementAtOrDefault(1));
        Tensor loss = zeros([], x.dtype);
        for (int i = 0; i < outputs.Length; i++)
        {
            Fixtures.AssertClose(c.Out(i), outputs[i], what: $"output {i}");
            loss = loss + (outputs[i] * c.In(1 + states + keys.Length + i)).sum();
        }
        loss.backward();

        Fixtures.AssertClose(c.Grad(0)!, x.grad!, what: "d/dx");
        for (int i = 0; i < states; i++) Fixtures.AssertClose(c.Grad(1 + i)!, stateInputs[i].grad!, what: $"d/d state {i}");
        var named = module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        for (int i = 0; i < keys.Length; i++)
            Fixtures.AssertClose(c.Grad(1 + states + i)!, named[keys[i]].grad!, what: $"d/d {keys[i]}");
    }
}
