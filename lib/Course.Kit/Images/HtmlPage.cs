using System.Net;

namespace Course.Kit.Images;

/// <summary>A minimal standalone HTML page around a fragment, for saving pictures with their captions.</summary>
internal static class HtmlPage
{
    public static string Wrap(string body, string title) => $"""
        <!DOCTYPE html>
        <html>
        <head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(title)}</title></head>
        <body>
        {body}
        </body>
        </html>

        """;
}
