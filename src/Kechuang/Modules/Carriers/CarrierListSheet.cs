using System.Globalization;
using Kechuang.Platform.Excel;

namespace Kechuang.Modules.Carriers;

/// <summary>The carrier module's list exports that have no import: the carrier list and the park tech SMEs (T5).</summary>
public static class CarrierListSheet
{
    /// <summary>The carrier list as shown, tenants counted on the day of export.</summary>
    public static readonly ExportSheet<CarrierDto> Export = new ExportSheet<CarrierDto>("创新载体.xlsx", "carriers_carrier")
        .Column("载体名称", c => c.Name)
        .Column("类型", c => c.KindName)
        .Column("级别", c => c.LevelName)
        .Column("行政区划代码", c => c.RegionCode)
        .Column("所在地区", c => c.RegionName)
        .Column("运营主体", c => c.OperatorName)
        .Column("面积（㎡）", c => c.Area)
        .Column("开园日期", c => c.OpenedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        .Column("状态", c => c.StatusName)
        .Column("注册企业", c => c.RegisteredCount)
        .Column("入驻企业", c => c.ResidentCount)
        .Column("可入驻单元数", c => c.Capacity)
        .Column("入驻率（%）", c => c.OccupancyRate)
        .Column("统计日期", c => c.CountedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>The enterprises counted by enterprises.park-tech-sme-count.</summary>
    public static readonly ExportSheet<ParkTechSmeDto> ParkTechSmes = new ExportSheet<ParkTechSmeDto>("园区科技型中小企业.xlsx", "carriers_tenancy")
        .Column("企业名称", r => r.EnterpriseName)
        .Column("统一社会信用代码", r => r.CreditCode)
        .Column("入驻载体", r => r.Carriers)
        .Column("入驻日期", r => r.EnteredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>The parcel list: area in ㎡ (two decimals) and in 亩 (four), each approval step's state.</summary>
    public static readonly ExportSheet<ParcelDto> Parcels = new ExportSheet<ParcelDto>("土地地块.xlsx", "carriers_parcel")
        .Column("地块名称", p => p.Name)
        .Column("行政区划代码", p => p.RegionCode)
        .Column("所在地区", p => p.RegionName)
        .Column("所在园区", p => p.CarrierName)
        .Column("坐落", p => p.Location)
        .Column("面积（㎡）", p => decimal.Round(p.AreaSquareMetres, 2, MidpointRounding.AwayFromZero))
        .Column("面积（亩）", p => decimal.Round(p.AreaMu, 4, MidpointRounding.AwayFromZero))
        .Column("用地性质", p => p.UseName)
        .Column("拟建项目", p => p.PlannedProject)
        .Column("审批环节", p => p.StepsText);

    /// <summary>The project list: each milestone's planned and actual day, the latest progress of the list (or of the year asked).</summary>
    public static readonly ExportSheet<ProjectDto> Projects = ProjectColumns(new ExportSheet<ProjectDto>("建设项目.xlsx", "carriers_project")
        .Column("项目名称", p => p.Name)
        .Column("行政区划代码", p => p.RegionCode)
        .Column("所在地区", p => p.RegionName)
        .Column("建设载体", p => p.CarrierName)
        .Column("所在地块", p => p.ParcelName))
        .Column("工程形象进度（%）", p => p.Progress)
        .Column("进度填报月份", p => p.ProgressMonth);

    /// <summary>A carrier's or the region's money records, amounts in 元.</summary>
    public static readonly ExportSheet<PaymentDto> Payments = new ExportSheet<PaymentDto>("载体资金记录.xlsx", "carriers_payment")
        .Column("载体名称", p => p.CarrierName)
        .Column("资金类型", p => p.KindName)
        .Column("期次", p => p.Instalment)
        .Column("金额（元）", p => p.Amount)
        .Column("支付（到账）日期", p => Day(p.PaidOn))
        .Column("对方单位", p => p.Counterparty)
        .Column("说明", p => p.Note);

    private static ExportSheet<ProjectDto> ProjectColumns(ExportSheet<ProjectDto> sheet)
    {
        foreach (var (kind, name) in ProjectRules.MilestoneNames)
        {
            var key = Platform.Problems.Kebab.From(kind);
            sheet.Column($"{name}（计划）", p => Day(p.Milestones.First(m => m.Kind == key).PlannedOn))
                .Column($"{name}（实际）", p => Day(p.Milestones.First(m => m.Kind == key).ActualOn));
        }
        return sheet;
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
