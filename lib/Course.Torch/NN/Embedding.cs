namespace Course.Torch.Modules
{
    using static Course.Torch.torch;

    /// <summary>
    /// A lookup table: row i of <c>weight</c> [num_embeddings, embedding_dim] is the vector for index i, so an index
    /// tensor [...] maps to [..., embedding_dim]. Default init N(0, 1), with the padding_idx row zero.
    /// </summary>
    public sealed class Embedding : nn.Module<Tensor, Tensor>
    {
        Parameter _weight;

        internal Embedding(Tensor weight, long? padding_idx, double? max_norm, double norm_type, bool scale_grad_by_freq, bool sparse) : base(nameof(Embedding))
        {
            if (sparse) throw new NotSupportedException("Embedding: sparse gradients are not supported; use sparse=false.");
            num_embeddings = weight.shape[0];
            embedding_dim = weight.shape[1];
            this.padding_idx = nn.functional.PaddingIndex(padding_idx, num_embeddings);
            this.max_norm = max_norm;
            this.norm_type = norm_type;
            this.scale_grad_by_freq = scale_grad_by_freq;
            _weight = weight as Parameter ?? nn.Parameter(weight);
            register_parameter("weight", _weight);
        }

        /// <summary>The number of rows (valid indices are 0..num_embeddings−1).</summary>
        public long num_embeddings { get; }

        /// <summary>The size of each vector.</summary>
        public long embedding_dim { get; }

        /// <summary>The index whose row stays fixed (gets no gradient), or null.</summary>
        public long? padding_idx { get; }

        /// <summary>If set, looked-up rows with a larger norm are rescaled in place to this norm.</summary>
        public double? max_norm { get; }

        /// <summary>The p of the p-norm used with max_norm.</summary>
        public double norm_type { get; }

        /// <summary>Whether gradients are divided by how often each index occurs in the batch.</summary>
        public bool scale_grad_by_freq { get; }

        /// <summary>The table [num_embeddings, embedding_dim]; assigning re-registers it.</summary>
        public Parameter weight
        {
            get => _weight;
            set { _weight = value; register_parameter("weight", value); }
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor input) =>
            nn.functional.embedding(input, _weight, padding_idx, max_norm, norm_type, scale_grad_by_freq);
    }
}

namespace Course.Torch
{
    using Course.Torch.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A learnable lookup table of <paramref name="num_embeddings"/> vectors of size <paramref name="embedding_dims"/>, initialized N(0, 1).</summary>
            /// <exception cref="NotSupportedException">For sparse=true.</exception>
            public static Embedding Embedding(long num_embeddings, long embedding_dims, long? padding_idx = null, double? max_norm = null,
                double norm_type = 2.0, bool scale_grad_by_freq = false, bool sparse = false, Device? device = null, ScalarType? dtype = null)
            {
                var weight = empty([num_embeddings, embedding_dims], dtype ?? get_default_dtype());
                init.normal_(weight);
                var pad = functional.PaddingIndex(padding_idx, num_embeddings);
                if (pad is long row) using (no_grad()) weight[row].zero_();
                return new(weight, padding_idx, max_norm, norm_type, scale_grad_by_freq, sparse);
            }

            /// <summary>An Embedding whose table is <paramref name="embeddings"/> [num, dim]; frozen (no gradient) by default.</summary>
            /// <exception cref="NotSupportedException">For sparse=true.</exception>
            public static Embedding Embedding_from_pretrained(Tensor embeddings, bool freeze = true, long? padding_idx = null, double? max_norm = null,
                double norm_type = 2.0, bool scale_grad_by_freq = false, bool sparse = false, Device? device = null, ScalarType? dtype = null)
            {
                if (embeddings.ndim != 2) throw new ArgumentException($"Embeddings parameter is expected to be 2-dimensional, got shape {ShapeString(embeddings.shape)}");
                var weight = nn.Parameter(dtype is ScalarType t ? embeddings.to(t) : embeddings, !freeze);
                return new(weight, padding_idx, max_norm, norm_type, scale_grad_by_freq, sparse);
            }

