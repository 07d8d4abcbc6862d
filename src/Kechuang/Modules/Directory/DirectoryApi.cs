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

    /// <summary>Staff, and enterprise or institution accounts for their own organisation's entry and people.</summary>
    public const string EditorsPolicy = Roles.Editors;

    public static IEndpointRouteBuilder MapDirectoryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization().WithTags("组织与人员");

        api.MapGet("/regions", async (KechuangDb db, CancellationToken ct) =>
        {
            var regions = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.Set<Region>().OrderBy(r => r.Code).Select(r => new RegionDto(r.Code, r.Name, r.ParentCode, r.Level.ToString())), ct);
            return TypedResults.Ok(new Paged<RegionDto>(regions, regions.Count));
        });

        // Bureau staff keep the directory; enterprises and institutions may correct their own entry (data scope limits them to it).
        api.MapPost("/organizations", async Task<Created<Created>> (OrganizationInput body, CreateOrganizationHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/organizations/{id}", new Created(id));
        }).RequireAuthorization(Roles.Staff);
        api.MapGet("/organizations", async (string? regionCode, string? kind, [AsParameters] ListQuery list, ListOrganizationsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new OrganizationQuery(regionCode, kind, list), ct)));
        api.MapGet("/organizations/export", async (string? regionCode, string? kind, [AsParameters] ListQuery list, ListOrganizationsHandler handler, KechuangDb db, CancellationToken ct) =>
        {
            var rows = await handler.AllAsync(new OrganizationQuery(regionCode, kind, list), ct);
            db.AuditEvent("directory_organization", "export", "export", $"{{\"rows\":{rows.Count}}}");
            await db.SaveChangesAsync(ct);
            var bytes = await ExcelFile.WriteAsync(rows.Select(OrganizationSheet.Row), OrganizationSheet.Headers, ct);
            return TypedResults.File(bytes, ExcelFile.ContentType, "组织名录.xlsx");
        });
        api.MapGet("/organizations/import-template", async (CancellationToken ct) =>
            TypedResults.File(await ExcelFile.WriteAsync([], OrganizationSheet.Headers, ct), ExcelFile.ContentType, "组织导入模板.xlsx"));
        api.MapPost("/organizations/import", async (IFormFile file, ImportOrganizationsHandler handler, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            return TypedResults.Ok(new ImportResult(await handler.HandleAsync(stream, ct)));
        }).DisableAntiforgery().RequireAuthorization(Roles.Staff);
        api.MapGet("/organizations/{id:guid}", async (Guid id, GetOrganizationHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)));
        api.MapPut("/organizations/{id:guid}", async (Guid id, OrganizationInput body, UpdateOrganizationHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(EditorsPolicy);

        api.MapPost("/people", async Task<Created<Created>> (PersonInput body, CreatePersonHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/people/{id}", new Created(id));
        }).RequireAuthorization(EditorsPolicy);
        api.MapGet("/people", async (string? regionCode, string? kind, Guid? organizationId, [AsParameters] ListQuery list, ListPeopleHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new PersonQuery(regionCode, kind, organizationId, list), ct)));
        api.MapGet("/people/export", async (string? regionCode, string? kind, Guid? organizationId, [AsParameters] ListQuery list, ListPeopleHandler handler, KechuangDb db, CancellationToken ct) =>
        {
            var rows = await handler.AllAsync(new PersonQuery(regionCode, kind, organizationId, list), ct);
            db.AuditEvent("directory_person", "export", "export", $"{{\"rows\":{rows.Count}}}");
            await db.SaveChangesAsync(ct);
            var bytes = await ExcelFile.WriteAsync(rows.Select(PersonSheet.Row), PersonSheet.Headers, ct);
            return TypedResults.File(bytes, ExcelFile.ContentType, "人员名录.xlsx");
        });
        api.MapGet("/people/import-template", async (CancellationToken ct) =>
            TypedResults.File(await ExcelFile.WriteAsync([], PersonSheet.Headers, ct), ExcelFile.ContentType, "人员导入模板.xlsx"));
        api.MapPost("/people/import", async (IFormFile file, ImportPeopleHandler handler, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            return TypedResults.Ok(new ImportResult(await handler.HandleAsync(stream, ct)));
        }).DisableAntiforgery().RequireAuthorization(Roles.Staff);
        api.MapGet("/people/{id:guid}", async (Guid id, GetPersonHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)));
        api.MapPut("/people/{id:guid}", async (Guid id, PersonInput body, UpdatePersonHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(EditorsPolicy);
        return app;
    }
}
