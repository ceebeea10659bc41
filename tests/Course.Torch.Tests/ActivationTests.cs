using Course.Torch;
using static Course.Torch.torch;
using F = Course.Torch.torch.nn.functional;

namespace Course.Torch.Tests;

public class ActivationTests
{
    static readonly Dictionary<string, Func<Tensor, Tensor>> Functional = new()
    {
        ["relu"] = x => F.relu(x),
        ["relu6"] = x => F.relu6(x),
        ["leaky_relu"] = x => F.leaky_relu(x),
        ["leaky_relu_0.2"] = x => F.leaky_relu(x, 0.2),
        ["elu"] = x => F.elu(x),
        ["elu_0.5"] = x => F.elu(x, 0.5),
        ["selu"] = x => F.selu(x),
        ["gelu"] = x => F.gelu(x),
        ["gelu_tanh"] = x => F.gelu(x, Modules.GELU.Approximate.tanh),
        ["silu"] = x => F.silu(x),
        ["sigmoid"] = x => F.sigmoid(x),
        ["tanh"] = x => F.tanh(x),
        ["softplus"] = x => F.softplus(x),
        ["softplus_beta2_th5"] = x => F.softplus(x, 2, 5),
        ["hardtanh"] = x => F.hardtanh(x),
        ["hardtanh_-2_1.5"] = x => F.hardtanh(x, -2, 1.5),
        ["softmax_dim1"] = x => F.softmax(x, 1),
        ["softmax_dim-2"] = x => F.softmax(x, -2),
        ["log_softmax_dim1"] = x => F.log_softmax(x, 1),
        ["log_softmax_dim0"] = x => F.log_softmax(x, 0),
    };

    /// <summary>The module form of each functional case: same function, reached through nn.</summary>
    static readonly Dictionary<string, nn.Module<Tensor, Tensor>> Modules_ = new()
    {
        ["relu"] = nn.ReLU(),
        ["relu6"] = nn.ReLU6(),
        ["leaky_relu"] = nn.LeakyReLU(),
        ["leaky_relu_0.2"] = nn.LeakyReLU(0.2),
        ["elu"] = nn.ELU(),
        ["elu_0.5"] = nn.ELU(0.5),
        ["selu"] = nn.SELU(),
        ["gelu"] = nn.GELU(),
        ["gelu_tanh"] = nn.GELU(Modules.GELU.Approximate.tanh),
        ["silu"] = nn.SiLU(),
        ["sigmoid"] = nn.Sigmoid(),
        ["tanh"] = nn.Tanh(),
        ["softplus"] = nn.Softplus(),
        ["softplus_beta2_th5"] = nn.Softplus(2, 5),
        ["hardtanh"] = nn.Hardtanh(),
        ["hardtanh_-2_1.5"] = nn.Hardtanh(-2, 1.5),
        ["softmax_dim1"] = nn.Softmax(1),
        ["softmax_dim-2"] = nn.Softmax(-2),
        ["log_softmax_dim1"] = nn.LogSoftmax(1),
        ["log_softmax_dim0"] = nn.LogSoftmax(0),
    };

    public static IEnumerable<object[]> Names => Functional.Keys.Select(k => new object[] { k });

    static readonly Tensor weightsLike12 = arange(12, float32).reshape(2, 6).mul(0.1).add(1);

    [Theory]
    [MemberData(nameof(Names))]
    public void Functional_and_module_forms_match_pytorch_values_and_input_gradients(string name)
    {
        var c = Fixtures.Load("layers")[name];
        foreach (var f in new[] { Functional[name], Modules_[name].call })
        {
            var x = c.In(0).requires_grad_();
            var y = f(x);
            Fixtures.AssertClose(c.Out(0), y, what: name);
            y.backward([weightsLike12]);
            Fixtures.AssertClose(c.Grad(0)!, x.grad!, what: name + " grad");
        }
    }

    [Theory]
    [InlineData("gelu_f64")]
    [InlineData("softplus_large")]
    public void Edge_inputs_match_pytorch(string name)
    {
        var c = Fixtures.Load("layers")[name];
        var x = c.In(0).requires_grad_();
        var y = name.StartsWith("gelu") ? F.gelu(x) : F.softplus(x);
        Fixtures.AssertClose(c.Out(0), y, rtol: 1e-7, atol: 1e-12, what: name);
        y.backward([arange(y.numel(), y.dtype).mul(0.1).add(1)]);
        Fixtures.AssertClose(c.Grad(0)!, x.grad!, rtol: 1e-6, what: name + " grad");
    }

    [Fact]
    public void Gelu_at_zero_and_plus_minus_three_is_exact_to_float_precision()
    {
        // x·Φ(x) with Φ(3) = 0.998650101968370; gelu(0) = 0 with slope 1/2.
        var x = tensor(new[] { -3f, 0f, 3f }).requires_grad_();
        var y = F.gelu(x);
        AssertValues(new[] { -3 * (1 - 0.998650101968370), 0.0, 3 * 0.998650101968370 }, y, 1e-7);
        y.sum().backward();
        Assert.Equal(0.5f, x.grad!.data<float>()[1], 6);
    }

