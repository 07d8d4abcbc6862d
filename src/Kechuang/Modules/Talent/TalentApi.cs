using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kechuang.Modules.Talent;

public static class TalentApi
{
    public sealed record Created(Guid Id);

    public sealed record ImportResult(int Imported);

    public static IEndpointRouteBuilder MapTalentApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/talent").RequireAuthorization().WithTags("人才工作");

        api.MapGet("/options", async (ListTalentOptionsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithName("ListTalentOptions")
            .WithSummary("人才工作表单的选项（人才项目清单、人员、单位、博士）");

        // Applications (高层次人才项目申报); with year, the records of talent.applications, with level=national&result=approved of talent.national-approvals.
        api.MapGet("/applications", async (string? regionCode, int? year, string? level, string? result, [AsParameters] ListQuery list, ListApplicationsHandler handler,
            CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(new ApplicationQuery(regionCode, year, level, result, list), ct)))
            .WithName("ListTalentApplications")
            .WithSummary("查询高层次人才项目申报");
        api.MapGet("/applications/export", async (string? regionCode, int? year, string? level, string? result, [AsParameters] ListQuery list,
            FromReports<ListApplicationsHandler> handler, KechuangDb db, CancellationToken ct) =>
            await TalentSheets.ApplicationExport.FileAsync(db, await handler.Handler.AllAsync(new ApplicationQuery(regionCode, year, level, result, list), ct), ct))
            .WithName("ExportTalentApplications")
            .WithSummary("导出高层次人才项目申报");
        api.MapGet("/applications/import-template", () => TalentSheets.Applications.Template())
            .WithName("GetTalentApplicationImportTemplate")
            .WithSummary("下载人才项目申报导入模板");
        api.MapPost("/applications/import", async (ImportFile file, ImportApplicationsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(new ImportResult(await handler.HandleAsync(file, ct)))).DisableAntiforgery()
            .WithPermission(TalentPermissions.ChangeApplications)
            .WithName("ImportTalentApplications")
            .WithSummary("导入高层次人才项目申报（有错误行则全部不导入）");
        api.MapPost("/applications", async Task<Created<Created>> (ApplicationInput body, CreateApplicationHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/talent/applications/{id}", new Created(id));
        })
            .WithPermission(TalentPermissions.ChangeApplications)
            .WithName("CreateTalentApplication")
            .WithSummary("登记高层次人才项目申报")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/applications/{id:guid}", async (Guid id, GetApplicationHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("GetTalentApplication")
            .WithSummary("查看高层次人才项目申报");
        api.MapPut("/applications/{id:guid}", async (Guid id, ApplicationInput body, UpdateApplicationHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(TalentPermissions.ChangeApplications)
            .WithName("UpdateTalentApplication")
            .WithSummary("修改高层次人才项目申报")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/applications/{id:guid}/decision", async (Guid id, DecisionInput body, DecideApplicationHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(TalentPermissions.ChangeApplications)
            .WithName("DecideTalentApplication")
            .WithSummary("登记人才项目评审结果（获批、未获批）")
            .ProducesProblem(StatusCodes.Status409Conflict);

        // PhD profiles and enterprises' demands (百博入企).
        api.MapGet("/phds", async (string? regionCode, [AsParameters] ListQuery list, ListPhdsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new PhdQuery(regionCode, list), ct)))
            .WithName("ListPhds")
            .WithSummary("查询百博入企博士库");
        api.MapGet("/phds/export", async (string? regionCode, [AsParameters] ListQuery list, FromReports<ListPhdsHandler> handler, KechuangDb db, CancellationToken ct) =>
            await TalentSheets.PhdExport.FileAsync(db, await handler.Handler.AllAsync(new PhdQuery(regionCode, list), ct), ct))
            .WithName("ExportPhds")
            .WithSummary("导出百博入企博士库");
        api.MapPost("/phds", async Task<Created<Created>> (PhdInput body, CreatePhdHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/talent/phds/{id}", new Created(id));
        })
            .WithPermission(TalentPermissions.ChangePhds)
            .WithName("CreatePhd")
            .WithSummary("建立博士档案")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/phds/{id:guid}", async (Guid id, GetPhdHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("GetPhd")
            .WithSummary("查看博士档案");
        api.MapPut("/phds/{id:guid}", async (Guid id, PhdInput body, UpdatePhdHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(TalentPermissions.ChangePhds)
            .WithName("UpdatePhd")
            .WithSummary("修改博士档案")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/phd-demands", async (string? regionCode, int? year, [AsParameters] ListQuery list, ListPhdDemandsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new PhdDemandQuery(regionCode, year, list), ct)))
            .WithName("ListPhdDemands")
            .WithSummary("查询企业博士需求");
        api.MapGet("/phd-demands/export", async (string? regionCode, int? year, [AsParameters] ListQuery list, FromReports<ListPhdDemandsHandler> handler, KechuangDb db, CancellationToken ct) =>
            await TalentSheets.DemandExport.FileAsync(db, await handler.Handler.AllAsync(new PhdDemandQuery(regionCode, year, list), ct), ct))
            .WithName("ExportPhdDemands")
            .WithSummary("导出企业博士需求");
        api.MapPost("/phd-demands", async Task<Created<Created>> (PhdDemandInput body, CreatePhdDemandHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/talent/phd-demands/{id}", new Created(id));
        })
            .WithPermission(TalentPermissions.ChangePhds)
            .WithName("CreatePhdDemand")
            .WithSummary("登记企业博士需求");
        api.MapPut("/phd-demands/{id:guid}", async (Guid id, PhdDemandInput body, UpdatePhdDemandHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(TalentPermissions.ChangePhds)
            .WithName("UpdatePhdDemand")
            .WithSummary("修改企业博士需求");

        // Recommendations (推荐上报) and their placements; with year, the records of talent.phd-recommendations.
        api.MapGet("/phd-recommendations", async (string? regionCode, int? year, Guid? phdId, [AsParameters] ListQuery list, ListPhdRecommendationsHandler handler,
            CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(new PhdRecommendationQuery(regionCode, year, phdId, list), ct)))
            .WithName("ListPhdRecommendations")
            .WithSummary("查询百博入企推荐上报");
        api.MapGet("/phd-recommendations/export", async (string? regionCode, int? year, Guid? phdId, [AsParameters] ListQuery list, FromReports<ListPhdRecommendationsHandler> handler,
            KechuangDb db, CancellationToken ct) =>
            await TalentSheets.RecommendationExport.FileAsync(db, await handler.Handler.AllAsync(new PhdRecommendationQuery(regionCode, year, phdId, list), ct), ct))
            .WithName("ExportPhdRecommendations")
            .WithSummary("导出百博入企推荐上报");
        api.MapGet("/phd-recommendations/import-template", () => TalentSheets.Recommendations.Template())
            .WithName("GetPhdRecommendationImportTemplate")
            .WithSummary("下载百博入企推荐导入模板");
        api.MapPost("/phd-recommendations/import", async (ImportFile file, ImportPhdRecommendationsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(new ImportResult(await handler.HandleAsync(file, ct)))).DisableAntiforgery()
            .WithPermission(TalentPermissions.ChangePhds)
            .WithName("ImportPhdRecommendations")
            .WithSummary("导入百博入企推荐上报（有错误行则全部不导入）");
        api.MapPost("/phd-recommendations", async Task<Created<Created>> (PhdRecommendationInput body, CreatePhdRecommendationHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/talent/phd-recommendations/{id}", new Created(id));
        })
            .WithPermission(TalentPermissions.ChangePhds)
            .WithName("CreatePhdRecommendation")
            .WithSummary("登记百博入企推荐上报")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/phd-recommendations/{id:guid}", async (Guid id, GetPhdRecommendationHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("GetPhdRecommendation")
            .WithSummary("查看百博入企推荐上报");
        api.MapPut("/phd-recommendations/{id:guid}", async (Guid id, PhdRecommendationInput body, UpdatePhdRecommendationHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(TalentPermissions.ChangePhds)
            .WithName("UpdatePhdRecommendation")
            .WithSummary("修改百博入企推荐上报（含入企、离企日期）")
            .ProducesProblem(StatusCodes.Status409Conflict);

        // Introduced talents (引进博士及以上); with year, the records of talent.introduced-phds.
        api.MapGet("/introductions", async (string? regionCode, int? year, [AsParameters] ListQuery list, ListIntroductionsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new IntroductionQuery(regionCode, year, list), ct)))
            .WithName("ListTalentIntroductions")
            .WithSummary("查询引进人才");
        api.MapGet("/introductions/export", async (string? regionCode, int? year, [AsParameters] ListQuery list, FromReports<ListIntroductionsHandler> handler, KechuangDb db,
            CancellationToken ct) =>
            await TalentSheets.IntroductionExport.FileAsync(db, await handler.Handler.AllAsync(new IntroductionQuery(regionCode, year, list), ct), ct))
            .WithName("ExportTalentIntroductions")
            .WithSummary("导出引进人才");
        api.MapPost("/introductions", async Task<Created<Created>> (IntroductionInput body, CreateIntroductionHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/talent/introductions/{id}", new Created(id));
        })
            .WithPermission(TalentPermissions.ChangeIntroductions)
            .WithName("CreateTalentIntroduction")
            .WithSummary("登记引进人才")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/introductions/{id:guid}", async (Guid id, GetIntroductionHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("GetTalentIntroduction")
            .WithSummary("查看引进人才");
        api.MapPut("/introductions/{id:guid}", async (Guid id, IntroductionInput body, UpdateIntroductionHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(TalentPermissions.ChangeIntroductions)
            .WithName("UpdateTalentIntroduction")
            .WithSummary("修改引进人才")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
