using System.Numerics;
using Course.Torch.Kernels;

namespace Course.Torch;

public static partial class torch
{
    /// <summary>
    /// An n-dimensional array with autograd. Not sealed only so that <see cref="Modules.Parameter"/> can derive from it. A tensor is a view: a storage (flat array), a shape, strides and an offset,
    /// so the element at index (i0, i1, …) lives at storage[offset + Σ i_d · stride_d].
    /// </summary>
    public partial class Tensor : IDisposable
    {
        // Not readonly only so that Module.to(dtype) can swap a parameter's data in place (PyTorch's param.data = …).
        internal Storage storage;
        internal long[] _shape;
        internal long[] _strides;
        internal long _offset;

        internal Tensor(Storage storage, long[] shape, long[] strides, long offset, ScalarType dtype)
        {
            this.storage = storage;
            _shape = shape;
            _strides = strides;
            _offset = offset;
            this.dtype = dtype;
        }

        /// <summary>A tensor sharing <paramref name="data"/>'s storage and view (used by <see cref="Modules.Parameter"/>).</summary>
        internal Tensor(Tensor data) : this(data.storage, data._shape, data._strides, data._offset, data.dtype) { }

        /// <summary>Makes this tensor a view of <paramref name="source"/>'s data (dtype included), keeping its identity,
        /// grad flag and grad. This is how modules convert their parameters without breaking references to them.</summary>
        internal void SetData(Tensor source)
        {
            storage = source.storage;
            _shape = source._shape;
            _strides = source._strides;
            _offset = source._offset;
            dtype = source.dtype;
        }

        /// <summary>A new contiguous tensor of zeros.</summary>
        internal static Tensor Empty(ReadOnlySpan<long> shape, ScalarType dtype)
        {
            var dims = shape.ToArray();
            long n = 1;
            foreach (var d in dims)
            {
                if (d < 0) throw new ArgumentException($"Trying to create tensor with negative dimension {d}: [{string.Join(", ", dims)}]");
                n *= d;
            }
            return new Tensor(Storage.Allocate(dtype, n), dims, Strided.ContiguousStrides(dims), 0, dtype);
        }

        /// <summary>The size of each dimension. A copy, so changing it does not change the tensor.</summary>
        public long[] shape => (long[])_shape.Clone();

        /// <summary>The number of dimensions.</summary>
        public long ndim => _shape.Length;

        /// <summary>The number of dimensions (TorchSharp's alias of <see cref="ndim"/>).</summary>
        public long Dimensions => _shape.Length;

        /// <summary>The element type.</summary>
        public ScalarType dtype { get; private set; }

        /// <summary>Always the CPU.</summary>
        public Device device => CPU;

        /// <summary>Always <see cref="DeviceType.CPU"/>.</summary>
        public DeviceType device_type => DeviceType.CPU;

        /// <summary>The number of elements: the product of the shape.</summary>
        public long numel()
        {
            long n = 1;
            foreach (var d in _shape) n *= d;
            return n;
        }

        /// <summary>The size of one dimension; negative dims count from the end.</summary>
        public long size(int dim) => _shape[NormalizeDim(dim, _shape.Length)];

        /// <summary>The shape (TorchSharp's <c>size()</c>).</summary>
        public long[] size() => shape;

        /// <summary>The strides: how many storage elements one step along each dimension moves.</summary>
        public long[] stride() => (long[])_strides.Clone();

        /// <summary>The stride of one dimension.</summary>
        public long stride(int dim) => _strides[NormalizeDim(dim, _shape.Length)];

        /// <summary>Where the first element sits in the storage.</summary>
        public long storage_offset() => _offset;

        /// <summary>True if the elements are laid out in row-major order with no gaps.</summary>
        public bool is_contiguous()
        {
            if (numel() == 0) return true;
            long expected = 1;
            for (int d = _shape.Length - 1; d >= 0; d--)
            {
                if (_shape[d] == 1) continue;
                if (_strides[d] != expected) return false;
                expected *= _shape[d];
            }
            return true;
        }

        /// <summary>True when the dtype is float32 or float64.</summary>
        public bool is_floating_point() => torch.is_floating_point(dtype);

        /// <summary>The single value of a one-element tensor, converted to <typeparamref name="T"/>.</summary>
        /// <exception cref="InvalidOperationException">If the tensor has more than one element.</exception>
        public T item<T>() where T : unmanaged
        {
            if (numel() != 1)
                throw new InvalidOperationException($"a Tensor with {numel()} elements cannot be converted to Scalar (shape {ShapeString(_shape)}).");
            double v = GetAsDouble(_offset);
            if (typeof(T) == typeof(bool)) return (T)(object)(v != 0);
            if (typeof(T) == typeof(float)) return (T)(object)(float)v;
            if (typeof(T) == typeof(double)) return (T)(object)v;
            if (typeof(T) == typeof(long)) return (T)(object)(long)v;
            if (typeof(T) == typeof(int)) return (T)(object)(int)v;
            if (typeof(T) == typeof(byte)) return (T)(object)(byte)v;
            throw new NotSupportedException($"item<{typeof(T).Name}>() is not supported.");
        }

        /// <summary>The value of a one-element tensor as a float.</summary>
        public float ToSingle() => item<float>();
        /// <summary>The value of a one-element tensor as a double.</summary>
        public double ToDouble() => item<double>();
        /// <summary>The value of a one-element tensor as a long.</summary>
        public long ToInt64() => item<long>();
        /// <summary>The value of a one-element tensor as an int.</summary>
        public int ToInt32() => item<int>();
        /// <summary>The value of a one-element tensor as a bool.</summary>
        public bool ToBoolean() => item<bool>();

