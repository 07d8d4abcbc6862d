using Kechuang.Platform.Demo;

namespace Kechuang.Modules.Matching;

/// <summary>
/// The starting thesaurus and domain dictionary: the county's industries (电动工具, 园林工具, 保温杯, 门业, 五金, 有机茶,
/// 铁皮石斛, 萤石 …) and groups that join workshop words to the words achievements are written in (杯子保温不够久 → 保温
/// 时长, 真空绝热; 电机太烫 → 温升, 散热). Staff extend both on the thesaurus page.
/// </summary>
internal sealed class MatchingDemoData : IDemoData
{
    internal static readonly (string Industry, string[] Words)[] Dictionary =
    [
        ("电动工具", ["电动工具", "锂电工具", "无刷电机", "电机控制", "角磨机", "电钻", "电锤", "齿轮箱", "电池包"]),
        ("园林工具", ["园林工具", "割草机", "打草机", "修枝机", "链锯", "吹风机"]),
        ("保温杯", ["保温杯", "真空杯", "保温时长", "真空绝热", "真空镀膜", "激光焊接"]),
        ("门业", ["防盗门", "门业", "门窗五金", "木门"]),
        ("五金", ["五金", "五金件", "压铸件", "无铬钝化", "表面处理", "打磨", "抛光"]),
        ("有机茶", ["有机茶", "茶叶加工", "揉捻机", "杀青"]),
        ("铁皮石斛", ["铁皮石斛", "组培快繁", "灵芝", "孢子粉", "中药材"]),
        ("萤石", ["萤石", "尾矿", "萤石尾矿", "综合利用"]),
        ("新材料", ["复合材料", "高分子材料", "功能涂层"]),
    ];

    internal static readonly (string Words, string Note)[] Synonyms =
    [
        ("无刷电机；BLDC电机；直流无刷电机；无刷直流电机", "电动工具的电机叫法"),
        ("保温；隔热；真空绝热；绝热；保温性能；保温时长", "保温杯“保温不够久”"),
        ("太烫；发烫；发热；温升；过热；散热", "电机、电池“太烫”"),
        ("打磨；抛光；研磨", "五金件表面处理"),
        ("杯子；保温杯；真空杯；水杯", "保温杯的叫法"),
        ("不够久；时间短；衰减", "保温“不够久”"),
        ("噪音；噪声；异响", ""),
        ("抖；抖动；振动；震动", ""),
        ("生锈；腐蚀；锈蚀；防锈", "五金件"),
        ("寿命；耐久性；耐用；用不久；坏得快", ""),
        ("电池；锂电池；电池包", ""),
        ("看不准；检测；识别；视觉检测", "外观检测"),
        ("发黄；变色；色差", ""),
    ];

    public int Order => 80;

    public async Task LoadAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var now = db.UtcNow;
        foreach (var (industry, words) in Dictionary)
        {
            foreach (var word in words)
            {
                db.Add(new DomainWord(word, industry, now));
            }
        }
        foreach (var (words, note) in Synonyms)
        {
            db.Add(new SynonymGroup(MatchingRules.SplitWords(words), note.Length == 0 ? null : note, now));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
