namespace Course.Torch;

/// <summary>
/// A single number passed to a tensor op (<c>x.add(1)</c>, <c>x * 0.5f</c>). It remembers whether it was written as an
/// integer, a float or a bool, because PyTorch's type promotion depends on that: an int tensor times 0.5 is float32.
/// </summary>
public readonly struct Scalar
{
    internal Scalar(double value, ScalarType type) { Value = value; Type = type; }

    internal double Value { get; }

    /// <summary>The category the number was written in: Int64, Float64 or Bool.</summary>
    internal ScalarType Type { get; }

    /// <summary>A scalar from an int.</summary>
    public static implicit operator Scalar(int value) => new(value, ScalarType.Int64);
    /// <summary>A scalar from a long.</summary>
    public static implicit operator Scalar(long value) => new(value, ScalarType.Int64);
    /// <summary>A scalar from a byte.</summary>
    public static implicit operator Scalar(byte value) => new(value, ScalarType.Int64);
    /// <summary>A scalar from a float.</summary>
    public static implicit operator Scalar(float value) => new(value, ScalarType.Float64);
    /// <summary>A scalar from a double.</summary>
    public static implicit operator Scalar(double value) => new(value, ScalarType.Float64);
    /// <summary>A scalar from a bool.</summary>
    public static implicit operator Scalar(bool value) => new(value ? 1 : 0, ScalarType.Bool);

    /// <summary>The value as a double.</summary>
    public double ToDouble() => Value;

    /// <summary>The value as a float.</summary>
    public float ToSingle() => (float)Value;

    /// <summary>The value as a long (truncated).</summary>
    public long ToInt64() => (long)Value;

    /// <inheritdoc/>
    public override string ToString() => Type == ScalarType.Bool ? (Value != 0).ToString() : Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
