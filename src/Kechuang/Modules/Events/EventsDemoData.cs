using Kechuang.Platform.Demo;

namespace Kechuang.Modules.Events;

/// <summary>
/// The letter's press as individual records of 武义县 (docs/letter-figures.md S5, S12): the theme event
/// "五彩尝鲜，科技助力共富生活" held by the county government with 省农科院, with its reports in 钱江晚报 and 科技金融时报
/// (S12), and the reports of 学习强国, 浙江新闻 and 金华日报 on the commissioners' demonstrations (S5), described in words
/// until the commissioners' records can be named. Days, titles and the place are illustrative; links are left empty.
/// </summary>
internal sealed class EventsDemoData : IDemoData
{
    public const string Region = "330723";
    public const string ThemeEventTitle = "五彩尝鲜，科技助力共富生活";

    public int Order => 65;

    public async Task LoadAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var now = db.UtcNow;
        var theme = new Event(new EventFacts(Region, ThemeEventTitle, new DateOnly(2022, 8, 6), "武义县人民政府、浙江省农业科学院",
            "武义县科学技术局、武义县农业农村局", "武义县", "展示省农科院新品种新技术在武义的示范成果，推介特色农产品，助力科技强农、共同富裕。"), now);
        db.Add(theme);
        foreach (var (outlet, medium, day, title, subject) in new (string, MediaKind, DateOnly, string, string?)[]
        {
            ("钱江晚报", MediaKind.Newspaper, new(2022, 8, 7), "五彩尝鲜 科技助力共富生活主题活动在武义举行", null),
            ("科技金融时报", MediaKind.Newspaper, new(2022, 8, 9), "省农科院携新品种新技术走进武义", null),
            ("学习强国", MediaKind.NewMedia, new(2022, 6, 18), "武义：莲田养鱼 一水两用", "科技特派员莲渔综合种养模式示范推广"),
            ("浙江新闻", MediaKind.Online, new(2022, 9, 2), "武义推广雄蚕与小蚕共育技术 蚕农增收有新路", "科技特派员优质雄蚕与小蚕共育技术示范推广"),
            ("金华日报", MediaKind.Newspaper, new(2022, 9, 15), "科技特派员把新技术送到田间地头", "科技特派员示范推广工作"),
        })
        {
            db.Add(new MediaReport(new MediaReportFacts(Region, outlet, medium, day, title, null, subject is null ? theme.Id : null, subject), now));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
