using Course.Torch;
using static Course.Torch.torch;
using F = Course.Torch.torch.nn.functional;
using Reduction = Course.Torch.torch.nn.Reduction;

namespace Course.Torch.Tests;

public class LossTests
{
    /// <summary>Each fixture case of gen_optim.py's loss section, as the same call here (x = the case's inputs).</summary>
    static readonly Dictionary<string, Func<Tensor[], Tensor>> Cases = Build();

    static Dictionary<string, Func<Tensor[], Tensor>> Build()
    {
        var d = new Dictionary<string, Func<Tensor[], Tensor>>();
        foreach (var (suffix, r) in new[] { ("none", Reduction.None), ("mean", Reduction.Mean), ("sum", Reduction.Sum) })
        {
            d[$"mse_{suffix}"] = x => F.mse_loss(x[0], x[1], r);
            d[$"l1_{suffix}"] = x => F.l1_loss(x[0], x[1], r);
            d[$"smooth_l1_{suffix}"] = x => F.smooth_l1_loss(x[0], x[1], r);
            d[$"smooth_l1_beta_{suffix}"] = x => F.smooth_l1_loss(x[0], x[1], r, beta: 0.5);
            d[$"huber_{suffix}"] = x => F.huber_loss(x[0], x[1], reduction: r);
            d[$"huber_delta_{suffix}"] = x => F.huber_loss(x[0], x[1], 0.7, r);
            d[$"nll_{suffix}"] = x => F.nll_loss(x[0], x[1], reduction: r);
            d[$"nll_weight_{suffix}"] = x => F.nll_loss(x[0], x[1], x[2], r);
            d[$"nll_ignore_{suffix}"] = x => F.nll_loss(x[0], x[1], x[2], r);
            d[$"nll_nd_{suffix}"] = x => F.nll_loss(x[0], x[1], reduction: r);
            d[$"ce_{suffix}"] = x => F.cross_entropy(x[0], x[1], reduction: r);
            d[$"ce_weight_{suffix}"] = x => F.cross_entropy(x[0], x[1], x[2], reduction: r);
            d[$"ce_ignore_{suffix}"] = x => F.cross_entropy(x[0], x[1], ignore_index: 2, reduction: r);
            d[$"ce_smooth_{suffix}"] = x => F.cross_entropy(x[0], x[1], reduction: r, label_smoothing: 0.1);
            d[$"ce_smooth_weight_ignore_{suffix}"] = x => F.cross_entropy(x[0], x[1], x[2], 2, r, 0.2);
            d[$"ce_soft_{suffix}"] = x => F.cross_entropy(x[0], x[1], reduction: r);
            d[$"ce_soft_weight_smooth_{suffix}"] = x => F.cross_entropy(x[0], x[1], x[2], reduction: r, label_smoothing: 0.1);
            d[$"ce_nd_{suffix}"] = x => F.cross_entropy(x[0], x[1], x[2], reduction: r, label_smoothing: 0.1);
            d[$"kl_{suffix}"] = x => F.kl_div(x[0], x[1], log_target: false, reduction: r);
            d[$"kl_logtarget_{suffix}"] = x => F.kl_div(x[0], x[1], log_target: true, reduction: r);
            d[$"multi_margin_{suffix}"] = x => F.multi_margin_loss(x[0], x[1], reduction: r);
            d[$"multi_margin_p2_w_{suffix}"] = x => F.multi_margin_loss(x[0], x[1], 2, 0.5, x[2], r);
            d[$"bce_{suffix}"] = x => F.binary_cross_entropy(x[0], x[1], reduction: r);
            d[$"bce_weight_{suffix}"] = x => F.binary_cross_entropy(x[0], x[1], x[2], r);
            d[$"bcel_{suffix}"] = x => F.binary_cross_entropy_with_logits(x[0], x[1], reduction: r);
            d[$"bcel_weight_pos_{suffix}"] = x => F.binary_cross_entropy_with_logits(x[0], x[1], x[2], r, x[3]);
            d[$"hinge_{suffix}"] = x => F.hinge_embedding_loss(x[0], x[1], 1.0, r);
            d[$"hinge_margin_{suffix}"] = x => F.hinge_embedding_loss(x[0], x[1], 2.5, r);
        }
        d["smooth_l1_beta0"] = x => F.smooth_l1_loss(x[0], x[1], beta: 0.0);
        d["mse_broadcast"] = x => F.mse_loss(x[0], x[1]);
        d["mse_transposed"] = x => F.mse_loss(x[0].t(), x[1]);
        d["ce_1d"] = x => F.cross_entropy(x[0], x[1]);
        d["ce_all_ignored"] = x => F.cross_entropy(x[0], x[1], ignore_index: 2);
        d["bcel_pos_only"] = x => F.binary_cross_entropy_with_logits(x[0], x[1], pos_weights: x[2]);
        d["bce_clamp"] = x => F.binary_cross_entropy(x[0], x[1], reduction: Reduction.None);
        return d;
    }

