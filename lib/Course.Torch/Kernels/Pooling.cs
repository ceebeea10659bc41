using System.Numerics;

namespace Course.Torch.Kernels;

/// <summary>
/// The windows of a pooling along one axis: output index o reads input positions Start[o] + j·Step for j &lt; Count[o]
/// (already clipped to the input), and an average divides by Divisor[o].
/// </summary>
internal sealed record PoolAxis(int[] Start, int[] Count, int Step, double[] Divisor)
{
    public int Out => Start.Length;

    /// <summary>Output length: ⌊(in + 2p − d(k−1) − 1)/s⌋ + 1 (⌈…⌉ in ceil_mode, dropping a last window that starts in the right padding).</summary>
    public static long OutSize(long input, long k, long s, long p, long d, bool ceilMode)
    {
        long span = input + 2 * p - d * (k - 1) - 1;
        long o = (ceilMode ? (span + s - 1 < 0 ? -1 : (span + s - 1) / s) : (span < 0 ? -1 : span / s)) + 1;
        if (ceilMode && (o - 1) * s >= input + p) o--;
        return o;
    }

    /// <summary>Sliding windows: o covers o·s − p + j·d for j &lt; k. Average divisor (d = 1): the window clipped to
    /// [−p, in + p) when <paramref name="countIncludePad"/>, else to the input.</summary>
    public static PoolAxis Sliding(int input, int k, int s, int p, int d, int outSize, bool countIncludePad)
    {
        var start = new int[outSize];
        var count = new int[outSize];
        var divisor = new double[outSize];
        for (int o = 0; o < outSize; o++)
        {
            int first = o * s - p;
            int jlo = first >= 0 ? 0 : (-first + d - 1) / d;
            int jhi = first >= input ? 0 : Math.Min(k, (input - 1 - first) / d + 1);
            start[o] = first + jlo * d;
            count[o] = Math.Max(0, jhi - jlo);
            int padded = Math.Min(first + k, input + p) - first;
            divisor[o] = countIncludePad ? padded : Math.Min(first + k, input) - Math.Max(first, 0);
        }
        return new PoolAxis(start, count, d, divisor);
    }

    /// <summary>Adaptive windows: o covers [⌊o·in/out⌋, ⌈(o+1)·in/out⌉).</summary>
    public static PoolAxis Adaptive(int input, int outSize)
    {
        var start = new int[outSize];
        var count = new int[outSize];
        var divisor = new double[outSize];
        for (int o = 0; o < outSize; o++)
        {
            start[o] = (int)((long)o * input / outSize);
            int end = (int)(((long)(o + 1) * input + outSize - 1) / outSize);
            count[o] = end - start[o];
            divisor[o] = count[o];
        }
        return new PoolAxis(start, count, 1, divisor);
    }
}

/// <summary>Max and average pooling over contiguous planes [P, H, W] → [P, OH, OW], planes in parallel.</summary>
internal static class PoolKernels
{
    static void ForPlanes(int planes, Action<int> body)
    {
        int threads = torch.get_num_threads();
        if (threads > 1 && planes > 1)
            Parallel.For(0, planes, new ParallelOptions { MaxDegreeOfParallelism = threads }, body);
        else
            for (int p = 0; p < planes; p++) body(p);
    }

    /// <summary>y[o] = max over the window, index[o] = h·W + w of the maximum (NaN wins, as in PyTorch; first maximum on ties).</summary>
    public static void Max<T>(T[] x, int planes, int h, int w, PoolAxis ah, PoolAxis aw, T[] y, long[] index) where T : unmanaged, INumber<T>
    {
        ForPlanes(planes, p =>
        {
            int inBase = p * h * w, outBase = p * ah.Out * aw.Out;
            for (int oh = 0; oh < ah.Out; oh++)
                for (int ow = 0; ow < aw.Out; ow++)
                {
                    T best = T.Zero;
                    long at = -1;
                    for (int i = 0, ih = ah.Start[oh]; i < ah.Count[oh]; i++, ih += ah.Step)
                        for (int j = 0, iw = aw.Start[ow]; j < aw.Count[ow]; j++, iw += aw.Step)
                        {
                            T v = x[inBase + ih * w + iw];
                            if (at < 0 || v > best || T.IsNaN(v) && !T.IsNaN(best)) { best = v; at = ih * w + iw; }
                        }
                    y[outBase + oh * aw.Out + ow] = best;
                    index[outBase + oh * aw.Out + ow] = at;
                }
        });
    }

    /// <summary>Each output's divisor, converted to T once per call rather than once per output and plane.</summary>
    static T[] Divisors<T>(PoolAxis ah, PoolAxis aw, long? divisorOverride) where T : unmanaged, INumber<T>
    {
        var divisors = new T[ah.Out * aw.Out];
        for (int oh = 0; oh < ah.Out; oh++)
            for (int ow = 0; ow < aw.Out; ow++)
                divisors[oh * aw.Out + ow] = T.CreateChecked(divisorOverride ?? ah.Divisor[oh] * aw.Divisor[ow]);
        return divisors;
    }

    /// <summary>y[o] = Σ_window x / divisor[o] (divisor = DivisorH·DivisorW, or <paramref name="divisorOverride"/>).</summary>
    public static void Average<T>(T[] x, int planes, int h, int w, PoolAxis ah, PoolAxis aw, long? divisorOverride, T[] y) where T : unmanaged, INumber<T>
    {
        var divisors = Divisors<T>(ah, aw, divisorOverride);
        ForPlanes(planes, p =>
        {
            var input = x.AsSpan(p * h * w, h * w);
            var output = y.AsSpan(p * divisors.Length, divisors.Length);
            for (int oh = 0; oh < ah.Out; oh++)
                for (int ow = 0; ow < aw.Out; ow++)
                {
                    T sum = T.Zero;
                    for (int i = 0, ih = ah.Start[oh]; i < ah.Count[oh]; i++, ih += ah.Step)
                        for (int j = 0, iw = aw.Start[ow]; j < aw.Count[ow]; j++, iw += aw.Step)
                            sum += input[ih * w + iw];
                    output[oh * aw.Out + ow] = sum / divisors[oh * aw.Out + ow];
                }
        });
    }

    /// <summary>The adjoint of <see cref="Average{T}"/>: dx[window] += dy[o] / divisor[o].</summary>
    public static void AverageAdjoint<T>(T[] dy, int planes, int h, int w, PoolAxis ah, PoolAxis aw, long? divisorOverride, T[] dx) where T : unmanaged, INumber<T>
    {
        var divisors = Divisors<T>(ah, aw, divisorOverride);
        ForPlanes(planes, p =>
        {
            var gradient = dy.AsSpan(p * divisors.Length, divisors.Length);
            var input = dx.AsSpan(p * h * w, h * w);
            for (int oh = 0; oh < ah.Out; oh++)
                for (int ow = 0; ow < aw.Out; ow++)
                {
                    T share = gradient[oh * aw.Out + ow] / divisors[oh * aw.Out + ow];
                    for (int i = 0, ih = ah.Start[oh]; i < ah.Count[oh]; i++, ih += ah.Step)
                        for (int j = 0, iw = aw.Start[ow]; j < aw.Count[ow]; j++, iw += aw.Step)
                            input[ih * w + iw] += share;
                }
        });
    }
}
