using System.Net;
using System.Runtime.CompilerServices;

namespace Course.Torch;

/// <summary>
/// How notebooks show tensors and modules. The attribute on <see cref="torch.Tensor"/> and
/// <see cref="torch.nn.Module"/> points notebook kernels at <see cref="NotebookFormatterSource"/>, which lives here
/// because the engine cannot reference the kit. The rich HTML (tables, pictures, histograms, layer summaries) is
/// Course.Kit's: the kit installs <see cref="RichRenderer"/> from its module initializer. Until then, and when the kit
/// is absent, tensors show as TorchSharp shows them (<c>&lt;div&gt;&lt;pre&gt;…</c>) and modules by name.
/// </summary>
internal static class NotebookFormatting
{
    /// <summary>
    /// Renders a value as the given MIME type, or returns null to fall back to the engine's own text.
    /// Set by Course.Kit; the engine only calls it.
    /// </summary>
    internal static Func<object, string, string?>? RichRenderer { get; set; }

    /// <summary>The kit's assembly name, looked up (never referenced) so its initializer can run before a first display.</summary>
    const string KitAssemblyName = "Course.Kit";

    /// <summary>
    /// The renderer, after running Course.Kit's module initializer if the kit is loaded but none of its types were used
    /// yet (a notebook that references the kit but so far only touched tensors).
    /// </summary>
    static Func<object, string, string?>? Renderer()
    {
        if (RichRenderer is null)
        {
            var kit = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == KitAssemblyName);
            if (kit is not null) RuntimeHelpers.RunModuleConstructor(kit.ManifestModule.ModuleHandle);
        }
        return RichRenderer;
    }

    internal static string PlainText(object value) =>
        Renderer()?.Invoke(value, "text/plain") ?? value switch
        {
            torch.Tensor t => t.ToString(TensorStringStyle.Default),
            _ => value.ToString() ?? "",
        };

    internal static string Html(object value) =>
        Renderer()?.Invoke(value, "text/html") ?? "<div><pre>" + WebUtility.HtmlEncode(PlainText(value)) + "</pre></div>";
}

/// <summary>The formatter source named by the convention attribute: one text/html and one text/plain formatter.</summary>
internal sealed class NotebookFormatterSource
{
    /// <summary>Called by the notebook kernel (by name) to get the formatters.</summary>
    public IEnumerable<object> CreateTypeFormatters() => [new Formatter("text/html"), new Formatter("text/plain")];

    /// <summary>A duck-typed formatter: the kernel reads <see cref="MimeType"/> and calls <see cref="Format"/>.</summary>
    internal sealed class Formatter(string mimeType)
    {
        /// <summary>The MIME type this formatter writes.</summary>
        public string MimeType { get; } = mimeType;

        /// <summary>Writes a tensor or module; false for anything else (so the kernel uses its default).</summary>
        public bool Format(object instance, TextWriter writer)
        {
            if (instance is not (torch.Tensor or torch.nn.Module)) return false;
            writer.Write(MimeType == "text/html" ? NotebookFormatting.Html(instance) : NotebookFormatting.PlainText(instance));
            return true;
        }
    }
}

public static partial class torch
{
    [TypeFormatterSource(typeof(NotebookFormatterSource), PreferredMimeTypes = ["text/html"])]
    public partial class Tensor;

    public static partial class nn
    {
        [TypeFormatterSource(typeof(NotebookFormatterSource), PreferredMimeTypes = ["text/html"])]
        public abstract partial class Module;
    }
}
