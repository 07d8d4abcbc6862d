using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kechuang.Modules.Contracts;

/// <summary>
/// The contract sheet's columns, shared by the import, the export and the template, so an export can be edited and
/// imported back. 状态 and 登记地区 are written for the reader and ignored on import: an imported row with a 登记号
/// enters as registered (a historical record of the national registration system), one without enters as submitted.
/// </summary>
public static class ContractSheet
{
    public static readonly SheetColumn Title = new("合同名称", "title");
    public static readonly SheetColumn Type = new("合同类型", "type");
    public static readonly SheetColumn TransferKind = new("技术转让类别", "transferKind");
    public static readonly SheetColumn SellerName = new("卖方名称", "sellerId");
    public static readonly SheetColumn SellerCreditCode = new("卖方统一社会信用代码");
    public static readonly SheetColumn SellerCountry = new("卖方国别（地区）", "sellerCountry");
    public static readonly SheetColumn SellerDivision = new("卖方行政区划代码", "sellerDivision");
    public static readonly SheetColumn SellerNature = new("卖方性质", "sellerNature");
    public static readonly SheetColumn BuyerName = new("买方名称", "buyerId");
    public static readonly SheetColumn BuyerCreditCode = new("买方统一社会信用代码");
    public static readonly SheetColumn BuyerCountry = new("买方国别（地区）", "buyerCountry");
    public static readonly SheetColumn BuyerDivision = new("买方行政区划代码", "buyerDivision");
    public static readonly SheetColumn BuyerNature = new("买方性质", "buyerNature");
    public static readonly SheetColumn SignDate = new("签订日期", "signDate");
    public static readonly SheetColumn ValidFrom = new("合同有效期自", "validFrom");
    public static readonly SheetColumn ValidTo = new("合同有效期至", "validTo");
    public static readonly SheetColumn Amount = new("合同成交额（元）", "amount");
    public static readonly SheetColumn TransactionAmount = new("技术交易额（元）", "transactionAmount");
    public static readonly SheetColumn TechField = new("技术领域", "techField");
    public static readonly SheetColumn SocioEconomicGoal = new("社会经济目标", "socioEconomicGoal");
    public static readonly SheetColumn IpType = new("知识产权类型", "ipType");
    public static readonly SheetColumn PlanCategory = new("计划类别", "planCategory");
    public static readonly SheetColumn ExpectedInvestment = new("预计新增投入（万元）", "expectedInvestment");
    public static readonly SheetColumn ExpectedOutput = new("预计新增产值（万元）", "expectedOutput");
    public static readonly SheetColumn RegistrationNumber = new("登记号", "registrationNumber");
    public static readonly SheetColumn RegisteredOn = new("登记日期", "registeredOn");
    public static readonly SheetColumn Status = new("状态");
    public static readonly SheetColumn Region = new("登记地区");

    public static readonly ImportSheet Sheet = new("技术合同导入模板.xlsx", "contracts_contract",
        // The form's order (docs/rules/contract-registration.md §10), then what the registry adds.
        Title, Type, TransferKind, SellerName, SellerCreditCode, SellerCountry, SellerDivision, SellerNature,
        BuyerName, BuyerCreditCode, BuyerCountry, BuyerDivision, BuyerNature, SignDate, ValidFrom, ValidTo, Amount, TransactionAmount,
        TechField, SocioEconomicGoal, IpType, PlanCategory, ExpectedInvestment, ExpectedOutput,
        RegistrationNumber, RegisteredOn, Status, Region);

