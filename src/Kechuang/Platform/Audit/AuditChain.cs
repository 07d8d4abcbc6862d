using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Platform.Audit;

public sealed record ChainReport(long Checked, long? BrokenAt, string? Reason);

/// <summary>Walks the audit log in order and recomputes every hash and link.</summary>
public sealed class AuditChain(KechuangDb db)
{
    public async Task<ChainReport> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var prev = AuditEntry.GenesisHash;
        long expectedSeq = 1;
        long count = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Seq).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (entry.Seq != expectedSeq)
            {
                return new ChainReport(count, expectedSeq, $"缺少第 {expectedSeq} 条（下一条为第 {entry.Seq} 条）");
            }
            if (entry.PrevHash != prev)
            {
                return new ChainReport(count, entry.Seq, "与前一条的哈希链接不一致");
            }
            if (entry.ComputeHash() != entry.Hash)
            {
                return new ChainReport(count, entry.Seq, "内容与哈希不符（记录被修改）");
            }
            prev = entry.Hash;
            expectedSeq++;
            count++;
        }
        return new ChainReport(count, null, null);
    }
}

public sealed record AuditQuery(string? Entity = null, string? Account = null, string? Action = null, string? Key = null, DateTime? From = null, DateTime? To = null, int? Page = null, int? PageSize = null);

public sealed record AuditDto(long Seq, DateTime At, string Account, string? ClientAddress, string Entity, string EntityKey, string Action, string? Before, string? After);

public sealed class ListAuditHandler(KechuangDb db)
{
    public async Task<Paged<AuditDto>> HandleAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Entity))
        {
            entries = entries.Where(e => e.Entity == query.Entity.Trim());
        }
        if (!string.IsNullOrWhiteSpace(query.Account))
        {
            entries = entries.Where(e => e.Account.Contains(query.Account.Trim()));
        }
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            entries = entries.Where(e => e.Action == query.Action.Trim());
        }
        if (!string.IsNullOrWhiteSpace(query.Key))
        {
            entries = entries.Where(e => e.EntityKey == query.Key.Trim());
        }
        if (query.From is { } from)
        {
            entries = entries.Where(e => e.At >= from.ToUniversalTime());
        }
        if (query.To is { } to)
        {
            entries = entries.Where(e => e.At < to.ToUniversalTime());
        }
        var total = await entries.CountAsync(cancellationToken);
        var (skip, take) = Paging.Normalize(query.Page, query.PageSize);
        var rows = await entries.OrderByDescending(e => e.Seq).Skip(skip).Take(take)
            .Select(e => new AuditDto(e.Seq, e.At, e.Account, e.ClientAddress, e.Entity, e.EntityKey, e.Action, e.Before, e.After))
            .ToListAsync(cancellationToken);
        return new Paged<AuditDto>(rows, total);
    }
}

public static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services) =>
        services.AddScoped<AuditChain>().AddScoped<ListAuditHandler>();

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/v1/audit").RequireAuthorization(Access.Roles.Admin).WithTags("审计日志");
        audit.MapGet("", async (string? entity, string? account, string? action, string? key, DateTime? from, DateTime? to, int? page, int? pageSize,
            ListAuditHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new AuditQuery(entity, account, action, key, from, to, page, pageSize), ct)));
        audit.MapGet("/verify", async (AuditChain chain, CancellationToken ct) => TypedResults.Ok(await chain.VerifyAsync(ct)));
        return app;
    }
}
