using Course.Kit.Data;
using Course.Kit.Display;
using Course.Kit.Training;
using Course.Torch;
using static Course.Torch.torch;

namespace Course.Kit.Tests;

public class TrainerTests
{
    private static LiveOutput Recorded(RecordingHost host) => new(host, TimeSpan.Zero, () => TimeSpan.Zero);

    [Fact]
    public void Fit_LearnsBlobsAndRecordsEveryEpoch()
    {
        manual_seed(1);
        var (x, y) = Synthetic.Blobs(n: 300, classes: 3, std: 0.5, seed: 1);
        var (vx, vy) = Synthetic.Blobs(n: 150, classes: 3, std: 0.5, seed: 2);
        var train = utils.data.DataLoader(utils.data.TensorDataset(x, y), 32, shuffle: true, seed: 0);
        var valid = utils.data.DataLoader(utils.data.TensorDataset(vx, vy), 64);
        var net = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 3));
        var host = new RecordingHost();

        var history = Trainer.Fit(net, train, valid, nn.CrossEntropyLoss(), optim.SGD(net.parameters(), 0.1), epochs: 4,
            output: Recorded(host));

        Assert.Equal([1, 2, 3, 4], history.Select(e => e.Epoch));
        Assert.True(history.Last.ValidAccuracy > 0.95, history.ToString());
        Assert.True(history.Last.TrainLoss < history[0].TrainLoss, history.ToString());
        Assert.All(history, e => Assert.Equal(0.1, e.LearningRate, 6));
        Assert.Single(host.Outputs); // the whole run drew one board, updated in place
        Assert.Contains("valid accuracy", host.Outputs[0][^1]);
        Assert.True(net.training, "Fit leaves the model in train mode");
    }

    [Fact]
    public void Fit_OnRegressionHasNoAccuracyAndStepsTheScheduler()
    {
        var (x, y) = Synthetic.LinearRegression(tensor(new[] { 2.0f, -3.4f }), 4.2, n: 256, seed: 3);
        var train = utils.data.DataLoader(utils.data.TensorDataset(x, y), 16);
        var net = nn.Linear(2, 1);
        var optimizer = optim.SGD(net.parameters(), 0.1);

        var history = Trainer.Fit(net, train, null, nn.MSELoss(), optimizer, epochs: 5,
            scheduler: optim.lr_scheduler.StepLR(optimizer, step_size: 1, gamma: 0.5), output: Recorded(new RecordingHost()));

        Assert.All(history, e => Assert.Null(e.TrainAccuracy));
        Assert.All(history, e => Assert.Null(e.ValidLoss));
        Assert.Equal([0.1, 0.05, 0.025, 0.0125, 0.00625], history.Select(e => e.LearningRate));
        Assert.True(history.Last.TrainLoss < 0.01, history.ToString()); // the label noise alone gives 1e-4
    }

    [Fact]
    public void History_DisplaysAChartAndATableWithTheColumns()
    {
        var history = new History();
        history.Add(new EpochMetrics(1, 0.9, 0.6, 0.8, 0.65, 0.1, 1.5));
        history.Add(new EpochMetrics(2, 0.5, 0.8, 0.6, 0.75, 0.1, 1.4));

        string[] lines = history.ToString().Split(Environment.NewLine);
        Assert.Equal(3, lines.Length);
        Assert.Equal(["epoch", "train loss", "train acc", "valid loss", "valid acc", "lr", "seconds"], History.Columns);
        Assert.Equal("    2      0.5000     0.8000      0.6000     0.7500  0.1     1.40", lines[2]);
        string html = history.ToHtml();
        Assert.Contains("Plotly.newPlot", html);
        Assert.Contains("<th>valid acc</th>", html);
        Assert.Contains("<td>0.7500</td>", html);
    }

    [Fact]
    public void Evaluate_UsesEvalModeWithoutGradientsAndRestoresTheMode()
    {
        var net = nn.Sequential(nn.Linear(2, 2), nn.Dropout(0.5));
        var (x, y) = Synthetic.Blobs(n: 20, classes: 2, seed: 4);
        var batches = new List<(Tensor, Tensor)> { (x, y) };

        var first = Trainer.Evaluate(net, batches, nn.CrossEntropyLoss());
        var second = Trainer.Evaluate(net, batches, nn.CrossEntropyLoss());

        Assert.Equal(first, second); // dropout is off in eval mode, so evaluation is deterministic
        Assert.Equal(20, first.Count);
        Assert.True(net.training);
        Assert.All(net.parameters(), p => Assert.Null(p.grad));
    }

    [Fact]
    public void Fit_RejectsUnknownBatchShapes()
    {
        var batches = new List<Tensor> { zeros(2, 2) };
        var error = Assert.Throws<ArgumentException>(() => Trainer.Fit(nn.Linear(2, 2), batches, null, nn.MSELoss(),
            optim.SGD(nn.Linear(2, 2).parameters(), 0.1), 1, output: Recorded(new RecordingHost())));
        Assert.Contains("train loader yielded a Tensor", error.Message);
    }
}

