using System.Data.Common;
using System.Globalization;
using System.Threading.Channels;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kechuang.Modules.Contracts;

/// <summary>
/// The contract sheet's columns, shared by the import, the export and the template, so an export can
/// be edited and imported back. 状态 and 登记地区 are written for the reader and ignored on import: an
/// imported row with a 登记号 enters as registered (a historical record of the national registration
/// system), one without enters as submitted.
/// </summary>
public static class ContractSheet
{
    public const string Title = "合同名称";
    public const string Type = "合同类型";
    public const string TransferKind = "技术转让类别";
    public const string SellerName = "卖方名称";
    public const string SellerCreditCode = "卖方统一社会信用代码";
    public const string BuyerName = "买方名称";
    public const string BuyerCreditCode = "买方统一社会信用代码";
    public const string SignDate = "签订日期";
    public const string Amount = "合同成交额（元）";
    public const string TransactionAmount = "技术交易额（元）";
    public const string RegistrationNumber = "登记号";
    public const string RegisteredOn = "登记日期";
    public const string Status = "状态";
    public const string Region = "登记地区";

    public static readonly string[] Headers =
        [Title, Type, TransferKind, SellerName, SellerCreditCode, BuyerName, BuyerCreditCode, SignDate, Amount, TransactionAmount, RegistrationNumber, RegisteredOn, Status, Region];

    public static readonly IReadOnlyDictionary<string, string> ColumnOfField = new Dictionary<string, string>
    {
        ["title"] = Title,
        ["type"] = Type,
        ["transferKind"] = TransferKind,
        ["sellerId"] = SellerName,
        ["buyerId"] = BuyerName,
        ["signDate"] = SignDate,
        ["amount"] = Amount,
        ["transactionAmount"] = TransactionAmount,
        ["registrationNumber"] = RegistrationNumber,
        ["registeredOn"] = RegisteredOn,
    };

    public static IDictionary<string, object?> Row(ContractItem c, IReadOnlyDictionary<Guid, string> creditCodes) => new Dictionary<string, object?>
    {
        [Title] = c.Title,
        [Type] = ContractsRules.TypeNames[ContractsRules.FromKebab<ContractType>(c.Type)],
        [TransferKind] = c.TransferKind is null ? null : ContractsRules.TransferKindNames[ContractsRules.FromKebab<Contracts.TransferKind>(c.TransferKind)],
        [SellerName] = c.SellerName,
        [SellerCreditCode] = creditCodes.GetValueOrDefault(c.SellerId),
        [BuyerName] = c.BuyerName,
        [BuyerCreditCode] = creditCodes.GetValueOrDefault(c.BuyerId),
        [SignDate] = c.SignDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [Amount] = c.Amount,
        [TransactionAmount] = c.TransactionAmount,
        [RegistrationNumber] = c.RegistrationNumber,
        [RegisteredOn] = c.RegisteredOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [Status] = c.StatusName,
        [Region] = c.RegionName,
    };

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy/MM/dd", "yyyy.M.d", "yyyy年M月d日", "yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm:ss"];

