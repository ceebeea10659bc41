using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;

namespace Course.Torch.Kernels;

/// <summary>
/// The shape of a 2-D convolution y = conv(x, w): input x [N, C, H, W], weight w [O, C/groups, KH, KW],
/// output y [N, O, OH, OW] with OH = ⌊(H + 2·PH − DH·(KH − 1) − 1)/SH⌋ + 1 (same for W).
/// One geometry describes the three kernels of a convolution: the forward, its input gradient (= conv_transpose)
/// and its weight gradient.
/// </summary>
internal readonly record struct ConvGeometry(int N, int C, int H, int W, int O, int KH, int KW,
    int SH, int SW, int PH, int PW, int DH, int DW, int Groups, int OH, int OW)
{
    /// <summary>Rows of one group's column matrix: (C/groups)·KH·KW.</summary>
    public int K => C / Groups * KH * KW;

    /// <summary>Columns of the column matrix: one per output position, OH·OW.</summary>
    public int L => OH * OW;

    /// <summary>Output length along one axis: ⌊(in + 2p − d(k−1) − 1)/s⌋ + 1.</summary>
    public static int OutSize(long input, long kernel, long stride, long padding, long dilation) =>
        (int)((input + 2 * padding - dilation * (kernel - 1) - 1) / stride + 1);
}

/// <summary>
/// im2col and its adjoint col2im. im2col lays every receptive field of one image out as a column, so a convolution
/// becomes one matrix product: y[o, l] = Σ_r w[o, r] · cols[r, l] with r = (c, i, j) and l = (oh, ow), where
/// cols[(c,i,j), (oh,ow)] = x[c, oh·SH − PH + i·DH, ow·SW − PW + j·DW] (zero outside the image).
/// </summary>
internal static class Im2Col
{
    /// <summary>The output columns [lo, hi) whose input column ow·s − p + j·d lies inside [0, W): the rest read padding.</summary>
    static (int lo, int hi) Valid(int offset, int stride, int outSize, int size)
    {
        // iw = ow·stride + offset ∈ [0, size)  ⇔  ow ∈ [⌈−offset/stride⌉, ⌈(size − offset)/stride⌉)
        int lo = offset >= 0 ? 0 : (-offset + stride - 1) / stride;
        int hi = size - offset <= 0 ? 0 : Math.Min(outSize, (size - offset + stride - 1) / stride);
        return (lo, Math.Max(lo, hi));
    }

    /// <summary>Writes the [C·KH·KW, OH·OW] column matrix of image x (at <paramref name="xOff"/>) into <paramref name="cols"/> at <paramref name="colsOff"/>.</summary>
    public static void Unfold<T>(T[] x, int xOff, in ConvGeometry g, T[] cols, int colsOff = 0) where T : unmanaged, INumber<T>
    {
        int row = 0;
        for (int c = 0; c < g.C; c++)
            for (int i = 0; i < g.KH; i++)
                for (int j = 0; j < g.KW; j++, row++)
                {
                    var dst = cols.AsSpan(colsOff + row * g.L, g.L);
                    int offset = j * g.DW - g.PW;
                    var (lo, hi) = Valid(offset, g.SW, g.OW, g.W);
                    for (int oh = 0; oh < g.OH; oh++)
                    {
                        var line = dst.Slice(oh * g.OW, g.OW);
                        int ih = oh * g.SH - g.PH + i * g.DH;
                        if ((uint)ih >= (uint)g.H) { line.Clear(); continue; }
                        line[..lo].Clear();
                        line[hi..].Clear();
                        int src = xOff + (c * g.H + ih) * g.W + offset;
                        if (g.SW == 1) x.AsSpan(src + lo, hi - lo).CopyTo(line[lo..hi]);
                        else for (int ow = lo; ow < hi; ow++) line[ow] = x[src + ow * g.SW];
                    }
                }
    }

