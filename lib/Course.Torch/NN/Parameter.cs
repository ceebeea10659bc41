namespace Course.Torch.Modules
{
    /// <summary>
    /// A tensor that is a module's learnable weight: it shares the data of the tensor it wraps, requires grad by
    /// default, and is what <c>parameters()</c> returns and optimizers update.
    /// </summary>
    public class Parameter : torch.Tensor
    {
        /// <summary>Wraps <paramref name="data"/> (sharing its storage) as a parameter.</summary>
        public Parameter(torch.Tensor data, bool requires_grad = true) : base(data.detach())
        {
            this.requires_grad = requires_grad;
        }
    }
}

namespace Course.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Wraps a tensor as a learnable parameter: <c>nn.Parameter(torch.randn(3, 4))</c>.</summary>
            public static Modules.Parameter Parameter(Tensor data, bool requires_grad = true) => new(data, requires_grad);
        }
    }
}
