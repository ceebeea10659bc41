using Course.Kit.Data;
using Course.Torch;
using static Course.Torch.torch;

namespace Course.Kit.Tests;

public class SyntheticDataTests
{
    [Fact]
    public void Generators_HaveTheDocumentedShapesAndTypes()
    {
        var (x, y) = Synthetic.LinearRegression(tensor(new[] { 2.0f, -3.4f }), 4.2, n: 100);
        Assert.Equal([100L, 2], x.shape);
        Assert.Equal([100L, 1], y.shape);
        foreach (var (features, labels) in new[] { Synthetic.Blobs(90), Synthetic.Moons(90), Synthetic.Spirals(90) })
        {
            Assert.Equal([90L, 2], features.shape);
            Assert.Equal(ScalarType.Float32, features.dtype);
            Assert.Equal([90L], labels.shape);
            Assert.Equal(ScalarType.Int64, labels.dtype);
        }
    }

    [Fact]
    public void LinearRegression_FollowsTheTrueWeights()
    {
        var (x, y) = Synthetic.LinearRegression(tensor(new[] { 2.0f, -3.4f }), 4.2, n: 1000, noise: 0.01);
        var residual = y.reshape(-1) - (2 * x.select(1, 0) - 3.4 * x.select(1, 1) + 4.2);
        Assert.InRange(residual.std().item<float>(), 0.008, 0.012);
    }

    [Fact]
    public void SameSeed_SameData_OtherSeed_OtherData()
    {
        Assert.True(Synthetic.Moons(50, seed: 3).X.equal(Synthetic.Moons(50, seed: 3).X));
        Assert.False(Synthetic.Moons(50, seed: 3).X.equal(Synthetic.Moons(50, seed: 4).X));
        Assert.True(Synthetic.Spirals(60, seed: 5).X.equal(Synthetic.Spirals(60, seed: 5).X));
        Assert.True(Synthetic.NoisySine(100, seed: 1).X.equal(Synthetic.NoisySine(100, seed: 1).X));
    }

    [Theory]
    [InlineData(2, 101)]
    [InlineData(3, 300)]
    [InlineData(5, 99)]
    public void Spirals_AreBalancedAcrossClasses(int classes, long n)
    {
        var counts = ClassCounts(Synthetic.Spirals(n, classes).y);
        Assert.Equal(classes, counts.Length);
        Assert.True(counts.Max() - counts.Min() <= 1, string.Join(", ", counts));
    }

    [Fact]
    public void Moons_AreBalancedAndOnTheirHalfCircles()
    {
        var (x, y) = Synthetic.Moons(201, noise: 0);
        Assert.Equal([101L, 100], ClassCounts(y));
        // Noise-free, class 0 lies on the unit circle around (0, 0) and class 1 on the one around (1, 0.5).
        var points = x.data<float>().ToArray();
        var labels = y.data<long>().ToArray();
        for (int i = 0; i < labels.Length; i++)
        {
            var (cx, cy) = labels[i] == 0 ? (0f, 0f) : (1f, 0.5f);
            Assert.Equal(1, Math.Pow(points[2 * i] - cx, 2) + Math.Pow(points[2 * i + 1] - cy, 2), 1e-5);
        }
    }

    private static long[] ClassCounts(Tensor labels) =>
        labels.data<long>().ToArray().GroupBy(c => c).OrderBy(g => g.Key).Select(g => (long)g.Count()).ToArray();

    [Fact]
    public void SlidingWindows_PairEachWindowWithTheNextValue()
    {
        var series = arange(10, dtype: ScalarType.Float32);
        var (features, labels) = Synthetic.SlidingWindows(series, tau: 4);
        Assert.Equal([6L, 4], features.shape);
        Assert.Equal(new float[] { 2, 3, 4, 5 }, features[2].data<float>().ToArray());
        Assert.Equal(6f, labels[2, 0].item<float>());
        Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.SlidingWindows(series, tau: 10));
    }

    [Fact]
    public void NoisySine_IsASineWithTheRequestedNoise()
    {
        var (time, x) = Synthetic.NoisySine(steps: 2000, period: 100, noise: 0.2);
        var residual = x - (time * (2 * Math.PI / 100)).sin();
        Assert.InRange(residual.std().item<float>(), 0.18, 0.22);
    }
}

