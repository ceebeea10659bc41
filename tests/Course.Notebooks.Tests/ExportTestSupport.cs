using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Course.Notebooks.Tests;

/// <summary>What the export tests share: the repository's node_modules, temporary folders and headless Chromium.</summary>
internal static class ExportTestSupport
{
    private const string Chromium = "/usr/bin/chromium", ChromeDriver = "/usr/bin/chromedriver";

    /// <summary>environment/node_modules of the repository the tests run from; fails with the fix when not installed.</summary>
    public static string NodeModules()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Course.sln"))) dir = dir.Parent;
        Assert.True(dir != null, $"Course.sln not found above {AppContext.BaseDirectory}");
        string nodeModules = Path.Combine(dir!.FullName, "environment", "node_modules");
        Assert.True(File.Exists(Path.Combine(nodeModules, "katex", "dist", "katex.min.js")),
            $"{nodeModules} lacks KaTeX: run `bash environment/setup.sh`.");
        return nodeModules;
    }

    /// <summary>A fresh temporary directory, deleted when disposed.</summary>
    public sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("course-export-").FullName;
        public string File(string name) => System.IO.Path.Combine(Path, name);
        public void Dispose() { try { Directory.Delete(Path, recursive: true); } catch (IOException) { } }
    }

    /// <summary>Headless Debian Chromium with browser logging on and no network services of its own.</summary>
    public static ChromeDriver StartChromium(string profileDir)
    {
        Assert.True(File.Exists(Chromium) && File.Exists(ChromeDriver),
            $"{Chromium} or {ChromeDriver} is missing: apt-get install -y chromium chromium-driver (environment/setup.sh does).");
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--enable-unsafe-swiftshader", $"--user-data-dir={profileDir}", "--window-size=1200,900");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(System.IO.Path.GetDirectoryName(ChromeDriver)!, System.IO.Path.GetFileName(ChromeDriver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
