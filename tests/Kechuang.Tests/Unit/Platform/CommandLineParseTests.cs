using Kechuang.Platform;

namespace Kechuang.Tests.Unit.Platform;

/// <summary>The words of a command and its options, as the host's configuration and the command each read them.</summary>
public sealed class CommandLineParseTests
{
    [Fact]
    public void BareFlag_BeforeAnotherOption_LeavesThatOptionToTheHost()
    {
        var command = CommandLine.Parse(["restore", "--from", "/b", "--force", "--Database:Provider=Postgres"]);

        Assert.Equal("unknown", command.Name);
        Assert.Equal(["restore"], command.Arguments);
        Assert.Equal(["--from", "/b", "--force=true", "--Database:Provider=Postgres"], command.HostArgs);
        Assert.Equal("true", CommandOptions.Value(command.HostArgs, "force"));
        Assert.Equal("/b", CommandOptions.Value(command.HostArgs, "from"));
    }

    [Fact]
    public void BareFlag_AtTheEnd_AndOptionsWithValues_AreKept()
    {
        Assert.Equal(["--to", "/b", "--force=true"], CommandLine.Parse(["backup", "--to", "/b", "--force"]).HostArgs);
        Assert.Equal(["--batch", "500"], CommandLine.Parse(["rotate-personal-data-key", "--batch", "500"]).HostArgs);
        Assert.Equal("serve", CommandLine.Parse(["--urls=http://127.0.0.1:1"]).Name);
    }

    [Fact]
    public void ContentRoot_FallsBackToTheAppsFolder_OnlyWhenTheCurrentDirectoryHasNoSettings()
    {
        var app = System.IO.Directory.CreateTempSubdirectory("kc-app-").FullName;
        var elsewhere = System.IO.Directory.CreateTempSubdirectory("kc-cwd-").FullName;
        try
        {
            Assert.Null(CommandLine.ContentRoot([], elsewhere, app));

            File.WriteAllText(Path.Combine(app, "appsettings.json"), "{}");
            Assert.Equal(app, CommandLine.ContentRoot([], elsewhere, app));
            Assert.Null(CommandLine.ContentRoot(["--contentRoot", elsewhere], elsewhere, app));

            File.WriteAllText(Path.Combine(elsewhere, "appsettings.json"), "{}");
            Assert.Null(CommandLine.ContentRoot([], elsewhere, app));
        }
        finally
        {
            System.IO.Directory.Delete(app, true);
            System.IO.Directory.Delete(elsewhere, true);
        }
    }
}
