using System.Diagnostics;
using System.Text.Json.Nodes;
using Course.Notebooks.Files;

namespace Course.Notebooks.Execution;

/// <summary>
/// Runs a notebook headlessly: starts one kernel process for it, sends its code cells one by one, and builds the
/// executed notebook from the events. Timeouts kill the process (running Roslyn code cannot be cancelled); a process
/// that dies becomes an error output on the cell that was running, and the outputs of earlier cells stay.
/// </summary>
public static class NotebookRunner
{
    /// <summary>Loads <paramref name="notebookPath"/> (.ipynb or .dib), runs it and writes the executed .ipynb atomically.</summary>
    /// <exception cref="NotebookFormatException">The file is missing, malformed or not a C# notebook.</exception>
    public static async Task<NotebookRunResult> RunFileAsync(
        string notebookPath, string outputPath, NotebookRunOptions options, CancellationToken cancellation = default)
    {
        var result = await RunAsync(Notebook.Load(notebookPath), options, cancellation);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
        result.Executed.Save(outputPath);
        return result;
    }

    /// <summary>
    /// Runs <paramref name="notebook"/> in a new kernel process whose working directory is the notebook's folder (the
    /// current directory for a notebook not read from a file). The notebook itself is not changed.
    /// </summary>
    /// <exception cref="NotebookFormatException">The notebook's default kernel is not C#.</exception>
    public static async Task<NotebookRunResult> RunAsync(
        Notebook notebook, NotebookRunOptions options, CancellationToken cancellation = default)
    {
        string name = notebook.Path ?? "<notebook>";
        if (!notebook.IsCSharp)
            throw new NotebookFormatException(name,
                $"its kernel is '{notebook.KernelSpecName ?? "unspecified"}', not .NET (C#): the runner runs C# notebooks only");
        var executed = notebook.Clone();
        executed.EnsurePolyglotMetadata();
        foreach (var cell in executed.Cells.Where(c => c.Type == CellType.Code))
        {
            cell.Outputs.Clear();
            cell.ExecutionCount = null;
        }
        string directory = notebook.Path is null ? Directory.GetCurrentDirectory()
            : Path.GetDirectoryName(Path.GetFullPath(notebook.Path))!;
        var run = new Run(executed, options, directory);
        return await run.ExecuteAsync(cancellation);
    }

    /// <summary>One run's state: the clock, the kernel and how far it got.</summary>
    private sealed class Run(Notebook executed, NotebookRunOptions options, string directory)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly OutputAssembler _outputs = new(executed);
        private readonly int[] _codeCells = executed.Cells.Select((c, i) => (c, i))
            .Where(p => p.c.Type == CellType.Code).Select(p => p.i).ToArray();
        private RunStatus _status = RunStatus.Succeeded;
        private string? _firstError;
        private int _cellsRun;

        public async Task<NotebookRunResult> ExecuteAsync(CancellationToken cancellation)
        {
            var command = options.KernelCommand ?? KernelCommand.Default();
            await using var kernel = KernelConnection.Start(command, directory, options.MemoryLimitBytes);
            kernel.Send(new JsonObject { ["kind"] = KernelProtocol.Start, ["directory"] = directory });
            // The first event is "ready"; null means the kernel died or timed out while starting (reported on cell 1).
            if (await NextEventAsync(kernel, cellIndex: null, options.NotebookTimeout, cancellation) is not null)
                await RunCellsAsync(kernel, cancellation);
            return new NotebookRunResult(executed, _status, _codeCells.Length, _cellsRun, _clock.Elapsed, _firstError);
        }

        private async Task RunCellsAsync(KernelConnection kernel, CancellationToken cancellation)
        {
            for (int n = 0; n < _codeCells.Length; n++)
            {
                int index = _codeCells[n];
                var cell = executed.Cells[index];
                cell.ExecutionCount = n + 1;
                _cellsRun++;
                options.OnCellProgress?.Invoke(new CellProgress(index, n + 1, _codeCells.Length, false, false, TimeSpan.Zero));
                var cellClock = Stopwatch.StartNew();
                bool ok = IsCSharp(cell)
                    ? await RunCellAsync(kernel, index, n + 1, cancellation)
                    : Fail(index, new ErrorOutput("UnsupportedKernel",
                        $"this cell uses the '{cell.KernelName}' kernel; the headless runner runs C# cells only", []));
                RecordDuration(cell, cellClock.Elapsed);
                options.OnCellProgress?.Invoke(new CellProgress(index, n + 1, _codeCells.Length, true, ok, cellClock.Elapsed));
                if (_status is RunStatus.TimedOut or RunStatus.Crashed) return;
                if (!ok && options.StopOnError) return;
            }
        }

