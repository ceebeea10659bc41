using System.Globalization;
using System.Text;

namespace Course.Torch;

/// <summary>How <see cref="torch.Tensor.ToString(TensorStringStyle, string?, int?, CultureInfo?, string?)"/> and print() show a tensor.</summary>
public enum TensorStringStyle
{
    /// <summary>Only shape, dtype and device: <c>[2x3], type = Float32, device = cpu</c>.</summary>
    Metadata,
    /// <summary>Metadata, then the values in aligned columns, 3-D and up as <c>[i,..,..] =</c> slices.</summary>
    Julia,
    /// <summary>Nested brackets, as NumPy prints: <c>[[1, 2]\n [3, 4]]</c>.</summary>
    Numpy,
    /// <summary>Metadata, then the values as a C# array initializer.</summary>
    CSharp,
    /// <summary>Whatever <see cref="torch.TensorStringStyle"/> is set to.</summary>
    Default,
}

public static partial class torch
{
    static TensorStringStyle style = TensorStringStyle.Julia;

    /// <summary>The style ToString(withData), str() and print() use for <see cref="TensorStringStyle.Default"/>; Julia to start with.</summary>
    /// <exception cref="ArgumentException">When set to Default.</exception>
    public static TensorStringStyle TensorStringStyle
    {
        get => style;
        set => style = value != TensorStringStyle.Default ? value : throw new ArgumentException("The style cannot be set to 'Default'");
    }

    /// <summary>Julia style, for <c>t.ToString(torch.julia)</c>.</summary>
    public const TensorStringStyle julia = TensorStringStyle.Julia;
    /// <summary>NumPy style.</summary>
    public const TensorStringStyle numpy = TensorStringStyle.Numpy;
    /// <summary>C# initializer style.</summary>
    public const TensorStringStyle csharp = TensorStringStyle.CSharp;

    static string floatFormat = "g5";
    static string newLine = Environment.NewLine;
    static int lineWidth = 100;
    static int maxRows = 6;
    static int maxColumns = 6;

    /// <summary>Sets printing defaults; arguments left null keep their current value.</summary>
    /// <param name="style">The style used for <see cref="TensorStringStyle.Default"/>.</param>
    /// <param name="floatFormat">A .NET format string for float elements (default "g5").</param>
    /// <param name="linewidth">Characters per line in Julia style (default 100).</param>
    /// <param name="newLine">The line separator (default Environment.NewLine).</param>
    /// <param name="maxRows">Rows shown before eliding the middle with "..." (default 6).</param>
    /// <param name="maxColumns">Elements per row shown in NumPy/C# style before eliding (default 6).</param>
    public static void set_printoptions(TensorStringStyle? style = null, string? floatFormat = null, int? linewidth = null,
        string? newLine = null, int? maxRows = null, int? maxColumns = null)
    {
        if (style.HasValue) TensorStringStyle = style.Value;
        torch.floatFormat = floatFormat ?? torch.floatFormat;
        torch.newLine = newLine ?? torch.newLine;
        lineWidth = linewidth ?? lineWidth;
        torch.maxRows = maxRows ?? torch.maxRows;
        torch.maxColumns = maxColumns ?? torch.maxColumns;
    }

    public partial class Tensor
    {
        /// <summary>Metadata alone (<paramref name="withData"/> false) or the values in the default style.</summary>
        public string ToString(bool withData, string? fltFormat = null, int? width = null, CultureInfo? cultureInfo = null, string? newLine = null) =>
            ToString(withData ? TensorStringStyle.Default : TensorStringStyle.Metadata, fltFormat, width, cultureInfo, newLine);

        /// <summary>
        /// The tensor as text in <paramref name="style"/>. Floats use <paramref name="fltFormat"/> (default "g5") in
        /// <paramref name="cultureInfo"/> (default the current culture); Julia rows are cut at <paramref name="width"/> characters.
        /// </summary>
        public string ToString(TensorStringStyle style, string? fltFormat = null, int? width = null, CultureInfo? cultureInfo = null, string? newLine = null)
        {
            var f = new Formatter(this, fltFormat ?? floatFormat, width ?? lineWidth, cultureInfo ?? CultureInfo.CurrentCulture, newLine ?? torch.newLine);
            return (style == TensorStringStyle.Default ? torch.TensorStringStyle : style) switch
            {
                TensorStringStyle.Julia => f.Julia(),
                TensorStringStyle.Numpy => f.Numpy(this, ndim, true),
                TensorStringStyle.CSharp => f.CSharp(),
                _ => f.Metadata,
            };
        }

        /// <summary>Sub-tensor i along dim 0, as a view (used only for printing).</summary>
        Tensor Row(long i) => new(storage, _shape[1..], _strides[1..], _offset + i * _strides[0], dtype);