        /// <summary>The elements in row-major order, as TorchSharp's accessor (use <c>.ToArray()</c>).</summary>
        /// <exception cref="ArgumentException">If <typeparamref name="T"/> does not match the dtype.</exception>
        public TensorAccessor<T> data<T>() where T : unmanaged
        {
            if (ElementType(dtype) != typeof(T))
                throw new ArgumentException($"data<{typeof(T).Name}>() does not match the tensor's dtype {dtype}; convert with .to({DtypeName(typeof(T))}) first.");
            return new TensorAccessor<T>(this);
        }

        /// <summary>Element reads in any dtype, for printing, item() and conversions (not for hot loops).</summary>
        internal double GetAsDouble(long storageIndex) => storage.Data switch
        {
            float[] a => a[storageIndex],
            double[] a => a[storageIndex],
            long[] a => a[storageIndex],
            int[] a => a[storageIndex],
            byte[] a => a[storageIndex],
            bool[] a => a[storageIndex] ? 1 : 0,
            _ => throw new InvalidOperationException(),
        };

        /// <summary>The storage array viewed as <typeparamref name="T"/>[].</summary>
        internal T[] Elements<T>() => (T[])storage.Data;

        /// <summary>The elements of a contiguous tensor as a span over its storage.</summary>
        internal Span<T> Span<T>()
        {
            System.Diagnostics.Debug.Assert(is_contiguous());
            return new Span<T>((T[])storage.Data, (int)_offset, (int)numel());
        }

        /// <summary>The storage offset of every element in row-major order.</summary>
        internal int[] Offsets() => Strided.Offsets(_shape, _strides, _offset);

        /// <summary>Does nothing: the engine is managed, so memory is reclaimed by the garbage collector.
        /// Exists so TorchSharp code with <c>using var</c> compiles unchanged.</summary>
        public void Dispose() { }

        /// <summary>Always false; tensors are never invalidated.</summary>
        public bool IsInvalid => false;

        /// <summary>Returns the tensor itself, for TorchSharp's dispose-scope pattern.</summary>
        public Tensor MoveToOuterDisposeScope() => this;

        /// <summary>Returns the tensor itself, for TorchSharp's dispose-scope pattern.</summary>
        public Tensor DetachFromDisposeScope() => this;

        /// <summary>Metadata in TorchSharp's form: <c>[2x3], type = Float32, device = cpu</c>.</summary>
        public override string ToString()
        {
            var text = $"[{string.Join("x", _shape)}], type = {dtype}, device = cpu";
            return ndim == 0 ? text + ", value = " + FormatValue(GetAsDouble(_offset)) : text;
        }

        internal string FormatValue(double v) => dtype switch
        {
            ScalarType.Bool => v != 0 ? "true" : "false",
            ScalarType.Float32 or ScalarType.Float64 => v.ToString("G5", System.Globalization.CultureInfo.InvariantCulture),
            _ => ((long)v).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    internal static Type ElementType(ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 => typeof(float),
        ScalarType.Float64 => typeof(double),
        ScalarType.Int64 => typeof(long),
        ScalarType.Int32 => typeof(int),
        ScalarType.Byte => typeof(byte),
        ScalarType.Bool => typeof(bool),
        _ => throw new NotSupportedException($"dtype {dtype} is not supported."),
    };

    static string DtypeName(Type t) =>
        t == typeof(float) ? "float32" : t == typeof(double) ? "float64" : t == typeof(long) ? "int64" :
        t == typeof(int) ? "int32" : t == typeof(byte) ? "uint8" : t == typeof(bool) ? "@bool" : t.Name;

    /// <summary>A shape as PyTorch prints it in messages: [2, 3].</summary>
    internal static string ShapeString(ReadOnlySpan<long> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";

    /// <summary>Maps a possibly negative dim into [0, ndim), with PyTorch's error message when out of range.</summary>
    internal static int NormalizeDim(long dim, int ndim)
    {
        int rank = Math.Max(ndim, 1);
        if (dim < -rank || dim >= rank)
            throw new IndexOutOfRangeException($"Dimension out of range (expected to be in range of [{-rank}, {rank - 1}], but got {dim})");
        return (int)(dim < 0 ? dim + rank : dim);
    }

    /// <summary>
    /// TorchSharp's element accessor: row-major enumeration of a tensor's values, with <c>ToArray()</c>,
    /// <c>Count</c> and an indexer over the flattened elements.
    /// </summary>
    public sealed class TensorAccessor<T> : IEnumerable<T> where T : unmanaged
    {
        readonly Tensor tensor;
        readonly int[] offsets;

        internal TensorAccessor(Tensor tensor)
        {
            this.tensor = tensor;
            offsets = tensor.Offsets();
        }

        /// <summary>The number of elements.</summary>
        public long Count => offsets.Length;

        /// <summary>The element at a flat (row-major) index. Setting it writes through to the tensor.</summary>
        public T this[long index]
        {
            get => tensor.Elements<T>()[offsets[index]];
            set { tensor.Elements<T>()[offsets[index]] = value; tensor.storage.BumpVersion(); }
        }

        /// <summary>A copy of the elements in row-major order.</summary>
        public T[] ToArray()
        {
            var data = tensor.Elements<T>();
            var result = new T[offsets.Length];
            for (int i = 0; i < result.Length; i++) result[i] = data[offsets[i]];
            return result;
        }

        /// <inheritdoc/>
        public IEnumerator<T> GetEnumerator()
        {
            var data = tensor.Elements<T>();
            foreach (var o in offsets) yield return data[o];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
