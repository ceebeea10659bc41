namespace Course.Kit.Display;

/// <summary>
/// The fallback outside notebooks: every Show or Update prints the value's plain text as a new line on
/// <see cref="Console.Out"/> (a console cannot replace earlier output portably, and logs keep every line).
/// </summary>
internal sealed class ConsoleDisplayHost : IDisplayHost, IDisplayHandle
{
    public IDisplayHandle Show(object value)
    {
        Update(value);
        return this;
    }

    public void Update(object value) => Console.Out.WriteLine(value.ToString());
}
