using System.Text.Json;
using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

public class ReductionTests
{
    public static IEnumerable<object[]> Cases => Fixtures.Names("reductions");

    /// <summary>Runs one fixture case: the op named in args on the (optionally transposed) input; compares every
    /// output and the gradient of sum(output0 · w).</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_pytorch(string name)
    {
        var c = Fixtures.Load("reductions")[name];
        var x = c.In(0);
        if (c.Arg("t").GetBoolean()) x = x.PermuteView([1, 0]);
        if (x.is_floating_point()) x.requires_grad_();
        var outputs = Apply(c, x);
        for (int i = 0; i < outputs.Length; i++) Fixtures.AssertClose(c.Out(i), outputs[i], what: $"output {i}");
        if (c.Grad(0) is { } expected)
        {
            var y = outputs[0];
            y.mul(Weights(y.shape).to(y.dtype)).sum().backward();
            Fixtures.AssertClose(expected, x.grad!, what: "gradient");
        }
    }

    static Tensor[] Apply(FixtureCase c, Tensor x)
    {
        long? dim = Has(c, "dim") && c.Arg("dim").ValueKind == JsonValueKind.Number ? c.Arg("dim").GetInt64() : null;
        long[]? dims = Has(c, "dim") && c.Arg("dim").ValueKind == JsonValueKind.Array ? c.Arg("dim").EnumerateArray().Select(e => e.GetInt64()).ToArray() : null;
        bool keepdim = Has(c, "keepdim") && c.Arg("keepdim").GetBoolean();
        bool unbiased = !Has(c, "unbiased") || c.Arg("unbiased").GetBoolean();
        ScalarType? dtype = Has(c, "dtype") ? (c.Arg("dtype").GetString() == "float32" ? float32 : float64) : null;
        return c.Arg("op").GetString() switch
        {
            "mean" => [dims is null ? x.mean() : x.mean(dims, keepdim, dtype)],
            "var" => [dims is null ? x.var(unbiased) : x.var(dims, unbiased, keepdim)],
            "std" => [dims is null ? x.std(unbiased) : x.std(dims, unbiased, keepdim)],
            "max" => dim is { } d ? Pair(x.max(d, keepdim)) : [x.max()],
            "min" => dim is { } d ? Pair(x.min(d, keepdim)) : [x.min()],
            "argmax" => [dim is { } d ? x.argmax(d, keepdim) : x.argmax()],
            "argmin" => [dim is { } d ? x.argmin(d, keepdim) : x.argmin()],
            "prod" => [dim is { } d ? x.prod(d, keepdim) : x.prod()],
            "logsumexp" => [x.logsumexp(dim!.Value, keepdim)],
            "softmax" => [x.softmax(dim!.Value, dtype)],
            "log_softmax" => [x.log_softmax(dim!.Value, dtype)],
            "cumsum" => [x.cumsum(dim!.Value)],
            "sort" => Pair(x.sort(dim ?? -1, Has(c, "descending") && c.Arg("descending").GetBoolean(), Has(c, "stable"))),
            "topk" => Pair(x.topk(c.Arg("k").GetInt32(), (int)(dim ?? -1), !Has(c, "largest") || c.Arg("largest").GetBoolean())),
            var op => throw new InvalidDataException(op),
        };
    }

    static Tensor[] Pair((Tensor, Tensor) t) => [t.Item1, t.Item2];

    static bool Has(FixtureCase c, string arg)
    {
        try { c.Arg(arg); return true; }
        catch (KeyNotFoundException) { return false; }
    }

    /// <summary>The generator's weights: 0.5 + ((i·7919) mod 101) / 101.</summary>
    static Tensor Weights(long[] shape)
    {
        var n = (int)shape.Aggregate(1L, (a, b) => a * b);
        return tensor(Enumerable.Range(0, n).Select(i => 0.5 + ((i * 7919) % 101) / 101.0).ToArray()).reshape(shape);
    }