    public static object? Cell(IDictionary<string, object?> cells, string header) =>
        cells.TryGetValue(header, out var value) ? value : null;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static DateOnly? ParseDate(object? value, out bool bad)
    {
        bad = false;
        switch (value)
        {
            case null:
                return null;
            case DateTime dt:
                return DateOnly.FromDateTime(dt);
            case DateOnly d:
                return d;
            case double oa when oa is > 1 and < 2958465:
                return DateOnly.FromDateTime(DateTime.FromOADate(oa));
        }
        var text = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "";
        if (text.Length == 0)
        {
            return null;
        }
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return DateOnly.FromDateTime(parsed);
        }
        bad = true;
        return null;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static decimal? ParseAmount(object? value, out bool bad)
    {
        bad = false;
        switch (value)
        {
            case null:
                return null;
            case decimal m:
                return m;
            case double d:
                // Excel keeps numbers as doubles: 15 significant digits round-trip exactly to the fen.
                return decimal.Round((decimal)d, 2) == (decimal)d ? (decimal)d : decimal.Parse(d.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
            case int or long:
                return Convert.ToDecimal(value, CultureInfo.InvariantCulture);
        }
        var text = (Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").Trim().Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal);
        if (text.Length == 0)
        {
            return null;
        }
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            return amount;
        }
        bad = true;
        return null;
    }
}

/// <summary>
/// Imports contracts from .xlsx, all or nothing: every row is validated, every bad cell reported, and
/// nothing saved if any. One pass over the file: the sheet is read and its rows validated in chunks on
/// a background task while the previous chunk is checked against the database and written through
/// <see cref="BulkInsert"/> (records and their audit entries, one transaction); the first bad row stops
/// the writing, the remaining rows are still validated so every bad row is reported, and the
/// transaction is rolled back. Memory stays flat: only the compact keys of the rows already read
/// (duplicates within the file) are kept, never the rows themselves. See docs/adr/008.
/// </summary>
/// <remarks>
/// Created by the services it also gets the context factory: on PostgreSQL each chunk's registration numbers are
/// then checked against the database on a second connection by the reading side, while the writer copies the
/// previous chunk (committed numbers only, as the check in the transaction sees them: the file's own numbers are
/// checked in memory, and a number committed by another import meanwhile still fails the unique index).
/// </remarks>
public sealed class ImportContractsHandler(KechuangDb db, IOrganizationDirectory directory, IDbContextFactory<KechuangDb>? contexts = null)
{
    /// <summary>
    /// Rows per chunk: small enough that a chunk's objects die young (peak memory), large enough that
    /// PostgreSQL's round trips (a COPY per table, a number check per chunk) stay few.
    /// </summary>
    private const int SqliteChunk = 500, PostgresChunk = 2000;

    private sealed record Accepted(int Row, TechContract Contract);

    private sealed record Chunk(List<Accepted> Good, BulkBatch<TechContract> Batch, List<ImportRowError> Bad, Dictionary<string, int> Numbers)
    {
        /// <summary>Its registration numbers were checked against the database by the reading side.</summary>
        public bool NumbersChecked { get; set; }
    }

    /// <summary>Where the time goes, when set (the benchmark's <c>--breakdown</c>).</summary>
    internal ImportStages? Stages { get; init; }

    public Task<int> HandleAsync(Stream file, CancellationToken cancellationToken = default) => HandleAsync(file, null, cancellationToken);

    public async Task<int> HandleAsync(Stream file, string? fileName, CancellationToken cancellationToken)
    {
        ContractAccess.EnsureMayRead(db.User);
        var organizations = await directory.ListAnywhereAsync(cancellationToken);
        var import = new ContractImport(Guid.CreateVersion7(), db.User.UserName, db.User.RegionCode, fileName, db.UtcNow);

        // The chain is held from here to the commit (or the rollback of a file with bad rows): the
        // reader builds each accepted row's audit entry as it goes, in file order (docs/adr/008).
        await using var bulk = await BulkInsert.BeginAsync(db, cancellationToken);
        Stages?.Tables = bulk.WriteTicks;
        var rows = new RowValidator(db.User, organizations, import, ContractsRules.LocalDate(db.UtcNow), db.UtcNow, bulk) { Stages = Stages };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var chunkSize = db.IsSqlite ? SqliteChunk : PostgresChunk;
        await using var checkDb = db.IsSqlite ? null : contexts?.CreateDbContext();
        Func<Chunk, CancellationToken, Task>? check = checkDb is null ? null : (chunk, ct) => CheckNumbersAsync(checkDb, chunk, ct);
        var reader = Task.Run(() => ReadSheet(file, rows, chunkSize, check, channel.Writer, stop.Token), CancellationToken.None);
        var bad = new List<ImportRowError>();
        var sellersChecked = new HashSet<Guid>();
        var existing = new HashSet<(Guid, Guid, DateOnly, string)>();
        try
        {
            var stages = Stages;
            var t0 = ImportStages.Now;
            await foreach (var chunk in channel.Reader.ReadAllAsync(cancellationToken))
            {
                var t1 = ImportStages.Now;
                bad.AddRange(chunk.Bad);
                await CheckAgainstDatabaseAsync(chunk, sellersChecked, existing, bad, cancellationToken);
                var t2 = ImportStages.Now;
                if (bad.Count == 0)
                {
                    await bulk.InsertAsync(chunk.Batch, cancellationToken);
                }
                var t3 = ImportStages.Now;
                if (stages is not null)
                {
                    stages.Wait += t1 - t0;
                    stages.Check += t2 - t1;
                    stages.Write += t3 - t2;
                }
                t0 = t3;
            }
            if (bad.Count > 0)
            {
                throw new ImportRowsException(bad.OrderBy(b => b.Row).ToList());
            }
            if (rows.Submitted + rows.Registered == 0)
            {
                throw InputException.For("file", "文件中没有可导入的数据行");
            }
            import.Count(rows.Submitted, rows.Registered);
            await bulk.InsertAsync([import], cancellationToken);
            await bulk.CommitAsync(cancellationToken);
            return import.Total;
        }
        catch (DbException e) when (IsUniqueViolation(e))
        {
            throw new RuleException("contracts.registration-number-taken", "导入期间登记号已被其他合同使用，未导入任何记录，请重试");
        }
        finally
        {
            // Stops the reader when the import ended early (a cancelled request, a database error).
            await stop.CancelAsync();
            await reader; // never throws: its failure was delivered through the channel
        }
    }