    public static readonly ExportSheet<Row> Export = Sheet.Export<Row>("技术合同.xlsx", new()
    {
        [Title] = r => r.Contract.Title,
        [Type] = r => ContractsRules.TypeNames[ContractsRules.FromKebab<ContractType>(r.Contract.Type)],
        [TransferKind] = r => r.Contract.TransferKind is null ? null : ContractsRules.TransferKindNames[ContractsRules.FromKebab<Contracts.TransferKind>(r.Contract.TransferKind)],
        [SellerName] = r => r.Contract.SellerName,
        [SellerCreditCode] = r => r.SellerCreditCode,
        [SellerCountry] = r => Name(ContractCodes.Countries, r.Contract.SellerCountry),
        [SellerDivision] = r => r.Contract.SellerDivision,
        [SellerNature] = r => Name(ContractCodes.Natures, r.Contract.SellerNature),
        [BuyerName] = r => r.Contract.BuyerName,
        [BuyerCreditCode] = r => r.BuyerCreditCode,
        [BuyerCountry] = r => Name(ContractCodes.Countries, r.Contract.BuyerCountry),
        [BuyerDivision] = r => r.Contract.BuyerDivision,
        [BuyerNature] = r => Name(ContractCodes.Natures, r.Contract.BuyerNature),
        [SignDate] = r => r.Contract.SignDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [ValidFrom] = r => r.Contract.ValidFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [ValidTo] = r => r.Contract.ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [Amount] = r => r.Contract.Amount,
        [TransactionAmount] = r => r.Contract.TransactionAmount,
        [TechField] = r => Name(ContractCodes.TechFields, r.Contract.TechField),
        [SocioEconomicGoal] = r => Name(ContractCodes.SocioEconomicGoals, r.Contract.SocioEconomicGoal),
        [IpType] = r => Name(ContractCodes.IpTypes, r.Contract.IpType),
        [PlanCategory] = r => Name(ContractCodes.PlanCategories, r.Contract.PlanCategory),
        [ExpectedInvestment] = r => r.Contract.ExpectedInvestment / TenThousand,
        [ExpectedOutput] = r => r.Contract.ExpectedOutput / TenThousand,
        [RegistrationNumber] = r => r.Contract.RegistrationNumber,
        [RegisteredOn] = r => r.Contract.RegisteredOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [Status] = r => r.Contract.StatusName,
        [Region] = r => r.Contract.RegionName,
    });

    /// <summary>预计新增投入/产值 are written in 万元 on the sheet, as on the national form; yuan everywhere else.</summary>
    public const decimal TenThousand = 10_000m;

    private static string? Name(CodeList list, string? code) => code is null ? null : list.NameOf(code);

    /// <summary>An exported contract: the list's item with its parties' credit codes, by which an import finds them again.</summary>
    public sealed record Row(ContractItem Contract, string? SellerCreditCode, string? BuyerCreditCode);

    /// <summary>The list's items as export rows (the parties' credit codes looked up once, wherever the parties are registered).</summary>
    public static async Task<IReadOnlyList<Row>> RowsAsync(IOrganizationDirectory directory, IReadOnlyList<ContractItem> items, CancellationToken cancellationToken)
    {
        var parties = await directory.FindManyAnywhereAsync(items.SelectMany(r => new[] { r.SellerId, r.BuyerId }), cancellationToken);
        return [.. items.Select(c => new Row(c, parties.GetValueOrDefault(c.SellerId)?.CreditCode, parties.GetValueOrDefault(c.BuyerId)?.CreditCode))];
    }
}

