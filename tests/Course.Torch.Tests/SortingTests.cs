using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

public class SortingTests
{
    static readonly Tensor X = tensor(new double[] { 0.3, -1.2, 2.1, 0.7, -0.4, 1.5, 0.9, -2.2, 0.1, 1.1, -0.6, 0.05, 1.8, -0.9, 0.45, -1.4, 0.2, 2.4, -0.3, 0.65, 1.25, -1.75, 0.85, -0.15 }, [2, 3, 4]);

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(-1, false)]
    public void Sort_gradcheck(long dim, bool descending) => GradCheck.Check(x => x[0].sort(dim, descending).values, X);

    [Theory]
    [InlineData(2, 0, true)]
    [InlineData(1, 1, false)]
    [InlineData(3, -1, true)]
    public void Topk_gradcheck(int k, int dim, bool largest) => GradCheck.Check(x => x[0].topk(k, dim, largest).values, X);

    [Fact]
    public void Sort_topk_max_gradgrad()
    {
        GradCheck.CheckGradGrad(x => x[0].sort(1).values * x[0].sort(1).values, X);
        GradCheck.CheckGradGrad(x => x[0].topk(2, 0).values * x[0].topk(2, 0).values, X);
        GradCheck.CheckGradGrad(x => x[0].max(-1).values * x[0].sum([-1]), X);
    }

    [Fact]
    public void Sort_is_stable_for_ties_in_both_directions()
    {
        var x = tensor(new float[] { 2, 1, 2, 1, 0 });
        Assert.Equal(new long[] { 4, 1, 3, 0, 2 }, x.sort().indices.data<long>().ToArray());
        Assert.Equal(new long[] { 0, 2, 1, 3, 4 }, sort(x, descending: true).indices.data<long>().ToArray());
    }

    [Fact]
    public void Topk_takes_the_lower_index_among_ties()
    {
        var (values, indices) = tensor(new float[] { 4, 4, 4, 4 }).topk(2);
        Assert.Equal(new float[] { 4, 4 }, values.data<float>().ToArray());
        Assert.Equal(new long[] { 0, 1 }, indices.data<long>().ToArray());
    }

    [Fact]
    public void Topk_gradient_goes_to_the_chosen_sources()
    {
        var x = tensor(new float[] { 1, 9, 3, 7 }).requires_grad_();
        var (values, _) = topk(x, 2);
        (values * tensor(new float[] { 10, 20 })).sum().backward();
        Assert.Equal(new float[] { 0, 10, 0, 20 }, x.grad!.data<float>().ToArray());
    }

    [Fact]
    public void Topk_with_k_larger_than_the_dim_names_k_and_the_size()
    {
        var ex = Assert.Throws<ArgumentException>(() => zeros([2, 3]).topk(5));
        Assert.Contains("k (5)", ex.Message);
        Assert.Contains("size 3", ex.Message);
        Assert.Contains("[2, 3]", ex.Message);
    }

    [Fact]
    public void Sort_of_bools_and_bad_dim()
    {
        var (values, indices) = tensor(new[] { true, false, true }).sort();
        Assert.Equal(new[] { false, true, true }, values.data<bool>().ToArray());
        Assert.Equal(new long[] { 1, 0, 2 }, indices.data<long>().ToArray());
        Assert.Contains("but got 2", Assert.Throws<IndexOutOfRangeException>(() => zeros([2, 3]).sort(2)).Message);
    }
}