        /// <returns>Whether the cell finished without an error; false too when the kernel was lost on it.</returns>
        private async Task<bool> RunCellAsync(KernelConnection kernel, int index, int executionCount, CancellationToken cancellation)
        {
            kernel.Send(new JsonObject
            {
                ["kind"] = KernelProtocol.RunCell, ["cell"] = index, ["execution_count"] = executionCount,
                ["source"] = executed.Cells[index].Source,
            });
            while (await NextEventAsync(kernel, index, options.CellTimeout, cancellation) is { } message)
            {
                if (message.Kind == KernelProtocol.CellFinished && (int?)message.Json["cell"] == index)
                {
                    bool ok = (bool?)message.Json["ok"] ?? false;
                    if (!ok) NoteFirstError(index);
                    if (!ok && _status == RunStatus.Succeeded) _status = RunStatus.CellFailed;
                    return ok;
                }
            }
            return false; // NextEventAsync stopped the kernel and reported why on this cell
        }

        /// <summary>
        /// The next event, after applying it to the notebook; null when the kernel is gone, having recorded why on
        /// cell <paramref name="cellIndex"/> (or the first code cell while starting).
        /// </summary>
        private async Task<(string? Kind, JsonObject Json)?> NextEventAsync(
            KernelConnection kernel, int? cellIndex, TimeSpan limit, CancellationToken cancellation)
        {
            var notebookLeft = options.NotebookTimeout - _clock.Elapsed;
            bool cellLimitFirst = limit < notebookLeft;
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            deadline.CancelAfter(cellLimitFirst ? limit : notebookLeft > TimeSpan.Zero ? notebookLeft : TimeSpan.Zero);
            JsonObject? message;
            try
            {
                message = await kernel.ReadAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                kernel.Kill();
                TimedOut(cellIndex ?? FirstCodeCell, cellLimitFirst && cellIndex is not null);
                return null;
            }
            catch (OperationCanceledException)
            {
                kernel.Kill();
                throw;
            }
            if (message is null)
            {
                await CrashedAsync(kernel, cellIndex ?? FirstCodeCell);
                return null;
            }
            Apply(message);
            return ((string?)message["kind"], message);
        }

        private int FirstCodeCell => _codeCells.Length > 0 ? _codeCells[0] : -1;

        private void Apply(JsonObject message)
        {
            options.OnKernelEvent?.Invoke(message);
            switch ((string?)message["kind"])
            {
                case KernelProtocol.Output when message["cell"] is JsonValue && message["output"] is JsonObject output:
                    int cell = (int)message["cell"]!;
                    if (cell >= 0 && cell < executed.Cells.Count)
                        _outputs.Add(cell, Output.FromJson(output), (string?)message["display_id"]);
                    break;
                case KernelProtocol.DisplayUpdated when message["data"] is JsonObject data:
                    _outputs.Update((string?)message["display_id"] ?? "", (JsonObject)data.DeepClone());
                    break;
            }
        }

        private void TimedOut(int cellIndex, bool cellTimeout)
        {
            string what = cellTimeout
                ? $"the cell ran longer than the cell timeout ({options.CellTimeout.TotalSeconds:0.#} s)"
                : $"the notebook ran longer than its timeout ({options.NotebookTimeout.TotalSeconds:0.#} s)";
            Fail(cellIndex, new ErrorOutput(cellTimeout ? "CellTimeout" : "NotebookTimeout",
                $"{what}; the kernel process was stopped, so later cells did not run", []));
            _status = RunStatus.TimedOut;
        }

        private async Task CrashedAsync(KernelConnection kernel, int cellIndex)
        {
            int? exitCode = await kernel.ExitCodeAsync();
            if (exitCode is null) kernel.Kill();
            var stderr = kernel.StderrExcerpt();
            string cause = stderr.FirstOrDefault(l => l.Trim().Length > 0)?.Trim().TrimEnd('.') ?? "no message on standard error";
            Fail(cellIndex, new ErrorOutput("KernelCrashed",
                $"the kernel process exited (code {exitCode?.ToString() ?? "unknown"}) while this cell ran: {cause}. " +
                "Later cells did not run.", stderr));
            _status = RunStatus.Crashed;
        }

        /// <summary>Adds an error the runner itself found to a cell (when the cell exists) and notes it.</summary>
        private bool Fail(int cellIndex, ErrorOutput error)
        {
            if (cellIndex < 0) return false;
            executed.Cells[cellIndex].Outputs.Add(error);
            NoteFirstError(cellIndex);
            if (_status == RunStatus.Succeeded) _status = RunStatus.CellFailed;
            return false;
        }

        private void NoteFirstError(int cellIndex)
        {
            if (_firstError is not null) return;
            var error = executed.Cells[cellIndex].Outputs.OfType<ErrorOutput>().FirstOrDefault();
            string detail = error is null ? "failed" : $"{error.Ename}: {error.Evalue.Split('\n')[0]}";
            _firstError = $"cell {cellIndex + 1}: {detail}";
        }

        private static bool IsCSharp(Cell cell) => cell.KernelName is null or "csharp" or "c#" or "C#" or "cs";

        /// <summary>Timing goes under metadata.course, next to any course keys the cell already has.</summary>
        private static void RecordDuration(Cell cell, TimeSpan duration)
        {
            if (cell.Metadata["course"] is not JsonObject course)
            {
                if (cell.Metadata["course"] is not null) return; // someone else's non-object value: leave it
                cell.Metadata["course"] = course = [];
            }
            course["duration_ms"] = Math.Round(duration.TotalMilliseconds, 1);
        }
    }
}
