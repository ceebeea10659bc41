using Course.Notebooks.Execution;

namespace Course.Cli;

/// <summary>The <c>course</c> command's exit codes; scripts and CI rely on them.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int CellFailed = 2;
    public const int TimedOut = 3;
    public const int KernelCrashed = 4;
    /// <summary>sysexits.h's EX_USAGE: a missing file, a corrupt or non-C# notebook, a wrong option.</summary>
    public const int BadUsage = 64;

    public static int For(RunStatus status) => status switch
    {
        RunStatus.Succeeded => Ok,
        RunStatus.CellFailed => CellFailed,
        RunStatus.TimedOut => TimedOut,
        _ => KernelCrashed,
    };
}
