using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Course.Torch.Kernels;

/// <summary>A matrix inside a flat array: element (i, j) lives at Data[Offset + i·RowStride + j·ColStride].
/// Strides make a transposed operand free: swap the two strides.</summary>
internal readonly record struct StridedMatrix<T>(T[] Data, long Offset, long RowStride, long ColStride)
{
    public T this[long i, long j] => Data[Offset + i * RowStride + j * ColStride];

    /// <summary>The transpose, as a view: same data, strides swapped.</summary>
    public StridedMatrix<T> Transposed => this with { RowStride = ColStride, ColStride = RowStride };
}

/// <summary>
/// General matrix multiply: C[i,j] (+)= Σ_k A[i,k]·B[k,j] for an m×k A, a k×n B and a row-major m×n C.
///
/// float32 uses the GotoBLAS/BLIS scheme. Three loops cut the problem into blocks sized for the caches, and a
/// register "micro-kernel" computes one MR×NR tile of C as kc rank-1 updates held entirely in vector registers:
///   for jc in steps of NC:                 B panel kc×NC packed once per (jc, pc), shared by all threads (L2/L3)
///     for pc in steps of KC:               KC = 256: one k-slice
///       for ic in steps of MC (parallel):  A block MC×kc packed per task, MC = 96 → 96 KB, stays in L2 (1 MB)
///         for jr in steps of NR:           one kc×NR micro-panel of B: 256·32·4 B = 32 KB, fits L1 (48 KB)
///           for ir in steps of MR:         micro-kernel: MR×NR tile of C += A slab (MR×kc) · B slab (kc×NR)
/// Packing copies each block into the exact order the micro-kernel reads it (contiguous, 64-byte aligned, zero
/// padded to whole tiles), so the kernel never sees strides, transposes or ragged edges.
/// Micro-kernels: AVX-512 8×32 (16 zmm accumulators: enough independent FMAs to hide the 4-cycle latency on two
/// FMA pipes), AVX2/FMA 6×16 (12 ymm accumulators), else a portable Vector128 4×8.
/// float64 and integers use a simple row-times-row loop (C row += A[i,k]·B row) vectorised by TensorPrimitives.
/// </summary>
internal static unsafe class Gemm
{
    const int KC = 256, MC = 96, NC = 2048;

    static readonly int MR = Avx512F.IsSupported ? 8 : Fma.IsSupported ? 6 : 4;
    static readonly int NR = Avx512F.IsSupported ? 32 : Fma.IsSupported ? 16 : 8;

    /// <summary>C (+)= A·B where C is row-major with leading dimension <paramref name="ldc"/>.
    /// Without <paramref name="accumulate"/> C is overwritten.</summary>
    public static void Multiply<T>(int m, int n, int k, StridedMatrix<T> a, StridedMatrix<T> b, T[] c, int cOffset, int ldc,
        bool accumulate, int threads) where T : unmanaged, INumber<T>
    {
        if (m == 0 || n == 0) return;
        if (!accumulate)
            for (int i = 0; i < m; i++) c.AsSpan(cOffset + i * ldc, n).Clear();
        if (k == 0) return;
        // Below ~2 MFLOP a thread hand-off costs more than it saves.
        if ((long)m * n * k < 1L << 20) threads = 1;
        if (typeof(T) == typeof(float))
            Sgemm(m, n, k, Unsafe.As<StridedMatrix<T>, StridedMatrix<float>>(ref a), Unsafe.As<StridedMatrix<T>, StridedMatrix<float>>(ref b),
                (float[])(object)c, cOffset, ldc, threads);
        else
            RowByRow(m, n, k, a, b, c, cOffset, ldc);
    }

    /// <summary>C[i,:] += A[i,p]·B[p,:] for every i, p: simple and exact in any numeric type.</summary>
    static void RowByRow<T>(int m, int n, int k, StridedMatrix<T> a, StridedMatrix<T> b, T[] c, int cOffset, int ldc)
        where T : unmanaged, INumber<T>
    {
        var rows = new T[k * n];
        for (int p = 0; p < k; p++)
            for (int j = 0; j < n; j++) rows[p * n + j] = b[p, j];
        for (int i = 0; i < m; i++)
        {
            var cRow = c.AsSpan(cOffset + i * ldc, n);
            for (int p = 0; p < k; p++)
                TensorPrimitives.MultiplyAdd(rows.AsSpan(p * n, n), a[i, p], cRow, cRow);
        }
    }

