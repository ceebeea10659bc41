namespace Course.Torch;

/// <summary>Element types, numbered as TorchSharp numbers them (the numbers appear in saved files).</summary>
public enum ScalarType : sbyte
{
    /// <summary>8-bit unsigned integer (images).</summary>
    Byte = 0,
    /// <summary>32-bit signed integer.</summary>
    Int32 = 3,
    /// <summary>64-bit signed integer (indices, labels).</summary>
    Int64 = 4,
    /// <summary>32-bit float, the fast path.</summary>
    Float32 = 6,
    /// <summary>64-bit float, used for gradient checking.</summary>
    Float64 = 7,
    /// <summary>Boolean (masks and comparison results).</summary>
    Bool = 11,
}

/// <summary>Where a tensor lives. This engine is CPU-only; the type exists so TorchSharp code compiles unchanged.</summary>
public enum DeviceType
{
    /// <summary>The CPU.</summary>
    CPU = 0,
    /// <summary>A CUDA GPU (not available in this engine).</summary>
    CUDA = 1,
}

public static partial class torch
{
    /// <summary>A compute device. Only the CPU exists here.</summary>
    public sealed class Device
    {
        internal Device(DeviceType type, int index = -1) { this.type = type; this.index = index; }

        /// <summary>The kind of device.</summary>
        public DeviceType type { get; }

        /// <summary>The device ordinal, -1 when unspecified.</summary>
        public int index { get; }

        /// <inheritdoc/>
        public override string ToString() => type == DeviceType.CPU ? "cpu" : index < 0 ? "cuda" : $"cuda:{index}";
    }

    /// <summary>The CPU device.</summary>
    public static Device CPU { get; } = new(DeviceType.CPU);

    /// <summary>Parses a device string; only "cpu" is supported by this engine.</summary>
    /// <exception cref="NotSupportedException">For any device other than the CPU.</exception>
    public static Device device(string description)
    {
        if (description.Trim().Equals("cpu", StringComparison.OrdinalIgnoreCase)) return CPU;
        throw new NotSupportedException($"Device '{description}' is not available: Course.Torch runs on the CPU only.");
    }

    /// <summary>32-bit float.</summary>
    public static readonly ScalarType float32 = ScalarType.Float32;
    /// <summary>32-bit float (TorchSharp's alias of <see cref="float32"/>).</summary>
    public static readonly ScalarType @float = ScalarType.Float32;
    /// <summary>64-bit float.</summary>
    public static readonly ScalarType float64 = ScalarType.Float64;
    /// <summary>64-bit float (alias of <see cref="float64"/>).</summary>
    public static readonly ScalarType @double = ScalarType.Float64;
    /// <summary>64-bit integer.</summary>
    public static readonly ScalarType int64 = ScalarType.Int64;
    /// <summary>64-bit integer (alias of <see cref="int64"/>).</summary>
    public static readonly ScalarType @long = ScalarType.Int64;
    /// <summary>32-bit integer.</summary>
    public static readonly ScalarType int32 = ScalarType.Int32;
    /// <summary>32-bit integer (alias of <see cref="int32"/>).</summary>
    public static readonly ScalarType @int = ScalarType.Int32;
    /// <summary>8-bit unsigned integer.</summary>
    public static readonly ScalarType uint8 = ScalarType.Byte;
    /// <summary>Boolean.</summary>
    public static readonly ScalarType @bool = ScalarType.Bool;

    /// <summary>True for float32 and float64.</summary>
    public static bool is_floating_point(ScalarType type) => type is ScalarType.Float32 or ScalarType.Float64;

    /// <summary>True for the integer types (bool excluded).</summary>
    public static bool is_integral(ScalarType type) => type is ScalarType.Byte or ScalarType.Int32 or ScalarType.Int64;

    /// <summary>
    /// The smallest type both operands convert to without losing their category, as torch.promote_types:
    /// bool &lt; integers &lt; floats, and within a category the wider type wins.
    /// </summary>
    public static ScalarType promote_types(ScalarType a, ScalarType b)
    {
        if (a == b) return a;
        return Rank(a) >= Rank(b) ? a : b;

        static int Rank(ScalarType t) => t switch
        {
            ScalarType.Bool => 0,
            ScalarType.Byte => 1,
            ScalarType.Int32 => 2,
            ScalarType.Int64 => 3,
            ScalarType.Float32 => 4,
            _ => 5,
        };
    }

    static ScalarType default_dtype = ScalarType.Float32;

    /// <summary>Sets the float dtype that factories such as zeros, ones, rand and randn use when none is given.</summary>
    public static void set_default_dtype(ScalarType dtype)
    {
        if (!is_floating_point(dtype)) throw new ArgumentException($"set_default_dtype only supports float32 and float64, got {dtype}.");
        default_dtype = dtype;
    }

    /// <summary>The default float dtype (float32 unless changed).</summary>
    public static ScalarType get_default_dtype() => default_dtype;
}
