using Kechuang.Platform.Excel;

namespace Kechuang.Modules.Transfer;

/// <summary>The module's sheets: each import's columns, and its export from the same declaration, so that an export imports again.</summary>
public static class TransferSheets
{
    public static class Stations
    {
        public static readonly SheetColumn Name = new("工作站名称", "name");
        public static readonly SheetColumn Institution = new("依托院校", "institution", "institutionId");
        public static readonly SheetColumn InstitutionCode = new("院校统一社会信用代码", "institutionCode");
        public static readonly SheetColumn Region = new("所在行政区划代码", "regionCode");
        public static readonly SheetColumn OpenedOn = new("设立日期", "openedOn");
        public static readonly SheetColumn Staff = new("驻站人员", "staff");
        public static readonly SheetColumn Fields = new("服务技术领域", "fields");
        public static readonly SheetColumn Contact = new("联系方式", "contact");

        public static readonly ImportSheet Sheet = new("技术转移工作站导入模板.xlsx", "transfer_station", Name, Institution, InstitutionCode, Region, OpenedOn, Staff, Fields, Contact);

        public static readonly ExportSheet<StationDto> Export = Sheet.Export<StationDto>("技术转移工作站.xlsx", new()
        {
            [Name] = s => s.Name,
            [Institution] = s => s.InstitutionName,
            [InstitutionCode] = s => s.InstitutionCreditCode,
            [Region] = s => s.RegionCode,
            [OpenedOn] = s => TransferQueries.Day(s.OpenedOn),
            [Staff] = s => s.Staff,
            [Fields] = s => s.Fields,
            [Contact] = s => s.Contact,
        });
    }

    public static class Demands
    {
        public static readonly SheetColumn Enterprise = new("企业名称", "enterpriseName");
        public static readonly SheetColumn CreditCode = new("统一社会信用代码", "creditCode", "enterpriseId");
        public static readonly SheetColumn Kind = new("需求类型", "kind");
        public static readonly SheetColumn Title = new("需求名称", "title");
        public static readonly SheetColumn Description = new("需求内容", "description");
        public static readonly SheetColumn Field = new("技术领域", "field");
        public static readonly SheetColumn Budget = new("预算金额（元）", "budget");
        public static readonly SheetColumn Deadline = new("截止日期", "deadline");
        public static readonly SheetColumn CollectedOn = new("征集（登记）日期", "collectedOn");
        public static readonly SheetColumn Campaign = new("需求征集", "campaignId");
        public static readonly SheetColumn Status = new("状态", "status");

        public static readonly ImportSheet Sheet = new("需求导入模板.xlsx", "transfer_demand", Enterprise, CreditCode, Kind, Title, Description, Field, Budget, Deadline,
            CollectedOn, Campaign, Status);

        public static readonly ExportSheet<DemandDto> Export = Sheet.Export<DemandDto>("企业技术和人才需求.xlsx", new()
        {
            [Enterprise] = d => d.EnterpriseName,
            [CreditCode] = d => d.CreditCode,
            [Kind] = d => d.KindName,
            [Title] = d => d.Title,
            [Description] = d => d.Description,
            [Field] = d => d.Field,
            [Budget] = d => d.Budget,
            [Deadline] = d => TransferQueries.Day(d.Deadline),
            [CollectedOn] = d => TransferQueries.Day(d.CollectedOn),
            [Campaign] = d => d.CampaignName,
            [Status] = d => d.StatusName,
        });
    }

    public static class Cooperations
    {
        public static readonly SheetColumn Title = new("合作项目名称", "title");
        public static readonly SheetColumn Enterprise = new("合作企业", "enterpriseName");
        public static readonly SheetColumn CreditCode = new("企业统一社会信用代码", "creditCode", "enterpriseId");
        public static readonly SheetColumn Institution = new("合作院校", "institution", "institutionId");
        public static readonly SheetColumn Kind = new("合作方式", "kind");
        public static readonly SheetColumn Amount = new("合作金额（元）", "amount");
        public static readonly SheetColumn SignedOn = new("签约日期", "signedOn");
        public static readonly SheetColumn Station = new("来源工作站", "stationId");
        public static readonly SheetColumn Note = new("合作内容", "note");

        public static readonly ImportSheet Sheet = new("校企合作导入模板.xlsx", "transfer_cooperation", Title, Enterprise, CreditCode, Institution, Kind, Amount, SignedOn, Station, Note);

        public static readonly ExportSheet<CooperationDto> Export = Sheet.Export<CooperationDto>("校企合作.xlsx", new()
        {
            [Title] = c => c.Title,
            [Enterprise] = c => c.EnterpriseName,
            [CreditCode] = c => c.EnterpriseCreditCode,
            [Institution] = c => c.InstitutionName,
            [Kind] = c => c.KindName,
            [Amount] = c => c.Amount,
            [SignedOn] = c => TransferQueries.Day(c.SignedOn),
            [Station] = c => c.StationName,
            [Note] = c => c.Note,
        });
    }

    /// <summary>The station payments (the records of transfer.station-funds), amounts in 元.</summary>
    public static readonly ExportSheet<StationPaymentDto> Payments = new ExportSheet<StationPaymentDto>("工作站经费及奖励兑现.xlsx", "transfer_station_payment")
        .Column("工作站", p => p.StationName)
        .Column("资金类型", p => p.KindName)
        .Column("考核年度", p => p.AssessmentYear)
        .Column("金额（元）", p => p.Amount)
        .Column("兑现日期", p => TransferQueries.Day(p.PaidOn))
        .Column("说明", p => p.Note);
}
