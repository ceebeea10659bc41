using System.Text.Json.Nodes;

namespace Course.Notebooks.Execution;

/// <summary>
/// The entry point of the kernel process that <see cref="NotebookRunner"/> starts for each notebook (the
/// <c>course</c> command runs it for its hidden <c>kernel</c> subcommand). It reads commands from standard input
/// and writes events to standard output (see <see cref="KernelProtocol"/>) until its input closes.
/// </summary>
public static class KernelProcess
{
    /// <summary>Serves the protocol until the runner closes standard input; returns the process exit code.</summary>
    /// <param name="extraEvents">
    /// Receives the function that sends an event to the runner, for a host that adds event kinds of its own (the
    /// grader forwards check results this way). Everything goes through one writer, so lines never interleave.
    /// </param>
    public static async Task<int> RunAsync(Action<Action<JsonObject>>? extraEvents = null)
    {
        // Taken before the session redirects Console: cells write to the captured console, never to this stream.
        var events = new EventWriter(Console.OpenStandardOutput());
        extraEvents?.Invoke(events.Send);
        using var commands = new StreamReader(Console.OpenStandardInput());
        KernelSession? session = null;
        while (await commands.ReadLineAsync() is { } line)
        {
            if (JsonNode.Parse(line) is not JsonObject command) continue;
            switch ((string?)command["kind"])
            {
                case KernelProtocol.Start:
                    session = await KernelSession.StartAsync(events, (string)command["directory"]!);
                    events.Send(new JsonObject { ["kind"] = KernelProtocol.Ready });
                    break;
                case KernelProtocol.RunCell:
                    if (session is null) throw new InvalidOperationException("run_cell before start");
                    await session.RunCellAsync((int)command["cell"]!, (int)command["execution_count"]!, (string)command["source"]!);
                    break;
            }
        }
        return 0;
    }
}
