using Course.Torch;

namespace Course.Kit.Display;

/// <summary>A kit type that renders itself as notebook HTML; its <see cref="object.ToString"/> is the plain-text form.</summary>
internal interface IHtmlView
{
    /// <summary>The value as a self-contained HTML fragment.</summary>
    string ToHtml();
}

/// <summary>
/// The formatters notebook kernels find through <see cref="TypeFormatterSourceAttribute"/> (matched by name, duck-typed):
/// text/html from <see cref="IHtmlView.ToHtml"/> and text/plain from <see cref="object.ToString"/>.
/// </summary>
internal sealed class HtmlViewFormatterSource
{
    /// <summary>Called by the kernel (or our runner) once per type.</summary>
    public IEnumerable<object> CreateTypeFormatters() => [new Html(), new Plain()];

    private sealed class Html
    {
        public string MimeType => "text/html";

        public bool Format(object value, TextWriter writer)
        {
            if (value is not IHtmlView view) return false;
            writer.Write(view.ToHtml());
            return true;
        }
    }

    private sealed class Plain
    {
        public string MimeType => "text/plain";

        public bool Format(object value, TextWriter writer)
        {
            if (value is not IHtmlView) return false;
            writer.Write(value.ToString());
            return true;
        }
    }
}
