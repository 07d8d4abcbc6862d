using System.Linq.Expressions;
using Kechuang.Platform.Access;
using Kechuang.Platform.Audit;
using Kechuang.Platform.Crypto;
using Kechuang.Platform.Problems;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kechuang.Platform.Data;

/// <summary>
/// The one DbContext. It applies every module's mapping, limits every query to the caller's
/// <see cref="DataScope"/>, refuses writes outside it, and appends a hash-chained audit entry for
/// every change in the same transaction as the change.
/// </summary>
public abstract class KechuangDb : DbContext, IDataProtectionKeyContext
{
    /// <summary>SQLite is one writer per file: the chain head is serialised in this process (single node); see <see cref="BulkInsert"/>.</summary>
    internal static readonly SemaphoreSlim SqliteAuditGate = new(1, 1);

    /// <summary>PostgreSQL: the advisory lock every transaction that extends the audit chain holds (several nodes).</summary>
    internal const long AuditChainLock = 7300723;
    private readonly CurrentUser _user;
    private readonly TimeProvider _clock;
    private readonly List<AuditEntry> _events = [];

    protected KechuangDb(DbContextOptions options, CurrentUser user, TimeProvider clock, PersonalDataCipher personalData)
        : base(options)
    {
        _user = user;
        _clock = clock;
        PersonalData = personalData;
    }

    /// <summary>Encrypts the columns marked with <see cref="PersonalDataMapping.PersonalData{T}"/> and computes their blind indexes.</summary>
    public PersonalDataCipher PersonalData { get; }

    // Read by the global query filters when each query runs (EF makes them parameters), so a context
    // created before sign-in completes still filters by the caller known at query time.
    internal bool ScopeAll => _user.Scope.All;
    internal bool ScopeSignedIn => _user.Scope.SignedIn;
    internal string ScopeRegionPrefix => _user.Scope.RegionPrefix;
    internal string ScopeRegionEnd => ListFilters.PrefixEnd(_user.Scope.RegionPrefix);
    internal Guid? ScopeOrganizationId => _user.Scope.OrganizationId;

    public CurrentUser User => _user;

    public DateTime UtcNow => _clock.GetUtcNow().UtcDateTime;

    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();
    public DbSet<SignInAttempts> SignInAttempts => Set<SignInAttempts>();
    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Cookie and anti-forgery keys, shared by every node through the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public bool IsSqlite => Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true;

