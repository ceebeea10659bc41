using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

public class IndexingTests
{
    static Tensor X(params long[] shape) => ViewTests.X(shape);
    static Tensor L(params long[] values) => tensor(values);

    [Fact] public void Basic_index_gradcheck() => GradCheck.Check(x => x[0][1.., ^2..] * x[0][TensorIndex.Ellipsis, 0].sum() + x[0][TensorIndex.None, 0, TensorIndex.Slice(step: 2)].sum(), X(3, 4));
    [Fact] public void Advanced_index_gradcheck() => GradCheck.Check(x => x[0][L(2, 0, 2), L(1, 1, 3)] * x[0][TensorIndex.Colon, TensorIndex.Tensor(L(0, 0))].sum(), X(3, 4));
    [Fact] public void Mask_index_gradcheck() => GradCheck.Check(x => x[0][tensor(new[] { true, false, true, true, false, true }).reshape(2, 3)] * x[0][tensor(new[] { false, true })].sum(), X(2, 3));
    [Fact] public void Advanced_index_gradgrad() => GradCheck.CheckGradGrad(x => x[0][L(1, 1, 0)] * x[0][L(0, 2, 2)], X(3));
    [Fact] public void Index_select_gradcheck() => GradCheck.Check(x => x[0].index_select(1, L(3, 0, 3)) * x[0].t().index_select(0, L(1)).sum(), X(2, 4));
    [Fact] public void Gather_gradcheck() => GradCheck.Check(x => x[0].gather(1, L(0, 0, 2, 1, 1, 1).reshape(3, 2)), X(3, 3));
    [Fact] public void Gather_gradgrad() => GradCheck.CheckGradGrad(x => x[0].gather(0, L(1, 1, 0)) * x[0].gather(0, L(0, 1, 1)), X(3));
    [Fact] public void Scatter_gradcheck() => GradCheck.Check(x => x[0].scatter(1, L(2, 0, 1, 0).reshape(2, 2), x[1]), X(2, 3), X(2, 2));
    [Fact] public void Scatter_add_gradcheck() => GradCheck.Check(x => x[0].scatter_add(0, L(1, 1, 0).reshape(3, 1), x[1]) * x[0], X(2, 1), X(3, 1));
    [Fact] public void Index_add_gradcheck() => GradCheck.Check(x => x[0].index_add(0, L(1, 1, 0), x[1], alpha: -1.5), X(2, 2), X(3, 2));
    [Fact] public void Index_put_gradcheck() => GradCheck.Check(x => { var y = x[0] * 1.0; y[L(2, 0)] = x[1]; y[1, TensorIndex.Colon] = x[1][0] * 3; return y; }, X(3, 2), X(2, 2));
    [Fact] public void Index_put_gradgrad() => GradCheck.CheckGradGrad(x => { var y = x[0] * x[0]; y[L(1)] = x[0][0] * x[0][2]; y[TensorIndex.Slice(2)] = x[0][1]; return y * x[0]; }, X(3));

    [Fact]
    public void Setters_write_values_with_broadcasting()
    {
        var x = zeros([3, 4]);
        x[0, 0] = 35;
        x[1..3] = tensor(new float[] { 1, 2, 3, 4 });
        x[TensorIndex.Ellipsis, -1] = tensor(9f);
        var lastColumn = tensor(Enumerable.Range(0, 12).Select(i => i % 4 == 3).ToArray()).reshape(3, 4);
        x[lastColumn] = x[lastColumn] + 1; // mask read and mask write
        Assert.Equal(new float[] { 35, 0, 0, 10, 1, 2, 3, 10, 1, 2, 3, 10 }, x.data<float>().ToArray());
        x[L(0, 2), L(1, 1)] = tensor(new float[] { -5, -6 });
        Assert.Equal(-5f, x[0, 1].item<float>());
        Assert.Equal(-6f, x[2, 1].item<float>());
    }

    [Fact]
    public void Setter_on_leaf_requiring_grad_is_refused_and_bumps_version_otherwise()
    {
        var w = ones([3], requires_grad: true);
        Assert.Throws<InvalidOperationException>(() => w[0] = 2.0f);
        int before = w.storage.Version;
        using (no_grad()) w[0] = 2.0f;
        Assert.True(w.storage.Version > before);
        Assert.Equal(new float[] { 2, 1, 1 }, w.data<float>().ToArray());
    }

