namespace Course.Notebooks.Files;

/// <summary>A notebook file that cannot be read: the message names the file and what is wrong with it.</summary>
public sealed class NotebookFormatException(string path, string problem, Exception? inner = null)
    : Exception($"{path}: {problem}", inner)
{
    /// <summary>The file that could not be read.</summary>
    public string Path { get; } = path;

    /// <summary>What is wrong with it, without the file name.</summary>
    public string Problem { get; } = problem;
}
