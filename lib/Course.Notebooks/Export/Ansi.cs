using System.Text.RegularExpressions;

namespace Course.Notebooks.Export;

/// <summary>Removes terminal escape sequences (colours, cursor moves, hyperlinks) that tracebacks and streams carry.</summary>
internal static partial class Ansi
{
    /// <summary><paramref name="text"/> without ANSI CSI (<c>ESC [ … letter</c>) and OSC (<c>ESC ] … BEL</c>) sequences.</summary>
    public static string Strip(string text) => EscapeSequence().Replace(text, "");

    // CSI: ESC [ parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, one final byte 0x40–0x7E (ECMA-48).
    // OSC: ESC ] text, ended by BEL or by ESC \.
    [GeneratedRegex(@"\x1B\[[0-?]*[ -/]*[@-~]|\x1B\][^\x07\x1B]*(?:\x07|\x1B\\)")]
    private static partial Regex EscapeSequence();
}