    static void Sgemm(int m, int n, int k, StridedMatrix<float> a, StridedMatrix<float> b, float[] c, int cOffset, int ldc, int threads)
    {
        int mr = MR, nr = NR;
        // k is cut into equal slices of at most KC: k = 288 runs as 2 × 144 rather than 256 + 32, because every slice
        // reads and writes the whole C block once, and a thin last slice pays that for few FMAs.
        int kSlices = (k + KC - 1) / KC, kSlice = (k + kSlices - 1) / kSlices;
        float* bPack = PackBuffer.ForB((nuint)(kSlice * RoundUp(Math.Min(n, NC), nr)));
        for (int jc = 0; jc < n; jc += NC)
        {
            int nc = Math.Min(NC, n - jc);
            for (int pc = 0; pc < k; pc += kSlice)
            {
                int kc = Math.Min(kSlice, k - pc);
                int panels = (nc + nr - 1) / nr;
                For(panels, threads, j => PackB(b, pc, kc, jc + j * nr, Math.Min(nr, nc - j * nr), bPack + (long)j * kc * nr));
                // Tasks: MC row blocks × column chunks (column chunks only when rows alone cannot feed every thread).
                int rowBlocks = (m + MC - 1) / MC;
                int colChunks = Math.Min(panels, (threads + rowBlocks - 1) / rowBlocks);
                int panelsPerChunk = (panels + colChunks - 1) / colChunks;
                For(rowBlocks * colChunks, threads, task =>
                {
                    int ic = task / colChunks * MC, mc = Math.Min(MC, m - ic);
                    int j0 = task % colChunks * panelsPerChunk, j1 = Math.Min(panels, j0 + panelsPerChunk);
                    float* aPack = PackBuffer.ForA((nuint)(RoundUp(mc, mr) * kc));
                    for (int i = 0; i < mc; i += mr) PackA(a, ic + i, Math.Min(mr, mc - i), pc, kc, aPack + (long)i * kc);
                    fixed (float* cBase = c)
                        for (int j = j0; j < j1; j++)
                        {
                            int col = j * nr, cols = Math.Min(nr, nc - col);
                            for (int i = 0; i < mc; i += mr)
                                Tile(kc, aPack + (long)i * kc, bPack + (long)j * kc * nr,
                                    cBase + cOffset + (long)(ic + i) * ldc + jc + col, ldc, Math.Min(mr, mc - i), cols);
                        }
                });
            }
        }
    }

