using Course.Torch;
using Course.Torch.Modules;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

/// <summary>Runs a fixtures/norm.json function case: outputs, then d sum(w · output 0) / d inputs against PyTorch.</summary>
static class NormParity
{
    public static FixtureCase Case(string name) => Fixtures.Load("norm")[name];

    public static void Run(string name, Func<Tensor[], Tensor[]> f)
    {
        var c = Case(name);
        int n = c.Arg("n").GetInt32();
        var xs = Enumerable.Range(0, n).Select(i => c.In(i).requires_grad_(c.Grad(i) is not null)).ToArray();
        var outs = f(xs);
        for (int i = 0; i < outs.Length; i++) Fixtures.AssertClose(c.Out(i), outs[i], what: $"output {i}");
        (outs[0] * c.In(n)).sum().backward();
        for (int i = 0; i < n; i++)
            if (c.Grad(i) is { } expected) Fixtures.AssertClose(expected, xs[i].grad ?? zeros_like(xs[i]), what: $"grad {i}");
    }
}

public class NormTests
{
    [Theory]
    [InlineData("batchnorm1d_2d", 1, 0.1)]
    [InlineData("batchnorm1d_3d", 1, 0.3)]
    [InlineData("batchnorm2d", 2, 0.1)]
    public void BatchNorm_trains_on_batch_statistics_updates_running_ones_and_evaluates_with_them(string name, int kind, double momentum)
    {
        var c = NormParity.Case(name);
        var x1 = c.In(0).requires_grad_();
        long channels = x1.shape[1];
        NormBase bn = kind == 1 ? nn.BatchNorm1d(channels, momentum: momentum) : nn.BatchNorm2d(channels);
        using (no_grad()) { bn.weight!.copy_(c.In(3)); bn.bias!.copy_(c.In(4)); }

        var y1 = bn.call(x1);
        (y1 * c.In(5)).sum().backward();
        bn.call(c.In(1));
        Fixtures.AssertClose(c.Out(0), y1, what: "train output");
        Fixtures.AssertClose(c.Grad(0)!, x1.grad!, what: "input grad");
        Fixtures.AssertClose(c.Grad(3)!, bn.weight!.grad!, what: "weight grad");
        Fixtures.AssertClose(c.Grad(4)!, bn.bias!.grad!, what: "bias grad");
        Fixtures.AssertClose(c.Out(1), bn.running_mean!, what: "running_mean");
        Fixtures.AssertClose(c.Out(2), bn.running_var!, what: "running_var");
        Assert.Equal(ScalarType.Int64, bn.num_batches_tracked!.dtype);
        Assert.Equal(2L, bn.num_batches_tracked.item<long>());

        bn.eval();
        Fixtures.AssertClose(c.Out(4), bn.call(c.In(2)), what: "eval output");
    }

    [Fact]
    public void BatchNorm_state_dict_has_PyTorch_keys_and_affine_false_drops_parameters()
    {
        Assert.Equal(new[] { "weight", "bias", "running_mean", "running_var", "num_batches_tracked" }, nn.BatchNorm2d(3).state_dict().Keys);
        var plain = nn.BatchNorm1d(3, affine: false, track_running_stats: false);
        Assert.Empty(plain.state_dict());
        var y = plain.call(tensor(new float[] { 1, 2, 3, 3, 4, 5 }, [2, 3]));
        Assert.Equal(new float[] { -1, -1, -1, 1, 1, 1 }, y.data<float>().ToArray().Select(v => MathF.Round(v, 3)));
        plain.eval();
        Assert.Equal(-1f, MathF.Round(plain.call(tensor(new float[] { 1, 2, 3, 3, 4, 5 }, [2, 3]))[0, 0].item<float>(), 3));
    }

