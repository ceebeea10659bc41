// The course workloads on Course.Torch, timed in-process: the C# twin of shared/bench/pytorch_baseline.py.
// Same flags (--threads N, --only a,b, --quick) and the same JSON line per workload, so the two outputs compare
// line by line. Workloads that need layers the engine does not have yet are skipped with a note on stderr.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Course.Torch;
using static Course.Torch.torch;

int threads = Environment.ProcessorCount;
var only = new HashSet<string>();
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--threads": threads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--only": only = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(); break;
        case "--quick": break; // only changes the Fashion-MNIST workloads, which are skipped for now
        default: Console.Error.WriteLine($"unknown argument {args[i]}; usage: [--threads N] [--only NAME,...] [--quick]"); return 2;
    }
}
set_num_threads(threads);
bool Wanted(string name) => only.Count == 0 || only.Contains(name);
string engine = "course-torch-" + typeof(torch).Assembly.GetName().Version!.ToString(3);

// sgemm: 10 products of two 1024×1024 standard-normal matrices; median of 3 runs after 1 warm-up.
if (Wanted("sgemm1024"))
{
    var random = new Random(0);
    Tensor RandN() => tensor(Enumerable.Range(0, 1024 * 1024).Select(_ => (float)random.NextGaussian()).ToArray(), [1024, 1024]);
    var (a, b) = (RandN(), RandN());
    double seconds = Median(() => { for (int i = 0; i < 10; i++) mm(a, b); });
    Console.WriteLine(JsonLine(("workload", "sgemm1024"), ("seconds", Math.Round(seconds, 4)),
        ("gflops", Math.Round(10 * 2 * Math.Pow(1024, 3) / seconds / 1e9, 1)), ("threads", threads), ("engine", engine)));
}

foreach (var name in new[] { "mlp_epoch", "lenet_epoch", "conv3x3_fwd_bwd", "lstm_20steps", "vae_epoch" })
    if (Wanted(name)) Console.Error.WriteLine($"skipping {name}: needs nn layers Course.Torch does not have yet");
return 0;

// One JSON object on one line, spaced like Python's json.dumps so the two benches' lines look alike.
static string JsonLine(params (string Key, object Value)[] fields) => "{" + string.Join(", ", fields.Select(f => $"\"{f.Key}\": " + f.Value switch
{
    string text => JsonSerializer.Serialize(text),
    double number => number == Math.Floor(number) ? number.ToString("F1", CultureInfo.InvariantCulture) : number.ToString("R", CultureInfo.InvariantCulture),
    var other => Convert.ToString(other, CultureInfo.InvariantCulture),
})) + "}";

static double Median(Action run, int repeat = 3, int warmup = 1)
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
    return times[repeat / 2];
}

static class RandomExtensions
{
    /// <summary>A standard normal sample by the Box–Muller transform.</summary>
    public static double NextGaussian(this Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
