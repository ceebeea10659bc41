using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

/// <summary>Core arithmetic and sum against PyTorch (fixtures/gen_core.py).</summary>
public class CoreParityTests
{
    public static IEnumerable<object[]> Binary =>
        Fixtures.Names("core").Where(n => n[0] is string s && !s.StartsWith("sum_"));

    public static IEnumerable<object[]> Sums =>
        Fixtures.Names("core").Where(n => n[0] is string s && s.StartsWith("sum_") && s is not ("sum_int" or "sum_bool"));

    [Theory, MemberData(nameof(Binary))]
    public void Binary_op_values_and_gradients_match_pytorch(string name)
    {
        var c = Fixtures.Load("core")[name];
        var a = c.In(0);
        var b = c.In(1);
        if (a.is_floating_point()) a.requires_grad_();
        if (b.is_floating_point()) b.requires_grad_();
        var y = name.Split('_')[0] switch
        {
            "add" => a + b,
            "sub" => a - b,
            "mul" => a * b,
            _ => a / b,
        };
        Fixtures.AssertClose(c.Out(0), y);
        if (!y.requires_grad) return;
        var w = Ramp(y).to(y.dtype);
        (y * w).sum().backward();
        if (c.Grad(0) is { } ga) Fixtures.AssertClose(ga, a.grad!, what: "grad a");
        if (c.Grad(1) is { } gb) Fixtures.AssertClose(gb, b.grad!, what: "grad b");
    }

    [Theory, MemberData(nameof(Sums))]
    public void Sum_over_dims_matches_pytorch(string name)
    {
        var c = Fixtures.Load("core")[name];
        var x = c.In(0).requires_grad_();
        var spec = name["sum_".Length..].Replace("_keep", "");
        bool keep = name.EndsWith("_keep");
        var y = spec == "all" ? x.sum() : x.sum(spec.Split('_').Select(long.Parse).ToArray(), keepdim: keep);
        Fixtures.AssertClose(c.Out(0), y);
        var w = Ramp(y).to(y.dtype);
        (y * w).sum().backward();
        Fixtures.AssertClose(c.Grad(0)!, x.grad!, what: "grad");
    }

    /// <summary>The generator's weights: torch.linspace(0.5, 1.5, n) shaped like <paramref name="y"/>.</summary>
    static Tensor Ramp(Tensor y)
    {
        long n = y.numel();
        var w = Enumerable.Range(0, (int)n).Select(i => n == 1 ? 0.5 : 0.5 + i / (double)(n - 1)).ToArray();
        return tensor(w).reshape(y.shape);
    }

    [Fact]
    public void Integer_and_bool_sums_are_int64()
    {
        var c = Fixtures.Load("core");
        Fixtures.AssertClose(c["sum_int"].Out(0), c["sum_int"].In(0).sum(0));
        Fixtures.AssertClose(c["sum_bool"].Out(0), c["sum_bool"].In(0).sum());
    }
}
