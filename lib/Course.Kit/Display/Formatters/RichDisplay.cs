using System.Runtime.CompilerServices;
using Course.Kit.Images;
using Course.Torch;
using static Course.Torch.torch;

namespace Course.Kit.Display.Formatters;

/// <summary>
/// Plugs the kit's rich HTML for tensors and modules into the engine. The engine cannot reference the kit
/// (Course.Torch ← Course.Kit), so the attribute on Tensor and Module names an engine-side formatter source that
/// asks <c>NotebookFormatting.RichRenderer</c> first; this class sets that hook when the kit loads (and the engine
/// runs this initializer itself if the kit is loaded but untouched when a first tensor is displayed).
/// </summary>
internal static class RichDisplay
{
#pragma warning disable CA2255 // A library module initializer is the point here: it connects the engine's display hook.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Install() => NotebookFormatting.RichRenderer = Render;

    /// <summary>Tensors get the kit's HTML (their plain text stays TorchSharp's); modules get their layer summary.</summary>
    internal static string? Render(object value, string mimeType) => (value, mimeType) switch
    {
        (Tensor tensor, "text/html") => TensorHtml.Format(tensor),
        (nn.Module module, "text/html") => Summary.Of(module).ToHtml(),
        (nn.Module module, "text/plain") => Summary.Of(module).ToString(),
        _ => null,
    };
}
