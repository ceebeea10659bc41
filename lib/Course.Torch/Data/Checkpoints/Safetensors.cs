using System.Text;
using System.Text.Json;
using static Course.Torch.torch;

namespace Course.Torch;

/// <summary>
/// The safetensors format (Hugging Face), as TorchSharp.PyBridge reads and writes it: an 8-byte little-endian header
/// length N, N bytes of UTF-8 JSON <c>{name: {"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}, "__metadata__": {...}}</c>
/// (padded with spaces to a multiple of 8), then the tensors' raw little-endian bytes; offsets count from the end of the header.
/// </summary>
public static class Safetensors
{
    static readonly Dictionary<ScalarType, string> Codes = new()
    {
        [ScalarType.Float32] = "F32", [ScalarType.Float64] = "F64", [ScalarType.Int64] = "I64",
        [ScalarType.Int32] = "I32", [ScalarType.Byte] = "U8", [ScalarType.Bool] = "BOOL",
    };

    /// <summary>Writes <paramref name="stateDict"/> to <paramref name="path"/> atomically (temporary file, then rename).</summary>
    public static void SaveStateDict(string path, Dictionary<string, Tensor> stateDict)
    {
        var blobs = stateDict.Select(kv => (kv.Key, kv.Value, bytes: TensorBytes.Get(kv.Value))).ToList();
        using var json = new MemoryStream();
        using (var w = new Utf8JsonWriter(json))
        {
            w.WriteStartObject();
            w.WriteStartObject("__metadata__");
            w.WriteString("format", "pt");
            w.WriteEndObject();
            long offset = 0;
            foreach (var (key, t, bytes) in blobs)
            {
                w.WriteStartObject(key);
                w.WriteString("dtype", Codes[t.dtype]);
                w.WriteStartArray("shape");
                foreach (var d in t._shape) w.WriteNumberValue(d);
                w.WriteEndArray();
                w.WriteStartArray("data_offsets");
                w.WriteNumberValue(offset);
                w.WriteNumberValue(offset += bytes.Length);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        // The length is of the UTF-8 bytes (keys may hold non-ASCII characters), padded so the data starts 8-byte aligned.
        var header = json.ToArray().Concat(Enumerable.Repeat((byte)' ', (int)((8 - json.Length % 8) % 8))).ToArray();
        TensorBytes.WriteAtomically(path, s =>
        {
            using var bw = new BinaryWriter(s);
            bw.Write((ulong)header.Length);
            bw.Write(header);
            foreach (var blob in blobs) bw.Write(blob.bytes);
        });
    }

    /// <summary>Reads every tensor of a safetensors file, in header order.</summary>
    /// <exception cref="InvalidDataException">For a truncated or corrupt file or an unsupported dtype (names the file and key).</exception>
    public static Dictionary<string, Tensor> LoadStateDict(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Safetensors file not found: {path}", path);
        var raw = File.ReadAllBytes(path);
        if (raw.Length < 8) throw new InvalidDataException($"{path}: {raw.Length} bytes is too short for a safetensors file (no header length).");
        ulong n = BitConverter.ToUInt64(raw, 0);
        if (n > (ulong)raw.Length - 8) throw new InvalidDataException($"{path}: header length {n} exceeds the file size {raw.Length}; truncated or not safetensors.");
        JsonDocument doc;
        try { doc = JsonDocument.Parse(raw.AsMemory(8, (int)n)); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: the header is not valid JSON ({e.Message}).", e); }
        using (doc)
        {
            var data = raw.AsSpan(8 + (int)n);
            var result = new Dictionary<string, Tensor>();
            foreach (var entry in doc.RootElement.EnumerateObject())
            {
                if (entry.Name == "__metadata__") continue;
                try
                {
                    var code = entry.Value.GetProperty("dtype").GetString();
                    var dtype = Codes.FirstOrDefault(c => c.Value == code).Key;
                    if (code is null || !Codes.ContainsValue(code)) throw new InvalidDataException($"{path}, key '{entry.Name}': unsupported dtype {code}.");
                    var shape = entry.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
                    var offsets = entry.Value.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()).ToArray();
                    long bytes = shape.Aggregate(1L, (a, b) => a * b) * TensorBytes.ElementSize(dtype);
                    if (offsets.Length != 2 || offsets[0] < 0 || offsets[1] > data.Length || offsets[1] - offsets[0] != bytes)
                        throw new InvalidDataException($"{path}, key '{entry.Name}': data_offsets [{string.Join(", ", offsets)}] do not fit {ShapeString(shape)} {code} ({bytes} bytes) in the {data.Length} data bytes; truncated or corrupt.");
                    result[entry.Name] = TensorBytes.Make(data.Slice((int)offsets[0], (int)bytes), shape, dtype);
                }
                catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
                {
                    throw new InvalidDataException($"{path}, key '{entry.Name}': malformed header entry ({e.Message}).", e);
                }
            }
            return result;
        }
    }
}

/// <summary>Safetensors import and export on modules, as TorchSharp.PyBridge's extension methods.</summary>
public static class SafetensorsModuleExtensions
{
    /// <summary>Writes the module's state dict (minus <paramref name="skip"/>) as a safetensors file; returns the module.</summary>
    public static nn.Module save_safetensors(this nn.Module module, string location, IList<string>? skip = null)
    {
        Safetensors.SaveStateDict(location, module.state_dict().Where(kv => skip is null || !skip.Contains(kv.Key)).ToDictionary());
        return module;
    }

    /// <summary>
    /// Loads a safetensors file into the module, with the same checks as <see cref="nn.Module.load"/>: the whole file
    /// is validated before anything changes; strict key matching; dtype and shape must match.
    /// </summary>
    public static nn.Module load_safetensors(this nn.Module module, string location, bool strict = true, IList<string>? skip = null, Dictionary<string, bool>? loadedParameters = null)
    {
        module.LoadEntries(location, Safetensors.LoadStateDict(location).Select(kv => (kv.Key, kv.Value)).ToList(), strict, skip, loadedParameters);
        return module;
    }
}
