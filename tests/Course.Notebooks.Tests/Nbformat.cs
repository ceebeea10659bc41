using System.Diagnostics;

namespace Course.Notebooks.Tests;

/// <summary>Jupyter's own validator (Debian's python3-nbformat), run on notebook JSON.</summary>
internal static class Nbformat
{
    private const string Python = "/usr/bin/python3";

    /// <summary>Fails the test with nbformat's message unless <paramref name="json"/> is a valid notebook.</summary>
    public static void AssertValid(string json)
    {
        Assert.True(File.Exists(Python), $"{Python} is missing: environment/setup.sh installs python3-nbformat.");
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import sys, nbformat; nb = nbformat.reads(sys.stdin.read(), as_version=4); " +
                               "nbformat.validate(nb, version=4); print('valid', nb.nbformat_minor)");
        using var process = Process.Start(start)!;
        process.StandardInput.Write(json);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "nbformat did not finish within 60 s");
        Assert.False(stderr.Contains("No module named 'nbformat'"),
            "python3-nbformat is missing: apt-get install -y python3-nbformat (environment/setup.sh does).");
        Assert.True(process.ExitCode == 0, $"nbformat rejected the notebook:\n{stderr}");
        Assert.Equal("valid 5", stdout.Result.Trim());
    }
}
