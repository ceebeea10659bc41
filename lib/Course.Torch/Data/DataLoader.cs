using System.Collections;

namespace Course.Torch
{
    public static partial class torch
    {
        public static partial class utils
        {
            public static partial class data
            {
                /// <summary>
                /// Batches a map-style dataset: each step yields the items' tensors stacked per key
                /// (<c>batch["data"]</c> is [batchSize, …]). With <paramref name="shuffle"/>, every epoch visits the items
                /// in a new random order drawn from a generator seeded with <paramref name="seed"/> (or the default generator).
                /// </summary>
                public static Modules.DataLoader DataLoader(Dataset dataset, int batchSize, bool shuffle = false, Device? device = null, int? seed = null,
                    int num_worker = 1, bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true) =>
                    new(dataset, batchSize, shuffle, device, seed, num_worker, drop_last, disposeBatch, disposeDataset);

                /// <summary>Batches a map-style dataset in the order <paramref name="shuffler"/> gives.</summary>
                public static Modules.DataLoader DataLoader(Dataset dataset, int batchSize, IEnumerable<long> shuffler, Device? device = null,
                    int num_worker = 1, bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true) =>
                    new(dataset, batchSize, shuffler, device, num_worker, drop_last, disposeBatch, disposeDataset);

                /// <summary>Batches a list-style dataset (such as <see cref="TensorDataset"/>): each step yields a list of stacked tensors.</summary>
                public static Modules.IterableDataLoader DataLoader(IterableDataset dataset, int batchSize, bool shuffle = false, Device? device = null, int? seed = null,
                    int num_worker = 1, bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true) =>
                    new(dataset, batchSize, shuffle, device, seed, num_worker, drop_last, disposeBatch, disposeDataset);

                /// <summary>Batches a list-style dataset in the order <paramref name="shuffler"/> gives.</summary>
                public static Modules.IterableDataLoader DataLoader(IterableDataset dataset, int batchSize, IEnumerable<long> shuffler, Device? device = null,
                    int num_worker = 1, bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true) =>
                    new(dataset, batchSize, shuffler, device, num_worker, drop_last, disposeBatch, disposeDataset);

                /// <summary>The default collation: stack each key (or position) of the items along a new dimension 0.</summary>
                internal static class DataLoaderCollate
                {
                    public static Dictionary<string, Tensor> Stack(IEnumerable<Dictionary<string, Tensor>> items)
                    {
                        var list = items.ToList();
                        return list[0].Keys.ToDictionary(k => k, k => stack(list.Select(item => item[k])));
                    }

                    public static IList<Tensor> Stack(IEnumerable<IList<Tensor>> items)
                    {
                        var list = items.ToList();
                        return Enumerable.Range(0, list[0].Count).Select(i => stack(list.Select(item => item[i]))).ToList();
                    }
                }
            }
        }
    }
}

namespace Course.Torch.Modules
{
    using static Course.Torch.torch;
    using static Course.Torch.torch.utils.data;

    /// <summary>A data loader over a map-style dataset; yields dictionaries of stacked tensors.</summary>
    public class DataLoader : DataLoader<Dictionary<string, Tensor>, Dictionary<string, Tensor>>
    {
        /// <summary>Batches <paramref name="dataset"/>, optionally shuffled with a seeded generator.</summary>
        public DataLoader(Dataset dataset, int batchSize, bool shuffle = false, Device? device = null, int? seed = null,
            int num_worker = 1, bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true)
            : base(dataset, batchSize, Collate, shuffle, device, seed, num_worker, drop_last, disposeBatch, disposeDataset) { }

        /// <summary>Batches <paramref name="dataset"/> in the order <paramref name="shuffler"/> gives.</summary>
        public DataLoader(Dataset dataset, int batchSize, IEnumerable<long> shuffler, Device? device = null,
            int num_worker = 1, bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true)
            : base(dataset, batchSize, Collate, shuffler, device, num_worker, drop_last, disposeBatch, disposeDataset) { }

        static Dictionary<string, Tensor> Collate(IEnumerable<Dictionary<string, Tensor>> items, Device device) => DataLoaderCollate.Stack(items);
    }

    /// <summary>A data loader over a list-style dataset; yields lists of stacked tensors.</summary>
    public class IterableDataLoader : DataLoader<IList<Tensor>, IList<Tensor>>
    {
        /// <summary>Batches <paramref name="dataset"/>, optionally shuffled with a seeded generator.</summary>
        public IterableDataLoader(IterableDataset dataset, int batchSize, bool shuffle = false, Device? device = null, int? seed = null,
            int num_worker = 1, bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true)
            : base(dataset, batchSize, Collate, shuffle, device, seed, num_worker, drop_last, disposeBatch, disposeDataset) { }

