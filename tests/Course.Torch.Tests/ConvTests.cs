using System.Text.Json;
using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

public class ConvTests
{
    internal static JsonElement? Opt(FixtureCase c, string name)
    {
        try { return c.Arg(name); } catch (KeyNotFoundException) { return null; }
    }

    static long[]? Longs(JsonElement? e) => e switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } v => [v.GetInt64()],
        { ValueKind: JsonValueKind.Array } v => v.EnumerateArray().Select(x => x.GetInt64()).ToArray(),
        _ => null,
    };

    public static IEnumerable<object[]> ConvCases() => Fixtures.Names("conv").Where(n => ((string)n[0]).StartsWith("conv"));

    /// <summary>Forward, then (y·r).sum().backward(); compares y and every input gradient with PyTorch's.</summary>
    [Theory, MemberData(nameof(ConvCases))]
    public void Convolution_matches_pytorch_forward_and_gradients(string name)
    {
        var c = Fixtures.Load("conv")[name];
        int count = name.Contains("nonsquare") ? 3 : 4; // x, w, (bias,) r
        var inputs = Enumerable.Range(0, count).Select(c.In).ToArray();
        var r = inputs[^1];
        var diff = inputs[..^1].Select(t => t.requires_grad_()).ToArray();
        var (x, w, b) = (diff[0], diff[1], diff.Length > 2 ? diff[2] : null);
        long groups = Longs(Opt(c, "groups"))?[0] ?? 1;
        var stride = Longs(Opt(c, "stride"));
        var dilation = Longs(Opt(c, "dilation"));
        var padArg = Opt(c, "padding");
        bool same = padArg is { ValueKind: JsonValueKind.String };
        var padding = same ? null : Longs(padArg);
        Tensor y;
        if (name.StartsWith("convT"))
            y = nn.functional.conv_transpose2d(x, w, b, stride, padding, Longs(Opt(c, "output_padding")), dilation, groups);
        else if (name.StartsWith("conv1d"))
            y = same ? nn.functional.conv1d_padding(x, w, b, stride?[0], Padding.Same, dilation?[0], groups)
                     : nn.functional.conv1d(x, w, b, stride?[0], padding?[0], dilation?[0], groups);
        else
            y = same ? nn.functional.conv2d_padding(x, w, b, stride, Padding.Same, dilation, groups)
                     : nn.functional.conv2d(x, w, b, stride, padding, dilation, groups);
        Fixtures.AssertClose(c.Out(0), y, 1e-4, 1e-5, "output");
        (y * r).sum().backward();
        for (int i = 0; i < diff.Length; i++)
            Fixtures.AssertClose(c.Grad(i)!, diff[i].grad!, 1e-4, 1e-4, $"grad {i}");
    }

    [Fact]
    public void Unfold_and_fold_match_pytorch_with_gradients()
    {
        var u = Fixtures.Load("conv")["unfold"];
        var x = u.In(0).requires_grad_();
        var y = nn.functional.unfold(x, (2, 3), dilation: (1, 2), padding: (1, 1), stride: (2, 1));
        Fixtures.AssertClose(u.Out(0), y);
        (y * u.In(1)).sum().backward();
        Fixtures.AssertClose(u.Grad(0)!, x.grad!);

        var f = Fixtures.Load("conv")["fold"];
        var cols = f.In(0).requires_grad_();
        var z = nn.functional.fold(cols, (5, 7), (2, 2), padding: (1, 1), stride: (2, 2));
        Fixtures.AssertClose(f.Out(0), z, 1e-5, 1e-5);
        (z * f.In(1)).sum().backward();
        Fixtures.AssertClose(f.Grad(0)!, cols.grad!);
    }

    [Fact]
    public void Conv2d_equals_weight_times_unfold()
    {
        var x = randn(2, 3, 6, 5);
        var w = randn(4, 3, 3, 3);
        var viaUnfold = w.view(4, -1).matmul(nn.functional.unfold(x, 3, padding: 1)).view(2, 4, 6, 5);
        Fixtures.AssertClose(viaUnfold, nn.functional.conv2d(x, w, padding: [1]), 1e-4, 1e-4);
    }

    [Fact]
    public void Non_contiguous_inputs_give_the_same_result()
    {
        var x = randn(2, 3, 5, 6);
        var w = randn(4, 3, 3, 3);
        var xt = x.transpose(2, 3).contiguous().transpose(2, 3);
        Assert.False(xt.is_contiguous());
        Fixtures.AssertClose(nn.functional.conv2d(x, w), nn.functional.conv2d(xt, w));
    }

    [Fact]
    public void Unbatched_input_is_accepted()
    {
        var x = randn(3, 5, 5);
        var w = randn(2, 3, 3, 3);
        Fixtures.AssertClose(nn.functional.conv2d(x.unsqueeze(0), w).squeeze(0), nn.functional.conv2d(x, w));
    }

    [Fact]
    public void Gradchecks_in_float64()
    {
        var x = randn(2, 4, 5, 4, dtype: float64);
        var w = randn(4, 2, 3, 2, dtype: float64);
        var b = randn(4, dtype: float64);
        GradCheck.Check(t => nn.functional.conv2d(t[0], t[1], t[2], [2, 1], [1, 0], [1, 2], 2), x, w, b);
        GradCheck.Check(t => nn.functional.conv_transpose2d(t[0], t[1], t[2], [2, 2], [1, 1], [1, 0], null, 2), randn(1, 4, 3, 3, dtype: float64), randn(4, 1, 3, 3, dtype: float64), randn(2, dtype: float64));
        GradCheck.Check(t => nn.functional.conv1d(t[0], t[1], t[2], 2, 1), randn(2, 3, 7, dtype: float64), randn(2, 3, 3, dtype: float64), randn(2, dtype: float64));
        GradCheck.Check(t => nn.functional.unfold(t[0], 2, 1, 1, 2), randn(1, 2, 4, 3, dtype: float64));
        GradCheck.Check(t => nn.functional.fold(t[0], (4, 3), (2, 2), null, (1, 1), (2, 2)), randn(1, 8, 6, dtype: float64));
    }

    [Fact]
    public void Conv2d_double_backward_matches_finite_differences()
    {
        GradCheck.CheckGradGrad(t => nn.functional.conv2d(t[0], t[1], t[2], [2], [1]), randn(2, 2, 4, 4, dtype: float64), randn(3, 2, 2, 2, dtype: float64), randn(3, dtype: float64));
        GradCheck.CheckGradGrad(t => nn.functional.conv_transpose2d(t[0], t[1], null, [2], [0], [1]), randn(1, 2, 3, 3, dtype: float64), randn(2, 2, 2, 2, dtype: float64));
    }

    [Fact]
    public void Channel_mismatch_names_the_shapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => nn.functional.conv2d(randn(2, 4, 5, 5), randn(8, 3, 3, 3)));
        Assert.Contains("Given groups=1, weight of size [8, 3, 3, 3], expected input[2, 4, 5, 5] to have 3 channels, but got 4 channels instead", ex.Message);
    }

    [Fact]
    public void Kernel_larger_than_padded_input_is_an_error()
    {
        var ex = Assert.Throws<ArgumentException>(() => nn.functional.conv2d(randn(1, 1, 2, 2), randn(1, 1, 3, 3)));
        Assert.Contains("Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3)", ex.Message);
        Assert.Throws<ArgumentException>(() => nn.functional.conv2d_padding(randn(1, 1, 5, 5), randn(1, 1, 3, 3), null, [2], Padding.Same));
    }

    [Fact]
    public void Conv2d_module_has_pytorch_shapes_keys_and_init_bounds()
    {
        var conv = nn.Conv2d(4, 6, (3, 2), stride: (2, 1), groups: 2);
        Assert.Equal(new[] { "weight", "bias" }, conv.state_dict().Keys);
        Assert.Equal(new long[] { 6, 2, 3, 2 }, conv.weight.shape);
        double bound = 1 / Math.Sqrt(2 * 3 * 2);
        Assert.True(conv.weight.abs().max().item<float>() <= bound);
        Assert.True(conv.weight.abs().max().item<float>() > bound / 2);
        Assert.True(conv.bias!.abs().max().item<float>() <= bound);
        Assert.Equal(new long[] { 2, 6, 2, 3 }, conv.call(randn(2, 4, 6, 4)).shape); // (6 − 3)/2 + 1, (4 − 2)/1 + 1
        Assert.Null(nn.Conv1d(3, 5, 3, bias: false).bias);
        Assert.Equal(new long[] { 2, 5, 9 }, nn.Conv1d(3, 5, 4, Padding.Same).call(randn(2, 3, 9)).shape);
        var t = nn.ConvTranspose2d(4, 3, 3, stride: 2, padding: 1, output_padding: 1);
        Assert.Equal(new long[] { 4, 3, 3, 3 }, t.weight.shape);
        Assert.Equal(new long[] { 1, 3, 10, 8 }, t.call(randn(1, 4, 5, 4)).shape);
    }

    [Fact]
    public void Conv2d_module_with_loaded_weights_matches_the_functional_form()
    {
        var c = Fixtures.Load("conv")["conv2d_stride2_pad1"];
        var conv = nn.Conv2d(3, 5, 3, stride: 2, padding: 1);
        conv.load_state_dict(new Dictionary<string, Tensor> { ["weight"] = c.In(1), ["bias"] = c.In(2) });
        Fixtures.AssertClose(c.Out(0), conv.call(c.In(0)), 1e-4, 1e-5);
    }

    [Fact]
    public void Reflect_padding_mode_pads_before_convolving()
    {
        var conv = nn.Conv2d(1, 1, 3, padding: 1, padding_mode: PaddingModes.Reflect, bias: false);
        var x = randn(1, 1, 4, 4);
        var expected = nn.functional.conv2d(nn.functional.pad(x, [1, 1, 1, 1], PaddingModes.Reflect), conv.weight);
        Fixtures.AssertClose(expected, conv.call(x));
    }

    [Fact]
    public void Fold_of_unfold_counts_how_often_each_pixel_is_covered()
    {
        var ones4 = ones(1, 1, 4, 4);
        var covered = nn.Fold(4, 2).call(nn.Unfold(2).call(ones4));
        Assert.Equal(new float[] { 1, 2, 2, 1, 2, 4, 4, 2, 2, 4, 4, 2, 1, 2, 2, 1 }, covered.data<float>().ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Large_float32_convolution_and_gradients_agree_with_float64(int batch)
    {
        // Big enough for the blocked, threaded GEMM path (K = 32·3·3 = 288 > one 256-deep k-slice).
        var x = randn(batch, 32, 20, 18);
        var w = randn(40, 32, 3, 3);
        var g = randn(batch, 40, 20, 18);
        Tensor[] Run(ScalarType t)
        {
            var (xt, wt) = (x.detach().to(t).requires_grad_(), w.detach().to(t).requires_grad_());
            var y = nn.functional.conv2d(xt, wt, null, null, [1]);
            y.backward([g.to(t)]);
            return [y, xt.grad!, wt.grad!];
        }
        var single = Run(float32);
        var reference = Run(float64);
        for (int i = 0; i < 3; i++)
            Fixtures.AssertClose(reference[i].to(float32), single[i], 1e-3, 1e-3, $"result {i}");
    }
}

/// <summary>Changes the engine's thread count, so it runs apart from every other test that does.</summary>
[Collection(GlobalState.Name)]
public class ConvThreadingTests
{
    [Fact]
    public void Two_threads_give_the_same_gradients_every_run_and_agree_with_one()
    {
        // 5 images over 2 workers: images [0, 2) and [2, 5), partial weight gradients reduced in worker order.
        var x = randn(5, 3, 7, 6);
        var w = randn(4, 3, 3, 3);
        var b = randn(4);
        float[][] Gradients(int threads)
        {
            set_num_threads(threads);
            var (xt, wt, bt) = (x.detach().requires_grad_(), w.detach().requires_grad_(), b.detach().requires_grad_());
            nn.functional.conv2d(xt, wt, bt, null, [1]).sum().backward();
            return [xt.grad!.data<float>().ToArray(), wt.grad!.data<float>().ToArray(), bt.grad!.data<float>().ToArray()];
        }
        int saved = get_num_threads();
        try
        {
            var one = Gradients(1);
            var two = Gradients(2);
            Assert.Equal(two, Gradients(2));
            for (int i = 0; i < 3; i++)
                Fixtures.AssertClose(tensor(one[i]), tensor(two[i]), 1e-5, 1e-5, $"gradient {i}");
            // dy = 1 everywhere, so each bias gradient counts the outputs of its channel: N·OH·OW = 5·7·6.
            Assert.All(two[2], db => Assert.Equal(210f, db));
        }
        finally { set_num_threads(saved); }
    }
}
