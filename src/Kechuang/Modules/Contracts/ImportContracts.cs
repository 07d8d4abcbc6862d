using System.Globalization;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

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

    public static object? Cell(IDictionary<string, object?> cells, string header) =>
        cells.TryGetValue(header, out var value) ? value : null;

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
        string[] formats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy/MM/dd", "yyyy.M.d", "yyyy年M月d日", "yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm:ss"];
        if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return DateOnly.FromDateTime(parsed);
        }
        bad = true;
        return null;
    }

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

/// <summary>Imports contracts from .xlsx, all or nothing: every row is validated, every bad cell reported, and nothing saved if any.</summary>
public sealed class ImportContractsHandler(KechuangDb db)
{
    private const int ChunkSize = 2000;

    public async Task<int> HandleAsync(Stream file, CancellationToken cancellationToken = default)
    {
        ContractAccess.EnsureMayRead(db.User);
        var staff = ContractAccess.IsStaff(db.User);
        var organizations = await OrganizationCounterparts.AllAsync(db, cancellationToken);
        var byCode = organizations.GroupBy(o => o.CreditCode).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var byName = organizations.GroupBy(o => o.Name).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var today = ContractsRules.LocalDate(db.UtcNow);
        var account = db.User.UserName;
        var now = db.UtcNow;

        var bad = new List<ImportRowError>();
        var good = new List<(int Row, TechContract Contract, string? Number, DateOnly? RegisteredOn)>();
        var numbersInFile = new Dictionary<string, int>(StringComparer.Ordinal);
        var keysInFile = new Dictionary<(Guid, Guid, DateOnly, string), int>();
        foreach (var (row, cells) in ExcelFile.Read(file))
        {
            var errors = new FieldErrors();
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
            var valid = errors.Any ? null : ContractValidation.Fields(input, today, errors);
            if (badDate || badAmount || badTransaction)
            {
                // Re-run the text checks so every bad cell of the row is reported, not only the unparsable ones.
                var more = new FieldErrors();
                ContractValidation.Fields(input with { SignDate = signDate ?? today, Amount = amount ?? 1m, TransactionAmount = transaction ?? 0m }, today, more);
                foreach (var (field, messages) in more.ToDictionary().Where(e => e.Key is "title" or "type" or "transferKind"))
                {
                    foreach (var m in messages)
                    {
                        errors.Add(field, m);
                    }
                }
            }
            var seller = Party(errors, "sellerId", "卖方", ExcelFile.Text(cells, ContractSheet.SellerCreditCode), ExcelFile.Text(cells, ContractSheet.SellerName), byCode, byName);
            var buyer = Party(errors, "buyerId", "买方", ExcelFile.Text(cells, ContractSheet.BuyerCreditCode), ExcelFile.Text(cells, ContractSheet.BuyerName), byCode, byName);
            if (seller is not null && buyer is not null && seller.Id == buyer.Id)
            {
                errors.Add("buyerId", "买方与卖方不能是同一单位");
            }
            if (seller is not null)
            {
                try
                {
                    CreateContractHandler.EnsureMayRegisterFor(db.User, seller);
                }
                catch (ForbiddenException e)
                {
                    errors.Add("sellerId", e.Message);
                }
            }
            var number = ExcelFile.Text(cells, ContractSheet.RegistrationNumber)?.ToUpperInvariant();
            var registeredOn = ContractSheet.ParseDate(ContractSheet.Cell(cells, ContractSheet.RegisteredOn), out var badRegistered);
            if (badRegistered)
            {
                errors.Add("registeredOn", "登记日期格式应为 2022-03-15");
            }
            if (!string.IsNullOrEmpty(number))
            {
                if (!staff)
                {
                    errors.Add("registrationNumber", "只有科技局工作人员可以导入已登记的合同");
                }
                else if (!ContractsRules.IsWellFormedNumber(number))
                {
                    errors.Add("registrationNumber", "登记号应为6–32位数字或大写字母");
                }
                else if (numbersInFile.TryGetValue(number, out var first))
                {
                    errors.Add("registrationNumber", $"与第{first}行的登记号重复");
                }
                else
                {
                    numbersInFile[number] = row;
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
                if (keysInFile.TryGetValue(key, out var first))
                {
                    errors.Add("title", $"与第{first}行为同一合同（卖方、买方、合同名称、签订日期相同）");
                }
                else
                {
                    keysInFile[key] = row;
                    var fields = new ContractFields(v.Title, v.Type, v.TransferKind, seller.Id, buyer.Id, v.SignDate, v.AmountFen, v.TransactionFen);
                    good.Add((row, new TechContract(fields, seller.RegionCode, "Excel 导入", now), string.IsNullOrEmpty(number) ? null : number, registeredOn));
                }
            }
            foreach (var (field, messages) in errors.ToDictionary())
            {
                bad.AddRange(messages.Select(m => new ImportRowError(row, ContractSheet.ColumnOfField.GetValueOrDefault(field, field), m)));
            }
        }
        await CheckAgainstDatabaseAsync(good, numbersInFile, bad, cancellationToken);
        if (bad.Count > 0)
        {
            throw new ImportRowsException(bad.OrderBy(b => b.Row).ToList());
        }
        if (good.Count == 0)
        {
            throw InputException.For("file", "文件中没有可导入的数据行");
        }
        // One transaction for the whole file (all or nothing), saved in chunks so that the change
        // tracker and the audit entries of a large file never sit in memory at once.
        var ownTransaction = db.Database.CurrentTransaction is null;
        await using var dbTransaction = ownTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            foreach (var chunk in good.Chunk(ChunkSize))
            {
                foreach (var (_, contract, number, registeredOn) in chunk)
                {
                    db.Add(contract);
                    db.Add(number is null ? contract.Imported(account, now) : contract.RecordRegistered(number, registeredOn!.Value, account, now));
                }
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
            if (dbTransaction is not null)
            {
                await dbTransaction.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateException)
        {
            throw new RuleException("contracts.registration-number-taken", "导入期间登记号已被其他合同使用，未导入任何记录，请重试");
        }
        return good.Count;
    }

    /// <summary>Registration numbers already present and contracts already entered (across every region) are bad rows.</summary>
    private async Task CheckAgainstDatabaseAsync(List<(int Row, TechContract Contract, string? Number, DateOnly? RegisteredOn)> good,
        Dictionary<string, int> numbersInFile, List<ImportRowError> bad, CancellationToken cancellationToken)
    {
        var numbers = numbersInFile.Keys.ToList();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in numbers.Chunk(500))
        {
            taken.UnionWith(await db.Set<TechContract>().IgnoreQueryFilters().AsNoTracking()
                .Where(c => c.RegistrationNumber != null && chunk.Contains(c.RegistrationNumber)).Select(c => c.RegistrationNumber!).ToListAsync(cancellationToken));
        }
        var sellers = good.Select(g => g.Contract.SellerId).Distinct().ToList();
        var existing = new HashSet<(Guid, Guid, DateOnly, string)>();
        foreach (var chunk in sellers.Chunk(500))
        {
            var rows = await db.Set<TechContract>().IgnoreQueryFilters().AsNoTracking()
                .Where(c => chunk.Contains(c.SellerId) && c.Status != ContractStatus.Refused)
                .Select(c => new { c.SellerId, c.BuyerId, c.SignDate, c.Title }).ToListAsync(cancellationToken);
            existing.UnionWith(rows.Select(r => (r.SellerId, r.BuyerId, r.SignDate, r.Title)));
        }
        foreach (var number in numbers.Where(taken.Contains))
        {
            bad.Add(new ImportRowError(numbersInFile[number], ContractSheet.RegistrationNumber, $"登记号 {number} 已存在"));
        }
        foreach (var (row, contract, _, _) in good)
        {
            if (existing.Contains((contract.SellerId, contract.BuyerId, contract.SignDate, contract.Title)))
            {
                bad.Add(new ImportRowError(row, ContractSheet.Title, "已存在卖方、买方、合同名称和签订日期均相同的合同"));
            }
        }
    }

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
