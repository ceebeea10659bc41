using System.CommandLine;
using Course.Notebooks.Execution;

namespace Course.Cli;

/// <summary>The options <c>course run</c> and <c>course test</c> share, and how they become <see cref="NotebookRunOptions"/>.</summary>
internal sealed class RunOptionsBinder
{
    public Option<string?> Out { get; } = new("--out")
    {
        Description = "Folder for the executed notebooks (default: build/notebooks in the repository)",
    };

    public Option<double> CellTimeout { get; } = new("--cell-timeout")
    {
        Description = "Seconds a single cell may run before the kernel is stopped", DefaultValueFactory = _ => 600,
    };

    public Option<double> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds a whole notebook may run", DefaultValueFactory = _ => 3600,
    };

    public Option<int> MemoryLimit { get; } = new("--memory-limit")
    {
        Description = "Managed-heap cap of each kernel process, in MiB", DefaultValueFactory = _ => 4096,
    };

    public Option<bool> StopOnError { get; } = new("--stop-on-error")
    {
        Description = "Stop a notebook at its first failing cell (by default every cell runs)",
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Out, CellTimeout, Timeout, MemoryLimit, StopOnError }) command.Options.Add(option);
    }

    public string OutputFolder(ParseResult parse) => parse.GetValue(Out) ?? RepoRoot.DefaultOutputFolder();

    /// <exception cref="UsageException">A limit is not a positive number.</exception>
    public NotebookRunOptions Options(ParseResult parse)
    {
        double cell = parse.GetValue(CellTimeout), notebook = parse.GetValue(Timeout);
        int memory = parse.GetValue(MemoryLimit);
        if (cell <= 0 || notebook <= 0) throw new UsageException("--cell-timeout and --timeout must be positive numbers of seconds");
        if (memory <= 0) throw new UsageException("--memory-limit must be a positive number of MiB");
        return new NotebookRunOptions
        {
            CellTimeout = TimeSpan.FromSeconds(cell), NotebookTimeout = TimeSpan.FromSeconds(notebook),
            MemoryLimitBytes = (long)memory << 20, StopOnError = parse.GetValue(StopOnError),
        };
    }
}
