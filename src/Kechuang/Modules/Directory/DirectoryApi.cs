using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kechuang.Modules.Directory;

public static class DirectoryApi
{
    public sealed record Created(Guid Id);

    public sealed record ImportResult(int Imported);

    public sealed record RegionDto(string Code, string Name, string? ParentCode, string Level);

    public static IEndpointRouteBuilder MapDirectoryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization().WithTags("组织与人员");

        api.MapGet("/regions", async (KechuangDb db, CancellationToken ct) =>
        {
            var regions = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.Set<Region>().OrderBy(r => r.Code).Select(r => new RegionDto(r.Code, r.Name, r.ParentCode, r.Level.ToString())), ct);
            return TypedResults.Ok(new Paged<RegionDto>(regions, regions.Count));
        })
            .WithName("ListRegions")
            .WithSummary("行政区划列表");

        // Bureau staff keep the directory; enterprises and institutions may correct their own entry (data scope limits them to it).
        api.MapPost("/organizations", async Task<Created<Created>> (OrganizationInput body, CreateOrganizationHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/organizations/{id}", new Created(id));
        })
            .WithPermission(DirectoryPermissions.CreateOrganization)
            .WithName("CreateOrganization")
            .WithSummary("新增组织")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/organizations", async (string? regionCode, string? kind, [AsParameters] ListQuery list, ListOrganizationsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new OrganizationQuery(regionCode, kind, list), ct)))
            .WithName("ListOrganizations")
            .WithSummary("查询组织名录");
        api.MapGet("/organizations/export", async (string? regionCode, string? kind, [AsParameters] ListQuery list, FromReports<ListOrganizationsHandler> handler, KechuangDb db, CancellationToken ct) =>
            await OrganizationSheet.Export.FileAsync(db, await handler.Handler.AllAsync(new OrganizationQuery(regionCode, kind, list), ct), ct))
            .WithName("ExportOrganizations")
            .WithSummary("导出组织名录");
        api.MapGet("/organizations/import-template", () => OrganizationSheet.Sheet.Template())
            .WithName("GetOrganizationImportTemplate")
            .WithSummary("下载组织导入模板");
        api.MapPost("/organizations/import", async (ImportFile file, ImportOrganizationsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(new ImportResult(await handler.HandleAsync(file, ct)))).DisableAntiforgery()
            .WithPermission(DirectoryPermissions.CreateOrganization)
            .WithName("ImportOrganizations")
            .WithSummary("导入组织（有错误行则全部不导入）");
        api.MapGet("/organizations/{id:guid}", async (Guid id, GetOrganizationHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("GetOrganization")
            .WithSummary("查看组织");
        api.MapPut("/organizations/{id:guid}", async (Guid id, OrganizationInput body, UpdateOrganizationHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(DirectoryPermissions.ChangeOrganization)
            .WithName("UpdateOrganization")
            .WithSummary("修改组织")
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/people", async Task<Created<Created>> (PersonInput body, CreatePersonHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/people/{id}", new Created(id));
        })
            .WithPermission(DirectoryPermissions.CreatePerson)
            .WithName("CreatePerson")
            .WithSummary("新增人员");
        api.MapGet("/people", async (string? regionCode, string? kind, Guid? organizationId, [AsParameters] ListQuery list, ListPeopleHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new PersonQuery(regionCode, kind, organizationId, list), ct)))
            .WithName("ListPeople")
            .WithSummary("查询人员名录");
        api.MapGet("/people/export", async (string? regionCode, string? kind, Guid? organizationId, [AsParameters] ListQuery list, FromReports<ListPeopleHandler> handler, KechuangDb db, CancellationToken ct) =>
            await PersonSheet.Export.FileAsync(db, await handler.Handler.AllAsync(new PersonQuery(regionCode, kind, organizationId, list), ct), ct))
            .WithName("ExportPeople")
            .WithSummary("导出人员名录");
        api.MapGet("/people/import-template", () => PersonSheet.Sheet.Template())
            .WithName("GetPersonImportTemplate")
            .WithSummary("下载人员导入模板");
        api.MapPost("/people/import", async (ImportFile file, ImportPeopleHandler handler, CancellationToken ct) =>
            TypedResults.Ok(new ImportResult(await handler.HandleAsync(file, ct)))).DisableAntiforgery()
            .WithPermission(DirectoryPermissions.ImportPeople)
            .WithName("ImportPeople")
            .WithSummary("导入人员（有错误行则全部不导入）");
        api.MapGet("/people/{id:guid}", async (Guid id, GetPersonHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("GetPerson")
            .WithSummary("查看人员");
        api.MapPut("/people/{id:guid}", async (Guid id, PersonInput body, UpdatePersonHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(DirectoryPermissions.ChangePerson)
            .WithName("UpdatePerson")
            .WithSummary("修改人员");
        return app;
    }
}
