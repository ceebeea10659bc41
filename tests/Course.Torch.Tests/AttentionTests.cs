using Course.Torch;
using Course.Torch.Modules;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

public class AttentionTests
{
    public static IEnumerable<object[]> MhaCases =>
    [
        ["mha_self", (Func<MultiheadAttention>)(() => nn.MultiheadAttention(4, 2)), true],
        ["mha_self_bool_mask", (Func<MultiheadAttention>)(() => nn.MultiheadAttention(4, 2)), true],
        ["mha_cross_key_padding", (Func<MultiheadAttention>)(() => nn.MultiheadAttention(6, 3)), false],
        ["mha_cross_kdim_vdim_float_mask", (Func<MultiheadAttention>)(() => nn.MultiheadAttention(4, 2, kdim: 3, vdim: 5)), false],
        ["mha_bias_kv_zero_attn", (Func<MultiheadAttention>)(() => nn.MultiheadAttention(4, 2, add_bias_kv: true, add_zero_attn: true)), false],
        ["mha_unbatched", (Func<MultiheadAttention>)(() => nn.MultiheadAttention(4, 1, bias: false)), false],
    ];

    /// <summary>Loads PyTorch's weights, runs forward with the case's masks, compares output, averaged weights and every gradient.</summary>
    [Theory]
    [MemberData(nameof(MhaCases))]
    public void MultiheadAttention_matches_PyTorch(string name, Func<MultiheadAttention> make, bool selfAttention)
    {
        var c = NormParity.Case(name);
        var keys = c.Arg("keys").EnumerateArray().Select(k => k.GetString()!).ToArray();
        var mha = make();
        Assert.Equal(keys, mha.state_dict().Keys);
        mha.load_state_dict(keys.Select((k, i) => (k, c.In(5 + i))).ToDictionary(p => p.k, p => p.Item2));

        var q = c.In(0).requires_grad_();
        var (k, v) = selfAttention ? (q, q) : (c.In(1).requires_grad_(), c.In(2).requires_grad_());
        Tensor? Optional(Tensor t) => t.numel() == 0 ? null : t;
        var (output, weights) = mha.call(q, k, v, key_padding_mask: Optional(c.In(3)), need_weights: true, attn_mask: Optional(c.In(4)));
        Fixtures.AssertClose(c.Out(0), output, what: "output");
        Fixtures.AssertClose(c.Out(1), weights, what: "averaged weights");

        (output * c.In(5 + keys.Length)).sum().backward();
        Fixtures.AssertClose(c.Grad(0)!, q.grad!, what: "query grad");
        if (!selfAttention)
        {
            Fixtures.AssertClose(c.Grad(1)!, k.grad!, what: "key grad");
            Fixtures.AssertClose(c.Grad(2)!, v.grad!, what: "value grad");
        }
        var parameters = mha.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        for (int i = 0; i < keys.Length; i++)
            Fixtures.AssertClose(c.Grad(5 + i)!, parameters[keys[i]].grad!, what: keys[i] + " grad");
    }

    [Fact]
    public void Need_weights_false_returns_no_weights_and_default_init_is_PyTorch_shaped()
    {
        var mha = nn.MultiheadAttention(4, 2);
        var x = randn(3, 2, 4);
        var (output, weights) = mha.call(x, x, x, need_weights: false);
        Assert.Equal(new long[] { 3, 2, 4 }, output.shape);
        Assert.Null(weights);
        Assert.Equal(new[] { "in_proj_weight", "in_proj_bias", "out_proj.weight", "out_proj.bias" }, mha.state_dict().Keys);
        Assert.True(mha.in_proj_weight!.abs().max().item<float>() <= Math.Sqrt(6.0 / 16));
        Assert.Equal(0f, mha.in_proj_bias!.abs().sum().item<float>());
    }

    [Theory]
    [InlineData("sdpa_causal")]
    [InlineData("sdpa_bool_mask")]
    [InlineData("sdpa_float_mask")]
    public void Scaled_dot_product_attention_matches(string name) => NormParity.Run(name, x =>
        [nn.functional.scaled_dot_product_attention(x[0], x[1], x[2], x.Length > 3 ? x[3] : null, is_causal: name == "sdpa_causal")]);

    [Fact]
    public void Gradchecks_float64()
    {
        GradCheck.Check(t => nn.functional.scaled_dot_product_attention(t[0], t[1], t[2], is_causal: true),
            randn(2, 3, 2, dtype: float64), randn(2, 3, 2, dtype: float64), randn(2, 3, 2, dtype: float64));
        var mha = nn.MultiheadAttention(4, 2, add_bias_kv: true, add_zero_attn: true, kdim: 3, vdim: 2).to(float64);
        var padding = tensor(new[] { false, true, false }, [1, 3]);
        GradCheck.Check(t => mha.call(t[0], t[1], t[2], key_padding_mask: padding).Item1,
            randn(2, 1, 4, dtype: float64), randn(3, 1, 3, dtype: float64), randn(3, 1, 2, dtype: float64));
        var self = nn.MultiheadAttention(2, 1).to(float64);
        GradCheck.Check(t => self.call(t[0], t[0], t[0], attn_mask: tensor(new[] { false, true, false, false }, [2, 2])).Item2, randn(2, 1, 2, dtype: float64));
    }

    [Fact]
    public void Errors_name_the_sizes()
    {
        var heads = Assert.Throws<ArgumentException>(() => nn.MultiheadAttention(10, 3));
        Assert.Contains("divisible by num_heads", heads.Message);
        Assert.Contains("embed_dim=10", heads.Message);
        var mha = nn.MultiheadAttention(4, 2);
        var query = Assert.Throws<ArgumentException>(() => mha.call(randn(3, 2, 5), randn(3, 2, 4), randn(3, 2, 4)));
        Assert.Contains("[3, 2, 5]", query.Message);
        var padding = Assert.Throws<ArgumentException>(() => mha.call(randn(3, 2, 4), randn(3, 2, 4), randn(3, 2, 4), key_padding_mask: zeros(2, 4, dtype: ScalarType.Bool)));
        Assert.Contains("[2, 3]", padding.Message);
        Assert.Contains("[2, 4]", padding.Message);
        Assert.Contains("[2, 3, 4]", Assert.Throws<ArgumentException>(() =>
            nn.functional.scaled_dot_product_attention(randn(2, 3, 4), randn(2, 3, 5), randn(2, 3, 4))).Message);
    }
}
