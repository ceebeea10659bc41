using Course.Notebooks.Execution;

namespace Course.Cli;

/// <summary>A run status as a short coloured word for the console.</summary>
internal static class StatusMarkup
{
    public static string Of(RunStatus status) => status switch
    {
        RunStatus.Succeeded => "[green]passed[/]",
        RunStatus.CellFailed => "[red]failed[/]",
        RunStatus.TimedOut => "[red]timed out[/]",
        _ => "[red]kernel crashed[/]",
    };

    public static string Plain(RunStatus status) => status switch
    {
        RunStatus.Succeeded => "passed",
        RunStatus.CellFailed => "failed",
        RunStatus.TimedOut => "timed out",
        _ => "kernel crashed",
    };
}
