using Course.Notebooks.Execution;

// Namespace System, as in .NET Interactive: cells call these without a using. They exist in the runner's assembly
// only; the kit must never define them, or the real kernel would see two candidates (CS0121).
namespace System;

/// <summary>The <c>.Display()</c> extension methods notebook cells use, with .NET Interactive's signatures.</summary>
public static class DisplayExtensions
{
    /// <summary>Shows <paramref name="value"/> as a new output, in <paramref name="mimeTypes"/> or the type's preferred ones.</summary>
    /// <returns>A handle whose <c>Update(newValue)</c> replaces that output in place.</returns>
    public static DisplayedValue Display(this object? value, params string[] mimeTypes) =>
        KernelSession.Require().Display(value, mimeTypes);

    /// <summary>Shows a string that already holds content of <paramref name="mimeType"/> (e.g. "text/html"), unchanged.</summary>
    public static DisplayedValue DisplayAs(this string value, string mimeType) =>
        KernelSession.Require().DisplayRaw(value, mimeType);

    /// <summary>Shows a sequence as a table (the formatter's tabular view of the items).</summary>
    public static DisplayedValue DisplayTable<T>(this IEnumerable<T> value, params string[] mimeTypes) =>
        KernelSession.Require().Display(value, mimeTypes);
}