        /// <summary>Builds the text of one tensor; one instance per ToString call.</summary>
        sealed class Formatter(Tensor tensor, string fltFormat, int width, CultureInfo culture, string nl)
        {
            public string Metadata => $"[{string.Join("x", tensor._shape)}], type = {tensor.dtype}, device = cpu";

            string Value(Tensor t, long storageIndex)
            {
                double v = t.GetAsDouble(storageIndex);
                return t.dtype switch
                {
                    ScalarType.Float32 => ((float)v).ToString(fltFormat, culture),
                    ScalarType.Float64 => v.ToString(fltFormat, culture),
                    ScalarType.Bool => v != 0 ? "True" : "False",
                    _ => ((long)v).ToString(culture),
                };
            }

            /// <summary>The row indices to show: all of them, or the first and last maxRows/2 with -1 marking the gap.</summary>
            static IEnumerable<long> Shown(long count, int max) =>
                count <= max ? Range(0, count) : Range(0, max / 2).Append(-1).Concat(Range(count - max / 2, max / 2));

            static IEnumerable<long> Range(long start, long count) { for (long i = 0; i < count; i++) yield return start + i; }

            // ---- Julia: values right-aligned in columns, one line per row.

            public string Julia()
            {
                var sb = new StringBuilder(Metadata);
                if (tensor.ndim == 0) return sb.Append(", value = ").Append(Value(tensor, tensor._offset)).ToString();
                sb.Append(nl);
                if (tensor.ndim == 1) { Matrix(sb, [tensor]); return sb.ToString(); }
                Slices(sb, tensor, new List<long>(), first: true);
                return sb.ToString();
            }

            /// <summary>Recurses over the leading dims; every 2-D slice gets a "[i,j,..,..] =" header (none for a 2-D tensor).</summary>
            bool Slices(StringBuilder sb, Tensor t, List<long> index, bool first)
            {
                if (t.ndim == 2)
                {
                    if (index.Count > 0)
                    {
                        if (!first) sb.Append(nl);
                        sb.Append('[').Append(string.Join(",", index)).Append(",..,..] =").Append(nl);
                    }
                    Matrix(sb, Shown(t._shape[0], maxRows).Select(i => i < 0 ? null : t.Row(i)).ToList());
                    return false;
                }
                for (long i = 0; i < t._shape[0]; i++)
                {
                    index.Add(i);
                    first = Slices(sb, t.Row(i), index, first);
                    index.RemoveAt(index.Count - 1);
                }
                return first;
            }

            /// <summary>
            /// Prints 1-D rows (null = elided rows) in columns as wide as their widest entry. Each row keeps as many
            /// leading elements as fit in the line width (the shortest row decides), then " ..." if any were cut.
            /// </summary>
            void Matrix(StringBuilder sb, List<Tensor?> rows)
            {
                var cells = rows.Select(r => r is null ? null : FitRow(r)).ToList();
                int columns = cells.Where(c => c is not null).Min(c => c!.Count);
                bool cut = columns < rows.First(r => r is not null)!._shape[0];
                var space = new int[columns];
                foreach (var row in cells.Where(c => c is not null))
                    for (int j = 0; j < columns; j++) space[j] = Math.Max(space[j], row![j].Length);
                foreach (var row in cells)
                {
                    if (row is null) { sb.Append(" ...").Append(nl); continue; }
                    for (int j = 0; j < columns; j++) sb.Append(' ').Append(row[j].PadLeft(space[j]));
                    if (cut) sb.Append(" ...");
                    sb.Append(nl);
                }
            }

            List<string> FitRow(Tensor row)
            {
                var cells = new List<string>();
                int left = width;
                for (long j = 0; j < row._shape[0]; j++)
                {
                    var s = Value(row, row._offset + j * row._strides[0]);
                    if (left - s.Length - 4 < 0) break; // keep room for " ..."
                    cells.Add(s);
                    left -= s.Length + 1;
                }
                return cells;
            }

            // ---- NumPy: nested brackets; deeper levels are indented and separated by ndim−1 newlines.

            public string Numpy(Tensor t, long topDims, bool first)
            {
                if (t.ndim == 0) return Value(t, t._offset);
                var sb = new StringBuilder(first ? "" : new string(' ', (int)(topDims - t.ndim)));
                sb.Append('[');
                if (t.ndim == 1)
                    sb.Append(Elements(t, ", ", (s, _) => s));
                else
                {
                    var separator = string.Concat(Enumerable.Repeat(nl, (int)t.ndim - 1));
                    bool isFirst = true;
                    foreach (var i in Shown(t._shape[0], maxRows))
                    {
                        if (!isFirst) sb.Append(separator);
                        sb.Append(i < 0 ? new string(' ', (int)(topDims - t.ndim)) + " ..." : Numpy(t.Row(i), topDims, isFirst));
                        isFirst = false;
                    }
                }
                return sb.Append(']').ToString();
            }

