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

    /// <summary>The matchmaking events as the list shows them; events have no import.</summary>
    public static readonly ExportSheet<EventDto> MatchmakingEvents = new ExportSheet<EventDto>("对接活动.xlsx", "transfer_event")
        .Column("活动名称", e => e.Title)
        .Column("形式", e => e.ModeName)
        .Column("活动日期", e => TransferQueries.Day(e.HeldOn))
        .Column("行政区划代码", e => e.RegionCode)
        .Column("所在地区", e => e.RegionName)
        .Column("地点", e => e.Place)
        .Column("主办单位", e => e.Organizers)
        .Column("依托工作站", e => e.StationName)
        .Column("专家（人次）", e => e.ExpertCount)
        .Column("参加企业（家）", e => e.EnterpriseCount)
        .Column("活动简介", e => e.Summary);

    /// <summary>The expert attendances (the records of transfer.expert-attendances), one row a 人次.</summary>
    public static readonly ExportSheet<AttendanceDto> Attendances = new ExportSheet<AttendanceDto>("专家对接人次.xlsx", "transfer_expert_attendance")
        .Column("专家姓名", a => a.ExpertName)
        .Column("职称", a => a.Title)
        .Column("所在院校", a => a.InstitutionName)
        .Column("对接活动", a => a.EventTitle)
        .Column("活动日期", a => TransferQueries.Day(a.HeldOn));

    /// <summary>The institute–county projects, funding in 元.</summary>
    public static readonly ExportSheet<ProjectDto> Projects = new ExportSheet<ProjectDto>("院县科技合作项目.xlsx", "transfer_institute_county_project")
        .Column("项目名称", p => p.Name)
        .Column("重大项目", p => p.IsMajor ? "是" : "否")
        .Column("合作院校", p => p.InstitutionName)
        .Column("合作企业", p => p.EnterpriseName)
        .Column("立项日期", p => TransferQueries.Day(p.ApprovedOn))
        .Column("项目经费（元）", p => p.Funding)
        .Column("行政区划代码", p => p.RegionCode)
        .Column("所在地区", p => p.RegionName)
        .Column("备注", p => p.Note);

    /// <summary>The key labs and industrial institutes with every recognition step, oldest first.</summary>
    public static readonly ExportSheet<KeyLabDto> KeyLabs = new ExportSheet<KeyLabDto>("重点实验室与产业研究院.xlsx", "transfer_key_lab")
        .Column("名称", l => l.Name)
        .Column("类型", l => l.KindName)
        .Column("依托单位", l => l.HostName)
        .Column("合作院校", l => l.InstitutionName)
        .Column("研究方向", l => l.Fields)
        .Column("成立日期", l => TransferQueries.Day(l.FoundedOn))
        .Column("行政区划代码", l => l.RegionCode)
        .Column("所在地区", l => l.RegionName)
        .Column("当前环节", l => l.StateText ?? "尚未认定")
        .Column("认定环节", l => string.Join("；", l.Recognitions.Select(r => $"{TransferQueries.Day(r.On)} {r.LevelName}{r.StepName}{(r.Document is { } doc ? "：" + doc : "")}")));
}
