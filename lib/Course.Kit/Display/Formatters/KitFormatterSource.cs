using Course.Kit.Images;
using Course.Kit.Plots;

namespace Course.Kit.Display.Formatters;

/// <summary>
/// The formatter source the convention attribute on the kit's displayable types names (see Course.Torch's
/// <c>TypeFormatterSourceAttribute</c>): text/html is the type's own <c>ToHtml()</c>, text/plain its <c>ToString()</c>.
/// </summary>
internal sealed class KitFormatterSource
{
    /// <summary>Called by the notebook kernel (by name) to get the formatters.</summary>
    public IEnumerable<object> CreateTypeFormatters() => [new Formatter("text/html"), new Formatter("text/plain")];

    /// <summary>The value as HTML, or null when it is not one of the kit's displayable types.</summary>
    internal static string? Html(object value) => value switch
    {
        Figure figure => figure.ToHtml(),
        Image image => image.ToHtml(),
        ImageGrid grid => grid.ToHtml(),
        BoxedImage boxed => boxed.ToHtml(),
        ModuleSummary summary => summary.ToHtml(),
        _ => null,
    };

    /// <summary>A duck-typed formatter: the kernel reads <see cref="MimeType"/> and calls <see cref="Format"/>.</summary>
    internal sealed class Formatter(string mimeType)
    {
        /// <summary>The MIME type this formatter writes.</summary>
        public string MimeType { get; } = mimeType;

        /// <summary>Writes a kit value; false for anything else (so the kernel uses its default).</summary>
        public bool Format(object instance, TextWriter writer)
        {
            var html = Html(instance);
            if (html is null) return false;
            writer.Write(MimeType == "text/html" ? html : instance.ToString());
            return true;
        }
    }
}
