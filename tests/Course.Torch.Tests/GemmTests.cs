using Course.Torch.Kernels;

namespace Course.Torch.Tests;

/// <summary>The GEMM kernel against a naive triple loop, on sizes that exercise ragged tiles, several cache blocks and threads.</summary>
public class GemmTests
{
    /// <summary>Deterministic values in [-1, 1) with a fixed seed.</summary>
    internal static float[] Values(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
    }

    static double[] Naive(int m, int n, int k, StridedMatrix<float> a, StridedMatrix<float> b)
    {
        var c = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int p = 0; p < k; p++) s += (double)a[i, p] * b[p, j];
                c[i * n + j] = s;
            }
        return c;
    }

    static void AssertNear(double[] expected, float[] actual, int k)
    {
        // float32 accumulation of k products of values below 1: error grows like k·2⁻²⁴.
        double tolerance = 1e-6 * (k + 1);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"element {i}: expected {expected[i]}, got {actual[i]}");
    }

    [Theory]
    [InlineData(1, 1, 1, 1)]
    [InlineData(7, 5, 13, 1)]
    [InlineData(65, 33, 129, 1)]
    [InlineData(8, 32, 16, 1)]      // exactly one AVX-512 tile
    [InlineData(9, 33, 17, 1)]      // one row and one column past a tile
    [InlineData(300, 270, 520, 2)]  // several MC row blocks, several KC slices, two threads
    [InlineData(5, 2100, 3, 2)]     // more columns than one NC panel
    [InlineData(3, 4, 0, 1)]        // empty inner dimension: C = 0
    public void Float32_matches_naive_loop(int m, int n, int k, int threads)
    {
        var a = new StridedMatrix<float>(Values(m * k, 1), 0, k, 1);
        var b = new StridedMatrix<float>(Values(k * n, 2), 0, n, 1);
        var c = Enumerable.Repeat(float.NaN, m * n).ToArray(); // overwritten, not accumulated
        Gemm.Multiply(m, n, k, a, b, c, 0, n, accumulate: false, threads);
        AssertNear(Naive(m, n, k, a, b), c, k);
    }

    [Fact]
    public void Transposed_operands_are_read_through_strides()
    {
        int m = 37, n = 45, k = 70;
        // Aᵀ stored as k×m and Bᵀ stored as n×k, read transposed without copies.
        var a = new StridedMatrix<float>(Values(k * m, 3), 0, m, 1).Transposed;
        var b = new StridedMatrix<float>(Values(n * k, 4), 0, k, 1).Transposed;
        Assert.Equal(1, a.RowStride);
        var c = new float[m * n];
        Gemm.Multiply(m, n, k, a, b, c, 0, n, accumulate: false, threads: 1);
        AssertNear(Naive(m, n, k, a, b), c, k);
    }

    [Fact]
    public void Accumulate_adds_to_C_with_an_offset_and_leading_dimension()
    {
        int m = 10, n = 20, k = 30, ldc = 25, offset = 7;
        var a = new StridedMatrix<float>(Values(m * k + 3, 5), 3, k, 1);
        var b = new StridedMatrix<float>(Values(k * n, 6), 0, n, 1);
        var c = Enumerable.Repeat(1f, offset + m * ldc).ToArray();
        Gemm.Multiply(m, n, k, a, b, c, offset, ldc, accumulate: true, threads: 1);
        var expected = Naive(m, n, k, a, b);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
                Assert.True(Math.Abs(expected[i * n + j] + 1 - c[offset + i * ldc + j]) < 1e-4);
        Assert.Equal(1f, c[offset + n]); // padding between rows untouched
        Assert.Equal(1f, c[0]);
    }

    [Fact]
    public void Float64_and_int64_paths_are_exact()
    {
        var ad = new double[] { 1, 2, 3, 4, 5, 6 };          // 2×3
        var bd = new double[] { 7, 8, 9, 10, 11, 12 };       // 3×2
        var cd = new double[4];
        Gemm.Multiply(2, 2, 3, new StridedMatrix<double>(ad, 0, 3, 1), new StridedMatrix<double>(bd, 0, 2, 1), cd, 0, 2, false, 1);
        Assert.Equal(new double[] { 58, 64, 139, 154 }, cd);

        var cl = new long[4];
        Gemm.Multiply(2, 2, 3, new StridedMatrix<long>(ad.Select(v => (long)v).ToArray(), 0, 3, 1),
            new StridedMatrix<long>([7, 9, 11, 8, 10, 12], 0, 3, 1).Transposed, cl, 0, 2, false, 1); // Bᵀ stored row-major
        Assert.Equal(new long[] { 58, 64, 139, 154 }, cl);
    }

    [Fact]
    public void One_and_two_threads_give_identical_results()
    {
        int m = 200, n = 150, k = 300;
        var a = new StridedMatrix<float>(Values(m * k, 7), 0, k, 1);
        var b = new StridedMatrix<float>(Values(k * n, 8), 0, n, 1);
        var one = new float[m * n];
        var two = new float[m * n];
        Gemm.Multiply(m, n, k, a, b, one, 0, n, false, 1);
        Gemm.Multiply(m, n, k, a, b, two, 0, n, false, 2);
        Assert.Equal(one, two);
    }
}
