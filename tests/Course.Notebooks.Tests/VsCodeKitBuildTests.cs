using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Course.Notebooks.Tests;

/// <summary>
/// In VS Code the first cell loads the kit by path (<c>#r "../build/kit/Course.Kit.dll"</c>) and the kernel finds a
/// dependency only if it sits beside it. So the README's build step must put every assembly the kit needs at run time
/// into build/kit: here, System.Numerics.Tensors, which the shared framework does not have.
/// </summary>
public class VsCodeKitBuildTests
{
    [Fact]
    public async Task ReadmeBuildStep_PutsEveryRuntimeDependencyBesideTheKit()
    {
        string repo = Path.GetFullPath(Path.Combine(TestNotebooks.Source, "..", "..", ".."));
        using var dir = new ExportTestSupport.TempDir();
        string kit = dir.File("kit");
        // The README's command, `dotnet build lib/Course.Kit -c Release -o build/kit`, into a scratch folder.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = repo };
        foreach (var a in new[] { "build", "lib/Course.Kit", "-c", "Release", "-o", kit, "-nologo", "-v", "quiet" }) start.ArgumentList.Add(a);
        using var build = Process.Start(start)!;
        string output = await build.StandardOutput.ReadToEndAsync() + await build.StandardError.ReadToEndAsync();
        await build.WaitForExitAsync();
        Assert.True(build.ExitCode == 0, output);

        var needed = new[] { "Course.Kit.deps.json", "Course.Torch.deps.json" }
            .SelectMany(deps => JsonNode.Parse(File.ReadAllText(Path.Combine(kit, deps)))!["targets"]!.AsObject()
                .SelectMany(target => target.Value!.AsObject())
                .SelectMany(library => library.Value!["runtime"]?.AsObject().Select(r => Path.GetFileName(r.Key)) ?? []))
            .Distinct().ToList();
        Assert.Contains("System.Numerics.Tensors.dll", needed);
        Assert.All(needed, file => Assert.True(File.Exists(Path.Combine(kit, file)), $"{file} is missing from the kit build"));
    }
}
