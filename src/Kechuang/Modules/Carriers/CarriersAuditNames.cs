using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Carriers;

/// <summary>The audit log's names for the carriers' tables and the fields of their records.</summary>
internal sealed class CarriersAuditNames : IAuditVocabulary
{
    public int Order => 300;

    public IReadOnlyList<KeyValuePair<string, string>> Entities { get; } =
    [
        new("carriers_carrier", "创新载体"),
        new("carriers_unit", "载体单元"),
        new("carriers_tenancy", "入驻记录"),
        new("carriers_tenancy_unit", "入驻单元"),
        new("carriers_parcel", "土地地块"),
        new("carriers_parcel_step", "地块审批环节"),
        new("carriers_project", "建设项目"),
        new("carriers_project_milestone", "项目里程碑"),
        new("carriers_progress_report", "工程形象进度"),
        new("carriers_payment", "载体资金记录"),
    ];

    public IReadOnlyDictionary<string, string> Fields { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Name"] = "名称",
        ["Kind"] = "类型",
        ["Level"] = "认定级别",
        ["ParentId"] = "所在载体",
        ["OperatorId"] = "运营主体",
        ["Address"] = "地址",
        ["Area"] = "面积（平方米）",
        ["OpenedOn"] = "开园（启用）日期",
        ["Capacity"] = "可入驻单元数",
        ["OccupancyBasis"] = "入驻率计算口径",
        ["Status"] = "运营状态",
        ["CarrierId"] = "载体",
        ["Floor"] = "楼层",
        ["Number"] = "单元号",
        ["Use"] = "用途",
        ["AvailableFrom"] = "交付日期",
        ["Claims"] = "入驻占用次数",
        ["EnteredOn"] = "入驻（注册）日期",
        ["LeftOn"] = "迁出日期",
        ["TenancyId"] = "入驻记录",
        ["UnitId"] = "单元",
        ["Location"] = "坐落",
        ["AreaSquareMetres"] = "面积（平方米）",
        ["PlannedProject"] = "拟建项目",
        ["ParcelId"] = "地块",
        ["SubmittedOn"] = "报批日期",
        ["CompletedOn"] = "完成日期",
        ["Note"] = "备注",
        ["ProjectId"] = "建设项目",
        ["PlannedOn"] = "计划日期",
        ["ActualOn"] = "实际日期",
        ["Month"] = "月份",
        ["Percent"] = "形象进度（%）",
        ["Instalment"] = "期次",
        ["AmountFen"] = "金额（分）",
        ["PaidOn"] = "支付日期",
        ["Counterparty"] = "对方单位",
    };
}
