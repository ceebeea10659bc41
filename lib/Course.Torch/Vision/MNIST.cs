using System.IO.Compression;
using System.Security.Cryptography;

namespace Course.Torch
{
    using static torch;

    /// <summary>Datasets and image transforms, as TorchSharp's <c>torchvision</c>.</summary>
    public static partial class torchvision
    {
        /// <summary>Image datasets read from local files.</summary>
        public static partial class datasets
        {
            /// <summary>
            /// MNIST handwritten digits from the four IDX files (gzipped or not) in <paramref name="root"/>,
            /// <c>root/mnist</c> or <c>root/mnist/test_data</c>. Items: "data" [1, 28, 28] float32 in [0, 1] and "label" int64.
            /// </summary>
            /// <param name="root">Folder holding the files (or its parent).</param>
            /// <param name="train">The 60000 "train" images, or the 10000 "t10k" ones.</param>
            /// <param name="download">Not supported: the kit works offline.</param>
            /// <param name="target_transform">Applied to each image (TorchSharp's MNIST applies it to the data, despite the name).</param>
            /// <exception cref="FileNotFoundException">Names the missing file and how to get it.</exception>
            /// <exception cref="InvalidDataException">Names the file whose checksum or IDX header is wrong.</exception>
            public static utils.data.Dataset MNIST(string root, bool train, bool download = false, ITransform? target_transform = null) =>
                new Modules.MNIST(root, "mnist", train, download, target_transform,
                    "the MNIST IDX files from https://github.com/cvdfoundation/mnist or a mirror of http://yann.lecun.com/exdb/mnist/");

            /// <summary>
            /// Zalando's Fashion-MNIST (same layout as <see cref="MNIST"/>); the repository ships it in datasets/fashion-mnist,
            /// so <c>FashionMNIST(find_datasets_folder("fashion-mnist"), train: true)</c> works from any working directory.
            /// </summary>
            /// <inheritdoc cref="MNIST"/>
            public static utils.data.Dataset FashionMNIST(string root, bool train, bool download = false, ITransform? target_transform = null) =>
                new Modules.MNIST(root, "fashion-mnist", train, download, target_transform,
                    "datasets/fashion-mnist from this repository, or `apt-get install dataset-fashion-mnist` (/usr/share/datasets/fashion-mnist)");

            /// <summary>
            /// The repository's datasets folder (or its subfolder <paramref name="name"/>): the first "datasets" directory found
            /// walking up from the working directory, then from the folder of this assembly. Lets tests and notebooks run from anywhere.
            /// </summary>
            /// <exception cref="DirectoryNotFoundException">When no ancestor holds a "datasets" folder.</exception>
            public static string find_datasets_folder(string? name = null)
            {
                foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
                    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                    {
                        var candidate = Path.Combine(dir.FullName, "datasets");
                        if (Directory.Exists(candidate) && (name is null || Directory.Exists(Path.Combine(candidate, name))))
                            return name is null ? candidate : Path.Combine(candidate, name);
                    }
                throw new DirectoryNotFoundException($"No 'datasets{(name is null ? "" : "/" + name)}' folder above {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}; run from inside the course repository.");
            }
        }
    }
}

namespace Course.Torch.Modules
{
    using static Course.Torch.torch;

    /// <summary>
    /// The MNIST family: images and labels held as two whole tensors (uint8 [N, 1, H, W] and int64 [N]),
    /// so batches are one index_select plus a conversion to float in [0, 1].
    /// </summary>
    internal sealed class MNIST : utils.data.Dataset, utils.data.IBatchable<Dictionary<string, Tensor>>
    {
        readonly Tensor images, labels;
        readonly torchvision.ITransform? transform;

        public MNIST(string root, string name, bool train, bool download, torchvision.ITransform? transform, string howToGet)
        {
            if (download) throw new NotSupportedException($"download is not supported (the kit works offline); get {howToGet}.");
            var folder = new[] { root, Path.Combine(root, name), Path.Combine(root, name, "test_data") }
                .FirstOrDefault(d => Directory.Exists(d) && Directory.EnumerateFiles(d, "*-idx?-ubyte*").Any()) ?? root;
            var prefix = train ? "train" : "t10k";
            var imageFile = Locate(folder, prefix + "-images-idx3-ubyte", howToGet);
            var labelFile = Locate(folder, prefix + "-labels-idx1-ubyte", howToGet);
            var (imageBytes, imageShape) = Idx.Read(imageFile, 3, folder);
            var (labelBytes, labelShape) = Idx.Read(labelFile, 1, folder);
            if (labelShape[0] != imageShape[0])
                throw new InvalidDataException($"{labelFile} has {labelShape[0]} labels but {imageFile} has {imageShape[0]} images.");
            images = tensor(imageBytes, [imageShape[0], 1, imageShape[1], imageShape[2]]);
            labels = tensor(labelBytes).to(ScalarType.Int64);
            this.transform = transform;
        }

