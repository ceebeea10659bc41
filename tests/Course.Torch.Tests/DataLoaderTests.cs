using Course.Torch;
using static Course.Torch.torch;
using static Course.Torch.torch.utils.data;

namespace Course.Torch.Tests;

[Collection(GlobalState.Name)]
public class DataLoaderTests
{
    /// <summary>The notebook pattern: a map-style dataset built item by item.</summary>
    sealed class Squares(int n) : Dataset
    {
        public override long Count => n;

        public override Dictionary<string, Tensor> GetTensor(long index) =>
            new() { ["data"] = full(2, 3, (float)(index * index)), ["label"] = tensor(index) };
    }

    static long[] Labels(IEnumerable<Dictionary<string, Tensor>> batches) => batches.SelectMany(b => b["label"].data<long>().ToArray()).ToArray();

    [Fact]
    public void Batches_stack_each_key_and_keep_the_order_without_shuffle()
    {
        var loader = DataLoader(new Squares(10), 4);
        var batches = loader.ToList();
        Assert.Equal(3, loader.Count);
        Assert.Equal(new long[] { 4, 2, 3 }, batches[0]["data"].shape);
        Assert.Equal(new long[] { 2, 2, 3 }, batches[2]["data"].shape);
        Assert.Equal(ScalarType.Int64, batches[0]["label"].dtype);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), Labels(batches));
        Assert.Equal(9f, batches[0]["data"][3, 1, 2].item<float>());
    }

    [Fact]
    public void Drop_last_skips_the_short_batch()
    {
        var loader = DataLoader(new Squares(10), 4, drop_last: true);
        Assert.Equal(2, loader.Count);
        Assert.Equal(new long[] { 4, 4 }, loader.Select(b => b["label"].shape[0]).ToArray());
    }

    [Fact]
    public void Shuffle_is_a_permutation_reproducible_with_the_seed_and_new_each_epoch()
    {
        long[] Epochs(int seed, int epochs)
        {
            var loader = DataLoader(new Squares(50), 8, shuffle: true, seed: seed);
            return Enumerable.Range(0, epochs).SelectMany(_ => Labels(loader)).ToArray();
        }
        var run1 = Epochs(7, 2);
        Assert.Equal(run1, Epochs(7, 2));
        Assert.NotEqual(run1, Epochs(8, 2));
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), run1.Take(50).Order());
        Assert.NotEqual(run1.Take(50), run1.Skip(50));
        Assert.NotEqual(Enumerable.Range(0, 50).Select(i => (long)i), run1.Take(50));
    }

    [Fact]
    public void Shuffle_without_seed_follows_torch_manual_seed()
    {
        manual_seed(3);
        var a = Labels(DataLoader(new Squares(20), 5, shuffle: true));
        manual_seed(3);
        Assert.Equal(a, Labels(DataLoader(new Squares(20), 5, shuffle: true)));
    }

    [Fact]
    public void An_explicit_shuffler_sets_the_order()
    {
        var loader = DataLoader(new Squares(5), 2, shuffler: new long[] { 4, 0, 3, 1, 2 });
        Assert.Equal(new long[] { 4, 0, 3, 1, 2 }, Labels(loader));
    }

    [Fact]
    public void TensorDataset_batches_by_index_select_match_stacked_items()
    {
        var x = arange(30).reshape(10, 3).to(ScalarType.Float32);
        var y = arange(10) * 2;
        var ds = TensorDataset(x, y);
        Assert.Equal(10, ds.Count);
        Assert.Equal(new long[] { 3 }, ds[4][0].shape);
        var batches = DataLoader(ds, 4, shuffle: true, seed: 1).ToList();
        foreach (var b in batches)
        {
            var items = b[1].data<long>().Select(l => ds[l / 2]).ToList();
            Fixtures.AssertClose(stack(items.Select(i => i[0])), b[0]);
            Fixtures.AssertClose(stack(items.Select(i => i[1])), b[1]);
        }
        Assert.Equal(new long[] { 2, 3 }, batches[2][0].shape);
    }

    [Fact]
    public void TensorDataset_rejects_different_first_dimensions_naming_shapes()
    {
        var e = Assert.Throws<ArgumentException>(() => TensorDataset(zeros(4, 2), zeros(5)));
        Assert.Contains("[4, 2]", e.Message);
        Assert.Contains("[5]", e.Message);
    }

    [Fact]
    public void A_custom_collate_function_is_used()
    {
        var loader = new Modules.DataLoader<Dictionary<string, Tensor>, long>(new Squares(6), 4, (items, _) => items.Sum(i => i["label"].item<long>()));
        Assert.Equal(new long[] { 0 + 1 + 2 + 3, 4 + 5 }, loader.ToArray());
    }

    [Fact]
    public void Random_split_partitions_the_dataset_reproducibly()
    {
        var ds = new Squares(20);
        var parts = random_split(ds, [12, 5, 3], new Generator(5));
        Assert.Equal(new long[] { 12, 5, 3 }, parts.Select(p => p.Count).ToArray());
        var all = parts.SelectMany(p => Enumerable.Range(0, (int)p.Count).Select(i => p.GetTensor(i)["label"].item<long>())).Order();
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), all);
        Assert.Equal(parts[0].indices, random_split(ds, [12, 5, 3], new Generator(5))[0].indices);
        Assert.Equal(new long[] { 3, 2, 3 }, DataLoader(parts[2], 3).First()["data"].shape);
        var e = Assert.Throws<ArgumentException>(() => random_split(ds, [10, 5]));
        Assert.Contains("(20)", e.Message);
    }

    [Fact]
    public void Subset_of_a_tensor_backed_dataset_keeps_the_fast_path_values()
    {
        var ds = torchvision.datasets.FashionMNIST(torchvision.datasets.find_datasets_folder("fashion-mnist"), train: false);
        var sub = Subset(ds, [5, 0, 9999]);
        var batch = DataLoader(sub, 3).Single();
        Fixtures.AssertClose(stack(new[] { 5L, 0, 9999 }.Select(i => ds.GetTensor(i)["data"])), batch["data"]);
        Assert.Equal(new[] { 5L, 0, 9999 }.Select(i => ds.GetTensor(i)["label"].item<long>()), batch["label"].data<long>().ToArray());
    }

    [Fact]
    public void Batch_size_must_be_positive()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => DataLoader(new Squares(3), 0));
        Assert.Contains("batchSize", e.Message);
    }
}
