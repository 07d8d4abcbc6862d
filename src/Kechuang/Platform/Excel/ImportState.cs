using Kechuang.Platform.Ui;
using Microsoft.AspNetCore.Components.Forms;

namespace Kechuang.Platform.Excel;

/// <summary>
/// One list page's import, shared by its <see cref="ImportButton"/> (in the page's actions) and its
/// <see cref="ImportOutcome"/> (under the header): whether an import is running, what it entered, and the problems
/// of the last file (every bad cell of a refused file, or why the file was not read).
/// </summary>
public sealed class ImportState
{
    public FormProblems Problems { get; } = new();

    public bool Importing { get; private set; }

    /// <summary>The success message of the last import, when it entered its records.</summary>
    public string? Imported { get; private set; }

    /// <summary>Raised when any of the above changes, so both components show it at once.</summary>
    public event Action? Changed;

    /// <summary>
    /// Imports the chosen file through <paramref name="import"/> (the module's handler, given the file and its name),
    /// within the same upload limit as the import endpoints; true when its records were entered.
    /// </summary>
    public async Task<bool> RunAsync(IBrowserFile file, IConfiguration configuration, Func<Stream, string, Task<int>> import, Func<int, string> success)
    {
        Imported = null;
        Importing = true;
        Problems.Clear();
        Changed?.Invoke();
        try
        {
            var count = 0;
            var ok = await Problems.TryAsync(async () =>
            {
                await using var buffer = await ImportUpload.BufferAsync(file, configuration);
                count = await import(buffer, file.Name);
            });
            Imported = ok ? success(count) : null;
            return ok;
        }
        catch (IOException)
        {
            // The browser stopped sending the file (a closed tab, a dropped connection): nothing was imported.
            Problems.Fail("文件上传中断，未导入任何记录，请重新选择文件");
            return false;
        }
        finally
        {
            Importing = false;
            Changed?.Invoke();
        }
    }
}