    [Fact]
    public void BatchNorm_without_momentum_keeps_a_cumulative_average()
    {
        var bn = nn.BatchNorm1d(2);
        bn.momentum = null;
        bn.call(tensor(new float[] { 0, 10, 2, 20 }, [2, 2]));
        bn.call(tensor(new float[] { 4, 30, 6, 40 }, [2, 2]));
        Assert.Equal(new float[] { 3, 25 }, bn.running_mean!.data<float>().ToArray());
        Assert.Equal(new float[] { 2, 50 }, bn.running_var!.data<float>().ToArray());
        bn.reset_running_stats();
        Assert.Equal(0L, bn.num_batches_tracked!.item<long>());
        Assert.Equal(new float[] { 1, 1 }, bn.running_var.data<float>().ToArray());
    }

    [Fact] public void Batch_norm_functional_eval() => NormParity.Run("batch_norm_eval_functional",
        x => [nn.functional.batch_norm(x[0], x[1], x[2], x[3], x[4], training: false, eps: 1e-3)]);

    [Fact] public void Layer_norm_over_last_dim_of_transposed_input() => NormParity.Run("layer_norm_last1_transposed",
        x => [nn.functional.layer_norm(x[0].transpose(1, 2), [4], x[1], x[2])]);

    [Fact]
    public void LayerNorm_module_over_last_two_dims()
    {
        var c = NormParity.Case("layer_norm_last2");
        var ln = nn.LayerNorm([3, 4], eps: 1e-3);
        Assert.Equal(new[] { "weight", "bias" }, ln.state_dict().Keys);
        ln.load_state_dict(new Dictionary<string, Tensor> { ["weight"] = c.In(1), ["bias"] = c.In(2) });
        var x = c.In(0).requires_grad_();
        var y = ln.call(x);
        (y * c.In(3)).sum().backward();
        Fixtures.AssertClose(c.Out(0), y);
        Fixtures.AssertClose(c.Grad(0)!, x.grad!);
        Fixtures.AssertClose(c.Grad(1)!, ln.weight!.grad!);
        Fixtures.AssertClose(c.Grad(2)!, ln.bias!.grad!);
    }

    [Fact] public void LayerNorm_without_affine() => NormParity.Run("layer_norm_no_affine",
        x => [nn.LayerNorm(5, elementwise_affine: false).call(x[0])]);

    [Theory]
    [InlineData("group_norm", 2, 1e-5)]
    [InlineData("group_norm_3d", 3, 1e-2)]
    public void GroupNorm_matches(string name, long groups, double eps) => NormParity.Run(name,
        x => [nn.functional.group_norm(x[0], groups, x[1], x[2], eps)]);

    [Fact]
    public void GroupNorm_module_loads_weights_and_matches()
    {
        var c = NormParity.Case("group_norm");
        var gn = nn.GroupNorm(2, 4);
        gn.load_state_dict(new Dictionary<string, Tensor> { ["weight"] = c.In(1), ["bias"] = c.In(2) });
        Fixtures.AssertClose(c.Out(0), gn.call(c.In(0)));
    }

    [Fact] public void LocalResponseNorm_odd_size() => NormParity.Run("local_response_norm_3",
        x => [nn.LocalResponseNorm(3, alpha: 0.1, beta: 0.75, k: 1.0).call(x[0])]);

    [Fact] public void Local_response_norm_even_size_3d() => NormParity.Run("local_response_norm_2",
        x => [nn.functional.local_response_norm(x[0], 2, alpha: 0.5, beta: 0.6, k: 2.0)]);

    [Fact]
    public void One_hot_infers_or_takes_the_class_count()
    {
        var c = NormParity.Case("one_hot_infer");
        Fixtures.AssertClose(c.Out(0), nn.functional.one_hot(c.In(0)));
        Fixtures.AssertClose(NormParity.Case("one_hot_5").Out(0), nn.functional.one_hot(c.In(0), 5));
        Assert.Contains("smaller than num_classes", Assert.Throws<ArgumentException>(() => nn.functional.one_hot(c.In(0), 3)).Message);
        Assert.Contains("non-negative", Assert.Throws<ArgumentException>(() => nn.functional.one_hot(tensor(new long[] { -1 }))).Message);
        Assert.Contains("Int64", Assert.Throws<ArgumentException>(() => nn.functional.one_hot(ones(2))).Message);
    }