    static readonly Tensor X = tensor(new double[] { 0.3, -1.2, 2.1, 0.7, -0.4, 1.5, 0.9, -2.2, 0.1, 1.1, -0.6, 0.05, 1.8, -0.9, 0.45, -1.4, 0.2, 2.4, -0.3, 0.65, 1.25, -1.75, 0.85, -0.15 }, [2, 3, 4]);

    [Theory]
    [InlineData(new long[0], false)]
    [InlineData(new long[] { 1 }, false)]
    [InlineData(new long[] { -1, 0 }, true)]
    [InlineData(new long[] { 2 }, true)]
    public void Mean_gradcheck(long[] dims, bool keepdim) => GradCheck.Check(x => x[0].mean(dims, keepdim), X);

    [Theory]
    [InlineData(new long[] { 1 }, true, false)]
    [InlineData(new long[] { 1 }, false, true)]
    [InlineData(new long[] { -1, 0 }, true, true)]
    [InlineData(new long[0], false, false)]
    public void Var_and_std_gradcheck(long[] dims, bool unbiased, bool keepdim)
    {
        GradCheck.Check(x => x[0].var(dims, unbiased, keepdim), X);
        GradCheck.Check(x => x[0].std(dims, unbiased, keepdim), X);
    }

    [Fact]
    public void Var_all_overloads_agree()
    {
        Assert.Equal(X.var(false).item<double>(), X.var(Array.Empty<long>(), unbiased: false).item<double>(), 12);
        Assert.Equal(X.std(1, keepdim: true).shape, new long[] { 2, 1, 4 });
        Assert.Equal(var(X, 0).shape, new long[] { 3, 4 });
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(-1, false)]
    public void Max_min_over_dim_gradcheck(long dim, bool keepdim)
    {
        GradCheck.Check(x => x[0].max(dim, keepdim).values, X);
        GradCheck.Check(x => x[0].min(dim, keepdim).values, X);
    }

    [Fact]
    public void Max_min_all_gradcheck()
    {
        GradCheck.Check(x => x[0].max(), X);
        GradCheck.Check(x => x[0].min(), X);
    }

    [Fact]
    public void Max_of_all_shares_the_gradient_among_ties()
    {
        var x = tensor(new float[] { 1, 3, 3, 0 }).requires_grad_();
        x.max().backward();
        Assert.Equal(new float[] { 0, 0.5f, 0.5f, 0 }, x.grad!.data<float>().ToArray());
    }

    [Fact]
    public void Max_over_dim_returns_the_first_index_among_ties()
    {
        var (values, indexes) = tensor(new long[] { 2, 7, 7, 7, 1, 1 }, [2, 3]).max(1);
        Assert.Equal(new long[] { 7, 7 }, values.data<long>().ToArray());
        Assert.Equal(new long[] { 1, 0 }, indexes.data<long>().ToArray());
        Assert.Equal(ScalarType.Int64, argmax(tensor(new float[] { 0, 5, 5 })).dtype);
        Assert.Equal(1, argmax(tensor(new float[] { 0, 5, 5 })).item<long>());
        Assert.Equal(0, argmin(tensor(new float[] { 0, 5, 0 })).item<long>());
    }

    [Theory]
    [InlineData(new double[] { 0.5, -1.5, 2.0, 1.2, 0.7, -0.8 })]
    [InlineData(new double[] { 0.5, 0.0, 2.0, 1.2, 0.7, -0.8 })]
    [InlineData(new double[] { 0.0, 0.0, 2.0, 1.2, 0.0, -0.8 })]
    public void Prod_gradcheck_with_and_without_zeros(double[] values)
    {
        var x = tensor(values, [2, 3]);
        GradCheck.Check(t => t[0].prod(), x);
        GradCheck.Check(t => t[0].prod(1), x);
        GradCheck.Check(t => t[0].prod(0, keepdim: true), x);
    }

    [Theory]
    [InlineData(new double[] { 0.5, -1.5, 2.0, 1.2, 0.7, -0.8 })]
    [InlineData(new double[] { 0.5, 0.0, 2.0, 1.2, 0.7, -0.8 })]
    public void Prod_gradgrad(double[] values) => GradCheck.CheckGradGrad(t => t[0].prod(1), tensor(values, [2, 3]));

