using Course.Torch.Kernels;

namespace Course.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// im2col: [N, C, H, W] → [N, C·kH·kW, L], column l = (i, j) holding the receptive field of output position (i, j):
            /// out[n, (c, p, q), (i, j)] = x[n, c, i·s − pad + p·d, j·s − pad + q·d] (0 in the padding), L = OH·OW.
            /// A convolution is then w.view(O, −1) · unfold(x). Backward: fold (its adjoint).
            /// </summary>
            public static Tensor unfold(Tensor input, long kernel_size, long dilation = 1, long padding = 0, long stride = 1) =>
                unfold(input, (kernel_size, kernel_size), (dilation, dilation), (padding, padding), (stride, stride));

            /// <summary>im2col with (height, width) sizes.</summary>
            /// <exception cref="ArgumentException">For a non-4-D input or a kernel larger than the padded input.</exception>
            public static Tensor unfold(Tensor input, (long, long) kernel_size, (long, long)? dilation = null, (long, long)? padding = null, (long, long)? stride = null)
            {
                OpBan.Enter("unfold");
                if (input.ndim != 4)
                    throw new ArgumentException($"Input Error: Only 4D input Tensors are supported (got {input.ndim}D, size {ShapeString(input._shape)})");
                var g = FoldGeometry(input.size(0), input.size(1), input.size(2), input.size(3), kernel_size, dilation, padding, stride);
                if (g.OH < 1 || g.OW < 1)
                    throw new ArgumentException($"Given input with spatial size ({g.H}, {g.W}), kernel_size={ShapeString([g.KH, g.KW])}, dilation={ShapeString([g.DH, g.DW])}, padding={ShapeString([g.PH, g.PW])}, calculated shape of the array of sliding blocks as ({g.OH}, {g.OW}), but its components must be at least one.");
                return Unfold(input, g);
            }

            /// <summary>
            /// col2im: [N, C·kH·kW, L] → [N, C, output_size]: adds every column entry back at the pixel unfold read it from
            /// (overlapping blocks sum). Backward: unfold (its adjoint).
            /// </summary>
            public static Tensor fold(Tensor input, long output_size, long kernel_size, long dilation = 1, long padding = 0, long stride = 1) =>
                fold(input, (output_size, output_size), (kernel_size, kernel_size), (dilation, dilation), (padding, padding), (stride, stride));

            /// <summary>col2im with (height, width) sizes.</summary>
            /// <exception cref="ArgumentException">When the input's shape does not match the blocks implied by the sizes.</exception>
            public static Tensor fold(Tensor input, (long, long) output_size, (long, long) kernel_size, (long, long)? dilation = null, (long, long)? padding = null, (long, long)? stride = null)
            {
                OpBan.Enter("fold");
                if (input.ndim != 3)
                    throw new ArgumentException($"Input Error: Only unbatched (2D) or batched (3D) input Tensors are supported, and only 3D is implemented (got size {ShapeString(input._shape)})");
                long blocks = kernel_size.Item1 * kernel_size.Item2;
                if (input.size(1) % blocks != 0)
                    throw new ArgumentException($"Expected size of input's dimension 1 to be divisible by the product of kernel_size, but got input.size(1)={input.size(1)} and kernel_size={ShapeString([kernel_size.Item1, kernel_size.Item2])}");
                var g = FoldGeometry(input.size(0), input.size(1) / blocks, output_size.Item1, output_size.Item2, kernel_size, dilation, padding, stride);
                if ((long)g.OH * g.OW != input.size(2))
                    throw new ArgumentException($"Given output_size={ShapeString([output_size.Item1, output_size.Item2])}, kernel_size={ShapeString([g.KH, g.KW])}, dilation={ShapeString([g.DH, g.DW])}, padding={ShapeString([g.PH, g.PW])}, stride={ShapeString([g.SH, g.SW])}, expected size of input's dimension 2 to match the calculated number of sliding blocks {g.OH} * {g.OW} = {g.OH * g.OW}, but got input.size(2)={input.size(2)}.");
                return Fold(input, g);
            }

            static ConvGeometry FoldGeometry(long n, long c, long h, long w, (long, long) k, (long, long)? dilation, (long, long)? padding, (long, long)? stride)
            {
                var (dh, dw) = dilation ?? (1, 1);
                var (ph, pw) = padding ?? (0, 0);
                var (sh, sw) = stride ?? (1, 1);
                return new ConvGeometry((int)n, (int)c, (int)h, (int)w, 0, (int)k.Item1, (int)k.Item2, (int)sh, (int)sw, (int)ph, (int)pw, (int)dh, (int)dw, 1,
                    ConvGeometry.OutSize(h, k.Item1, sh, ph, dh), ConvGeometry.OutSize(w, k.Item2, sw, pw, dw));
            }

            /// <summary>Per image: the [C·kH·kW, L] column matrix. Backward: <see cref="Fold"/>.</summary>
            static Tensor Unfold(Tensor input, ConvGeometry g)
            {
                var x = Dense(input);
                var cols = Tensor.Empty([g.N, (long)g.C * g.KH * g.KW, g.L], input.dtype);
                int image = g.C * g.H * g.W, block = g.C * g.KH * g.KW * g.L;
                Parallel.For(0, g.N, new ParallelOptions { MaxDegreeOfParallelism = get_num_threads() }, n =>
                {
                    switch (x.storage.Data)
                    {
                        case float[] f: Im2Col.Unfold(f, n * image, g, cols.Elements<float>(), n * block); break;
                        case double[] d: Im2Col.Unfold(d, n * image, g, cols.Elements<double>(), n * block); break;
                        default: throw new ArgumentException($"unfold supports float32 and float64, but got {input.dtype}");
                    }
                });
                return cols.WithGrad("Im2ColBackward0", [input], dy => [Fold(dy, g)]);
            }

            /// <summary>Per image: sums the columns back into [C, H, W]. Backward: <see cref="Unfold"/>.</summary>
            static Tensor Fold(Tensor input, ConvGeometry g)
            {
                var cols = Dense(input);
                var x = Tensor.Empty([g.N, g.C, g.H, g.W], input.dtype);
                int image = g.C * g.H * g.W, block = g.C * g.KH * g.KW * g.L;
                Parallel.For(0, g.N, new ParallelOptions { MaxDegreeOfParallelism = get_num_threads() }, n =>
                {
                    switch (cols.storage.Data)
                    {
                        case float[] f: Im2Col.Fold(f, n * block, g, x.Elements<float>(), n * image); break;
                        case double[] d: Im2Col.Fold(d, n * block, g, x.Elements<double>(), n * image); break;
                        default: throw new ArgumentException($"fold supports float32 and float64, but got {input.dtype}");
                    }
                });
                return x.WithGrad("Col2ImBackward0", [input], dy => [Unfold(dy, g)]);
            }
        }
    }
}