    /// <summary>Runs body(0..count-1) on up to <paramref name="threads"/> threads; one thread runs a plain loop.</summary>
    static void For(int count, int threads, Action<int> body)
    {
        if (threads <= 1 || count <= 1) { for (int i = 0; i < count; i++) body(i); return; }
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, body);
    }

    static int RoundUp(int x, int multiple) => (x + multiple - 1) / multiple * multiple;

    /// <summary>Rows r0..r0+rows of A's k-slice, interleaved: dst[p·MR + r] = A[r0 + r, pc + p], zero rows past the edge.
    /// The loops run along whichever of A's axes is contiguous (a transposed A has RowStride 1), so reads stay sequential.</summary>
    static void PackA(StridedMatrix<float> a, int r0, int rows, int pc, int kc, float* dst)
    {
        int mr = MR;
        var data = a.Data;
        if (rows < mr)
            for (int p = 0; p < kc; p++) new Span<float>(dst + p * mr + rows, mr - rows).Clear();
        if (a.RowStride == 1 && a.ColStride != 1)
            for (int p = 0; p < kc; p++)
                data.AsSpan((int)(a.Offset + r0 + (pc + p) * a.ColStride), rows).CopyTo(new Span<float>(dst + p * mr, rows));
        else
            for (int r = 0; r < rows; r++)
            {
                long src = a.Offset + (r0 + r) * a.RowStride + pc * a.ColStride;
                for (int p = 0; p < kc; p++, src += a.ColStride) dst[p * mr + r] = data[src];
            }
    }

    /// <summary>Columns c0..c0+cols of B's k-slice, row by row: dst[p·NR + j] = B[pc + p, c0 + j], zero past the edge.
    /// A transposed B (RowStride 1, e.g. the im2col matrix in a weight gradient) is read column by column instead.</summary>
    static void PackB(StridedMatrix<float> b, int pc, int kc, int c0, int cols, float* dst)
    {
        int nr = NR;
        var data = b.Data;
        if (cols < nr)
            for (int p = 0; p < kc; p++) new Span<float>(dst + p * nr + cols, nr - cols).Clear();
        if (b.ColStride == 1)
            for (int p = 0; p < kc; p++)
                data.AsSpan((int)(b.Offset + (pc + p) * b.RowStride + c0), cols).CopyTo(new Span<float>(dst + p * nr, cols));
        else if (b.RowStride == 1)
            for (int j = 0; j < cols; j++)
            {
                var column = data.AsSpan((int)(b.Offset + pc + (c0 + j) * b.ColStride), kc);
                for (int p = 0; p < kc; p++) dst[p * nr + j] = column[p];
            }
        else
            for (int p = 0; p < kc; p++)
                for (int j = 0; j < cols; j++) dst[p * nr + j] = data[b.Offset + (pc + p) * b.RowStride + (c0 + j) * b.ColStride];
    }

    /// <summary>C tile += A slab · B slab. A ragged edge tile is computed in a scratch tile, then its valid part added.</summary>
    static void Tile(int kc, float* a, float* b, float* c, int ldc, int rows, int cols)
    {
        if (rows == MR && cols == NR) { MicroKernel(kc, a, b, c, ldc); return; }
        float* scratch = stackalloc float[MR * NR];
        new Span<float>(scratch, MR * NR).Clear();
        MicroKernel(kc, a, b, scratch, NR);
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < cols; j++) c[r * ldc + j] += scratch[r * NR + j];
    }

    static void MicroKernel(int kc, float* a, float* b, float* c, int ldc)
    {
        if (Avx512F.IsSupported) Kernel8x32(kc, a, b, c, ldc);
        else if (Fma.IsSupported) Kernel6x16(kc, a, b, c, ldc);
        else Kernel4x8(kc, a, b, c, ldc);
    }

    /// <summary>8×32 tile: per k step two 16-wide B vectors, each A value broadcast, 16 FMAs into 16 zmm accumulators.</summary>
    static void Kernel8x32(int kc, float* a, float* b, float* c, int ldc)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default,
                         c40 = default, c41 = default, c50 = default, c51 = default, c60 = default, c61 = default, c70 = default, c71 = default;
        for (int p = 0; p < kc; p++, a += 8, b += 32)
        {
            var b0 = Vector512.LoadAligned(b);
            var b1 = Vector512.LoadAligned(b + 16);
            var x = Vector512.Create(a[0]); c00 = Avx512F.FusedMultiplyAdd(x, b0, c00); c01 = Avx512F.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(a[1]); c10 = Avx512F.FusedMultiplyAdd(x, b0, c10); c11 = Avx512F.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(a[2]); c20 = Avx512F.FusedMultiplyAdd(x, b0, c20); c21 = Avx512F.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(a[3]); c30 = Avx512F.FusedMultiplyAdd(x, b0, c30); c31 = Avx512F.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(a[4]); c40 = Avx512F.FusedMultiplyAdd(x, b0, c40); c41 = Avx512F.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(a[5]); c50 = Avx512F.FusedMultiplyAdd(x, b0, c50); c51 = Avx512F.FusedMultiplyAdd(x, b1, c51);
            x = Vector512.Create(a[6]); c60 = Avx512F.FusedMultiplyAdd(x, b0, c60); c61 = Avx512F.FusedMultiplyAdd(x, b1, c61);
            x = Vector512.Create(a[7]); c70 = Avx512F.FusedMultiplyAdd(x, b0, c70); c71 = Avx512F.FusedMultiplyAdd(x, b1, c71);
        }
        Add(c, c00, c01); Add(c + ldc, c10, c11); Add(c + 2 * ldc, c20, c21); Add(c + 3 * ldc, c30, c31);
        Add(c + 4 * ldc, c40, c41); Add(c + 5 * ldc, c50, c51); Add(c + 6 * ldc, c60, c61); Add(c + 7 * ldc, c70, c71);

        static void Add(float* row, Vector512<float> lo, Vector512<float> hi)
        {
            (Vector512.Load(row) + lo).Store(row);
            (Vector512.Load(row + 16) + hi).Store(row + 16);
        }
    }

    /// <summary>6×16 tile with AVX2 FMA: two 8-wide B vectors, 12 ymm accumulators.</summary>
    static void Kernel6x16(int kc, float* a, float* b, float* c, int ldc)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default,
                         c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++, a += 6, b += 16)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            var x = Vector256.Create(a[0]); c00 = Fma.MultiplyAdd(x, b0, c00); c01 = Fma.MultiplyAdd(x, b1, c01);
            x = Vector256.Create(a[1]); c10 = Fma.MultiplyAdd(x, b0, c10); c11 = Fma.MultiplyAdd(x, b1, c11);
            x = Vector256.Create(a[2]); c20 = Fma.MultiplyAdd(x, b0, c20); c21 = Fma.MultiplyAdd(x, b1, c21);
            x = Vector256.Create(a[3]); c30 = Fma.MultiplyAdd(x, b0, c30); c31 = Fma.MultiplyAdd(x, b1, c31);
            x = Vector256.Create(a[4]); c40 = Fma.MultiplyAdd(x, b0, c40); c41 = Fma.MultiplyAdd(x, b1, c41);
            x = Vector256.Create(a[5]); c50 = Fma.MultiplyAdd(x, b0, c50); c51 = Fma.MultiplyAdd(x, b1, c51);
        }
        Add(c, c00, c01); Add(c + ldc, c10, c11); Add(c + 2 * ldc, c20, c21);
        Add(c + 3 * ldc, c30, c31); Add(c + 4 * ldc, c40, c41); Add(c + 5 * ldc, c50, c51);

        static void Add(float* row, Vector256<float> lo, Vector256<float> hi)
        {
            (Vector256.Load(row) + lo).Store(row);
            (Vector256.Load(row + 8) + hi).Store(row + 8);
        }
    }

    /// <summary>Portable 4×8 tile (ARM NEON or anything else): Vector128 multiply-add, fused where the hardware can.</summary>
    static void Kernel4x8(int kc, float* a, float* b, float* c, int ldc)
    {
        Vector128<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default;
        for (int p = 0; p < kc; p++, a += 4, b += 8)
        {
            var b0 = Vector128.Load(b);
            var b1 = Vector128.Load(b + 4);
            var x = Vector128.Create(a[0]); c00 = Vector128.MultiplyAddEstimate(x, b0, c00); c01 = Vector128.MultiplyAddEstimate(x, b1, c01);
            x = Vector128.Create(a[1]); c10 = Vector128.MultiplyAddEstimate(x, b0, c10); c11 = Vector128.MultiplyAddEstimate(x, b1, c11);
            x = Vector128.Create(a[2]); c20 = Vector128.MultiplyAddEstimate(x, b0, c20); c21 = Vector128.MultiplyAddEstimate(x, b1, c21);
            x = Vector128.Create(a[3]); c30 = Vector128.MultiplyAddEstimate(x, b0, c30); c31 = Vector128.MultiplyAddEstimate(x, b1, c31);
        }
        Add(c, c00, c01); Add(c + ldc, c10, c11); Add(c + 2 * ldc, c20, c21); Add(c + 3 * ldc, c30, c31);

        static void Add(float* row, Vector128<float> lo, Vector128<float> hi)
        {
            (Vector128.Load(row) + lo).Store(row);
            (Vector128.Load(row + 4) + hi).Store(row + 4);
        }
    }
}
