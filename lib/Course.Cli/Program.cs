using System.CommandLine;
using Spectre.Console;
using Course.Notebooks.Execution;
using Course.Notebooks.Files;

namespace Course.Cli;

/// <summary>The <c>course</c> command: run, test and check notebooks.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        // A CI log or a file has no terminal width; Spectre would wrap every line at 80 columns.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 160;
        var root = new RootCommand("The C# deep-learning course: run, test and check notebooks")
        {
            RunCommand.Create(), TestCommand.Create(), ExportCommand.Create(), DoctorCommand.Create(), KernelSubcommand(),
            Exercises.ReleaseCommand.Create(), Exercises.VerifyCommand.Create(), Exercises.GradeCommand.Create(),
            Exercises.GradingKernelSubcommand.Create(),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await Console.Error.WriteLineAsync($"course: {parse.Errors[0].Message} (see course --help)");
            return ExitCodes.BadUsage;
        }
        try
        {
            // Our own handler below, so a user's mistake is one line rather than a stack trace.
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is UsageException or NotebookFormatException)
        {
            await Console.Error.WriteLineAsync($"course: {e.Message}");
            return ExitCodes.BadUsage;
        }
    }

    /// <summary>The kernel process each notebook runs in; the runner starts it, people do not.</summary>
    private static Command KernelSubcommand()
    {
        var command = new Command("kernel", "Serve the notebook kernel protocol on stdin/stdout (used by the runner)") { Hidden = true };
        command.SetAction((_, _) => KernelProcess.RunAsync());
        return command;
    }
}
