namespace Course.Torch.Modules
{
    using static Course.Torch.torch;

    /// <summary>A placeholder layer: forward(x) = x (useful to switch a block off without changing the model's structure).</summary>
    public sealed class Identity : nn.Module<Tensor, Tensor>
    {
        internal Identity() : base(nameof(Identity)) { }

        /// <inheritdoc/>
        public override Tensor forward(Tensor tensor) => tensor;
    }
}

namespace Course.Torch
{
    using Course.Torch.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A layer that returns its input.</summary>
            public static Identity Identity() => new();
        }
    }
}
