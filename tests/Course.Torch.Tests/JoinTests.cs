using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

public class JoinTests
{
    static Tensor X(params long[] shape) => ViewTests.X(shape);

    [Fact] public void Cat_gradcheck() => GradCheck.Check(x => cat([x[0], x[1].t(), x[0] * x[0]], 1), X(2, 3), X(1, 2));
    [Fact] public void Cat_gradgrad() => GradCheck.CheckGradGrad(x => cat([x[0] * x[1], x[1]], 0) * cat([x[1], x[0]], 0), X(2), X(2));
    [Fact] public void Stack_gradcheck() => GradCheck.Check(x => stack([x[0], x[1] * x[0]], -1), X(2, 3), X(2, 3));
    [Fact] public void Split_chunk_gradcheck() => GradCheck.Check(x => x[0].split([1, 3], 1)[1] * x[0].chunk(2, 1)[0].sum() + x[0].split(2, 1)[1].sum(), X(2, 4));

    [Fact]
    public void Cat_size_mismatch_names_dimension_sizes_and_tensor_number()
    {
        var ex = Assert.Throws<ArgumentException>(() => cat([zeros([2, 2]), zeros([3, 2])], 1));
        Assert.Equal("Sizes of tensors must match except in dimension 1. Expected size 2 but got size 3 for tensor number 1 in the list.", ex.Message);
        Assert.Contains("same number of dimensions: got 2 and 1", Assert.Throws<ArgumentException>(() => cat([zeros([2, 2]), zeros([2])])).Message);
        Assert.Contains("zero-dimensional", Assert.Throws<ArgumentException>(() => cat([zeros([]), zeros([])])).Message);
        Assert.Contains("[2, 3] at entry 0 and [2, 4] at entry 1", Assert.Throws<ArgumentException>(() => stack([zeros([2, 3]), zeros([2, 4])])).Message);
        Assert.Contains("sum exactly to 4", Assert.Throws<ArgumentException>(() => zeros([4]).split([1, 2])).Message);
    }

    [Fact]
    public void Cat_promotes_int_and_float()
    {
        var r = cat([tensor(new long[] { 1, 2 }), tensor(new double[] { 0.5 })]);
        Assert.Equal(ScalarType.Float64, r.dtype);
        Assert.Equal(new[] { 1, 2, 0.5 }, r.data<double>().ToArray());
        Assert.Equal(ScalarType.Int64, cat([tensor(new int[] { 1 }), tensor(new long[] { 2 })]).dtype);
    }

    [Fact]
    public void Split_and_chunk_return_views_of_the_right_sizes()
    {
        var x = X(7);
        Assert.Equal(new long[] { 3, 3, 1 }, x.chunk(3).Select(t => t.shape[0]).ToArray());
        Assert.Equal(new long[] { 2, 2, 2, 1 }, x.split(2).Select(t => t.shape[0]).ToArray());
        Assert.Equal(new long[] { 4, 3 }, x.chunk(2).Select(t => t.shape[0]).ToArray());
        Assert.Same(x.storage, x.split(3)[1].storage);
        Assert.Equal(new long[] { 2, 5 }, hstack([X(2, 3), X(2, 2)]).shape);
        Assert.Equal(new long[] { 2, 3 }, vstack([X(3), X(3)]).shape);
    }
}
