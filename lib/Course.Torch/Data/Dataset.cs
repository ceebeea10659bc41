namespace Course.Torch;

public static partial class torch
{
    /// <summary>Utilities, as <c>torch.utils</c>.</summary>
    public static partial class utils
    {
        /// <summary>Datasets and data loaders, as <c>torch.utils.data</c>.</summary>
        public static partial class data
        {
            /// <summary>The base of every dataset: a count and random access to items by index.</summary>
            public abstract class Dataset<T> : IDisposable
            {
                /// <summary>The number of items.</summary>
                public abstract long Count { get; }

                /// <summary>The item at <paramref name="index"/>; a DataLoader stacks items into batches.</summary>
                public abstract T GetTensor(long index);

                /// <summary>Releases the dataset (nothing to release for managed tensors; kept for TorchSharp's shape).</summary>
                public void Dispose()
                {
                    Dispose(true);
                    GC.SuppressFinalize(this);
                }

                /// <summary>Override to release resources.</summary>
                protected virtual void Dispose(bool disposing) { }
            }

            /// <summary>A map-style dataset whose items are named tensors, conventionally "data" and "label".</summary>
            public abstract class Dataset : Dataset<Dictionary<string, Tensor>> { }

            /// <summary>A dataset whose items are lists of tensors (TorchSharp's name for tuple-style items).</summary>
            public abstract class IterableDataset : Dataset<IList<Tensor>> { }

            /// <summary>Items of this dataset can be gathered for many indices at once (one index_select per tensor).</summary>
            internal interface IBatchable<T>
            {
                /// <summary>The batch of the items at <paramref name="indices"/>, as collation would build it.</summary>
                T GetBatch(long[] indices);
            }
        }
    }
}
