using System.Globalization;
using Kechuang.Platform.Ui;

namespace Kechuang.Platform.Audit;

/// <summary>Columns of the audit log export: the names shown on the page, with the record key and time as written.</summary>
public static class AuditSheet
{
    public static readonly string[] Headers = ["序号", "时间", "账号", "操作", "对象", "记录标识", "客户端地址", "修改前", "修改后"];

    public static IDictionary<string, object?> Row(AuditNames names, AuditDto e) => new Dictionary<string, object?>
    {
        ["序号"] = e.Seq,
        ["时间"] = UiFormat.Local(e.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        ["账号"] = AuditNames.Account(e.Account),
        ["操作"] = names.Action(e.Action),
        ["对象"] = names.Entity(e.Entity),
        ["记录标识"] = e.EntityKey,
        ["客户端地址"] = e.ClientAddress,
        ["修改前"] = e.Before,
        ["修改后"] = e.After,
    };
}
