namespace Course.Kit.Display;

/// <summary>
/// Where the kit shows live outputs (progress bars, training boards): a notebook output that can be replaced in place.
/// The headless runner installs one through <see cref="DisplayHost.Current"/>; in VS Code the kit finds the kernel's
/// <c>display(...)</c> at run time; in a plain console it prints text lines.
/// </summary>
public interface IDisplayHost
{
    /// <summary>Shows <paramref name="value"/> as a new output, formatted as the notebook formats any value.</summary>
    /// <returns>A handle whose <see cref="IDisplayHandle.Update"/> replaces that same output.</returns>
    IDisplayHandle Show(object value);
}

/// <summary>One output shown by an <see cref="IDisplayHost"/>, which can be replaced in place.</summary>
public interface IDisplayHandle
{
    /// <summary>Replaces the output with <paramref name="value"/>, formatted with the same MIME types as before.</summary>
    void Update(object value);
}
