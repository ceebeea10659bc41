namespace Course.Notebooks.Execution;

/// <summary>Finds the command that starts a kernel process: the <c>course</c> program's hidden <c>kernel</c> subcommand.</summary>
public static class KernelCommand
{
    /// <summary>The <c>course</c> command's assembly; it is next to any program that references Course.Cli.</summary>
    private const string CliAssembly = "Course.Cli";

    /// <summary>
    /// The running program itself when it is the <c>course</c> apphost; otherwise <c>dotnet Course.Cli.dll kernel</c>
    /// with the Course.Cli.dll found in the program's folder (as in a test project that references Course.Cli).
    /// </summary>
    /// <exception cref="FileNotFoundException">Course.Cli.dll is not next to the running program.</exception>
    public static IReadOnlyList<string> Default()
    {
        string? self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == CliAssembly) return [self, "kernel"];
        string dll = Path.Combine(AppContext.BaseDirectory, CliAssembly + ".dll");
        if (!File.Exists(dll))
            throw new FileNotFoundException(
                $"cannot start a notebook kernel: {dll} is missing (reference lib/Course.Cli, or set NotebookRunOptions.KernelCommand)", dll);
        return [DotnetHost(), dll, "kernel"];
    }

    /// <summary>The <c>dotnet</c> host running us, else the one the SDK names in DOTNET_HOST_PATH, else the one on PATH.</summary>
    private static string DotnetHost()
    {
        string? self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }
}
