using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Course.Notebooks.Export;

/// <summary>
/// Markdown cells as HTML, by Markdig with its advanced extensions. The math extension parses <c>$…$</c> and
/// <c>$$…$$</c> before emphasis, so <c>a_1 * b_2</c> inside math is kept verbatim, and wraps it as
/// <c>\(…\)</c> or <c>\[…\]</c> in a <c>span.math</c>/<c>div.math</c> that KaTeX's auto-render typesets in the browser.
/// </summary>
internal static partial class MarkdownHtml
{
    private static readonly MarkdownPipeline Pipeline =
        new MarkdownPipelineBuilder().UseAdvancedExtensions().Use<DisplayMathInParagraphs>().Build();

    /// <summary>
    /// The HTML of <paramref name="markdown"/>. <paramref name="attachments"/> maps a cell attachment's name to its data
    /// URI, so images VS Code pasted into the cell (<c>attachment:image.png</c>) show in the page.
    /// </summary>
    public static string Render(string markdown, IReadOnlyDictionary<string, string>? attachments = null)
    {
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        if (attachments is { Count: > 0 })
            renderer.LinkRewriter = url => url.StartsWith("attachment:", StringComparison.Ordinal)
                && attachments.TryGetValue(url["attachment:".Length..], out var dataUri) ? dataUri : url;
        Pipeline.Setup(renderer);
        renderer.Render(Markdown.Parse(FenceMultilineDisplayMath(markdown), Pipeline));
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>
    /// Jupyter and VS Code accept display math that opens with <c>$$</c> on a line of TeX and closes with <c>$$</c> at
    /// the end of a later line. Markdig takes such a <c>$$</c> for a math fence with an info string and shows the TeX
    /// as text, so the delimiters are moved onto lines of their own. Fenced code is left alone.
    /// </summary>
    private static string FenceMultilineDisplayMath(string markdown)
    {
        var parts = CodeFence().Split(markdown);
        for (int i = 0; i < parts.Length; i += 2) // even parts lie outside code fences (the split keeps the fences)
            parts[i] = MultilineDisplayMath().Replace(parts[i], m => $"$$\n{m.Groups[1].Value}\n$$");
        return string.Concat(parts);
    }

    [GeneratedRegex(@"(^```.*?^```[ \t]*$)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeFence();

    [GeneratedRegex(@"^\$\$(?=\S)([^\n]*(?:\n(?!\s*\n)[^\n]*)+?)\$\$[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex MultilineDisplayMath();

    /// <summary>The plain text of the first heading in <paramref name="markdown"/> (math as its TeX), or null.</summary>
    public static string? FirstHeading(string markdown)
    {
        var heading = Markdown.Parse(markdown, Pipeline).Descendants<HeadingBlock>().FirstOrDefault();
        if (heading?.Inline == null) return null;
        var text = string.Concat(heading.Inline.Descendants<Inline>().Select(inline => inline switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            MathInline math => math.Content.ToString(),
            HtmlEntityInline entity => entity.Transcoded.ToString(),
            LineBreakInline => " ",
            _ => "",
        })).Trim();
        return text.Length > 0 ? text : null;
    }

    /// <summary>
    /// Markdig writes <c>$$…$$</c> inside a paragraph as inline <c>\(…\)</c>; Jupyter shows it as display math, so
    /// this renderer writes <c>\[…\]</c> for a double delimiter and <c>\(…\)</c> for a single one.
    /// </summary>
    private sealed class DisplayMathInParagraphs : IMarkdownExtension
    {
        public void Setup(MarkdownPipelineBuilder pipeline) { }

        public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer) =>
            (renderer as HtmlRenderer)?.ObjectRenderers.Replace<HtmlMathInlineRenderer>(new MathInlineRenderer());
    }

    private sealed class MathInlineRenderer : HtmlObjectRenderer<MathInline>
    {
        protected override void Write(HtmlRenderer renderer, MathInline math)
        {
            bool display = math.DelimiterCount == 2;
            renderer.Write("<span").WriteAttributes(math).Write('>').Write(display ? @"\[" : @"\(");
            renderer.WriteEscape(ref math.Content);
            renderer.Write(display ? @"\]" : @"\)").Write("</span>");
        }
    }
}