    /// <summary>Queues an event that is not a record change (sign-in, sign-out, export) for the next save.</summary>
    public void AuditEvent(string entity, string key, string action, string? details = null, string? account = null) =>
        _events.Add(new AuditEntry { Entity = entity, EntityKey = key, Action = action, After = details, Account = account ?? "" });

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.ReplaceService<IModelCacheKeyFactory, PersonalDataModelCacheKeyFactory>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(KechuangDb).Assembly);
        modelBuilder.Entity<DataProtectionKey>().ToTable("platform_data_protection_key");
        PersonalDataMapping.Apply(modelBuilder, PersonalData);
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().ToList())
        {
            if (entityType.BaseType is null && typeof(IRegionScoped).IsAssignableFrom(entityType.ClrType))
            {
                var method = typeof(KechuangDb).GetMethod(nameof(ScopeFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                    .MakeGenericMethod(entityType.ClrType);
                entityType.SetQueryFilter((LambdaExpression)method.Invoke(this, null)!);
            }
        }
    }

    // "Codes starting with the prefix" as the range [prefix, PrefixEnd(prefix)): the region_code index serves a range
    // under any collation, LIKE 'prefix%' only under the C collation (a database created as C.UTF-8 or en_US
    // read every row of a large table for each county's list; docs/operations.md, "A province on one installation").
    private Expression<Func<T, bool>> ScopeFilter<T>() where T : class, IRegionScoped
    {
        if (typeof(IOrganizationRoot).IsAssignableFrom(typeof(T)))
        {
            return e => ScopeAll
                || (ScopeSignedIn && ((IOrganizationRoot)e).IsSharedWithAll)
                || (ScopeSignedIn && e.RegionCode.CompareTo(ScopeRegionPrefix) >= 0 && e.RegionCode.CompareTo(ScopeRegionEnd) < 0
                    && (ScopeOrganizationId == null || ((IOrganizationRoot)e).Id == ScopeOrganizationId));
        }
        if (typeof(IOrganizationScoped).IsAssignableFrom(typeof(T)))
        {
            return e => ScopeAll
                || (ScopeSignedIn && e.RegionCode.CompareTo(ScopeRegionPrefix) >= 0 && e.RegionCode.CompareTo(ScopeRegionEnd) < 0
                    && (ScopeOrganizationId == null || ((IOrganizationScoped)e).OrganizationId == ScopeOrganizationId));
        }
        return e => ScopeAll || (ScopeSignedIn && e.RegionCode.CompareTo(ScopeRegionPrefix) >= 0 && e.RegionCode.CompareTo(ScopeRegionEnd) < 0);
    }

    /// <summary>
    /// Only for framework writes that are not audited (ASP.NET's data-protection key ring saves
    /// synchronously); any audited change must go through <see cref="SaveChangesAsync(bool, CancellationToken)"/>.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PersonalDataMapping.UpdateIndexes(ChangeTracker, PersonalData);
        EnforceScope();
        if (_events.Count > 0 || AuditRecorder.Collect(ChangeTracker).Count > 0)
        {
            throw new NotSupportedException("Use SaveChangesAsync: every save writes the audit chain asynchronously.");
        }
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PersonalDataMapping.UpdateIndexes(ChangeTracker, PersonalData);
        EnforceScope();
        var pending = AuditRecorder.Collect(ChangeTracker);
        pending.AddRange(_events);
        _events.Clear();
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null;
        var sqliteGate = IsSqlite;
        if (sqliteGate)
        {
            // SQLite is one writer per file: serialise the chain head in this process (single node).
            await SqliteAuditGate.WaitAsync(cancellationToken);
        }
        // Inside a transaction it did not begin, EF brackets the save in a savepoint (two more statements). When the
        // transaction is this method's own, a failed save rolls all of it back anyway.
        var savepoints = Database.AutoSavepointsEnabled;
        Database.AutoSavepointsEnabled = savepoints && !ownTransaction;
        try
        {
            await using var transaction = ownTransaction ? await Database.BeginTransactionAsync(cancellationToken) : null;
            long seq;
            string prev;
            if (sqliteGate)
            {
                var head = await AuditEntries.AsNoTracking().OrderByDescending(e => e.Seq)
                    .Select(e => new { e.Seq, e.Hash }).FirstOrDefaultAsync(cancellationToken);
                (seq, prev) = (head?.Seq ?? 0, head?.Hash ?? AuditEntry.GenesisHash);
            }
            else
            {
                (seq, prev) = await LockChainHeadAsync(cancellationToken);
            }
            var at = AuditEntry.Truncate(UtcNow);
            foreach (var entry in pending)
            {
                entry.Seq = ++seq;
                entry.At = at;
                entry.Account = entry.Account.Length > 0 ? entry.Account : _user.UserName;
                entry.ClientAddress = _user.ClientAddress;
                entry.PrevHash = prev;
                entry.Hash = entry.ComputeHash();
                prev = entry.Hash;
                AuditEntries.Add(entry);
            }
            var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            return result;
        }
        catch
        {
            foreach (var entry in pending)
            {
                Entry(entry).State = EntityState.Detached;
            }
            throw;
        }
        finally
        {
            Database.AutoSavepointsEnabled = savepoints;
            if (sqliteGate)
            {
                SqliteAuditGate.Release();
            }
        }
    }

    /// <summary>
    /// Several nodes share PostgreSQL: one transaction at a time extends the chain. The lock and the read of the head go
    /// in one round trip, as two statements: each statement reads its own snapshot, so the head is read after the lock
    /// is held and sees the previous holder's commit. Every audited write waits here, so the time under the lock counts.
    /// </summary>
    private async Task<(long Seq, string Hash)> LockChainHeadAsync(CancellationToken cancellationToken)
    {
        var connection = (Npgsql.NpgsqlConnection)Database.GetDbConnection();
        var transaction = (Npgsql.NpgsqlTransaction)Database.CurrentTransaction!.GetDbTransaction();
        await using var batch = new Npgsql.NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new Npgsql.NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock({AuditChainLock})"),
                new Npgsql.NpgsqlBatchCommand("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1"),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : (0, AuditEntry.GenesisHash);
    }

    private void EnforceScope()
    {
        var scope = _user.Scope;
        if (scope.All)
        {
            return;
        }
        foreach (var entry in ChangeTracker.Entries<IRegionScoped>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            var allowed = (Allows(scope, entry.Entity)
                && (entry.State != EntityState.Modified || scope.Covers((string)entry.Property(nameof(IRegionScoped.RegionCode)).OriginalValue!)))
                || SharedKeptByStaff(scope, entry);
            if (!allowed)
            {
                throw new ForbiddenException("无权修改本数据范围以外的记录");
            }
        }
    }

    /// <summary>
    /// Universities, institutes and government units serve every county: the 武义 bureau registers 浙江大学 (杭州) for a
    /// station or a contract. City and county staff (a scope without an organisation) may therefore add and change a
    /// shared organisation of any region, as long as it is shared before and after the change, so an enterprise
    /// outside the scope cannot be pulled in or pushed out by changing its kind.
    /// </summary>
    internal static bool SharedByStaff(DataScope scope, IRegionScoped entity) =>
        scope.OrganizationId is null && entity is IOrganizationRoot { IsSharedWithAll: true };

    private static bool SharedKeptByStaff(DataScope scope, Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<IRegionScoped> entry) =>
        SharedByStaff(scope, entry.Entity)
        && (entry.State == EntityState.Added || entry.Property(nameof(IOrganizationRoot.IsSharedWithAll)).OriginalValue is true);

    /// <summary>Whether the scope may hold this record (its region, and its organisation for enterprise and institution accounts).</summary>
    internal static bool Allows(DataScope scope, IRegionScoped entity)
    {
        var allowed = scope.Covers(entity.RegionCode);
        if (allowed && scope.OrganizationId is { } org)
        {
            allowed = entity switch
            {
                IOrganizationRoot root => root.Id == org,
                IOrganizationScoped owned => owned.OrganizationId == org,
                _ => true,
            };
        }
        return allowed;
    }
}

/// <summary>An organisation: its own Id is the organisation that enterprise/institution accounts are limited to.</summary>
public interface IOrganizationRoot : IRegionScoped
{
    Guid Id { get; }

    /// <summary>Institutions and government units serve many counties and are visible to every signed-in account.</summary>
    bool IsSharedWithAll { get; }
}

/// <summary>
/// The personal-data converters close over the keys, so the model is built per key ring (not per context type
/// alone): two applications in one process (tests) with different keys never share converters.
/// </summary>
internal sealed class PersonalDataModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is KechuangDb db ? (context.GetType(), db.PersonalData.Fingerprint, designTime) : (context.GetType(), designTime);
}
