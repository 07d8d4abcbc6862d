using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Enterprises;

public static class EnterprisesApi
{
    public sealed record Created(Guid Id);

    public sealed record ImportResult(int Imported);

    public static IEndpointRouteBuilder MapEnterprisesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization().WithTags("企业培育");

        api.MapGet("/enterprises", (string? regionCode, string? qualification, int? year, [AsParameters] ListQuery list, ListEnterprisesHandler h, CancellationToken ct) =>
            h.HandleAsync(new EnterpriseListQuery(regionCode, qualification, year, list), ct))
            .WithName("ListEnterprises")
            .WithSummary("查询企业培育档案");
        api.MapGet("/enterprises/export", async (string? regionCode, string? qualification, int? year, [AsParameters] ListQuery list, FromReports<ListEnterprisesHandler> h,
            KechuangDb db, CancellationToken ct) =>
            await EnterpriseListSheet.Export.FileAsync(db, await h.Handler.AllAsync(new EnterpriseListQuery(regionCode, qualification, year, list), ct), ct))
            .WithName("ExportEnterprises")
            .WithSummary("导出企业培育档案");
        api.MapPost("/enterprises", async (ProfileBody body, CreateProfileHandler h, CancellationToken ct) =>
            CreatedAt("/api/v1/enterprises", await h.HandleAsync(body, ct)))
            .WithPermission(EnterprisesPermissions.ChangeProfile)
            .WithName("CreateEnterpriseProfile")
            .WithSummary("建立企业培育档案")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/enterprises/{enterpriseId:guid}", async (Guid enterpriseId, GetProfileHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.HandleAsync(enterpriseId, ct) ?? throw new NotFoundException("企业档案不存在或不在您的数据范围内")))
            .WithName("GetEnterpriseProfile")
            .WithSummary("查看企业培育档案");
        api.MapPut("/enterprises/{enterpriseId:guid}", async (Guid enterpriseId, ProfileBody body, UpdateProfileHandler h, CancellationToken ct) =>
        {
            await h.HandleAsync(enterpriseId, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(EnterprisesPermissions.ChangeProfile)
            .WithName("UpdateEnterpriseProfile")
            .WithSummary("修改企业培育档案");

        api.MapGet("/enterprise-years", (string? regionCode, int? year, Guid? enterpriseId, int? page, int? pageSize, ListYearRecordsHandler h, CancellationToken ct) =>
            h.HandleAsync(new RecordQuery(regionCode, year, enterpriseId, null, page, pageSize), ct))
            .WithName("ListEnterpriseYears")
            .WithSummary("查询企业年度经营数据");
        api.MapPost("/enterprise-years", async (YearRecordBody body, SaveYearRecordHandler h, CancellationToken ct) =>
            CreatedAt("/api/v1/enterprise-years", await h.HandleAsync(body, ct)))
            .WithPermission(EnterprisesPermissions.ChangeYears)
            .WithName("SaveEnterpriseYear")
            .WithSummary("保存企业年度经营数据（该企业该年度已有则替换）");
        api.MapGet("/enterprise-years/export", async (string? regionCode, int? year, Guid? enterpriseId, FromReports<ListYearRecordsHandler> h,
            IOrganizationDirectory directory, KechuangDb db, CancellationToken ct) =>
            await YearRecordSheet.Export.FileAsync(db, await YearRecordSheet.RowsAsync(directory, await h.Handler.AllAsync(new RecordQuery(regionCode, year, enterpriseId), ct), ct), ct))
            .WithName("ExportEnterpriseYears")
            .WithSummary("导出企业年度经营数据");
        api.MapGet("/enterprise-years/import-template", () => YearRecordSheet.Sheet.Template())
            .WithName("GetEnterpriseYearImportTemplate")
            .WithSummary("下载企业年度经营数据导入模板");
        api.MapPost("/enterprise-years/import", async (ImportFile file, ImportYearRecordsHandler h, CancellationToken ct) =>
            TypedResults.Ok(new ImportResult(await h.HandleAsync(file, ct)))).DisableAntiforgery()
            .WithPermission(EnterprisesPermissions.ChangeYears)
            .WithName("ImportEnterpriseYears")
            .WithSummary("导入企业年度经营数据（有错误行则全部不导入）");

        api.MapGet("/qualifications", (string? regionCode, int? year, Guid? enterpriseId, string? kind, string? status, int? page, int? pageSize, ListQualificationsHandler h, CancellationToken ct) =>
            h.HandleAsync(new RecordQuery(regionCode, year, enterpriseId, kind, page, pageSize, status), ct))
            .WithName("ListQualifications")
            .WithSummary("查询企业资质");
        api.MapPost("/qualifications", async (QualificationBody body, CreateQualificationHandler h, CancellationToken ct) =>
            CreatedAt("/api/v1/qualifications", await h.HandleAsync(body, ct)))
            .WithPermission(EnterprisesPermissions.CreateQualification)
            .WithName("CreateQualification")
            .WithSummary("登记企业资质")
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/rd-institutions", (string? regionCode, int? year, Guid? enterpriseId, int? page, int? pageSize, ListRdInstitutionsHandler h, CancellationToken ct) =>
            h.HandleAsync(new RecordQuery(regionCode, year, enterpriseId, null, page, pageSize), ct))
            .WithName("ListRdInstitutions")
            .WithSummary("查询企业研发机构");
        api.MapPost("/rd-institutions", async (RdInstitutionBody body, CreateRdInstitutionHandler h, CancellationToken ct) =>
            CreatedAt("/api/v1/rd-institutions", await h.HandleAsync(body, ct)))
            .WithPermission(EnterprisesPermissions.CreateRdInstitution)
            .WithName("CreateRdInstitution")
            .WithSummary("登记企业研发机构");

        api.MapGet("/intellectual-property", (string? regionCode, int? year, Guid? enterpriseId, string? kind, int? page, int? pageSize, ListIntellectualPropertyHandler h, CancellationToken ct) =>
            h.HandleAsync(new RecordQuery(regionCode, year, enterpriseId, kind, page, pageSize), ct))
            .WithName("ListIntellectualProperty")
            .WithSummary("查询知识产权");
        api.MapPost("/intellectual-property", async (IntellectualPropertyBody body, CreateIntellectualPropertyHandler h, CancellationToken ct) =>
            CreatedAt("/api/v1/intellectual-property", await h.HandleAsync(body, ct)))
            .WithPermission(EnterprisesPermissions.CreateIntellectualProperty)
            .WithName("CreateIntellectualProperty")
            .WithSummary("登记知识产权")
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/enterprises/records", (string? type, string? regionCode, int? year, string? kind, string? level, DateOnly? asOf, int? page, int? pageSize,
                ListIndicatorRecordsHandler h, CancellationToken ct) =>
            h.HandleAsync(new RecordTableQuery(type, regionCode, year, kind, level, page, pageSize, asOf), ct))
            .WithName("ListIndicatorRecords")
            .WithSummary("查询企业培育指标明细")
            .WithDescription("企业培育和知识产权指标所计的记录：与页面 /enterprises/records 使用同一查询参数，指标的 recordsApiUrl 指向这里。");
        api.MapGet("/innovation-entities", (string? regionCode, int? year, int? page, int? pageSize, ListInnovationEntitiesHandler h, CancellationToken ct) =>
            h.HandleAsync(regionCode, year, page, pageSize, ct))
            .WithName("ListInnovationEntities")
            .WithSummary("查询科技型中小企业等创新主体")
            .WithDescription("某年度内为科技型中小企业、持有有效高新技术企业证书或已有研发机构的企业，每家计一次（指标 enterprises.innovation-entities）。");

