using Course.Torch.Kernels;

namespace Course.Torch;

/// <summary>Padding presets for convolutions: <c>Valid</c> = no padding, <c>Same</c> = output as large as the input (stride 1).</summary>
public enum Padding
{
    /// <summary>No padding.</summary>
    Valid = 0,
    /// <summary>Pad so that the output has the input's spatial size.</summary>
    Same = 1,
}

/// <summary>How padding values are made: zeros/constant, mirrored (reflect), edge-copied (replicate) or wrapped (circular).</summary>
public enum PaddingModes
{
    /// <summary>Zero padding (convolution layers).</summary>
    Zeros = 0,
    /// <summary>Mirror without repeating the edge: [a b c] → b [a b c] b.</summary>
    Reflect = 1,
    /// <summary>Repeat the edge: [a b c] → a [a b c] c.</summary>
    Replicate = 2,
    /// <summary>Wrap around: [a b c] → c [a b c] a.</summary>
    Circular = 3,
    /// <summary>A constant value (<c>pad</c>'s default).</summary>
    Constant = 4,
}

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Stateless forms of the layers: <c>nn.functional.conv2d(x, w)</c>, <c>nn.functional.max_pool2d(x, 2)</c>, ….</summary>
        public static partial class functional
        {
            /// <summary>
            /// 2-D convolution (cross-correlation): y[n, o, i, j] = b[o] + Σ_{c,p,q} w[o, c, p, q] · x[n, g·C/G + c, i·s − pad + p·d, j·s − pad + q·d]
            /// for input [N, C, H, W] (or unbatched [C, H, W]) and weight [O, C/groups, kH, kW].
            /// Output size: ⌊(in + 2·pad − d·(k − 1) − 1)/s⌋ + 1.
            /// </summary>
            /// <exception cref="ArgumentException">When channel counts, groups or sizes do not fit.</exception>
            public static Tensor conv2d(Tensor input, Tensor weight, Tensor? bias = null, long[]? strides = null, long[]? padding = null,
                long[]? dilation = null, long groups = 1)
            {
                OpBan.Enter("conv2d");
                var s = Pair(strides, 1);
                var p = Pair(padding, 0);
                var d = Pair(dilation, 1);
                return Batched(input, 4, "conv2d", x => Convolution(x, weight, bias, s, p, d, groups));
            }

            /// <summary>TorchSharp's conv2d with a padding preset: <see cref="Padding.Valid"/> (none) or <see cref="Padding.Same"/> (output size = input size, stride 1).</summary>
            public static Tensor conv2d_padding(Tensor input, Tensor weight, Tensor? bias = null, long[]? strides = null, Padding padding = Padding.Valid, long[]? dilation = null, long groups = 1)
            {
                if (padding == Padding.Valid) return conv2d(input, weight, bias, strides, null, dilation, groups);
                var s = Pair(strides, 1);
                if (s.h != 1 || s.w != 1) throw new ArgumentException("padding='same' is not supported for strided convolutions");
                var d = Pair(dilation, 1);
                // "same": total padding d·(k − 1) per axis, split left = total/2, right = the rest (one more when odd).
                long th = d.h * (weight.size(-2) - 1), tw = d.w * (weight.size(-1) - 1);
                if (th % 2 == 1 || tw % 2 == 1)
                    input = pad(input, [0, tw % 2, 0, th % 2]);
                return conv2d(input, weight, bias, strides, [th / 2, tw / 2], dilation, groups);
            }

            /// <summary>1-D convolution over [N, C, L] (or [C, L]) with weight [O, C/groups, k]: conv2d on a height-1 image.</summary>
            public static Tensor conv1d(Tensor input, Tensor weight, Tensor? bias = null, long? stride = null, long? padding = null,
                long? dilation = null, long groups = 1)
            {
                OpBan.Enter("conv1d");
                CheckDims(input, 3, "conv1d");
                var y = conv2d(input.unsqueeze(-2), weight.unsqueeze(-2), bias, [1, stride ?? 1], [0, padding ?? 0], [1, dilation ?? 1], groups);
                return y.squeeze(-2);
            }

            /// <summary>TorchSharp's conv1d with a padding preset: <see cref="Padding.Valid"/> or <see cref="Padding.Same"/>.</summary>
            public static Tensor conv1d_padding(Tensor input, Tensor weight, Tensor? bias = null, long? stride = null, Padding padding = Padding.Valid, long? dilation = null, long groups = 1)
            {
                OpBan.Enter("conv1d");
                CheckDims(input, 3, "conv1d");
                var y = conv2d_padding(input.unsqueeze(-2), weight.unsqueeze(-2), bias, [1, stride ?? 1], padding, [1, dilation ?? 1], groups);
                return y.squeeze(-2);
            }

            /// <summary>
            /// Transposed 2-D convolution (the gradient of conv2d with respect to its input): every input pixel scatters
            /// w[c, o, :, :]·x into the output. Weight [C_in, C_out/groups, kH, kW].
            /// Output size: (in − 1)·s − 2·pad + d·(k − 1) + output_padding + 1.
            /// </summary>
            public static Tensor conv_transpose2d(Tensor input, Tensor weight, Tensor? bias = null, long[]? strides = null, long[]? padding = null,
                long[]? output_padding = null, long[]? dilation = null, long groups = 1)
            {
                OpBan.Enter("conv_transpose2d");
                var s = Pair(strides, 1);
                var p = Pair(padding, 0);
                var op = Pair(output_padding, 0);
                var d = Pair(dilation, 1);
                if (op.h >= Math.Max(s.h, d.h) || op.w >= Math.Max(s.w, d.w))
                    throw new ArgumentException($"output padding must be smaller than either stride or dilation, but got output_padding={ShapeString([op.h, op.w])}, stride={ShapeString([s.h, s.w])}, dilation={ShapeString([d.h, d.w])}");
                return Batched(input, 4, "conv_transpose2d", x =>
                {
                    CheckConvTypes(x, weight, bias);
                    if (weight.ndim != 4 || x.size(1) != weight.size(0) || weight.size(0) % groups != 0)
                        throw new ArgumentException($"Given transposed=1, weight of size {ShapeString(weight._shape)}, expected input{ShapeString(x._shape)} to have {weight.size(0)} channels, but got {x.size(1)} channels instead");
                    long oh = (x.size(2) - 1) * s.h - 2 * p.h + d.h * (weight.size(2) - 1) + op.h + 1;
                    long ow = (x.size(3) - 1) * s.w - 2 * p.w + d.w * (weight.size(3) - 1) + op.w + 1;
                    // conv_transpose(x) is the input gradient of the convolution that maps [N, C_out, oh, ow] to x's shape.
                    var g = new ConvGeometry((int)x.size(0), (int)(weight.size(1) * groups), (int)oh, (int)ow, (int)weight.size(0),
                        (int)weight.size(2), (int)weight.size(3), (int)s.h, (int)s.w, (int)p.h, (int)p.w, (int)d.h, (int)d.w, (int)groups,
                        (int)x.size(2), (int)x.size(3));
                    var y = ConvInput(x, weight, g);
                    return bias is null ? y : y + bias.view(1, -1, 1, 1);
                });
            }

            static (long h, long w) Pair(long[]? values, long fallback) => values switch
            {
                null or { Length: 0 } => (fallback, fallback),
                { Length: 1 } => (values[0], values[0]),
                _ => (values[0], values[1]),
            };

            static void CheckDims(Tensor input, int batchedDims, string op)
            {
                if (input.ndim != batchedDims && input.ndim != batchedDims - 1)
                    throw new ArgumentException($"Expected {batchedDims - 1}D (unbatched) or {batchedDims}D (batched) input to {op}, but got input of size: {ShapeString(input._shape)}");
            }

            /// <summary>Runs <paramref name="f"/> on a batched input; an unbatched one gets a batch dimension of 1 for the call.</summary>
            static Tensor Batched(Tensor input, int batchedDims, string op, Func<Tensor, Tensor> f)
            {
                CheckDims(input, batchedDims, op);
                return input.ndim == batchedDims ? f(input) : f(input.unsqueeze(0)).squeeze(0);
            }

            static void CheckConvTypes(Tensor input, Tensor weight, Tensor? bias)
            {
                if (input.dtype != weight.dtype || (bias is not null && bias.dtype != input.dtype))
                    throw new ArgumentException($"Input type ({input.dtype}) and weight type ({weight.dtype}) should be the same" + (bias is null ? "" : $" (bias: {bias.dtype})"));
                if (input.dtype != ScalarType.Float32 && input.dtype != ScalarType.Float64)
                    throw new ArgumentException($"convolution supports float32 and float64 inputs, but got {input.dtype}");
            }

            /// <summary>Checks shapes and builds the geometry of conv(x [N, C, H, W], w [O, C/G, kH, kW]).</summary>
            static Tensor Convolution(Tensor x, Tensor weight, Tensor? bias, (long h, long w) s, (long h, long w) p, (long h, long w) d, long groups)
            {
                CheckConvTypes(x, weight, bias);
                if (weight.ndim != 4)
                    throw new ArgumentException($"Expected 4-dimensional weight for 4-dimensional input {ShapeString(x._shape)}, but got {weight.ndim}-dimensional weight of size {ShapeString(weight._shape)}");
                if (groups < 1 || weight.size(0) % groups != 0)
                    throw new ArgumentException($"Given groups={groups}, expected weight to be divisible by {groups} at dimension 0, but got weight of size {ShapeString(weight._shape)} instead");
                if (x.size(1) != weight.size(1) * groups)
                    throw new ArgumentException($"Given groups={groups}, weight of size {ShapeString(weight._shape)}, expected input{ShapeString(x._shape)} to have {weight.size(1) * groups} channels, but got {x.size(1)} channels instead");
                if (bias is not null && (bias.ndim != 1 || bias.size(0) != weight.size(0)))
                    throw new ArgumentException($"Given weight of size {ShapeString(weight._shape)}, expected bias to be 1-dimensional with {weight.size(0)} elements, but got bias of size {ShapeString(bias._shape)} instead");
                if (s.h < 1 || s.w < 1 || d.h < 1 || d.w < 1 || p.h < 0 || p.w < 0)
                    throw new ArgumentException($"conv2d expects positive stride and dilation and non-negative padding, but got stride={ShapeString([s.h, s.w])}, padding={ShapeString([p.h, p.w])}, dilation={ShapeString([d.h, d.w])}");
                long ph = x.size(2) + 2 * p.h, pw = x.size(3) + 2 * p.w;
                long kh = d.h * (weight.size(2) - 1) + 1, kw = d.w * (weight.size(3) - 1) + 1;
                if (kh > ph || kw > pw)
                    throw new ArgumentException($"Calculated padded input size per channel: ({ph} x {pw}). Kernel size: ({kh} x {kw}). Kernel size can't be greater than actual input size");
                var g = new ConvGeometry((int)x.size(0), (int)x.size(1), (int)x.size(2), (int)x.size(3), (int)weight.size(0),
                    (int)weight.size(2), (int)weight.size(3), (int)s.h, (int)s.w, (int)p.h, (int)p.w, (int)d.h, (int)d.w, (int)groups,
                    ConvGeometry.OutSize(x.size(2), weight.size(2), s.h, p.h, d.h), ConvGeometry.OutSize(x.size(3), weight.size(3), s.w, p.w, d.w));
                return ConvForward(x, weight, bias, g);
            }

            /// <summary>A detached, contiguous, offset-0 copy (or the tensor itself when it already is one), for the kernels.</summary>
            static Tensor Dense(Tensor t)
            {
                t = t.detach();
                return t.is_contiguous() && t._offset == 0 && t.storage.Data.Length == t.numel() ? t : t.clone();
            }

            /// <summary>y = conv(x, w) + b. Backward (PyTorch's formulation, differentiable so double backward works):
            /// dx = conv_transpose(dy, w), dw = ConvWeight(x, dy), db = Σ_{n,i,j} dy.</summary>
            static Tensor ConvForward(Tensor x, Tensor w, Tensor? bias, ConvGeometry g)
            {
                var y = Tensor.Empty([g.N, g.O, g.OH, g.OW], x.dtype);
                Tensor xd = Dense(x), wd = Dense(w);
                if (x.dtype == ScalarType.Float32)
                    ConvKernels.Forward(xd.Elements<float>(), wd.Elements<float>(), bias is null ? null : Dense(bias).Elements<float>(), y.Elements<float>(), g, get_num_threads());
                else
                    ConvKernels.Forward(xd.Elements<double>(), wd.Elements<double>(), bias is null ? null : Dense(bias).Elements<double>(), y.Elements<double>(), g, get_num_threads());
                Tensor[] inputs = bias is null ? [x, w] : [x, w, bias];
                return y.WithGrad("ConvolutionBackward0", inputs, dy =>
                {
                    // The three gradients all read dy densely: make the dense copy once (dy from sum() is an expanded
                    // view, and each copy of it is a full pass). Only when dy needs no graph of its own, since Dense detaches.
                    if (!dy.requires_grad) dy = Dense(dy);
                    return [
                        x.requires_grad ? ConvInput(dy, w, g) : null,
                        w.requires_grad ? ConvWeight(x, dy, g) : null,
                        bias is { requires_grad: true } ? ConvBias(dy, g) : null,
                    ];
                }, x, w);
            }

            /// <summary>db = Σ_{n,i,j} dy[n, :, i, j]. Backward: d(dy) = G broadcast over [N, ·, OH, OW].</summary>
            static Tensor ConvBias(Tensor dy, ConvGeometry g)
            {
                var db = Tensor.Empty([g.O], dy.dtype);
                var dyd = Dense(dy);
                if (dy.dtype == ScalarType.Float32)
                    ConvKernels.BiasGrad(dyd.Elements<float>(), db.Elements<float>(), g, get_num_threads());
                else
                    ConvKernels.BiasGrad(dyd.Elements<double>(), db.Elements<double>(), g, get_num_threads());
                long[] dyShape = dy.shape;
                return db.WithGrad("ConvolutionBackwardBias", [dy], gb => [gb.view(1, -1, 1, 1).expand(dyShape)]);
            }

            /// <summary>dx = col2im(wᵀ·dy), the adjoint of conv in x (and conv_transpose2d's forward).
            /// Backward: d(dy) = conv(G, w), dw = ConvWeight(G, dy).</summary>
            static Tensor ConvInput(Tensor dy, Tensor w, ConvGeometry g)
            {
                var dx = Tensor.Empty([g.N, g.C, g.H, g.W], dy.dtype);
                Tensor dyd = Dense(dy), wd = Dense(w);
                if (dy.dtype == ScalarType.Float32)
                    ConvKernels.InputGrad(dyd.Elements<float>(), wd.Elements<float>(), dx.Elements<float>(), g, get_num_threads());
                else
                    ConvKernels.InputGrad(dyd.Elements<double>(), wd.Elements<double>(), dx.Elements<double>(), g, get_num_threads());
                return dx.WithGrad("ConvolutionBackwardInput", [dy, w], gx => [
                    dy.requires_grad ? ConvForward(gx, w, null, g) : null,
                    w.requires_grad ? ConvWeight(gx, dy, g) : null,
                ], dy, w);
            }

            /// <summary>dw = Σ_n dy_n·cols(x_n)ᵀ, bilinear in (x, dy): ⟨dw, G⟩ = ⟨dy, conv(x, G)⟩.
            /// Backward: dx = conv_transpose(dy, G), d(dy) = conv(x, G).</summary>
            static Tensor ConvWeight(Tensor x, Tensor dy, ConvGeometry g)
            {
                var dw = Tensor.Empty([g.O, g.C / g.Groups, g.KH, g.KW], x.dtype);
                Tensor xd = Dense(x), dyd = Dense(dy);
                if (x.dtype == ScalarType.Float32)
                    ConvKernels.WeightGrad(xd.Elements<float>(), dyd.Elements<float>(), dw.Elements<float>(), g, get_num_threads());
                else
                    ConvKernels.WeightGrad(xd.Elements<double>(), dyd.Elements<double>(), dw.Elements<double>(), g, get_num_threads());
                return dw.WithGrad("ConvolutionBackwardWeight", [x, dy], gw => [
                    x.requires_grad ? ConvInput(dy, gw, g) : null,
                    dy.requires_grad ? ConvForward(x, gw, null, g) : null,
                ], x, dy);
            }
        }
    }
}
