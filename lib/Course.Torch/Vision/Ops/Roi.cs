using System.Numerics;
using static Course.Torch.torch;

namespace Course.Torch;

public static partial class torchvision
{
    public static partial class ops
    {
        /// <summary>
        /// A RoI op as a sparse linear map from input to output: out[Out[p]] += Weight[p]·input[In[p]].
        /// roi_align's entries are bilinear weights; roi_pool's are one entry of weight 1 at each bin's argmax.
        /// Backward is the transpose: grad_input[In[p]] += Weight[p]·g[Out[p]].
        /// </summary>
        sealed class RoiPlan<T> where T : IFloatingPointIeee754<T>
        {
            public readonly List<long> Out = [], In = [];
            public readonly List<T> Weight = [];

            public void Add(long output, long input, T weight)
            {
                Out.Add(output);
                In.Add(input);
                Weight.Add(weight);
            }

            /// <summary>Applies the map to <paramref name="input"/>, with the transposed map as its gradient.</summary>
            public Tensor Apply(Tensor input, ReadOnlySpan<T> x, long[] outShape, string name)
            {
                var result = Tensor.Empty(outShape, input.dtype);
                var output = result.Span<T>();
                for (int p = 0; p < Out.Count; p++) output[(int)Out[p]] += Weight[p] * x[(int)In[p]];
                var (outIndex, inIndex) = (tensor(Out.ToArray()), tensor(In.ToArray()));
                var weight = tensor(Weight.Select(double.CreateChecked).ToArray()).to(input.dtype);
                var inputShape = input.shape;
                return result.WithGrad(name, [input], g =>
                [
                    zeros(inputShape.Aggregate(1L, (a, b) => a * b), g.dtype)
                        .index_add(0, inIndex, g.reshape(-1).index_select(0, outIndex) * weight)
                        .reshape(inputShape),
                ]);
            }
        }

        /// <summary>
        /// The RoIs as [K, 5] rows (batch index, x1, y1, x2, y2) in the input's dtype: a [K, 5] tensor as is, or a list
        /// of [L, 4] tensors (one per batch element) with their batch index prepended.
        /// </summary>
        static Tensor RoiRows(string op, Tensor input, object boxes)
        {
            if (input.ndim != 4)
                throw new ArgumentException($"{op}(): input should have shape [N, C, H, W], got {ShapeString(input.shape)}");
            if (!input.is_floating_point())
                throw new ArgumentException($"{op}(): input must be float32 or float64, got {input.dtype}");
            Tensor rows;
            if (boxes is Tensor t)
            {
                if (t.ndim != 2 || t.shape[1] != 5)
                    throw new ArgumentException($"{op}(): a boxes tensor should have shape [K, 5] (batch index, x1, y1, x2, y2), got {ShapeString(t.shape)}");
                rows = t;
            }
            else if (boxes is IEnumerable<Tensor> list)
            {
                var parts = list.Select((b, i) =>
                {
                    if (b.ndim != 2 || b.shape[1] != 4)
                        throw new ArgumentException($"{op}(): boxes[{i}] should have shape [L, 4], got {ShapeString(b.shape)}");
                    return cat([full(b.shape[0], 1, (Scalar)i, b.dtype), b], 1);
                }).ToList();
                rows = parts.Count == 0 ? zeros(0, 5) : cat(parts, 0);
            }
            else throw new ArgumentException($"{op}(): boxes must be a Tensor [K, 5] or a list of Tensor [L, 4], got {boxes?.GetType().Name ?? "null"}");
            return rows.detach().to(input.dtype).contiguous();
        }

        /// <summary>Runs a float32 or float64 plan builder on the input's data and applies the plan it returns.</summary>
        static Tensor RunPlan(Tensor input, Tensor rois, long[] outShape, string name,
            Func<float[], float[], RoiPlan<float>> single, Func<double[], double[], RoiPlan<double>> dbl)
        {
            if (input.dtype == ScalarType.Float32)
            {
                var x = input.detach().data<float>().ToArray();
                return single(x, rois.data<float>().ToArray()).Apply(input, x, outShape, name);
            }
            var xd = input.detach().data<double>().ToArray();
            return dbl(xd, rois.data<double>().ToArray()).Apply(input, xd, outShape, name);
        }

        /// <summary>The batch index of RoI k, checked against the batch size.</summary>
        static long BatchIndex<T>(string op, T[] rois, int k, long n) where T : IFloatingPointIeee754<T>
        {
            var b = long.CreateTruncating(rois[5 * k]);
            if (b < 0 || b >= n) throw new ArgumentException($"{op}(): box {k} has batch index {b}, outside [0, {n - 1}]");
            return b;
        }

        /// <summary>output_size as (height, width): an int for a square, or a pair / two-element array.</summary>
        static (int h, int w) PoolSize(string op, object output_size) => output_size switch
        {
            int s => (s, s),
            long s => ((int)s, (int)s),
            ValueTuple<int, int> p => p,
            ValueTuple<long, long> p => ((int)p.Item1, (int)p.Item2),
            int[] { Length: 2 } a => (a[0], a[1]),
            long[] { Length: 2 } a => ((int)a[0], (int)a[1]),
            _ => throw new ArgumentException($"{op}(): output_size must be an int or a (height, width) pair, got {output_size}"),
        };
    }
}