    /// <summary>The adjoint of <see cref="Unfold{T}"/>: adds every column entry back onto the pixel it was read from.</summary>
    public static void Fold<T>(T[] cols, int colsOff, in ConvGeometry g, T[] x, int xOff) where T : unmanaged, INumber<T>
    {
        int row = 0;
        for (int c = 0; c < g.C; c++)
            for (int i = 0; i < g.KH; i++)
                for (int j = 0; j < g.KW; j++, row++)
                {
                    int offset = j * g.DW - g.PW;
                    var (lo, hi) = Valid(offset, g.SW, g.OW, g.W);
                    for (int oh = 0; oh < g.OH; oh++)
                    {
                        int ih = oh * g.SH - g.PH + i * g.DH;
                        if ((uint)ih >= (uint)g.H) continue;
                        int src = colsOff + row * g.L + oh * g.OW, dst = xOff + (c * g.H + ih) * g.W + offset;
                        if (g.SW == 1)
                        {
                            var target = x.AsSpan(dst + lo, hi - lo);
                            TensorPrimitives.Add<T>(target, cols.AsSpan(src + lo, hi - lo), target);
                        }
                        else for (int ow = lo; ow < hi; ow++) x[dst + ow * g.SW] += cols[src + ow];
                    }
                }
    }
}

