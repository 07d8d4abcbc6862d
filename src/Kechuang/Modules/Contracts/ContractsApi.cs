using Kechuang.Modules.Contracts.Public;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
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

    public sealed record Reference(IReadOnlyList<Option> Types, IReadOnlyList<Option> TransferKinds, IReadOnlyList<Option> Statuses, IReadOnlyList<Option> RefusalReasons)
    {
        // The code lists of the registration form JJ-001 (docs/rules/contract-registration.md §10).
        public IReadOnlyList<Option> Countries { get; init; } = Codes(ContractCodes.Countries);
        public IReadOnlyList<Option> Natures { get; init; } = Codes(ContractCodes.Natures);
        public IReadOnlyList<Option> TechFields { get; init; } = Codes(ContractCodes.TechFields);
        public IReadOnlyList<Option> SocioEconomicGoals { get; init; } = Codes(ContractCodes.SocioEconomicGoals);
        public IReadOnlyList<Option> IpTypes { get; init; } = Codes(ContractCodes.IpTypes);
        public IReadOnlyList<Option> PlanCategories { get; init; } = Codes(ContractCodes.PlanCategories);
    }

    public static IEndpointRouteBuilder MapContractsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/contracts").RequireAuthorization().WithTags("技术合同登记");

        api.MapPost("", async Task<Created<Created>> (ContractInput body, CreateContractHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/contracts/{id}", new Created(id));
        })
            .WithPermission(ContractsPermissions.Create)
            .WithName("CreateContract")
            .WithSummary("填报技术合同（保存为草稿）")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("", async ([AsParameters] ListParameters p, ListContractsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(p.ToQuery(), ct)))
            .WithName("ListContracts")
            .WithSummary("查询技术合同");
        api.MapGet("/reference", () => TypedResults.Ok(new Reference(
            Options(ContractsRules.TypeNames), Options(ContractsRules.TransferKindNames), Options(ContractsRules.StatusNames), Options(ContractsRules.RefusalReasonNames))))
            .WithName("GetContractReference")
            .WithSummary("合同类型、技术交易类别、办理状态、不予登记理由和技术合同登记表各代码表的取值");
        api.MapGet("/parties", async (string? side, string? q, ListContractPartiesHandler handler, CancellationToken ct) =>
        {
            var parties = await handler.HandleAsync(side, q, ct);
            return TypedResults.Ok(new Paged<ContractParty>(parties, parties.Count));
        })
            .WithPermission(ContractsPermissions.Create)
            .WithName("ListContractParties")
            .WithSummary("查找合同卖方（本单位或本地区的组织）或买方（按名称，至少两个字），最多20个");
        api.MapGet("/export", async ([AsParameters] ListParameters p, FromReports<ListContractsHandler> handler, IOrganizationDirectory directory, KechuangDb db, CancellationToken ct) =>
            await ContractSheet.Export.FileAsync(db, await ContractSheet.RowsAsync(directory, await handler.Handler.AllAsync(p.ToQuery(), ct), ct), ct))
            .WithName("ExportContracts")
            .WithSummary("导出技术合同");
        api.MapGet("/statistics", async ([AsParameters] StatisticsParameters p, GetContractStatisticsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(p.ToQuery(), ct)))
            .WithName("GetContractStatistics")
            .WithSummary("技术市场统计：按合同类型、技术领域、买卖方性质、知识产权类型、计划类别、技术流向分类汇总已登记合同");
        api.MapGet("/statistics-report", async ([AsParameters] StatisticsParameters p, GetContractStatisticsHandler handler, KechuangDb db, CancellationToken ct) =>
            await StatisticsReport.FileAsync(db, await handler.HandleAsync(p.ToQuery(), ct), ct))
            .WithName("ExportContractStatistics")
            .WithSummary("导出技术市场统计快报（Excel）");
        api.MapGet("/import-template", () => ContractSheet.Sheet.Template())
            .WithName("GetContractImportTemplate")
            .WithSummary("下载技术合同导入模板");
        api.MapPost("/import", async (ImportFile file, ImportContractsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(new ImportResult(await handler.HandleAsync(file, ct))))
            .WithPermission(ContractsPermissions.Create)
            .WithName("ImportContracts")
            .WithSummary("导入技术合同（有错误行则全部不导入）")
            .ProducesProblem(StatusCodes.Status409Conflict);
        // Its own path: under /contracts/{id} a point's address would read like a contract's.
        var points = app.MapGroup("/api/v1/registration-points").RequireAuthorization().WithTags("技术合同登记");
        points.MapGet("", async (ListRegistrationPointsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithName("ListRegistrationPoints")
            .WithSummary("查询合同登记点");
        points.MapGet("/export", async (FromReports<ListRegistrationPointsHandler> handler, KechuangDb db, CancellationToken ct) =>
            await RegistrationPointSheet.Export.FileAsync(db, (await handler.Handler.HandleAsync(ct)).Items, ct))
            .WithPermission(ContractsPermissions.Read)
            .WithName("ExportRegistrationPoints")
            .WithSummary("导出合同登记点");
        points.MapPost("", async Task<Created<Created>> (RegistrationPointInput body, CreateRegistrationPointHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/registration-points/{id}", new Created(id));
        })
            .WithPermission(ContractsPermissions.ChangePoints)
            .WithName("CreateRegistrationPoint")
            .WithSummary("设立合同登记点")
            .ProducesProblem(StatusCodes.Status409Conflict);
        points.MapPut("/{id:guid}", async (Guid id, RegistrationPointInput body, UpdateRegistrationPointHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(ContractsPermissions.ChangePoints)
            .WithName("UpdateRegistrationPoint")
            .WithSummary("修改合同登记点（编号、名称、是否登记）")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:guid}/attachments", async Task<Created<Created>> (Guid id, IFormFile file, UploadContractAttachmentHandler handler, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            var attachmentId = await handler.HandleAsync(id, file.FileName, stream, file.Length, ct);
            return TypedResults.Created($"/api/v1/contracts/{id}/attachments/{attachmentId}", new Created(attachmentId));
        }).DisableAntiforgery()
            .WithPermission(ContractsPermissions.Change)
            .WithName("UploadContractAttachment")
            .WithSummary("上传合同附件")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/{id:guid}/attachments", async (Guid id, ListContractAttachmentsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("ListContractAttachments")
            .WithSummary("合同附件列表");
        api.MapGet("/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, DownloadContractAttachmentHandler handler, CancellationToken ct) =>
        {
            var file = await handler.HandleAsync(id, attachmentId, ct);
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        })
            .WithName("DownloadContractAttachment")
            .WithSummary("下载合同附件");
        api.MapGet("/{id:guid}", async (Guid id, GetContractHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("GetContract")
            .WithSummary("查看技术合同及其办理过程");
        api.MapPut("/{id:guid}", async (Guid id, ContractInput body, UpdateContractHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(ContractsPermissions.Change)
            .WithName("UpdateContract")
            .WithSummary("修改技术合同（限草稿和退回补正的合同）")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:guid}/submit", async Task<Ok<ContractState>> (Guid id, SubmitContractHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithPermission(ContractsPermissions.Submit)
            .WithName("SubmitContract")
            .WithSummary("提交登记")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:guid}/review", async Task<Ok<ContractState>> (Guid id, ReviewContractHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithPermission(ContractsPermissions.Approve)
            .WithName("ReviewContract")
            .WithSummary("受理审核")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:guid}/register", async Task<Ok<RegisterResult>> (Guid id, RegisterContractHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithPermission(ContractsPermissions.Approve)
            .WithName("RegisterContract")
            .WithSummary("予以登记并编登记号")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:guid}/return", async Task<Ok<ContractState>> (Guid id, ReturnInput body, ReturnContractHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, body, ct)))
            .WithPermission(ContractsPermissions.Approve)
            .WithName("ReturnContract")
            .WithSummary("退回补正")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:guid}/refuse", async Task<Ok<ContractState>> (Guid id, RefuseInput body, RefuseContractHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, body, ct)))
            .WithPermission(ContractsPermissions.Approve)
            .WithName("RefuseContract")
            .WithSummary("不予登记")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public sealed record ListParameters(int? Year, string? RegionCode, string? Status, string? Type, string? Q, int? Page, int? PageSize, Guid? SellerId,
        DateOnly? RegisteredFrom, DateOnly? RegisteredTo, string? Sort, bool? Desc, string? Dimension, string? Key)
    {
        public ContractQuery ToQuery() => new(Year, RegionCode, Status, Type, new ListQuery(Q, Page, PageSize, Sort, Desc ?? false), SellerId, RegisteredFrom, RegisteredTo)
        {
            Dimension = Dimension,
            Key = Key,
        };
    }

    public sealed record StatisticsParameters(DateOnly? From, DateOnly? To, string? RegionCode)
    {
        public StatisticsQuery ToQuery() => new(From, To, RegionCode);
    }

    private static List<Option> Codes(CodeList list) => [.. list.Entries.Select(e => new Option(e.Code, e.Name))];

    private static List<Option> Options<TEnum>(IReadOnlyDictionary<TEnum, string> names) where TEnum : struct, Enum =>
        names.Select(n => new Option(Kebab.From(n.Key), n.Value)).ToList();
}
