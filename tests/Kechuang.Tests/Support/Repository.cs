namespace Kechuang.Tests.Support;

/// <summary>The repository the tests were built from: its docs and scripts are read and run as they are.</summary>
public static class Repository
{
    /// <summary>The folder that holds Kechuang.slnx, above the test assembly's.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kechuang.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Kechuang.slnx not found above " + AppContext.BaseDirectory);
    }
}