            /// <summary>A 1-D tensor's elements joined by <paramref name="separator"/>, the middle elided as "..." past maxColumns.</summary>
            string Elements(Tensor t, string separator, Func<string, Tensor, string> decorate)
            {
                var parts = Shown(t._shape[0], maxColumns).Select(j => j < 0 ? "..." : decorate(Value(t, t._offset + j * t._strides[0]), t));
                return string.Join(separator, parts).Replace("..." + separator, "... ");
            }

            // ---- C#: an array initializer, e.g. float [,] { {1f, 2f}, {3f, 4f} }.

            public string CSharp()
            {
                var type = tensor.dtype switch
                {
                    ScalarType.Float32 => "float", ScalarType.Float64 => "double", ScalarType.Int64 => "long",
                    ScalarType.Int32 => "int", ScalarType.Byte => "byte", _ => "bool",
                };
                var head = $"{Metadata}, value = ";
                if (tensor.ndim == 0) return head + Literal(Value(tensor, tensor._offset), tensor);
                var rank = $"{type} [{new string(',', (int)tensor.ndim - 1)}] ";
                if (tensor.ndim == 1) return head + rank + "{" + Elements(tensor, ", ", Literal) + "}";
                var sb = new StringBuilder(head).Append(nl).Append(rank).Append('{').Append(nl);
                Nested(sb, tensor, 1);
                return sb.Append(nl).Append('}').ToString();
            }

            void Nested(StringBuilder sb, Tensor t, int indent)
            {
                bool isFirst = true;
                foreach (var i in Shown(t._shape[0], maxRows))
                {
                    if (!isFirst) sb.Append(',').Append(nl).Append(' ', indent);
                    else if (indent == 1) sb.Append(' ');
                    isFirst = false;
                    if (i < 0) { sb.Append("..."); continue; }
                    var row = t.Row(i);
                    if (row.ndim == 1) { sb.Append('{').Append(Elements(row, ", ", Literal)).Append('}'); continue; }
                    sb.Append('{');
                    Nested(sb, row, indent + 1);
                    sb.Append('}');
                }
            }

            static string Literal(string value, Tensor t) => t.dtype switch
            {
                ScalarType.Float32 => value + "f",
                ScalarType.Bool => value.ToLowerInvariant(),
                _ => value,
            };
        }
    }
}

/// <summary>TorchSharp's printing shortcuts on tensors, mainly for notebooks.</summary>
public static class TensorExtensionMethods
{
    /// <summary>The tensor as text in <paramref name="style"/> (Default: <see cref="torch.TensorStringStyle"/>).</summary>
    public static string str(this torch.Tensor tensor, string? fltFormat = null, int? width = null, string? newLine = null, CultureInfo? cultureInfo = null, TensorStringStyle style = TensorStringStyle.Default) =>
        tensor.ToString(style, fltFormat, width, cultureInfo, newLine);

    /// <summary>The tensor as Julia-style text.</summary>
    public static string jlstr(this torch.Tensor tensor, string? fltFormat = null, int? width = null, string? newLine = null, CultureInfo? cultureInfo = null) =>
        tensor.ToString(TensorStringStyle.Julia, fltFormat, width, cultureInfo, newLine);

    /// <summary>Shape, dtype and device only.</summary>
    public static string metastr(this torch.Tensor tensor) => tensor.ToString(TensorStringStyle.Metadata);

    /// <summary>The tensor as NumPy-style text.</summary>
    public static string npstr(this torch.Tensor tensor, string? fltFormat = "g5", int? width = 100, string? newLine = null, CultureInfo? cultureInfo = null) =>
        tensor.ToString(TensorStringStyle.Numpy, fltFormat, width, cultureInfo, newLine);

    /// <summary>The tensor as a C# array initializer.</summary>
    public static string cstr(this torch.Tensor tensor, string? fltFormat = "g5", int? width = 100, string? newLine = null, CultureInfo? cultureInfo = null) =>
        tensor.ToString(TensorStringStyle.CSharp, fltFormat, width, cultureInfo, newLine);

    /// <summary>Writes the tensor to the console (Console.WriteLine) and returns it, for chaining in notebooks.</summary>
    public static torch.Tensor print(this torch.Tensor t, string? fltFormat = "g5", int? width = 100, string? newLine = null, CultureInfo? cultureInfo = null, TensorStringStyle style = TensorStringStyle.Default)
    {
        Console.WriteLine(t.ToString(style, fltFormat, width, cultureInfo, newLine));
        return t;
    }
}
