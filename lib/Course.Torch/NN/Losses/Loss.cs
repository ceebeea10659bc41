using Course.Torch.Modules;

namespace Course.Torch
{
    /// <summary>A loss criterion: a module of (input, target) that remembers how to reduce the per-element losses.</summary>
    public abstract class Loss<T1, T2, TResult> : torch.nn.Module<T1, T2, TResult>
    {
        /// <summary>Creates a loss with the given reduction.</summary>
        protected Loss(torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : base(nameof(Loss<T1, T2, TResult>))
        {
            this.reduction = reduction;
        }

        /// <summary>How per-element losses combine: none, mean or sum.</summary>
        public torch.nn.Reduction reduction { get; }
    }

    /// <summary>A loss with an optional per-class rescaling weight.</summary>
    public abstract class WeightedLoss<T1, T2, TResult> : Loss<T1, T2, TResult>
    {
        /// <summary>Creates a weighted loss.</summary>
        protected WeightedLoss(torch.Tensor? weight = null, torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : base(reduction)
        {
            this.weight = weight;
        }

        /// <summary>The per-class weight (null = all ones).</summary>
        public torch.Tensor? weight { get; }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>How a loss combines its per-element values.</summary>
            public enum Reduction : long
            {
                /// <summary>Keep every element's loss.</summary>
                None = 0,
                /// <summary>Average them.</summary>
                Mean = 1,
                /// <summary>Add them up.</summary>
                Sum = 2,
            }

            /// <summary>Functional forms of the layers and losses: <c>nn.functional.cross_entropy(x, y)</c>.</summary>
            public static partial class functional
            {
                /// <summary>Applies <paramref name="reduction"/> to per-element losses.</summary>
                internal static Tensor Reduce(Tensor loss, Reduction reduction) => reduction switch
                {
                    Reduction.Mean => loss.mean(),
                    Reduction.Sum => loss.sum(),
                    _ => loss,
                };

                /// <summary>Checks that two tensors have the same shape (the elementwise losses require it).</summary>
                internal static void CheckSameShape(Tensor input, Tensor target, string loss)
                {
                    if (!input.shape.SequenceEqual(target.shape))
                        throw new ArgumentException($"{loss}: target size {ShapeString(target.shape)} must be the same as input size {ShapeString(input.shape)}");
                }
            }
        }
    }
}
