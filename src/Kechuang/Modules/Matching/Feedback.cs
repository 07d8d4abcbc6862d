using Kechuang.Modules.Matching.Engine;
using Kechuang.Modules.Transfer.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Matching;

/// <summary>有用/无用: a staff member judges a result for a demand (or a query text); later rankings follow it (audited).</summary>
public sealed class AddFeedbackHandler(KechuangDb db, MatchIndex index, IDemandCatalog demands)
{
    public async Task<Guid> HandleAsync(FeedbackInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(MatchingPermissions.Feedback);
        var errors = new FieldErrors();
        var kind = input.Kind?.Trim() ?? "";
        if (!MatchingRules.KindNames.ContainsKey(kind))
        {
            errors.Add("kind", "结果类别应为 achievement、expert、phd 或 demand");
        }
        if (input.TargetId is null || input.TargetId == Guid.Empty)
        {
            errors.Add("targetId", "请指明被评价的匹配结果");
        }
        if (input.Useful is null)
        {
            errors.Add("useful", "请选择有用或无用");
        }
        if (input.DemandId is null && string.IsNullOrWhiteSpace(input.Text))
        {
            errors.Add("text", "请指明需求或填写需求内容");
        }
        else if (input.Text is { Length: > MatchingRules.MaxText })
        {
            errors.Add("text", $"需求内容不能超过 {MatchingRules.MaxText} 个字");
        }
        errors.ThrowIfAny();
        var text = input.Text?.Trim() ?? "";
        if (input.DemandId is { } demandId)
        {
            var demand = await demands.FindAsync(demandId, cancellationToken) ?? throw new NotFoundException("需求不存在");
            text = ListDemandMatchesHandler.DemandText(demand);
        }
        var engine = await index.EngineAsync(cancellationToken);
        var terms = engine.Concepts(text).Select(c => c.Term);
        var feedback = new MatchFeedback(kind, input.TargetId!.Value, input.DemandId, text, terms, input.Useful!.Value, db.User.UserName, db.UtcNow);
        db.Add(feedback);
        await db.SaveChangesAsync(cancellationToken);
        await index.ReloadFeedbackAsync(cancellationToken);
        return feedback.Id;
    }
}
