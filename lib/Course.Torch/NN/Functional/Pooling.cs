using Course.Torch.Kernels;

namespace Course.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>2-D max pooling over [N, C, H, W] (or [C, H, W]): y = max of each window; returns the values and, per output,
            /// the flat index h·W + w of the maximum in its plane. Backward: the gradient goes to the maximum (scatter_add by index).</summary>
            /// <exception cref="ArgumentException">For bad sizes (padding over half the kernel, an empty output).</exception>
            public static (Tensor Values, Tensor Indices) max_pool2d_with_indices(Tensor input, long[] kernelSize, long[]? strides = null,
                long[]? padding = null, long[]? dilation = null, bool ceil_mode = false)
            {
                OpBan.Enter("max_pool2d");
                var (ah, aw) = SlidingAxes("max_pool2d", input, kernelSize, strides, padding, dilation, ceil_mode, true);
                return MaxPool(input, ah, aw, "MaxPool2DWithIndicesBackward0");
            }

            /// <summary>dx[plane, index[o]] += dy[o]: routes each output's gradient to the input it copied.</summary>
            static Tensor MaxUnpoolAdd(Tensor dy, Tensor indices, long[] inputShape)
            {
                var planes = dy.reshape(-1, dy.size(-2) * dy.size(-1));
                var flat = zeros([planes.size(0), inputShape[^2] * inputShape[^1]], dy.dtype)
                    .scatter_add(1, indices.reshape(planes.size(0), -1), planes);
                return flat.view(inputShape);
            }

            /// <summary>2-D max pooling: y[n, c, i, j] = max over the window (kernel, stride = kernel by default, −∞ padding, dilation).</summary>
            public static Tensor max_pool2d(Tensor input, long[] kernel_size, long[]? stride = null, long[]? padding = null, long[]? dilation = null, bool ceil_mode = false) =>
                max_pool2d_with_indices(input, kernel_size, stride, padding, dilation, ceil_mode).Values;

            /// <summary>2-D max pooling with a square window.</summary>
            public static Tensor max_pool2d(Tensor input, long kernel_size, long? stride = null, long? padding = null, long? dilation = null, bool ceil_mode = false) =>
                max_pool2d(input, [kernel_size, kernel_size], Two(stride ?? kernel_size), Two(padding ?? 0), Two(dilation ?? 1), ceil_mode);

            /// <summary>2-D max pooling with (height, width) sizes.</summary>
            public static Tensor max_pool2d(Tensor input, (long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null, (long, long)? dilation = null, bool ceil_mode = false) =>
                max_pool2d(input, [kernel_size.Item1, kernel_size.Item2], Two(stride ?? kernel_size), Two(padding ?? (0, 0)), Two(dilation ?? (1, 1)), ceil_mode);

            /// <summary>1-D max pooling over [N, C, L] (or [C, L]), with indices into L.</summary>
            public static (Tensor Values, Tensor Indices) max_pool1d_with_indices(Tensor input, long kernel_size, long? stride = null, long? padding = null, long? dilation = null, bool ceil_mode = false)
            {
                CheckPoolDims(input, 2, "max_pool1d");
                var (v, i) = max_pool2d_with_indices(input.unsqueeze(-2), [1, kernel_size], [1, stride ?? kernel_size], [0, padding ?? 0], [1, dilation ?? 1], ceil_mode);
                return (v.squeeze(-2), i.squeeze(-2));
            }

            /// <summary>1-D max pooling over [N, C, L] (or [C, L]).</summary>
            public static Tensor max_pool1d(Tensor input, long kernel_size, long? stride = null, long? padding = null, long? dilation = null, bool ceil_mode = false) =>
                max_pool1d_with_indices(input, kernel_size, stride, padding, dilation, ceil_mode).Values;

            /// <summary>2-D average pooling: y = Σ_window x / divisor, the divisor counting padded cells when <paramref name="count_include_pad"/>
            /// (or <paramref name="divisor_override"/>). Backward: each output's gradient is spread evenly over its window.</summary>
            public static Tensor avg_pool2d(Tensor input, long[] kernel_size, long[]? stride = null, long[]? padding = null, bool ceil_mode = false,
                bool count_include_pad = true, long? divisor_override = null)
            {
                OpBan.Enter("avg_pool2d");
                var (ah, aw) = SlidingAxes("avg_pool2d", input, kernel_size, stride, padding, null, ceil_mode, count_include_pad);
                return AveragePool(input, ah, aw, divisor_override);
            }

            /// <summary>2-D average pooling with a square window.</summary>
            public static Tensor avg_pool2d(Tensor input, long kernel_size, long? stride = null, long padding = 0, bool ceil_mode = false,
                bool count_include_pad = true, long? divisor_override = null) =>
                avg_pool2d(input, [kernel_size, kernel_size], Two(stride ?? kernel_size), [padding, padding], ceil_mode, count_include_pad, divisor_override);

            /// <summary>2-D average pooling with (height, width) sizes.</summary>
            public static Tensor avg_pool2d(Tensor input, (long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null, bool ceil_mode = false,
                bool count_include_pad = true, long? divisor_override = null) =>
                avg_pool2d(input, [kernel_size.Item1, kernel_size.Item2], Two(stride ?? kernel_size), Two(padding ?? (0, 0)), ceil_mode, count_include_pad, divisor_override);

            /// <summary>1-D average pooling over [N, C, L] (or [C, L]).</summary>
            public static Tensor avg_pool1d(Tensor input, long kernel_size, long? stride = null, long padding = 0, bool ceil_mode = false, bool count_include_pad = true)
            {
                CheckPoolDims(input, 2, "avg_pool1d");
                return avg_pool2d(input.unsqueeze(-2), [1, kernel_size], [1, stride ?? kernel_size], [0, padding], ceil_mode, count_include_pad).squeeze(-2);
            }

            /// <summary>Adaptive average pooling to [oH, oW]: output (i, j) averages rows [⌊i·H/oH⌋, ⌈(i+1)·H/oH⌉) and likewise columns.</summary>
            public static Tensor adaptive_avg_pool2d(Tensor input, long[] output_size)
            {
                var (ah, aw) = AdaptiveAxes("adaptive_avg_pool2d", input, output_size);
                return AveragePool(input, ah, aw, null);
            }

            /// <summary>Adaptive average pooling to a square output.</summary>
            public static Tensor adaptive_avg_pool2d(Tensor input, long output_size) => adaptive_avg_pool2d(input, [output_size, output_size]);

            /// <summary>Adaptive average pooling to (oH, oW).</summary>
            public static Tensor adaptive_avg_pool2d(Tensor input, (long, long) output_size) => adaptive_avg_pool2d(input, [output_size.Item1, output_size.Item2]);

            /// <summary>Adaptive max pooling to [oH, oW] over the adaptive windows, with the flat index of each maximum.</summary>
            public static (Tensor Values, Tensor Indices) adaptive_max_pool2d_with_indices(Tensor input, long[] output_size)
            {
                var (ah, aw) = AdaptiveAxes("adaptive_max_pool2d", input, output_size);
                return MaxPool(input, ah, aw, "AdaptiveMaxPool2DBackward0");
            }

            /// <summary>Adaptive max pooling to [oH, oW].</summary>
            public static Tensor adaptive_max_pool2d(Tensor input, long[] output_size) => adaptive_max_pool2d_with_indices(input, output_size).Values;

            /// <summary>Adaptive max pooling to a square output.</summary>
            public static Tensor adaptive_max_pool2d(Tensor input, long output_size) => adaptive_max_pool2d(input, [output_size, output_size]);

            /// <summary>Adaptive max pooling to (oH, oW).</summary>
            public static Tensor adaptive_max_pool2d(Tensor input, (long, long) output_size) => adaptive_max_pool2d(input, [output_size.Item1, output_size.Item2]);

            static long[] Two(long v) => [v, v];

            static long[] Two((long, long) v) => [v.Item1, v.Item2];

            static void CheckPoolDims(Tensor input, int spatial, string op)
            {
                if (input.ndim != spatial + 1 && input.ndim != spatial + 2)
                    throw new ArgumentException($"{op}: Expected {spatial + 1}D or {spatial + 2}D (batch mode) tensor for input, but got input of size: {ShapeString(input._shape)}");
            }

            static (int planes, int h, int w) Planes(Tensor input) =>
                ((int)(input.numel() / Math.Max(1, input.size(-2) * input.size(-1))), (int)input.size(-2), (int)input.size(-1));

            static (PoolAxis h, PoolAxis w) SlidingAxes(string op, Tensor input, long[] kernel, long[]? stride, long[]? padding, long[]? dilation, bool ceilMode, bool countIncludePad)
            {
                CheckPoolDims(input, 2, op);
                long[] k = kernel.Length == 1 ? Two(kernel[0]) : kernel;
                long[] s = stride is null || stride.Length == 0 ? k : stride.Length == 1 ? Two(stride[0]) : stride;
                long[] p = padding is null || padding.Length == 0 ? [0, 0] : padding.Length == 1 ? Two(padding[0]) : padding;
                long[] d = dilation is null || dilation.Length == 0 ? [1, 1] : dilation.Length == 1 ? Two(dilation[0]) : dilation;
                var axes = new PoolAxis[2];
                for (int a = 0; a < 2; a++)
                {
                    long size = input.size(a - 2);
                    if (k[a] < 1 || s[a] < 1 || d[a] < 1)
                        throw new ArgumentException($"{op}: kernel size, stride and dilation must be positive, but got kernel_size={ShapeString(k)}, stride={ShapeString(s)}, dilation={ShapeString(d)}");
                    if (p[a] < 0 || p[a] > k[a] / 2)
                        throw new ArgumentException($"{op}: pad should be at most half of effective kernel size, but got pad={p[a]}, kernel_size={k[a]} and dilation={d[a]}");
                    long o = PoolAxis.OutSize(size, k[a], s[a], p[a], d[a], ceilMode);
                    if (o < 1)
                        throw new ArgumentException($"{op}: Given input size: {ShapeString(input._shape)}. Calculated output size is too small ({o}) for kernel_size={ShapeString(k)}, padding={ShapeString(p)}");
                    axes[a] = PoolAxis.Sliding((int)size, (int)k[a], (int)s[a], (int)p[a], (int)d[a], (int)o, countIncludePad);
                }
                return (axes[0], axes[1]);
            }

            static (PoolAxis h, PoolAxis w) AdaptiveAxes(string op, Tensor input, long[] outputSize)
            {
                CheckPoolDims(input, 2, op);
                long[] o = outputSize.Length == 1 ? Two(outputSize[0]) : outputSize;
                if (o.Length != 2 || o[0] < 1 || o[1] < 1)
                    throw new ArgumentException($"{op}: output_size must be 2 positive values, but got {ShapeString(o)}");
                return (PoolAxis.Adaptive((int)input.size(-2), (int)o[0]), PoolAxis.Adaptive((int)input.size(-1), (int)o[1]));
            }

            static (Tensor Values, Tensor Indices) MaxPool(Tensor input, PoolAxis ah, PoolAxis aw, string name)
            {
                var x = Dense(input);
                var (planes, h, w) = Planes(input);
                var shape = input.shape;
                shape[^2] = ah.Out;
                shape[^1] = aw.Out;
                var values = Tensor.Empty(shape, input.dtype);
                var indices = Tensor.Empty(shape, ScalarType.Int64);
                var idx = indices.Elements<long>();
                switch (input.dtype)
                {
                    case ScalarType.Float32: PoolKernels.Max(x.Elements<float>(), planes, h, w, ah, aw, values.Elements<float>(), idx); break;
                    case ScalarType.Float64: PoolKernels.Max(x.Elements<double>(), planes, h, w, ah, aw, values.Elements<double>(), idx); break;
                    case ScalarType.Int64: PoolKernels.Max(x.Elements<long>(), planes, h, w, ah, aw, values.Elements<long>(), idx); break;
                    case ScalarType.Int32: PoolKernels.Max(x.Elements<int>(), planes, h, w, ah, aw, values.Elements<int>(), idx); break;
                    default: throw new ArgumentException($"max pooling does not support {input.dtype}");
                }
                values.WithGrad(name, [input], g => [MaxUnpoolAdd(g, indices, input._shape)], indices);
                return (values, indices);
            }

            /// <summary>y = windowed mean. Backward: dx = AverageAdjoint(dy), itself differentiable (its adjoint is this pool).</summary>
            static Tensor AveragePool(Tensor input, PoolAxis ah, PoolAxis aw, long? divisor)
            {
                if (!input.is_floating_point()) throw new ArgumentException($"average pooling needs a floating point input, but got {input.dtype}");
                var x = Dense(input);
                var (planes, h, w) = Planes(input);
                var shape = input.shape;
                shape[^2] = ah.Out;
                shape[^1] = aw.Out;
                var y = Tensor.Empty(shape, input.dtype);
                if (input.dtype == ScalarType.Float32) PoolKernels.Average(x.Elements<float>(), planes, h, w, ah, aw, divisor, y.Elements<float>());
                else PoolKernels.Average(x.Elements<double>(), planes, h, w, ah, aw, divisor, y.Elements<double>());
                return y.WithGrad("AvgPool2DBackward0", [input], g => [AveragePoolAdjoint(g, input._shape, ah, aw, divisor)]);
            }

            /// <summary>dx[window] += dy[o] / divisor. Backward: the average pool of the incoming gradient.</summary>
            static Tensor AveragePoolAdjoint(Tensor dy, long[] inputShape, PoolAxis ah, PoolAxis aw, long? divisor)
            {
                var g = Dense(dy);
                var dx = Tensor.Empty(inputShape, dy.dtype);
                int planes = (int)(dx.numel() / Math.Max(1, inputShape[^2] * inputShape[^1]));
                if (dy.dtype == ScalarType.Float32) PoolKernels.AverageAdjoint(g.Elements<float>(), planes, (int)inputShape[^2], (int)inputShape[^1], ah, aw, divisor, dx.Elements<float>());
                else PoolKernels.AverageAdjoint(g.Elements<double>(), planes, (int)inputShape[^2], (int)inputShape[^1], ah, aw, divisor, dx.Elements<double>());
                return dx.WithGrad("AvgPool2DBackwardBackward0", [dy], gg => [AveragePool(gg, ah, aw, divisor)]);
            }
        }
    }
}
