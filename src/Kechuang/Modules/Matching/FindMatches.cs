using Kechuang.Modules.Directory.Public;
using Kechuang.Modules.Matching.Engine;
using Kechuang.Modules.Talent.Public;
using Kechuang.Modules.Transfer.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Matching;

/// <summary>A ranked result: the record, its score and why it matched.</summary>
public sealed record MatchItemDto(Guid Id, string Kind, string Title, string? Subtitle, double Score, IReadOnlyList<MatchReason> Reasons);

/// <summary>
/// Ranked results; <c>total</c> counts every record of the kind that matched and the caller may see, or, when
/// <c>totalExact</c> is false (a large index, where records that cannot reach the best are not scored), those examined:
/// there are at least that many.
/// </summary>
public sealed record MatchListDto(IReadOnlyList<MatchItemDto> Items, int Total, bool TotalExact = true);

/// <summary>A demand's matches: achievements, experts and PhDs.</summary>
public sealed record DemandMatchesDto(Guid DemandId, string Title, MatchListDto Achievements, MatchListDto Experts, MatchListDto Phds);

/// <summary>
/// Ranks the records of one kind the caller may see against a text; the index holds every record, so results outside the
/// caller's data scope are left out here (achievements are public).
/// </summary>
internal sealed class MatchRanker(MatchIndex index, IDemandCatalog demands, IPhdCatalog phds, IPersonDirectory people)
{
    private const int Candidates = 200;

    public async Task<MatchListDto> RankAsync(MatchQuery query, int top, CancellationToken cancellationToken)
    {
        var engine = await index.EngineAsync(cancellationToken);
        var (hits, total, exact) = engine.Search(query, Math.Max(Candidates, top * 4));
        IReadOnlyList<MatchHit> shown;
        if (query.Kind == MatchKinds.Achievement)
        {
            shown = hits;
        }
        else
        {
            var visible = await VisibleAsync(query.Kind, hits.Select(h => h.Id).ToList(), top, cancellationToken);
            shown = hits.Where(h => visible.Contains(h.Id)).ToList();
            total = shown.Count;
        }
        var results = engine.Describe(query, shown.Take(top));
        return new MatchListDto(results.Select(r => new MatchItemDto(r.Id, query.Kind, r.Title, r.Subtitle, r.Score, r.Reasons)).ToList(), total, exact);
    }

    private async Task<IReadOnlySet<Guid>> VisibleAsync(string kind, IReadOnlyList<Guid> ids, int top, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case MatchKinds.Demand:
                return await demands.VisibleAsync(ids, cancellationToken);
            case MatchKinds.Phd:
                return await phds.VisibleAsync(ids, cancellationToken);
            default:
                // The directory answers one person at a time: ask until enough are found.
                var visible = new HashSet<Guid>();
                foreach (var id in ids)
                {
                    if (await people.FindAsync(id, cancellationToken) is not null && visible.Add(id) && visible.Count >= top)
                    {
                        break;
                    }
                }
                return visible;
        }
    }
}

/// <summary>Ranks achievements, experts or PhDs against a demand's text (one kind per call).</summary>
public sealed class FindMatchesHandler(KechuangDb db, MatchIndex index, IDemandCatalog demands, IPhdCatalog phds, IPersonDirectory people)
{
    public async Task<MatchListDto> HandleAsync(string kind, MatchRequest request, CancellationToken cancellationToken = default)
    {
        db.User.Demand(MatchingPermissions.Query);
        var (text, field, top) = MatchingRules.Validate(request);
        return await new MatchRanker(index, demands, phds, people).RankAsync(new MatchQuery(kind, text, field), top, cancellationToken);
    }
}

/// <summary>匹配推荐 of a demand the caller may see: achievements, experts and PhDs ranked against its title and description.</summary>
public sealed class ListDemandMatchesHandler(KechuangDb db, MatchIndex index, IDemandCatalog demands, IPhdCatalog phds, IPersonDirectory people)
{
    public async Task<DemandMatchesDto> HandleAsync(Guid demandId, int? top, CancellationToken cancellationToken = default)
    {
        db.User.Demand(MatchingPermissions.Query);
        var demand = await demands.FindAsync(demandId, cancellationToken) ?? throw new NotFoundException("需求不存在");
        var (text, field, take) = MatchingRules.Validate(new MatchRequest(DemandText(demand), demand.Field, top));
        var ranker = new MatchRanker(index, demands, phds, people);
        return new DemandMatchesDto(demand.Id, demand.Title,
            await ranker.RankAsync(new MatchQuery(MatchKinds.Achievement, text, field, demand.Id), take, cancellationToken),
            await ranker.RankAsync(new MatchQuery(MatchKinds.Expert, text, field, demand.Id), take, cancellationToken),
            await ranker.RankAsync(new MatchQuery(MatchKinds.Phd, text, field, demand.Id), take, cancellationToken));
    }

    /// <summary>What a demand asks, as matching reads it.</summary>
    internal static string DemandText(DemandText demand)
    {
        var text = $"{demand.Title} {demand.Description}".Trim();
        return text.Length > MatchingRules.MaxText ? text[..MatchingRules.MaxText] : text;
    }
}

/// <summary>The open demands an achievement or an expert could answer, ranked against the record's own words.</summary>
public sealed class FindOpenDemandsHandler(KechuangDb db, MatchIndex index, IDemandCatalog demands, IPhdCatalog phds, IPersonDirectory people)
{
    public async Task<MatchListDto> HandleAsync(string kind, Guid id, int? top, CancellationToken cancellationToken = default)
    {
        db.User.Demand(MatchingPermissions.Query);
        if (kind == MatchKinds.Expert && await people.FindAsync(id, cancellationToken) is null)
        {
            throw new NotFoundException("专家不存在");
        }
        var engine = await index.EngineAsync(cancellationToken);
        var record = engine.Stored(kind, id) ?? throw new NotFoundException(kind == MatchKinds.Expert ? "专家不存在" : "科技成果不存在");
        var text = record.Text.Length > MatchingRules.MaxText ? record.Text[..MatchingRules.MaxText] : record.Text;
        var (_, _, take) = MatchingRules.Validate(new MatchRequest(text.Length == 0 ? record.Title : text, null, top));
        return await new MatchRanker(index, demands, phds, people).RankAsync(new MatchQuery(MatchKinds.Demand, text, record.Field), take, cancellationToken);
    }
}
