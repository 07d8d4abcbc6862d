using Kechuang.Modules.Directory;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Mono.Cecil;

namespace Kechuang.Tests.Architecture;

/// <summary>Each architecture rule catches a type written to break it, and passes the same type written the right way.</summary>
public class ArchitectureRulesTests
{
    private static readonly ModuleDefinition Tests = Il.Read(typeof(ArchitectureRulesTests).Assembly).MainModule;

    private static TypeDefinition Def<T>() => Tests.GetType(typeof(T).FullName!.Replace('+', '/'));

    [Fact]
    public void DatabaseReach_PageWithAContextFactory_IsCaught()
    {
        Assert.Contains("Microsoft.EntityFrameworkCore.IDbContextFactory`1", ArchitectureRules.DatabaseReach(Def<PageThatHoldsAContext>()));
        Assert.Empty(ArchitectureRules.DatabaseReach(Def<PageThatUsesTheRunner>()));
    }

    [Fact]
    public void HandlerConstructions_PageThatBuildsAHandler_IsCaught()
    {
        Assert.Equal(["Kechuang.Modules.Directory.GetOrganizationHandler"], ArchitectureRules.HandlerConstructions(Def<PageThatHoldsAContext>()));
        Assert.Empty(ArchitectureRules.HandlerConstructions(Def<PageThatUsesTheRunner>()));
    }

    [Fact]
    public void InjectedDatabaseHolders_PageInjectingTheDirectory_IsCaught()
    {
        var app = typeof(Program).Assembly;

        Assert.Equal([nameof(IOrganizationDirectory)], ArchitectureRules.InjectedDatabaseHolders(typeof(PageThatInjectsTheDirectory), app));
        Assert.Empty(ArchitectureRules.InjectedDatabaseHolders(typeof(PageThatUsesTheRunner), app));
    }

    [Fact]
    public void RunnerTargetsOtherThanHandlers_PageRunningTheDirectory_IsCaught()
    {
        Assert.Equal(["Kechuang.Modules.Directory.Public.IOrganizationDirectory"], ArchitectureRules.RunnerTargetsOtherThanHandlers(Def<PageThatRunsTheDirectory>()));
        Assert.Empty(ArchitectureRules.RunnerTargetsOtherThanHandlers(Def<PageThatUsesTheRunner>()));
    }

    [Fact]
    public void ForeignInternals_ModuleTypeUsingAnotherModulesEntity_IsCaught()
    {
        Assert.Equal(["Kechuang.Modules.Directory.Organization"], ArchitectureRules.ForeignInternals(Def<MarketTypeReadingOrganizations>(), "Market"));
        Assert.Empty(ArchitectureRules.ForeignInternals(Def<MarketTypeUsingTheDirectory>(), "Market"));
        // The module's own internals are its own.
        Assert.Empty(ArchitectureRules.ForeignInternals(Def<MarketTypeReadingOrganizations>(), "Directory"));
    }

    [Fact]
    public void HandlerShapeProblems_UnnamedOrManyMethodHandlers_AreCaught()
    {
        Assert.Single(ArchitectureRules.HandlerShapeProblems(typeof(OrganizationsHandler)), p => p.Contains("not named", StringComparison.Ordinal));
        Assert.Single(ArchitectureRules.HandlerShapeProblems(typeof(GetOrganizationsHandler)), p => p.Contains("RenameAsync", StringComparison.Ordinal));
        Assert.Single(ArchitectureRules.HandlerShapeProblems(typeof(GetPeopleHandler)), p => p.Contains("AllAsync", StringComparison.Ordinal));
        Assert.Empty(ArchitectureRules.HandlerShapeProblems(typeof(ListPeopleHandler)));
        Assert.Empty(ArchitectureRules.HandlerShapeProblems(typeof(PageThatUsesTheRunner)));
    }

    [Fact]
    public void WritesWithoutAPermission_WriteHandlerThatDemandsNothing_IsCaught()
    {
        Assert.True(ArchitectureRules.WritesWithoutAPermission(Def<CreateNoteHandler>()));
        Assert.False(ArchitectureRules.WritesWithoutAPermission(Def<UpdateNoteHandler>()));
        // Reading needs no row: the data scope decides what is read.
        Assert.False(ArchitectureRules.WritesWithoutAPermission(Def<GetOrganizationsHandler>()));
    }

    public sealed class CreateNoteHandler(KechuangDb db)
    {
        public Task<int> HandleAsync() => db.SaveChangesAsync();
    }

    public sealed class UpdateNoteHandler(KechuangDb db)
    {
        private static readonly Permission Change = new("notes.change", "修改便签", PermissionKind.Change, RoleSets.Staff);

        public Task<int> HandleAsync()
        {
            db.User.Demand(Change);
            return db.SaveChangesAsync();
        }
    }

    public sealed class PageThatHoldsAContext : ComponentBase
    {
        [Inject] private IDbContextFactory<KechuangDb> Contexts { get; set; } = default!;

        public OrganizationDto? Organization { get; private set; }

        protected override async Task OnInitializedAsync()
        {
            await using var db = await Contexts.CreateDbContextAsync();
            Organization = await new GetOrganizationHandler(db, new Kechuang.Platform.Reference.RegionCatalog(null!)).HandleAsync(Guid.Empty);
        }
    }

    public sealed class PageThatInjectsTheDirectory : ComponentBase
    {
        [Inject] private IOrganizationDirectory Directory { get; set; } = default!;

        public OrganizationInfo? Organization { get; private set; }

        protected override async Task OnInitializedAsync() => Organization = await Directory.FindAsync(Guid.Empty);
    }

    public sealed class PageThatRunsTheDirectory : ComponentBase
    {
        [Inject] private ScopedRunner Run { get; set; } = default!;

        public OrganizationInfo? Organization { get; private set; }

        protected override async Task OnInitializedAsync() => Organization = await Run.With<IOrganizationDirectory, OrganizationInfo?>(d => d.FindAsync(Guid.Empty));
    }

    public sealed class PageThatUsesTheRunner : ComponentBase
    {
        [Inject] private ScopedRunner Run { get; set; } = default!;

        public OrganizationDto? Organization { get; private set; }

        protected override async Task OnInitializedAsync() => Organization = await Run.With<GetOrganizationHandler, OrganizationDto>(h => h.HandleAsync(Guid.Empty));
    }

    public sealed class MarketTypeReadingOrganizations(KechuangDb db)
    {
        public Task<int> CountAsync() => db.Set<Organization>().CountAsync();
    }

    public sealed class MarketTypeUsingTheDirectory(IOrganizationDirectory directory)
    {
        public Task<OrganizationInfo?> FindAsync(Guid id) => directory.FindAnywhereAsync(id);
    }

    public sealed class OrganizationsHandler(KechuangDb db)
    {
        public Task<int> HandleAsync() => db.Set<Organization>().CountAsync();
    }

    public sealed class GetOrganizationsHandler(KechuangDb db)
    {
        public Task<int> HandleAsync() => db.Set<Organization>().CountAsync();

        public Task<int> RenameAsync() => db.SaveChangesAsync();
    }

    public sealed class GetPeopleHandler(KechuangDb db)
    {
        public Task<int> HandleAsync() => db.Set<Person>().CountAsync();

        public Task<int> AllAsync() => db.Set<Person>().CountAsync();
    }
}
