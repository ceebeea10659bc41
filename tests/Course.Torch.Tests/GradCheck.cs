using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

/// <summary>Gradient checks against central finite differences, in float64.</summary>
public static class GradCheck
{
    /// <summary>
    /// Checks autograd's gradient of sum(f(inputs) · w), for a fixed random weight w, against central differences
    /// (f(x + h) − f(x − h)) / 2h for every element of every input.
    /// </summary>
    public static void Check(Func<Tensor[], Tensor> f, params Tensor[] inputs) => Check(f, 1e-6, 1e-5, 1e-7, inputs);

    /// <summary>As <see cref="Check(Func{Tensor[], Tensor}, Tensor[])"/> with explicit step and tolerances.</summary>
    public static void Check(Func<Tensor[], Tensor> f, double eps, double rtol, double atol, params Tensor[] inputs)
    {
        var xs = inputs.Select(x => x.to(float64).detach().clone().requires_grad_(x.is_floating_point())).ToArray();
        var output = f(xs);
        var weight = Weights(output);
        var loss = (output * weight).sum();
        var analytic = autograd.grad([loss], xs.Where(x => x.requires_grad).ToArray(), allow_unused: true);

        int k = 0;
        for (int n = 0; n < xs.Length; n++)
        {
            if (!xs[n].requires_grad) continue;
            var numeric = Numeric(f, xs, n, weight, eps);
            var got = analytic[k++] ?? zeros_like(xs[n]);
            Fixtures.AssertClose(numeric, got, rtol, atol, $"d(output)/d(input {n})");
        }
    }

    /// <summary>
    /// Checks the gradient of the gradient (create_graph): differentiates g(x) = d sum(f(x)·w)/dx · v
    /// against finite differences of g.
    /// </summary>
    public static void CheckGradGrad(Func<Tensor[], Tensor> f, params Tensor[] inputs)
    {
        var probe = inputs.Select(x => x.to(float64).detach().clone().requires_grad_()).ToArray();
        var w = Weights(f(probe));
        var v = probe.Select(x => Weights(x)).ToArray();
        Tensor FirstOrder(Tensor[] xs)
        {
            var loss = (f(xs) * w).sum();
            var grads = autograd.grad([loss], xs, create_graph: true, allow_unused: true);
            Tensor total = zeros([], float64);
            for (int i = 0; i < xs.Length; i++) if (grads[i] is not null) total = total + (grads[i] * v[i]).sum();
            return total;
        }
        Check(FirstOrder, 1e-5, 1e-4, 1e-6, inputs);
    }

    static Tensor Numeric(Func<Tensor[], Tensor> f, Tensor[] xs, int n, Tensor weight, double eps)
    {
        // Evaluated with grad mode on: for grad-of-grad checks, f itself calls autograd.
        var x = xs[n];
        var values = x.data<double>().ToArray();
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double Eval(double value)
            {
                var copy = values.ToArray();
                copy[i] = value;
                var args = xs.ToArray();
                args[n] = tensor(copy).reshape(x.shape).requires_grad_();
                return (f(args).to(float64) * weight).sum().item<double>();
            }
            result[i] = (Eval(values[i] + eps) - Eval(values[i] - eps)) / (2 * eps);
        }
        return tensor(result).reshape(x.shape);
    }

    /// <summary>Deterministic weights in [0.5, 1.5) so every output element matters with a different factor.</summary>
    static Tensor Weights(Tensor like)
    {
        var n = (int)like.numel();
        var w = Enumerable.Range(0, n).Select(i => 0.5 + ((i * 7919) % 101) / 101.0).ToArray();
        return tensor(w).reshape(like.shape);
    }
}
