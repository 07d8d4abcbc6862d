using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace Kechuang.Tests.Architecture;

/// <summary>
/// A page reaches data one way: <c>ScopedRunner.With&lt;THandler&gt;</c>, which runs the handler in a scope of its own. A
/// context injected into a page (or held by a service the page injects) lives as long as the circuit and is not
/// thread-safe; a handler built by the page escapes the data scope the runner sets.
/// </summary>
public class PageTests
{
    private static readonly Assembly App = typeof(Program).Assembly;

    public static IEnumerable<Type> Pages() =>
        App.GetTypes().Where(t => typeof(ComponentBase).IsAssignableFrom(t) && !t.IsAbstract && t.DeclaringType is null
            && t.Namespace is { } ns && (ns.StartsWith("Kechuang.Modules.", StringComparison.Ordinal) || ns.StartsWith("Kechuang.Platform.", StringComparison.Ordinal)));

    [Fact]
    public void Pages_AreFound()
    {
        var pages = Pages().Select(p => p.Name).ToList();

        Assert.Contains("LotLive", pages);
        Assert.Contains("ContractForm", pages);
        Assert.Contains("CultivationScreening", pages);
        Assert.Contains("Home", pages);
    }

    [Fact]
    public void Pages_DoNotUseAContextOrItsFactory()
    {
        var il = Il.Read(App).MainModule;

        var violations = Pages()
            .SelectMany(p => ArchitectureRules.DatabaseReach(il.GetType(p.FullName)).Select(d => $"{p.FullName} uses {d}"))
            .ToList();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Pages_DoNotConstructHandlers()
    {
        var il = Il.Read(App).MainModule;

        var violations = Pages()
            .SelectMany(p => ArchitectureRules.HandlerConstructions(il.GetType(p.FullName)).Select(h => $"{p.FullName} constructs {h}"))
            .ToList();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void ModulePages_RunOnlyHandlers()
    {
        var il = Il.Read(App).MainModule;

        var violations = Pages().Where(p => ArchitectureRules.ModuleOf(p.Namespace) is not null)
            .SelectMany(p => ArchitectureRules.RunnerTargetsOtherThanHandlers(il.GetType(p.FullName)).Select(t => $"{p.FullName} runs {t}"))
            .ToList();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Pages_DoNotInjectServicesThatHoldAContext()
    {
        var violations = Pages()
            .SelectMany(p => ArchitectureRules.InjectedDatabaseHolders(p, App).Select(s => $"{p.FullName} injects {s}"))
            .ToList();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
