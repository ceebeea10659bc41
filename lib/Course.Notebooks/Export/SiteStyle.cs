namespace Course.Notebooks.Export;

/// <summary>The site's style sheet, written to assets/course.css.</summary>
internal static class SiteStyle
{
    /// <summary>
    /// Made to be projected: large type, lines of about 75 characters, dark text on white (contrast about 16:1),
    /// stdout and stderr told apart by colour and a label, errors in a red box.
    /// </summary>
    public const string Css = """
        :root {
          --text: #1b1f24; --muted: #57606a; --rule: #d0d7de; --code-bg: #f6f8fa; --link: #0550ae;
          --stderr: #7a4100; --stderr-bg: #fff8e6; --error: #b42318; --error-bg: #fef3f2;
        }
        html { font-size: 18px; }
        @media (min-width: 1600px) { html { font-size: 21px; } }
        body {
          margin: 0; color: var(--text); background: #fff; line-height: 1.6;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
        }
        main, .chapter-nav { max-width: 52rem; margin: 0 auto; padding: 0 1.25rem; }
        h1, h2, h3, h4 { line-height: 1.25; margin: 1.6em 0 0.6em; }
        a { color: var(--link); }
        pre, code { font-family: "Cascadia Code", "JetBrains Mono", "DejaVu Sans Mono", Consolas, monospace; font-size: 0.88em; }
        pre code { font-size: 1em; }

        .chapter-nav { display: flex; justify-content: space-between; gap: 1rem; padding-top: 0.8rem; padding-bottom: 0.8rem; }
        .chapter-nav a { text-decoration: none; }
        .chapter-nav a:hover { text-decoration: underline; }

        .cell { margin: 1.2rem 0; }
        .prompt { color: var(--muted); font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 0.75rem; }
        .input pre, .markdown pre {
          background: var(--code-bg); border: 1px solid var(--rule); border-radius: 6px;
          padding: 0.8rem 1rem; margin: 0; overflow-x: auto;
        }
        .markdown pre { margin: 1em 0; }
        .input pre code.hljs, .markdown pre code.hljs { background: none; padding: 0; }
        .outputs { margin-top: 0.5rem; padding-left: 0.9rem; border-left: 3px solid var(--rule); }
        .output { margin: 0.4rem 0; overflow-x: auto; }
        .output pre { margin: 0; }
        .output img { max-width: 100%; height: auto; }
        .stream.stderr { color: var(--stderr); background: var(--stderr-bg); border-radius: 4px; padding: 0.2rem 0.5rem; }
        .stream.stderr::before { content: "stderr"; display: block; font-size: 0.7rem; text-transform: uppercase; letter-spacing: 0.05em; }
        .error { color: var(--error); background: var(--error-bg); border: 1px solid #fda29b; border-radius: 6px; padding: 0.5rem 0.9rem; }
        .error .error-name { margin: 0 0 0.3rem; }
        .unsupported { color: var(--muted); font-style: italic; }

        .markdown table { border-collapse: collapse; }
        .markdown th, .markdown td { border: 1px solid var(--rule); padding: 0.3em 0.7em; }
        .markdown blockquote { margin-left: 0; padding-left: 1em; border-left: 4px solid var(--rule); color: var(--muted); }
        .markdown img { max-width: 100%; }
        .katex-display { overflow-x: auto; overflow-y: hidden; padding: 0.2em 0; }

        .chapters li { margin: 0.5em 0; font-size: 1.15rem; }
        @media print { .chapter-nav { display: none; } .outputs { border-left: none; } }
        """;
}
