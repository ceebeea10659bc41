using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

/// <summary>matmul/mm/bmm/mv/dot/outer and linalg.eigh against PyTorch (fixtures/gen_linalg.py), gradient checks, errors.</summary>
[Collection(GlobalState.Name)] // one test changes the engine's thread count
public class LinalgTests
{
    public static IEnumerable<object[]> Products() =>
        Fixtures.Names("linalg").Where(n => !n[0].ToString()!.StartsWith("eigh"));

    static Tensor Apply(string name, Tensor a, Tensor b) => name switch
    {
        "bmm_f32" or "bmm_op" => a.bmm(b),
        "outer_op" => a.outer(b),
        "mv_op" => a.mv(b),
        "dot_op" => a.dot(b),
        _ => a.matmul(b),
    };

    /// <summary>The same values laid out transposed: a non-contiguous view.</summary>
    static Tensor NonContiguous(Tensor x) => x.ndim >= 2 ? x.mT.contiguous().mT : x;

    [Theory]
    [MemberData(nameof(Products))]
    public void Matches_pytorch_values_and_gradients(string name)
    {
        var c = Fixtures.Load("linalg")[name];
        var (a, b, w) = (c.In(0), c.In(1), c.In(2));
        if (name.StartsWith("transposed") || name.EndsWith("f32_transposed"))
        {
            (a, b) = (NonContiguous(a), NonContiguous(b));
            Assert.False(a.is_contiguous());
        }
        bool grads = c.Grad(0) is not null;
        if (grads) { a.requires_grad = true; b.requires_grad = true; }
        var output = Apply(name, a, b);
        if (a.dtype == float32) Fixtures.AssertClose(c.Out(0), output, 1e-4, 1e-4);
        else Fixtures.AssertClose(c.Out(0), output);
        if (!grads) return;
        (output * w).sum().backward();
        Fixtures.AssertClose(c.Grad(0)!, a.grad!, what: "grad a");
        Fixtures.AssertClose(c.Grad(1)!, b.grad!, what: "grad b");
    }

    static Tensor Rand(params long[] shape)
    {
        long n = shape.Aggregate(1L, (x, y) => x * y);
        var values = Enumerable.Range(0, (int)n).Select(i => Math.Sin(1.3 * i + shape.Length) * 1.5).ToArray();
        return tensor(values).reshape(shape);
    }

    public static IEnumerable<object[]> MatmulShapes() =>
    [
        [new long[] { 4 }, new long[] { 4 }],
        [new long[] { 3, 4 }, new long[] { 4 }],
        [new long[] { 4 }, new long[] { 4, 3 }],
        [new long[] { 3, 4 }, new long[] { 4, 2 }],
        [new long[] { 2, 3, 4 }, new long[] { 2, 4, 2 }],
        [new long[] { 2, 3, 4 }, new long[] { 4, 2 }],
        [new long[] { 3, 4 }, new long[] { 2, 4, 2 }],
        [new long[] { 4 }, new long[] { 2, 4, 2 }],
        [new long[] { 2, 3, 4 }, new long[] { 4 }],
        [new long[] { 2, 1, 3, 4 }, new long[] { 5, 4, 2 }],
    ];

    [Theory]
    [MemberData(nameof(MatmulShapes))]
    public void Matmul_gradcheck(long[] sa, long[] sb) => GradCheck.Check(x => x[0].matmul(x[1]), Rand(sa), Rand(sb));

    [Theory]
    [MemberData(nameof(MatmulShapes))]
    public void Matmul_gradgradcheck(long[] sa, long[] sb) => GradCheck.CheckGradGrad(x => x[0].matmul(x[1]), Rand(sa), Rand(sb));

    [Fact]
    public void Matmul_gradcheck_on_transposed_views() =>
        GradCheck.Check(x => x[0].mT.matmul(x[1].mT), Rand(4, 3), Rand(2, 4));

    [Fact] public void Mm_gradcheck() => GradCheck.Check(x => mm(x[0], x[1]), Rand(3, 5), Rand(5, 2));
    [Fact] public void Bmm_gradcheck() => GradCheck.Check(x => bmm(x[0], x[1]), Rand(2, 3, 4), Rand(2, 4, 3));
    [Fact] public void Outer_gradcheck() => GradCheck.Check(x => outer(x[0], x[1]), Rand(3), Rand(4));
    [Fact] public void Dot_gradcheck() => GradCheck.Check(x => dot(x[0], x[1]), Rand(5), Rand(5));
    [Fact] public void Mv_gradcheck() => GradCheck.Check(x => mv(x[0], x[1]), Rand(3, 5), Rand(5));

    [Fact]
    public void Matmul_broadcast_shape_follows_pytorch()
    {
        Assert.Equal(new long[] { 2, 5, 3, 2 }, matmul(zeros([2, 1, 3, 4]), zeros([5, 4, 2])).shape);
        Assert.Equal(new long[] { 2, 5 }, matmul(zeros([4]), zeros([2, 4, 5])).shape);
        Assert.Equal(new long[] { 2, 3 }, matmul(zeros([2, 3, 4]), zeros([4])).shape);
        Assert.Equal(Array.Empty<long>(), matmul(zeros([4]), zeros([4])).shape);
        Assert.Equal(new long[] { 3, 0 }, matmul(zeros([3, 0]), zeros([0, 0])).shape);
        Assert.Equal(new float[] { 0, 0, 0, 0 }, matmul(zeros([2, 0]), zeros([0, 2])).data<float>().ToArray());
    }

