namespace Course.Kit.Display;

/// <summary>The display host live outputs go to.</summary>
public static class DisplayHost
{
    /// <summary>
    /// The host installed by the process running the notebook (the headless runner sets it before the first cell);
    /// <see langword="null"/> when nothing was installed.
    /// </summary>
    public static IDisplayHost? Current { get; set; }
}
