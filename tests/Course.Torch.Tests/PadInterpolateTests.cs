using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

public class PadInterpolateTests
{
    static readonly Dictionary<string, Func<Tensor, Tensor>> Ops = new()
    {
        ["pad_constant"] = x => nn.functional.pad(x, [1, 2, 0, 1], value: 0.5),
        ["pad_constant_neg"] = x => nn.functional.pad(x, [-1, 2, 1, -1]),
        ["pad_reflect"] = x => nn.functional.pad(x, [2, 1, 1, 2], PaddingModes.Reflect),
        ["pad_replicate"] = x => nn.functional.pad(x, [2, 1, 3, 0], PaddingModes.Replicate),
        ["pad_circular"] = x => nn.functional.pad(x, [1, 2, 2, 1], PaddingModes.Circular),
        ["nearest_size"] = x => nn.functional.interpolate(x, [7, 5]),
        ["nearest_scale2"] = x => nn.functional.interpolate(x, scale_factor: [2]),
        ["bilinear_size"] = x => nn.functional.interpolate(x, [7, 9], mode: InterpolationMode.Bilinear, align_corners: false),
        ["bilinear_align"] = x => nn.functional.interpolate(x, [7, 9], mode: InterpolationMode.Bilinear, align_corners: true),
        ["bilinear_down"] = x => nn.functional.interpolate(x, [3, 2], mode: InterpolationMode.Bilinear),
        ["bilinear_scale"] = x => nn.functional.interpolate(x, scale_factor: [1.5], mode: InterpolationMode.Bilinear, align_corners: false),
        ["nearest_1d"] = x => nn.functional.interpolate(x, [8]),
    };

    public static IEnumerable<object[]> Names() => Ops.Keys.Select(k => new object[] { k });

    [Theory, MemberData(nameof(Names))]
    public void Matches_pytorch_forward_and_gradient(string name)
    {
        var c = Fixtures.Load("conv")[name];
        var x = c.In(0).requires_grad_();
        var y = Ops[name](x);
        Fixtures.AssertClose(c.Out(0), y);
        (y * c.In(1)).sum().backward();
        Fixtures.AssertClose(c.Grad(0)!, x.grad!);
    }

    [Fact]
    public void Gradchecks_in_float64()
    {
        var x = randn(1, 2, 3, 4, dtype: float64);
        GradCheck.Check(t => nn.functional.pad(t[0], [1, 2, 2, 0], value: 3), x);
        GradCheck.Check(t => nn.functional.pad(t[0], [2, 1, 1, 2], PaddingModes.Reflect), x);
        GradCheck.Check(t => nn.functional.pad(t[0], [2, 1, 1, 2], PaddingModes.Replicate), x);
        GradCheck.Check(t => nn.functional.interpolate(t[0], [5, 7], mode: InterpolationMode.Bilinear, align_corners: true), x);
        GradCheck.Check(t => nn.functional.interpolate(t[0], [4, 3], mode: InterpolationMode.Bilinear), x);
        GradCheck.Check(t => nn.functional.interpolate(t[0], scale_factor: [2]), x);
    }

    [Fact]
    public void Upsample_module_doubles_the_size()
    {
        var x = randn(1, 2, 3, 4);
        var up = nn.Upsample(scale_factor: [2], mode: UpsampleMode.Bilinear, align_corners: false);
        Fixtures.AssertClose(nn.functional.interpolate(x, scale_factor: [2], mode: InterpolationMode.Bilinear, align_corners: false), up.call(x));
        Assert.Equal(new long[] { 1, 2, 6, 8 }, nn.Upsample(scale_factor: [2]).call(x).shape);
    }

    [Fact]
    public void Bad_arguments_are_reported()
    {
        var ex = Assert.Throws<ArgumentException>(() => nn.functional.pad(randn(1, 1, 3, 3), [3, 0], PaddingModes.Reflect));
        Assert.Contains("Padding size should be less than the corresponding input dimension", ex.Message);
        Assert.Throws<ArgumentException>(() => nn.functional.pad(randn(3), [1, 2, 3]));
        Assert.Throws<ArgumentException>(() => nn.functional.interpolate(randn(1, 1, 3, 3)));
        Assert.Throws<ArgumentException>(() => nn.functional.interpolate(randn(1, 1, 3, 3), [4, 4], align_corners: true));
    }
}