    [Fact] public void Normalize_p2_dim1() => NormParity.Run("normalize_p2_dim1", x => [nn.functional.normalize(x[0])]);
    [Fact] public void Normalize_p1_dim0() => NormParity.Run("normalize_p1_dim0", x => [nn.functional.normalize(x[0], p: 1, dim: 0)]);
    [Fact] public void Normalize_p3_negative_dim() => NormParity.Run("normalize_p3_last", x => [nn.functional.normalize(x[0], p: 3, dim: -1)]);

    [Fact]
    public void Gradchecks_float64()
    {
        var x = randn(3, 2, 2, dtype: float64);
        var rm = randn(2, dtype: float64);
        var rv = rand(2, dtype: float64) + 0.5;
        GradCheck.Check(t => nn.functional.batch_norm(t[0], null, null, t[1], t[2], training: true), x, randn(2, dtype: float64), randn(2, dtype: float64));
        GradCheck.Check(t => nn.functional.batch_norm(t[0], rm, rv, t[1], t[2], training: false), x, randn(2, dtype: float64), randn(2, dtype: float64));
        GradCheck.Check(t => nn.functional.layer_norm(t[0], [2, 2], t[1], t[2]), x, randn(2, 2, dtype: float64), randn(2, 2, dtype: float64));
        GradCheck.Check(t => nn.functional.group_norm(t[0], 2, t[1], t[2]), randn(2, 4, 2, dtype: float64), randn(4, dtype: float64), randn(4, dtype: float64));
        GradCheck.Check(t => nn.functional.local_response_norm(t[0], 3, alpha: 0.5, beta: 0.75, k: 1.0), randn(2, 4, 2, dtype: float64));
        GradCheck.Check(t => nn.functional.normalize(t[0], p: 3, dim: 0), randn(3, 2, dtype: float64));
        var bn = nn.BatchNorm2d(2).to(float64);
        GradCheck.Check(t => bn.call(t[0]), randn(2, 2, 2, 2, dtype: float64));
        GradCheck.CheckGradGrad(t => nn.functional.layer_norm(t[0], [3]), randn(2, 3, dtype: float64));
        GradCheck.CheckGradGrad(t => nn.functional.batch_norm(t[0], null, null, t[1], null, training: true), randn(3, 2, dtype: float64), randn(2, dtype: float64));
        GradCheck.CheckGradGrad(t => nn.functional.group_norm(t[0], 2, null, t[1]), randn(1, 4, 2, dtype: float64), randn(4, dtype: float64));
    }

    [Fact]
    public void Errors_name_expected_and_got()
    {
        var wrong = Assert.Throws<ArgumentException>(() => nn.BatchNorm2d(3).call(randn(2, 4, 5, 5)));
        Assert.Contains("3 channels", wrong.Message);
        Assert.Contains("[2, 4, 5, 5]", wrong.Message);
        Assert.Contains("4D input", Assert.Throws<ArgumentException>(() => nn.BatchNorm2d(3).call(randn(2, 3, 5))).Message);
        Assert.Contains("more than 1 value per channel", Assert.Throws<ArgumentException>(() => nn.BatchNorm1d(3).call(randn(1, 3))).Message);
        var ln = Assert.Throws<ArgumentException>(() => nn.LayerNorm(4).call(randn(2, 3)));
        Assert.Contains("[*, 4]", ln.Message);
        Assert.Contains("[2, 3]", ln.Message);
        Assert.Contains("divisible", Assert.Throws<ArgumentException>(() => nn.GroupNorm(3, 4)).Message);
    }
}
