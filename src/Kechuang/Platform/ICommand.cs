namespace Kechuang.Platform;

/// <summary>
/// A module's command-line verb (<c>kechuang screen --region 330723 --year 2023</c>). Modules register it with
/// <c>services.AddSingleton&lt;ICommand, X&gt;()</c>; <see cref="CommandLine"/> runs it in a scope under the system
/// data scope, so its changes are audited as <c>system:&lt;Name&gt;</c>. Return 0 on success, 1 on failure, 2 on bad usage.
/// </summary>
public interface ICommand
{
    /// <summary>The first word on the command line (lower case, no spaces).</summary>
    string Name { get; }

    /// <summary>One usage line for the help text, e.g. <c>screen --region 代码 --year 年度</c>.</summary>
    string Usage { get; }

    /// <param name="args">Everything after the name, host options (<c>--Database:Provider=…</c>) included: ignore what is not yours.</param>
    /// <param name="services">The scope's services (a <c>KechuangDb</c> already in the system scope).</param>
    Task<int> RunAsync(string[] args, IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>Reads <c>--name value</c> and <c>--name=value</c> options of a command.</summary>
public static class CommandOptions
{
    public static string? Value(string[] args, string name)
    {
        var flag = "--" + name;
        for (var i = 0; i < args.Length; i++)
        {
            if (string.Equals(args[i], flag, StringComparison.OrdinalIgnoreCase))
            {
                return i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[i + 1] : "";
            }
            if (args[i].StartsWith(flag + "=", StringComparison.OrdinalIgnoreCase))
            {
                return args[i][(flag.Length + 1)..];
            }
        }
        return null;
    }
}
