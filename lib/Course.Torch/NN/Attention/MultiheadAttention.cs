using Course.Torch.Modules;
using static Course.Torch.torch;

namespace Course.Torch.Modules
{
    /// <summary>
    /// Multi-head attention ("Attention Is All You Need"): queries, keys and values are projected, split into
    /// num_heads heads of size head_dim = embed_dim / num_heads, attended per head with
    /// softmax(Q·Kᵀ/√head_dim + mask)·V, joined and projected again. Inputs are sequence-first: (L, N, E), or (L, E)
    /// for a single unbatched sequence.
    /// </summary>
    public sealed class MultiheadAttention : nn.Module<Tensor, Tensor, Tensor, Tensor?, bool, Tensor?, Tuple<Tensor, Tensor>>
    {
        /// <summary>The query, key and value projections stacked, (3E, E); null when kdim or vdim differ from E.</summary>
        public Parameter? in_proj_weight;
        /// <summary>The query projection (E, E) when kdim or vdim differ from E.</summary>
        public Parameter? q_proj_weight;
        /// <summary>The key projection (E, kdim) when kdim or vdim differ from E.</summary>
        public Parameter? k_proj_weight;
        /// <summary>The value projection (E, vdim) when kdim or vdim differ from E.</summary>
        public Parameter? v_proj_weight;
        /// <summary>The stacked query, key and value biases (3E); null without bias.</summary>
        public Parameter? in_proj_bias;
        /// <summary>The output projection.</summary>
        public NonDynamicallyQuantizableLinear out_proj;
        /// <summary>A learned key appended to every key sequence (1, 1, E), with add_bias_kv.</summary>
        public Parameter? bias_k;
        /// <summary>A learned value appended to every value sequence (1, 1, E), with add_bias_kv.</summary>
        public Parameter? bias_v;

        internal MultiheadAttention(long embed_dim, long num_heads, double dropout, bool bias, bool add_bias_kv, bool add_zero_attn, long kdim, long vdim)
            : base(nameof(MultiheadAttention))
        {
            if (num_heads <= 0 || embed_dim % num_heads != 0)
                throw new ArgumentException($"embed_dim must be divisible by num_heads, got embed_dim={embed_dim} and num_heads={num_heads}");
            this.embed_dim = embed_dim;
            this.num_heads = num_heads;
            this.dropout = dropout;
            this.add_zero_attn = add_zero_attn;
            this.kdim = kdim;
            this.vdim = vdim;
            // Xavier-uniform projections: bound √(6 / (fan_in + fan_out)).
            Tensor Xavier(long rows, long columns) => empty(rows, columns).uniform_(-Math.Sqrt(6.0 / (rows + columns)), Math.Sqrt(6.0 / (rows + columns)));
            if (kdim == embed_dim && vdim == embed_dim)
                in_proj_weight = nn.Parameter(Xavier(3 * embed_dim, embed_dim));
            else
            {
                q_proj_weight = nn.Parameter(Xavier(embed_dim, embed_dim));
                k_proj_weight = nn.Parameter(Xavier(embed_dim, kdim));
                v_proj_weight = nn.Parameter(Xavier(embed_dim, vdim));
            }
            if (bias) in_proj_bias = nn.Parameter(zeros(3 * embed_dim));
            out_proj = new NonDynamicallyQuantizableLinear(embed_dim, bias);
            if (add_bias_kv)
            {
                // Xavier-normal: std √(2 / (fan_in + fan_out)) = √(1/E) for a (1, 1, E) tensor.
                bias_k = nn.Parameter(empty(1, 1, embed_dim).normal_(0, Math.Sqrt(1.0 / embed_dim)));
                bias_v = nn.Parameter(empty(1, 1, embed_dim).normal_(0, Math.Sqrt(1.0 / embed_dim)));
            }
            RegisterComponents();
        }

        /// <summary>The model dimension E.</summary>
        public long embed_dim { get; }
        /// <summary>The number of heads.</summary>
        public long num_heads { get; }
        /// <summary>The dropout probability on the attention weights (training only).</summary>
        public double dropout { get; }
        /// <summary>Whether a zero key and value are appended to every sequence.</summary>
        public bool add_zero_attn { get; }
        /// <summary>The key features.</summary>
        public long kdim { get; }
        /// <summary>The value features.</summary>
        public long vdim { get; }

