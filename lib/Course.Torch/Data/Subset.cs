namespace Course.Torch
{
    public static partial class torch
    {
        public static partial class utils
        {
            public static partial class data
            {
                /// <summary>
                /// Splits <paramref name="dataset"/> into non-overlapping random subsets of the given lengths
                /// (a random permutation drawn from <paramref name="generator"/>, or the default generator).
                /// </summary>
                /// <exception cref="ArgumentException">When the lengths do not add up to the dataset's Count.</exception>
                public static Modules.Subset<T>[] random_split<T>(Dataset<T> dataset, long[] lengths, Generator? generator = null)
                {
                    if (lengths.Any(l => l < 0) || lengths.Sum() != dataset.Count)
                        throw new ArgumentException($"Sum of input lengths [{string.Join(", ", lengths)}] does not equal the length of the input dataset ({dataset.Count}).");
                    var perm = randperm(dataset.Count, generator: generator).data<long>().ToArray();
                    long start = 0;
                    return lengths.Select(len => { var s = new Modules.Subset<T>(dataset, perm[(int)start..(int)(start + len)]); start += len; return s; }).ToArray();
                }

                /// <summary>Splits a map-style dataset (result is usable with <c>DataLoader</c>).</summary>
                public static Modules.Subset[] random_split(Dataset dataset, long[] lengths, Generator? generator = null) =>
                    random_split<Dictionary<string, Tensor>>(dataset, lengths, generator).Select(s => new Modules.Subset(dataset, s.indices)).ToArray();

                /// <summary>The items of <paramref name="dataset"/> at <paramref name="indices"/>, in that order.</summary>
                public static Modules.Subset Subset(Dataset dataset, long[] indices) => new(dataset, indices);
            }
        }
    }
}

namespace Course.Torch.Modules
{
    using static Course.Torch.torch;

    /// <summary>A view of some items of another dataset: item i is <c>dataset[indices[i]]</c>.</summary>
    public class Subset<T> : utils.data.Dataset<T>
    {
        readonly utils.data.Dataset<T> dataset;

        /// <summary>Selects <paramref name="indices"/> of <paramref name="dataset"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">For an index outside the dataset.</exception>
        public Subset(utils.data.Dataset<T> dataset, long[] indices)
        {
            foreach (var i in indices)
                if (i < 0 || i >= dataset.Count) throw new ArgumentOutOfRangeException(nameof(indices), $"index {i} is out of range for a dataset of {dataset.Count} items");
            this.dataset = dataset;
            this.indices = indices;
        }

        /// <summary>The selected indices of the underlying dataset.</summary>
        public long[] indices { get; }

        /// <inheritdoc/>
        public override long Count => indices.Length;

        /// <inheritdoc/>
        public override T GetTensor(long index) => dataset.GetTensor(indices[index]);
    }

    /// <summary>A subset of a map-style dataset; batches still take the index_select fast path when the source has one.</summary>
    public class Subset : utils.data.Dataset, utils.data.IBatchable<Dictionary<string, Tensor>>
    {
        readonly utils.data.Dataset dataset;

        /// <summary>Selects <paramref name="indices"/> of <paramref name="dataset"/>.</summary>
        public Subset(utils.data.Dataset dataset, long[] indices)
        {
            inner = new Subset<Dictionary<string, Tensor>>(dataset, indices);
            this.dataset = dataset;
        }

        readonly Subset<Dictionary<string, Tensor>> inner;

        /// <summary>The selected indices of the underlying dataset.</summary>
        public long[] indices => inner.indices;

        /// <inheritdoc/>
        public override long Count => inner.Count;

        /// <inheritdoc/>
        public override Dictionary<string, Tensor> GetTensor(long index) => inner.GetTensor(index);

        Dictionary<string, Tensor> utils.data.IBatchable<Dictionary<string, Tensor>>.GetBatch(long[] batch) =>
            dataset is utils.data.IBatchable<Dictionary<string, Tensor>> fast
                ? fast.GetBatch(batch.Select(i => indices[i]).ToArray())
                : utils.data.DataLoaderCollate.Stack(batch.Select(GetTensor));
    }
}
