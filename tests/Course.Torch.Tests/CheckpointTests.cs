using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Course.Torch;
using Course.Torch.Modules;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

public class CheckpointTests
{
    sealed class Net : nn.Module<Tensor, Tensor>
    {
        readonly Parameter weight;
        readonly Parameter bias;
        readonly Tensor steps;

        public Net(float start) : base("Net")
        {
            weight = nn.Parameter(arange(start, start + 6).reshape(2, 3).to(ScalarType.Float32));
            bias = nn.Parameter(full(2, start).to(ScalarType.Float64));
            steps = tensor(new long[] { (long)start, 40_000_000_000 });
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => input.matmul(weight.mT);
    }

    sealed class Bigger : nn.Module<Tensor, Tensor>
    {
        readonly Parameter weight = nn.Parameter(zeros(3, 3));

        public Bigger() : base("Bigger") => RegisterComponents();

        public override Tensor forward(Tensor input) => input;
    }

    static string TempFile(string name) => Path.Combine(Directory.CreateTempSubdirectory("ckpt").FullName, name);

    static void AssertSameState(nn.Module expected, nn.Module actual)
    {
        var a = expected.state_dict();
        var b = actual.state_dict();
        Assert.Equal(a.Keys, b.Keys);
        foreach (var key in a.Keys) Fixtures.AssertClose(a[key], b[key], rtol: 0, atol: 0, what: key);
    }

    [Fact]
    public void Module_save_then_load_restores_every_tensor()
    {
        var path = TempFile("net.dat");
        var saved = new Net(1);
        saved.save(path);
        var loaded = new Net(100);
        loaded.load(path);
        AssertSameState(saved, loaded);
        Assert.True(loaded.parameters().All(p => p.requires_grad));
    }

    /// <summary>The format spelled out byte by byte, as TorchSharp writes it.</summary>
    static byte[] HandBuilt()
    {
        var ms = new MemoryStream();
        var w = new BinaryWriter(ms);
        w.Write((byte)3); // three entries
        w.Write("weight"); w.Write((byte)6); w.Write((byte)2); w.Write((byte)2); w.Write((byte)3);
        foreach (var v in new float[] { 5, 6, 7, 8, 9, 10 }) w.Write(v);
        w.Write("bias"); w.Write((byte)7); w.Write((byte)1); w.Write((byte)2);
        foreach (var v in new double[] { 5, 5 }) w.Write(v);
        w.Write("steps"); w.Write((byte)4); w.Write((byte)1); w.Write((byte)2);
        foreach (var v in new long[] { 5, 40_000_000_000 }) w.Write(v);
        w.Flush();
        return ms.ToArray();
    }

    [Fact]
    public void A_file_built_byte_by_byte_per_the_spec_loads_and_save_writes_the_same_bytes()
    {
        var path = TempFile("hand.dat");
        File.WriteAllBytes(path, HandBuilt());
        var net = new Net(0);
        net.load(path);
        AssertSameState(new Net(5), net);
        var again = TempFile("again.dat");
        new Net(5).save(again);
        Assert.Equal(HandBuilt(), File.ReadAllBytes(again));
    }

