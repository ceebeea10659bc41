using System.Numerics;
using System.Numerics.Tensors;
using Course.Torch.Kernels;

namespace Course.Torch;

// Stand-ins for ops the elementwise area owns; deleted at merge in favour of the owner's versions.
public static partial class torch
{
    public sealed partial class Tensor
    {
        /// <summary>e^x. d/dx = e^x.</summary>
        public Tensor exp()
        {
            var result = FloatUnary<TempExpOp>(this);
            return result.WithGrad("ExpBackward0", [this], g => [g.mul(result)], result);
        }

        /// <summary>ln x. d/dx = 1/x.</summary>
        public Tensor log() => FloatUnary<TempLogOp>(this).WithGrad("LogBackward0", [this], g => [g.div(this)], this);
    }

    struct TempExpOp : IFloatUnaryOp
    {
        public static T Invoke<T>(T x) where T : IFloatingPointIeee754<T> => T.Exp(x);
        public static void Invoke<T>(ReadOnlySpan<T> x, Span<T> r) where T : IFloatingPointIeee754<T> => TensorPrimitives.Exp(x, r);
    }

    struct TempLogOp : IFloatUnaryOp
    {
        public static T Invoke<T>(T x) where T : IFloatingPointIeee754<T> => T.Log(x);
        public static void Invoke<T>(ReadOnlySpan<T> x, Span<T> r) where T : IFloatingPointIeee754<T> => TensorPrimitives.Log(x, r);
    }
}
