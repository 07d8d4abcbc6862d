using System.Reflection;
using Kechuang.Modules.Carriers;
using Kechuang.Modules.Commissioners;
using Kechuang.Modules.Contracts;
using Kechuang.Modules.Directory;
using Kechuang.Modules.Enterprises;
using Kechuang.Modules.Events;
using Kechuang.Modules.Market;
using Kechuang.Modules.Matching;
using Kechuang.Modules.Programs;
using Kechuang.Modules.Suggestions;
using Kechuang.Modules.Talent;
using Kechuang.Modules.Transfer;
using Microsoft.Extensions.DependencyInjection;

namespace Kechuang.Tests.Architecture;

/// <summary>One handler per use case, named for it, registered by its module: the page, the API and the command line call the same one.</summary>
public class HandlerTests
{
    private static readonly Assembly App = typeof(Program).Assembly;

    /// <summary>
    /// <c>PlaceAsync</c> answers a refused bid as a value rather than an exception, for the bid endpoint's hot path; it is
    /// the same use case as <c>HandleAsync</c>.
    /// </summary>
    private static readonly HashSet<string> Allowed = ["PlaceBidHandler.PlaceAsync: a handler's public methods are HandleAsync"];

    private static List<Type> Handlers() =>
        App.GetTypes().Where(t => ArchitectureRules.ModuleOf(t.Namespace) is not null && ArchitectureRules.IsHandler(t)).ToList();

    [Fact]
    public void Handlers_AreFound()
    {
        var handlers = Handlers().Select(h => h.Name).ToList();

        Assert.Contains(nameof(CreatePersonHandler), handlers);
        Assert.Contains(nameof(PlaceBidHandler), handlers);
        Assert.True(handlers.Count > 60, $"{handlers.Count} handlers");
    }

    [Fact]
    public void Handlers_AreNamedForOneUseCase()
    {
        var problems = Handlers().SelectMany(ArchitectureRules.HandlerShapeProblems).Where(p => !Allowed.Contains(p)).ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void HandlersThatWrite_NameTheirRowOfThePermissionTable()
    {
        var module = Il.Read(App).MainModule;
        var handlers = Handlers().Select(h => module.GetType(h.FullName!.Replace('+', '/'))).ToList();

        var demandNothing = handlers.Where(ArchitectureRules.WritesWithoutAPermission).Select(h => h.FullName).ToList();

        Assert.Contains(handlers, h => h.Name == nameof(CreateContractHandler));
        Assert.True(demandNothing.Count == 0, "Write handlers that demand no permission:\n" + string.Join(Environment.NewLine, demandNothing));
    }

    [Fact]
    public void Handlers_AreRegisteredByTheirModule()
    {
        var services = new ServiceCollection().AddDirectory().AddContracts().AddEnterprises().AddCarriers().AddMarket().AddCommissioners().AddTransfer()
            .AddTalent().AddEvents().AddPrograms().AddMatching().AddSuggestions();
        var registered = services.Select(s => s.ServiceType).ToHashSet();

        var missing = Handlers().Where(h => !registered.Contains(h)).Select(h => h.FullName).ToList();

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }
}
