using Course.Torch;
using static Course.Torch.torch;

namespace Course.Kit.Exercises;

public static partial class Check
{
    /// <summary>
    /// Gradient check: autograd's gradient of L = Σ f(x)·w (w fixed weights in [0.5, 1.5), so every output element
    /// counts with its own factor) against central differences (L(x + h) − L(x − h)) / 2h, for every element of every
    /// floating-point input. Inputs are copied to float64 first, where differences are accurate to about h²; integer
    /// inputs (class labels, indices) are passed through unchanged and not differentiated.
    /// </summary>
    /// <param name="f">The student's differentiable function of the inputs.</param>
    /// <param name="inputs">Example inputs; small ones (finite differences evaluate f twice per element).</param>
    /// <param name="eps">The step h.</param>
    /// <param name="rtol">Relative tolerance between the two gradients.</param>
    /// <param name="atol">Absolute tolerance between the two gradients.</param>
    /// <exception cref="CheckFailedException">When an input's gradient differs, naming the input and where.</exception>
    public static void Gradients(Func<Tensor[], Tensor> f, Tensor[] inputs, double eps = 1e-6, double rtol = 1e-5, double atol = 1e-7)
    {
        var xs = Float64Copies(inputs);
        var differentiable = Differentiable(xs);
        foreach (var n in differentiable) xs[n].requires_grad_(true);
        var output = f(xs);
        var weight = Weights(output);
        if (!output.requires_grad)
            throw new CheckFailedException("the output does not depend on the inputs through autograd (was it detached, or built from .item() or data<T>() values?).");
        var analytic = autograd.grad([(output.to(float64) * weight).sum()], differentiable.Select(n => xs[n]).ToArray(), allow_unused: true);
        for (int k = 0; k < differentiable.Length; k++)
        {
            int n = differentiable[k];
            var numeric = NumericGradient(f, xs, n, weight, eps);
            Close(numeric, analytic[k] ?? zeros_like(xs[n]), rtol, atol, $"gradient of input {n} (autograd vs finite differences)");
        }
    }

    /// <summary>
    /// Checks a hand-written backward against central finite differences of the forward, in float64:
    /// <paramref name="backward"/>(x, g) must return ∂L/∂xᵢ for L = Σ forward(x)·g, one entry per input (entries for
    /// integer inputs are ignored and may be null). The forward need not be differentiable (it may loop over raw values).
    /// </summary>
    /// <param name="forward">The forward function of the inputs.</param>
    /// <param name="backward">The student's backward: given the inputs and the output gradient g, the input gradients.</param>
    /// <param name="inputs">Example inputs; small ones (finite differences evaluate the forward twice per element).</param>
    /// <param name="eps">The step h.</param>
    /// <param name="rtol">Relative tolerance.</param>
    /// <param name="atol">Absolute tolerance.</param>
    /// <exception cref="CheckFailedException">When the backward returns the wrong number of gradients or a gradient differs.</exception>
    public static void Backward(Func<Tensor[], Tensor> forward, Func<Tensor[], Tensor, Tensor[]> backward, Tensor[] inputs,
        double eps = 1e-6, double rtol = 1e-5, double atol = 1e-7)
    {
        var xs = Float64Copies(inputs);
        Tensor weight;
        using (no_grad()) weight = Weights(forward(xs));
        var got = backward(xs, weight);
        if (got is null || got.Length != xs.Length)
            throw new CheckFailedException($"backward returned {got?.Length ?? 0} gradient(s); expected {xs.Length}, one per input.");
        foreach (var n in Differentiable(xs))
        {
            Tensor numeric;
            using (no_grad()) numeric = NumericGradient(forward, xs, n, weight, eps);
            Close(numeric, got[n]?.to(float64), rtol, atol, $"gradient of input {n} (your backward vs finite differences)");
        }
    }

    /// <summary>Float64 copies of the floating-point inputs (detached from any graph); other inputs as they are.</summary>
    static Tensor[] Float64Copies(Tensor[] inputs) =>
        inputs.Select(x => x.is_floating_point() ? x.detach().to(float64).clone() : x).ToArray();

    /// <summary>The positions of the floating-point inputs: the ones with gradients.</summary>
    static int[] Differentiable(Tensor[] xs) => Enumerable.Range(0, xs.Length).Where(n => xs[n].is_floating_point()).ToArray();

    /// <summary>∂L/∂x_n for L = Σ f(x)·w, element by element: (L(x + h·eᵢ) − L(x − h·eᵢ)) / 2h.</summary>
    static Tensor NumericGradient(Func<Tensor[], Tensor> f, Tensor[] xs, int n, Tensor weight, double eps)
    {
        var values = xs[n].data<double>().ToArray();
        var gradient = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double Loss(double value)
            {
                var moved = values.ToArray();
                moved[i] = value;
                var args = xs.ToArray();
                args[n] = tensor(moved).reshape(xs[n].shape).requires_grad_(xs[n].requires_grad);
                return (f(args).to(float64) * weight).sum().item<double>();
            }
            gradient[i] = (Loss(values[i] + eps) - Loss(values[i] - eps)) / (2 * eps);
        }
        return tensor(gradient).reshape(xs[n].shape);
    }

    /// <summary>Fixed weights in [0.5, 1.5), different per element, so a mistake in any output element shows.</summary>
    static Tensor Weights(Tensor like)
    {
        var n = (int)like.numel();
        var w = Enumerable.Range(0, n).Select(i => 0.5 + i * 7919 % 101 / 101.0).ToArray();
        return tensor(w).reshape(like.shape);
    }
}
