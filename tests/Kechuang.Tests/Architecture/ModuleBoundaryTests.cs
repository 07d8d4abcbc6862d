using System.Reflection;

namespace Kechuang.Tests.Architecture;

public class ModuleBoundaryTests
{
    private static readonly Assembly App = typeof(Program).Assembly;

    [Fact]
    public void Modules_UseEachOther_OnlyThroughPublic()
    {
        var types = Il.AllTypes(Il.Read(App)).Where(t => t.DeclaringType is null).ToList();
        var modules = types.Select(t => ArchitectureRules.ModuleOf(t.Namespace)).OfType<string>().Distinct().ToList();

        var violations = types.Where(t => ArchitectureRules.ModuleOf(t.Namespace) is not null)
            .SelectMany(t => ArchitectureRules.ForeignInternals(t, ArchitectureRules.ModuleOf(t.Namespace)!).Select(f => $"{t.FullName} → {f}"))
            .ToList();

        Assert.Contains("Directory", modules);
        Assert.Contains("Market", modules);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    /// <summary>
    /// The platform's own ports to the directory (IDirectoryLookup, IDirectoryOptions) serve the platform's pages and
    /// checks; a module asks the directory through its Public interface, the one way in.
    /// </summary>
    [Fact]
    public void Modules_ReachTheDirectory_OnlyThroughItsPublicInterface()
    {
        string[] ports = ["Kechuang.Platform.Access.IDirectoryLookup", "Kechuang.Platform.Access.IDirectoryOptions"];

        var violations = Il.AllTypes(Il.Read(App))
            .Where(t => t.DeclaringType is null && ArchitectureRules.ModuleOf(t.Namespace) is { } module && module != "Directory")
            .SelectMany(t => Il.References(t).SelectMany(Il.Parts).Select(Il.Name).Where(ports.Contains).Distinct().Select(p => $"{t.FullName} → {p}"))
            .ToList();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Platform_DoesNotDependOnModules()
    {
        var violations = Il.AllTypes(Il.Read(App)).Where(t => t.DeclaringType is null && t.Namespace.StartsWith("Kechuang.Platform", StringComparison.Ordinal))
            .SelectMany(t => ArchitectureRules.ModuleTypes(t).Select(m => $"{t.FullName} → {m}"))
            .ToList();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