            public static partial class functional
            {
                /// <summary>padding_idx with a negative value counted from the end; checked against the table size.</summary>
                internal static long? PaddingIndex(long? padding_idx, long num_embeddings)
                {
                    if (padding_idx is not long p) return null;
                    if (p < -num_embeddings || p >= num_embeddings)
                        throw new ArgumentException($"Padding_idx must be within num_embeddings (got padding_idx={p}, num_embeddings={num_embeddings})");
                    return p < 0 ? p + num_embeddings : p;
                }

                /// <summary>
                /// out[..., :] = weight[input[...], :]. Backward (dense, no sparse gradient): the rows of g are added
                /// into a zero gradient at their indices (repeated indices accumulate), the padding_idx row gets none,
                /// and with scale_grad_by_freq each row is divided by its index's count in the batch.
                /// With max_norm, the looked-up rows whose p-norm exceeds it are first rescaled in place to
                /// max_norm/(norm + 1e-7) times themselves, as PyTorch does.
                /// </summary>
                /// <exception cref="ArgumentException">For a non-integer input or an index outside [0, num_embeddings).</exception>
                public static Tensor embedding(Tensor input, Tensor weight, long? padding_idx = null, double? max_norm = null,
                    double norm_type = 2.0, bool scale_grad_by_freq = false, bool sparse = false)
                {
                    if (sparse) throw new NotSupportedException("embedding: sparse gradients are not supported; use sparse=false.");
                    if (input.dtype != ScalarType.Int64 && input.dtype != ScalarType.Int32)
                        throw new ArgumentException($"Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got {input.dtype} instead (shape {ShapeString(input.shape)})");
                    if (weight.ndim != 2) throw new ArgumentException($"'weight' must be 2-D, got shape {ShapeString(weight.shape)}");
                    long rows = weight.shape[0], dim = weight.shape[1];
                    var pad = PaddingIndex(padding_idx, rows);
                    var flat = input.reshape(-1).to(ScalarType.Int64);
                    var indices = flat.data<long>().ToArray();
                    foreach (var i in indices)
                        if (i < 0 || i >= rows) throw new ArgumentException($"index out of range in self: index {i} with {rows} embeddings (weight {ShapeString(weight.shape)})");
                    if (max_norm is double maxNorm) Renorm(weight, indices, maxNorm, norm_type);

                    var result = weight.detach().index_select(0, flat).reshape([.. input.shape, dim]);
                    return result.WithGrad("EmbeddingBackward0", [weight], g =>
                    {
                        var rowsGrad = g.reshape(-1, dim);
                        if (scale_grad_by_freq)
                        {
                            var counts = indices.GroupBy(i => i).ToDictionary(c => c.Key, c => c.Count());
                            rowsGrad = rowsGrad.mul(tensor(indices.Select(i => 1.0 / counts[i]).ToArray(), [indices.Length, 1], g.dtype));
                        }
                        if (pad is long p) rowsGrad = rowsGrad.masked_fill(flat.eq(p).unsqueeze(1), 0);
                        return [zeros([rows, dim], g.dtype).index_add(0, flat, rowsGrad)];
                    });
                }

                /// <summary>In place, without grad: rows r of <paramref name="indices"/> with ‖w_r‖_p &gt; maxNorm become w_r·maxNorm/(‖w_r‖_p + 1e-7).</summary>
                static void Renorm(Tensor weight, long[] indices, double maxNorm, double p)
                {
                    using var _ = no_grad();
                    var unique = tensor(indices.Distinct().ToArray());
                    var picked = weight.index_select(0, unique);
                    var norms = picked.abs().pow(p).sum(1, true).pow(1 / p);
                    var scale = where(norms.gt(maxNorm), norms.add(1e-7).reciprocal().mul(maxNorm), ones_like(norms));
                    weight.index_add_(0, unique, picked.mul(scale).sub(picked));
                }
            }
        }
    }
}
