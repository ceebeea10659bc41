// The course workloads on Course.Torch, timed in-process: the C# twin of shared/bench/pytorch_baseline.py.
// Same flags (--threads N, --only a,b, --quick), same models, batch sizes, data and optimizers, and the same JSON
// line per workload, so the two outputs compare line by line.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Course.Torch;
using Course.Torch.Modules;
using static Course.Torch.torch;
using F = Course.Torch.torch.nn.functional;

int threads = Environment.ProcessorCount;
var only = new HashSet<string>();
bool quick = false;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--threads": threads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--only": only = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(); break;
        case "--quick": quick = true; break; // 10k images instead of 60k
        default: Console.Error.WriteLine($"unknown argument {args[i]}; usage: [--threads N] [--only NAME,...] [--quick]"); return 2;
    }
}
set_num_threads(threads);
manual_seed(0);
bool Wanted(string name) => only.Count == 0 || only.Contains(name);
string engine = "course-torch-" + typeof(torch).Assembly.GetName().Version!.ToString(3);

void Run(string name, Action workload, params (string Key, object Value)[] extra)
{
    if (!Wanted(name)) return;
    var (median, min, max) = Time(workload);
    Console.WriteLine(JsonLine([("workload", name), ("seconds", Math.Round(median, 4)), ("min", Math.Round(min, 4)),
        ("max", Math.Round(max, 4)), ("threads", threads), ("engine", engine), .. extra]));
}

// sgemm: 10 products of two 1024×1024 standard-normal matrices; median of 3 runs after 1 warm-up.
if (Wanted("sgemm1024"))
{
    var (a, b) = (randn(1024, 1024), randn(1024, 1024));
    double seconds = Time(() => { for (int i = 0; i < 10; i++) mm(a, b); }).median;
    Console.WriteLine(JsonLine(("workload", "sgemm1024"), ("seconds", Math.Round(seconds, 4)),
        ("gflops", Math.Round(10 * 2 * Math.Pow(1024, 3) / seconds / 1e9, 1)), ("threads", threads), ("engine", engine)));
}


// Fashion-MNIST as the baseline loads it: [N,1,28,28] floats in [0,1] and int64 labels, the first 10k with --quick.
var (x, y) = FashionMnist(quick ? 10000 : 60000);
long images = x.shape[0];

var mlp = nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10));
var mlpOptimizer = optim.SGD(mlp.parameters(), 0.1);
Run("mlp_epoch", () => Epoch(mlp, x, y, 64, mlpOptimizer), ("images", images));

// progress_overhead: the cost of a live training board, only when asked for (--only progress_overhead), since the
// PyTorch baseline has no twin line. overhead_percent = (live − bare) / bare × 100.
if (only.Contains("progress_overhead"))
{
    var (bare, live, redraws) = ProgressOverhead.Measure(x, y);
    double perBatch = ProgressOverhead.MicrosecondsPerBatch(), redraw = ProgressOverhead.RedrawMilliseconds(), batches = Math.Ceiling(images / 64.0);
    // The estimate from the two noise-free parts: board calls on every batch plus the throttled redraws.
    double estimate = (perBatch * 1e-6 * batches + redraws * redraw * 1e-3) / bare * 100;
    Console.WriteLine(JsonLine(("workload", "progress_overhead"), ("seconds", Math.Round(live, 4)), ("bare_seconds", Math.Round(bare, 4)),
        ("overhead_percent", Math.Round((live - bare) / bare * 100, 2)), ("redraws_per_epoch", redraws),
        ("board_us_per_batch", Math.Round(perBatch, 3)), ("redraw_ms", Math.Round(redraw, 3)), ("estimated_overhead_percent", Math.Round(estimate, 3)),
        ("threads", threads), ("engine", engine), ("images", images)));
}

var lenet = nn.Sequential(
    nn.Conv2d(1, 6, 5, padding: 2), nn.ReLU(), nn.AvgPool2d(2),
    nn.Conv2d(6, 16, 5), nn.ReLU(), nn.AvgPool2d(2), nn.Flatten(),
    nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10));
var lenetOptimizer = optim.SGD(lenet.parameters(), 0.1);
Run("lenet_epoch", () => Epoch(lenet, x, y, 128, lenetOptimizer), ("images", images));

var conv = nn.Conv2d(32, 64, 3, padding: 1);
var convInput = randn(64, 32, 28, 28, requires_grad: true);
Run("conv3x3_fwd_bwd", () => { for (int i = 0; i < 5; i++) conv.call(convInput).sum().backward(); }, ("shape", "64x32x28x28->64, x5"));