        api.MapGet("/industrialization-filings", (string? regionCode, int? year, int? implementedIn, Guid? enterpriseId, int? page, int? pageSize, ListFilingsHandler h,
                CancellationToken ct) =>
            h.HandleAsync(new RecordQuery(regionCode, year, enterpriseId, null, page, pageSize, ImplementedIn: implementedIn), ct))
            .WithName("ListIndustrializationFilings")
            .WithSummary("查询产业化备案");
        api.MapPost("/industrialization-filings", async (FilingBody body, CreateFilingHandler h, CancellationToken ct) =>
            CreatedAt("/api/v1/industrialization-filings", await h.HandleAsync(body, ct)))
            .WithPermission(EnterprisesPermissions.CreateFiling)
            .WithName("CreateIndustrializationFiling")
            .WithSummary("登记产业化备案");

        api.MapGet("/award-nominations", (string? regionCode, int? year, Guid? enterpriseId, string? status, int? page, int? pageSize, ListAwardNominationsHandler h, CancellationToken ct) =>
            h.HandleAsync(new RecordQuery(regionCode, year, enterpriseId, null, page, pageSize, status), ct))
            .WithName("ListAwardNominations")
            .WithSummary("查询科技奖励提名");
        api.MapPost("/award-nominations", async (AwardNominationBody body, CreateAwardNominationHandler h, CancellationToken ct) =>
            CreatedAt("/api/v1/award-nominations", await h.HandleAsync(body, ct)))
            .WithPermission(EnterprisesPermissions.CreateAwardNomination)
            .WithName("CreateAwardNomination")
            .WithSummary("登记科技奖励提名");

