using System.Text.Json;
using Course.Torch;
using Course.Torch.Modules;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

public class OptimizerTests
{
    public static IEnumerable<object[]> Names() =>
        Fixtures.Load("optim").Keys.Where(k => char.IsUpper(k[0]) && k.Contains('_') && !k.StartsWith("StepLR") && k.Split('_')[0] is "SGD" or "Adagrad" or "RMSProp" or "Adam" or "AdamW" or "Adadelta" or "NAdam")
            .Select(k => new object[] { k });

    static double Num(JsonElement kw, string name, double fallback) => kw.TryGetProperty(name, out var v) ? v.GetDouble() : fallback;
    static bool Flag(JsonElement kw, string name) => kw.TryGetProperty(name, out var v) && v.GetBoolean();
    static (double, double) Betas(JsonElement kw, double b1, double b2) =>
        kw.TryGetProperty("betas", out var v) ? (v[0].GetDouble(), v[1].GetDouble()) : (b1, b2);

    /// <summary>The optimizer a fixture case names, built through the optim factories with PyTorch's keyword arguments.</summary>
    static optim.Optimizer Make(string opt, JsonElement kw, Parameter[] ps, JsonElement? groups)
    {
        switch (opt)
        {
            case "SGD":
                {
                    var (lr, m, d, wd, n, max) = (Num(kw, "lr", 0), Num(kw, "momentum", 0), Num(kw, "dampening", 0), Num(kw, "weight_decay", 0), Flag(kw, "nesterov"), Flag(kw, "maximize"));
                    if (groups is { } g)
                        return optim.SGD(ps.Select((p, i) => new SGD.ParamGroup([p], new SGD.Options { LearningRate = g[i].TryGetProperty("lr", out var l) ? l.GetDouble() : null, momentum = g[i].TryGetProperty("momentum", out var mm) ? mm.GetDouble() : null })), lr, m, d, wd, n, max);
                    return optim.SGD(ps, lr, m, d, wd, n, max);
                }
            case "Adagrad":
                return optim.Adagrad(ps, Num(kw, "lr", 1e-2), Num(kw, "lr_decay", 0), Num(kw, "weight_decay", 0), Num(kw, "initial_accumulator_value", 0), Num(kw, "eps", 1e-10), Flag(kw, "maximize"));
            case "RMSprop":
                {
                    var args = (lr: Num(kw, "lr", 0.01), alpha: Num(kw, "alpha", 0.99), eps: Num(kw, "eps", 1e-8), wd: Num(kw, "weight_decay", 0), m: Num(kw, "momentum", 0), c: Flag(kw, "centered"), max: Flag(kw, "maximize"));
                    if (groups is { } g)
                        return optim.RMSProp(ps.Select((p, i) => new RMSProp.ParamGroup([p], new RMSProp.Options
                        {
                            LearningRate = g[i].TryGetProperty("lr", out var l) ? l.GetDouble() : null,
                            centered = g[i].TryGetProperty("centered", out var cc) ? cc.GetBoolean() : null,
                            momentum = g[i].TryGetProperty("momentum", out var mm) ? mm.GetDouble() : null,
                        })), args.lr, args.alpha, args.eps, args.wd, args.m, args.c, args.max);
                    return optim.RMSProp(ps, args.lr, args.alpha, args.eps, args.wd, args.m, args.c, args.max);
                }
            case "Adam":
                {
                    var (b1, b2) = Betas(kw, 0.9, 0.999);
                    var (lr, eps, wd, ams, max) = (Num(kw, "lr", 1e-3), Num(kw, "eps", 1e-8), Num(kw, "weight_decay", 0), Flag(kw, "amsgrad"), Flag(kw, "maximize"));
                    if (groups is { } g)
                        return optim.Adam(ps.Select((p, i) =>
                        {
                            var o = new Adam.Options { LearningRate = g[i].TryGetProperty("lr", out var l) ? l.GetDouble() : null, amsgrad = g[i].TryGetProperty("amsgrad", out var a) ? a.GetBoolean() : null };
                            if (g[i].TryGetProperty("betas", out var bs)) (o.beta1, o.beta2) = (bs[0].GetDouble(), bs[1].GetDouble());
                            return new Adam.ParamGroup([p], o);
                        }), lr, b1, b2, eps, wd, ams, max);
                    return optim.Adam(ps, lr, b1, b2, eps, wd, ams, max);
                }
            case "AdamW":
                {
                    var (b1, b2) = Betas(kw, 0.9, 0.999);
                    return optim.AdamW(ps, Num(kw, "lr", 1e-3), b1, b2, Num(kw, "eps", 1e-8), Num(kw, "weight_decay", 0.01), Flag(kw, "amsgrad"), Flag(kw, "maximize"));
                }
            case "Adadelta":
                return optim.Adadelta(ps, Num(kw, "lr", 1.0), Num(kw, "rho", 0.9), Num(kw, "eps", 1e-6), Num(kw, "weight_decay", 0), Flag(kw, "maximize"));
            case "NAdam":
                {
                    var (b1, b2) = Betas(kw, 0.9, 0.999);
                    return optim.NAdam(ps, Num(kw, "lr", 0.002), b1, b2, Num(kw, "eps", 1e-8), Num(kw, "weight_decay", 0), Num(kw, "momentum_decay", 4e-3));
                }
            default: throw new ArgumentException(opt);
        }
    }