/// <summary>
/// The three convolution kernels on contiguous arrays, each per image: im2col + GEMM (per group), images in parallel.
///   forward:       y_n[g]  = W[g] · cols(x_n)[g]                      [O/G, L] = [O/G, K]·[K, L]
///   input grad:    dx_n    = col2im(W[g]ᵀ · dy_n[g])                  [K, L]   = [K, O/G]·[O/G, L]
///   weight grad:   dW[g]   = Σ_n dy_n[g] · cols(x_n)[g]ᵀ              [O/G, K] = [O/G, L]·[L, K]
/// </summary>
internal static class ConvKernels
{
    /// <summary>Runs body(n, gemmThreads, buffer) for every image. With several images and threads, the images are
    /// split into one contiguous run per worker (worker t gets images [t·N/T, (t+1)·N/T)), each worker with its own
    /// buffer of <paramref name="length"/> elements and single-threaded GEMMs; otherwise one buffer, images in order,
    /// threaded GEMMs. The buffers are handed to <paramref name="finish"/> in worker order after all workers are
    /// done, so a running sum kept in them is reduced in the same order on every run (deterministic for a given
    /// thread count). Buffers come from the shared array pool, so a training loop reuses the same few instead of
    /// allocating (and the OS zeroing) a fresh one per call; pooled memory holds old values, so the last
    /// <paramref name="zeroedTail"/> elements (a running sum) are cleared first.</summary>
    static void ForImages<T>(int n, int threads, int length, Action<int, int, T[]> body, Action<T[]>? finish = null, int zeroedTail = 0)
    {
        int workers = Math.Min(n, threads);
        int gemmThreads = workers > 1 ? 1 : threads;
        var buffers = new T[workers][];
        for (int t = 0; t < workers; t++)
        {
            buffers[t] = ArrayPool<T>.Shared.Rent(length);
            buffers[t].AsSpan(length - zeroedTail, zeroedTail).Clear();
        }
        void RunWorker(int t)
        {
            for (int i = t * n / workers; i < (t + 1) * n / workers; i++) body(i, gemmThreads, buffers[t]);
        }
        if (workers > 1) Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, RunWorker);
        else if (workers == 1) RunWorker(0);
        foreach (var buffer in buffers)
        {
            finish?.Invoke(buffer);
            ArrayPool<T>.Shared.Return(buffer);
        }
    }

    /// <summary>y [N, O, OH, OW] = conv(x [N, C, H, W], w [O, C/G, KH, KW]) (+ bias [O], written first, then accumulated onto).</summary>
    public static void Forward<T>(T[] x, T[] w, T[]? bias, T[] y, ConvGeometry g, int threads) where T : unmanaged, INumber<T>
    {
        int og = g.O / g.Groups, k = g.K, l = g.L;
        ForImages<T>(g.N, threads, k * g.Groups * l, (n, gemmThreads, cols) =>
        {
            Im2Col.Unfold(x, n * g.C * g.H * g.W, g, cols);
            if (bias is not null)
                for (int o = 0; o < g.O; o++) y.AsSpan((n * g.O + o) * l, l).Fill(bias[o]);
            for (int grp = 0; grp < g.Groups; grp++)
                Gemm.Multiply(og, l, k, new StridedMatrix<T>(w, grp * og * k, k, 1), new StridedMatrix<T>(cols, grp * k * l, l, 1),
                    y, (n * g.O + grp * og) * l, l, bias is not null, gemmThreads);
        });
    }

    /// <summary>dx [N, C, H, W] = col2im(Wᵀ · dy): the input gradient of a convolution, which is conv_transpose2d.
    /// (For stride 1 it is also a "full" convolution of dy with the flipped kernel; measured on LeNet's and the 3×3
    /// benchmark's shapes, that was 1.4–3.5× slower than this shallow GEMM plus col2im, because it unfolds the padded,
    /// larger dy.)</summary>
    public static void InputGrad<T>(T[] dy, T[] w, T[] dx, ConvGeometry g, int threads) where T : unmanaged, INumber<T>
    {
        int og = g.O / g.Groups, k = g.K, l = g.L;
        ForImages<T>(g.N, threads, k * g.Groups * l, (n, gemmThreads, cols) =>
        {
            for (int grp = 0; grp < g.Groups; grp++)
                Gemm.Multiply(k, l, og, new StridedMatrix<T>(w, grp * og * k, 1, k), new StridedMatrix<T>(dy, (n * g.O + grp * og) * l, l, 1),
                    cols, grp * k * l, l, false, gemmThreads);
            Im2Col.Fold(cols, 0, g, dx, n * g.C * g.H * g.W);
        });
    }

    /// <summary>db [O] = Σ_{n, l} dy[n, o, l]: each channel's sum over the batch and the output positions. Channels in
    /// parallel, each summed image by image in order (deterministic). Reading dy [N, O, L] in place avoids the
    /// permuted copy a general dy.sum([0, 2, 3]) makes.</summary>
    public static void BiasGrad<T>(T[] dy, T[] db, ConvGeometry g, int threads) where T : unmanaged, INumber<T>
    {
        int l = g.L;
        void SumChannel(int o)
        {
            T total = T.Zero;
            for (int n = 0; n < g.N; n++) total += TensorPrimitives.Sum<T>(dy.AsSpan((n * g.O + o) * l, l));
            db[o] = total;
        }
        if (threads > 1 && g.O > 1) Parallel.For(0, g.O, new ParallelOptions { MaxDegreeOfParallelism = threads }, SumChannel);
        else for (int o = 0; o < g.O; o++) SumChannel(o);
    }

    /// <summary>dW [O, C/G, KH, KW] = Σ_n dy_n · cols(x_n)ᵀ; each worker sums its images into its own buffer (after its
    /// columns: [cols | partial dW]), then into dW.</summary>
    public static void WeightGrad<T>(T[] x, T[] dy, T[] dw, ConvGeometry g, int threads) where T : unmanaged, INumber<T>
    {
        int og = g.O / g.Groups, k = g.K, l = g.L, colsLength = k * g.Groups * l;
        ForImages<T>(g.N, threads, colsLength + dw.Length, (n, gemmThreads, buffer) =>
        {
            Im2Col.Unfold(x, n * g.C * g.H * g.W, g, buffer);
            for (int grp = 0; grp < g.Groups; grp++)
                Gemm.Multiply(og, k, l, new StridedMatrix<T>(dy, (n * g.O + grp * og) * l, l, 1), new StridedMatrix<T>(buffer, grp * k * l, 1, l),
                    buffer, colsLength + grp * og * k, k, true, gemmThreads);
        }, buffer => TensorPrimitives.Add<T>(dw, buffer.AsSpan(colsLength, dw.Length), dw), zeroedTail: dw.Length);
    }
}