    /// <summary>Rows parsed from the sheet handed to validation at a time.</summary>
    private const int ParsedBatch = 256;

    /// <summary>
    /// Two stages on two threads: one parses the worksheet's XML (about 60 % of the reading), the other
    /// validates rows and builds their chunks (values, audit entries) in file order. Either stage's failure
    /// ends both and reaches the writer through <paramref name="output"/>.
    /// </summary>
    private static async Task ReadSheet(Stream file, RowValidator rows, int chunkSize, Func<Chunk, CancellationToken, Task>? check,
        ChannelWriter<Chunk> output, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var parsed = Channel.CreateBounded<List<(int Row, IDictionary<string, object?> Cells)>>(
            new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var parser = Task.Run(() => ParseSheet(file, rows.Stages, parsed.Writer, stop.Token), CancellationToken.None);
        try
        {
            var chunk = rows.NewChunk();
            var stages = rows.Stages;
            await foreach (var batch in parsed.Reader.ReadAllAsync(stop.Token))
            {
                foreach (var (row, cells) in batch)
                {
                    var t1 = ImportStages.Now;
                    rows.Validate(row, cells, chunk);
                    var t2 = ImportStages.Now;
                    if (chunk.Good.Count + chunk.Bad.Count >= chunkSize)
                    {
                        if (check is not null)
                        {
                            await check(chunk, stop.Token);
                        }
                        await output.WriteAsync(chunk, stop.Token);
                        chunk = rows.NewChunk();
                    }
                    if (stages is not null)
                    {
                        stages.Validate += t2 - t1;
                        stages.Blocked += ImportStages.Now - t2;
                    }
                }
            }
            if (check is not null)
            {
                await check(chunk, stop.Token);
            }
            await output.WriteAsync(chunk, stop.Token);
            output.TryComplete();
        }
        catch (Exception e)
        {
            output.TryComplete(e);
        }
        finally
        {
            await stop.CancelAsync();
            await parser; // never throws: its failure was delivered through the channel
        }
    }

    private static async Task ParseSheet(Stream file, ImportStages? stages, ChannelWriter<List<(int, IDictionary<string, object?>)>> output, CancellationToken cancellationToken)
    {
        try
        {
            var batch = new List<(int, IDictionary<string, object?>)>(ParsedBatch);
            using var sheet = XlsxRows.Read(file).GetEnumerator();
            while (true)
            {
                var t0 = ImportStages.Now;
                var more = sheet.MoveNext();
                stages?.Read += ImportStages.Now - t0;
                if (!more)
                {
                    break;
                }
                batch.Add(sheet.Current);
                if (batch.Count == ParsedBatch)
                {
                    await output.WriteAsync(batch, cancellationToken);
                    batch = new List<(int, IDictionary<string, object?>)>(ParsedBatch);
                }
            }
            await output.WriteAsync(batch, cancellationToken);
            output.TryComplete();
        }
        catch (Exception e)
        {
            output.TryComplete(e);
        }
    }

    private static bool IsUniqueViolation(DbException e) =>
        e is Npgsql.PostgresException { SqlState: "23505" } or Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 2067 };

