using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

public class SoftmaxTests
{
    static readonly Tensor X = tensor(new double[] { 0.3, -1.2, 2.1, 0.7, -0.4, 1.5, 0.9, -2.2, 0.1, 1.1, -0.6, 0.05, 1.8, -0.9, 0.45, -1.4, 0.2, 2.4, -0.3, 0.65, 1.25, -1.75, 0.85, -0.15 }, [2, 3, 4]);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-1)]
    public void Softmax_and_log_softmax_gradcheck(long dim)
    {
        GradCheck.Check(x => x[0].softmax(dim), X);
        GradCheck.Check(x => x[0].log_softmax(dim), X);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(-1, false)]
    public void Logsumexp_gradcheck(long dim, bool keepdim) => GradCheck.Check(x => x[0].logsumexp(dim, keepdim), X);

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    public void Softmax_log_softmax_logsumexp_gradgrad(long dim)
    {
        GradCheck.CheckGradGrad(x => x[0].softmax(dim), X);
        GradCheck.CheckGradGrad(x => x[0].log_softmax(dim), X);
        GradCheck.CheckGradGrad(x => x[0].logsumexp(dim), X);
    }

    [Fact]
    public void Softmax_of_large_values_stays_finite()
    {
        var x = tensor(new float[] { 1000, 1001 });
        var y = softmax(x, 0).data<float>().ToArray();
        Assert.Equal(0.26894142f, y[0], 6);
        Assert.Equal(0.73105858f, y[1], 6);
        Assert.Equal(-1.3132616f, log_softmax(x, 0).data<float>().ToArray()[0], 5);
        Assert.Equal(1001.3132616875182, logsumexp(x.to(float64), 0).item<double>(), 9);
    }

    [Fact]
    public void Softmax_rows_sum_to_one_along_a_non_last_dim()
    {
        var s = X.softmax(1).sum([1]).data<double>().ToArray();
        Assert.All(s, v => Assert.Equal(1.0, v, 12));
    }

    [Fact]
    public void Softmax_of_integers_needs_a_float_dtype()
    {
        var x = tensor(new long[] { 1, 2 });
        Assert.Contains("Int64", Assert.Throws<ArgumentException>(() => x.softmax(0)).Message);
        Assert.Equal(ScalarType.Float32, x.softmax(0, float32).dtype);
        Assert.Equal(ScalarType.Float32, x.logsumexp(0).dtype);
    }

    [Fact]
    public void Softmax_dim_out_of_range()
    {
        var ex = Assert.Throws<IndexOutOfRangeException>(() => zeros([2, 3]).softmax(5));
        Assert.Equal("Dimension out of range (expected to be in range of [-2, 1], but got 5)", ex.Message);
    }
}