    [Fact]
    public void Erf_matches_reference_values_in_double()
    {
        // erf(0.5), erf(1), erf(2), erf(-3) from tables.
        var y = torch.erf(tensor(new[] { 0.5, 1.0, 2.0, -3.0, 7.0 }));
        AssertValues(new[] { 0.5204998778130465, 0.8427007929497149, 0.9953222650189527, -0.9999779095030014, 1.0 }, y, 1e-15);
    }

    static void AssertValues(double[] expected, Tensor actual, double tolerance)
    {
        var got = actual.to(float64).data<double>().ToArray();
        Assert.Equal(expected.Length, got.Length);
        for (int i = 0; i < got.Length; i++) Assert.True(Math.Abs(expected[i] - got[i]) <= tolerance, $"element {i}: expected {expected[i]:R}, got {got[i]:R}");
    }

    [Theory]
    [InlineData("prelu_shared")]
    [InlineData("prelu_channels")]
    public void Prelu_matches_pytorch_including_the_weight_gradient(string name)
    {
        var c = Fixtures.Load("layers")[name];
        var module = nn.PReLU(c.In(1).numel());
        using (no_grad()) module.weight.copy_(c.In(1));
        var x = c.In(0).requires_grad_();
        var y = module.call(x);
        Fixtures.AssertClose(c.Out(0), y);
        y.backward([arange(y.numel(), float32).mul(0.1).add(1).reshape(y.shape)]);
        Fixtures.AssertClose(c.Grad(0)!, x.grad!, what: "input grad");
        Fixtures.AssertClose(c.Grad(1)!, module.weight.grad!, what: "weight grad");
    }

    [Fact]
    public void Prelu_defaults_and_channel_mismatch()
    {
        var module = nn.PReLU();
        Assert.Equal(new[] { 0.25f }, module.weight.data<float>().ToArray());
        Assert.Equal(new[] { "weight" }, module.state_dict().Keys);
        var e = Assert.Throws<ArgumentException>(() => nn.PReLU(3).call(ones(2, 4)));
        Assert.Contains("channel size = 4", e.Message);
        Assert.Contains("[2, 4]", e.Message);
    }

    /// <summary>Points away from every kink (0, ±1, 6, the softplus threshold), so finite differences are valid.</summary>
    static readonly Tensor smooth = tensor(new[] { -2.7, -1.3, -0.6, 0.4, 1.2, 2.9, 6.5 });

    public static IEnumerable<object[]> GradcheckNames => Functional.Keys.Concat(["softplus_threshold_region", "erf"]).Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(GradcheckNames))]
    public void Gradcheck_in_double(string name)
    {
        Func<Tensor, Tensor> f = name switch
        {
            "softplus_threshold_region" => x => F.softplus(x.mul(4), 1, 3),
            "erf" => x => x.erf(),
            _ => Functional[name]
        };
        var input = name.Contains("softmax") ? smooth.reshape(1, 7).expand(2, 7).mul(tensor(new[] { 1.0, -0.5 }).unsqueeze(1)) : smooth;
        GradCheck.Check(xs => f(xs[0]), input);
    }

    [Fact]
    public void Gradcheck_prelu_with_per_channel_weight_and_double_backward_of_gelu()
    {
        GradCheck.Check(xs => F.prelu(xs[0], xs[1]), smooth.reshape(1, 7, 1).expand(2, 7, 2).mul(tensor(new[] { 1.0, -1.0 }).reshape(2, 1, 1)),
            linspace(-0.5, 0.5, 7, float64));
        GradCheck.CheckGradGrad(xs => F.gelu(xs[0]), smooth);
        GradCheck.CheckGradGrad(xs => F.elu(xs[0]), smooth);
        GradCheck.CheckGradGrad(xs => F.softplus(xs[0], 2, 5), smooth);
        GradCheck.CheckGradGrad(xs => F.silu(xs[0]), smooth);
        GradCheck.CheckGradGrad(xs => F.gelu(xs[0], Modules.GELU.Approximate.tanh), smooth);
    }

    [Fact]
    public void Inplace_forms_overwrite_their_input()
    {
        var x = tensor(new[] { -1f, 2f });
        var y = nn.ReLU(inplace: true).call(x);
        Assert.Equal(new[] { 0f, 2f }, x.data<float>().ToArray());
        Assert.Same(x, y);
        F.hardtanh(x, -1, 1, inplace: true);
        Assert.Equal(new[] { 0f, 1f }, x.data<float>().ToArray());
    }

    [Fact]
    public void Elu_and_softplus_have_finite_gradients_for_huge_inputs()
    {
        var x = tensor(new[] { -1000f, 1000f }).requires_grad_();
        (F.elu(x) + F.softplus(x) + F.selu(x)).sum().backward();
        Assert.All(x.grad!.data<float>().ToArray(), g => Assert.True(float.IsFinite(g)));
    }
}
