using System.Reflection;
using System.Text.RegularExpressions;
using Course.Kit.Display;
using Course.Torch;

namespace Course.Notebooks.Execution;

/// <summary>
/// What the pre-processor made of a cell: code for Roslyn (magic lines blanked, not deleted, so line numbers stay
/// the cell's own), whether <c>#!time</c> was asked for, the kit assemblies it referenced, and any lines the headless
/// runner refuses (then the cell does not run).
/// </summary>
internal sealed record PreparedCell(string Code, bool Timed, IReadOnlyList<Assembly> KitAssemblies, IReadOnlyList<string> Errors);

/// <summary>
/// Handles the lines of a cell that are Polyglot Notebooks' business rather than C#'s: <c>#!</c> magics and
/// <c>#r "nuget: …"</c>. A <c>#r</c> of the course's own Course.Torch.dll or Course.Kit.dll (any path, as the
/// standard first cell writes it) or <c>#r "nuget: Course.Kit"</c> is mapped to the copy this process already loaded:
/// one copy of the kit per process, so the notebook sees the same <see cref="DisplayHost.Current"/> the runner set.
/// Other <c>#r</c> and <c>#load</c> lines go to Roslyn unchanged.
/// </summary>
internal static partial class CellDirectives
{
    private static readonly Assembly TorchAssembly = typeof(torch).Assembly;
    private static readonly Assembly KitAssembly = typeof(DisplayHost).Assembly;

    [GeneratedRegex("""^\s*#r\s+"(?<target>[^"]*)"\s*$""")]
    private static partial Regex ReferenceLine();

    public static PreparedCell Prepare(string source)
    {
        string[] lines = source.ReplaceLineEndings("\n").Split('\n');
        bool timed = false;
        var kit = new List<Assembly>();
        var errors = new List<string>();
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            string where = $"line {i + 1}: {line}";
            if (line.StartsWith("#!"))
            {
                string magic = line[2..].Trim();
                if (magic == "time") timed = true;
                else if (magic is not ("csharp" or "c#" or "C#"))
                    errors.Add($"{where} — the magic command #!{magic.Split(' ')[0]} is not supported by the headless runner");
                lines[i] = "";
            }
            else if (line.StartsWith("#i ") || line.StartsWith("#i\t"))
            {
                errors.Add($"{where} — package sources (#i) are not supported by the headless runner");
                lines[i] = "";
            }
            else if (ReferenceLine().Match(line) is { Success: true } reference)
            {
                var assemblies = KitAssembliesFor(reference.Groups["target"].Value.Trim(), where, errors);
                if (assemblies is null) continue; // an ordinary #r "path.dll": Roslyn resolves it
                kit.AddRange(assemblies);
                lines[i] = "";
            }
        }
        return new PreparedCell(string.Join("\n", lines), timed, kit.Distinct().ToList(), errors);
    }

    /// <summary>
    /// The kit assemblies a <c>#r</c> target stands for; null for a reference Roslyn should resolve itself. A NuGet
    /// package other than the kit's adds an error (the runner has no package feed) and maps to nothing.
    /// </summary>
    private static Assembly[]? KitAssembliesFor(string target, string where, List<string> errors)
    {
        if (target.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
        {
            string package = target["nuget:".Length..].Split(',')[0].Trim();
            if (package.Equals("Course.Kit", StringComparison.OrdinalIgnoreCase)) return [TorchAssembly, KitAssembly];
            if (package.Equals("Course.Torch", StringComparison.OrdinalIgnoreCase)) return [TorchAssembly];
            errors.Add($"{where} — NuGet package '{package}' cannot be loaded by the headless runner: only Course.Kit " +
                       "and Course.Torch are available; reference other assemblies by path (#r \"path/to/Library.dll\")");
            return [];
        }
        string fileName = Path.GetFileName(target.Replace('\\', '/'));
        if (fileName.Equals("Course.Torch.dll", StringComparison.OrdinalIgnoreCase)) return [TorchAssembly];
        if (fileName.Equals("Course.Kit.dll", StringComparison.OrdinalIgnoreCase)) return [KitAssembly];
        return null;
    }
}