    /// <summary>The generator's objective: Σ a0·(p0 − c0)² + Σ a1·(p1 − c1)² + 0.1·Σ p0³.</summary>
    static Tensor Objective(Tensor p0, Tensor p1, Tensor[] x) =>
        x[2].mul(p0.sub(x[3]).pow(2)).sum().add(x[4].mul(p1.sub(x[5]).pow(2)).sum()).add(p0.pow(3).sum().mul(0.1));

    [Theory]
    [MemberData(nameof(Names))]
    public void FiveStepsMatchPyTorch(string name)
    {
        var c = Fixtures.Load("optim")[name];
        var x = Enumerable.Range(0, 6).Select(c.In).ToArray();
        Parameter[] ps = [nn.Parameter(x[0]), nn.Parameter(x[1])];
        var args = c.Arg("opt").GetString()!;
        JsonElement? groups = name.EndsWith("_groups") ? c.Arg("groups") : null;
        var opt = Make(args, c.Arg("kw"), ps, groups);
        for (int step = 0; step < 5; step++)
        {
            opt.zero_grad();
            Objective(ps[0], ps[1], x).backward();
            opt.step();
            Fixtures.AssertClose(c.Out(2 * step), ps[0], what: $"{name} p0 after step {step + 1}");
            Fixtures.AssertClose(c.Out(2 * step + 1), ps[1], what: $"{name} p1 after step {step + 1}");
        }
    }

    /// <summary>Adam/AdamW in float64 take the tensor-op path (float32 takes the fused loop); both must match PyTorch.</summary>
    [Theory]
    [InlineData("Adam_3")]
    [InlineData("Adam_7")]
    [InlineData("AdamW_2")]
    [InlineData("Adam_groups")]
    public void AdamTensorPathMatchesPyTorchInFloat64(string name)
    {
        var c = Fixtures.Load("optim")[name];
        var x = Enumerable.Range(0, 6).Select(i => c.In(i).to(float64)).ToArray();
        Parameter[] ps = [nn.Parameter(x[0]), nn.Parameter(x[1])];
        var opt = Make(c.Arg("opt").GetString()!, c.Arg("kw"), ps, name.EndsWith("_groups") ? c.Arg("groups") : null);
        for (int step = 0; step < 5; step++)
        {
            opt.zero_grad();
            Objective(ps[0], ps[1], x).backward();
            opt.step();
            Fixtures.AssertClose(c.Out(2 * step).to(float64), ps[0], what: $"{name} p0 after step {step + 1}");
            Fixtures.AssertClose(c.Out(2 * step + 1).to(float64), ps[1], what: $"{name} p1 after step {step + 1}");
        }
    }