    /// <summary>
    /// Registration numbers already present and contracts already entered (across every region) are bad
    /// rows. A seller's existing contracts are read the first time it appears, before any of its rows is written.
    /// </summary>
    private async Task CheckAgainstDatabaseAsync(Chunk chunk, HashSet<Guid> sellersChecked,
        HashSet<(Guid, Guid, DateOnly, string)> existing, List<ImportRowError> bad, CancellationToken cancellationToken)
    {
        var good = chunk.Good;
        if (!chunk.NumbersChecked)
        {
            var before = chunk.Bad.Count;
            await CheckNumbersAsync(db, chunk, cancellationToken);
            bad.AddRange(chunk.Bad.Skip(before));
        }
        var sellers = good.Select(g => g.Contract.SellerId).Where(sellersChecked.Add).ToList();
        foreach (var some in sellers.Chunk(500))
        {
            var rows = await db.Set<TechContract>().IgnoreQueryFilters().AsNoTracking()
                .Where(c => some.Contains(c.SellerId) && c.Status != ContractStatus.Refused)
                .Select(c => new { c.SellerId, c.BuyerId, c.SignDate, c.Title }).ToListAsync(cancellationToken);
            existing.UnionWith(rows.Select(r => (r.SellerId, r.BuyerId, r.SignDate, r.Title)));
        }
        if (existing.Count > 0)
        {
            foreach (var (row, contract) in good)
            {
                if (existing.Contains((contract.SellerId, contract.BuyerId, contract.SignDate, contract.Title)))
                {
                    bad.Add(new ImportRowError(row, ContractSheet.Title, "已存在卖方、买方、合同名称和签订日期均相同的合同"));
                }
            }
        }
    }

    /// <summary>Marks the chunk's registration numbers already present in the database as bad rows of the chunk.</summary>
    private static async Task CheckNumbersAsync(KechuangDb source, Chunk chunk, CancellationToken cancellationToken)
    {
        var numbers = chunk.Numbers;
        if (numbers.Count > 0)
        {
            var taken = await NumbersTakenAsync(source, [.. numbers.Keys], cancellationToken);
            chunk.Bad.AddRange(taken.Select(number => new ImportRowError(numbers[number], ContractSheet.RegistrationNumber, $"登记号 {number} 已存在")));
        }
        chunk.NumbersChecked = true;
    }

