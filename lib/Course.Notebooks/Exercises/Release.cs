using Course.Kit;

namespace Course.Notebooks.Exercises;

/// <summary><c>course release</c>: every source notebook of a folder becomes a student notebook, plus a manifest.</summary>
public static class Release
{
    /// <summary>
    /// Writes the student version of every notebook in <paramref name="sourceFolder"/> to <paramref name="outFolder"/>
    /// (same file names) and <see cref="ReleaseManifest.FileName"/>, each file atomically.
    /// </summary>
    /// <returns>The manifest that was written.</returns>
    /// <exception cref="ArgumentException">The output folder is the source folder (the sources would be overwritten).</exception>
    /// <exception cref="MarkupException">Bad markup in a source; nothing is written.</exception>
    public static ReleaseManifest Folder(string sourceFolder, string outFolder)
    {
        if (Path.GetFullPath(sourceFolder).TrimEnd(Path.DirectorySeparatorChar) == Path.GetFullPath(outFolder).TrimEnd(Path.DirectorySeparatorChar))
            throw new ArgumentException($"--out {outFolder} is the source folder; the student notebooks would overwrite the solutions");
        var sources = SourceFolder.Load(sourceFolder);
        var entries = new List<ReleasedNotebook>();
        foreach (var source in sources)
        {
            string file = Path.GetFileName(source.Name);
            StudentVersion.Of(source).Save(Path.Combine(outFolder, file));
            entries.Add(ReleaseManifest.Describe(source, file));
        }
        var manifest = new ReleaseManifest(entries);
        AtomicFile.WriteAllText(Path.Combine(outFolder, ReleaseManifest.FileName), manifest.ToJson());
        return manifest;
    }
}
