using Kechuang.Modules.Contracts.Public;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kechuang.Modules.Contracts;

public static class ContractsApi
{
    public sealed record Created(Guid Id);

    public sealed record ImportResult(int Imported);

    public sealed record Option(string Value, string Name);

    public sealed record Reference(IReadOnlyList<Option> Types, IReadOnlyList<Option> TransferKinds, IReadOnlyList<Option> Statuses, IReadOnlyList<Option> RefusalReasons);

    public static IEndpointRouteBuilder MapContractsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/contracts").RequireAuthorization().WithTags("技术合同登记");

        api.MapPost("", async Task<Created<Created>> (ContractInput body, CreateContractHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/contracts/{id}", new Created(id));
        });
        api.MapGet("", async ([AsParameters] ListParameters p, ListContractsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(p.ToQuery(), ct)));
        api.MapGet("/reference", () => TypedResults.Ok(new Reference(
            Options(ContractsRules.TypeNames), Options(ContractsRules.TransferKindNames), Options(ContractsRules.StatusNames), Options(ContractsRules.RefusalReasonNames))));
        api.MapGet("/export", async ([AsParameters] ListParameters p, ListContractsHandler handler, IOrganizationDirectory directory, KechuangDb db, CancellationToken ct) =>
        {
            var rows = await handler.AllAsync(p.ToQuery(), ct);
            var codes = await CreditCodesAsync(directory, rows, ct);
            db.AuditEvent("contracts_contract", "export", "export", $"{{\"rows\":{rows.Count}}}");
            await db.SaveChangesAsync(ct);
            var bytes = await ExcelFile.WriteAsync(rows.Select(r => ContractSheet.Row(r, codes)), ContractSheet.Headers, ct);
            return TypedResults.File(bytes, ExcelFile.ContentType, "技术合同.xlsx");
        });
        api.MapGet("/import-template", async (CancellationToken ct) =>
            TypedResults.File(await ExcelFile.WriteAsync([], ContractSheet.Headers, ct), ExcelFile.ContentType, "技术合同导入模板.xlsx"));
        api.MapPost("/import", async (IFormFile file, ImportContractsHandler handler, IConfiguration configuration, CancellationToken ct) =>
        {
            ImportUpload.EnsureWithinLimit(file.Length, configuration);
            await using var stream = file.OpenReadStream();
            return TypedResults.Ok(new ImportResult(await handler.HandleAsync(stream, file.FileName, ct)));
        }).AcceptsImportFile(app);
        api.MapPost("/{id:guid}/attachments", async Task<Created<Created>> (Guid id, IFormFile file, UploadContractAttachmentHandler handler, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            var attachmentId = await handler.HandleAsync(id, file.FileName, file.ContentType, stream, file.Length, ct);
            return TypedResults.Created($"/api/v1/contracts/{id}/attachments/{attachmentId}", new Created(attachmentId));
        }).DisableAntiforgery();
        api.MapGet("/{id:guid}/attachments", async (Guid id, ListContractAttachmentsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)));
        api.MapGet("/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, DownloadContractAttachmentHandler handler, CancellationToken ct) =>
        {
            var file = await handler.HandleAsync(id, attachmentId, ct);
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        });
        api.MapGet("/{id:guid}", async (Guid id, GetContractHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)));
        api.MapPut("/{id:guid}", async (Guid id, ContractInput body, UpdateContractHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        });
        api.MapPost("/{id:guid}/submit", async Task<Ok<ContractState>> (Guid id, SubmitContractHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)));
        api.MapPost("/{id:guid}/review", async Task<Ok<ContractState>> (Guid id, ReviewContractHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)));
        api.MapPost("/{id:guid}/register", async Task<Ok<RegisterResult>> (Guid id, RegisterContractHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)));
        api.MapPost("/{id:guid}/return", async Task<Ok<ContractState>> (Guid id, ReturnInput body, ReturnContractHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, body, ct)));
        api.MapPost("/{id:guid}/refuse", async Task<Ok<ContractState>> (Guid id, RefuseInput body, RefuseContractHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, body, ct)));
        return app;
    }

    public sealed record ListParameters(int? Year, string? RegionCode, string? Status, string? Type, string? Q, int? Page, int? PageSize, Guid? SellerId,
        DateOnly? RegisteredFrom, DateOnly? RegisteredTo, string? Sort, bool? Desc)
    {
        public ContractQuery ToQuery() => new(Year, RegionCode, Status, Type, new ListQuery(Q, Page, PageSize, Sort, Desc ?? false), SellerId, RegisteredFrom, RegisteredTo);
    }

    internal static async Task<IReadOnlyDictionary<Guid, string>> CreditCodesAsync(IOrganizationDirectory directory, IReadOnlyList<ContractItem> rows, CancellationToken ct) =>
        (await directory.FindManyAnywhereAsync(rows.SelectMany(r => new[] { r.SellerId, r.BuyerId }), ct)).ToDictionary(o => o.Key, o => o.Value.CreditCode);

    private static List<Option> Options<TEnum>(IReadOnlyDictionary<TEnum, string> names) where TEnum : struct, Enum =>
        names.Select(n => new Option(Kebab.From(n.Key), n.Value)).ToList();
}