    /// <summary>
    /// The registration numbers of a chunk already present in any region. PostgreSQL: one prepared statement
    /// with an array, on the import's connection and transaction (EF's query pipeline cost as much client CPU
    /// as the database's look-ups over a 200,000-row file).
    /// </summary>
    private static async Task<List<string>> NumbersTakenAsync(KechuangDb db, string[] wanted, CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection() is not Npgsql.NpgsqlConnection connection)
        {
            return await db.Set<TechContract>().IgnoreQueryFilters().AsNoTracking()
                .Where(c => c.RegistrationNumber != null && wanted.Contains(c.RegistrationNumber)).Select(c => c.RegistrationNumber!).ToListAsync(cancellationToken);
        }
        await using var command = new Npgsql.NpgsqlCommand("SELECT registration_number FROM contracts_contract WHERE registration_number = ANY($1)", connection)
        {
            Transaction = (Npgsql.NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
        };
        command.Parameters.Add(new Npgsql.NpgsqlParameter<string[]> { TypedValue = wanted });
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }
        var taken = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            taken.Add(reader.GetString(0));
        }
        return taken;
    }

    /// <summary>The checks of one row that need no database: cells, parties, scope, duplicates within the file.</summary>
    private sealed class RowValidator
    {
        private readonly CurrentUser _user;
        private readonly bool _staff;
        private readonly Dictionary<string, OrganizationInfo> _byCode;
        private readonly Dictionary<string, List<OrganizationInfo>> _byName;
        private readonly ContractImport _import;
        private readonly DateOnly _today;
        private readonly DateTime _now;
        private readonly Dictionary<string, int> _numbersInFile = new(StringComparer.Ordinal);
        private readonly Dictionary<(Guid, Guid, DateOnly, string), int> _keysInFile = [];
        private readonly Dictionary<Guid, string?> _sellerRefusals = [];
        private readonly BulkInsert _bulk;
        private bool _anyBad;

        public ImportStages? Stages { get; init; }

        public int Submitted { get; private set; }

        public int Registered { get; private set; }

        public Chunk NewChunk() => new([], _bulk.Batch<TechContract>(), [], new(StringComparer.Ordinal));

        public RowValidator(CurrentUser user, IReadOnlyList<OrganizationInfo> organizations, ContractImport import, DateOnly today, DateTime now, BulkInsert bulk)
        {
            _bulk = bulk;
            _user = user;
            _staff = ContractAccess.IsStaff(user);
            _byCode = organizations.GroupBy(o => o.CreditCode).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            _byName = organizations.GroupBy(o => o.Name).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            _import = import;
            _today = today;
            _now = now;
        }

        /// <summary>Why the caller may not register contracts of this seller (the data scope), once per seller.</summary>
        private string? MayNotRegisterFor(OrganizationInfo seller)
        {
            if (!_sellerRefusals.TryGetValue(seller.Id, out var refusal))
            {
                try
                {
                    ContractAccess.EnsureMayRegisterFor(_user, seller);
                }
                catch (ForbiddenException e)
                {
                    refusal = e.Message;
                }
                _sellerRefusals[seller.Id] = refusal;
            }
            return refusal;
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public void Validate(int row, IDictionary<string, object?> cells, Chunk into)
        {
            var errors = new FieldErrors();
            var today = _today;
            var signDate = ContractSheet.ParseDate(ContractSheet.Cell(cells, ContractSheet.SignDate), out var badDate);
            if (badDate)
            {
                errors.Add("signDate", "签订日期格式应为 2022-03-15");
            }
            var amount = ContractSheet.ParseAmount(ContractSheet.Cell(cells, ContractSheet.Amount), out var badAmount);
            if (badAmount)
            {
                errors.Add("amount", "合同成交额应为数字（元）");
            }
            var transaction = ContractSheet.ParseAmount(ContractSheet.Cell(cells, ContractSheet.TransactionAmount), out var badTransaction);
            if (badTransaction)
            {
                errors.Add("transactionAmount", "技术交易额应为数字（元）");
            }
            var input = new ContractInput(ExcelFile.Text(cells, ContractSheet.Title), ExcelFile.Text(cells, ContractSheet.Type),
                ExcelFile.Text(cells, ContractSheet.TransferKind), null, null, signDate, amount, transaction);
            var valid = errors.Any ? null : ContractsRules.ValidateFields(input, today, errors);
            if (badDate || badAmount || badTransaction)
            {
                // Re-run the text checks so every bad cell of the row is reported, not only the unparsable ones.
                var more = new FieldErrors();
                ContractsRules.ValidateFields(input with { SignDate = signDate ?? today, Amount = amount ?? 1m, TransactionAmount = transaction ?? 0m }, today, more);
                foreach (var (field, messages) in more.ToDictionary().Where(e => e.Key is "title" or "type" or "transferKind"))
                {
                    foreach (var m in messages)
                    {
                        errors.Add(field, m);
                    }
                }
            }
            var seller = Party(errors, "sellerId", "卖方", ExcelFile.Text(cells, ContractSheet.SellerCreditCode), ExcelFile.Text(cells, ContractSheet.SellerName), _byCode, _byName);
            var buyer = Party(errors, "buyerId", "买方", ExcelFile.Text(cells, ContractSheet.BuyerCreditCode), ExcelFile.Text(cells, ContractSheet.BuyerName), _byCode, _byName);
            if (seller is not null && buyer is not null && seller.Id == buyer.Id)
            {
                errors.Add("buyerId", "买方与卖方不能是同一单位");
            }
            if (seller is not null && MayNotRegisterFor(seller) is { } refused)
            {
                errors.Add("sellerId", refused);
            }
            var number = ExcelFile.Text(cells, ContractSheet.RegistrationNumber)?.ToUpperInvariant();
            var registeredOn = ContractSheet.ParseDate(ContractSheet.Cell(cells, ContractSheet.RegisteredOn), out var badRegistered);
            if (badRegistered)
            {
                errors.Add("registeredOn", "登记日期格式应为 2022-03-15");
            }
            if (!string.IsNullOrEmpty(number))
            {
                if (!_staff)
                {
                    errors.Add("registrationNumber", "只有科技局工作人员可以导入已登记的合同");
                }
                else if (!ContractsRules.IsWellFormedNumber(number))
                {
                    errors.Add("registrationNumber", "登记号应为6–32位数字或大写字母");
                }
                else if (_numbersInFile.TryGetValue(number, out var first))
                {
                    errors.Add("registrationNumber", $"与第{first}行的登记号重复");
                }
                else
                {
                    _numbersInFile[number] = row;
                    into.Numbers[number] = row;
                }
                if (registeredOn is null && !badRegistered)
                {
                    errors.Add("registeredOn", "已登记的合同请填写登记日期");
                }
                else if (registeredOn > today || (registeredOn is { } r && signDate is { } s && r < s))
                {
                    errors.Add("registeredOn", "登记日期不能早于签订日期，也不能晚于今天");
                }
            }
            else if (registeredOn is not null)
            {
                errors.Add("registrationNumber", "填写了登记日期的合同请同时填写登记号");
            }
            if (valid is { } v && seller is not null && buyer is not null && !errors.Any)
            {
                var key = (seller.Id, buyer.Id, v.SignDate, v.Title);
                if (_keysInFile.TryGetValue(key, out var first))
                {
                    errors.Add("title", $"与第{first}行为同一合同（卖方、买方、合同名称、签订日期相同）");
                }
                else
                {
                    _keysInFile[key] = row;
                    var fields = new ContractFields(v.Title, v.Type, v.TransferKind, seller.Id, buyer.Id, v.SignDate, v.AmountFen, v.TransactionFen);
                    var contract = new TechContract(fields, seller.RegionCode, "Excel 导入", _now);
                    if (string.IsNullOrEmpty(number))
                    {
                        contract.ImportAsSubmitted(_import.Id, _now);
                    }
                    else
                    {
                        contract.ImportAsRegistered(_import.Id, number, registeredOn!.Value, _now);
                    }
                    into.Good.Add(new Accepted(row, contract));
                    if (!_anyBad)
                    {
                        // Nothing is written once a row is bad: its audit entry would be built for nothing.
                        var t0 = ImportStages.Now;
                        into.Batch.Add(contract);
                        if (Stages is not null)
                        {
                            Stages.Audit += ImportStages.Now - t0;
                        }
                        _ = contract.Status == ContractStatus.Registered ? Registered++ : Submitted++;
                    }
                }
            }
            if (!errors.Any)
            {
                return;
            }
            foreach (var (field, messages) in errors.ToDictionary())
            {
                _anyBad = true;
                into.Bad.AddRange(messages.Select(m => new ImportRowError(row, ContractSheet.ColumnOfField.GetValueOrDefault(field, field), m)));
            }
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static OrganizationInfo? Party(FieldErrors errors, string field, string label, string? creditCode, string? name,
        Dictionary<string, OrganizationInfo> byCode, Dictionary<string, List<OrganizationInfo>> byName)
    {
        if (!string.IsNullOrEmpty(creditCode))
        {
            if (byCode.TryGetValue(creditCode.ToUpperInvariant(), out var found))
            {
                return found;
            }
            errors.Add(field, $"{label}统一社会信用代码 {creditCode} 不在组织名录中，请先登记该组织");
            return null;
        }
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(field, $"请填写{label}名称或统一社会信用代码");
            return null;
        }
        if (!byName.TryGetValue(name, out var matches))
        {
            errors.Add(field, $"{label}“{name}”不在组织名录中，请先登记该组织或填写统一社会信用代码");
            return null;
        }
        if (matches.Count > 1)
        {
            errors.Add(field, $"名录中有多个名为“{name}”的组织，请填写{label}统一社会信用代码");
            return null;
        }
        return matches[0];
    }
}

/// <summary>Time spent in each stage of an import (Stopwatch ticks), for the benchmark's breakdown.</summary>
internal sealed class ImportStages
{
    public long Read, Validate, Audit, Blocked, Wait, Check, Write;

    public Dictionary<string, long>? Tables { get; set; }

    /// <summary>The clock the stages are measured with: wall time, or (set by the benchmark) the calling thread's CPU time in Stopwatch ticks.</summary>
    public static Func<long> Clock { get; set; } = System.Diagnostics.Stopwatch.GetTimestamp;

    public static long Now => Clock();

    public override string ToString()
    {
        static string S(long ticks) => (ticks / (double)System.Diagnostics.Stopwatch.Frequency).ToString("0.00", CultureInfo.InvariantCulture);
        return $"reader thread: sheet {S(Read)} s, validate {S(Validate - Audit)} s, audit entries {S(Audit)} s, blocked on writer {S(Blocked)} s; "
            + $"writer: waiting for reader {S(Wait)} s, database checks {S(Check)} s, inserts {S(Write)} s ("
            + string.Join(", ", (Tables ?? []).Select(t => $"{t.Key} {S(t.Value)} s")) + ")";
    }
}
