namespace Course.Torch;

public static partial class torch
{
    /// <summary>
    /// TorchSharp's own checkpoint format (not pickle). A state dict is LEB128(count), then per entry the key as
    /// <see cref="BinaryWriter.Write(string)"/> writes it (7-bit length prefix + UTF-8), then the tensor:
    /// LEB128(dtype code), LEB128(ndim), LEB128(each dim), then the raw little-endian element bytes.
    /// A single tensor file (<c>torch.save</c>) is just the tensor part.
    /// </summary>
    internal static class TorchSharpFormat
    {
        /// <summary>Unsigned LEB128: 7 bits per byte, low bits first, high bit set on every byte but the last.</summary>
        public static void WriteLeb128(BinaryWriter w, long value)
        {
            var v = (ulong)value;
            do
            {
                byte b = (byte)(v & 0x7f);
                v >>= 7;
                w.Write(v != 0 ? (byte)(b | 0x80) : b);
            } while (v != 0);
        }

        /// <summary>Reads an unsigned LEB128 number.</summary>
        public static long ReadLeb128(BinaryReader r)
        {
            ulong result = 0;
            for (int shift = 0; shift < 64; shift += 7)
            {
                byte b = r.ReadByte();
                result |= (ulong)(b & 0x7f) << shift;
                if ((b & 0x80) == 0) return (long)result;
            }
            throw new InvalidDataException("LEB128 number longer than 64 bits");
        }

        public static void WriteTensor(BinaryWriter w, Tensor t)
        {
            WriteLeb128(w, (long)t.dtype);
            WriteLeb128(w, t.ndim);
            foreach (var d in t._shape) WriteLeb128(w, d);
            w.Write(TensorBytes.Get(t));
        }

        /// <summary>Reads one tensor; <paramref name="where"/> ("file, key") goes into error messages.</summary>
        public static Tensor ReadTensor(BinaryReader r, string where)
        {
            var code = ReadLeb128(r);
            if (!Enum.IsDefined(typeof(ScalarType), (sbyte)code) || code > sbyte.MaxValue)
                throw new InvalidDataException($"{where}: unsupported dtype code {code}.");
            var dtype = (ScalarType)code;
            var ndim = ReadLeb128(r);
            if (ndim > 64) throw new InvalidDataException($"{where}: implausible number of dimensions {ndim}; the file is corrupt.");
            var shape = new long[ndim];
            for (int i = 0; i < ndim; i++) shape[i] = ReadLeb128(r);
            long count = shape.Aggregate(1L, (a, b) => a * b);
            long remaining = r.BaseStream.Length - r.BaseStream.Position;
            if (count < 0 || count * TensorBytes.ElementSize(dtype) > remaining)
                throw new InvalidDataException($"{where}: tensor {ShapeString(shape)} {dtype} needs {count * TensorBytes.ElementSize(dtype)} bytes but only {remaining} remain; the file is truncated or corrupt.");
            return TensorBytes.Make(r.ReadBytes((int)(count * TensorBytes.ElementSize(dtype))), shape, dtype);
        }

        /// <summary>Reads a whole state dict, keeping file order.</summary>
        public static List<(string key, Tensor value)> ReadStateDict(string path)
        {
            using var r = new BinaryReader(OpenForRead(path));
            var entries = new List<(string, Tensor)>();
            string key = "(entry count)";
            try
            {
                var count = ReadLeb128(r);
                for (long i = 0; i < count; i++)
                {
                    key = $"(entry {i})";
                    key = r.ReadString();
                    entries.Add((key, ReadTensor(r, $"{path}, key '{key}'")));
                }
            }
            catch (EndOfStreamException)
            {
                throw new InvalidDataException($"{path}: file ends early while reading {key}; it is truncated or not a TorchSharp checkpoint.");
            }
            if (r.BaseStream.Position != r.BaseStream.Length)
                throw new InvalidDataException($"{path}: {r.BaseStream.Length - r.BaseStream.Position} unexpected bytes after the last entry; not a TorchSharp checkpoint?");
            return entries;
        }

        public static Stream OpenForRead(string path) =>
            File.Exists(path) ? File.OpenRead(path) : throw new FileNotFoundException($"Checkpoint file not found: {path}", path);
    }

    /// <summary>Saves one tensor in TorchSharp's format (dtype, shape, raw bytes), atomically.</summary>
    public static void save(Tensor t, string location) =>
        TensorBytes.WriteAtomically(location, s => { using var w = new BinaryWriter(s); TorchSharpFormat.WriteTensor(w, t); });

