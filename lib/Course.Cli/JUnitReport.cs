using System.Globalization;
using System.Xml.Linq;
using Course.Kit;
using Course.Notebooks.Execution;
using Course.Notebooks.Files;

namespace Course.Cli;

/// <summary>JUnit XML for CI dashboards: one test case per notebook, its failure naming the first failing cell.</summary>
internal static class JUnitReport
{
    public static void Write(string path, IReadOnlyList<string> files, IReadOnlyList<NotebookRunResult> results)
    {
        var cases = files.Zip(results, (file, result) => TestCase(file, result)).ToList();
        var suite = new XElement("testsuite",
            new XAttribute("name", "notebooks"),
            new XAttribute("tests", results.Count),
            new XAttribute("failures", results.Count(r => r.Status != RunStatus.Succeeded)),
            new XAttribute("errors", 0),
            new XAttribute("time", Seconds(TimeSpan.FromTicks(results.Sum(r => r.Duration.Ticks)))),
            cases);
        string xml = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", suite)).ToString();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        AtomicFile.WriteAllText(path, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + xml + "\n");
    }

    private static XElement TestCase(string file, NotebookRunResult result)
    {
        var element = new XElement("testcase",
            new XAttribute("classname", "notebooks"), new XAttribute("name", file), new XAttribute("time", Seconds(result.Duration)));
        if (result.Status != RunStatus.Succeeded)
            element.Add(new XElement("failure",
                new XAttribute("type", result.Status.ToString()),
                new XAttribute("message", result.FirstError ?? StatusMarkup.Plain(result.Status)),
                ErrorDetails(result.Executed)));
        return element;
    }

    /// <summary>Every error output with its cell number and traceback.</summary>
    private static string ErrorDetails(Notebook executed) => string.Join("\n\n",
        executed.Cells.Select((cell, i) => (cell, i)).SelectMany(p => p.cell.Outputs.OfType<ErrorOutput>()
            .Select(e => $"cell {p.i + 1}: {e.Ename}: {e.Evalue}\n{string.Join("\n", e.Traceback)}")));

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
