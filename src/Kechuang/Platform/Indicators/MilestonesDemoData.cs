using Kechuang.Platform.Demo;

namespace Kechuang.Platform.Indicators;

/// <summary>
/// The reply letter's "下一步" promises that no number measures (重点企业研究院 and 研发机构全覆盖 are targets T17/T18 with
/// their indicators, so they are not repeated here), as 武义县's milestones of 2023, each with the unit that
/// carries it and the year's end as its time limit. Owner units and days are illustrative; none is done yet, as on the
/// letter's date.
/// </summary>
internal sealed class MilestonesDemoData : IDemoData
{
    public const string Region = "330723";
    public const int Year = 2023;

    private const string Bureau = "武义县科学技术局";
    private const string Zone = "武义经济开发区管委会";
    private const string TechCity = "武义科技城发展有限公司";
    private const string Institute = "武义智能制造产业技术研究院";

    internal static readonly (string Title, string Owner, DateOnly Due)[] Promises =
    [
        ("制订完善省级高新园区创建方案，启动申报", Zone, new(Year, 9, 30)),
        ("深化科技城发展公司运营机制改革，推进政企分开、市场化运作", TechCity, new(Year, 12, 31)),
        ("完成3#、8#楼装修，交付运营", TechCity, new(Year, 12, 31)),
        ("争创国家级众创空间", TechCity, new(Year, 12, 31)),
        ("推进杭州武义“科创飞地”交付运营", Bureau, new(Year, 12, 31)),
        ("建成有机茶药农业科技园区管理服务中心", "武义县农业农村局", new(Year, 12, 31)),
        ("探索建设农业科技创新联合中心，争创国家级农业科技园区", Bureau, new(Year, 12, 31)),
        ("推进武义智能制造产业技术研究院市级重点实验室建设", Institute, new(Year, 12, 31)),
        ("搭建工业互联网平台，建成智能样板工厂", Institute, new(Year, 12, 31)),
        ("建成培训中心、角磨机生产样板线", Institute, new(Year, 12, 31)),
        ("启动手枪钻生产样板线研发建设", Institute, new(Year, 12, 31)),
        ("争创海外院士工作站", Institute, new(Year, 12, 31)),
    ];

    public int Order => 90;

    public async Task LoadAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        foreach (var (title, owner, due) in Promises)
        {
            db.Add(new Milestone(Region, Year, title, owner, due, null, db.UtcNow));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
