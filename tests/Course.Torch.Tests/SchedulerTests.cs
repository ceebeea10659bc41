using Course.Torch;
using Course.Torch.Modules;
using static Course.Torch.torch;
using static Course.Torch.torch.optim.lr_scheduler;

namespace Course.Torch.Tests;

public class SchedulerTests
{
    /// <summary>The generator's schedulers, by case name, built on its optimizer.</summary>
    static readonly Dictionary<string, Func<optim.Optimizer, LRScheduler>> Schedulers = new()
    {
        ["StepLR"] = o => StepLR(o, 3, 0.5),
        ["StepLR_groups"] = o => StepLR(o, 4),
        ["MultiStepLR"] = o => MultiStepLR(o, [2, 5, 5, 11], 0.5),
        ["ExponentialLR"] = o => ExponentialLR(o, 0.9),
        ["CosineAnnealingLR"] = o => CosineAnnealingLR(o, 8, 0.01),
        ["LambdaLR"] = o => LambdaLR(o, e => Math.Pow(0.95, e) / (1 + e % 3)),
        ["LinearLR"] = o => LinearLR(o, 0.25, 1.0, 6),
        ["LinearLR_down"] = o => LinearLR(o, 1.0, 0.1, 10),
        ["OneCycleLR"] = o => OneCycleLR(o, 1.0, total_steps: 25),
        ["OneCycleLR_linear3"] = o => OneCycleLR(o, 0.8, epochs: 3, steps_per_epoch: 7, anneal_strategy: impl.OneCycleLR.AnnealStrategy.Linear, three_phase: true, pct_start: 0.4),
        ["OneCycleLR_adam"] = o => OneCycleLR(o, 0.5, total_steps: 21, div_factor: 10, final_div_factor: 100, base_momentum: 0.8, max_momentum: 0.9),
        ["ReduceLROnPlateau"] = o => ReduceLROnPlateau(o, patience: 2, cooldown: 1, factor: 0.5),
        ["ReduceLROnPlateau_max_abs"] = o => ReduceLROnPlateau(o, "max", threshold_mode: "abs", threshold: 0.01, patience: 1, min_lr: [0.02]),
    };

    public static IEnumerable<object[]> Names() => Schedulers.Keys.Select(k => new object[] { k });

    static bool TwoGroups(string name) => name is "StepLR_groups" or "CosineAnnealingLR" or "LinearLR_down" or "ReduceLROnPlateau_max_abs";

    static double Momentum(ParamGroup g) => g is IBetas b ? b.Betas.Item1 : ((IMomentum)g).Momentum;

    [Theory]
    [MemberData(nameof(Names))]
    public void TwentyStepsMatchPyTorch(string name)
    {
        var c = Fixtures.Load("optim")[name];
        var metrics = c.In(0).data<double>().ToArray();
        var p = nn.Parameter(zeros(2));
        var q = nn.Parameter(zeros(2));
        optim.Optimizer opt = name == "OneCycleLR_adam"
            ? optim.Adam(TwoGroups(name) ? [new Adam.ParamGroup([p], new Adam.Options()), new Adam.ParamGroup([q], new Adam.Options { LearningRate = 0.5 })] : [new Adam.ParamGroup { Parameters = [p] }], lr: 0.1)
            : optim.SGD(TwoGroups(name) ? [new SGD.ParamGroup([p], new SGD.Options()), new SGD.ParamGroup([q], new SGD.Options { LearningRate = 0.5 })] : [new SGD.ParamGroup { Parameters = [p] }], 0.1, momentum: 0.9);
        var scheduler = Schedulers[name](opt);
        var lrs = new List<double>();
        var momenta = new List<double>();
        void Record() { foreach (var g in opt.ParamGroups) { lrs.Add(g.LearningRate); momenta.Add(Momentum(g)); } }
        Record();
        for (int i = 0; i < 20; i++)
        {
            opt.step();
            if (name.StartsWith("ReduceLROnPlateau")) scheduler.step(metrics[i]);
            else scheduler.step();
            Assert.Equal(opt.ParamGroups.Select(g => g.LearningRate), scheduler.get_last_lr());
            Record();
        }
        var groups = TwoGroups(name) ? 2 : 1;
        Fixtures.AssertClose(c.Out(0), tensor(lrs.ToArray()).reshape(21, groups), what: $"{name} lr");
        Fixtures.AssertClose(c.Out(1), tensor(momenta.ToArray()).reshape(21, groups), what: $"{name} momentum");
    }

    [Fact]
    public void StepWithEpochUsesTheClosedForm()
    {
        var opt = optim.SGD(new[] { nn.Parameter(zeros(1)) }, 1.0);
        var scheduler = StepLR(opt, 2, 0.5);
        scheduler.step(7);
        Assert.Equal(0.125, scheduler.get_last_lr()[0], 12);
        var cosine = CosineAnnealingLR(optim.SGD(new[] { nn.Parameter(zeros(1)) }, 1.0), 10);
        cosine.step(5);
        Assert.Equal(0.5, cosine.get_last_lr()[0], 12);
    }

    [Fact]
    public void ErrorsNameTheProblem()
    {
        var opt = optim.SGD(new[] { nn.Parameter(zeros(1)) }, 1.0);
        var oneCycle = OneCycleLR(opt, 1.0, total_steps: 2);
        oneCycle.step();
        oneCycle.step();
        Assert.Contains("total steps is 2", Assert.Throws<InvalidOperationException>(() => oneCycle.step()).Message);
        Assert.Throws<ArgumentException>(() => OneCycleLR(opt, 1.0));
        Assert.Throws<ArgumentException>(() => ReduceLROnPlateau(opt, "up"));
        Assert.Throws<InvalidOperationException>(() => ReduceLROnPlateau(opt).step());
    }
}
