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
        var sm3Seen = false;
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
            // An SM3 entry may follow SHA-256 ones (the log kept from before the switch), never the reverse: a SHA-256
            // hash after the first SM3 entry would be a downgrade.
            if (entry.ComputeHash(ChainHashKind.Sm3) == entry.Hash)
            {
                sm3Seen = true;
            }
            else if (sm3Seen || entry.ComputeHash(ChainHashKind.Sha256) != entry.Hash)
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

/// <summary>Filters of the audit log; <see cref="List"/> carries the search (an account or a record key), the page and the sort.</summary>
/// <param name="From">First instant shown (UTC).</param>
/// <param name="To">First instant no longer shown (UTC).</param>
public sealed record AuditQuery(string? Entity = null, string? Account = null, string? Action = null, string? Key = null, DateTime? From = null, DateTime? To = null,
    ListQuery? List = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

public sealed record AuditDto(long Seq, DateTime At, string Account, string? ClientAddress, string Entity, string EntityKey, string Action, string? Before, string? After);

/// <summary>The audit log list: the page, <c>GET /api/v1/audit</c> and its export share it.</summary>
public sealed class ListAuditHandler(KechuangDb db)
{
    /// <summary>The one sort the log offers. Entries are keyed by their sequence number, not a Guid, so the list orders by it
    /// itself instead of through a <see cref="SortMap{T}"/>; the sequence follows the time of writing, so it orders by time exactly.</summary>
    public const string SortByTime = "at";

    public async Task<Paged<AuditDto>> HandleAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        var entries = Filter(query);
        var total = await entries.CountAsync(cancellationToken);
        var (skip, take) = Paging.Normalize(query.List.Page, query.List.PageSize);
        var rows = await Order(entries, query.List).Skip(skip).Take(take).Select(ToDto).ToListAsync(cancellationToken);
        return new Paged<AuditDto>(rows, total);
    }

    /// <summary>Every entry of the filtered, sorted log, for the export.</summary>
    public Task<List<AuditDto>> AllAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
        Order(Filter(query), query.List).Select(ToDto).ToListAsync(cancellationToken);

    private static readonly System.Linq.Expressions.Expression<Func<AuditEntry, AuditDto>> ToDto =
        e => new AuditDto(e.Seq, e.At, e.Account, e.ClientAddress, e.Entity, e.EntityKey, e.Action, e.Before, e.After);

    private static IOrderedQueryable<AuditEntry> Order(IQueryable<AuditEntry> entries, ListQuery list)
    {
        if (string.IsNullOrWhiteSpace(list.Sort))
        {
            // Newest first: the log is read to see what just happened.
            return entries.OrderByDescending(e => e.Seq);
        }
        if (!string.Equals(list.Sort, SortByTime, StringComparison.OrdinalIgnoreCase))
        {
            throw Problems.InputException.For("sort", $"不能按“{list.Sort}”排序，可选：{SortByTime}");
        }
        return list.Desc ? entries.OrderByDescending(e => e.Seq) : entries.OrderBy(e => e.Seq);
    }

    private IQueryable<AuditEntry> Filter(AuditQuery query)
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
        if (query.List.Text is { } text)
        {
            entries = entries.Where(e => e.Account.Contains(text) || e.EntityKey.Contains(text));
        }
        return entries;
    }
}

public static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services) =>
        services.AddScoped<AuditChain>().AddScoped<ListAuditHandler>();

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/v1/audit").RequireAuthorization(Access.Roles.Auditors).WithTags("审计日志");
        audit.MapGet("", async (string? entity, string? account, string? action, string? key, DateTime? from, DateTime? to, [AsParameters] ListQuery list,
            ListAuditHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new AuditQuery(entity, account, action, key, from, to, list), ct)))
            .WithName("ListAuditEntries")
            .WithSummary("查询审计日志");
        audit.MapGet("/export", async (string? entity, string? account, string? action, string? key, DateTime? from, DateTime? to, [AsParameters] ListQuery list,
            FromReports<ListAuditHandler> handler, KechuangDb db, Ui.AuditNames names, CancellationToken ct) =>
        {
            var rows = await handler.Handler.AllAsync(new AuditQuery(entity, account, action, key, from, to, list), ct);
            // Reading the log out is itself recorded, after the rows were read so the file does not hold its own export.
            // The file shows the names the page shows; the modules contribute them, so they are put in before writing.
            return await AuditSheet.Export.FileAsync(db, [.. rows.Select(r => r with { Action = names.Action(r.Action), Entity = names.Entity(r.Entity) })], ct);
        })
            .WithName("ExportAuditEntries")
            .WithSummary("导出审计日志");
        audit.MapGet("/verify", async (AuditChain chain, CancellationToken ct) => TypedResults.Ok(await chain.VerifyAsync(ct)))
            .WithName("VerifyAuditChain")
            .WithSummary("校验审计日志哈希链是否完整");
        return app;
    }
}
