namespace Course.Torch
{
    public static partial class torch
    {
        public static partial class utils
        {
            public static partial class data
            {
                /// <summary>
                /// A dataset over tensors that share their first dimension: item i is <c>[t0[i], t1[i], …]</c>.
                /// </summary>
                /// <exception cref="ArgumentException">When the first dimensions differ (names the shapes).</exception>
                public static Modules.TensorDataset TensorDataset(params Tensor[] tensors) => new(tensors);
            }
        }
    }
}

namespace Course.Torch.Modules
{
    using static Course.Torch.torch;

    /// <summary>Dataset wrapping tensors; items index every tensor along dimension 0.</summary>
    public class TensorDataset : utils.data.IterableDataset, utils.data.IBatchable<IList<Tensor>>
    {
        readonly Tensor[] tensors;

        internal TensorDataset(Tensor[] tensors)
        {
            if (tensors is null || tensors.Length == 0) throw new ArgumentException("TensorDataset needs at least one tensor.", nameof(tensors));
            if (tensors.Any(t => t.ndim == 0 || t.shape[0] != tensors[0].shape[0]))
                throw new ArgumentException("Size mismatch between tensors: all need the same first dimension, got " +
                    string.Join(", ", tensors.Select(t => ShapeString(t._shape))), nameof(tensors));
            this.tensors = tensors;
        }

        /// <summary>The item at <paramref name="index"/>: each tensor's row.</summary>
        public IList<Tensor> this[long index] => tensors.Select(t => t[index]).ToList();

        /// <summary>The length of the first dimension.</summary>
        public override long Count => tensors[0].shape[0];

        /// <inheritdoc/>
        public override IList<Tensor> GetTensor(long index) => this[index];

        IList<Tensor> utils.data.IBatchable<IList<Tensor>>.GetBatch(long[] indices)
        {
            var idx = tensor(indices);
            return tensors.Select(t => t.index_select(0, idx)).ToList();
        }
    }
}