var lstm = nn.LSTM(28, 256, batchFirst: true);
var head = nn.Linear(256, 28);
var lstmOptimizer = optim.Adam(lstm.parameters().Concat(head.parameters()), lr: 1e-3);
var sequence = randn(32, 35, 28);
var targets = randint(0, 28, [32, 35]);
Run("lstm_20steps", () =>
{
    for (int i = 0; i < 20; i++)
    {
        lstmOptimizer.zero_grad();
        var (h, _, _) = lstm.call(sequence);
        F.cross_entropy(head.call(h).reshape(-1, 28), targets.reshape(-1)).backward();
        lstmOptimizer.step();
    }
}, ("shape", "batch32 seq35 in28 hidden256"));

var vae = new Vae();
var vaeOptimizer = optim.Adam(vae.parameters(), lr: 1e-3);
Run("vae_epoch", () =>
{
    for (long i = 0; i < images; i += 128)
    {
        var xb = x[TensorIndex.Slice(i, i + 128)].flatten(1);
        vaeOptimizer.zero_grad();
        var (r, mu, logvar) = vae.call(xb);
        var loss = F.binary_cross_entropy(r, xb, reduction: nn.Reduction.Sum) - 0.5 * (1 + logvar - mu.pow(2) - logvar.exp()).sum();
        loss.backward();
        vaeOptimizer.step();
    }
}, ("images", images));
return 0;

// One pass over the data in order, as the baseline's epoch(): zero_grad, cross-entropy, backward, step per batch.
static float Epoch(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, long batch, optim.Optimizer optimizer)
{
    model.train();
    Tensor loss = zeros(1);
    for (long i = 0; i < x.shape[0]; i += batch)
    {
        var (xb, yb) = (x[TensorIndex.Slice(i, i + batch)], y[TensorIndex.Slice(i, i + batch)]);
        optimizer.zero_grad();
        loss = F.cross_entropy(model.call(xb), yb);
        loss.backward();
        optimizer.step();
    }
    return loss.item<float>();
}

static (Tensor x, Tensor y) FashionMnist(int count)
{
    var root = Environment.GetEnvironmentVariable("FASHION_MNIST_DIR") ?? torchvision.datasets.find_datasets_folder("fashion-mnist");
    var loader = utils.data.DataLoader(torchvision.datasets.FashionMNIST(root, train: true), count);
    var batch = loader.First();
    return (batch["data"], batch["label"]);
}


// One JSON object on one line, spaced like Python's json.dumps so the two benches' lines look alike.
static string JsonLine(params (string Key, object Value)[] fields) => "{" + string.Join(", ", fields.Select(f => $"\"{f.Key}\": " + f.Value switch
{
    string text => JsonSerializer.Serialize(text, AsciiLikePython),
    double number => number == Math.Floor(number) ? number.ToString("F1", CultureInfo.InvariantCulture) : number.ToString("R", CultureInfo.InvariantCulture),
    var other => Convert.ToString(other, CultureInfo.InvariantCulture),
})) + "}";

// Median, min and max seconds of 3 runs after 1 warm-up, as the baseline's timeit().
static (double median, double min, double max) Time(Action run, int repeat = 3, int warmup = 1)
{
    for (int i = 0; i < warmup; i++) run();
    var times = new double[repeat];
    for (int i = 0; i < repeat; i++)
    {
        var watch = Stopwatch.StartNew();
        run();
        times[i] = watch.Elapsed.TotalSeconds;
    }
    Array.Sort(times);
    return (times[repeat / 2], times[0], times[^1]);
}

/// <summary>The baseline's VAE: 784 → 400 → (μ, log σ²) of size 20 → 400 → 784.</summary>
sealed class Vae : nn.Module<Tensor, (Tensor reconstruction, Tensor mu, Tensor logvar)>
{
    readonly Linear enc = nn.Linear(784, 400);
    readonly Linear mu = nn.Linear(400, 20);
    readonly Linear logvar = nn.Linear(400, 20);
    readonly Linear dec1 = nn.Linear(20, 400);
    readonly Linear dec2 = nn.Linear(400, 784);

    public Vae() : base("VAE") => RegisterComponents();

    public override (Tensor, Tensor, Tensor) forward(Tensor x)
    {
        var h = F.relu(enc.call(x.flatten(1)));
        var (m, lv) = (mu.call(h), logvar.call(h));
        var z = m + randn_like(m) * (0.5 * lv).exp();
        return (dec2.call(F.relu(dec1.call(z))).sigmoid(), m, lv);
    }
}

// Python's json.dumps leaves '>' and '<' alone; System.Text.Json's default escapes them for HTML safety.
static partial class Program
{
    internal static readonly JsonSerializerOptions AsciiLikePython = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
