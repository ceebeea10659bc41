using System.CommandLine;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Course.Cli;

/// <summary>
/// <c>course doctor</c>: checks what running, testing and exporting notebooks need, and says how to fix what is
/// missing. Exits 1 when something is missing.
/// </summary>
internal static class DoctorCommand
{
    /// <summary>One finding: what was checked, whether it is fine, what was found, and how to fix it.</summary>
    private sealed record Check(string Name, bool Ok, string Detail, string Fix = "");

    public static Command Create()
    {
        var command = new Command("doctor", "Check the SDK, the kit build, datasets and web assets");
        command.SetAction(_ =>
        {
            string? root = RepoRoot.Find();
            var checks = new List<Check> { Sdk() };
            if (root is null)
                checks.Add(new Check("repository", false, "no Course.sln above the current directory", "cd into the course repository"));
            else
            {
                checks.Add(KitBuild(root));
                checks.AddRange(Datasets(root));
                checks.AddRange(WebAssets(root));
            }
            checks.Add(Chromium());
            var table = new Table().AddColumns("check", "", "found", "fix");
            foreach (var c in checks)
                table.AddRow(Markup.Escape(c.Name), c.Ok ? "[green]ok[/]" : "[red]missing[/]", Markup.Escape(c.Detail), Markup.Escape(c.Fix));
            AnsiConsole.Write(table);
            int missing = checks.Count(c => !c.Ok);
            AnsiConsole.MarkupLine(missing == 0 ? "[green]everything is in place[/]" : $"[red]{missing} problem(s)[/]: see the fix column");
            return missing == 0 ? 0 : 1;
        });
        return command;
    }

    private static Check Sdk()
    {
        string? version = Capture("dotnet", "--version");
        bool ok = version is not null && int.TryParse(version.Split('.')[0], out int major) && major >= 10;
        return new Check(".NET SDK", ok, version is null ? "dotnet not found" : $"{version} (runtime {Environment.Version})",
            ok ? "" : "install the .NET 10 SDK");
    }

    /// <summary>The DLLs the first cell of every notebook references in VS Code (the runner itself does not need them).</summary>
    private static Check KitBuild(string root)
    {
        string kit = Path.Combine(root, "build", "kit");
        string[] missing = ["Course.Torch.dll", "Course.Kit.dll"];
        missing = missing.Where(f => !File.Exists(Path.Combine(kit, f))).ToArray();
        return new Check("kit build for VS Code (build/kit)", missing.Length == 0,
            missing.Length == 0 ? "Course.Torch.dll, Course.Kit.dll" : $"missing {string.Join(", ", missing)}",
            missing.Length == 0 ? "" : "dotnet build lib/Course.Kit -c Release -o build/kit");
    }

    /// <summary>Each dataset folder with a SHA256SUMS file: every listed file present with the right checksum.</summary>
    private static IEnumerable<Check> Datasets(string root)
    {
        string datasets = Path.Combine(root, "datasets");
        if (!Directory.Exists(datasets))
        {
            yield return new Check("datasets", false, "no datasets/ folder", "restore it from the repository (git checkout datasets)");
            yield break;
        }
        foreach (string sums in Directory.EnumerateFiles(datasets, "SHA256SUMS", SearchOption.AllDirectories).Order())
        {
            string folder = Path.GetDirectoryName(sums)!;
            var bad = new List<string>();
            foreach (string line in File.ReadLines(sums).Where(l => l.Trim().Length > 0))
            {
                string[] parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
                string file = Path.Combine(folder, parts[1].TrimStart('*'));
                if (!File.Exists(file)) bad.Add($"{parts[1]} missing");
                else if (!Sha256(file).Equals(parts[0], StringComparison.OrdinalIgnoreCase)) bad.Add($"{parts[1]} corrupt");
            }
            yield return new Check($"dataset {Path.GetRelativePath(root, folder)}", bad.Count == 0,
                bad.Count == 0 ? "all files match SHA256SUMS" : string.Join(", ", bad),
                bad.Count == 0 ? "" : $"see {Path.GetRelativePath(root, Path.Combine(folder, "README.md"))}");
        }
    }

    /// <summary>The npm packages environment/package.json pins, which exported pages copy.</summary>
    private static IEnumerable<Check> WebAssets(string root)
    {
        string environment = Path.Combine(root, "environment");
        string manifest = Path.Combine(environment, "package.json");
        if (!File.Exists(manifest)) yield break;
        var dependencies = JsonNode.Parse(File.ReadAllText(manifest))?["dependencies"] as JsonObject ?? [];
        foreach (var (name, version) in dependencies)
        {
            bool ok = File.Exists(Path.Combine(environment, "node_modules", name, "package.json"));
            yield return new Check($"web asset {name}", ok, ok ? $"{version} in environment/node_modules" : "not installed",
                ok ? "" : "bash environment/setup.sh (or npm ci --prefix environment)");
        }
    }

    private static Check Chromium()
    {
        string? found = new[] { "chromium", "chromium-browser", "google-chrome" }
            .Select(name => Capture(name, "--version")).FirstOrDefault(v => v is not null);
        return new Check("chromium (figure and export tests)", found is not null, found ?? "not found",
            found is null ? "bash environment/setup.sh (installs Debian's chromium)" : "");
    }

    private static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The first line a program prints, or null when it cannot be run.</summary>
    private static string? Capture(string program, string argument)
    {
        try
        {
            var start = new ProcessStartInfo(program, argument) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start);
            if (process is null) return null;
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output.Split('\n')[0].Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
