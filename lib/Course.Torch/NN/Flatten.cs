namespace Course.Torch.Modules
{
    using static Course.Torch.torch;

    /// <summary>Merges dims start_dim..end_dim into one: [N, C, H, W] → [N, C·H·W] by default (keeps the batch dim).</summary>
    public sealed class Flatten : nn.Module<Tensor, Tensor>
    {
        internal Flatten(long startDim, long endDim) : base(nameof(Flatten)) { start_dim = startDim; end_dim = endDim; }

        /// <summary>The first dim merged.</summary>
        public long start_dim { get; set; }

        /// <summary>The last dim merged.</summary>
        public long end_dim { get; set; }

        /// <inheritdoc/>
        public override Tensor forward(Tensor tensor) => tensor.flatten(start_dim, end_dim);
    }

    /// <summary>Splits dim <c>dim</c> into <c>unflattened_size</c>: [N, 12] → [N, 3, 4].</summary>
    public sealed class Unflatten : nn.Module<Tensor, Tensor>
    {
        internal Unflatten(long dim, long[] unflattenedSize) : base(nameof(Unflatten)) { this.dim = dim; unflattened_size = unflattenedSize; }

        /// <summary>The dim split.</summary>
        public long dim { get; set; }

        /// <summary>The sizes it is split into (one may be −1).</summary>
        public long[] unflattened_size { get; set; }

        /// <inheritdoc/>
        public override Tensor forward(Tensor tensor) => tensor.unflatten(dim, unflattened_size);
    }
}

namespace Course.Torch
{
    using Course.Torch.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Merges dims <paramref name="startDim"/>..<paramref name="endDim"/> into one.</summary>
            public static Flatten Flatten(long startDim = 1, long endDim = -1) => new(startDim, endDim);

            /// <summary>Splits <paramref name="dim"/> into <paramref name="unflattenedSize"/>.</summary>
            public static Unflatten Unflatten(long dim, long[] unflattenedSize) => new(dim, unflattenedSize);
        }
    }
}
