using System.CommandLine;
using Course.Notebooks.Exercises.Grading;

namespace Course.Cli.Exercises;

/// <summary>The hidden <c>grading-kernel</c> subcommand: the runner's kernel that also forwards check results.</summary>
internal static class GradingKernelSubcommand
{
    public static Command Create()
    {
        var command = new Command(GradingKernel.Subcommand, "Serve the kernel protocol and forward exercise results (used by verify and grade)")
        {
            Hidden = true,
        };
        command.SetAction((_, _) => GradingKernel.ServeAsync());
        return command;
    }
}
