using System.Diagnostics;
using Course.Kit.Display;
using Course.Torch;
using static Course.Torch.torch;
using F = Course.Torch.torch.nn.functional;

/// <summary>
/// What live progress costs a training loop: the MLP epoch run bare and with a training board fed on every batch
/// (progress line plus a loss point), drawn into a host that formats each update as notebook HTML, as the runner does.
/// </summary>
static class ProgressOverhead
{
    /// <summary>Median seconds of the bare and the live epoch over <paramref name="pairs"/> interleaved runs, and the redraws per live epoch.</summary>
    public static (double Bare, double Live, double Redraws) Measure(Tensor x, Tensor y, int pairs = 5)
    {
        var model = nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10));
        var optimizer = optim.SGD(model.parameters(), 0.1);
        var host = new HtmlFormattingHost();
        Epoch(model, x, y, optimizer, null); // warm-up
        var (bare, live) = (new double[pairs], new double[pairs]);
        for (int i = 0; i < pairs; i++) // interleaved, alternating which goes first, so load and GC hit both alike
        {
            if (i % 2 == 0) bare[i] = Seconds(() => Epoch(model, x, y, optimizer, null));
            live[i] = Seconds(() => Epoch(model, x, y, optimizer, new TrainingBoard("epoch", new LiveOutput(host))));
            if (i % 2 == 1) bare[i] = Seconds(() => Epoch(model, x, y, optimizer, null));
        }
        return (Median(bare), Median(live), (double)host.Redraws / pairs);
    }

    static void Epoch(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, optim.Optimizer optimizer, TrainingBoard? board)
    {
        const long batch = 64;
        long batches = (x.shape[0] + batch - 1) / batch;
        for (long i = 0; i < batches; i++)
        {
            var (xb, yb) = (x[TensorIndex.Slice(i * batch, (i + 1) * batch)], y[TensorIndex.Slice(i * batch, (i + 1) * batch)]);
            optimizer.zero_grad();
            var loss = F.cross_entropy(model.call(xb), yb);
            loss.backward();
            optimizer.step();
            float value = loss.item<float>(); // read in both runs: any loop that reports its loss pays this
            if (board == null) continue;
            board.Progress("epoch 1/1", i + 1, batches);
            board.Log("loss", "train", (i + 1.0) / batches, value);
        }
        board?.Finish();
    }

    /// <summary>
    /// Microseconds of one batch's board calls (Progress + Log) with redraws throttled as in training: a figure that
    /// does not depend on the noise of a shared machine. Overhead ≈ this × batches ÷ epoch time.
    /// </summary>
    public static double MicrosecondsPerBatch(int calls = 200_000)
    {
        var board = new TrainingBoard("epoch", new LiveOutput(new HtmlFormattingHost()));
        double seconds = Seconds(() =>
        {
            for (int i = 0; i < calls; i++)
            {
                board.Progress("epoch 1/1", i + 1, calls);
                board.Log("loss", "train", (i + 1.0) / calls, 1.0 / (i + 1));
            }
        });
        return seconds / calls * 1e6;
    }

    /// <summary>Milliseconds to format a board holding <paramref name="points"/> loss points as notebook HTML (one redraw).</summary>
    public static double RedrawMilliseconds(int points = 1000, int redraws = 50)
    {
        var board = new TrainingBoard("epoch", new LiveOutput(new HtmlFormattingHost(), TimeSpan.MaxValue));
        for (int i = 0; i < points; i++) board.Log("loss", "train", i, 1.0 / (i + 1));
        return Seconds(() => { for (int i = 0; i < redraws; i++) GC.KeepAlive(board.ToHtml()); }) / redraws * 1e3;
    }

    static double Seconds(Action run)
    {
        var watch = Stopwatch.StartNew();
        run();
        return watch.Elapsed.TotalSeconds;
    }

    static double Median(double[] values) => values.Order().ElementAt(values.Length / 2);

    /// <summary>Formats every shown or updated value to HTML, the work a notebook host does per redraw.</summary>
    sealed class HtmlFormattingHost : IDisplayHost, IDisplayHandle
    {
        public int Redraws { get; private set; }

        public IDisplayHandle Show(object value)
        {
            Update(value);
            return this;
        }

        public void Update(object value)
        {
            Redraws++;
            GC.KeepAlive(((TrainingBoard)value).ToHtml());
        }
    }
}
