using Microsoft.AspNetCore.Html;

namespace Course.Notebooks.Execution;

/// <summary>
/// The lowercase helpers .NET Interactive's C# kernel puts in scope with <c>using static</c>; the headless kernel
/// imports this class the same way, so cells call <c>display(x)</c> and <c>HTML("…")</c> unqualified in both.
/// </summary>
public static class KernelHelpers
{
    /// <summary>Shows <paramref name="value"/> as a new output, in <paramref name="mimeTypes"/> or the type's preferred ones.</summary>
    /// <returns>A handle whose <c>Update(newValue)</c> replaces that output in place.</returns>
    public static DisplayedValue display(object? value, params string[] mimeTypes) =>
        KernelSession.Require().Display(value, mimeTypes);

    /// <summary>Marks <paramref name="content"/> as HTML, so displaying it shows markup rather than text.</summary>
    public static IHtmlContent HTML(string content) => new HtmlString(content);
}
