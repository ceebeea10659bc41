using Course.Notebooks.Export;
using Course.Notebooks.Files;

namespace Course.Notebooks.Tests;

/// <summary>The site <see cref="SiteExporter"/> writes: pages, index, navigation, assets, and its errors.</summary>
public class ExportSiteTests
{
    private static string SaveNotebook(ExportTestSupport.TempDir dir, string fileName, string markdown)
    {
        var notebook = Notebook.CreateCSharp();
        notebook.Cells.Add(Cell.Markdown(markdown));
        string path = dir.File(fileName);
        notebook.Save(path);
        return path;
    }

    [Fact]
    public void Export_WritesPagesInFileNameOrder_WithIndexNavigationAndAssets()
    {
        using var dir = new ExportTestSupport.TempDir();
        string second = SaveNotebook(dir, "02-convolution.ipynb", "# Convolution");
        string first = SaveNotebook(dir, "01-tensors.ipynb", "# Tensors & autograd");
        string third = SaveNotebook(dir, "03 training.ipynb", "No heading.");
        string site = dir.File("site");

        var result = SiteExporter.Export([third, first, second], site,
            new ExportOptions { SiteTitle = "Deep learning in C#", NodeModules = ExportTestSupport.NodeModules() });

        Assert.Equal(["Tensors & autograd", "Convolution", "03 training"], result.Chapters.Select(c => c.Title));
        Assert.Equal(Path.Combine(site, "01-tensors.html"), result.Chapters[0].Page);
        string index = File.ReadAllText(result.IndexPage);
        Assert.Contains("<h1>Deep learning in C#</h1>", index);
        Assert.Matches("01-tensors.html\">Tensors &amp; autograd</a>.*02-convolution.html\">Convolution</a>.*03%20training.html\">03 training</a>",
            index.Replace("\n", ""));

        string middle = File.ReadAllText(result.Chapters[1].Page);
        Assert.Contains("<a rel=\"prev\" href=\"01-tensors.html\">← Tensors &amp; autograd</a>", middle);
        Assert.Contains("<a rel=\"next\" href=\"03%20training.html\">03 training →</a>", middle);
        Assert.Contains("<a rel=\"index\" href=\"index.html\">Deep learning in C#</a>", middle);
        Assert.True(File.Exists(Path.Combine(site, "03 training.html")));

        // Every local file a page links to exists in the site.
        foreach (var href in System.Text.RegularExpressions.Regex.Matches(middle, "(?:src|href)=\"(assets/[^\"]+)\"").Select(m => m.Groups[1].Value))
            Assert.True(File.Exists(Path.Combine(site, href)), $"{href} is linked but not in the site");
        Assert.True(File.Exists(Path.Combine(site, "assets", "katex", "fonts", "KaTeX_Main-Regular.woff2")));
    }

    [Fact]
    public void Export_WithoutWebAssets_NamesTheMissingFileAndTheFix()
    {
        using var dir = new ExportTestSupport.TempDir();
        string notebook = SaveNotebook(dir, "01-a.ipynb", "# A");
        Directory.CreateDirectory(dir.File("node_modules"));

        var error = Assert.Throws<FileNotFoundException>(() => SiteExporter.Export([notebook], dir.File("site"),
            new ExportOptions { NodeModules = dir.File("node_modules") }));
        Assert.Contains(Path.Combine(dir.File("node_modules"), "katex", "dist", "katex.min.css"), error.Message);
        Assert.Contains("bash environment/setup.sh", error.Message);
        Assert.False(Directory.Exists(dir.File("site")), "nothing is written when the assets are missing");
    }

    [Fact]
    public void Export_OfAMissingNotebook_NamesIt()
    {
        using var dir = new ExportTestSupport.TempDir();
        var error = Assert.Throws<NotebookFormatException>(() => SiteExporter.Export([dir.File("nope.ipynb")], dir.File("site"),
            new ExportOptions { NodeModules = ExportTestSupport.NodeModules() }));
        Assert.Contains("nope.ipynb", error.Message);
    }

    [Fact]
    public void Export_RefusesTwoNotebooksThatWouldShareAPage()
    {
        using var dir = new ExportTestSupport.TempDir();
        Directory.CreateDirectory(dir.File("b"));
        string one = SaveNotebook(dir, "01-a.ipynb", "# A"), other = SaveNotebook(dir, Path.Combine("b", "01-a.ipynb"), "# B");
        var error = Assert.Throws<ArgumentException>(() => SiteExporter.Export([one, other], dir.File("site"),
            new ExportOptions { NodeModules = ExportTestSupport.NodeModules() }));
        Assert.Contains("01-a.html", error.Message);
        Assert.Contains(other, error.Message);
    }
}