        api.MapPost("/qualifications/claims", async (QualificationBody body, SubmitQualificationClaimHandler h, CancellationToken ct) =>
            CreatedAt("/api/v1/qualifications", await h.HandleAsync(body, ct)))
            .WithPermission(EnterprisesPermissions.SubmitClaim)
            .WithName("SubmitQualificationClaim")
            .WithSummary("企业申报本企业资质（待确认）")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/award-nominations/claims", async (AwardNominationBody body, SubmitAwardClaimHandler h, CancellationToken ct) =>
            CreatedAt("/api/v1/award-nominations", await h.HandleAsync(body, ct)))
            .WithPermission(EnterprisesPermissions.SubmitClaim)
            .WithName("SubmitAwardClaim")
            .WithSummary("企业申报本企业奖项结果（待确认）");
        api.MapGet("/enterprise-claims", (string? status, int? page, int? pageSize, ListClaimsHandler h, CancellationToken ct) =>
            h.HandleAsync(new ClaimQuery(status, page, pageSize), ct))
            .WithPermission(EnterprisesPermissions.ReadClaims)
            .WithName("ListEnterpriseClaims")
            .WithSummary("查询企业申报的资质、奖项结果（两类合并，最新在前）");
        MapDecisions(api, "/qualifications", ClaimRecord.Qualification, "Qualification", "资质");
        MapDecisions(api, "/award-nominations", ClaimRecord.AwardNomination, "AwardNomination", "奖项");
        return app;
    }

    private static void MapDecisions(RouteGroupBuilder api, string path, ClaimRecord record, string name, string label)
    {
        api.MapPost(path + "/{id:guid}/confirm", async (Guid id, ConfirmClaimHandler h, CancellationToken ct) =>
            {
                await h.HandleAsync(record, id, ct);
                return TypedResults.NoContent();
            })
            .WithPermission(EnterprisesPermissions.DecideClaim)
            .WithName($"Confirm{name}Claim")
            .WithSummary($"确认企业申报的{label}")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost(path + "/{id:guid}/reject", async (Guid id, ClaimDecisionBody body, RefuseClaimHandler h, CancellationToken ct) =>
            {
                await h.HandleAsync(record, id, body, ct);
                return TypedResults.NoContent();
            })
            .WithPermission(EnterprisesPermissions.DecideClaim)
            .WithName($"Reject{name}Claim")
            .WithSummary($"驳回企业申报的{label}（须填写理由）")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Created<Created> CreatedAt(string path, Guid id) => TypedResults.Created($"{path}/{id}", new Created(id));
}
