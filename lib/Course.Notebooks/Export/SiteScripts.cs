namespace Course.Notebooks.Export;

/// <summary>The site's own scripts, written to the assets folder beside the third-party ones.</summary>
internal static class SiteScripts
{
    /// <summary>
    /// assets/require-stand-in.js, loaded right after plotly.js and before any output. Plotly outputs (Figure.ToHtml()
    /// and Plotly.NET's) run <c>requirejs.config({paths: {plotly: CDN}}) || require</c> and then
    /// <c>require(['plotly'], draw)</c>, and load require.js from a CDN when the page has none. This stand-in answers
    /// both calls with the plotly.js the page already loaded, so nothing is fetched and the site works offline.
    /// It must not define <c>define</c>: plotly.js, KaTeX and highlight.js would then register as AMD modules
    /// instead of setting their globals.
    /// </summary>
    public const string RequireStandIn = """
        // A require.js stand-in: the modules notebook outputs ask for, already loaded by this page.
        (function () {
          var modules = { plotly: window.Plotly };
          function require(names, done) {
            var found = names.map(function (name) {
              if (!(name in modules)) throw new Error("require('" + name + "'): this static page only provides " + Object.keys(modules).join(", "));
              return modules[name];
            });
            if (done) done.apply(null, found);
          }
          // requirejs.config(...) returns a require function; the configured paths point to a CDN and are ignored.
          require.config = function () { return require; };
          window.require = window.requirejs = require;
        })();
        """;

    /// <summary>
    /// assets/course.js, deferred so it runs after KaTeX and highlight.js and once the page is parsed: it typesets
    /// the math Markdig wrapped in \(…\) and \[…\] inside markdown, and highlights C# code.
    /// </summary>
    public const string PageScript = """
        // Math only inside markdown (cells and text/markdown outputs), so a "\(" in code or output text stays text.
        document.querySelectorAll(".markdown").forEach(function (element) {
          renderMathInElement(element, {
            delimiters: [{ left: "\\[", right: "\\]", display: true }, { left: "\\(", right: "\\)", display: false }],
            throwOnError: false
          });
        });
        document.querySelectorAll("code.language-csharp").forEach(function (element) { hljs.highlightElement(element); });
        """;
}
