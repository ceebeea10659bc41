namespace Course.Torch;

public static partial class torch
{
    /// <summary>Integers uniform in [low, high); int64 unless <paramref name="dtype"/> says otherwise.</summary>
    /// <exception cref="ArgumentException">When high ≤ low.</exception>
    public static Tensor randint(long low, long high, Size size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null)
    {
        if (high <= low)
            throw new ArgumentException($"random_ expects 'from' to be less than 'to', but got from={low} >= to={high}");
        var g = generator ?? Generator.Default;
        var t = Tensor.Empty(size.Shape, dtype ?? ScalarType.Int64);
        ulong range = (ulong)(high - low);
        lock (g.Lock) t.Overwrite(() => low + (long)g.NextBelow(range));
        return t.requires_grad_(requires_grad);
    }

    /// <summary>Integers uniform in [0, high).</summary>
    public static Tensor randint(long high, Size size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        randint(0, high, size, dtype, device, requires_grad, generator);

    /// <summary>Integers uniform in [0, high).</summary>
    public static Tensor randint(long high, long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        randint(0, high, new Size(size), dtype, device, requires_grad, generator);

    /// <summary>Integers uniform in [low, high).</summary>
    public static Tensor randint(long low, long high, long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        randint(low, high, new Size(size), dtype, device, requires_grad, generator);

    /// <summary>Integers uniform in [low, high).</summary>
    public static Tensor randint(int low, int high, int[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        randint(low, high, new Size(size), dtype, device, requires_grad, generator);

    /// <summary>Integers uniform in [0, high).</summary>
    public static Tensor randint(int high, int[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        randint(0, high, new Size(size), dtype, device, requires_grad, generator);

    /// <summary>
    /// A random permutation of 0 … n−1 by Fisher-Yates: for i from n−1 down to 1, swap element i with a uniformly
    /// chosen element j ≤ i. Every permutation is equally likely.
    /// </summary>
    public static Tensor randperm(long n, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null)
    {
        if (n < 0) throw new ArgumentException($"n must be non-negative, got {n}");
        var g = generator ?? Generator.Default;
        var perm = new long[n];
        for (long i = 0; i < n; i++) perm[i] = i;
        lock (g.Lock)
            for (long i = n - 1; i > 0; i--)
            {
                long j = (long)g.NextBelow((ulong)(i + 1));
                (perm[i], perm[j]) = (perm[j], perm[i]);
            }
        return tensor(perm, dtype: dtype ?? ScalarType.Int64, requires_grad: requires_grad);
    }

    /// <summary>
    /// A tensor shape, as TorchSharp's <c>torch.Size</c>: lets factories take tuples, e.g. <c>randint(10, (3, 4))</c>.
    /// </summary>
    public readonly struct Size : IEnumerable<long>
    {
        readonly long[]? shape;

        /// <summary>A shape from its sizes.</summary>
        public Size(long[] shape) { this.shape = (long[])shape.Clone(); }

        /// <summary>A shape from int sizes.</summary>
        public Size(int[] shape) { this.shape = shape.Select(d => (long)d).ToArray(); }

        internal long[] Shape => shape ?? [];

        /// <summary>A 1-D shape.</summary>
        public static implicit operator Size(long size) => new([size]);
        /// <summary>A 2-D shape.</summary>
        public static implicit operator Size((long, long) size) => new([size.Item1, size.Item2]);
        /// <summary>A 3-D shape.</summary>
        public static implicit operator Size((long, long, long) size) => new([size.Item1, size.Item2, size.Item3]);
        /// <summary>A 4-D shape.</summary>
        public static implicit operator Size((long, long, long, long) size) => new([size.Item1, size.Item2, size.Item3, size.Item4]);

        /// <summary>The number of dimensions.</summary>
        public int Length => Shape.Length;

        /// <summary>The size of dimension <paramref name="idx"/>.</summary>
        public long this[int idx] => Shape[idx];

        /// <summary>The number of elements: the product of the sizes.</summary>
        public long numel() => Shape.Aggregate(1L, (n, d) => n * d);

        /// <inheritdoc/>
        public IEnumerator<long> GetEnumerator() => ((IEnumerable<long>)Shape).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        /// <inheritdoc/>
        public override string ToString() => ShapeString(Shape);
    }
}