public class MetricTests
{
    private static readonly Tensor Scores = tensor(new float[,]
    {
        { 0.1f, 0.7f, 0.2f },   // top-1 class 1, top-2 {1, 2}
        { 0.5f, 0.3f, 0.2f },   // top-1 class 0, top-2 {0, 1}
        { 0.2f, 0.3f, 0.5f },   // top-1 class 2, top-2 {2, 1}
        { 0.6f, 0.1f, 0.3f },   // top-1 class 0, top-2 {0, 2}
    });

    private static readonly Tensor Labels = tensor(new long[] { 1, 1, 0, 2 });

    [Fact]
    public void Accuracy_CountsArgmaxHits() => Assert.Equal(0.25, Metrics.Accuracy(Scores, Labels));

    [Fact]
    public void TopK_CountsLabelsAmongTheKBest()
    {
        Assert.Equal(3, Metrics.Correct(Scores, Labels, k: 2));
        Assert.Equal(1.0, Metrics.Accuracy(Scores, Labels, k: 3));
    }

    [Fact]
    public void Accuracy_NamesMismatchedShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => Metrics.Accuracy(Scores, tensor(new long[] { 1, 2 })));
        Assert.Contains("scores [4, 3] and labels [2]", error.Message);
    }

    [Fact]
    public void ConfusionMatrix_CountsTruthByPrediction()
    {
        var cm = new ConfusionMatrix(["cat", "dog", "frog"]);
        cm.Add(Scores, Labels);
        cm.Add(tensor(new long[] { 2, 2 }), tensor(new long[] { 2, 0 }));

        Assert.Equal(new long[,] { { 0, 0, 2 }, { 1, 1, 0 }, { 1, 0, 1 } }, cm.Counts);
        Assert.Equal(6, cm.Total);
        Assert.Equal(2.0 / 6, cm.Accuracy, 12);
        string json = cm.ToFigure().ToJson();
        Assert.Contains("\"type\":\"heatmap\"", json);
        Assert.Contains("\"x\":[\"cat\",\"dog\",\"frog\"]", json);
        Assert.Contains("\"z\":[[0,0,2],[1,1,0],[1,0,1]]", json);
        Assert.Contains("frog", cm.ToString());
    }

    [Fact]
    public void ConfusionMatrix_RejectsLabelsOutsideTheClasses()
    {
        var error = Assert.Throws<ArgumentException>(() => new ConfusionMatrix(2).Add(tensor(new long[] { 0 }), tensor(new long[] { 5 })));
        Assert.Contains("label 5", error.Message);
    }

    [Fact]
    public void Accumulator_SumsEachVariable()
    {
        var acc = new Accumulator(3);
        acc.Add(1.5, 2, 10);
        acc.Add(0.5, 3, 10);
        Assert.Equal((2.0, 5.0, 20.0), (acc[0], acc[1], acc[2]));
        acc.Reset();
        Assert.Equal(0, acc[2]);
        Assert.Throws<ArgumentException>(() => acc.Add(1));
    }

    [Fact]
    public void Timer_RecordsRunsAndTheirRunningTotal()
    {
        var timer = new Course.Kit.Training.Timer(); // System.Threading.Timer is imported here too
        timer.Stop();
        timer.Start();
        timer.Stop();
        Assert.Equal(2, timer.Times.Count);
        Assert.Equal(timer.Sum, timer.Cumulative()[^1], 12);
        Assert.Equal(timer.Sum / 2, timer.Average, 12);
    }
}

/// <summary>Seeds torch's default generator, so it runs apart from tests that draw from it.</summary>
[Collection("GlobalState")]
public class ReproducibleTests
{
    [Fact]
    public void Reproducible_RepeatsDrawsInsideAndResumesWhereTheStreamWas()
    {
        Tensor inside1, inside2, after1, after2;
        manual_seed(7);
        using (new Reproducible(42)) inside1 = randn(5);
        after1 = randn(3);
        manual_seed(7);
        using (new Reproducible(42)) { inside2 = randn(5); randn(100); } // more draws inside must not change what follows
        after2 = randn(3);

        manual_seed(7);
        var withoutScope = randn(3);

        Assert.True(inside1.equal(inside2));
        Assert.True(after1.equal(after2));
        Assert.True(after1.equal(withoutScope));    // the scope is invisible to the code after it
    }
}