        static string Locate(string folder, string stem, string howToGet)
        {
            foreach (var file in new[] { stem + ".gz", stem })
                if (File.Exists(Path.Combine(folder, file))) return Path.Combine(folder, file);
            throw new FileNotFoundException($"Missing {Path.Combine(folder, stem)}.gz (or its uncompressed form). Get {howToGet}.", Path.Combine(folder, stem + ".gz"));
        }

        public override long Count => images.shape[0];

        // x / 255: bytes 0..255 map onto [0, 1] as torchvision's ToTensor does.
        static Tensor ToFloat(Tensor bytes) => bytes.to(ScalarType.Float32).div_(255f);

        public override Dictionary<string, Tensor> GetTensor(long index)
        {
            var image = ToFloat(images[index]);
            return new() { ["data"] = transform is null ? image : transform.call(image), ["label"] = labels[index] };
        }

        public Dictionary<string, Tensor> GetBatch(long[] indices)
        {
            if (transform is not null) return utils.data.DataLoaderCollate.Stack(indices.Select(GetTensor));
            var idx = tensor(indices);
            return new() { ["data"] = ToFloat(images.index_select(0, idx)), ["label"] = labels.index_select(0, idx) };
        }
    }

    /// <summary>Reads IDX files (Yann LeCun's MNIST format), checking the header and, when the folder has one, SHA256SUMS.</summary>
    internal static class Idx
    {
        /// <summary>
        /// The payload bytes and dimensions. Header: two zero bytes, type 0x08 (unsigned byte), the number of dimensions,
        /// then each dimension as a big-endian int32.
        /// </summary>
        public static (byte[] data, long[] shape) Read(string path, int ndim, string folder)
        {
            var raw = File.ReadAllBytes(path);
            VerifyChecksum(path, raw, folder);
            if (raw.Length >= 2 && raw[0] == 0x1f && raw[1] == 0x8b)
            {
                using var gz = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
                using var plain = new MemoryStream();
                try { gz.CopyTo(plain); }
                catch (InvalidDataException e) { throw new InvalidDataException($"{path} is not a valid gzip file: {e.Message}", e); }
                raw = plain.ToArray();
            }
            if (raw.Length < 4 + 4 * ndim) throw new InvalidDataException($"{path}: IDX header truncated ({raw.Length} bytes).");
            if (raw[0] != 0 || raw[1] != 0 || raw[2] != 0x08)
                throw new InvalidDataException($"{path}: bad IDX magic number 0x{raw[0]:x2}{raw[1]:x2}{raw[2]:x2}{raw[3]:x2}, expected 0x000008{ndim:x2} (unsigned bytes).");
            if (raw[3] != ndim) throw new InvalidDataException($"{path}: IDX file has {raw[3]} dimensions, expected {ndim}.");
            var shape = new long[ndim];
            for (int d = 0; d < ndim; d++)
                shape[d] = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(raw.AsSpan(4 + 4 * d));
            long expected = shape.Aggregate(1L, (a, b) => a * b), header = 4 + 4 * ndim;
            if (raw.Length - header != expected)
                throw new InvalidDataException($"{path}: IDX header says {ShapeString(shape)} = {expected} bytes of data but the file holds {raw.Length - header}.");
            return (raw[(int)header..], shape);
        }

        static void VerifyChecksum(string path, byte[] raw, string folder)
        {
            var sums = Path.Combine(folder, "SHA256SUMS");
            if (!File.Exists(sums)) return;
            var name = Path.GetFileName(path);
            var line = File.ReadLines(sums).Select(l => l.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries))
                .FirstOrDefault(p => p.Length == 2 && p[1].TrimStart('*').Trim() == name);
            if (line is null) return;
            var actual = Convert.ToHexString(SHA256.HashData(raw)).ToLowerInvariant();
            if (actual != line[0].ToLowerInvariant())
                throw new InvalidDataException($"Checksum mismatch for {path}: SHA256 is {actual}, SHA256SUMS expects {line[0]}. The file is corrupt or truncated; copy it again (datasets/ in the repository, or /usr/share/datasets/ from the Debian dataset package).");
        }
    }
}
