using System.Numerics;
using Course.Torch.Kernels;

namespace Course.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>
        /// Matrix product with PyTorch's rules: 1-D·1-D is the dot product; 2-D·2-D the matrix product; a 1-D left
        /// operand is treated as a row [1, k] and a 1-D right operand as a column [k, 1] (that dim is removed again);
        /// with more dims the leading "batch" dims broadcast, e.g. [2,1,3,4]·[5,4,2] → [2,5,3,2].
        /// out[..., i, j] = Σ_k this[..., i, k] · target[..., k, j].
        /// </summary>
        /// <exception cref="ArgumentException">For 0-D operands, mismatched inner sizes or batch dims that do not broadcast.</exception>
        public Tensor matmul(Tensor target)
        {
            if (ndim == 0 || target.ndim == 0)
                throw new ArgumentException($"both arguments to matmul need to be at least 1D, but they are {ndim}D and {target.ndim}D");
            if (ndim == 1 && target.ndim == 1) return dot(target);
            if (ndim == 2 && target.ndim == 1) return mv(target);
            var left = ndim == 1 ? reshape(1, _shape[0]) : this;
            var right = target.ndim == 1 ? target.reshape(target._shape[0], 1) : target;
            CheckMatrices(left, right);
            var result = MatMul(left, right);
            var shape = result._shape.ToList();
            if (target.ndim == 1) shape.RemoveAt(shape.Count - 1);
            if (ndim == 1) shape.RemoveAt(shape.Count - 2);
            return result.reshape([.. shape]);
        }

        /// <summary>The product of two matrices: out[i, j] = Σ_k this[i, k] · target[k, j].</summary>
        /// <exception cref="ArgumentException">When an operand is not 2-D or the inner sizes differ.</exception>
        public Tensor mm(Tensor target)
        {
            if (ndim != 2) throw new ArgumentException($"self must be a matrix, but got a {ndim}-D tensor of shape {ShapeString(_shape)}");
            if (target.ndim != 2) throw new ArgumentException($"mat2 must be a matrix, but got a {target.ndim}-D tensor of shape {ShapeString(target._shape)}");
            CheckMatrices(this, target);
            return MatMul(this, target);
        }

        /// <summary>Batched matrix product of two 3-D tensors with equal batch size (no broadcasting):
        /// out[b, i, j] = Σ_k this[b, i, k] · batch2[b, k, j].</summary>
        /// <exception cref="ArgumentException">When an operand is not 3-D, or the batch or inner sizes differ.</exception>
        public Tensor bmm(Tensor batch2)
        {
            if (ndim != 3) throw new ArgumentException($"batch1 must be a 3D tensor, but got shape {ShapeString(_shape)}");
            if (batch2.ndim != 3) throw new ArgumentException($"batch2 must be a 3D tensor, but got shape {ShapeString(batch2._shape)}");
            if (_shape[0] != batch2._shape[0] || _shape[2] != batch2._shape[1])
                throw new ArgumentException($"Expected size for first two dimensions of batch2 tensor to be: [{_shape[0]}, {_shape[2]}] but got: [{batch2._shape[0]}, {batch2._shape[1]}] (batch1 {ShapeString(_shape)}, batch2 {ShapeString(batch2._shape)}).");
            CheckMatrices(this, batch2);
            return MatMul(this, batch2);
        }

        /// <summary>Matrix times vector: out[i] = Σ_k this[i, k] · target[k].</summary>
        /// <exception cref="ArgumentException">When this is not 2-D, target not 1-D, or the sizes differ.</exception>
        public Tensor mv(Tensor target)
        {
            if (ndim != 2 || target.ndim != 1)
                throw new ArgumentException($"vector + matrix @ vector expected, got {ndim}D matrix and {target.ndim}D vector (shapes {ShapeString(_shape)} and {ShapeString(target._shape)})");
            if (_shape[1] != target._shape[0])
                throw new ArgumentException($"size mismatch, got input ({_shape[0]}), mat ({_shape[0]}x{_shape[1]}), vec ({target._shape[0]})");
            CheckSameDtype(this, target);
            return MatMul(this, target.reshape(target._shape[0], 1)).reshape(_shape[0]);
        }

        /// <summary>The dot product of two 1-D tensors of equal size: Σ_i this[i] · target[i], as a 0-D tensor.</summary>
        /// <exception cref="ArgumentException">When an operand is not 1-D, the sizes differ or the dtypes differ.</exception>
        public Tensor dot(Tensor target)
        {
            if (ndim != 1 || target.ndim != 1)
                throw new ArgumentException($"1D tensors expected, but got {ndim}D and {target.ndim}D tensors");
            if (_shape[0] != target._shape[0])
                throw new ArgumentException($"inconsistent tensor size, expected tensor [{_shape[0]}] and src [{target._shape[0]}] to have the same number of elements, but got {_shape[0]} and {target._shape[0]} elements respectively");
            if (dtype != target.dtype)
                throw new ArgumentException($"dot : expected both vectors to have same dtype, but found {dtype} and {target.dtype}");
            return MatMul(reshape(1, _shape[0]), target.reshape(target._shape[0], 1)).reshape();
        }

        /// <summary>The outer product of two 1-D tensors: out[i, j] = this[i] · vec2[j] (dtypes promote as in mul).</summary>
        /// <exception cref="ArgumentException">When an operand is not 1-D.</exception>
        public Tensor outer(Tensor vec2)
        {
            if (ndim != 1) throw new ArgumentException($"outer: Expected 1-D argument self, but got {ndim}-D");
            if (vec2.ndim != 1) throw new ArgumentException($"outer: Expected 1-D argument vec2, but got {vec2.ndim}-D");
            return reshape(_shape[0], 1).mul(vec2.reshape(1, vec2._shape[0]));
        }

        /// <summary>Same inner size and dtype for a [..., n, k]·[..., k, p] product (PyTorch's mm message).</summary>
        static void CheckMatrices(Tensor a, Tensor b)
        {
            if (a._shape[^1] != b._shape[^2])
                throw new ArgumentException($"mat1 and mat2 shapes cannot be multiplied ({a._shape[^2]}x{a._shape[^1]} and {b._shape[^2]}x{b._shape[^1]})");
            CheckSameDtype(a, b);
        }

        static void CheckSameDtype(Tensor a, Tensor b)
        {
            if (a.dtype != b.dtype)
                throw new ArgumentException($"expected m1 and m2 to have the same dtype, but got: {a.dtype} != {b.dtype}");
        }

        /// <summary>
        /// [..., n, k]·[..., k, p] → [broadcast(...), n, p], one GEMM per batch element on strided views (a transposed
        /// or expanded operand is never copied). Backward: dA = g·Bᵀ, dB = Aᵀ·g, each summed over the batch dims
        /// its operand was broadcast along; both are matmuls themselves, so double backward works.
        /// </summary>
        static Tensor MatMul(Tensor a, Tensor b)
        {
            var batch = broadcast_shapes(a._shape[..^2], b._shape[..^2]);
            long n = a._shape[^2], k = a._shape[^1], p = b._shape[^1];
            var result = Empty([.. batch, n, p], a.dtype);
            var left = a.detach().expand([.. batch, n, k]);
            var right = b.detach().expand([.. batch, k, p]);
            switch (result.storage.Data)
            {
                case float[]: Batched<float>(left, right, result); break;
                case double[]: Batched<double>(left, right, result); break;
                case long[]: Batched<long>(left, right, result); break;
                case int[]: Batched<int>(left, right, result); break;
                case byte[]: Batched<byte>(left, right, result); break;
                default: throw new NotSupportedException($"\"addmm_impl_cpu_\" not implemented for '{a.dtype}'");
            }
            return result.WithGrad(a.ndim == 2 && b.ndim == 2 ? "MmBackward0" : "BmmBackward0", [a, b],
                g => [a.requires_grad ? MatMul(g, b.mT).SumTo(a._shape) : null,
                      b.requires_grad ? MatMul(a.mT, g).SumTo(b._shape) : null],
                a, b);
        }

        /// <summary>c[i] = a[i]·b[i] for every batch index i. Many small matrices run in parallel over the batch;
        /// large ones one after another, each using the GEMM's own threads.</summary>
        static void Batched<T>(Tensor a, Tensor b, Tensor c) where T : unmanaged, INumber<T>
        {
            int n = (int)c._shape[^2], p = (int)c._shape[^1], k = (int)a._shape[^1];
            var batchShape = c._shape[..^2];
            var aStarts = Strided.Offsets(batchShape, a._strides[..^2], a._offset);
            var bStarts = Strided.Offsets(batchShape, b._strides[..^2], b._offset);
            T[] aData = a.Elements<T>(), bData = b.Elements<T>(), cData = c.Elements<T>();
            void One(int i, int threads) => Gemm.Multiply(n, p, k,
                new StridedMatrix<T>(aData, aStarts[i], a._strides[^2], a._strides[^1]),
                new StridedMatrix<T>(bData, bStarts[i], b._strides[^2], b._strides[^1]),
                cData, i * n * p, p, accumulate: false, threads);

            int threads = get_num_threads();
            if (threads > 1 && aStarts.Length > 1 && (long)n * p * k < 1L << 20)
                Parallel.For(0, aStarts.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, i => One(i, 1));
            else
                for (int i = 0; i < aStarts.Length; i++) One(i, threads);
        }
    }

    /// <summary>Matrix product with broadcasting; see <see cref="Tensor.matmul"/>.</summary>
    public static Tensor matmul(Tensor input, Tensor other) => input.matmul(other);

    /// <summary>The product of two matrices; see <see cref="Tensor.mm"/>.</summary>
    public static Tensor mm(Tensor input, Tensor mat2) => input.mm(mat2);

    /// <summary>Batched matrix product of two 3-D tensors; see <see cref="Tensor.bmm"/>.</summary>
    public static Tensor bmm(Tensor input, Tensor batch2) => input.bmm(batch2);

    /// <summary>Matrix times vector; see <see cref="Tensor.mv"/>.</summary>
    public static Tensor mv(Tensor input, Tensor vec) => input.mv(vec);

    /// <summary>Dot product of two 1-D tensors; see <see cref="Tensor.dot"/>.</summary>
    public static Tensor dot(Tensor input, Tensor other) => input.dot(other);

    /// <summary>Outer product of two 1-D tensors; see <see cref="Tensor.outer"/>.</summary>
    public static Tensor outer(Tensor input, Tensor vec2) => input.outer(vec2);

    /// <summary>Linear algebra beyond products: eigen-decomposition of symmetric matrices.</summary>
    public static partial class linalg
    {
        /// <summary>
        /// Eigenvalues L (ascending) and orthonormal eigenvectors Q (columns) of symmetric matrices, A = Q·diag(L)·Qᵀ,
        /// for input shape [..., n, n]. Only the lower (<paramref name="UPLO"/> 'L') or upper ('U') triangle is read.
        /// Computed by the cyclic Jacobi method in float64: repeated plane rotations JᵀAJ, each zeroing one
        /// off-diagonal pair, until the off-diagonal mass vanishes; Q is the product of the rotations. Meant for
        /// small matrices (O(n³) per sweep). Each eigenvector's sign is arbitrary (it may differ from LAPACK's).
        /// No gradient: the outputs are not tracked by autograd.
        /// </summary>
        /// <exception cref="ArgumentException">For non-square or non-float input, or UPLO other than 'L'/'U'.</exception>
        public static (Tensor L, Tensor Q) eigh(Tensor input, char UPLO = 'L')
        {
            if (UPLO is not ('L' or 'U')) throw new ArgumentException($"Expected UPLO argument to be 'L' or 'U', but got {UPLO}");
            if (input.ndim < 2 || input._shape[^1] != input._shape[^2])
                throw new ArgumentException($"linalg.eigh: A must be batches of square matrices, but got shape {ShapeString(input._shape)}");
            if (!input.is_floating_point())
                throw new ArgumentException($"linalg.eigh: Expected a floating point tensor as input. Got {input.dtype}");
            int n = (int)input._shape[^1];
            var a = input.detach().to(ScalarType.Float64).contiguous().Span<double>().ToArray();
            var values = Tensor.Empty([.. input._shape[..^1]], ScalarType.Float64);
            var vectors = Tensor.Empty(input._shape, ScalarType.Float64);
            for (int m = 0; m < a.Length / Math.Max(n * n, 1); m++)
                Jacobi(a.AsSpan(m * n * n, n * n), n, UPLO == 'U', values.Span<double>().Slice(m * n, n), vectors.Span<double>().Slice(m * n * n, n * n));
            return (values.to(input.dtype), vectors.to(input.dtype));
        }

        /// <summary>The eigenvalues of symmetric matrices, ascending; see <see cref="eigh"/>.</summary>
        public static Tensor eigvalsh(Tensor input, char UPLO = 'L') => eigh(input, UPLO).L;

        static void Jacobi(Span<double> a, int n, bool upper, Span<double> values, Span<double> vectors)
        {
            // Symmetrise from the chosen triangle; V starts as the identity.
            for (int i = 0; i < n; i++)
                for (int j = 0; j < i; j++)
                    a[j * n + i] = a[i * n + j] = upper ? a[j * n + i] : a[i * n + j];
            var v = new double[n * n];
            for (int i = 0; i < n; i++) v[i * n + i] = 1;

            for (int sweep = 0; sweep < 100; sweep++)
            {
                double off = 0, total = 0;
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < n; j++) { total += a[i * n + j] * a[i * n + j]; if (i != j) off += a[i * n + j] * a[i * n + j]; }
                if (off <= 1e-30 * total) break;
                for (int p = 0; p < n - 1; p++)
                    for (int q = p + 1; q < n; q++)
                    {
                        double apq = a[p * n + q];
                        if (apq == 0) continue;
                        // Rotation angle that zeroes a[p,q]: θ = (a_qq − a_pp)/(2 a_pq), t = tan = sgn(θ)/(|θ| + √(θ²+1)).
                        double theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
                        double t = (theta >= 0 ? 1 : -1) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                        double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
                        for (int r = 0; r < n; r++) Rotate(ref a[r * n + p], ref a[r * n + q], c, s);   // A·J
                        for (int r = 0; r < n; r++) Rotate(ref a[p * n + r], ref a[q * n + r], c, s);   // Jᵀ·(A·J)
                        for (int r = 0; r < n; r++) Rotate(ref v[r * n + p], ref v[r * n + q], c, s);   // V·J
                    }
            }

            // Sort ascending, carrying the eigenvector columns along.
            var diagonal = new double[n];
            for (int i = 0; i < n; i++) diagonal[i] = a[i * n + i];
            var order = Enumerable.Range(0, n).OrderBy(i => diagonal[i]).ToArray();
            for (int j = 0; j < n; j++)
            {
                values[j] = diagonal[order[j]];
                for (int r = 0; r < n; r++) vectors[r * n + j] = v[r * n + order[j]];
            }
        }

        /// <summary>(x, y) ← (c·x − s·y, s·x + c·y).</summary>
        static void Rotate(ref double x, ref double y, double c, double s) => (x, y) = (c * x - s * y, s * x + c * y);
    }
}