        /// <summary>Batches <paramref name="dataset"/> in the order <paramref name="shuffler"/> gives.</summary>
        public IterableDataLoader(IterableDataset dataset, int batchSize, IEnumerable<long> shuffler, Device? device = null,
            int num_worker = 1, bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true)
            : base(dataset, batchSize, Collate, shuffler, device, num_worker, drop_last, disposeBatch, disposeDataset) { }

        static IList<Tensor> Collate(IEnumerable<IList<Tensor>> items, Device device) => DataLoaderCollate.Stack(items);
    }

    /// <summary>
    /// Cuts a dataset's index order into batches and merges each batch's items with <c>collate_fn</c>. Datasets backed
    /// by whole tensors (TensorDataset, the MNIST family) skip per-item collation and gather a batch with one
    /// index_select per tensor, when the default collation is in use.
    /// </summary>
    public class DataLoader<T, S> : IEnumerable<S>, IDisposable
    {
        readonly Dataset<T> dataset;
        readonly int batchSize;
        readonly bool drop_last;
        readonly Device device;
        readonly Func<IEnumerable<long>> order;
        readonly int num_worker;
        readonly Func<IEnumerable<T>, Device, S> collate_fn;
        readonly bool disposeDataset;
        readonly bool defaultCollate;

        /// <summary>Batches <paramref name="dataset"/> in the order <paramref name="shuffler"/> gives (enumerated once per epoch).</summary>
        /// <exception cref="ArgumentOutOfRangeException">For a batch size below 1.</exception>
        public DataLoader(Dataset<T> dataset, int batchSize, Func<IEnumerable<T>, Device, S> collate_fn, IEnumerable<long> shuffler,
            Device? device = null, int num_worker = 1, bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true)
            : this(dataset, batchSize, collate_fn, () => shuffler, device, num_worker, drop_last, disposeDataset) { }

        /// <summary>
        /// Batches <paramref name="dataset"/>; with <paramref name="shuffle"/>, each epoch is a fresh permutation from a
        /// generator seeded once with <paramref name="seed"/> (so the whole sequence of epochs repeats for the same seed).
        /// </summary>
        public DataLoader(Dataset<T> dataset, int batchSize, Func<IEnumerable<T>, Device, S> collate_fn, bool shuffle = false,
            Device? device = null, int? seed = null, int num_worker = 1, bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true)
            : this(dataset, batchSize, collate_fn, Order(dataset.Count, shuffle, seed), device, num_worker, drop_last, disposeDataset) { }

        DataLoader(Dataset<T> dataset, int batchSize, Func<IEnumerable<T>, Device, S> collate_fn, Func<IEnumerable<long>> order,
            Device? device, int num_worker, bool drop_last, bool disposeDataset)
        {
            if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), $"batchSize should be a positive integer, got {batchSize}");
            this.dataset = dataset;
            this.batchSize = batchSize;
            this.collate_fn = collate_fn;
            this.order = order;
            this.device = device ?? CPU;
            this.num_worker = Math.Max(num_worker, 1);
            this.drop_last = drop_last;
            this.disposeDataset = disposeDataset;
            defaultCollate = collate_fn.Method.DeclaringType is { } t && (t == typeof(DataLoader) || t == typeof(IterableDataLoader));
        }

        static Func<IEnumerable<long>> Order(long count, bool shuffle, int? seed)
        {
            if (!shuffle) return () => LongRange(count);
            var generator = seed is { } s ? new Generator((ulong)s) : null;
            return () => randperm(count, generator: generator).data<long>().ToArray();
        }

        static IEnumerable<long> LongRange(long count)
        {
            for (long i = 0; i < count; i++) yield return i;
        }

        /// <summary>The number of batches per epoch.</summary>
        public long Count => drop_last ? dataset.Count / batchSize : (dataset.Count + batchSize - 1) / batchSize;

        /// <summary>Enumerates one epoch of batches.</summary>
        public IEnumerator<S> GetEnumerator()
        {
            foreach (var indices in order().Chunk(batchSize))
            {
                if (drop_last && indices.Length < batchSize) yield break;
                if (defaultCollate && dataset is IBatchable<S> fast) { yield return fast.GetBatch(indices); continue; }
                var items = new T[indices.Length];
                Parallel.For(0, indices.Length, new ParallelOptions { MaxDegreeOfParallelism = num_worker }, i => items[i] = dataset.GetTensor(indices[i]));
                yield return collate_fn(items, device);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>Disposes the dataset if the loader owns it.</summary>
        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        /// <summary>Override to release resources.</summary>
        protected virtual void Dispose(bool disposing)
        {
            if (disposing && disposeDataset) dataset.Dispose();
        }
    }
}
