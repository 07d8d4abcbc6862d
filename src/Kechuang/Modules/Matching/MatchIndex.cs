using System.Globalization;
using Kechuang.Modules.Matching.Engine;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Reference;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Matching;

/// <summary>
/// This node's matching index (ADR 023). It lives on local disk (<c>Matching:IndexPath</c>, by default a folder per
/// database under the temporary directory) and is rebuilt from the database when it is missing or was cut with another
/// dictionary. It then follows the audit log, the database's change log of every record: each entry after the position
/// the index last committed names a changed achievement, demand, PhD, person, synonym group, domain word or judgement, and
/// the index reads that record again through its module's public catalogue. Every node does the same, so a record
/// saved through one node is found through any other within a poll (<c>Matching:PollMilliseconds</c>, 1 s).
/// </summary>
public sealed class MatchIndex(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<MatchIndex> log) : IDisposable
{
    private const int Batch = 2000;
    private readonly TaskCompletionSource<MatchEngine> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private MatchEngine? _engine;
    private long _seq;
    private string _stamp = "";

    /// <summary>The folder the index lies in (set when it is opened).</summary>
    public string? Folder { get; private set; }

    /// <summary>The last change-log position the index has applied.</summary>
    public long Position => Interlocked.Read(ref _seq);

    public TimeSpan PollInterval => TimeSpan.FromMilliseconds(Math.Clamp(configuration.GetValue("Matching:PollMilliseconds", 1000), 50, 60_000));

