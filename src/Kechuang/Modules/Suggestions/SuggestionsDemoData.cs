using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Demo;
using Microsoft.Extensions.Options;

namespace Kechuang.Modules.Suggestions;

/// <summary>
/// The letter's frame (docs/letter-figures.md M1, M2) as records: 徐世群代表's suggestion 武35号 of 市人大八届一次会议, assigned to
/// 金华市科学技术局 with 市委组织部 and the 武义县 government as co-handlers, and its handling up to the reply of 2023年7月6日
/// (contact 马苏娟, 82270195), the deputy's 满意 and the publication, and the reply letter's template. The days other than the reply's, the opinions' and
/// meetings' wording, the class and a second suggestion (武12号, only received) are illustrative. Units added here take
/// demo credit numbers 660001–660099.
/// </summary>
internal sealed class SuggestionsDemoData(IOrganizationDirectory directory, IOptions<SuggestionTerms> terms) : IDemoData
{
    public const string Region = "330723";
    public const string Number = "武35号";
    public const string Session = "市人大八届一次会议";
    public const string LeadUnit = "金华市科学技术局";
    public const string Organisation = "中共金华市委组织部";
    public const string CountyGovernment = "武义县人民政府";
    private const string By = "金华市科学技术局";

    public int Order => 70;

    public async Task LoadAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var now = db.UtcNow;
        var number = 660_000;
        var units = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var (name, region) in new[] { (LeadUnit, "330702"), (Organisation, "330702"), (CountyGovernment, Region) })
        {
            units[name] = (await directory.FindByNameAsync(name, cancellationToken))?.Id
                ?? await directory.AddAsync(new NewOrganization(name, OrganizationKind.Government, DemoCodes.CreditCode(region, ++number), region), cancellationToken);
        }

        var s = new Suggestion(new SuggestionFacts(Region, Number, "关于加强山区县科技创新工作扶持力度的建议", "徐世群", null, Session,
            "从区域资源和创新资源要素配置、科技高层次人才引留、科技创新服务能力提升三个方面，建议加强对山区县科技创新工作的扶持。",
            new DateOnly(2023, 4, 7)), now);
        db.Add(s);
        var steps = new List<(string Action, DateOnly Day, string Text)> { ("receive", new(2023, 4, 7), $"收到{Session}徐世群代表的建议（{Number}）") };
        var assigned = new DateOnly(2023, 4, 10);
        s.Assign(assigned, units[LeadUnit], [units[Organisation], units[CountyGovernment]], terms.Value, now);
        foreach (var c in s.CoHandlers)
        {
            db.Add(c);
        }
        steps.Add(("assign", assigned, $"交办{LeadUnit}主办，{Organisation}、{CountyGovernment}会办，答复期限{s.Deadline:yyyy-MM-dd}"));
        s.SignFor(new DateOnly(2023, 4, 11), now);
        steps.Add(("sign-for", new(2023, 4, 11), "主办单位签收"));
        s.StartHandling(now);
        steps.Add(("start", new(2023, 4, 12), "开始办理"));
        foreach (var (stage, day, way, note) in new (ContactStage, DateOnly, string, string)[]
        {
            (ContactStage.Before, new(2023, 4, 20), "走访", "赴武义走访徐世群代表，了解建议的背景和山区县科技创新的具体诉求。"),
            (ContactStage.During, new(2023, 6, 15), "座谈", "在武义科技城召开座谈会，通报办理进展，听取代表对答复思路的意见。"),
            (ContactStage.After, new(2023, 7, 12), "走访", "答复后回访代表，当面听取对办理结果的意见。"),
        })
        {
            db.Add(new SuggestionContact(s.Id, new ContactFacts(stage, day, way, note), now));
            steps.Add(("contact", day, $"{SuggestionsRules.StageNames[stage]}与代表面商（{way}）"));
        }
        foreach (var (unit, day, opinion) in new[]
        {
            (Organisation, new DateOnly(2023, 5, 8), "支持武义县引进培育高层次科技人才，在人才项目推荐、博士入企等方面给予指导。"),
            (CountyGovernment, new DateOnly(2023, 5, 10), "加快科技城和飞地建设，推进技术转移、科技特派员和企业培育工作，并提出下一步目标。"),
        })
        {
            s.CoHandlers.Single(c => c.OrganizationId == units[unit]).GiveOpinion(day, opinion);
            steps.Add(("opinion", day, $"{unit}提出会办意见"));
        }
        var replied = new DateOnly(2023, 7, 6);
        s.Reply(new ReplyFacts(replied, ReplyClass.B, null, "马苏娟", "82270195"), now);
        steps.Add(("reply", replied, $"答复代表，{SuggestionsRules.ClassNames[ReplyClass.B]}"));
        s.Evaluate(Satisfaction.Satisfied, new DateOnly(2023, 7, 20), terms.Value, now);
        steps.Add(("feedback", new(2023, 7, 20), "代表反馈：满意"));
        s.Publish(new DateOnly(2023, 8, 1), now);
        steps.Add(("publish", new(2023, 8, 1), "答复全文公开（不含代表联系方式）"));
        foreach (var (action, day, text) in steps)
        {
            db.Add(new SuggestionStep(s.Id, action, day, text, By, now));
        }
        // The reply letter's text with its figures as tokens: generating it states what the other modules' records add up to.
        db.Add(new ReplyTemplate(s.Id, Region, Wu35ReplyTemplate.Title, Wu35ReplyTemplate.Body, By, now));

        var waiting = new Suggestion(new SuggestionFacts(Region, "武12号", "关于加快有机茶药农业科技园区建设的建议", "周建国", null, Session, null,
            new DateOnly(2023, 4, 7)), now);
        db.Add(waiting);
        db.Add(new SuggestionStep(waiting.Id, "receive", new DateOnly(2023, 4, 7), $"收到{Session}周建国代表的建议（武12号）", By, now));
        await db.SaveChangesAsync(cancellationToken);
    }
}
