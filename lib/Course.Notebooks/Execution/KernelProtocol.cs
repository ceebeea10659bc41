namespace Course.Notebooks.Execution;

/// <summary>
/// The messages between <see cref="NotebookRunner"/> (parent) and the kernel process (child): one JSON object per
/// line, each with a <c>"kind"</c>. Commands go to the child's standard input; events come back on the child's
/// original standard output, which the child takes before it redirects <see cref="Console"/> for student code, so a
/// cell's prints can never be read as an event. New kinds may be added (grading will add exercise results); a reader
/// ignores kinds it does not know, and <see cref="NotebookRunOptions.OnKernelEvent"/> sees every event.
/// </summary>
public static class KernelProtocol
{
    /// <summary>Parent → child, first: <c>{"kind":"start","directory":"/abs/notebook/folder"}</c>.</summary>
    public const string Start = "start";

    /// <summary>Parent → child: <c>{"kind":"run_cell","cell":3,"execution_count":2,"source":"..."}</c>; <c>cell</c> is the index in the notebook.</summary>
    public const string RunCell = "run_cell";

    /// <summary>Child → parent, once the kernel is warmed up: <c>{"kind":"ready"}</c>.</summary>
    public const string Ready = "ready";

    /// <summary>Child → parent: <c>{"kind":"cell_started","cell":3}</c>.</summary>
    public const string CellStarted = "cell_started";

    /// <summary>
    /// Child → parent: <c>{"kind":"output","cell":3,"output":{nbformat output},"display_id":"d1"}</c>; the display id
    /// is only present on outputs of <c>display(...)</c>, which later updates replace.
    /// </summary>
    public const string Output = "output";

    /// <summary>Child → parent: <c>{"kind":"display_updated","display_id":"d1","data":{mime bundle}}</c>, for any earlier cell.</summary>
    public const string DisplayUpdated = "display_updated";

    /// <summary>Child → parent: <c>{"kind":"cell_finished","cell":3,"ok":true,"duration_ms":12.5}</c>.</summary>
    public const string CellFinished = "cell_finished";
}