public class TestFunctionTests
{
    public static TheoryData<string> Names => new() { "bowl", "ravine", "saddle", "Rosenbrock", "rotated" };

    private static TestFunction Get(string name) => name switch
    {
        "bowl" => TestFunctions.Bowl(),
        "ravine" => TestFunctions.Ravine(),
        "saddle" => TestFunctions.Saddle(),
        "Rosenbrock" => TestFunctions.Rosenbrock(),
        _ => TestFunctions.Bowl(1, 20, angleDegrees: 30),
    };

    private static readonly (double X, double Y)[] Points = [(0.3, -0.7), (-1.2, 1.1), (1.5, 2.0), (0, 0)];
    private const double H = 1e-5;

    [Theory]
    [MemberData(nameof(Names))]
    public void Gradient_MatchesCentralDifferencesOfTheValue(string name)
    {
        var f = Get(name);
        foreach (var (x, y) in Points)
        {
            var (dx, dy) = f.Gradient(x, y);
            Assert.Equal((f.Value(x + H, y) - f.Value(x - H, y)) / (2 * H), dx, 1e-4 * Math.Max(1, Math.Abs(dx)));
            Assert.Equal((f.Value(x, y + H) - f.Value(x, y - H)) / (2 * H), dy, 1e-4 * Math.Max(1, Math.Abs(dy)));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Hessian_MatchesCentralDifferencesOfTheGradient(string name)
    {
        var f = Get(name);
        foreach (var (x, y) in Points)
        {
            var hessian = f.Hessian(x, y);
            var (gxPlus, gyPlus) = f.Gradient(x + H, y);
            var (gxMinus, gyMinus) = f.Gradient(x - H, y);
            var (gxUp, gyUp) = f.Gradient(x, y + H);
            var (gxDown, gyDown) = f.Gradient(x, y - H);
            double[,] numeric = { { (gxPlus - gxMinus) / (2 * H), (gxUp - gxDown) / (2 * H) }, { (gyPlus - gyMinus) / (2 * H), (gyUp - gyDown) / (2 * H) } };
            for (int i = 0; i < 2; i++)
                for (int j = 0; j < 2; j++)
                    Assert.Equal(numeric[i, j], hessian[i, j], 1e-3 * Math.Max(1, Math.Abs(hessian[i, j])));
            Assert.Equal(hessian[0, 1], hessian[1, 0]);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void OfTensor_AgreesWithValueAndAutogradWithGradient(string name)
    {
        var f = Get(name);
        foreach (var (x, y) in Points)
        {
            var p = tensor(new[] { x, y }, dtype: ScalarType.Float64, requires_grad: true);
            var value = f.OfTensor(p);
            value.backward();
            Assert.Equal(f.Value(x, y), value.item<double>(), 1e-9);
            var grad = p.grad!.data<double>().ToArray();
            Assert.Equal(f.Gradient(x, y).Dx, grad[0], 1e-9);
            Assert.Equal(f.Gradient(x, y).Dy, grad[1], 1e-9);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Minima_HaveZeroGradientAndPositiveDefiniteHessian(string name)
    {
        var f = Get(name);
        Assert.Equal(name == "saddle", f.Minima.Count == 0);
        foreach (var (x, y) in f.Minima)
        {
            Assert.Equal((0.0, 0.0), f.Gradient(x, y));
            var h = f.Hessian(x, y);
            Assert.True(h[0, 0] > 0 && h[0, 0] * h[1, 1] - h[0, 1] * h[1, 0] > 0);
        }
    }

    [Fact]
    public void Saddle_HasCurvatureOfBothSignsAtItsStationaryPoint()
    {
        var h = TestFunctions.Saddle().Hessian(0, 0);
        Assert.Equal(new double[,] { { 2, 0 }, { 0, -2 } }, h);
    }

    [Fact]
    public void OfTensor_NamesAWrongShape()
    {
        var error = Assert.Throws<ArgumentException>(() => TestFunctions.Rosenbrock().OfTensor(zeros(3)));
        Assert.Contains("Rosenbrock", error.Message);
        Assert.Contains("[3]", error.Message);
    }
}