    [Fact]
    public void Reads_share_storage_for_basic_and_copy_for_advanced()
    {
        var x = X(3, 4);
        Assert.Same(x.storage, x[1, TensorIndex.Slice(1, 3)].storage);
        Assert.NotSame(x.storage, x[L(1)].storage);
        Assert.Equal(0, x[TensorIndex.Bool(false)].numel());
        Assert.Equal(new long[] { 0, 4 }, x[3..1].shape);
        Assert.Equal(new long[] { 2 }, x[0, TensorIndex.Slice(null, null, 3)].shape);
        Assert.Equal(x[2, 3].item<double>(), x[^1][^1].item<double>());
        Assert.Equal(new long[] { 2, 1 }, x[1.., (2, 3)].shape);
        Assert.Equal(new long[] { 3 }, x[TensorIndex.Colon, 0, TensorIndex.Ellipsis].shape);
    }

    [Fact]
    public void Index_errors_name_index_dimension_and_size()
    {
        var x = zeros([3, 4]);
        Assert.Equal("index 5 is out of bounds for dimension 0 with size 3", Assert.Throws<IndexOutOfRangeException>(() => x[5]).Message);
        Assert.Equal("index -5 is out of bounds for dimension 1 with size 4", Assert.Throws<IndexOutOfRangeException>(() => x[0, -5]).Message);
        Assert.Equal("index 3 is out of bounds for dimension 0 with size 3", Assert.Throws<IndexOutOfRangeException>(() => x[L(0, 3)]).Message);
        Assert.Contains("too many indices for tensor of dimension 2", Assert.Throws<IndexOutOfRangeException>(() => x[0, 0, 0]).Message);
        Assert.Contains("single ellipsis", Assert.Throws<ArgumentException>(() => x[TensorIndex.Ellipsis, TensorIndex.Ellipsis]).Message);
        Assert.Contains("step must be positive", Assert.Throws<ArgumentException>(() => x[TensorIndex.Slice(null, null, -1)]).Message);
        Assert.Contains("mask [2]", Assert.Throws<IndexOutOfRangeException>(() => x[tensor(new[] { true, false })]).Message);
        Assert.Contains("must be long, int, byte or bool", Assert.Throws<IndexOutOfRangeException>(() => x[tensor(new[] { 1.0f })]).Message);
        Assert.Contains("index 4 is out of bounds for dimension 1 with size 4", Assert.Throws<IndexOutOfRangeException>(() => x.index_select(1, L(4))).Message);
        Assert.Contains("Expected dtype int64 for index", Assert.Throws<ArgumentException>(() => x.gather(0, tensor(new[] { 0 }).reshape(1, 1))).Message);
        Assert.Contains("index 7 is out of bounds for dimension 1 with size 4", Assert.Throws<IndexOutOfRangeException>(() => x.gather(1, L(7).reshape(1, 1))).Message);
        Assert.Contains("same number of dimensions", Assert.Throws<ArgumentException>(() => x.scatter(0, L(1), tensor(new float[] { 1 }))).Message);
        Assert.Contains("Size does not match at dimension 1", Assert.Throws<ArgumentException>(() => x.gather(0, L(0, 0, 0, 0, 0).reshape(1, 5))).Message);
    }

    [Fact]
    public void Scatter_in_place_and_gather_grads_accumulate()
    {
        var x = zeros([2, 3]);
        x.scatter_(1, L(2, 0).reshape(2, 1), 4.0);
        x.scatter_add_(0, L(1, 1, 1).reshape(1, 3), ones([1, 3]));
        Assert.Equal(new float[] { 0, 0, 4, 5, 1, 1 }, x.data<float>().ToArray());

        var w = X(3).requires_grad_();
        w.gather(0, L(2, 2, 2, 0)).sum().backward();
        Assert.Equal(new double[] { 1, 0, 3 }, w.grad!.data<double>().ToArray());
    }
}
