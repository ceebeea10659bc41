using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

[Collection(GlobalState.Name)]
public class InitTests
{
    static double Std(Tensor t) => t.to(float64).std().item<double>();
    static double MaxAbs(Tensor t) => t.to(float64).abs().max().item<double>();

    [Fact]
    public void Fans_and_gains_follow_pytorch()
    {
        Assert.Equal((3L, 4L), nn.init.CalculateFanInAndFanOut(empty(4, 3)));
        Assert.Equal((3L * 25, 8L * 25), nn.init.CalculateFanInAndFanOut(empty(8, 3, 5, 5)));
        var e = Assert.Throws<ArgumentException>(() => nn.init.CalculateFanInAndFanOut(empty(5)));
        Assert.Contains("fewer than 2 dimensions", e.Message);
        Assert.Equal(Math.Sqrt(2), nn.init.calculate_gain(nn.init.NonlinearityType.ReLU), 12);
        Assert.Equal(5.0 / 3, nn.init.calculate_gain(nn.init.NonlinearityType.Tanh), 12);
        Assert.Equal(Math.Sqrt(2 / 1.0001), nn.init.calculate_gain(nn.init.NonlinearityType.LeakyReLU), 12);
        Assert.Equal(Math.Sqrt(2 / 6.0), nn.init.calculate_gain(nn.init.NonlinearityType.LeakyReLU, Math.Sqrt(5)), 12);
        Assert.Equal(1.0, nn.init.calculate_gain(nn.init.NonlinearityType.Conv2D));
    }

    [Fact]
    public void Kaiming_uniform_stays_within_its_bound_and_fills_it()
    {
        manual_seed(0);
        var w = nn.init.kaiming_uniform_(empty(256, 128), nonlinearity: nn.init.NonlinearityType.ReLU);
        var bound = Math.Sqrt(2) * Math.Sqrt(3.0 / 128);
        Assert.InRange(MaxAbs(w), bound * 0.99, bound);
        Assert.InRange(Std(w), bound / Math.Sqrt(3) * 0.98, bound / Math.Sqrt(3) * 1.02);
        var fanOut = nn.init.kaiming_uniform_(empty(64, 512), mode: nn.init.FanInOut.FanOut, nonlinearity: nn.init.NonlinearityType.ReLU);
        Assert.InRange(MaxAbs(fanOut), Math.Sqrt(6.0 / 64) * 0.99, Math.Sqrt(6.0 / 64));
    }

    [Fact]
    public void Kaiming_normal_and_xavier_have_the_documented_std()
    {
        manual_seed(1);
        Assert.InRange(Std(nn.init.kaiming_normal_(empty(200, 300))), Math.Sqrt(2.0 / 300) * 0.98, Math.Sqrt(2.0 / 300) * 1.02);
        Assert.InRange(Std(nn.init.xavier_normal_(empty(200, 300), gain: 2)), 2 * Math.Sqrt(2.0 / 500) * 0.98, 2 * Math.Sqrt(2.0 / 500) * 1.02);
        var xu = nn.init.xavier_uniform_(empty(200, 300));
        Assert.InRange(MaxAbs(xu), Math.Sqrt(6.0 / 500) * 0.99, Math.Sqrt(6.0 / 500));
        Assert.InRange(Std(xu), Math.Sqrt(2.0 / 500) * 0.98, Math.Sqrt(2.0 / 500) * 1.02);
    }

    [Theory]
    [InlineData(5, 3)]
    [InlineData(3, 7)]
    [InlineData(4, 2)]
    public void Orthogonal_gives_orthonormal_rows_or_columns(int rows, int cols)
    {
        var w = nn.init.orthogonal_(empty([rows, cols, 1], float64), gain: 2).reshape(rows, cols);
        var gram = rows <= cols ? w.matmul(w.mT) : w.mT.matmul(w);
        var n = Math.Min(rows, cols);
        Fixtures.AssertClose(eye(n, dtype: float64).mul(4), gram, 1e-10, 1e-10);
    }

    [Fact]
    public void Trunc_normal_uniform_normal_constant_and_friends()
    {
        manual_seed(2);
        var t = nn.init.trunc_normal_(empty(10000), mean: 1, std: 2, a: -1, b: 2);
        Assert.InRange(t.min().item<float>(), -1f, 2f);
        Assert.InRange(t.max().item<float>(), -1f, 2f);
        Assert.InRange(t.mean().item<float>(), 0.5f, 0.9f);
        var u = nn.init.uniform_(empty(10000), -3, -2);
        Assert.InRange(u.min().item<float>(), -3f, -2f);
        Assert.InRange(u.max().item<float>(), -3f, -2f);
        Assert.InRange(nn.init.normal_(empty(10000), 5, 0.1).mean().item<float>(), 4.99f, 5.01f);
        Assert.Equal(new[] { 7f, 7f }, nn.init.constant_(empty(2), 7).data<float>().ToArray());
        Assert.Equal(new[] { 1f, 1f }, nn.init.ones_(empty(2)).data<float>().ToArray());
        Assert.Equal(new[] { 0f, 0f }, nn.init.zeros_(ones(2)).data<float>().ToArray());
    }

    [Fact]
    public void Initializers_work_on_parameters_without_recording_gradients_and_honour_a_generator()
    {
        var p = nn.Parameter(empty(3, 4));
        nn.init.xavier_uniform_(p);
        Assert.True(p.is_leaf);
        Assert.Null(p.grad_fn);
        var a = nn.init.normal_(empty(5), generator: new Generator(9)).data<float>().ToArray();
        var b = nn.init.normal_(empty(5), generator: new Generator(9)).data<float>().ToArray();
        Assert.Equal(a, b);
    }

    [Fact]
    public void Embedding_default_init_is_standard_normal()
    {
        manual_seed(4);
        var w = nn.Embedding(1000, 50).weight;
        Assert.InRange(Std(w), 0.98, 1.02);
        Assert.InRange(w.mean().item<float>(), -0.02f, 0.02f);
    }
}