    /// <summary>The engine, once the index is open and current (a search waits for the first build).</summary>
    public async Task<MatchEngine> EngineAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _ready.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new Platform.Problems.RuleException("matching.index-building", "匹配索引正在建立，请稍后再试");
        }
    }

    /// <summary>Opens (or builds) the index and applies the change log up to now.</summary>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var engine = Open();
            var thesaurus = await LoadThesaurusAsync(engine, cancellationToken);
            var data = engine.CommitData;
            var committed = data.TryGetValue(MatchEngine.SeqKey, out var s) ? long.Parse(s, CultureInfo.InvariantCulture) : -1;
            if (committed < 0 || !data.TryGetValue(MatchEngine.StampKey, out var stamp) || stamp != thesaurus.DictionaryStamp())
            {
                await RebuildAsync(engine, cancellationToken);
            }
            else
            {
                _seq = committed;
                _stamp = stamp;
                log.LogInformation("Matching index opened at {Folder}: {Count} records, change log at {Seq}", Folder, engine.Count, committed);
            }
            await LoadFeedbackAsync(engine, cancellationToken);
            _engine = engine;
        }
        finally
        {
            _gate.Release();
        }
        await CatchUpAsync(cancellationToken);
        _ready.TrySetResult(_engine);
    }

    /// <summary>Applies the audit entries written since the last position; answers how many records changed.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        if (_engine is not { } engine)
        {
            return 0;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = Scope(out var db);
            var head = await db.AuditEntries.AsNoTracking().MaxAsync(e => (long?)e.Seq, cancellationToken) ?? 0;
            if (head <= _seq)
            {
                return 0;
            }
            var changed = 0;
            var position = _seq;
            while (true)
            {
                var from = position;
                var entries = await db.AuditEntries.AsNoTracking()
                    .Where(e => e.Seq > from && e.Seq <= head && MatchSources.Entities.Contains(e.Entity))
                    .OrderBy(e => e.Seq).Take(Batch).Select(e => new { e.Seq, e.Entity, e.EntityKey }).ToListAsync(cancellationToken);
                if (entries.Count == 0)
                {
                    break;
                }
                position = entries[^1].Seq;
                var entities = entries.Select(e => e.Entity).ToHashSet(StringComparer.Ordinal);
                if (entities.Contains(MatchingEntities.Synonym) || entities.Contains(MatchingEntities.Word))
                {
                    var thesaurus = await LoadThesaurusAsync(engine, cancellationToken);
                    if (thesaurus.DictionaryStamp() != _stamp)
                    {
                        // New words cut the indexed texts differently: the whole index is cut again.
                        await RebuildAsync(engine, cancellationToken);
                        changed += engine.Count;
                        return changed;
                    }
                }
                if (entities.Contains(MatchingEntities.Feedback))
                {
                    await LoadFeedbackAsync(engine, cancellationToken);
                }
                var ids = entries.Where(e => Guid.TryParse(e.EntityKey, CultureInfo.InvariantCulture, out _)).ToLookup(e => e.Entity, e => Guid.Parse(e.EntityKey, CultureInfo.InvariantCulture), StringComparer.Ordinal);
                var sources = scope.ServiceProvider.GetRequiredService<MatchSources>();
                var (upserts, deletes) = await sources.ChangedAsync(ids, engine.PhdsOfPerson, cancellationToken);
                foreach (var (kind, id) in deletes)
                {
                    engine.Delete(kind, id);
                }
                foreach (var record in upserts)
                {
                    engine.Upsert(record);
                }
                changed += upserts.Count + deletes.Count;
                if (entries.Count < Batch)
                {
                    break;
                }
            }
            engine.Commit(head, _stamp);
            Interlocked.Exchange(ref _seq, head);
            return changed;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A judgement saved on this node counts here at once (other nodes read it from the change log).</summary>
    internal async Task ReloadFeedbackAsync(CancellationToken cancellationToken)
    {
        if (_engine is { } engine)
        {
            await LoadFeedbackAsync(engine, cancellationToken);
        }
    }

    public void Dispose()
    {
        _engine?.Dispose();
        _gate.Dispose();
    }

    private MatchEngine Open()
    {
        var folder = configuration["Matching:IndexPath"];
        if (string.IsNullOrWhiteSpace(folder))
        {
            // Two nodes on one machine share the database but must not share the folder (one writer per index; file locks
            // between processes are advisory on Linux), so the address a node listens on is part of the key.
            var database = $"{configuration["Database:Provider"] ?? "Sqlite"}|{configuration.GetConnectionString("Kechuang")}|{configuration["urls"] ?? configuration["ASPNETCORE_URLS"]}";
            var key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(database)))[..16];
            folder = Path.Combine(Path.GetTempPath(), "kechuang-matching", key);
        }
        foreach (var candidate in new[] { folder, $"{folder}-{Guid.NewGuid():N}" })
        {
            try
            {
                System.IO.Directory.CreateDirectory(candidate);
                var engine = new MatchEngine(FSDirectory.Open(candidate), ChineseSegmenter.Shared);
                Folder = candidate;
                return engine;
            }
            catch (LockObtainFailedException)
            {
                // Another host in this process (tests) holds the folder: this node keeps its own beside it.
                log.LogWarning("Matching index folder {Folder} is in use; this node builds its own", candidate);
            }
            catch (Exception e) when (e is CorruptIndexException or IndexFormatTooOldException or IOException)
            {
                log.LogWarning(e, "Matching index at {Folder} is unreadable; it is rebuilt", candidate);
                System.IO.Directory.Delete(candidate, recursive: true);
                System.IO.Directory.CreateDirectory(candidate);
                var engine = new MatchEngine(FSDirectory.Open(candidate), ChineseSegmenter.Shared);
                Folder = candidate;
                return engine;
            }
        }
        throw new InvalidOperationException("No folder for the matching index.");
    }

    private async Task RebuildAsync(MatchEngine engine, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var scope = Scope(out var db);
        // The position is read before the records: a change written meanwhile is applied again by the next catch-up.
        var head = await db.AuditEntries.AsNoTracking().MaxAsync(e => (long?)e.Seq, cancellationToken) ?? 0;
        engine.DeleteAll();
        var count = 0;
        await foreach (var page in scope.ServiceProvider.GetRequiredService<MatchSources>().AllAsync(cancellationToken))
        {
            foreach (var record in page)
            {
                engine.Add(record);
            }
            count += page.Count;
        }
        _stamp = engine.Thesaurus.DictionaryStamp();
        engine.Commit(head, _stamp);
        Interlocked.Exchange(ref _seq, head);
        log.LogInformation("Matching index built at {Folder}: {Count} records in {Ms} ms, change log at {Seq}", Folder, count, started.ElapsedMilliseconds, head);
    }

    private async Task<Thesaurus> LoadThesaurusAsync(MatchEngine engine, CancellationToken cancellationToken)
    {
        await using var scope = Scope(out var db);
        var groups = await db.Set<SynonymGroup>().AsNoTracking().Select(g => g.Words).ToListAsync(cancellationToken);
        var words = await db.Set<DomainWord>().AsNoTracking().Select(w => w.Word).ToListAsync(cancellationToken);
        var regions = await scope.ServiceProvider.GetRequiredService<RegionCatalog>().GetAsync(cancellationToken);
        var thesaurus = new Thesaurus(groups.Select(MatchingRules.SplitWords), words, PlaceNames.Of(regions.All));
        engine.Thesaurus = thesaurus;
        return thesaurus;
    }

    private async Task LoadFeedbackAsync(MatchEngine engine, CancellationToken cancellationToken)
    {
        await using var scope = Scope(out var db);
        var marks = await db.Set<MatchFeedback>().AsNoTracking().ToListAsync(cancellationToken);
        engine.Feedback.Replace(marks.Select(m => new FeedbackMark(m.Kind, m.TargetId, m.DemandId,
            m.Terms.Split(MatchFeedback.TermSeparator, StringSplitOptions.RemoveEmptyEntries), m.Useful)));
    }

    private AsyncServiceScope Scope(out KechuangDb db)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseSystemScope("matching-index");
        db = scope.ServiceProvider.GetRequiredService<KechuangDb>();
        return scope;
    }
}

/// <summary>Opens the node's index when the application starts and follows the change log while it runs.</summary>
internal sealed class MatchIndexer(MatchIndex index, ILogger<MatchIndexer> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var opened = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!opened)
                {
                    await index.OpenAsync(stoppingToken);
                    opened = true;
                }
                else
                {
                    await index.CatchUpAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be starting or migrating: the next poll tries again.
                log.LogWarning(e, "Matching index: {Step} failed", opened ? "catch-up" : "open");
            }
            try
            {
                await Task.Delay(index.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
