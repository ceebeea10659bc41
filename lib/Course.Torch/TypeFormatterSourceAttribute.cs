namespace Course.Torch;

/// <summary>
/// The .NET Interactive formatter convention: notebook kernels look for an attribute with exactly this name on a
/// type, create <see cref="FormatterSourceType"/> and call its public <c>CreateTypeFormatters()</c>. Each formatter
/// it returns has a <c>string MimeType</c> property and a <c>bool Format(object, TextWriter)</c> method. Matching is
/// by name, so neither this engine nor the kit references any Interactive package. Course.Kit uses this same
/// declaration (it sees the engine's internals) for its own displayable types.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    /// <summary>The class whose <c>CreateTypeFormatters()</c> yields the formatters.</summary>
    public Type FormatterSourceType { get; } = formatterSourceType;

    /// <summary>The MIME types a notebook should produce for this type, most preferred first.</summary>
    public string[]? PreferredMimeTypes { get; set; }
}
