using Course.Torch;
using static Course.Torch.torch;
using F = Course.Torch.torch.nn.functional;

namespace Course.Torch.Tests;

[Collection(GlobalState.Name)]
public class LayersTests
{
    static Tensor Weights(Tensor y) => arange(y.numel(), y.dtype).mul(0.1).add(1).reshape(y.shape);

    static Modules.Linear LinearFrom(Tensor w, Tensor? b)
    {
        var layer = nn.Linear(w.shape[1], w.shape[0], hasBias: b is not null);
        using (no_grad())
        {
            layer.weight.copy_(w);
            if (b is not null) layer.bias!.copy_(b);
        }
        return layer;
    }

    [Theory]
    [InlineData("linear_2d")]
    [InlineData("linear_3d")]
    [InlineData("linear_1d")]
    [InlineData("linear_nobias")]
    public void Linear_matches_pytorch_forward_and_all_gradients(string name)
    {
        var c = Fixtures.Load("layers")[name];
        var layer = LinearFrom(c.In(1), name == "linear_nobias" ? null : c.In(2));
        var x = c.In(0).requires_grad_();
        var y = layer.call(x);
        Fixtures.AssertClose(c.Out(0), y);
        y.backward([Weights(y)]);
        Fixtures.AssertClose(c.Grad(0)!, x.grad!, what: "input grad");
        Fixtures.AssertClose(c.Grad(1)!, layer.weight.grad!, what: "weight grad");
        if (layer.bias is not null) Fixtures.AssertClose(c.Grad(2)!, layer.bias.grad!, what: "bias grad");
    }

    [Fact]
    public void Linear_on_a_transposed_input_view_matches_the_contiguous_result()
    {
        var c = Fixtures.Load("layers")["linear_3d"];
        var view = c.In(0).transpose(1, 2).contiguous().transpose(1, 2).requires_grad_();
        Assert.False(view.is_contiguous());
        var y = F.linear(view, c.In(1), c.In(2));
        Fixtures.AssertClose(c.Out(0), y);
        y.backward([Weights(y)]);
        Fixtures.AssertClose(c.Grad(0)!, view.grad!);
    }

    [Fact]
    public void Linear_keys_shapes_and_default_init_follow_pytorch()
    {
        manual_seed(3);
        var layer = nn.Linear(400, 300);
        Assert.Equal(new[] { "weight", "bias" }, layer.state_dict().Keys);
        Assert.Equal(new long[] { 300, 400 }, layer.weight.shape);
        // kaiming_uniform(a=√5) → U(±1/√400) = U(±0.05): max |w| just under 0.05, variance 0.05²/3.
        var w = layer.weight.detach();
        Assert.InRange(w.abs().max().item<float>(), 0.049f, 0.05f);
        Assert.InRange(w.var().item<float>(), 0.05 * 0.05 / 3 * 0.97, 0.05 * 0.05 / 3 * 1.03);
        Assert.InRange(layer.bias!.abs().max().item<float>(), 0.04f, 0.05f);
        Assert.Null(nn.Linear(3, 2, hasBias: false).bias);
        Assert.Equal(float64, nn.Linear(3, 2, dtype: float64).weight.dtype);
    }

    [Fact]
    public void Linear_with_the_wrong_input_size_names_both_shapes()
    {
        var layer = nn.Linear(5, 2);
        var e = Assert.Throws<ArgumentException>(() => layer.call(ones(4, 3)));
        Assert.Contains("mat1 and mat2 shapes cannot be multiplied (4x3 and 5x2)", e.Message);
        e = Assert.Throws<ArgumentException>(() => layer.call(ones(2, 4, 3)));
        Assert.Contains("(8x3 and 5x2)", e.Message);
    }

    [Fact]
    public void Gradcheck_linear_2d_and_3d()
    {
        var w = linspace(-1, 1, 6, float64).reshape(2, 3);
        var b = tensor(new[] { 0.3, -0.2 });
        GradCheck.Check(xs => F.linear(xs[0], xs[1], xs[2]), linspace(-2, 2, 12, float64).reshape(4, 3), w, b);
        GradCheck.Check(xs => F.linear(xs[0], xs[1], xs[2]), linspace(-2, 2, 18, float64).reshape(2, 3, 3), w, b);
        GradCheck.CheckGradGrad(xs => F.linear(xs[0], xs[1], xs[2]).tanh(), linspace(-2, 2, 12, float64).reshape(4, 3), w, b);
    }

    [Theory]
    [InlineData("embedding_repeated", null, false)]
    [InlineData("embedding_padding", 1L, false)]
    [InlineData("embedding_padding_negative", -1L, false)]
    [InlineData("embedding_freq", null, true)]
    [InlineData("embedding_1d", null, false)]
    public void Embedding_matches_pytorch_forward_and_weight_gradient(string name, long? padding, bool byFreq)
    {
        var c = Fixtures.Load("layers")[name];
        var layer = nn.Embedding(6, 3, padding_idx: padding, scale_grad_by_freq: byFreq);
        using (no_grad()) layer.weight.copy_(c.In(0));
        var y = layer.call(c.In(1));
        Fixtures.AssertClose(c.Out(0), y);
        y.backward([Weights(y)]);
        Fixtures.AssertClose(c.Grad(0)!, layer.weight.grad!, what: "weight grad");
    }

    [Fact]
    public void Embedding_padding_row_starts_at_zero_and_gets_no_gradient()
    {
        var layer = nn.Embedding(5, 4, padding_idx: 2);
        Assert.Equal(new float[4], layer.weight[2].data<float>().ToArray());
        layer.call(tensor(new long[] { 2, 2, 0 })).sum().backward();
        Assert.Equal(new float[4], layer.weight.grad![2].data<float>().ToArray());
        Assert.Equal(new[] { 1f, 1, 1, 1 }, layer.weight.grad![0].data<float>().ToArray());
    }

