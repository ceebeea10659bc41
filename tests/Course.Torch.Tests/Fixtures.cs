using System.Text.Json;
using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

/// <summary>One PyTorch-computed case from fixtures/&lt;group&gt;.json (written by gen_&lt;group&gt;.py).</summary>
public sealed class FixtureCase
{
    internal FixtureCase(JsonElement json) { Json = json; }

    JsonElement Json { get; }

    public string Name => Json.GetProperty("name").GetString()!;

    /// <summary>Input i as a fresh tensor.</summary>
    public Tensor In(int i) => Decode(Json.GetProperty("inputs")[i]);

    /// <summary>Expected output i.</summary>
    public Tensor Out(int i) => Decode(Json.GetProperty("outputs")[i]);

    /// <summary>Expected gradient of input i (null when PyTorch computed none).</summary>
    public Tensor? Grad(int i) => Json.GetProperty("grads")[i] is { ValueKind: JsonValueKind.Object } g ? Decode(g) : null;

    /// <summary>An extra argument saved by the generator.</summary>
    public JsonElement Arg(string name) => Json.GetProperty("args").GetProperty(name);

    public override string ToString() => Name;

    static Tensor Decode(JsonElement t)
    {
        var shape = t.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        var data = t.GetProperty("data").EnumerateArray().ToArray();
        var dtype = t.GetProperty("dtype").GetString();
        Tensor flat = dtype switch
        {
            "float32" => tensor(data.Select(e => (float)Number(e)).ToArray()),
            "float64" => tensor(data.Select(Number).ToArray()),
            "int64" => tensor(data.Select(e => e.GetInt64()).ToArray()),
            "int32" => tensor(data.Select(e => e.GetInt32()).ToArray()),
            "uint8" => tensor(data.Select(e => e.GetByte()).ToArray()),
            "bool" => tensor(data.Select(e => e.GetBoolean()).ToArray()),
            _ => throw new InvalidDataException($"unknown dtype {dtype} in fixture"),
        };
        return flat.reshape(shape).clone();
    }

    static double Number(JsonElement e) => e.ValueKind == JsonValueKind.String
        ? e.GetString() switch { "nan" => double.NaN, "inf" => double.PositiveInfinity, "-inf" => double.NegativeInfinity, var s => throw new InvalidDataException(s) }
        : e.GetDouble();
}

/// <summary>Loads fixture groups and compares tensors the way the parity tests need.</summary>
public static class Fixtures
{
    static readonly Dictionary<string, Dictionary<string, FixtureCase>> cache = new();

    /// <summary>All cases of a group, by name.</summary>
    public static Dictionary<string, FixtureCase> Load(string group)
    {
        lock (cache)
        {
            if (cache.TryGetValue(group, out var cases)) return cases;
            var path = Path.Combine(AppContext.BaseDirectory, "fixtures", group + ".json");
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            cases = doc.RootElement.GetProperty("cases").EnumerateArray()
                .Select(c => new FixtureCase(c.Clone())).ToDictionary(c => c.Name);
            cache[group] = cases;
            return cases;
        }
    }

    /// <summary>The case names of a group, for xunit's MemberData.</summary>
    public static IEnumerable<object[]> Names(string group) => Load(group).Keys.Select(k => new object[] { k });

    /// <summary>
    /// Asserts same shape, same dtype and |actual − expected| ≤ atol + rtol·|expected| elementwise (NaN equals NaN),
    /// reporting the first differing index.
    /// </summary>
    public static void AssertClose(Tensor expected, Tensor actual, double rtol = 1e-5, double atol = 1e-6, string? what = null)
    {
        var label = what is null ? "" : what + ": ";
        Assert.True(expected.shape.SequenceEqual(actual.shape), $"{label}shape: expected [{string.Join(", ", expected.shape)}], got [{string.Join(", ", actual.shape)}]");
        Assert.True(expected.dtype == actual.dtype, $"{label}dtype: expected {expected.dtype}, got {actual.dtype}");
        var e = expected.to(float64).data<double>().ToArray();
        var a = actual.to(float64).data<double>().ToArray();
        for (int i = 0; i < e.Length; i++)
        {
            if (double.IsNaN(e[i]) && double.IsNaN(a[i])) continue;
            if (e[i] == a[i]) continue;
            Assert.True(Math.Abs(a[i] - e[i]) <= atol + rtol * Math.Abs(e[i]),
                $"{label}element {i}: expected {e[i]:R}, got {a[i]:R} (shape [{string.Join(", ", expected.shape)}])");
        }
    }
}
