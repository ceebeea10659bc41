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

    static Tensor Flat(Tensor[] outputs) => cat(outputs.Select(o => o.reshape(-1)).ToList());

    /// <summary>Central differences of <paramref name="loss"/> in every element of every parameter against autograd.</summary>
    static void CheckParameterGrads(nn.Module module, Func<Tensor> loss)
    {
        var parameters = module.named_parameters().ToArray();
        var analytic = autograd.grad([loss()], parameters.Select(p => (Tensor)p.parameter).ToArray());
        const double eps = 1e-6;
        for (int k = 0; k < parameters.Length; k++)
        {
            var (name, p) = parameters[k];
            var flat = p.detach().view(-1);
            var numeric = new double[flat.shape[0]];
            for (long i = 0; i < numeric.Length; i++)
            {
                var element = flat[i];
                double value = element.item<double>();
                element.fill_(value + eps);
                double plus = loss().item<double>();
                element.fill_(value - eps);
                double minus = loss().item<double>();
                element.fill_(value);
                numeric[i] = (plus - minus) / (2 * eps);
            }
            Fixtures.AssertClose(tensor(numeric).reshape(p.shape), analytic[k], 1e-5, 1e-7, $"d/d {name}");
        }
    }

    /// <summary>Gradchecks in float64 over 5 timesteps (input 3, hidden 4, batch 2): input, states and every parameter.</summary>
    static void GradCheckModule(nn.Module module, bool lstm, bool batchFirst = false, long layers = 1, bool bidirectional = false)
    {
        var x = batchFirst ? randn(2, 5, 3, float64) : randn(5, 2, 3, float64);
        long[] stateShape = [layers * (bidirectional ? 2 : 1), 2, 4];
        var states = Enumerable.Range(0, lstm ? 2 : 1).Select(_ => randn(stateShape, float64)).ToArray();
        GradCheck.Check(xs => Flat(Run(module, xs[0], xs[1], lstm ? xs[2] : null)), [x, .. states]);
        var weights = Flat(Run(module, x, states[0], lstm ? states[1] : null)).detach().clone().uniform_(0.5, 1.5);
        CheckParameterGrads(module, () => (Flat(Run(module, x, states[0], lstm ? states[1] : null)) * weights).sum());
    }

    [Fact]
    public void Lstm_gradcheck_two_layers_bidirectional_batch_first() =>
        GradCheckModule(nn.LSTM(3, 4, 2, batchFirst: true, bidirectional: true, dtype: float64), lstm: true, batchFirst: true, layers: 2, bidirectional: true);

    [Fact]
    public void Gru_gradcheck_two_layers() => GradCheckModule(nn.GRU(3, 4, 2, dtype: float64), lstm: false, layers: 2);

    [Fact]
    public void Rnn_gradcheck_tanh_bidirectional_and_relu()
    {
        GradCheckModule(nn.RNN(3, 4, bidirectional: true, dtype: float64), lstm: false, bidirectional: true);
        GradCheckModule(nn.RNN(3, 4, nonLinearity: nn.NonLinearities.ReLU, dtype: float64), lstm: false);
    }

    [Fact]
    public void Lstm_and_gru_double_backward_matches_finite_differences()
    {
        var lstm = nn.LSTM(3, 4, dtype: float64);
        GradCheck.CheckGradGrad(xs => Flat(Run(lstm, xs[0], xs[1], xs[2])), randn(5, 2, 3, float64), randn(1, 2, 4, float64), randn(1, 2, 4, float64));
        var gru = nn.GRU(3, 4, dtype: float64);
        GradCheck.CheckGradGrad(xs => Flat(Run(gru, xs[0], xs[1], null)), randn(5, 2, 3, float64), randn(1, 2, 4, float64));
    }

    [Fact]
    public void State_dict_keys_are_pytorchs()
    {
        Assert.Equal(new[] {
            "weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0", "weight_ih_l0_reverse", "weight_hh_l0_reverse", "bias_ih_l0_reverse", "bias_hh_l0_reverse",
            "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1", "weight_ih_l1_reverse", "weight_hh_l1_reverse", "bias_ih_l1_reverse", "bias_hh_l1_reverse",
        }, nn.LSTM(3, 4, 2, bidirectional: true).state_dict().Keys);
        Assert.Equal(new[] { "weight_ih", "weight_hh" }, nn.GRUCell(3, 4, bias: false).state_dict().Keys);
        var lstm = nn.LSTM(3, 4, 2, bidirectional: true).state_dict();
        Assert.Equal(new long[] { 16, 3 }, lstm["weight_ih_l0"].shape);
        Assert.Equal(new long[] { 16, 8 }, lstm["weight_ih_l1_reverse"].shape);
        Assert.Equal(new long[] { 16, 4 }, lstm["weight_hh_l1"].shape);
        Assert.Equal(new long[] { 12, 3 }, nn.GRU(3, 4).state_dict()["weight_ih_l0"].shape);
        var cell = nn.RNNCell(3, 4);
        Assert.Same(cell.weight_hh, cell.state_dict()["weight_hh"]);
        var rnn = nn.RNN(3, 4, 2, bidirectional: true);
        Assert.Same(rnn.state_dict()["weight_ih_l1"], rnn.get_weight_ih(1));
        Assert.Same(rnn.state_dict()["bias_hh_l1"], rnn.get_bias_hh(1));
    }

    [Fact]
    public void Default_init_is_uniform_within_one_over_sqrt_hidden()
    {
        var lstm = nn.LSTM(28, 256, 2, dtype: float64);
        double bound = 1 / Math.Sqrt(256);
        foreach (var p in lstm.parameters())
        {
            Assert.Equal(ScalarType.Float64, p.dtype);
            Assert.True(p.abs().max().item<double>() <= bound);
        }
        var all = cat(lstm.parameters().Select(p => p.reshape(-1)).ToList());
        Assert.InRange(all.max().item<double>(), 0.99 * bound, bound);
        Assert.InRange(all.min().item<double>(), -bound, -0.99 * bound);
        Assert.InRange(all.std().item<double>(), 0.97 * bound / Math.Sqrt(3), 1.03 * bound / Math.Sqrt(3));
        Assert.Equal(ScalarType.Float32, nn.GRUCell(3, 4).weight_ih.dtype);
        var converted = nn.GRU(3, 4).to(ScalarType.Float64);
        Assert.Equal(ScalarType.Float64, converted.call(randn(5, 2, 3, float64)).Item2.dtype);
    }

    [Fact]
    public void Dropout_between_layers_only_in_training()
    {
        var lstm = nn.LSTM(3, 4, 2, dropout: 0.5, dtype: float64);
        var x = randn(6, 2, 3, float64);
        lstm.eval();
        var (evalOut, _, _) = lstm.call(x);
        var (again, _, _) = lstm.call(x);
        Fixtures.AssertClose(evalOut, again);
        lstm.train();
        var (trainOut, _, _) = lstm.call(x);
        Assert.True((trainOut - evalOut).abs().max().item<double>() > 1e-3);

        var noDropout = nn.GRU(3, 4, 2, dtype: float64);
        var (a, _) = noDropout.call(x);
        noDropout.eval();
        var (b, _) = noDropout.call(x);
        Fixtures.AssertClose(a, b);
        Assert.Contains("dropout should be a number in range [0, 1]", Assert.Throws<ArgumentException>(() => nn.RNN(3, 4, dropout: 1.5)).Message);
    }

    [Fact]
    public void Cells_accept_unbatched_input_and_default_to_zero_state()
    {
        var cell = nn.LSTMCell(3, 4, dtype: float64);
        var x = randn(3, float64);
        var (h, c) = cell.call(x);
        var (hb, cb) = cell.call(x.unsqueeze(0), (zeros(1, 4, float64), zeros(1, 4, float64)));
        Assert.Equal(new long[] { 4 }, h.shape);
        Fixtures.AssertClose(hb.squeeze(0), h);
        Fixtures.AssertClose(cb.squeeze(0), c);
        var gru = nn.GRUCell(3, 4, dtype: float64);
        Fixtures.AssertClose(gru.call(x.unsqueeze(0), zeros(1, 4, float64)).squeeze(0), gru.call(x));
    }

    [Fact]
    public void Wrong_shapes_name_expected_and_actual()
    {
        var lstm = nn.LSTM(28, 20, 2);
        Assert.Contains("input.size(-1) must be equal to input_size. Expected 28, got 27",
            Assert.Throws<ArgumentException>(() => lstm.call(randn(5, 3, 27))).Message);
        Assert.Contains("Expected hidden[0] size (2, 3, 20), got [1, 3, 20]",
            Assert.Throws<ArgumentException>(() => lstm.call(randn(5, 3, 28), (randn(1, 3, 20), randn(2, 3, 20)))).Message);
        Assert.Contains("Expected hidden[1] size (2, 3, 20), got [2, 3, 21]",
            Assert.Throws<ArgumentException>(() => lstm.call(randn(5, 3, 28), (randn(2, 3, 20), randn(2, 3, 21)))).Message);
        Assert.Contains("For unbatched 2-D input, hx and cx should also be 2-D but got (3-D, 3-D) tensors",
            Assert.Throws<ArgumentException>(() => lstm.call(randn(3, 28), (randn(2, 3, 20), randn(2, 3, 20)))).Message);

        var gru = nn.GRU(28, 20, 2, batchFirst: true);
        Assert.Contains("Expected hidden size (2, 5, 20), got [1, 5, 20]",
            Assert.Throws<ArgumentException>(() => gru.call(randn(5, 3, 28), randn(1, 5, 20))).Message);
        Assert.Contains("For batched 3-D input, hx should also be 3-D but got 2-D tensor",
            Assert.Throws<ArgumentException>(() => gru.call(randn(5, 3, 28), randn(5, 20))).Message);
        Assert.Contains("input must have 3 dimensions, got 5",
            Assert.Throws<ArgumentException>(() => nn.RNN(28, 20).call(randn(2, 5, 3, 28))).Message);

        Assert.Contains("input has inconsistent input_size: got 27 expected 28",
            Assert.Throws<ArgumentException>(() => nn.LSTMCell(28, 20).call(randn(3, 27))).Message);
        var batch = Assert.Throws<ArgumentException>(() => nn.GRUCell(28, 20).call(randn(3, 28), randn(2, 20))).Message;
        Assert.Contains("Input batch size 3 doesn't match hidden0 batch size 2", batch);
        Assert.Contains("[2, 20]", batch);
        Assert.Contains("hidden1 has inconsistent hidden_size: got 21, expected 20",
            Assert.Throws<ArgumentException>(() => nn.LSTMCell(28, 20).call(randn(3, 28), (randn(3, 20), randn(3, 21)))).Message);
        Assert.Contains("RNNCell: Expected input to be 1-D or 2-D but received 3-D tensor",
            Assert.Throws<ArgumentException>(() => nn.RNNCell(28, 20).call(randn(2, 3, 28))).Message);
    }
}
