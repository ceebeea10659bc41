namespace Course.Notebooks.Execution;

/// <summary>
/// The handle <c>display(...)</c> and <c>.Display()</c> return, with the same members as .NET Interactive's type of
/// this name. Notebooks keep it in a <c>var</c> and call <see cref="Update"/>; they never name this type, whose
/// namespace differs between kernels.
/// </summary>
public sealed class DisplayedValue : Course.Kit.Display.IDisplayHandle
{
    private readonly KernelSession _session;

    internal DisplayedValue(KernelSession session, string displayId, string[] mimeTypes, bool raw)
    {
        _session = session;
        DisplayId = displayId;
        MimeTypes = mimeTypes;
        Raw = raw;
    }

    /// <summary>The id of the notebook output this handle replaces.</summary>
    public string DisplayId { get; }

    /// <summary>The MIME types the value was shown in; updates use the same ones.</summary>
    public IReadOnlyList<string> MimeTypes { get; }

    /// <summary>Whether it was shown with <c>DisplayAs</c>: an updated string is then shown as given, not formatted.</summary>
    internal bool Raw { get; }

    /// <summary>Replaces the shown output with <paramref name="updatedValue"/>, formatted with the same MIME types.</summary>
    public void Update(object? updatedValue) => _session.UpdateDisplay(this, updatedValue);
}
