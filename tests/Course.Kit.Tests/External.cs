using System.Diagnostics;

namespace Course.Kit.Tests;

/// <summary>Runs the independent tools the tests compare against. Missing tools fail the test, never skip it.</summary>
internal static class External
{
    public const string Python = "/usr/bin/python3";

    /// <summary>Runs a Python snippet with Debian's interpreter and Pillow; returns stdout.</summary>
    public static string RunPython(string script, params string[] args)
    {
        Assert.True(File.Exists(Python),
            $"{Python} is missing: install Debian's python3 and python3-pil (environment/setup.sh does).");
        var (code, stdout, stderr) = Run(Python, ["-c", script, .. args], TimeSpan.FromSeconds(60));
        Assert.False(stderr.Contains("No module named 'PIL'"),
            "Pillow is missing for /usr/bin/python3: apt-get install -y python3-pil (environment/setup.sh does).");
        Assert.True(code == 0, $"python3 failed with exit code {code}:\n{stderr}");
        return stdout;
    }

    /// <summary>Runs a program, waits at most <paramref name="timeout"/>, and returns its exit code and output.</summary>
    public static (int Code, string Stdout, string Stderr) Run(string program, IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} did not finish within {timeout.TotalSeconds} s.");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A fresh temporary directory, deleted when disposed.</summary>
    public sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("course-kit-").FullName;
        public string File(string name) => System.IO.Path.Combine(Path, name);
        public void Dispose() { try { Directory.Delete(Path, recursive: true); } catch (IOException) { } }
    }
}
