using System.Reflection;
using NetArchTest.Rules;

namespace Kechuang.Tests.Architecture;

public class ModuleBoundaryTests
{
    private static readonly Assembly App = typeof(Program).Assembly;

    private static IEnumerable<string> Modules() =>
        App.GetTypes().Select(t => t.Namespace ?? "")
            .Where(n => n.StartsWith("Kechuang.Modules.", StringComparison.Ordinal))
            .Select(n => n.Split('.')[2]).Distinct();

    [Fact]
    public void Modules_UseEachOther_OnlyThroughPublic()
    {
        var modules = Modules().ToList();
        Assert.Contains("Directory", modules);
        var violations = new List<string>();
        foreach (var module in modules)
        {
            foreach (var other in modules.Where(m => m != module))
            {
                var result = Types.InAssembly(App).That().ResideInNamespaceStartingWith($"Kechuang.Modules.{module}")
                    .Should().NotHaveDependencyOnAny(InternalNamespaces(other)).GetResult();
                if (!result.IsSuccessful)
                {
                    violations.AddRange(result.FailingTypeNames.Select(t => $"{t} → {other} internals"));
                }
            }
        }
        Assert.Empty(violations);
    }

    [Fact]
    public void Platform_DoesNotDependOnModules()
    {
        var result = Types.InAssembly(App).That().ResideInNamespaceStartingWith("Kechuang.Platform")
            .Should().NotHaveDependencyOn("Kechuang.Modules").GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    /// <summary>
    /// Full names of a module's types outside its Public namespace. NetArchTest matches names by prefix,
    /// so naming the module's namespace would also forbid its Public types; naming the types does not.
    /// </summary>
    private static string[] InternalNamespaces(string module) =>
        App.GetTypes()
            .Where(t => t.Namespace is { } n && (n == $"Kechuang.Modules.{module}" || n.StartsWith($"Kechuang.Modules.{module}.", StringComparison.Ordinal))
                && !t.Namespace.StartsWith($"Kechuang.Modules.{module}.Public", StringComparison.Ordinal))
            .Select(t => t.FullName!.Split('`')[0].Replace('+', '/'))
            .Distinct().ToArray();
}
