namespace Course.Kit.Data;

/// <summary>Classic two-variable test functions with exact gradients and Hessians (see <see cref="TestFunction"/>).</summary>
public static class TestFunctions
{
    /// <summary>
    /// A quadratic bowl f(p) = ½ pᵀ A p with eigenvalues <paramref name="lambda1"/>, <paramref name="lambda2"/> (the
    /// curvatures along the principal axes) rotated by <paramref name="angleDegrees"/>: A = R diag(λ₁, λ₂) Rᵀ. The
    /// Hessian is A everywhere; the minimum is the origin when both eigenvalues are positive. The ratio λ₂/λ₁
    /// (the condition number) decides how much gradient descent zigzags.
    /// </summary>
    public static TestFunction Bowl(double lambda1 = 1, double lambda2 = 10, double angleDegrees = 0, string name = "bowl")
    {
        double angle = angleDegrees * Math.PI / 180, c = Math.Cos(angle), s = Math.Sin(angle);
        // A = R diag(λ1, λ2) Rᵀ with R the rotation by the angle.
        double a = lambda1 * c * c + lambda2 * s * s, b = (lambda1 - lambda2) * c * s, d = lambda1 * s * s + lambda2 * c * c;
        (double, double)[] minima = lambda1 > 0 && lambda2 > 0 ? [(0, 0)] : [];
        return new TestFunction(name,
            (x, y) => 0.5 * (a * x * x + 2 * b * x * y + d * y * y),
            (x, y) => (a * x + b * y, b * x + d * y),
            (x, y) => new[,] { { a, b }, { b, d } },
            (x, y) => 0.5 * (a * x.pow(2) + 2 * b * x * y + d * y.pow(2)),
            minima, (-3, 3, -3, 3));
    }

    /// <summary>A ravine, d2l's ill-conditioned quadratic f = 0.1 x² + 2 y²: steep across, nearly flat along.</summary>
    public static TestFunction Ravine() => Bowl(0.2, 4, name: "ravine");

    /// <summary>The saddle f = x² − y²: zero gradient at the origin, which is not a minimum (Hessian diag(2, −2)).</summary>
    public static TestFunction Saddle() => Bowl(2, -2, name: "saddle");

    /// <summary>
    /// Rosenbrock's banana f = (a − x)² + b (y − x²)², minimum (a, a²) at the end of a long curved valley.
    /// ∇f = (−2(a − x) − 4b x (y − x²), 2b (y − x²)); Hessian [[2 − 4b(y − x²) + 8b x², −4b x], [−4b x, 2b]].
    /// </summary>
    public static TestFunction Rosenbrock(double a = 1, double b = 100) => new("Rosenbrock",
        (x, y) => (a - x) * (a - x) + b * (y - x * x) * (y - x * x),
        (x, y) => (-2 * (a - x) - 4 * b * x * (y - x * x), 2 * b * (y - x * x)),
        (x, y) => new[,] { { 2 - 4 * b * (y - x * x) + 8 * b * x * x, -4 * b * x }, { -4 * b * x, 2 * b } },
        (x, y) => (a - x).pow(2) + b * (y - x.pow(2)).pow(2),
        [(a, a * a)], (-2, 2, -1, 3));
}
