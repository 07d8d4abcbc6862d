using System.Diagnostics;

namespace Kechuang.Tests.Support;

/// <summary>
/// An instance on SQLite whose database lies on a file system of its own, a small tmpfs mounted for it, so that a
/// test can fill that disk for real (<see cref="FillAsync"/>) and free it again. Mounting needs root, as the test
/// command has (it installs packages); the file system is unmounted when the fixture is disposed.
/// </summary>
public sealed class SmallDiskApp : KechuangApp
{
    private const string Size = "160m";

    public SmallDiskApp()
        : this(Mount())
    {
    }

    private SmallDiskApp(string folder)
        : base(Provider.Sqlite, sqliteFolder: folder)
    {
        Folder = folder;
    }

    /// <summary>The mount point of the database's file system.</summary>
    public string Folder { get; }

    private string Filler => Path.Combine(Folder, "filler");

    /// <summary>Takes every free byte of the database's file system.</summary>
    public async Task FillAsync()
    {
        await RunAsync("fallocate", "-l", new DriveInfo(Folder).AvailableFreeSpace.ToString(System.Globalization.CultureInfo.InvariantCulture), Filler);
        // What fallocate left (less than a block or two) is taken by writing until the file system refuses.
        await using var rest = new FileStream(Path.Combine(Folder, "filler-rest"), FileMode.Create);
        var block = new byte[4096];
        try
        {
            for (var i = 0; i < 1024; i++)
            {
                rest.Write(block);
                rest.Flush(flushToDisk: true);
            }
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Gives the space back.</summary>
    public void Free()
    {
        File.Delete(Filler);
        File.Delete(Path.Combine(Folder, "filler-rest"));
    }

    public long FreeBytes => new DriveInfo(Folder).AvailableFreeSpace;

    protected override async Task DisposedAsync() => await RunAsync("umount", "-l", Folder);

    private static string Mount()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"kechuang-disk-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(folder);
        RunAsync("mount", "-t", "tmpfs", "-o", $"size={Size}", "tmpfs", folder).GetAwaiter().GetResult();
        return folder;
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {errors} — the storage fault tests mount a tmpfs and need root");
        }
    }
}
