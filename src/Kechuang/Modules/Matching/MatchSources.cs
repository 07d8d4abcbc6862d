using Kechuang.Modules.Directory.Public;
using Kechuang.Modules.Market.Public;
using Kechuang.Modules.Matching.Engine;
using Kechuang.Modules.Talent.Public;
using Kechuang.Modules.Transfer.Public;

namespace Kechuang.Modules.Matching;

/// <summary>
/// The records the index holds, read through the other modules' public catalogues in a system scope (the index holds
/// every record; a search shows only those the caller may see).
/// </summary>
internal sealed class MatchSources(IAchievementCatalog achievements, IDemandCatalog demands, IPhdCatalog phds, IPersonDirectory people,
    IOrganizationDirectory organizations)
{
    private const int Page = 1000;

    /// <summary>The directory's kinds of person that count as experts: 专家 and 科技特派员.</summary>
    private static readonly HashSet<string> ExpertKinds = new(StringComparer.Ordinal) { "专家", "科技特派员" };

    /// <summary>The audit log's entity names whose entries change the index.</summary>
    public static readonly string[] Entities =
    [
        IAchievementCatalog.ChangeEntity, IDemandCatalog.ChangeEntity, IPhdCatalog.ChangeEntity, PersonEntity,
        MatchingEntities.Synonym, MatchingEntities.Word, MatchingEntities.Feedback,
    ];

    /// <summary>The directory's person table as the audit log names it (an expert or a PhD's name and fields changed).</summary>
    public const string PersonEntity = "directory_person";

    /// <summary>Every record, page by page.</summary>
    public async IAsyncEnumerable<IReadOnlyList<MatchDocument>> AllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var skip = 0; ; skip += Page)
        {
            var page = await achievements.PageAsync(skip, Page, cancellationToken);
            yield return page.Select(Achievement).ToList();
            if (page.Count < Page)
            {
                break;
            }
        }
        for (var skip = 0; ; skip += Page)
        {
            var page = await demands.PageAnywhereAsync(skip, Page, cancellationToken);
            yield return await DemandsAsync(page, cancellationToken);
            if (page.Count < Page)
            {
                break;
            }
        }
        for (var skip = 0; ; skip += Page)
        {
            var page = await phds.PageAnywhereAsync(skip, Page, cancellationToken);
            yield return await PhdsAsync(page, cancellationToken);
            if (page.Count < Page)
            {
                break;
            }
        }
        var experts = (await people.ListAsync(cancellationToken)).Where(p => ExpertKinds.Contains(p.KindName)).ToList();
        yield return await ExpertsAsync(experts, cancellationToken);
    }

    /// <summary>The current state of changed records: documents to write, and (kind, id) pairs to remove.</summary>
    public async Task<(List<MatchDocument> Upserts, List<(string Kind, Guid Id)> Deletes)> ChangedAsync(ILookup<string, Guid> changed, Func<Guid, IReadOnlyList<Guid>> phdsOfPerson,
        CancellationToken cancellationToken)
    {
        var upserts = new List<MatchDocument>();
        var deletes = new List<(string, Guid)>();
        if (changed[IAchievementCatalog.ChangeEntity].ToList() is { Count: > 0 } achievementIds)
        {
            var found = await achievements.FindManyAsync(achievementIds, cancellationToken);
            upserts.AddRange(found.Select(Achievement));
            deletes.AddRange(achievementIds.Except(found.Select(a => a.Id)).Select(id => (MatchKinds.Achievement, id)));
        }
        if (changed[IDemandCatalog.ChangeEntity].ToList() is { Count: > 0 } demandIds)
        {
            var found = await demands.FindManyAnywhereAsync(demandIds, cancellationToken);
            upserts.AddRange(await DemandsAsync(found, cancellationToken));
            deletes.AddRange(demandIds.Except(found.Select(d => d.Id)).Select(id => (MatchKinds.Demand, id)));
        }
        var personIds = changed[PersonEntity].ToList();
        var phdIds = changed[IPhdCatalog.ChangeEntity].Concat(personIds.SelectMany(phdsOfPerson)).Distinct().ToList();
        if (personIds.Count > 0)
        {
            var found = await people.FindManyAnywhereAsync(personIds, cancellationToken);
            var experts = found.Values.Where(p => ExpertKinds.Contains(p.KindName)).ToList();
            upserts.AddRange(await ExpertsAsync(experts, cancellationToken));
            deletes.AddRange(personIds.Except(experts.Select(e => e.Id)).Select(id => (MatchKinds.Expert, id)));
            phdIds.AddRange((await phds.FindByPeopleAnywhereAsync(personIds, cancellationToken)).Select(p => p.Id).Except(phdIds));
        }
        if (phdIds.Count > 0)
        {
            var found = await phds.FindManyAnywhereAsync(phdIds, cancellationToken);
            upserts.AddRange(await PhdsAsync(found, cancellationToken));
            deletes.AddRange(phdIds.Except(found.Select(p => p.Id)).Select(id => (MatchKinds.Phd, id)));
        }
        return (upserts, deletes);
    }

    private static MatchDocument Achievement(AchievementText a) =>
        new(MatchKinds.Achievement, a.Id, a.Title, a.OwnerName, string.Join(" ", a.Keywords), a.Description, a.Field, !a.Withdrawn);

    private async Task<List<MatchDocument>> DemandsAsync(IReadOnlyList<DemandText> page, CancellationToken cancellationToken)
    {
        var names = await organizations.NamesAnywhereAsync(page.Where(d => d.EnterpriseId is not null).Select(d => d.EnterpriseId!.Value).Distinct(), cancellationToken);
        return page.Select(d => new MatchDocument(MatchKinds.Demand, d.Id, d.Title,
            d.EnterpriseId is { } e && names.TryGetValue(e, out var name) ? name : null, "", d.Description ?? "", d.Field, d.Open)).ToList();
    }

    private async Task<List<MatchDocument>> ExpertsAsync(IReadOnlyList<PersonInfo> experts, CancellationToken cancellationToken)
    {
        var names = await organizations.NamesAnywhereAsync(experts.Where(p => p.OrganizationId is not null).Select(p => p.OrganizationId!.Value).Distinct(), cancellationToken);
        return experts.Select(p =>
        {
            var organization = p.OrganizationId is { } o && names.TryGetValue(o, out var name) ? name : null;
            var subtitle = string.Join(" · ", new[] { organization, p.Title, p.KindName }.Where(s => !string.IsNullOrWhiteSpace(s)));
            var fields = MatchingRules.SplitWords(p.Fields);
            return new MatchDocument(MatchKinds.Expert, p.Id, p.Name, subtitle, string.Join(" ", fields), p.Title ?? "", fields.Count > 0 ? fields[0] : null);
        }).ToList();
    }

    private async Task<List<MatchDocument>> PhdsAsync(IReadOnlyList<PhdText> page, CancellationToken cancellationToken)
    {
        var persons = await people.FindManyAnywhereAsync(page.Select(p => p.PersonId).Distinct(), cancellationToken);
        var institutions = await organizations.NamesAnywhereAsync(page.Select(p => p.InstitutionId).Distinct(), cancellationToken);
        return page.Select(p =>
        {
            persons.TryGetValue(p.PersonId, out var person);
            institutions.TryGetValue(p.InstitutionId, out var institution);
            var fields = MatchingRules.SplitWords(p.TechFields);
            var subtitle = string.Join(" · ", new[] { institution, p.Discipline }.Where(s => !string.IsNullOrWhiteSpace(s)));
            return new MatchDocument(MatchKinds.Phd, p.Id, person?.Name ?? "博士", subtitle, string.Join(" ", fields.Prepend(p.Discipline)),
                person?.Fields ?? "", fields.Count > 0 ? fields[0] : null, Person: p.PersonId);
        }).ToList();
    }
}

/// <summary>The audit log's names of the matching tables.</summary>
internal static class MatchingEntities
{
    public const string Synonym = "matching_synonym";
    public const string Word = "matching_word";
    public const string Feedback = "matching_feedback";
}
