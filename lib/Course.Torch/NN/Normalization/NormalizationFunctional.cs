namespace Course.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Stateless forms of the layers (<c>nn.functional.batch_norm(...)</c>).</summary>
        public static partial class functional
        {
            /// <summary>
            /// Batch normalization over every dimension but the channels (dim 1):
            /// y = (x − mean) / √(var + eps) · weight + bias. In training the batch's mean and biased variance are used and
            /// the running statistics (if given) move towards them: r ← (1 − momentum)·r + momentum·batch_stat, with the
            /// unbiased variance for running_var. Otherwise the running statistics are used.
            /// </summary>
            /// <exception cref="ArgumentException">When the input has fewer than 2 dimensions, the channel count differs from the
            /// statistics' or parameters' length, or training sees a single value per channel.</exception>
            public static Tensor batch_norm(Tensor input, Tensor? running_mean, Tensor? running_var, Tensor? weight = null, Tensor? bias = null,
                bool training = false, double momentum = 0.1, double eps = 1e-5)
            {
                OpBan.Enter("batch_norm");
                if (input.ndim < 2)
                    throw new ArgumentException($"batch_norm: expected an input with at least 2 dimensions (N, C, ...), got input of shape {ShapeString(input._shape)}");
                long channels = input._shape[1];
                foreach (var (what, t) in new[] { ("running_mean", running_mean), ("running_var", running_var), ("weight", weight), ("bias", bias) })
                    if (t is not null && t.numel() != channels)
                        throw new ArgumentException($"batch_norm: expected input with {t.numel()} channels ({what} has {t.numel()} elements), got {channels} channels in input of shape {ShapeString(input._shape)}");
                var dims = Enumerable.Range(0, (int)input.ndim).Where(d => d != 1).Select(d => (long)d).ToArray();
                var statShape = Enumerable.Range(0, (int)input.ndim).Select(d => d == 1 ? channels : 1L).ToArray();
                Tensor mean, variance;
                if (training || running_mean is null || running_var is null)
                {
                    long count = input.numel() / Math.Max(channels, 1);
                    if (training && count <= 1)
                        throw new ArgumentException($"Expected more than 1 value per channel when training, got input size {ShapeString(input._shape)}");
                    mean = input.mean(dims, keepdim: true);
                    variance = input.var(dims, unbiased: false, keepdim: true);
                    if (training && running_mean is not null && running_var is not null)
                        using (no_grad())
                        {
                            running_mean.copy_(running_mean * (1 - momentum) + mean.detach().reshape(channels) * momentum);
                            running_var.copy_(running_var * (1 - momentum) + variance.detach().reshape(channels) * (momentum * count / (count - 1)));
                        }
                }
                else
                {
                    mean = running_mean.reshape(statShape);
                    variance = running_var.reshape(statShape);
                }
                var output = (input - mean) * (variance + eps).rsqrt();
                if (weight is not null) output = output * weight.reshape(statShape);
                if (bias is not null) output = output + bias.reshape(statShape);
                return output;
            }

            /// <summary>
            /// Layer normalization over the last dimensions (<paramref name="normalized_shape"/>):
            /// y = (x − mean) / √(var + eps) · weight + bias, with the biased variance of each sample.
            /// </summary>
            /// <exception cref="ArgumentException">When the input's trailing dimensions differ from <paramref name="normalized_shape"/>.</exception>
            public static Tensor layer_norm(Tensor input, long[] normalized_shape, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5)
            {
                OpBan.Enter("layer_norm");
                int k = normalized_shape.Length, n = input._shape.Length;
                if (k == 0 || k > n || !input._shape.AsSpan(n - k).SequenceEqual(normalized_shape))
                    throw new ArgumentException($"Given normalized_shape={ShapeString(normalized_shape)}, expected input with shape [*, {string.Join(", ", normalized_shape)}], but got input of size {ShapeString(input._shape)}");
                var dims = Enumerable.Range(n - k, k).Select(d => (long)d).ToArray();
                var mean = input.mean(dims, keepdim: true);
                var variance = input.var(dims, unbiased: false, keepdim: true);
                var output = (input - mean) * (variance + eps).rsqrt();
                if (weight is not null) output = output * weight;
                if (bias is not null) output = output + bias;
                return output;
            }

            /// <summary>
            /// Group normalization: the channels of each sample split into <paramref name="num_groups"/> groups, each
            /// normalized over its channels and spatial positions, then scaled per channel: y = x̂ · weight[c] + bias[c].
            /// </summary>
            /// <exception cref="ArgumentException">When the channel count is not divisible by the number of groups.</exception>
            public static Tensor group_norm(Tensor input, long num_groups, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5)
            {
                if (input.ndim < 2)
                    throw new ArgumentException($"group_norm: expected an input with at least 2 dimensions (N, C, ...), got input of shape {ShapeString(input._shape)}");
                long batch = input._shape[0], channels = input._shape[1];
                if (num_groups <= 0 || channels % num_groups != 0)
                    throw new ArgumentException($"Expected number of channels in input to be divisible by num_groups, but got input of shape {ShapeString(input._shape)} and num_groups={num_groups}");
                var grouped = input.reshape(batch, num_groups, -1);
                var mean = grouped.mean([2L], keepdim: true);
                var variance = grouped.var([2L], unbiased: false, keepdim: true);
                var output = ((grouped - mean) * (variance + eps).rsqrt()).reshape(input._shape);
                var channelShape = Enumerable.Range(0, (int)input.ndim).Select(d => d == 1 ? channels : 1L).ToArray();
                if (weight is not null) output = output * weight.reshape(channelShape);
                if (bias is not null) output = output + bias.reshape(channelShape);
                return output;
            }

            /// <summary>
            /// Local response normalization across channels: y_c = x_c / (k + α/n · Σ x_{c'}²)^β, the sum running over the
            /// n = <paramref name="size"/> channels c' ∈ [c − n/2, c + (n − 1)/2] (zeros beyond the edges).
            /// </summary>
            /// <exception cref="ArgumentException">When the input has fewer than 3 dimensions.</exception>
            public static Tensor local_response_norm(Tensor input, long size, double alpha = 0.0001, double beta = 0.75, double k = 1.0)
            {
                if (input.ndim < 3)
                    throw new ArgumentException($"Expected 3D or higher dimensionality input (got {input.ndim} dimensions, shape {ShapeString(input._shape)})");
                long channels = input._shape[1];
                var squares = input * input;
                var before = input._shape.ToArray(); before[1] = size / 2;
                var after = input._shape.ToArray(); after[1] = (size - 1) / 2;
                var padded = cat([zeros(before, input.dtype), squares, zeros(after, input.dtype)], 1);
                var windowSum = padded.narrow(1, 0, channels);
                for (long j = 1; j < size; j++) windowSum = windowSum + padded.narrow(1, j, channels);
                return input / (windowSum * (alpha / size) + k).pow(beta);
            }
        }
    }
}