    public static IEnumerable<object[]> Names() => Cases.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(Names))]
    public void MatchesPyTorch(string name)
    {
        var c = Fixtures.Load("optim")[name];
        var count = c.Arg("n_inputs").GetInt32();
        var xs = Enumerable.Range(0, count).Select(i => c.In(i)).ToArray();
        foreach (var x in xs) if (x.is_floating_point()) x.requires_grad_();
        var loss = Cases[name](xs);
        Fixtures.AssertClose(c.Out(0), loss, what: name);
        if (!c.Arg("has_grads").GetBoolean()) return;
        loss.sum().backward();
        for (int i = 0; i < count; i++)
            if (c.Grad(i) is { } expected) Fixtures.AssertClose(expected, xs[i].grad!, what: $"{name} grad of input {i}");
    }

    [Fact]
    public void EveryFixtureCaseIsCovered()
    {
        var lossCases = Fixtures.Load("optim").Keys.Where(k => !k.StartsWith("clip_") && !char.IsUpper(k[0]));
        Assert.Empty(lossCases.Except(Cases.Keys));
    }

    [Fact]
    public void GradChecksInFloat64()
    {
        var x = randn(3, 4, dtype: float64);
        var y = randn(3, 4, dtype: float64);
        var logits = randn(3, 5, dtype: float64);
        var target = tensor(new long[] { 4, 0, 2 });
        var ignored = tensor(new long[] { 4, -100, 2 });
        var w = tensor(new double[] { 0.5, 1.0, 2.0, 0.3, 1.5 });
        var probs = randn(3, 5, dtype: float64).softmax(1);
        var p = rand(3, 4, dtype: float64).mul(0.8).add(0.1);
        var labels = tensor(new double[] { 1, -1, 1, -1, -1, 1, 1, -1, 1, 1, -1, -1 }).reshape(3, 4);
        GradCheck.Check(a => F.mse_loss(a[0], a[1]), x, y);
        GradCheck.Check(a => F.l1_loss(a[0], a[1], Reduction.None), x, y);
        GradCheck.Check(a => F.smooth_l1_loss(a[0], a[1], Reduction.Sum, beta: 0.8), x, y);
        GradCheck.Check(a => F.huber_loss(a[0], a[1], 0.9), x, y);
        GradCheck.Check(a => F.nll_loss(a[0].log_softmax(1), target, a[1], ignore_index: -100), logits, w);
        GradCheck.Check(a => F.nll_loss(a[0], ignored, a[1], Reduction.None), logits, w);
        GradCheck.Check(a => F.cross_entropy(a[0], target, a[1], label_smoothing: 0.2), logits, w);
        GradCheck.Check(a => F.cross_entropy(a[0], ignored, reduction: Reduction.Sum, label_smoothing: 0.1), logits);
        GradCheck.Check(a => F.cross_entropy(a[0], a[1], a[2], reduction: Reduction.Mean, label_smoothing: 0.1), logits, probs, w);
        GradCheck.Check(a => F.kl_div(a[0].log_softmax(1), a[1], log_target: false), logits, probs);
        GradCheck.Check(a => F.kl_div(a[0], a[1], log_target: true, reduction: Reduction.Sum), logits.log_softmax(1), probs.log());
        GradCheck.Check(a => F.binary_cross_entropy(a[0], a[1], a[2]), p, rand(3, 4, dtype: float64), rand(3, 4, dtype: float64));
        GradCheck.Check(a => F.binary_cross_entropy_with_logits(a[0], a[1], a[2], Reduction.Sum, a[3]), x, rand(3, 4, dtype: float64), rand(3, 4, dtype: float64), rand(4, dtype: float64).add(0.5));
        GradCheck.Check(a => F.multi_margin_loss(a[0], target, 2, 0.7, a[1]), logits, w);
        GradCheck.Check(a => F.multi_margin_loss(a[0], target), logits);
        GradCheck.Check(a => F.hinge_embedding_loss(a[0], labels, 1.5, Reduction.None), x);
    }

    [Fact]
    public void GradGradOfCrossEntropyAndBCEWithLogits()
    {
        var logits = randn(3, 5, dtype: float64);
        GradCheck.CheckGradGrad(a => F.cross_entropy(a[0], tensor(new long[] { 1, 0, 4 }), label_smoothing: 0.1), logits);
        GradCheck.CheckGradGrad(a => F.binary_cross_entropy_with_logits(a[0], a[1]), randn(2, 3, dtype: float64), rand(2, 3, dtype: float64));
        GradCheck.CheckGradGrad(a => F.mse_loss(a[0], a[1]), randn(2, 3, dtype: float64), randn(2, 3, dtype: float64));
    }

    [Fact]
    public void ModulesForwardToFunctional()
    {
        var logits = randn(4, 5);
        var target = tensor(new long[] { 1, 0, 4, 2 });
        var w = rand(5);
        Assert.True(nn.CrossEntropyLoss(w, 2, Reduction.Sum, 0.1).call(logits, target).allclose(F.cross_entropy(logits, target, w, 2, Reduction.Sum, 0.1)));
        Assert.True(nn.NLLLoss(w).call(logits.log_softmax(1), target).allclose(F.nll_loss(logits.log_softmax(1), target, w)));
        var x = randn(3, 4);
        var y = rand(3, 4);
        Assert.True(nn.MSELoss(Reduction.None).call(x, y).allclose(F.mse_loss(x, y, Reduction.None)));
        Assert.True(nn.L1Loss().call(x, y).allclose(F.l1_loss(x, y)));
        Assert.True(nn.SmoothL1Loss(beta: 0.3).call(x, y).allclose(F.smooth_l1_loss(x, y, beta: 0.3)));
        Assert.True(nn.HuberLoss(0.3).call(x, y).allclose(F.huber_loss(x, y, 0.3)));
        Assert.True(nn.KLDivLoss(false).call(x, y).allclose(F.kl_div(x, y, false)));
        Assert.True(nn.BCELoss().call(y, y).allclose(F.binary_cross_entropy(y, y)));
        Assert.True(nn.BCEWithLogitsLoss(pos_weights: w[..4]).call(x, y).allclose(F.binary_cross_entropy_with_logits(x, y, pos_weights: w[..4])));
        Assert.True(nn.MultiMarginLoss(2).call(logits, target).allclose(F.multi_margin_loss(logits, target, 2)));
        Assert.True(nn.HingeEmbeddingLoss(0.5).call(x, y.sign()).allclose(F.hinge_embedding_loss(x, y.sign(), 0.5)));
        Assert.Equal(Reduction.Sum, nn.CrossEntropyLoss(reduction: Reduction.Sum).reduction);
        Assert.Equal(1L, (long)Reduction.Mean);
    }

    [Fact]
    public void CrossEntropyTargetOutOfRangeNamesValueAndClassCount()
    {
        var ex = Assert.Throws<ArgumentException>(() => F.cross_entropy(randn(2, 3), tensor(new long[] { 0, 7 })));
        Assert.Contains("Target 7", ex.Message);
        Assert.Contains("3 classes", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => F.nll_loss(randn(2, 3), tensor(new long[] { -2, 0 })));
        Assert.Contains("Target -2", ex.Message);
    }

    [Fact]
    public void MismatchedBatchSizesNameBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => F.cross_entropy(randn(4, 3), tensor(new long[] { 0, 1, 2 })));
        Assert.Contains("[4, 3]", ex.Message);
        Assert.Contains("[3]", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => F.binary_cross_entropy_with_logits(randn(4, 3), rand(3, 4)));
        Assert.Contains("[4, 3]", ex.Message);
        Assert.Contains("[3, 4]", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => F.cross_entropy(randn(4, 3), rand(4, 2)));
        Assert.Contains("[4, 2]", ex.Message);
        Assert.Throws<ArgumentException>(() => F.binary_cross_entropy(tensor(new[] { 1.5f }), tensor(new[] { 1f })));
    }
}