    [Fact]
    public void One_and_two_threads_agree()
    {
        var a = Rand(130, 257).to(float32);
        var b = Rand(257, 70).to(float32);
        int saved = get_num_threads();
        try
        {
            set_num_threads(1);
            var one = a.matmul(b).data<float>().ToArray();
            set_num_threads(2);
            var two = a.matmul(b).data<float>().ToArray();
            Assert.Equal(one, two);
            Assert.Equal(2, get_num_threads());
        }
        finally { set_num_threads(saved); }
        Assert.Throws<ArgumentException>(() => set_num_threads(0));
    }

    [Fact]
    public void Shape_errors_name_the_shapes()
    {
        Assert.Contains("mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)", Assert.Throws<ArgumentException>(() => mm(zeros([2, 3]), zeros([4, 5]))).Message);
        Assert.Contains("mat1 and mat2 shapes cannot be multiplied (3x4 and 5x2)", Assert.Throws<ArgumentException>(() => matmul(zeros([2, 3, 4]), zeros([5, 2]))).Message);
        var bmmError = Assert.Throws<ArgumentException>(() => bmm(zeros([2, 3, 4]), zeros([3, 4, 5]))).Message;
        Assert.Contains("[2, 3, 4]", bmmError);
        Assert.Contains("[3, 4, 5]", bmmError);
        var dotError = Assert.Throws<ArgumentException>(() => dot(zeros([3]), zeros([4]))).Message;
        Assert.Contains("3 and 4 elements", dotError);
        Assert.Contains("size mismatch, got input (2), mat (2x3), vec (4)", Assert.Throws<ArgumentException>(() => mv(zeros([2, 3]), zeros([4]))).Message);
        Assert.Contains("0D and 2D", Assert.Throws<ArgumentException>(() => matmul(zeros([]), zeros([2, 2]))).Message);
        Assert.Contains("must match the size", Assert.Throws<ArgumentException>(() => matmul(zeros([2, 3, 4]), zeros([3, 4, 5]))).Message);
        Assert.Contains("same dtype", Assert.Throws<ArgumentException>(() => mm(zeros([2, 2]), zeros([2, 2], float64))).Message);
        Assert.Contains("Expected 1-D", Assert.Throws<ArgumentException>(() => outer(zeros([2, 2]), zeros([2]))).Message);
        Assert.Contains("not implemented for 'Bool'", Assert.Throws<NotSupportedException>(() => mm(zeros([2, 2], ScalarType.Bool), zeros([2, 2], ScalarType.Bool))).Message);
        Assert.Contains("square", Assert.Throws<ArgumentException>(() => linalg.eigh(zeros([2, 3]))).Message);
    }

    [Theory]
    [InlineData("eigh_4x4", 'L')]
    [InlineData("eigh_hessian_2x2", 'L')]
    [InlineData("eigh_lower_only", 'L')]
    [InlineData("eigh_upper_only", 'U')]
    [InlineData("eigh_batch_f32", 'L')]
    public void Eigh_matches_pytorch_eigenvalues_and_satisfies_the_invariants(string name, char uplo)
    {
        var c = Fixtures.Load("linalg")[name];
        var input = c.In(0);
        var (values, vectors) = linalg.eigh(input, uplo);
        Fixtures.AssertClose(c.Out(0), values, 1e-5, 1e-5);
        Fixtures.AssertClose(c.Out(0), linalg.eigvalsh(input, uplo), 1e-5, 1e-5);

        // A·Q = Q·diag(L) on the symmetric matrix the chosen triangle defines, and QᵀQ = I.
        var a = input.to(float64);
        var full = uplo == 'L' ? Symmetric(a, lower: true) : Symmetric(a, lower: false);
        var q = vectors.to(float64);
        Fixtures.AssertClose(q * values.to(float64).unsqueezeLast(), full.matmul(q), 1e-5, 1e-5, "A·Q = Q·diag(L)");
        var n = input.shape[^1];
        var identity = tensor(Enumerable.Range(0, (int)(n * n)).Select(i => i / n == i % n ? 1.0 : 0.0).ToArray()).reshape(n, n);
        Fixtures.AssertClose(identity.expand(q.shape), q.mT.matmul(q), 1e-5, 1e-5, "QᵀQ = I");
    }

    [Fact]
    public void Eigh_of_the_hessian_example_is_exact()
    {
        var (values, _) = linalg.eigh(tensor(new double[] { 2, 1, 1, 3 }).reshape(2, 2));
        var expected = new[] { (5 - Math.Sqrt(5)) / 2, (5 + Math.Sqrt(5)) / 2 };
        Assert.Equal(expected[0], values.data<double>()[0], 12);
        Assert.Equal(expected[1], values.data<double>()[1], 12);
    }

    /// <summary>The symmetric matrix whose lower (or upper) triangle is that of <paramref name="a"/>.</summary>
    static Tensor Symmetric(Tensor a, bool lower)
    {
        var n = (int)a.shape[^1];
        var data = a.contiguous().data<double>().ToArray();
        for (int m = 0; m < data.Length; m += n * n)
            for (int i = 0; i < n; i++)
                for (int j = 0; j < i; j++)
                    if (lower) data[m + j * n + i] = data[m + i * n + j];
                    else data[m + i * n + j] = data[m + j * n + i];
        return tensor(data).reshape(a.shape);
    }
}

static class LinalgTestExtensions
{
    /// <summary>[..., n] → [..., 1, n]: eigenvalues broadcast along the rows, so Q * L scales column j by L[j].</summary>
    public static Tensor unsqueezeLast(this Tensor values) => values.reshape([.. values.shape[..^1], 1, values.shape[^1]]);
}
