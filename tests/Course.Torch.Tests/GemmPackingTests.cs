using Course.Torch.Kernels;

namespace Course.Torch.Tests;

/// <summary>
/// The GEMM's packing paths for transposed operands (read along their contiguous axis) across several equal k-slices,
/// ragged tiles and threads: the shapes of a convolution's weight gradient (B = im2colᵀ) and input gradient (A = Wᵀ).
/// </summary>
public class GemmPackingTests
{
    static float[] Values(int count, int seed) => GemmTests.Values(count, seed);

    [Theory]
    [InlineData(6, 25, 784, 1)]   // LeNet conv1 weight gradient: k = 784 runs as 4 slices of 196
    [InlineData(64, 288, 300, 2)] // 3×3 conv weight gradient shape with a 2-slice k, two threads
    [InlineData(150, 100, 16, 1)] // LeNet conv2 input gradient: transposed A, shallow k
    public void Transposed_operands_over_several_k_slices_match_a_naive_loop(int m, int n, int k, int threads)
    {
        // Aᵀ stored k×m (offset 2) and Bᵀ stored n×k (offset 5), both read transposed.
        var a = new StridedMatrix<float>(Values(2 + k * m, 1), 2, m, 1).Transposed;
        var b = new StridedMatrix<float>(Values(5 + n * k, 2), 5, k, 1).Transposed;
        var c = Enumerable.Repeat(float.NaN, m * n).ToArray();
        Gemm.Multiply(m, n, k, a, b, c, 0, n, accumulate: false, threads);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double expected = 0;
                for (int p = 0; p < k; p++) expected += (double)a[i, p] * b[p, j];
                Assert.True(Math.Abs(expected - c[i * n + j]) <= 1e-6 * (k + 1), $"C[{i},{j}]: expected {expected}, got {c[i * n + j]}");
            }
    }
}