        /// <summary>
        /// Attends <paramref name="query"/> (L, N, E) to <paramref name="key"/> (S, N, kdim) and <paramref name="value"/>
        /// (S, N, vdim). <paramref name="key_padding_mask"/> (N, S) hides padded keys (true or −∞ = hidden);
        /// <paramref name="attn_mask"/> (L, S) or (N·num_heads, L, S) hides pairs (true = hidden, or added to the scores).
        /// </summary>
        /// <returns>The output (L, N, E) and, with <paramref name="need_weights"/>, the attention weights (after dropout) averaged over heads (N, L, S); otherwise null.</returns>
        /// <exception cref="ArgumentException">When the inputs' or masks' shapes do not fit.</exception>
        public override Tuple<Tensor, Tensor> forward(Tensor query, Tensor key, Tensor value, Tensor? key_padding_mask, bool need_weights, Tensor? attn_mask)
        {
            bool batched = query.ndim == 3;
            if (!batched)
            {
                query = query.unsqueeze(1); key = key.unsqueeze(1); value = value.unsqueeze(1);
                key_padding_mask = key_padding_mask?.unsqueeze(0);
            }
            CheckShapes(query, key, value);
            long L = query._shape[0], N = query._shape[1], E = embed_dim, H = num_heads, headDim = E / H;

            var (wq, wk, wv) = in_proj_weight is not null
                ? (in_proj_weight.narrow(0, 0, E), in_proj_weight.narrow(0, E, E), in_proj_weight.narrow(0, 2 * E, E))
                : (q_proj_weight!, k_proj_weight!, v_proj_weight!);
            var q = Project(query, wq, in_proj_bias?.narrow(0, 0, E));
            var k = Project(key, wk, in_proj_bias?.narrow(0, E, E));
            var v = Project(value, wv, in_proj_bias?.narrow(0, 2 * E, E));

            var mask = attn_mask is null ? null : Additive(attn_mask, q.dtype);
            if (mask is not null && mask.ndim == 2) mask = mask.unsqueeze(0);
            var padding = key_padding_mask is null ? null : Additive(key_padding_mask, q.dtype);
            if (bias_k is not null && bias_v is not null)
            {
                k = cat([k, bias_k.expand(1, N, E)], 0);
                v = cat([v, bias_v.expand(1, N, E)], 0);
                mask = PadLastWithZero(mask);
                padding = PadLastWithZero(padding);
            }
            // Heads become batch entries: (len, N, E) -> (N·H, len, headDim).
            q = q.reshape(L, N * H, headDim).transpose(0, 1);
            k = k.reshape(k._shape[0], N * H, headDim).transpose(0, 1);
            v = v.reshape(v._shape[0], N * H, headDim).transpose(0, 1);
            if (add_zero_attn)
            {
                k = cat([k, zeros(N * H, 1, headDim, k.dtype)], 1);
                v = cat([v, zeros(N * H, 1, headDim, v.dtype)], 1);
                mask = PadLastWithZero(mask);
                padding = PadLastWithZero(padding);
            }
            long S = k._shape[1];
            if (mask is not null && (mask.ndim != 3 || (mask._shape[0] != 1 && mask._shape[0] != N * H) || mask._shape[1] != L || mask._shape[2] != S))
                throw new ArgumentException($"MultiheadAttention: attn_mask of shape {ShapeString(attn_mask!._shape)} does not fit; expected [{L}, {S}] or [{N * H}, {L}, {S}]");
            if (padding is not null)
            {
                if (padding._shape[0] != N || padding._shape[1] != S)
                    throw new ArgumentException($"MultiheadAttention: expected key_padding_mask of shape [{N}, {S}], got {ShapeString(key_padding_mask!._shape)}");
                var perHead = padding.view(N, 1, 1, S).expand(N, H, 1, S).reshape(N * H, 1, S);
                mask = mask is null ? perHead : mask + perHead;
            }

            var scores = q.matmul(k.transpose(1, 2)) * (1 / Math.Sqrt(headDim));
            if (mask is not null) scores = scores + mask;
            var weights = scores.softmax(-1);
            if (training && dropout > 0) weights = weights * ones_like(weights).bernoulli_(1 - dropout) / (1 - dropout);
            var output = out_proj.call(weights.matmul(v).transpose(0, 1).reshape(L, N, E));
            var averaged = need_weights ? weights.view(N, H, L, S).mean([1L]) : null;
            if (!batched)
            {
                output = output.squeeze(1);
                averaged = averaged?.squeeze(0);
            }
            return Tuple.Create(output, averaged!);
        }

