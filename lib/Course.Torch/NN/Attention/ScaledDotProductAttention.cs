namespace Course.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Attention(Q, K, V) = softmax(Q·Kᵀ/√E + mask)·V for query (..., L, E), key (..., S, E), value (..., S, Ev).
            /// A boolean <paramref name="attn_mask"/> marks with true the pairs that may attend; a float one is added to
            /// the scores. <paramref name="is_causal"/> lets position i attend only to positions j ≤ i.
            /// Dropout with probability <paramref name="p"/> applies to the attention weights.
            /// </summary>
            /// <exception cref="ArgumentException">When the shapes do not line up.</exception>
            public static Tensor scaled_dot_product_attention(Tensor query, Tensor key, Tensor value, Tensor? attn_mask = null, double p = 0.0, bool is_causal = false)
            {
                OpBan.Enter("scaled_dot_product_attention");
                if (query.ndim < 2 || key.ndim < 2 || value.ndim < 2 || query._shape[^1] != key._shape[^1] || key._shape[^2] != value._shape[^2])
                    throw new ArgumentException($"scaled_dot_product_attention: expected query (..., L, E), key (..., S, E) and value (..., S, Ev), got {ShapeString(query._shape)}, {ShapeString(key._shape)} and {ShapeString(value._shape)}");
                long targetLength = query._shape[^2], sourceLength = key._shape[^2];
                var scores = query.matmul(key.transpose(-2, -1)) * (1 / Math.Sqrt(query._shape[^1]));
                if (is_causal)
                {
                    var allowed = arange(targetLength).view(targetLength, 1).ge(arange(sourceLength).view(1, sourceLength));
                    scores = scores.masked_fill(allowed.logical_not(), double.NegativeInfinity);
                }
                if (attn_mask is not null)
                    scores = attn_mask.dtype == ScalarType.Bool ? scores.masked_fill(attn_mask.logical_not(), double.NegativeInfinity) : scores + attn_mask;
                var weights = scores.softmax(-1);
                if (p > 0) weights = weights * ones_like(weights).bernoulli_(1 - p) / (1 - p);
                return weights.matmul(value);
            }
        }
    }
}
