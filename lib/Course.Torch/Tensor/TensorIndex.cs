namespace Course.Torch;

public static partial class torch
{
    /// <summary>
    /// One entry of a Python-style index expression: an integer, a slice, a bool, an index/mask tensor,
    /// an ellipsis or None (a new axis). <c>x[1.., ^2..]</c>, <c>x[TensorIndex.Ellipsis, -1]</c>.
    /// </summary>
    public struct TensorIndex
    {
        internal enum Kind { None, Single, Null, Ellipsis, Bool, Tensor, Slice }

        internal long? startIndexOrBoolOrSingle;
        internal long? stopIndex;
        internal long? step;
        internal Kind kind;
        internal Tensor? tensor;

        /// <summary>The slice start:stop:step; a null bound means "from the start" / "to the end", a null step means 1.</summary>
        public static TensorIndex Slice(long? start = null, long? stop = null, long? step = null) =>
            new() { startIndexOrBoolOrSingle = start, stopIndex = stop, step = step, kind = Kind.Slice };

        /// <summary>The slice start:end from a tuple.</summary>
        public static TensorIndex Slice((int? start, int? end) range) => Slice((long?)range.start, (long?)range.end);

        /// <summary>The slice for a C# range; <c>^n</c> counts from the end.</summary>
        public static TensorIndex Slice(System.Range range)
        {
            long? start = !range.Start.IsFromEnd ? range.Start.Value : -1 * range.Start.Value;
            long? end = !range.End.IsFromEnd ? range.End.Value : range.End.Value == 0 ? null : -1 * range.End.Value;
            return Slice(start, end);
        }

        /// <summary>True adds a size-1 axis; false adds a size-0 axis.</summary>
        public static TensorIndex Bool(bool value) => new() { startIndexOrBoolOrSingle = value ? 1 : 0, kind = Kind.Bool };

        /// <summary>One position along a dimension (removes the dimension); negative counts from the end.</summary>
        public static TensorIndex Single(long? index) => new() { startIndexOrBoolOrSingle = index, kind = Kind.Single };

        /// <summary>An int64 index tensor (advanced indexing) or a bool mask.</summary>
        public static TensorIndex Tensor(Tensor tensor) => new() { tensor = tensor, kind = Kind.Tensor };

        /// <summary>Python's <c>...</c>: as many full slices as the dimensions not otherwise indexed.</summary>
        public static readonly TensorIndex Ellipsis = new() { kind = Kind.Ellipsis };

        /// <summary>Python's <c>None</c>: inserts a size-1 axis.</summary>
        public static readonly TensorIndex None = new() { kind = Kind.None };

        /// <summary>Inserts a size-1 axis, like <see cref="None"/>.</summary>
        public static readonly TensorIndex Null = new() { kind = Kind.Null };

        /// <summary>Python's <c>:</c>, the whole dimension.</summary>
        public static readonly TensorIndex Colon = Slice();

        /// <summary>An integer index.</summary>
        public static implicit operator TensorIndex(long value) => Single(value);

        /// <summary>A slice from a (start, end) tuple.</summary>
        public static implicit operator TensorIndex((int? start, int? end) range) => Slice((long?)range.start, (long?)range.end);

        /// <summary>A slice from a C# range such as <c>1..^1</c>.</summary>
        public static implicit operator TensorIndex(System.Range range) => Slice(range);

        /// <summary>An integer index from a C# index; <c>^1</c> is the last element.</summary>
        public static implicit operator TensorIndex(System.Index index) => Single(index.IsFromEnd ? -index.Value : index.Value);
    }
}
