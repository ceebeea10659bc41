using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

public class PoolingTests
{
    static readonly Dictionary<string, Func<Tensor, Tensor>> Pools = new()
    {
        ["max2d_k2"] = x => nn.functional.max_pool2d(x, 2),
        ["max2d_k3s2"] = x => nn.functional.max_pool2d(x, 3, 2),
        ["max2d_pad_dil_ceil"] = x => nn.functional.max_pool2d(x, 3, 2, 1, 2, ceil_mode: true),
        ["max2d_ceil"] = x => nn.functional.max_pool2d(x, 2, ceil_mode: true),
        ["max2d_rect"] = x => nn.functional.max_pool2d(x, (2, 3), (1, 2), (1, 1)),
        ["max1d"] = x => nn.functional.max_pool1d(x, 3, 2, 1, ceil_mode: true),
        ["avg2d_k2"] = x => nn.functional.avg_pool2d(x, 2),
        ["avg2d_k3s2_pad"] = x => nn.functional.avg_pool2d(x, 3, 2, 1),
        ["avg2d_nopadcount_ceil"] = x => nn.functional.avg_pool2d(x, 3, 2, 1, ceil_mode: true, count_include_pad: false),
        ["avg2d_ceil_inclpad"] = x => nn.functional.avg_pool2d(x, 3, 2, 1, ceil_mode: true),
        ["avg2d_divisor"] = x => nn.functional.avg_pool2d(x, 2, divisor_override: 3),
        ["avg1d"] = x => nn.functional.avg_pool1d(x, 3, 2, 1, count_include_pad: false),
        ["adaptive_avg_5x7_to_3x4"] = x => nn.functional.adaptive_avg_pool2d(x, (3, 4)),
        ["adaptive_avg_1"] = x => nn.functional.adaptive_avg_pool2d(x, 1),
        ["adaptive_max_7x5_to_3x2"] = x => nn.functional.adaptive_max_pool2d(x, (3, 2)),
    };

    public static IEnumerable<object[]> Names() => Pools.Keys.Select(k => new object[] { k });

    [Theory, MemberData(nameof(Names))]
    public void Pooling_matches_pytorch_forward_and_gradient(string name)
    {
        var c = Fixtures.Load("conv")[name];
        var x = c.In(0).requires_grad_();
        var y = Pools[name](x);
        Fixtures.AssertClose(c.Out(0), y);
        (y * c.In(1)).sum().backward();
        Fixtures.AssertClose(c.Grad(0)!, x.grad!);
    }

    [Fact]
    public void Max_pool_indices_match_pytorch()
    {
        var c = Fixtures.Load("conv")["max2d_indices"];
        var (values, indices) = nn.functional.max_pool2d_with_indices(c.In(0), [3, 3], [2, 2], [1, 1]);
        Fixtures.AssertClose(c.Out(0), values);
        Fixtures.AssertClose(c.Out(1), indices);
        var (v2, i2) = nn.MaxPool2d(3, 2, 1).forward_with_indices(c.In(0));
        Fixtures.AssertClose(c.Out(1), i2);
    }

    [Fact]
    public void Max_pool_gradient_goes_to_the_maximum()
    {
        var x = tensor(new float[] { 1, 5, 2, 0, 3, 4, 7, 6, 8, 1, 0, 2, 3, 9, 4, 1 }).view(1, 1, 4, 4).requires_grad_();
        nn.functional.max_pool2d(x, 2).sum().backward();
        Assert.Equal(new float[] { 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0 }, x.grad!.data<float>().ToArray());
    }

    [Fact]
    public void Gradchecks_in_float64()
    {
        var x = randn(1, 2, 5, 6, dtype: float64);
        GradCheck.Check(t => nn.functional.max_pool2d(t[0], 3, 2, 1, ceil_mode: true), x);
        GradCheck.Check(t => nn.functional.avg_pool2d(t[0], 3, 2, 1, ceil_mode: true, count_include_pad: false), x);
        GradCheck.Check(t => nn.functional.adaptive_avg_pool2d(t[0], (3, 4)), x);
        GradCheck.Check(t => nn.functional.adaptive_max_pool2d(t[0], (2, 4)), x);
        GradCheck.Check(t => nn.functional.avg_pool1d(t[0], 2), randn(2, 2, 5, dtype: float64));
    }

    [Fact]
    public void Modules_use_kernel_as_default_stride()
    {
        var x = randn(2, 3, 8, 8);
        Assert.Equal(new long[] { 2, 3, 4, 4 }, nn.MaxPool2d(2).call(x).shape);
        Assert.Equal(new long[] { 2, 3, 3, 3 }, nn.AvgPool2d(3, 2).call(x).shape);
        Assert.Equal(new long[] { 2, 3, 1, 1 }, nn.AdaptiveAvgPool2d(1).call(x).shape);
        Assert.Equal(new long[] { 2, 3, 3, 5 }, nn.AdaptiveMaxPool2d((3, 5)).call(x).shape);
        Assert.Equal(new long[] { 2, 3, 4 }, nn.MaxPool1d(2).call(randn(2, 3, 8)).shape);
        Assert.Equal(new long[] { 2, 3, 2 }, nn.AvgPool1d(3).call(randn(2, 3, 8)).shape);
        Fixtures.AssertClose(x.mean([2, 3], keepdim: true), nn.AdaptiveAvgPool2d(1).call(x));
    }

    [Fact]
    public void Bad_pool_settings_name_the_problem()
    {
        var ex = Assert.Throws<ArgumentException>(() => nn.functional.max_pool2d(randn(1, 1, 4, 4), 2, 2, 2));
        Assert.Contains("pad should be at most half", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => nn.functional.max_pool2d(randn(1, 1, 2, 2), 3));
        Assert.Contains("[1, 1, 2, 2]", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => nn.functional.max_pool2d(randn(4, 4), 2));
        Assert.Contains("Expected 3D or 4D", ex.Message);
    }
}
