using Kechuang.Modules.Directory.Public;
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
            h.HandleAsync(new EnterpriseListQuery(regionCode, qualification, year, list), ct));
        api.MapGet("/enterprises/export", async (string? regionCode, string? qualification, int? year, [AsParameters] ListQuery list, ListEnterprisesHandler h,
            KechuangDb db, CancellationToken ct) =>
        {
            var rows = await h.AllAsync(new EnterpriseListQuery(regionCode, qualification, year, list), ct);
            db.AuditEvent("enterprises_profile", "export", "export", $"{{\"rows\":{rows.Count}}}");
            await db.SaveChangesAsync(ct);
            var bytes = await ExcelFile.WriteAsync(rows.Select(EnterpriseListSheet.Row), EnterpriseListSheet.Headers, ct);
            return TypedResults.File(bytes, ExcelFile.ContentType, "企业培育档案.xlsx");
        });
        api.MapPost("/enterprises", async (ProfileBody body, CreateProfileHandler h, CancellationToken ct) =>
            CreatedAt("/api/v1/enterprises", await h.HandleAsync(body, ct)));
        api.MapGet("/enterprises/{enterpriseId:guid}", async (Guid enterpriseId, GetProfileHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.HandleAsync(enterpriseId, ct) ?? throw new NotFoundException("企业档案不存在或不在您的数据范围内")));
        api.MapPut("/enterprises/{enterpriseId:guid}", async (Guid enterpriseId, ProfileBody body, UpdateProfileHandler h, CancellationToken ct) =>
        {
            await h.HandleAsync(enterpriseId, body, ct);
            return TypedResults.NoContent();
        });

        api.MapGet("/enterprise-years", (string? regionCode, int? year, Guid? enterpriseId, int? page, int? pageSize, ListYearRecordsHandler h, CancellationToken ct) =>
            h.HandleAsync(new RecordQuery(regionCode, year, enterpriseId, null, page, pageSize), ct));
        api.MapPost("/enterprise-years", async (YearRecordBody body, SaveYearRecordHandler h, CancellationToken ct) =>
            CreatedAt("/api/v1/enterprise-years", await h.HandleAsync(body, ct)));
        api.MapGet("/enterprise-years/export", async (string? regionCode, int? year, Guid? enterpriseId, ListYearRecordsHandler h,
            IOrganizationDirectory directory, KechuangDb db, CancellationToken ct) =>
        {
            var rows = await h.AllAsync(new RecordQuery(regionCode, year, enterpriseId), ct);
            var codes = new Dictionary<Guid, string>();
            foreach (var id in rows.Select(r => r.EnterpriseId).Distinct())
            {
                codes[id] = (await directory.FindAsync(id, ct))?.CreditCode ?? "";
            }
            db.AuditEvent("enterprises_year_record", "export", "export", $"{{\"rows\":{rows.Count}}}");
            await db.SaveChangesAsync(ct);
            var bytes = await ExcelFile.WriteAsync(rows.Select(r => YearRecordSheet.Row(r, codes[r.EnterpriseId])), YearRecordSheet.Headers, ct);
            return TypedResults.File(bytes, ExcelFile.ContentType, "企业年度数据.xlsx");
        });
        api.MapGet("/enterprise-years/import-template", async (CancellationToken ct) =>
            TypedResults.File(await ExcelFile.WriteAsync([], YearRecordSheet.Headers, ct), ExcelFile.ContentType, "企业年度数据导入模板.xlsx"));
        api.MapPost("/enterprise-years/import", async (IFormFile file, ImportYearRecordsHandler h, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            return TypedResults.Ok(new ImportResult(await h.HandleAsync(stream, ct)));
        }).DisableAntiforgery();

        api.MapGet("/qualifications", (string? regionCode, int? year, Guid? enterpriseId, string? kind, int? page, int? pageSize, ListQualificationsHandler h, CancellationToken ct) =>
            h.HandleAsync(new RecordQuery(regionCode, year, enterpriseId, kind, page, pageSize), ct));
        api.MapPost("/qualifications", async (QualificationBody body, CreateQualificationHandler h, CancellationToken ct) =>
            CreatedAt("/api/v1/qualifications", await h.HandleAsync(body, ct)));

        api.MapGet("/rd-institutions", (string? regionCode, int? year, Guid? enterpriseId, int? page, int? pageSize, ListRdInstitutionsHandler h, CancellationToken ct) =>
            h.HandleAsync(new RecordQuery(regionCode, year, enterpriseId, null, page, pageSize), ct));
        api.MapPost("/rd-institutions", async (RdInstitutionBody body, CreateRdInstitutionHandler h, CancellationToken ct) =>
            CreatedAt("/api/v1/rd-institutions", await h.HandleAsync(body, ct)));

        api.MapGet("/intellectual-property", (string? regionCode, int? year, Guid? enterpriseId, string? kind, int? page, int? pageSize, ListIntellectualPropertyHandler h, CancellationToken ct) =>
            h.HandleAsync(new RecordQuery(regionCode, year, enterpriseId, kind, page, pageSize), ct));
        api.MapPost("/intellectual-property", async (IntellectualPropertyBody body, CreateIntellectualPropertyHandler h, CancellationToken ct) =>
            CreatedAt("/api/v1/intellectual-property", await h.HandleAsync(body, ct)));

        api.MapGet("/industrialization-filings", (string? regionCode, int? year, Guid? enterpriseId, int? page, int? pageSize, ListFilingsHandler h, CancellationToken ct) =>
            h.HandleAsync(new RecordQuery(regionCode, year, enterpriseId, null, page, pageSize), ct));
        api.MapPost("/industrialization-filings", async (FilingBody body, CreateFilingHandler h, CancellationToken ct) =>
            CreatedAt("/api/v1/industrialization-filings", await h.HandleAsync(body, ct)));

        api.MapGet("/award-nominations", (string? regionCode, int? year, Guid? enterpriseId, int? page, int? pageSize, ListAwardNominationsHandler h, CancellationToken ct) =>
            h.HandleAsync(new RecordQuery(regionCode, year, enterpriseId, null, page, pageSize), ct));
        api.MapPost("/award-nominations", async (AwardNominationBody body, CreateAwardNominationHandler h, CancellationToken ct) =>
            CreatedAt("/api/v1/award-nominations", await h.HandleAsync(body, ct)));
        return app;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Created<Created> CreatedAt(string path, Guid id) => TypedResults.Created($"{path}/{id}", new Created(id));
}
