using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using Xunit;

namespace Course.Tests.Shared;

/// <summary>Debian's Chromium, headless, for the tests that check pages in a real browser (linked into each test project).</summary>
internal static class HeadlessChromium
{
    private const string Chromium = "/usr/bin/chromium", ChromeDriver = "/usr/bin/chromedriver";

    /// <summary>
    /// Starts Chromium with browser logging on, no network services of its own and no profile state
    /// (<paramref name="profileDir"/> is a fresh folder); SwiftShader gives 3-D figures a software WebGL.
    /// </summary>
    public static ChromeDriver Start(string profileDir)
    {
        Assert.True(File.Exists(Chromium) && File.Exists(ChromeDriver),
            $"{Chromium} or {ChromeDriver} is missing: apt-get install -y chromium chromium-driver (environment/setup.sh does).");
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--enable-unsafe-swiftshader", $"--user-data-dir={profileDir}", "--window-size=1200,900");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
