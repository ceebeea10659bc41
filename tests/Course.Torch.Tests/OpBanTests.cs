using Course.Torch;
using static Course.Torch.torch;
using F = Course.Torch.torch.nn.functional;

namespace Course.Torch.Tests;

public class OpBanTests
{
    static readonly Tensor Image = randn(2, 3, 6, 6);
    static readonly Tensor Kernel = randn(4, 3, 3, 3);

    /// <summary>One call per guarded op, through its usual public entry point.</summary>
    static readonly Dictionary<string, Action> CallOf = new()
    {
        ["conv1d"] = () => F.conv1d(randn(2, 3, 8), randn(4, 3, 3)),
        ["conv2d"] = () => F.conv2d(Image, Kernel),
        ["conv_transpose2d"] = () => F.conv_transpose2d(Image, randn(3, 2, 3, 3)),
        ["max_pool2d"] = () => F.max_pool2d(Image, 2),
        ["avg_pool2d"] = () => F.avg_pool2d(Image, 2),
        ["unfold"] = () => F.unfold(Image, 3),
        ["fold"] = () => F.fold(randn(1, 4, 4), 3, 2),
        ["linear"] = () => nn.Linear(5, 2).call(randn(3, 5)),
        ["softmax"] = () => randn(3, 5).softmax(1),
        ["log_softmax"] = () => F.log_softmax(randn(3, 5), 1),
        ["cross_entropy"] = () => nn.CrossEntropyLoss().call(randn(3, 5), tensor(new long[] { 0, 4, 2 })),
        ["nll_loss"] = () => F.nll_loss(randn(3, 5), tensor(new long[] { 0, 4, 2 })),
        ["mse_loss"] = () => F.mse_loss(randn(3), randn(3)),
        ["binary_cross_entropy"] = () => F.binary_cross_entropy(rand(3), rand(3)),
        ["batch_norm"] = () => nn.BatchNorm2d(3).call(Image),
        ["layer_norm"] = () => F.layer_norm(randn(3, 5), [5]),
        ["dropout"] = () => nn.Dropout(0.5).call(randn(3, 5)),
        ["scaled_dot_product_attention"] = () => F.scaled_dot_product_attention(randn(2, 4, 8), randn(2, 5, 8), randn(2, 5, 8)),
        ["box_iou"] = () => torchvision.ops.box_iou(tensor(new float[] { 0, 0, 2, 2 }).view(1, 4), tensor(new float[] { 1, 1, 3, 3 }).view(1, 4)),
        ["nms"] = () => torchvision.ops.nms(tensor(new float[] { 0, 0, 2, 2, 0, 0, 2, 2 }).view(2, 4), tensor(new float[] { 0.9f, 0.8f })),
        ["RNNCell"] = () => nn.RNNCell(5, 4).call(randn(3, 5)),
        ["LSTMCell"] = () => nn.LSTMCell(5, 4).call(randn(3, 5)),
        ["GRUCell"] = () => nn.GRUCell(5, 4).call(randn(3, 5)),
        ["RNN"] = () => nn.RNN(5, 4).call(randn(7, 3, 5)),
        ["LSTM"] = () => nn.LSTM(5, 4).call(randn(7, 3, 5)),
        ["GRU"] = () => nn.GRU(5, 4).call(randn(7, 3, 5)),
        ["Adam"] = () =>
        {
            var p = nn.Parameter(randn(3));
            p.grad = ones(3);
            optim.Adam([p]).step();
        },
    };

    [Fact]
    public void Every_guarded_op_is_blocked_inside_its_ban_and_runs_outside()
    {
        Assert.Equal(OpBan.GuardedOps.Keys.Order(), CallOf.Keys.Order());
        foreach (var (op, call) in CallOf)
        {
            using (OpBan.Forbid([op], exercise: "T.1"))
            {
                var e = Assert.Throws<BannedOpException>(call);
                Assert.Equal(op, e.Op);
            }
            call(); // after the scope
        }
    }

    [Fact]
    public void Banned_conv2d_stops_the_functional_op_and_the_layer_with_a_message_naming_exercise_and_alternative()
    {
        var layer = nn.Conv2d(3, 4, 3);
        using (OpBan.Forbid(["conv2d"], exercise: "02.2", instead: "unfold and matmul"))
        {
            var e = Assert.Throws<BannedOpException>(() => F.conv2d(Image, Kernel));
            Assert.Equal("02.2", e.Exercise);
            Assert.Contains("conv2d is banned in exercise 02.2", e.Message);
            Assert.Contains("Use unfold and matmul instead", e.Message);
            Assert.Throws<BannedOpException>(() => layer.call(Image));
            Assert.Throws<BannedOpException>(() => F.conv1d(randn(2, 3, 8), randn(4, 3, 3))); // conv1d is built on conv2d
        }
        Assert.Equal([2, 4, 4, 4], layer.call(Image).shape);
    }

    [Fact]
    public void A_student_conv2d_from_unfold_and_matmul_runs_under_the_ban_with_multithreaded_kernels()
    {
        var x = randn(8, 16, 20, 20);
        var w = randn(32, 16, 3, 3);
        var expected = F.conv2d(x, w);
        Tensor got;
        using (OpBan.Forbid(["conv2d"]))
            got = w.view(32, -1).matmul(F.unfold(x, 3)).view(8, 32, 18, 18); // GEMM and im2col fan out to worker threads
        Assert.True(got.allclose(expected, rtol: 1e-4, atol: 1e-4));
    }

    [Fact]
    public void Scopes_nest_and_restore_and_Lift_allows_reference_values()
    {
        using (OpBan.Forbid(["softmax"]))
        {
            using (OpBan.Forbid(["mse_loss"]))
            {
                Assert.True(OpBan.IsForbidden("softmax"));
                Assert.True(OpBan.IsForbidden("mse_loss"));
                using (OpBan.Lift())
                {
                    Assert.False(OpBan.IsForbidden("softmax"));
                    randn(2, 3).softmax(1);
                }
                Assert.True(OpBan.IsForbidden("softmax"));
            }
            Assert.False(OpBan.IsForbidden("mse_loss"));
            Assert.True(OpBan.IsForbidden("softmax"));
        }
        Assert.False(OpBan.IsForbidden("softmax"));
    }

    [Fact]
    public void A_misspelled_op_is_rejected_so_a_ban_cannot_silently_do_nothing()
    {
        var e = Assert.Throws<ArgumentException>(() => OpBan.Forbid(["Conv2d"]));
        Assert.Contains("'Conv2d' is not a guarded op", e.Message);
        Assert.Contains("conv2d", e.Message);
    }

    [Fact]
    public async Task A_ban_stays_in_its_own_async_flow()
    {
        var banned = new SemaphoreSlim(0);
        var checkedElsewhere = new SemaphoreSlim(0);
        // Started before the ban exists, so it runs in a flow without it, at the same time as the banned one.
        var elsewhere = Task.Run(async () =>
        {
            await banned.WaitAsync();
            var forbidden = OpBan.IsForbidden("conv2d");
            F.conv2d(Image, Kernel);
            checkedElsewhere.Release();
            return forbidden;
        });
        using (OpBan.Forbid(["conv2d"]))
        {
            banned.Release();
            await checkedElsewhere.WaitAsync();
            Assert.True(OpBan.IsForbidden("conv2d"));
        }
        Assert.False(await elsewhere);
    }
}