    /// <summary>Loads a tensor written by <see cref="save(Tensor, string)"/>.</summary>
    /// <exception cref="InvalidDataException">For a truncated or corrupt file (names the file).</exception>
    public static Tensor load(string location)
    {
        using var r = new BinaryReader(TorchSharpFormat.OpenForRead(location));
        try
        {
            var t = TorchSharpFormat.ReadTensor(r, location);
            if (r.BaseStream.Position != r.BaseStream.Length) throw new InvalidDataException($"{location}: unexpected bytes after the tensor; not a single-tensor file?");
            return t;
        }
        catch (EndOfStreamException) { throw new InvalidDataException($"{location}: file ends early; it is truncated or not a tensor file."); }
    }

    public partial class Tensor
    {
        /// <summary>Saves this tensor to <paramref name="location"/> (same as <c>torch.save(t, location)</c>).</summary>
        public void save(string location) => torch.save(this, location);

        /// <summary>Loads a tensor saved with <see cref="save(string)"/>.</summary>
        public static Tensor load(string location) => torch.load(location);
    }

    public static partial class nn
    {
        public abstract partial class Module
        {
            /// <summary>
            /// Writes the state dict (minus <paramref name="skip"/>) to <paramref name="location"/> in TorchSharp's format,
            /// through a temporary file so an interrupted save never clobbers the previous checkpoint. Returns this module.
            /// </summary>
            public Module save(string location, IList<string>? skip = null)
            {
                TensorBytes.WriteAtomically(location, s => { using var w = new BinaryWriter(s); save(w, skip); });
                return this;
            }

            /// <summary>Writes the state dict in TorchSharp's format to <paramref name="writer"/>.</summary>
            public Module save(BinaryWriter writer, IList<string>? skip = null)
            {
                var entries = state_dict().Where(kv => skip is null || !skip.Contains(kv.Key)).ToList();
                TorchSharpFormat.WriteLeb128(writer, entries.Count);
                foreach (var (key, value) in entries)
                {
                    writer.Write(key);
                    TorchSharpFormat.WriteTensor(writer, value);
                }
                return this;
            }

            /// <summary>
            /// Loads a TorchSharp-format checkpoint into this module. The whole file is read and checked before any
            /// parameter changes. With <paramref name="strict"/>, keys must match exactly; dtype and shape must always match.
            /// </summary>
            /// <param name="location">The file.</param>
            /// <param name="strict">Require the file's keys and the module's to be the same set.</param>
            /// <param name="skip">Keys to leave untouched.</param>
            /// <param name="loadedParameters">If given, receives each module key with whether the file supplied it.</param>
            /// <exception cref="InvalidDataException">Truncated or corrupt file, or a key whose dtype or shape differs (names file and key).</exception>
            /// <exception cref="InvalidOperationException">Missing or unexpected keys under <paramref name="strict"/> (names file and keys).</exception>
            public Module load(string location, bool strict = true, IList<string>? skip = null, Dictionary<string, bool>? loadedParameters = null)
            {
                LoadEntries(location, TorchSharpFormat.ReadStateDict(location), strict, skip, loadedParameters);
                return this;
            }

            /// <summary>Checks every entry against the state dict, then copies them in.</summary>
            internal void LoadEntries(string location, List<(string key, Tensor value)> entries, bool strict, IList<string>? skip, Dictionary<string, bool>? loadedParameters)
            {
                var own = state_dict();
                var skipped = new HashSet<string>(skip ?? []);
                var file = entries.Where(e => !skipped.Contains(e.key)).ToDictionary(e => e.key, e => e.value);
                var missing = own.Keys.Where(k => !skipped.Contains(k) && !file.ContainsKey(k)).ToList();
                var unexpected = file.Keys.Where(k => !own.ContainsKey(k)).ToList();
                if (strict && (missing.Count > 0 || unexpected.Count > 0))
                    throw new InvalidOperationException($"Error loading {location} into {name}: " +
                        (missing.Count > 0 ? $"missing key(s) {string.Join(", ", missing.Select(k => $"'{k}'"))}. " : "") +
                        (unexpected.Count > 0 ? $"unexpected key(s) {string.Join(", ", unexpected.Select(k => $"'{k}'"))}." : ""));
                foreach (var (key, value) in file)
                {
                    if (!own.TryGetValue(key, out var target)) continue;
                    if (value.dtype != target.dtype)
                        throw new InvalidDataException($"{location}, key '{key}': dtype {value.dtype} in the file, the module has {target.dtype}.");
                    if (!value._shape.AsSpan().SequenceEqual(target._shape))
                        throw new InvalidDataException($"{location}, key '{key}': shape {ShapeString(value._shape)} in the file, the module has {ShapeString(target._shape)}.");
                }
                using (no_grad())
                    foreach (var (key, value) in file)
                        if (own.TryGetValue(key, out var target)) target.copy_(value);
                if (loadedParameters is not null)
                    foreach (var key in own.Keys) loadedParameters[key] = file.ContainsKey(key);
            }
        }
    }
}