        /// <summary>Runs the module; masks default to none and the averaged weights are returned.</summary>
        public new Tuple<Tensor, Tensor> call(Tensor query, Tensor key, Tensor value, Tensor? key_padding_mask = null, bool need_weights = true, Tensor? attn_mask = null) =>
            base.call(query, key, value, key_padding_mask, need_weights, attn_mask);

        void CheckShapes(Tensor query, Tensor key, Tensor value)
        {
            if (query.ndim != 3 || query._shape[2] != embed_dim)
                throw new ArgumentException($"MultiheadAttention: expected query of shape [L, N, {embed_dim}] or [L, {embed_dim}], got {ShapeString(query._shape)}");
            if (key.ndim != 3 || value.ndim != 3 || key._shape[2] != kdim || value._shape[2] != vdim
                || key._shape[0] != value._shape[0] || key._shape[1] != query._shape[1] || value._shape[1] != query._shape[1])
                throw new ArgumentException($"MultiheadAttention: expected key [S, N, {kdim}] and value [S, N, {vdim}] for query {ShapeString(query._shape)}, got key {ShapeString(key._shape)} and value {ShapeString(value._shape)}");
        }

        /// <summary>x·Wᵀ + b.</summary>
        static Tensor Project(Tensor x, Tensor weight, Tensor? bias) => bias is null ? x.matmul(weight.t()) : x.matmul(weight.t()) + bias;

        /// <summary>A boolean mask (true = hidden) as 0/−∞ scores; a float mask as is.</summary>
        static Tensor Additive(Tensor mask, ScalarType dtype) =>
            mask.dtype == ScalarType.Bool ? zeros(mask._shape, dtype).masked_fill(mask, double.NegativeInfinity) : mask.to(dtype);

        /// <summary>Appends a zero column (an always-visible extra key) to a mask's last dimension.</summary>
        static Tensor? PadLastWithZero(Tensor? mask)
        {
            if (mask is null) return null;
            var shape = mask.shape;
            shape[^1] = 1;
            return cat([mask, zeros(shape, mask.dtype)], -1);
        }

        /// <summary>The output projection y = x·Wᵀ + b (PyTorch's Linear subclass of that name, so state_dict keys match).</summary>
        public sealed class NonDynamicallyQuantizableLinear : nn.Module<Tensor, Tensor>
        {
            /// <summary>The weight (E, E), uniform in ±1/√E.</summary>
            public Parameter weight;
            /// <summary>The bias (E), zeros; null without bias.</summary>
            public Parameter? bias;

            internal NonDynamicallyQuantizableLinear(long features, bool hasBias) : base(nameof(NonDynamicallyQuantizableLinear))
            {
                weight = nn.Parameter(empty(features, features).uniform_(-1 / Math.Sqrt(features), 1 / Math.Sqrt(features)));
                if (hasBias) bias = nn.Parameter(zeros(features));
                RegisterComponents();
            }

            /// <summary>x·Wᵀ + b.</summary>
            public override Tensor forward(Tensor input) => Project(input, weight, bias);
        }
    }
}

namespace Course.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Multi-head attention over sequence-first inputs (L, N, E).</summary>
            /// <param name="embedded_dim">The model dimension E.</param>
            /// <param name="num_heads">The number of heads (must divide E).</param>
            /// <param name="dropout">Dropout probability on the attention weights.</param>
            /// <param name="bias">Whether the projections have biases.</param>
            /// <param name="add_bias_kv">Whether to append a learned key and value to every sequence.</param>
            /// <param name="add_zero_attn">Whether to append a zero key and value to every sequence.</param>
            /// <param name="kdim">The key features (default E).</param>
            /// <param name="vdim">The value features (default E).</param>
            /// <exception cref="ArgumentException">When num_heads does not divide embedded_dim.</exception>
            public static MultiheadAttention MultiheadAttention(long embedded_dim, long num_heads, double dropout = 0.0, bool bias = true,
                bool add_bias_kv = false, bool add_zero_attn = false, long? kdim = null, long? vdim = null) =>
                new(embedded_dim, num_heads, dropout, bias, add_bias_kv, add_zero_attn, kdim ?? embedded_dim, vdim ?? embedded_dim);
        }
    }
}
