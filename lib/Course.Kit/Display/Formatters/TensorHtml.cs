using System.Globalization;
using System.Net;
using System.Text;
using Course.Kit.Images;
using Course.Torch;
using static Course.Torch.torch;

namespace Course.Kit.Display.Formatters;

/// <summary>
/// A tensor as notebook HTML, under a header with its metadata (shape, dtype, requires_grad, grad_fn):
/// image-shaped tensors as a picture, small ones (at most <see cref="TableLimit"/> elements) as a table, and large
/// ones as statistics with a histogram. Pictures and large tensors also get <see cref="TensorStatistics"/>.
/// </summary>
internal static class TensorHtml
{
    /// <summary>Tensors with at most this many elements show their values.</summary>
    public const int TableLimit = 100;

    /// <summary>A batch shows at most this many pictures.</summary>
    public const int PictureLimit = 64;

    const int SmallestPictureSide = 8, SmallestKernelSide = 3, LargestPictureSide = 1024, WidestAspect = 16;

    public static string Format(Tensor tensor)
    {
        var html = new StringBuilder("<div>").Append(Header(tensor));
        if (IsImageShaped(tensor)) html.Append(Picture(tensor)).Append(TensorStatistics.Of(tensor).ToHtml(withHistogram: false));
        else if (tensor.numel() <= TableLimit && tensor.ndim <= 2) html.Append(Table(tensor));
        else if (tensor.numel() <= TableLimit) html.Append("<pre>").Append(WebUtility.HtmlEncode(tensor.ToString(Course.Torch.TensorStringStyle.Default))).Append("</pre>");
        else html.Append(TensorStatistics.Of(tensor).ToHtml(withHistogram: true));
        return html.Append("</div>").ToString();
    }

    static string Header(Tensor tensor)
    {
        var text = new StringBuilder(tensor.metastr());
        if (tensor.requires_grad) text.Append(", requires_grad = True");
        if (tensor.grad_fn is { } node) text.Append(", grad_fn = ").Append(node.name);
        return "<div style=\"font-family: monospace\">" + WebUtility.HtmlEncode(text.ToString()) + "</div>";
    }

    /// <summary>
    /// [H, W] (at least 8×8 and more than a table's worth), [1|3, H, W] (at least 8×8) or [N, 1|3, H, W] (at least 3×3,
    /// so a conv layer's kernels qualify), of a float, uint8 or bool dtype; no side above 1024 and not thinner than 1:16.
    /// </summary>
    internal static bool IsImageShaped(Tensor tensor)
    {
        if (tensor.dtype is not (ScalarType.Float32 or ScalarType.Float64 or ScalarType.Byte or ScalarType.Bool)) return false;
        var s = tensor.shape;
        if (s.Length < 2 || s.Length > 4) return false;
        long h = s[^2], w = s[^1];
        if (Math.Max(h, w) > LargestPictureSide || Math.Max(h, w) > WidestAspect * Math.Min(h, w)) return false;
        return s.Length switch
        {
            2 => Math.Min(h, w) >= SmallestPictureSide && tensor.numel() > TableLimit,
            3 => s[0] is 1 or 3 && Math.Min(h, w) >= SmallestPictureSide,
            _ => s[1] is 1 or 3 && Math.Min(h, w) >= SmallestKernelSide && tensor.numel() > TableLimit,
        };
    }

    /// <summary>Signed data in the diverging map (0 = white), everything else gray; batches as a grid.</summary>
    static string Picture(Tensor tensor)
    {
        var stats = TensorStatistics.Of(tensor);
        long channels = tensor.ndim == 2 ? 1 : tensor.shape[^3];
        var colorMap = stats.Min < 0 && channels == 1 ? ColorMap.Coolwarm : null;
        if (tensor.ndim < 4) return tensor.ToImage(colorMap).ToHtml(alt: "tensor picture");
        long n = tensor.shape[0];
        var shown = n > PictureLimit ? tensor.narrow(0, 0, PictureLimit) : tensor;
        var grid = shown.ToImageGrid(colorMap: colorMap, sharedNormalization: colorMap is not null).ToHtml();
        return n > PictureLimit ? grid + $"<div>first {PictureLimit} of {n} pictures</div>" : grid;
    }

    static string Table(Tensor tensor)
    {
        var values = TensorImages.Values(tensor);
        long columns = tensor.ndim == 0 ? 1 : tensor.shape[^1];
        var html = new StringBuilder("<table style=\"font-family: monospace\">");
        if (tensor.ndim > 0)
        {
            html.Append("<tr>").Append(tensor.ndim == 2 ? "<th></th>" : "");
            for (long j = 0; j < columns; j++) html.Append("<th>").Append(j).Append("</th>");
            html.Append("</tr>");
        }
        long rows = columns == 0 ? 0 : values.Length / columns;
        for (long row = 0; row < rows; row++)
        {
            html.Append("<tr>").Append(tensor.ndim == 2 ? $"<th>{row}</th>" : "");
            for (long j = 0; j < columns; j++)
                html.Append("<td style=\"text-align: right\">").Append(WebUtility.HtmlEncode(tensor.FormatValue(values[row * columns + j]))).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</table>").ToString();
    }
}