    [Fact]
    public void Prod_with_one_zero_has_the_product_of_the_others_as_gradient()
    {
        var x = tensor(new double[] { 2, 0, 3 }).requires_grad_();
        x.prod().backward();
        Assert.Equal(new double[] { 0, 6, 0 }, x.grad!.data<double>().ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-1)]
    public void Cumsum_gradcheck(long dim) => GradCheck.Check(x => x[0].cumsum(dim), X);

    [Fact]
    public void Sum_and_mean_gradgrad()
    {
        GradCheck.CheckGradGrad(x => (x[0] * x[0]).sum([1], keepdim: true) * x[0], X);
        GradCheck.CheckGradGrad(x => (x[0] * x[0]).mean([0, 2]), X);
        GradCheck.CheckGradGrad(x => x[0].mean([-1]) * x[0].mean(), X);
    }

    [Fact]
    public void Var_gradgrad() => GradCheck.CheckGradGrad(x => x[0].var([1]), X);

    [Fact]
    public void Int_inputs_keep_integer_results()
    {
        var x = tensor(new long[] { 4, -2, 9, 1 }, [2, 2]);
        Assert.Equal(ScalarType.Int64, x.max().dtype);
        Assert.Equal(9, x.max().item<long>());
        Assert.Equal(new long[] { -8, 9 }, x.prod(1).data<long>().ToArray());
        Assert.Equal(new long[] { 4, 2, 9, 10 }, x.cumsum(1).data<long>().ToArray());
        Assert.Equal(new long[] { 1, 1 }, x.argmax(0).data<long>().ToArray());
    }

    [Fact]
    public void Empty_reductions()
    {
        Assert.True(double.IsNaN(zeros([0, 3]).mean().item<float>()));
        Assert.Equal(new float[] { 1, 1 }, zeros([2, 0]).prod(1).data<float>().ToArray());
        Assert.Equal(new long[] { 0, 3 }, zeros([0, 3]).cumsum(1).shape);
        var ex = Assert.Throws<ArgumentException>(() => zeros([2, 0]).max(1));
        Assert.Contains("[2, 0]", ex.Message);
        Assert.Throws<ArgumentException>(() => zeros([0]).max());
    }

    [Fact]
    public void Zero_dim_tensors_accept_dim_0()
    {
        var x = tensor(2.5);
        Assert.Equal(2.5, x.max(0).values.item<double>());
        Assert.Equal(0, x.argmax(0).item<long>());
        Assert.Equal(1.0, x.softmax(0).item<double>());
        Assert.Equal(2.5, x.cumsum(-1).item<double>());
        Assert.Equal(2.5, x.sort().values.item<double>());
        Assert.Equal(2.5, x.mean([0]).item<double>());
        Assert.Empty(x.logsumexp(0).shape);
    }

    [Fact]
    public void Dim_out_of_range_names_the_range()
    {
        var x = zeros([2, 3]);
        var ex = Assert.Throws<IndexOutOfRangeException>(() => x.mean([5]));
        Assert.Equal("Dimension out of range (expected to be in range of [-2, 1], but got 5)", ex.Message);
        Assert.Contains("but got 5", Assert.Throws<IndexOutOfRangeException>(() => x.max(5)).Message);
        Assert.Contains("but got -3", Assert.Throws<IndexOutOfRangeException>(() => x.cumsum(-3)).Message);
        Assert.Contains("[-2, 1]", Assert.Throws<IndexOutOfRangeException>(() => x.var(2)).Message);
    }

    [Fact]
    public void Mean_and_var_of_integers_need_a_float_type()
    {
        var x = tensor(new long[] { 1, 2, 3 });
        Assert.Contains("Int64", Assert.Throws<ArgumentException>(() => x.mean()).Message);
        Assert.Contains("Int64", Assert.Throws<ArgumentException>(() => x.var()).Message);
        Assert.Equal(2.0, x.mean([0], type: float64).item<double>());
    }
}
