using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

public class ViewTests
{
    /// <summary>Distinct float64 values 0.3·i − 1 in the given shape.</summary>
    internal static Tensor X(params long[] shape)
    {
        long n = shape.Aggregate(1L, (a, b) => a * b);
        return tensor(Enumerable.Range(0, (int)n).Select(i => 0.3 * i - 1).ToArray()).reshape(shape);
    }

    [Fact] public void Transpose_gradcheck() => GradCheck.Check(x => x[0].transpose(0, 2) * x[0].transpose(0, 2), X(2, 3, 4));
    [Fact] public void Permute_gradcheck() => GradCheck.Check(x => x[0].permute(1, 2, 0), X(2, 3, 4));
    [Fact] public void T_mT_t_gradcheck() => GradCheck.Check(x => x[0].T.mT * 2 + x[0].permute(2, 0, 1).flatten(0, 1).t().reshape(4, 2, 3), X(2, 3, 4));
    [Fact] public void Flatten_unflatten_gradcheck() => GradCheck.Check(x => x[0].t().flatten().unflatten(0, 3, 2), X(2, 3));
    [Fact] public void Squeeze_unsqueeze_gradcheck() => GradCheck.Check(x => x[0].squeeze().unsqueeze(0).unsqueeze(-1) * x[0].squeeze(0).sum(), X(1, 3, 1));
    [Fact] public void Select_gradcheck() => GradCheck.Check(x => x[0].select(1, -1) * x[0].select(0, 0).sum(), X(3, 4));
    [Fact] public void Slice_narrow_gradcheck() => GradCheck.Check(x => x[0].slice(0, 1, 5, 2).narrow(1, 1, 2), X(5, 4));
    [Fact] public void Select_slice_gradgrad() => GradCheck.CheckGradGrad(x => x[0].slice(0, 0, 3, 2).select(1, 1) * x[0].narrow(1, 0, 1).sum(), X(3, 2));
    [Fact] public void Unbind_gradcheck() => GradCheck.Check(x => x[0].unbind(1)[0] * x[0].unbind(1)[2], X(2, 3));

    [Fact]
    public void Views_share_storage_and_write_through()
    {
        var x = zeros([3, 4]);
        var row = x.select(0, 1);
        using (no_grad()) row.add_(5);
        x.transpose(0, 1).narrow(1, 2, 1).mul_(0).add_(7);
        x.slice(1, 0, 4, 3)[TensorIndex.Ellipsis] = tensor(-1f);
        Assert.Equal(new float[] { -1, 0, 0, -1, -1, 5, 5, -1, -1, 7, 7, -1 }, x.data<float>().ToArray());
        Assert.Same(x.storage, x.T.unsqueeze(0).squeeze().storage);
    }

    [Fact]
    public void Modifying_a_view_bumps_the_version_seen_by_autograd()
    {
        var w = X(3).requires_grad_();
        var y = w * 2;
        var z = y * y;
        y[1] = 100.0;
        var ex = Assert.Throws<InvalidOperationException>(() => z.sum().backward());
        Assert.Contains("modified by an inplace operation", ex.Message);
    }

    [Fact]
    public void Transpose_then_view_fails_but_reshape_copies()
    {
        var x = X(2, 3).t();
        Assert.False(x.is_contiguous());
        Assert.Throws<InvalidOperationException>(() => x.view(6));
        var r = x.reshape(6);
        Assert.Equal(new[] { -1, -0.1, -0.7, 0.2, -0.4, 0.5 }, r.data<double>().ToArray().Select(v => Math.Round(v, 6)).ToArray());
        Assert.NotSame(x.storage, r.storage);
    }

    [Fact]
    public void View_errors_name_shapes_and_dims()
    {
        Assert.Contains("index 3 is out of bounds for dimension 0 with size 3", Assert.Throws<IndexOutOfRangeException>(() => X(3, 2).select(0, 3)).Message);
        Assert.Contains("Dimension out of range", Assert.Throws<IndexOutOfRangeException>(() => X(3, 2).transpose(0, 2)).Message);
        Assert.Contains("[2, 3]", Assert.Throws<ArgumentException>(() => X(2, 3).permute(0)).Message);
        Assert.Contains("repeated dim", Assert.Throws<ArgumentException>(() => X(2, 3).permute(1, 1)).Message);
        Assert.Contains("exceeds dimension size (4)", Assert.Throws<ArgumentException>(() => X(2, 4).narrow(1, 2, 3)).Message);
        Assert.Contains("step must be positive", Assert.Throws<ArgumentException>(() => X(5).slice(0, 4, 0, -1)).Message);
        Assert.Contains("don't multiply up to the size of dim 1 (6)", Assert.Throws<ArgumentException>(() => X(2, 6).unflatten(1, 4, 2)).Message);
        Assert.Contains("3D", Assert.Throws<InvalidOperationException>(() => X(2, 2, 2).t()).Message);
        Assert.Throws<InvalidOperationException>(() => X(3).mT);
    }

    [Fact]
    public void Shapes_of_squeeze_unsqueeze_and_flatten()
    {
        var x = X(1, 3, 1, 2);
        Assert.Equal(new long[] { 3, 2 }, x.squeeze().shape);
        Assert.Equal(new long[] { 1, 3, 2 }, x.squeeze(-2).shape);
        Assert.Equal(new long[] { 1, 3, 1, 2 }, x.squeeze(1).shape);
        Assert.Equal(new long[] { 1, 3, 1, 2, 1 }, x.unsqueeze(4).shape);
        Assert.Equal(new long[] { 1 }, tensor(2.0).flatten().shape);
        Assert.Equal(new long[] { 3, 2 }, x.flatten(0, 2).shape);
        Assert.Equal(new long[] { 2, 1, 3, 1 }, x.T.shape);
    }
}
