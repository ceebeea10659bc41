using System.IO.Compression;
using Course.Torch;
using static Course.Torch.torch;
using static Course.Torch.torch.utils.data;

namespace Course.Torch.Tests;

public class DatasetTests
{
    static readonly string Folder = torchvision.datasets.find_datasets_folder("fashion-mnist");
    static readonly Lazy<Dataset> Train = new(() => torchvision.datasets.FashionMNIST(Folder, train: true));
    static readonly Lazy<Dataset> Test = new(() => torchvision.datasets.FashionMNIST(Folder, train: false));

    static System.Text.Json.JsonElement Stats(string split) => Fixtures.Load("data")["fashion_mnist_stats"].Arg(split);

    [Theory]
    [InlineData("train")]
    [InlineData("t10k")]
    public void FashionMNIST_matches_the_statistics_python_computed(string split)
    {
        var ds = split == "train" ? Train.Value : Test.Value;
        var stats = Stats(split);
        Assert.Equal(stats.GetProperty("count").GetInt64(), ds.Count);
        var first = ds.GetTensor(0);
        Assert.Equal(new long[] { 1, 28, 28 }, first["data"].shape);
        Assert.Equal(ScalarType.Float32, first["data"].dtype);
        Assert.Equal(ScalarType.Int64, first["label"].dtype);
        Assert.Equal(stats.GetProperty("first_label").GetInt64(), first["label"].item<long>());
        Assert.Equal(stats.GetProperty("last_label").GetInt64(), ds.GetTensor(ds.Count - 1)["label"].item<long>());
        Assert.Equal(stats.GetProperty("first_pixel_sum").GetInt64(), (long)Math.Round(first["data"].to(ScalarType.Float64).sum().item<double>() * 255));
        double pixels = 0;
        long labels = 0;
        foreach (var batch in DataLoader(ds, 5000))
        {
            pixels += batch["data"].to(ScalarType.Float64).sum().item<double>() * 255;
            labels += batch["label"].sum().item<long>();
            Assert.True(batch["data"].min().item<float>() >= 0 && batch["data"].max().item<float>() <= 1);
        }
        Assert.Equal(stats.GetProperty("label_sum").GetInt64(), labels);
        long expectedPixels = stats.GetProperty("pixel_sum").GetInt64();
        Assert.True(Math.Abs(expectedPixels - pixels) < 1e-7 * expectedPixels, $"pixel sum {pixels}, python says {expectedPixels}");
    }

    [Fact]
    public void The_transform_applies_to_each_image()
    {
        var flipped = torchvision.datasets.FashionMNIST(Folder, train: false, target_transform: torchvision.transforms.HorizontalFlip());
        var original = Test.Value.GetTensor(3)["data"];
        Fixtures.AssertClose(original.index_select(-1, arange(27, -1, -1)), flipped.GetTensor(3)["data"]);
        Fixtures.AssertClose(original.unsqueeze(0).index_select(-1, arange(27, -1, -1)), DataLoader(flipped, 1, shuffler: new long[] { 3 }).Single()["data"]);
    }

    [Fact]
    public void The_datasets_folder_is_found_from_the_test_binaries()
    {
        Assert.True(File.Exists(Path.Combine(Folder, "SHA256SUMS")));
        Assert.EndsWith(Path.Combine("datasets", "fashion-mnist"), Folder);
        Assert.Throws<DirectoryNotFoundException>(() => torchvision.datasets.find_datasets_folder("no-such-dataset"));
    }

    static string TempCopy(bool withSums)
    {
        var dir = Directory.CreateTempSubdirectory("fmnist").FullName;
        foreach (var f in Directory.GetFiles(Folder, "t10k-*"))
            File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        if (withSums) File.Copy(Path.Combine(Folder, "SHA256SUMS"), Path.Combine(dir, "SHA256SUMS"));
        return dir;
    }

    [Fact]
    public void A_corrupted_file_fails_the_checksum_naming_the_file()
    {
        var dir = TempCopy(withSums: true);
        var path = Path.Combine(dir, "t10k-labels-idx1-ubyte.gz");
        var bytes = File.ReadAllBytes(path);
        bytes[^10] ^= 0xff;
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<InvalidDataException>(() => torchvision.datasets.FashionMNIST(dir, train: false));
        Assert.Contains("t10k-labels-idx1-ubyte.gz", e.Message);
        Assert.Contains("Checksum mismatch", e.Message);
    }

    [Fact]
    public void A_missing_file_says_which_and_how_to_get_it()
    {
        var dir = TempCopy(withSums: true);
        File.Delete(Path.Combine(dir, "t10k-images-idx3-ubyte.gz"));
        var e = Assert.Throws<FileNotFoundException>(() => torchvision.datasets.FashionMNIST(dir, train: false));
        Assert.Contains("t10k-images-idx3-ubyte", e.Message);
        Assert.Contains("dataset-fashion-mnist", e.Message);
    }

    [Fact]
    public void Uncompressed_files_load_and_a_bad_idx_header_is_named()
    {
        var dir = TempCopy(withSums: false);
        foreach (var gz in Directory.GetFiles(dir, "*.gz"))
        {
            using (var input = new GZipStream(File.OpenRead(gz), CompressionMode.Decompress))
            using (var output = File.Create(gz[..^3])) input.CopyTo(output);
            File.Delete(gz);
        }
        var ds = torchvision.datasets.FashionMNIST(dir, train: false);
        Fixtures.AssertClose(Test.Value.GetTensor(17)["data"], ds.GetTensor(17)["data"]);

        var labels = Path.Combine(dir, "t10k-labels-idx1-ubyte");
        var bytes = File.ReadAllBytes(labels);
        bytes[2] = 0x0d;
        File.WriteAllBytes(labels, bytes);
        var e = Assert.Throws<InvalidDataException>(() => torchvision.datasets.FashionMNIST(dir, train: false));
        Assert.Contains("t10k-labels-idx1-ubyte", e.Message);
        Assert.Contains("magic", e.Message);

        File.WriteAllBytes(labels, [0, 0, 8, 1, 0, 0, 0x27, 0x10, 1, 2, 3]);
        e = Assert.Throws<InvalidDataException>(() => torchvision.datasets.FashionMNIST(dir, train: false));
        Assert.Contains("10000 bytes of data but the file holds 3", e.Message);
    }

    [Fact]
    public void Download_is_refused_with_a_pointer_to_the_files()
    {
        var e = Assert.Throws<NotSupportedException>(() => torchvision.datasets.MNIST(Folder, train: false, download: true));
        Assert.Contains("offline", e.Message);
    }
}