    [Fact]
    public void Embedding_max_norm_renormalizes_looked_up_rows_in_place_as_pytorch()
    {
        var c = Fixtures.Load("layers")["embedding_max_norm"];
        var table = c.In(0).clone();
        var y = F.embedding(c.In(1), table, max_norm: 1.0);
        Fixtures.AssertClose(c.Out(0), y);
        Fixtures.AssertClose(c.Out(1), table, what: "renormed table");
    }

    [Fact]
    public void Embedding_errors_name_the_index_and_the_table()
    {
        var layer = nn.Embedding(4, 2);
        var e = Assert.Throws<ArgumentException>(() => layer.call(tensor(new long[] { 1, 4 })));
        Assert.Contains("index out of range in self", e.Message);
        Assert.Contains("[4, 2]", e.Message);
        e = Assert.Throws<ArgumentException>(() => layer.call(ones(2)));
        Assert.Contains("Long, Int", e.Message);
        Assert.Throws<ArgumentException>(() => nn.Embedding(4, 2, padding_idx: 4));
        Assert.Throws<NotSupportedException>(() => nn.Embedding(4, 2, sparse: true));
    }

    [Fact]
    public void Embedding_from_pretrained_is_frozen_by_default()
    {
        var layer = nn.Embedding_from_pretrained(eye(3));
        Assert.False(layer.weight.requires_grad);
        Assert.Equal(new[] { 0f, 1f, 0f }, layer.call(tensor(new long[] { 1 }))[0].data<float>().ToArray());
        Assert.True(nn.Embedding_from_pretrained(eye(3), freeze: false).weight.requires_grad);
    }

    [Fact]
    public void Gradcheck_embedding_weight_with_repeated_indices()
    {
        var idx = tensor(new long[] { 0, 2, 2, 3, 1 }).reshape(5, 1);
        // Only the plain form: padding_idx and scale_grad_by_freq change the gradient on purpose (fixtures cover them).
        GradCheck.Check(xs => F.embedding(idx, xs[0]), linspace(-1, 1, 8, float64).reshape(4, 2));
    }

    [Fact]
    public void Dropout_is_the_identity_in_eval_mode()
    {
        var layer = nn.Dropout(0.7);
        layer.eval();
        var x = randn(10, 10);
        Assert.Same(x, layer.call(x));
        var channels = nn.Dropout2d();
        channels.eval();
        Assert.Same(x, channels.call(x));
    }

    [Fact]
    public void Dropout_in_training_zeroes_about_p_and_scales_the_rest_by_one_over_one_minus_p()
    {
        manual_seed(42);
        var x = ones(200, 100);
        var y = nn.Dropout(0.3).call(x).data<float>().ToArray();
        var zeros = y.Count(v => v == 0) / (double)y.Length;
        Assert.InRange(zeros, 0.28, 0.32);
        Assert.All(y.Where(v => v != 0), v => Assert.Equal(1 / 0.7f, v, 5));
        // Seeded through torch's generator: the same seed gives the same mask.
        manual_seed(7);
        var a = F.dropout(x, 0.5).data<float>().ToArray();
        manual_seed(7);
        Assert.Equal(a, F.dropout(x, 0.5).data<float>().ToArray());
        Assert.Equal(new float[6], F.dropout(ones(6), 1.0).data<float>().ToArray());
    }

    [Fact]
    public void Dropout2d_zeroes_whole_channels()
    {
        manual_seed(1);
        var y = nn.Dropout2d(0.5).call(ones(8, 16, 3, 3));
        var perChannel = y.reshape(8 * 16, 9);
        for (int i = 0; i < 8 * 16; i++)
        {
            var row = perChannel[i].data<float>().ToArray();
            Assert.True(row.All(v => v == 0) || row.All(v => v == 2f), $"channel {i} is mixed");
        }
        var dropped = Enumerable.Range(0, 128).Count(i => perChannel[i, 0].item<float>() == 0);
        Assert.InRange(dropped, 40, 88);
    }

    [Fact]
    public void Dropout_gradient_is_the_same_mask_and_errors_name_p()
    {
        GradCheck.Check(xs => { manual_seed(5); return F.dropout(xs[0], 0.4); }, linspace(-1, 1, 10, float64));
        GradCheck.Check(xs => { manual_seed(5); return F.dropout2d(xs[0], 0.4); }, linspace(-1, 1, 24, float64).reshape(2, 3, 2, 2));
        var e = Assert.Throws<ArgumentException>(() => F.dropout(ones(2), 1.5));
        Assert.Contains("between 0 and 1, but got 1.5", e.Message);
    }

    [Fact]
    public void Flatten_unflatten_and_identity_reshape_as_pytorch()
    {
        var x = arange(24).reshape(2, 3, 4);
        Assert.Equal(new long[] { 2, 12 }, nn.Flatten().call(x).shape);
        Assert.Equal(new long[] { 6, 4 }, nn.Flatten(0, 1).call(x).shape);
        Assert.Equal(new long[] { 2, 3, 2, 2 }, nn.Unflatten(2, [2, 2]).call(x).shape);
        Assert.Same(x, nn.Identity().call(x));
        var g = randn(2, 3, 4, dtype: float64).requires_grad_();
        GradCheck.Check(xs => nn.Unflatten(1, [3, 4]).call(nn.Flatten().call(xs[0])), g);
    }
}