    [Fact]
    public void NamedParametersAndModuleParametersWork()
    {
        var p = nn.Parameter(tensor(new[] { 1f, 2f }));
        var opt = optim.Adam(new[] { ("w", p) }, lr: 0.1);
        p.sum().backward();
        opt.step();
        Fixtures.AssertClose(tensor(new[] { 0.9f, 1.9f }), p);
        Assert.Same(p, opt.parameters().Single());
    }

    [Fact]
    public void StepWithClosureReturnsLossAndSkipsParametersWithoutGrad()
    {
        var p = nn.Parameter(tensor(new[] { 3.0 }));
        var q = nn.Parameter(tensor(new[] { 5.0 }));
        var opt = optim.SGD(new[] { p, q }, 0.25);
        var loss = opt.step(() => { opt.zero_grad(); var l = p.pow(2).sum(); l.backward(); return l; });
        Assert.Equal(9.0, loss!.item<double>());
        Assert.Equal(1.5, p.item<double>(), 12);
        Assert.Equal(5.0, q.item<double>());
        Assert.False(p.grad is null);
        opt.zero_grad(set_to_none: false);
        Assert.Equal(0.0, p.grad!.item<double>());
        opt.zero_grad();
        Assert.Null(p.grad);
    }

    [Fact]
    public void GroupsKeepTheirOwnLearningRateAndDefaultsFillTheRest()
    {
        var a = nn.Parameter(ones(2));
        var b = nn.Parameter(ones(2));
        var opt = optim.SGD(new[] { new SGD.ParamGroup([a], new SGD.Options { LearningRate = 0.5 }), new SGD.ParamGroup { Parameters = [b] } }, 0.1, momentum: 0.9);
        var groups = opt.ParamGroups.ToList();
        Assert.Equal(0.5, groups[0].LearningRate);
        Assert.Equal(0.1, groups[1].LearningRate);
        Assert.Equal(0.9, ((SGD.ParamGroup)groups[0]).Momentum);
        Assert.Throws<ArgumentException>(() => opt.add_param_group(new SGD.ParamGroup { Parameters = [a] }));
    }

    [Fact]
    public void TorchSharpDefaults()
    {
        var p = nn.Parameter(ones(1));
        var adamw = optim.AdamW(new[] { p });
        Assert.Equal(0.0, ((AdamW.ParamGroup)adamw.ParamGroups.Single()).Options.weight_decay);
        Assert.Equal((0.9, 0.999), adamw.Betas);
        Assert.Equal(0.01, optim.RMSProp(new[] { p }).ParamGroups.Single().LearningRate);
        Assert.Equal(0.002, optim.NAdam(new[] { p }).ParamGroups.Single().LearningRate);
        Assert.Throws<ArgumentException>(() => optim.Adam(new[] { p }, beta1: 1.0));
        Assert.Throws<ArgumentException>(() => optim.SGD(new[] { p }, -1));
    }

    [Theory]
    [InlineData("clip_l2")]
    [InlineData("clip_l1")]
    [InlineData("clip_inf")]
    [InlineData("clip_none")]
    [InlineData("clip_l3")]
    public void ClipGradNormMatchesPyTorch(string name)
    {
        var c = Fixtures.Load("optim")[name];
        var a = nn.Parameter(zeros(3, 4));
        var b = nn.Parameter(zeros(5));
        a.grad = c.In(0);
        b.grad = c.In(1);
        var normType = c.Arg("norm_type").GetString() == "inf" ? double.PositiveInfinity : double.Parse(c.Arg("norm_type").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var total = nn.utils.clip_grad_norm_(new[] { a, b }, c.Arg("max_norm").GetDouble(), normType);
        Assert.Equal(c.Out(0).item<float>(), total, 1e-5 * Math.Abs(total));
        Fixtures.AssertClose(c.Out(1), a.grad);
        Fixtures.AssertClose(c.Out(2), b.grad);
    }

    [Fact]
    public void ClipGradValueClampsEveryElement()
    {
        var a = nn.Parameter(zeros(3));
        a.grad = tensor(new[] { -2f, 0.5f, 3f });
        nn.utils.clip_grad_value_(new[] { a }, 1.0);
        Fixtures.AssertClose(tensor(new[] { -1f, 0.5f, 1f }), a.grad);
    }
}
