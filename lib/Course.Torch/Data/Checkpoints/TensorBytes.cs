namespace Course.Torch;

public static partial class torch
{
    /// <summary>Raw element bytes of tensors and the atomic file writes every checkpoint format uses.</summary>
    internal static class TensorBytes
    {
        /// <summary>Bytes per element of <paramref name="dtype"/>.</summary>
        public static int ElementSize(ScalarType dtype) => dtype switch
        {
            ScalarType.Byte or ScalarType.Bool => 1,
            ScalarType.Int32 or ScalarType.Float32 => 4,
            ScalarType.Int64 or ScalarType.Float64 => 8,
            _ => throw new NotSupportedException($"dtype {dtype} cannot be saved."),
        };

        /// <summary>The elements in row-major order as little-endian bytes (the machine's order; .NET runs little-endian here).</summary>
        public static byte[] Get(Tensor t)
        {
            var c = t.detach().contiguous();
            int size = ElementSize(c.dtype);
            var bytes = new byte[c.numel() * size];
            Buffer.BlockCopy(c.storage.Data, (int)c._offset * size, bytes, 0, bytes.Length);
            return bytes;
        }

        /// <summary>A new tensor of <paramref name="shape"/> and <paramref name="dtype"/> filled from <paramref name="bytes"/>.</summary>
        public static Tensor Make(ReadOnlySpan<byte> bytes, long[] shape, ScalarType dtype)
        {
            var t = Tensor.Empty(shape, dtype);
            bytes.CopyTo(System.Runtime.InteropServices.MemoryMarshal.AsBytes(ArraySpan(t.storage.Data)));
            return t;
        }

        static Span<byte> ArraySpan(Array a) => a switch
        {
            float[] f => System.Runtime.InteropServices.MemoryMarshal.AsBytes(f.AsSpan()),
            double[] d => System.Runtime.InteropServices.MemoryMarshal.AsBytes(d.AsSpan()),
            long[] l => System.Runtime.InteropServices.MemoryMarshal.AsBytes(l.AsSpan()),
            int[] i => System.Runtime.InteropServices.MemoryMarshal.AsBytes(i.AsSpan()),
            byte[] b => b.AsSpan(),
            bool[] b => System.Runtime.InteropServices.MemoryMarshal.AsBytes(b.AsSpan()),
            _ => throw new NotSupportedException(a.GetType().Name),
        };

        /// <summary>
        /// Writes <paramref name="path"/> through a temporary file in the same folder, then renames it over the target,
        /// so a crash mid-write never leaves a half-written checkpoint under the real name.
        /// </summary>
        public static void WriteAtomically(string path, Action<Stream> write)
        {
            var full = Path.GetFullPath(path);
            var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write)) write(stream);
                File.Move(temp, full, overwrite: true);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }
    }
}