    [Fact]
    public void Leb128_uses_several_bytes_for_large_dimensions()
    {
        var path = TempFile("big.dat");
        save(zeros(300), path);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 6, 1, 0xAC, 0x02 }, bytes[..4]); // 300 = 0b10_0101100 -> 0xAC 0x02
        Assert.Equal(4 + 300 * 4, bytes.Length);
    }

    [Fact]
    public void Torch_save_and_load_round_trip_every_dtype_and_views()
    {
        var tensors = new[]
        {
            randn(3, 4).T, randn(2, 2, dtype: ScalarType.Float64), tensor(new long[] { -1, long.MaxValue }),
            tensor(new int[] { 7, -8 }), tensor(new byte[] { 0, 255 }), tensor(new[] { true, false, true }), tensor(3.5f),
        };
        foreach (var t in tensors)
        {
            var path = TempFile("t.dat");
            t.save(path);
            var back = torch.load(path);
            Assert.Equal(t.dtype, back.dtype);
            Fixtures.AssertClose(t, back, rtol: 0, atol: 0);
        }
    }

    [Fact]
    public void Strict_load_names_the_file_and_the_missing_or_unexpected_key()
    {
        var path = TempFile("partial.dat");
        new Net(1).save(path, skip: ["bias"]);
        var e = Assert.Throws<InvalidOperationException>(() => new Net(2).load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("'bias'", e.Message);

        var loaded = new Dictionary<string, bool>();
        var net = new Net(2);
        net.load(path, strict: false, loadedParameters: loaded);
        Assert.False(loaded["bias"]);
        Assert.True(loaded["weight"]);
        Assert.Equal(1f, net.state_dict()["weight"][0, 0].item<float>());
        Assert.Equal(2.0, net.state_dict()["bias"][0].item<double>());

        var e2 = Assert.Throws<InvalidOperationException>(() => new Bigger().load(path));
        Assert.Contains("unexpected key(s) 'steps'", e2.Message);
    }

    [Fact]
    public void Wrong_shape_or_dtype_names_the_key_and_changes_nothing()
    {
        var path = TempFile("shape.dat");
        File.WriteAllBytes(path, HandBuilt());
        var bigger = new Bigger();
        var e = Assert.Throws<InvalidDataException>(() => bigger.load(path, strict: false));
        Assert.Contains("key 'weight'", e.Message);
        Assert.Contains("[2, 3]", e.Message);
        Assert.Contains("[3, 3]", e.Message);
        Assert.Equal(0f, bigger.state_dict()["weight"].sum().item<float>());

        using (var w = new BinaryWriter(File.Create(path)))
        {
            w.Write((byte)1);
            w.Write("weight"); w.Write((byte)7); w.Write((byte)2); w.Write((byte)2); w.Write((byte)3);
            foreach (var v in new double[] { 5, 6, 7, 8, 9, 10 }) w.Write(v);
        }
        var e2 = Assert.Throws<InvalidDataException>(() => new Net(0).load(path, strict: false));
        Assert.Contains("key 'weight'", e2.Message);
        Assert.Contains("Float64", e2.Message);
    }

    [Fact]
    public void Truncated_or_padded_files_are_reported_with_the_file_name()
    {
        var path = TempFile("cut.dat");
        var bytes = HandBuilt();
        File.WriteAllBytes(path, bytes[..^5]);
        var e = Assert.Throws<InvalidDataException>(() => new Net(0).load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("'steps'", e.Message);
        File.WriteAllBytes(path, bytes[..10]);
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => new Net(0).load(path)).Message);
        File.WriteAllBytes(path, bytes.Concat(new byte[] { 1 }).ToArray());
        Assert.Contains("unexpected bytes", Assert.Throws<InvalidDataException>(() => new Net(0).load(path)).Message);
        Assert.Throws<FileNotFoundException>(() => new Net(0).load(path + ".missing"));
        File.WriteAllBytes(path, [6, 1, 9, 0, 0]);
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => torch.load(path)).Message);
    }

    [Fact]
    public void Saving_over_a_file_replaces_it_and_leaves_no_temporary_files()
    {
        var path = TempFile("over.dat");
        new Net(1).save(path);
        new Net(3).save(path);
        var net = new Net(0);
        net.load(path);
        AssertSameState(new Net(3), net);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void Safetensors_round_trip_and_header_length_counts_utf8_bytes()
    {
        var path = TempFile("net.safetensors");
        var saved = new Net(1);
        saved.save_safetensors(path);
        var loaded = new Net(9);
        loaded.load_safetensors(path);
        AssertSameState(saved, loaded);

        var dict = new Dictionary<string, Tensor> { ["poids.éàü"] = tensor(new float[] { 1.5f, -2 }) };
        Safetensors.SaveStateDict(path, dict);
        var raw = File.ReadAllBytes(path);
        var n = BitConverter.ToUInt64(raw, 0);
        Assert.Equal(0UL, n % 8);
        using var header = JsonDocument.Parse(raw.AsMemory(8, (int)n));
        Assert.Equal(new long[] { 0, 8 }, header.RootElement.GetProperty("poids.éàü").GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(8 + (long)n + 8, raw.Length);
        Fixtures.AssertClose(dict["poids.éàü"], Safetensors.LoadStateDict(path)["poids.éàü"]);
    }

    [Fact]
    public void A_safetensors_file_written_by_python_loads_with_identical_values()
    {
        var file = Path.Combine(torchvision.datasets.find_datasets_folder(), "..", "tests", "Course.Torch.Tests", "fixtures", "python_written.safetensors");
        var c = Fixtures.Load("data")["safetensors_python"];
        var names = c.Arg("names").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var loaded = Safetensors.LoadStateDict(file);
        Assert.Equal(names, loaded.Keys);
        for (int i = 0; i < names.Length; i++)
        {
            Assert.Equal(c.In(i).dtype, loaded[names[i]].dtype);
            Fixtures.AssertClose(c.In(i), loaded[names[i]], rtol: 0, atol: 0, what: names[i]);
        }
    }

    [Fact]
    public void Python_reads_a_kit_written_safetensors_file_with_identical_values()
    {
        var path = TempFile("kit.safetensors");
        var dict = new Dictionary<string, Tensor>
        {
            ["w"] = randn(3, 2), ["d"] = randn(2, dtype: ScalarType.Float64), ["i"] = tensor(new long[] { 3, -40_000_000_000 }),
            ["b"] = tensor(new[] { true, false }), ["u"] = tensor(new byte[] { 1, 200 }), ["clé"] = tensor(new int[] { -5 }),
        };
        Safetensors.SaveStateDict(path, dict);
        const string script = """
            import json, struct, sys
            try:
                import torch
            except ImportError:
                sys.exit("python3-torch is missing: install it with `apt-get install python3-torch`")
            raw = open(sys.argv[1], "rb").read()
            n = struct.unpack("<Q", raw[:8])[0]
            header = json.loads(raw[8:8 + n].decode("utf-8"))
            types = {"F32": torch.float32, "F64": torch.float64, "I64": torch.int64, "I32": torch.int32, "U8": torch.uint8, "BOOL": torch.bool}
            out = {}
            for name, e in header.items():
                if name == "__metadata__":
                    continue
                b, end = e["data_offsets"]
                t = torch.frombuffer(bytearray(raw[8 + n + b:8 + n + end]), dtype=types[e["dtype"]]).reshape(e["shape"])
                out[name] = {"dtype": e["dtype"], "shape": list(t.shape), "values": [repr(v) for v in t.reshape(-1).tolist()]}
            print(json.dumps(out))
            """;
        var psi = new ProcessStartInfo("/usr/bin/python3", ["-c", script, path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        Assert.True(File.Exists("/usr/bin/python3"), "/usr/bin/python3 is missing: Debian's python3 with python3-torch is needed for this test");
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEnd();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"python failed: {stderr}");
        using var json = JsonDocument.Parse(stdout);
        foreach (var (key, t) in dict)
        {
            var e = json.RootElement.GetProperty(key);
            Assert.Equal(t.shape, e.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()));
            var expected = t.dtype switch
            {
                ScalarType.Float32 => t.data<float>().Select(v => ((double)v).ToString("R")),
                ScalarType.Float64 => t.data<double>().Select(v => v.ToString("R")),
                ScalarType.Bool => t.data<bool>().Select(v => v ? "True" : "False"),
                ScalarType.Int64 => t.data<long>().Select(v => v.ToString()),
                ScalarType.Int32 => t.data<int>().Select(v => v.ToString()),
                _ => t.data<byte>().Select(v => v.ToString()),
            };
            Assert.Equal(expected, e.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        }
    }

    [Fact]
    public void Corrupt_safetensors_files_name_the_file_and_the_key()
    {
        var path = TempFile("bad.safetensors");
        new Net(1).save_safetensors(path);
        var good = File.ReadAllBytes(path);
        File.WriteAllBytes(path, good[..^4]);
        var e = Assert.Throws<InvalidDataException>(() => new Net(0).load_safetensors(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("'steps'", e.Message);

        var huge = (byte[])good.Clone();
        BitConverter.GetBytes(1UL << 40).CopyTo(huge, 0);
        File.WriteAllBytes(path, huge);
        Assert.Contains("exceeds the file size", Assert.Throws<InvalidDataException>(() => Safetensors.LoadStateDict(path)).Message);

        File.WriteAllBytes(path, BitConverter.GetBytes(4UL).Concat(Encoding.UTF8.GetBytes("{no]")).ToArray());
        Assert.Contains("not valid JSON", Assert.Throws<InvalidDataException>(() => Safetensors.LoadStateDict(path)).Message);

        File.WriteAllBytes(path, good);
        var e2 = Assert.Throws<InvalidDataException>(() => new Bigger().load_safetensors(path, strict: false));
        Assert.Contains("key 'weight'", e2.Message);
    }
}
