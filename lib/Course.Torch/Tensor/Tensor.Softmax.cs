using Course.Torch.Kernels;

namespace Course.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>
        /// softmax(x)_i = exp(x_i − m) / Σ_j exp(x_j − m) along <paramref name="dim"/>, m = max (stable for large x).
        /// Backward: dL/dx = y ⊙ (g − Σ_j g_j y_j).
        /// </summary>
        /// <exception cref="ArgumentException">For integer tensors without a floating <paramref name="dtype"/>.</exception>
        public Tensor softmax(long dim, ScalarType? dtype = null)
        {
            OpBan.Enter("softmax");
            var input = FloatInput("softmax", dtype);
            int d = NormalizeDim(dim, _shape.Length);
            var result = input.dtype == ScalarType.Float32
                ? AlongDim<float>(input, d, Reductions.SoftMax)
                : AlongDim<double>(input, d, Reductions.SoftMax);
            return result.WithGrad("SoftmaxBackward0", [input],
                g => [result.mul(g.sub(g.mul(result).sum([d], keepdim: true)))], result);
        }

        /// <summary>
        /// log_softmax(x)_i = x_i − logsumexp(x) along <paramref name="dim"/>.
        /// Backward: dL/dx = g − softmax(x) · Σ_j g_j, with softmax(x) = exp(y).
        /// </summary>
        public Tensor log_softmax(long dim, ScalarType? dtype = null)
        {
            OpBan.Enter("log_softmax");
            var input = FloatInput("log_softmax", dtype);
            int d = NormalizeDim(dim, _shape.Length);
            var result = input.dtype == ScalarType.Float32
                ? AlongDim<float>(input, d, Reductions.LogSoftMax)
                : AlongDim<double>(input, d, Reductions.LogSoftMax);
            return result.WithGrad("LogSoftmaxBackward0", [input],
                g => [g.sub(result.exp().mul(g.sum([d], keepdim: true)))], result);
        }

        /// <summary>
        /// log Σ exp(x) along <paramref name="dim"/>, computed as m + log Σ exp(x − m) with m = max so it never
        /// overflows. Integers are converted to the default float type. Backward: dL/dx = g · exp(x − y) = g · softmax(x).
        /// </summary>
        public Tensor logsumexp(long dim, bool keepdim = false)
        {
            var input = is_floating_point() ? this : to(get_default_dtype());
            var layout = new ReductionLayout(input, [dim], keepdim);
            var result = FloatReduce(layout, input.dtype, Reductions.LogSumExp, Reductions.LogSumExp);
            return result.WithGrad("LogsumexpBackward0", [input],
                g => [g.reshape(layout.KeptShape).mul(input.sub(result.reshape(layout.KeptShape)).exp())], input, result);
        }
    }

    /// <summary>Softmax along a dimension.</summary>
    public static Tensor softmax(Tensor input, long dim, ScalarType? dtype = null) => input.softmax(dim, dtype);

    /// <summary>Log-softmax along a dimension.</summary>
    public static Tensor log_softmax(Tensor input, long dim, ScalarType? dtype = null) => input.log_softmax(dim, dtype);

    /// <summary>log Σ exp(x) along a dimension, computed stably.</summary>
    public static Tensor logsumexp(Tensor input, long dim, bool keepdim = false) => input.logsumexp(dim, keepdim);
}
