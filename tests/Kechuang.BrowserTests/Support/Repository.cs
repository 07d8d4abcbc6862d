namespace Kechuang.BrowserTests.Support;

/// <summary>Where the repository is, and the configuration the tests (and so the application beside them) were built in.</summary>
public static class Repository
{
    public static readonly string Root = FindRoot();

#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    /// <summary>artifacts/ is git-ignored: what a run leaves for diagnosis or for scripts/screenshots.sh goes there.</summary>
    public static string Artifacts(string folder)
    {
        var path = Path.Combine(Root, "artifacts", folder);
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Kechuang.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Kechuang.slnx not found above " + AppContext.BaseDirectory);
    }
}
