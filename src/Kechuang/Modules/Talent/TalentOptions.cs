using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Talent;

/// <summary>One choice of a talent form's pick list.</summary>
public sealed record TalentOption(Guid Id, string Name, string? Detail);

/// <summary>What the talent forms offer: the programme list with levels, the caller's people, organisations by kind, PhD profiles.</summary>
public sealed record TalentOptions(IReadOnlyList<TalentProgramme> Programmes, IReadOnlyList<TalentOption> People, IReadOnlyList<TalentOption> Employers,
    IReadOnlyList<TalentOption> Enterprises, IReadOnlyList<TalentOption> Institutions, IReadOnlyList<TalentOption> Phds);

public sealed class ListTalentOptionsHandler(KechuangDb db, TalentProgrammes programmes, IPersonDirectory people, IOrganizationDirectory organizations, TalentNames names)
{
    public async Task<TalentOptions> HandleAsync(CancellationToken cancellationToken = default)
    {
        var persons = await people.ListAsync(cancellationToken);
        var orgs = await organizations.ListAsync(null, cancellationToken);
        var phds = await db.Set<PhdProfile>().AsNoTracking().ToListAsync(cancellationToken);
        await names.LoadAsync(phds.Select(p => p.PersonId), phds.Select(p => p.InstitutionId), cancellationToken);
        var orgNames = orgs.ToDictionary(o => o.Id, o => o.Name);
        return new TalentOptions(programmes.All,
            persons.Select(p => new TalentOption(p.Id, p.Name, string.Join("，", new[] { p.KindName, p.OrganizationId is { } o ? orgNames.GetValueOrDefault(o) : null }
                .Where(x => !string.IsNullOrEmpty(x))))).ToList(),
            orgs.Where(o => o.Kind is OrganizationKind.Enterprise or OrganizationKind.Institution).Select(Option).ToList(),
            orgs.Where(o => o.Kind == OrganizationKind.Enterprise).Select(Option).ToList(),
            orgs.Where(o => o.Kind == OrganizationKind.Institution).Select(Option).ToList(),
            phds.Select(p => new TalentOption(p.Id, names.Person(p.PersonId), $"{names.Organization(p.InstitutionId)}，{p.Discipline}")).OrderBy(p => p.Name).ToList());
    }

    private static TalentOption Option(OrganizationInfo o) => new(o.Id, o.Name, OrganizationKinds.Names[o.Kind]);
}
