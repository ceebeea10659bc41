using System.Numerics;

namespace Course.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>A copy with another element type. Float to integer truncates toward zero, as in PyTorch.
        /// Differentiable between float types.</summary>
        public Tensor to(ScalarType type, bool copy = false)
        {
            if (type == dtype && !copy) return this;
            var result = new Tensor(new Storage(Converting.Convert(this, type)), (long[])_shape.Clone(), Kernels.Strided.ContiguousStrides(_shape), 0, type);
            if (!torch.is_floating_point(type)) return result;
            var from = dtype;
            return result.WithGrad("ToCopyBackward0", [this], g => [g.to(from)]);
        }

        /// <summary>Returns this tensor: the engine has only the CPU.</summary>
        public Tensor to(Device device) => device.type == DeviceType.CPU ? this : throw new NotSupportedException("Course.Torch runs on the CPU only.");

        /// <summary>Converts to a dtype on a device (only the CPU exists).</summary>
        public Tensor to(ScalarType type, Device device) => to(device).to(type);

        /// <summary>Returns this tensor (the CPU is the only device).</summary>
        public Tensor cpu() => this;

        /// <summary>Converts to float32.</summary>
        public Tensor @float() => to(ScalarType.Float32);
        /// <summary>Converts to float64.</summary>
        public Tensor @double() => to(ScalarType.Float64);
        /// <summary>Converts to int64.</summary>
        public Tensor @long() => to(ScalarType.Int64);
        /// <summary>Converts to int32.</summary>
        public Tensor @int() => to(ScalarType.Int32);
        /// <summary>Converts to bool (nonzero is true).</summary>
        public Tensor @bool() => to(ScalarType.Bool);
        /// <summary>Converts to uint8.</summary>
        public Tensor @byte() => to(ScalarType.Byte);

        /// <summary>A copy with its own storage, in row-major order. Gradients flow back unchanged.</summary>
        public Tensor clone()
        {
            var result = new Tensor(new Storage(Converting.Convert(this, dtype)), (long[])_shape.Clone(), Kernels.Strided.ContiguousStrides(_shape), 0, dtype);
            return result.WithGrad("CloneBackward0", [this], g => [g]);
        }

        /// <summary>This tensor if its elements are already row-major without gaps, otherwise a contiguous copy.</summary>
        public Tensor contiguous() => is_contiguous() ? this : clone();

        /// <summary>
        /// Copies <paramref name="src"/> into this tensor (broadcasting it to this shape and converting its dtype),
        /// writing through to the storage this view shares.
        /// </summary>
        public Tensor copy_(Tensor src, bool non_blocking = false)
        {
            CheckInPlaceOnLeaf();
            var expanded = src.to(dtype).expand(_shape);
            Converting.CopyStrided(expanded, this);
            storage.BumpVersion();
            if (is_grad_enabled() && src.requires_grad)
            {
                grad_fn = new Node("CopyBackward0", [src], g => [g.SumTo(src._shape)], []);
                _requires_grad = true;
            }
            return this;
        }

        /// <summary>
        /// Runs an in-place op as "compute out of place, then write back". Under grad mode the op reads a clone, so
        /// a backward that needs the old values still has them, and this tensor takes over the result's graph node.
        /// </summary>
        internal Tensor InPlace(Func<Tensor, Tensor> op)
        {
            var source = is_grad_enabled() && requires_grad ? clone() : this;
            var result = op(source);
            CheckInPlaceOnLeaf();
            if (Category(result.dtype) > Category(dtype))
                throw new InvalidOperationException($"result type {result.dtype} can't be cast to the desired output type {dtype}");
            Converting.CopyStrided(result.to(dtype).expand(_shape), this);
            storage.BumpVersion();
            if (result.requires_grad)
            {
                grad_fn = result.grad_fn;
                _requires_grad = true;
            }
            return this;
        }

        void CheckInPlaceOnLeaf()
        {
            if (is_grad_enabled() && is_leaf && requires_grad)
                throw new InvalidOperationException("a leaf Variable that requires grad is being used in an in-place operation. Wrap the update in 'using (torch.no_grad()) { ... }'.");
        }
    }

    /// <summary>Element-type conversions and strided copies.</summary>
    internal static class Converting
    {
        /// <summary>The elements of <paramref name="src"/> in row-major order, as a new array of <paramref name="to"/>.</summary>
        public static Array Convert(Tensor src, ScalarType to) => src.dtype switch
        {
            ScalarType.Float32 => From<float>(src, to),
            ScalarType.Float64 => From<double>(src, to),
            ScalarType.Int64 => From<long>(src, to),
            ScalarType.Int32 => From<int>(src, to),
            ScalarType.Byte => From<byte>(src, to),
            _ => From<byte>(new Tensor(new Storage(Gather<bool>(src).Select(b => b ? (byte)1 : (byte)0).ToArray()), src._shape, Kernels.Strided.ContiguousStrides(src._shape), 0, ScalarType.Byte), to),
        };

        static Array From<TFrom>(Tensor src, ScalarType to) where TFrom : INumberBase<TFrom>
        {
            var values = Gather<TFrom>(src);
            return to switch
            {
                ScalarType.Float32 => Cast<TFrom, float>(values),
                ScalarType.Float64 => Cast<TFrom, double>(values),
                ScalarType.Int64 => Cast<TFrom, long>(values),
                ScalarType.Int32 => Cast<TFrom, int>(values),
                ScalarType.Byte => Cast<TFrom, byte>(values),
                _ => values.Select(v => !TFrom.IsZero(v)).ToArray(),
            };
        }

        static TTo[] Cast<TFrom, TTo>(TFrom[] values) where TFrom : INumberBase<TFrom> where TTo : INumberBase<TTo>
        {
            if (typeof(TFrom) == typeof(TTo)) return (TTo[])(object)values;
            var result = new TTo[values.Length];
            for (int i = 0; i < values.Length; i++) result[i] = TTo.CreateTruncating(values[i]);
            return result;
        }

        /// <summary>A new array holding a view's elements in row-major order.</summary>
        public static T[] Gather<T>(Tensor t)
        {
            if (t.is_contiguous()) return t.Span<T>().ToArray();
            var data = t.Elements<T>();
            var offsets = t.Offsets();
            var result = new T[offsets.Length];
            for (int i = 0; i < result.Length; i++) result[i] = data[offsets[i]];
            return result;
        }

        /// <summary>dst[i] = src[i] for two views of one shape and dtype, in any layout.</summary>
        public static void CopyStrided(Tensor src, Tensor dst)
        {
            switch (dst.storage.Data)
            {
                case float[]: Copy<float>(src, dst); break;
                case double[]: Copy<double>(src, dst); break;
                case long[]: Copy<long>(src, dst); break;
                case int[]: Copy<int>(src, dst); break;
                case byte[]: Copy<byte>(src, dst); break;
                default: Copy<bool>(src, dst); break;
            }

            static void Copy<T>(Tensor src, Tensor dst)
            {
                var values = Gather<T>(src);
                if (dst.is_contiguous()) { values.CopyTo(dst.Span<T>()); return; }
                var data = dst.Elements<T>();
                var offsets = dst.Offsets();
                for (int i = 0; i < offsets.Length; i++) data[offsets[i]] = values[i];
            }
        }
    }
}
