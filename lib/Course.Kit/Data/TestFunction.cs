using static Course.Torch.torch;

namespace Course.Kit.Data;

/// <summary>
/// A function of two variables with its exact gradient and Hessian, for the optimization chapter: plot
/// <see cref="Value"/> as a contour over <see cref="Window"/>, run gradient descent with <see cref="Gradient"/>,
/// Newton's method with <see cref="Hessian"/>, or any torch optimizer on <see cref="OfTensor"/> (autograd).
/// Build one with <see cref="TestFunctions"/>.
/// </summary>
public sealed class TestFunction
{
    internal TestFunction(string name, Func<double, double, double> value, Func<double, double, (double, double)> gradient,
        Func<double, double, double[,]> hessian, Func<Tensor, Tensor, Tensor> ofTensor, (double, double)[] minima,
        (double, double, double, double) window)
    {
        (Name, Value, Gradient, Hessian, Minima, Window) = (name, value, gradient, hessian, minima, window);
        this.ofTensor = ofTensor;
    }

    private readonly Func<Tensor, Tensor, Tensor> ofTensor;

    /// <summary>A short name for titles, such as <c>"Rosenbrock"</c>.</summary>
    public string Name { get; }

    /// <summary>f(x, y).</summary>
    public Func<double, double, double> Value { get; }

    /// <summary>∇f(x, y) = (∂f/∂x, ∂f/∂y).</summary>
    public Func<double, double, (double Dx, double Dy)> Gradient { get; }

    /// <summary>The 2×2 Hessian [[f_xx, f_xy], [f_yx, f_yy]] at (x, y).</summary>
    public Func<double, double, double[,]> Hessian { get; }

    /// <summary>The global minima (empty for a function unbounded below, such as the saddle).</summary>
    public IReadOnlyList<(double X, double Y)> Minima { get; }

    /// <summary>A plotting window that shows the interesting region: (xMin, xMax, yMin, yMax).</summary>
    public (double XMin, double XMax, double YMin, double YMax) Window { get; }

    /// <summary>
    /// f on a tensor of points whose last dimension is (x, y), built from differentiable ops, so
    /// <c>f.OfTensor(p).backward()</c> gives the gradient in <c>p.grad</c>.
    /// </summary>
    /// <exception cref="ArgumentException">When the last dimension is not 2.</exception>
    public Tensor OfTensor(Tensor points)
    {
        if (points.ndim == 0 || points.shape[^1] != 2)
            throw new ArgumentException($"{Name}: points need a last dimension of 2 (x, y), got shape [{string.Join(", ", points.shape)}].", nameof(points));
        return ofTensor(points.select(-1, 0), points.select(-1, 1));
    }

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}
