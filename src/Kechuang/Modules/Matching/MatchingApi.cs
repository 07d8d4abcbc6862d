using Kechuang.Modules.Matching.Engine;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kechuang.Modules.Matching;

public static class MatchingApi
{
    public sealed record Created(Guid Id);

    public sealed record ImportResult(int Imported);

    public static IEndpointRouteBuilder MapMatchingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/matching").RequireAuthorization().WithTags("匹配推荐");

        foreach (var (path, kind, name, summary) in new[]
        {
            ("/achievements", MatchKinds.Achievement, "MatchAchievements", "按需求匹配科技成果"),
            ("/experts", MatchKinds.Expert, "MatchExperts", "按需求匹配专家"),
            ("/phds", MatchKinds.Phd, "MatchPhds", "按需求匹配博士"),
        })
        {
            api.MapPost(path, async (MatchRequest body, FindMatchesHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(kind, body, ct)))
                .WithPermission(MatchingPermissions.Query)
                .WithName(name)
                .WithSummary(summary)
                .ProducesProblem(StatusCodes.Status400BadRequest);
        }
        api.MapGet("/achievements/{id:guid}/demands", async (Guid id, int? top, FindOpenDemandsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(MatchKinds.Achievement, id, top, ct)))
            .WithName("MatchDemandsForAchievement")
            .WithSummary("为科技成果匹配开放需求")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/experts/{id:guid}/demands", async (Guid id, int? top, FindOpenDemandsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(MatchKinds.Expert, id, top, ct)))
            .WithName("MatchDemandsForExpert")
            .WithSummary("为专家匹配开放需求")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/feedback", async Task<Created<Created>> (FeedbackInput body, AddFeedbackHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(body, ct);
            return TypedResults.Created($"/api/v1/matching/feedback/{id}", new Created(id));
        })
            .WithPermission(MatchingPermissions.Feedback)
            .WithName("AddMatchFeedback")
            .WithSummary("标记匹配结果有用或无用")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/thesaurus", async (string? q, ListThesaurusHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(q, ct)))
            .WithName("ListThesaurus")
            .WithSummary("查询同义词和领域词典");
        api.MapGet("/synonyms/export", async (string? q, FromReports<ListThesaurusHandler> handler, KechuangDb db, CancellationToken ct) =>
            await SynonymSheet.Export.FileAsync(db, (await handler.Handler.HandleAsync(q, ct)).Synonyms, ct))
            .WithName("ExportSynonymGroups")
            .WithSummary("导出同义词组");
        api.MapGet("/synonyms/import-template", () => SynonymSheet.Sheet.Template())
            .WithName("GetSynonymGroupImportTemplate")
            .WithSummary("下载同义词组导入模板");
        api.MapPost("/synonyms/import", async (ImportFile file, ImportSynonymGroupsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(new ImportResult(await handler.HandleAsync(file, ct)))).DisableAntiforgery()
            .WithPermission(MatchingPermissions.Thesaurus)
            .WithName("ImportSynonymGroups")
            .WithSummary("导入同义词组（有错误行则全部不导入）");
        api.MapGet("/words/export", async (string? q, FromReports<ListThesaurusHandler> handler, KechuangDb db, CancellationToken ct) =>
            await DomainWordSheet.Export.FileAsync(db, (await handler.Handler.HandleAsync(q, ct)).Words, ct))
            .WithName("ExportDomainWords")
            .WithSummary("导出领域词");
        api.MapGet("/words/import-template", () => DomainWordSheet.Sheet.Template())
            .WithName("GetDomainWordImportTemplate")
            .WithSummary("下载领域词导入模板");
        api.MapPost("/words/import", async (ImportFile file, ImportDomainWordsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(new ImportResult(await handler.HandleAsync(file, ct)))).DisableAntiforgery()
            .WithPermission(MatchingPermissions.Thesaurus)
            .WithName("ImportDomainWords")
            .WithSummary("导入领域词（有错误行则全部不导入）");
        api.MapPost("/synonyms", async Task<Created<Created>> (SynonymInput body, SaveSynonymGroupHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(null, body, ct);
            return TypedResults.Created($"/api/v1/matching/synonyms/{id}", new Created(id));
        })
            .WithPermission(MatchingPermissions.Thesaurus)
            .WithName("CreateSynonymGroup")
            .WithSummary("新增同义词组")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPut("/synonyms/{id:guid}", async (Guid id, SynonymInput body, SaveSynonymGroupHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(MatchingPermissions.Thesaurus)
            .WithName("UpdateSynonymGroup")
            .WithSummary("修改同义词组")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/synonyms/{id:guid}", async (Guid id, RemoveThesaurusEntryHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync("synonym", id, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(MatchingPermissions.Thesaurus)
            .WithName("DeleteSynonymGroup")
            .WithSummary("删除同义词组")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/words", async Task<Created<Created>> (DomainWordInput body, SaveDomainWordHandler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(null, body, ct);
            return TypedResults.Created($"/api/v1/matching/words/{id}", new Created(id));
        })
            .WithPermission(MatchingPermissions.Thesaurus)
            .WithName("CreateDomainWord")
            .WithSummary("新增领域词")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPut("/words/{id:guid}", async (Guid id, DomainWordInput body, SaveDomainWordHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(id, body, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(MatchingPermissions.Thesaurus)
            .WithName("UpdateDomainWord")
            .WithSummary("修改领域词")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapDelete("/words/{id:guid}", async (Guid id, RemoveThesaurusEntryHandler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync("word", id, ct);
            return TypedResults.NoContent();
        })
            .WithPermission(MatchingPermissions.Thesaurus)
            .WithName("DeleteDomainWord")
            .WithSummary("删除领域词")
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGroup("/api/v1/demands").RequireAuthorization().WithTags("匹配推荐")
            .MapGet("/{id:guid}/matches", async (Guid id, int? top, ListDemandMatchesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, top, ct)))
            .WithName("ListDemandMatches")
            .WithSummary("需求的匹配推荐（科技成果、专家、博士）")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
