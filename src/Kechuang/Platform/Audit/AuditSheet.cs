using System.Globalization;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Ui;

namespace Kechuang.Platform.Audit;

/// <summary>The audit log export: the names shown on the page, with the record key and time as written.</summary>
public static class AuditSheet
{
    /// <summary>Rows come with the action and object already named (see the export endpoint).</summary>
    public static readonly ExportSheet<AuditDto> Export = new ExportSheet<AuditDto>("审计日志.xlsx", "audit_entry")
        .Column("序号", e => e.Seq)
        .Column("时间", e => UiFormat.Local(e.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))
        .Column("账号", e => AuditNames.Account(e.Account))
        .Column("操作", e => e.Action)
        .Column("对象", e => e.Entity)
        .Column("记录标识", e => e.EntityKey)
        .Column("客户端地址", e => e.ClientAddress)
        .Column("修改前", e => e.Before)
        .Column("修改后", e => e.After);
}