/// <summary>
/// Imports contracts from .xlsx through the import kit, all or nothing, written in bulk (docs/adr/008): the kit reads
/// the sheet and this reads each row (cells, parties, data scope of the seller, duplicates and registration numbers
/// within the file, kept as compact keys) on the reading side, while the caller's thread checks the previous chunk
/// against the database (registration numbers present, the same contract already entered, across every region) and
/// writes it with its audit entries. The import is one event: a <see cref="ContractImport"/> batch, written last, that
/// every contract points to and the contract's timeline shows as its first step.
/// </summary>
/// <remarks>
/// Created by the services it also gets the context factory: on PostgreSQL each chunk's registration numbers are
/// then checked against the database on a second connection by the reading side, while the writer copies the
/// previous chunk (committed numbers only, as the check in the transaction sees them: the file's own numbers are
/// checked in memory, and a number committed by another import meanwhile still fails the unique index).
/// </remarks>
public sealed class ImportContractsHandler(KechuangDb db, IOrganizationDirectory directory, RegionCatalog regions, IDbContextFactory<KechuangDb>? contexts = null)
    : SheetImport<TechContract>(db)
{
    private ContractImport? _import;
    private RowValidator? _rows;
    private KechuangDb? _checkDb;
    private readonly HashSet<Guid> _sellersChecked = [];

    /// <summary>Each chunk's registration numbers not yet checked against the database, in chunk order (null: checked beside the writer).</summary>
    private readonly ConcurrentQueue<Dictionary<string, int>?> _uncheckedNumbers = new();
    private readonly HashSet<(Guid, Guid, DateOnly, string)> _existing = [];

    protected override ImportSheet Sheet => ContractSheet.Sheet;

    protected override Platform.Access.Permission Permission => ContractsPermissions.Create;

    protected override bool Bulk => true;

    /// <summary>
    /// PostgreSQL: 5,000 rows a chunk. Every chunk costs the writer four round trips to the server (two COPYs, each
    /// started and completed), and on a busy machine a round trip waits for the server process to be scheduled; the
    /// audit values no longer weigh on the collector (pooled buffers), which kept chunks at 2,000 before.
    /// </summary>
    protected override int ChunkSize => Db.IsSqlite ? 500 : 5000;

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        _sellersChecked.Clear();
        _existing.Clear();
        _uncheckedNumbers.Clear();
        var organizations = await directory.ListAnywhereAsync(cancellationToken);
        _import = new ContractImport(ImportId, Db.User.UserName, Db.User.RegionCode, FileName, Db.UtcNow);
        var table = await regions.GetAsync(cancellationToken);
        _rows = new RowValidator(Db.User, organizations, code => table.Find(code) is not null, _import, ContractsRules.LocalDate(Db.UtcNow), Db.UtcNow);
        if (!Db.IsSqlite && contexts is not null)
        {
            _checkDb?.Dispose();
            _checkDb = contexts.CreateDbContext();
        }
    }

    protected override TechContract? Read(SheetRow row, FieldErrors errors) => _rows!.Read(row, errors);

    /// <summary>
    /// The chunk's registration numbers (of every row that has a well-formed one, bad or not, so a bad row also hears
    /// that its number is taken): checked here on PostgreSQL, else handed to <see cref="CheckAsync"/>.
    /// </summary>
    protected override async Task CheckBesideAsync(ImportChunk<TechContract> chunk, CancellationToken cancellationToken)
    {
        var numbers = _rows!.TakeNumbers();
        if (_checkDb is not null)
        {
            await CheckNumbersAsync(_checkDb, numbers, chunk, cancellationToken);
            numbers = null;
        }
        _uncheckedNumbers.Enqueue(numbers);
    }

    /// <summary>
    /// Registration numbers already present and contracts already entered (across every region) are bad rows. A
    /// seller's existing contracts are read the first time it appears, before any of its rows is written.
    /// </summary>
    protected override async Task CheckAsync(ImportChunk<TechContract> chunk, CancellationToken cancellationToken)
    {
        if (_uncheckedNumbers.TryDequeue(out var numbers) && numbers is not null)
        {
            await CheckNumbersAsync(Db, numbers, chunk, cancellationToken);
        }
        var sellers = chunk.Accepted.Select(g => g.Record.SellerId).Where(_sellersChecked.Add).ToList();
        foreach (var some in sellers.Chunk(500))
        {
            var rows = await Db.Set<TechContract>().IgnoreQueryFilters().AsNoTracking()
                .Where(c => some.Contains(c.SellerId) && c.Status != ContractStatus.Refused)
                .Select(c => new { c.SellerId, c.BuyerId, c.SignDate, c.Title }).ToListAsync(cancellationToken);
            _existing.UnionWith(rows.Select(r => (r.SellerId, r.BuyerId, r.SignDate, r.Title)));
        }
        if (_existing.Count > 0)
        {
            foreach (var (row, contract) in chunk.Accepted)
            {
                if (_existing.Contains((contract.SellerId, contract.BuyerId, contract.SignDate, contract.Title)))
                {
                    chunk.Reject(row, ContractSheet.Title, "已存在卖方、买方、合同名称和签订日期均相同的合同");
                }
            }
        }
    }

    protected override async Task CompleteAsync(int imported, CancellationToken cancellationToken)
    {
        _import!.Count(_rows!.Submitted, _rows.Registered);
        await AddAsync([_import], cancellationToken);
    }

    protected override RuleException? Conflict(DbException exception) =>
        exception is Npgsql.PostgresException { SqlState: "23505" } or Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 2067 }
            ? new RuleException("contracts.registration-number-taken", "导入期间登记号已被其他合同使用，未导入任何记录，请重试")
            : null;

    protected override async ValueTask ReleaseAsync()
    {
        if (_checkDb is not null)
        {
            await _checkDb.DisposeAsync();
            _checkDb = null;
        }
    }

    /// <summary>Marks the chunk's registration numbers already present in the database as bad rows of the chunk.</summary>
    private static async Task CheckNumbersAsync(KechuangDb source, Dictionary<string, int> numbers, ImportChunk<TechContract> chunk, CancellationToken cancellationToken)
    {
        if (numbers.Count == 0)
        {
            return;
        }
        foreach (var taken in await NumbersTakenAsync(source, [.. numbers.Keys], cancellationToken))
        {
            chunk.Reject(numbers[taken], ContractSheet.RegistrationNumber, $"登记号 {taken} 已存在");
        }
    }

    /// <summary>
    /// The registration numbers of a chunk already present in any region: one statement with the chunk's numbers as an
    /// array, on the import's connection and transaction (EF's query pipeline cost as much client CPU as the database's
    /// look-ups over a 200,000-row file).
    /// </summary>
    private static async Task<List<string>> NumbersTakenAsync(KechuangDb db, string[] wanted, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (connection is Npgsql.NpgsqlConnection)
        {
            command.CommandText = "SELECT registration_number FROM contracts_contract WHERE registration_number = ANY($1)";
            command.Parameters.Add(new Npgsql.NpgsqlParameter<string[]> { TypedValue = wanted });
        }
        else
        {
            command.CommandText = "SELECT registration_number FROM contracts_contract WHERE registration_number IN (SELECT value FROM json_each($numbers))";
            command.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$numbers", System.Text.Json.JsonSerializer.Serialize(wanted)));
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
        private readonly Func<string, bool> _isRegion;
        private readonly ContractImport _import;
        private readonly DateOnly _today;
        private readonly DateTime _now;
        private readonly Dictionary<string, int> _numbersInFile = new(StringComparer.Ordinal);
        private readonly Dictionary<(Guid, Guid, DateOnly, string), int> _keysInFile = [];
        private readonly Dictionary<Guid, string?> _sellerRefusals = [];
        private Dictionary<string, int> _chunkNumbers = new(StringComparer.Ordinal);

        public int Submitted { get; private set; }

        public int Registered { get; private set; }

        public RowValidator(CurrentUser user, IReadOnlyList<OrganizationInfo> organizations, Func<string, bool> isRegion, ContractImport import, DateOnly today,
            DateTime now)
        {
            _isRegion = isRegion;
            _user = user;
            _staff = ContractAccess.IsStaff(user);
            _byCode = organizations.GroupBy(o => o.CreditCode).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            _byName = organizations.GroupBy(o => o.Name).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            _import = import;
            _today = today;
            _now = now;
        }

        /// <summary>The registration numbers met since the last call (a chunk's), by the row that holds each.</summary>
        public Dictionary<string, int> TakeNumbers()
        {
            var numbers = _chunkNumbers;
            _chunkNumbers = new(StringComparer.Ordinal);
            return numbers;
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
        public TechContract? Read(SheetRow cells, FieldErrors errors)
        {
            var row = cells.Number;
            var today = _today;
            var signDate = cells.Date(ContractSheet.SignDate, errors);
            var amount = cells.Numeric(ContractSheet.Amount, errors);
            var transaction = cells.Numeric(ContractSheet.TransactionAmount, errors);
            var unparsable = errors.Any;
            var validFrom = cells.Date(ContractSheet.ValidFrom, errors);
            var validTo = cells.Date(ContractSheet.ValidTo, errors);
            var investment = TenThousands(cells, ContractSheet.ExpectedInvestment, errors);
            var output = TenThousands(cells, ContractSheet.ExpectedOutput, errors);
            var input = new ContractInput(cells.Text(ContractSheet.Title), cells.Text(ContractSheet.Type),
                cells.Text(ContractSheet.TransferKind), null, null, signDate, amount, transaction, validFrom, validTo,
                cells.Text(ContractSheet.SellerCountry), cells.Text(ContractSheet.SellerDivision), cells.Text(ContractSheet.SellerNature),
                cells.Text(ContractSheet.BuyerCountry), cells.Text(ContractSheet.BuyerDivision), cells.Text(ContractSheet.BuyerNature),
                cells.Text(ContractSheet.TechField), cells.Text(ContractSheet.SocioEconomicGoal), cells.Text(ContractSheet.IpType),
                cells.Text(ContractSheet.PlanCategory), investment, output);
            var valid = unparsable ? null : ContractsRules.ValidateFields(input, today, errors);
            if (unparsable)
            {
                // Re-run the text checks so every bad cell of the row is reported, not only the unparsable ones.
                var more = new FieldErrors();
                ContractsRules.ValidateFields(input with { SignDate = signDate ?? today, Amount = amount ?? 1m, TransactionAmount = transaction ?? 0m }, today, more);
                foreach (var (field, messages) in more.Entries)
                {
                    if (field is "title" or "type" or "transferKind")
                    {
                        foreach (var m in messages)
                        {
                            errors.Add(field, m);
                        }
                    }
                }
            }
            var seller = Party(errors, "sellerId", "卖方", cells.Text(ContractSheet.SellerCreditCode), cells.Text(ContractSheet.SellerName), _byCode, _byName);
            var buyer = Party(errors, "buyerId", "买方", cells.Text(ContractSheet.BuyerCreditCode), cells.Text(ContractSheet.BuyerName), _byCode, _byName);
            if (seller is not null && buyer is not null && seller.Id == buyer.Id)
            {
                errors.Add("buyerId", "买方与卖方不能是同一单位");
            }
            if (seller is not null && MayNotRegisterFor(seller) is { } refused)
            {
                errors.Add("sellerId", refused);
            }
            // An unparsable date or amount of these columns was reported already: it stands in as valid, so that the
            // rest of the row is still checked without a second message for the same cell.
            var badFrom = errors.Entries.ContainsKey("validFrom");
            var badTo = errors.Entries.ContainsKey("validTo");
            var particulars = ContractsRules.ValidateParticulars(input with
            {
                ValidFrom = badFrom ? (badTo ? null : validTo) : validFrom,
                ValidTo = badTo ? (badFrom ? null : validFrom) : validTo,
                ExpectedInvestment = errors.Entries.ContainsKey("expectedInvestment") ? 0m : investment,
                ExpectedOutput = errors.Entries.ContainsKey("expectedOutput") ? 0m : output,
            }, CreateContractHandler.TypeOf(input.Type), seller, buyer, _isRegion, errors);
            var number = cells.Text(ContractSheet.RegistrationNumber)?.ToUpperInvariant();
            var before = errors.Entries.TryGetValue("registeredOn", out var reported) ? reported.Count : 0;
            var registeredOn = cells.Date(ContractSheet.RegisteredOn, errors);
            var badRegistered = (errors.Entries.TryGetValue("registeredOn", out reported) ? reported.Count : 0) > before;
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
                    _chunkNumbers[number] = row;
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
            if (valid is not { } v || seller is null || buyer is null || particulars is null || errors.Any)
            {
                return null;
            }
            var key = (seller.Id, buyer.Id, v.SignDate, v.Title);
            if (_keysInFile.TryGetValue(key, out var earlier))
            {
                errors.Add("title", $"与第{earlier}行为同一合同（卖方、买方、合同名称、签订日期相同）");
                return null;
            }
            _keysInFile[key] = row;
            var fields = new ContractFields(v.Title, v.Type, v.TransferKind, seller.Id, buyer.Id, v.SignDate, v.AmountFen, v.TransactionFen, particulars);
            var contract = new TechContract(fields, seller.RegionCode, "Excel 导入", _now);
            if (string.IsNullOrEmpty(number))
            {
                contract.ImportAsSubmitted(_import.Id, _now);
                Submitted++;
            }
            else
            {
                contract.ImportAsRegistered(_import.Id, number, registeredOn!.Value, _now);
                Registered++;
            }
            return contract;
        }
    }

    /// <summary>An amount the sheet gives in 万元 (预计新增投入/产值), in yuan.</summary>
    /// <remarks>A value too large to multiply is passed on as it is: the rule's range check refuses it either way.</remarks>
    private static decimal? TenThousands(SheetRow cells, SheetColumn column, FieldErrors errors) =>
        cells.Numeric(column, errors) is { } value ? Math.Abs(value) <= ContractsRules.MaxAmount ? value * ContractSheet.TenThousand : value : null;

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

