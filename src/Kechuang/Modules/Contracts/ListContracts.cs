using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Contracts;

/// <summary>
/// Filters of the list, the export and an indicator's provenance link. <c>year</c> is the statistical
/// year: the registration date's year for registered contracts (what the indicators count), the sign
/// date's year for the others.
/// </summary>
public sealed record ContractQuery(int? Year = null, string? RegionCode = null, string? Status = null, string? Type = null, ListQuery? List = null,
    Guid? SellerId = null, DateOnly? RegisteredFrom = null, DateOnly? RegisteredTo = null)
{
    /// <summary>A statistics cell: one class (<see cref="Key"/>) of a <see cref="ContractDimensions"/> dimension.</summary>
    public string? Dimension { get; init; }

    public string? Key { get; init; }

    public ListQuery List { get; init; } = List ?? new ListQuery();
}

public record ContractItem(Guid Id, string Title, string Type, string TypeName, string? TransferKind, Guid SellerId, string SellerName,
    Guid BuyerId, string BuyerName, DateOnly SignDate, decimal Amount, decimal TransactionAmount, decimal NonTechnicalAmount,
    string RegionCode, string RegionName, string Status, string StatusName, string? RegistrationNumber, DateOnly? RegisteredOn, DateOnly? SubmittedOn)
{
    // The JJ-001 fields as registered (codes of ContractCodes; amounts in yuan); null where a contract predates them.
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    public string? SellerCountry { get; init; }
    public string? SellerDivision { get; init; }
    public string? SellerNature { get; init; }
    public string? BuyerCountry { get; init; }
    public string? BuyerDivision { get; init; }
    public string? BuyerNature { get; init; }
    public string? TechField { get; init; }
    public string? SocioEconomicGoal { get; init; }
    public string? IpType { get; init; }
    public string? PlanCategory { get; init; }
    public decimal? ExpectedInvestment { get; init; }
    public decimal? ExpectedOutput { get; init; }
}

public sealed record ContractPage(IReadOnlyList<ContractItem> Items, int Total, decimal SumAmount, decimal SumTransactionAmount);

public sealed record TimelineStep(string? From, string To, string ToName, string Account, DateTime At, string? Note);

/// <summary>GET /contracts/{id}: the list item's fields plus the review details, the actions the caller may take and the timeline.</summary>
public sealed record ContractWithTimeline : ContractItem
{
    public ContractWithTimeline(ContractItem item)
        : base(item)
    {
    }

    public string? TransferKindName { get; init; }

    // Names of the JJ-001 codes (行政区划 by the national list).
    public string? SellerCountryName { get; init; }
    public string? SellerDivisionName { get; init; }
    public string? SellerNatureName { get; init; }
    public string? BuyerCountryName { get; init; }
    public string? BuyerDivisionName { get; init; }
    public string? BuyerNatureName { get; init; }
    public string? TechFieldName { get; init; }
    public string? SocioEconomicGoalName { get; init; }
    public string? IpTypeName { get; init; }
    public string? PlanCategoryName { get; init; }
    public string? RefusalReason { get; init; }
    public string? RefusalReasonName { get; init; }
    public string? ReviewNote { get; init; }
    public string? Source { get; init; }

    /// <summary>The registry answers within 30 days of submission.</summary>
    public DateOnly? ReviewDueOn { get; init; }

    public bool Editable { get; init; }
    public IReadOnlyList<string> Actions { get; init; } = [];
    public IReadOnlyList<TimelineStep> Timeline { get; init; } = [];
}

/// <summary>Lists contracts in the caller's data scope; the page, the API, the export and the indicators' links share it.</summary>
public sealed class ListContractsHandler(KechuangDb db, IOrganizationDirectory directory)
{
    /// <summary>Sortable columns; money by its fen (a long), which both providers order exactly. Latest signed first by default.</summary>
    internal static readonly SortMap<TechContract> Sorts = new SortMap<TechContract>(c => c.Id, c => c.OrderByDescending(x => x.SignDate))
        .Add("title", c => c.Title)
        .Add("typeName", c => c.Type)
        .Add("signDate", c => c.SignDate)
        .Add("amount", c => c.AmountFen)
        .Add("transactionAmount", c => c.TransactionAmountFen)
        .Add("regionName", c => c.RegionCode)
        .Add("statusName", c => c.Status)
        .Add("registrationNumber", c => c.RegistrationNumber);

    public async Task<ContractPage> HandleAsync(ContractQuery query, CancellationToken cancellationToken = default)
    {
        var filtered = Filter(query);
        // The count and both sums in one statement, summed in fen as long: exact on SQLite and PostgreSQL (no decimal or
        // double in SQL). Three statements scanned the filtered rows three times.
        var totals = await filtered.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Amount = g.Sum(c => c.AmountFen), Transaction = g.Sum(c => c.TransactionAmountFen) })
            .FirstOrDefaultAsync(cancellationToken);
        var rows = totals is null ? [] : await PageAsync(filtered, query.List, cancellationToken);
        var items = await ItemsAsync(db, directory, rows, cancellationToken);
        return new ContractPage(items, totals?.Count ?? 0, Money.ToYuan(totals?.Amount ?? 0), Money.ToYuan(totals?.Transaction ?? 0));
    }

    /// <summary>
    /// The page's ids first, then those rows: the ids of a county's or a city's page are sorted from the list index alone,
    /// and only the rows shown are read from the table (reading every filtered row to sort them cost a random read each).
    /// </summary>
    private async Task<List<TechContract>> PageAsync(IQueryable<TechContract> filtered, ListQuery list, CancellationToken cancellationToken)
    {
        var ids = await filtered.ApplySort(Sorts, list).ApplyPaging(list).Select(c => c.Id).ToListAsync(cancellationToken);
        var rows = await db.Set<TechContract>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        return [.. ids.Where(rows.ContainsKey).Select(id => rows[id])];
    }

    public async Task<IReadOnlyList<ContractItem>> AllAsync(ContractQuery query, CancellationToken cancellationToken = default)
    {
        var rows = await Filter(query).ApplySort(Sorts, query.List).ToListAsync(cancellationToken);
        return await ItemsAsync(db, directory, rows, cancellationToken);
    }

    internal IQueryable<TechContract> Filter(ContractQuery query)
    {
        db.User.Demand(ContractsPermissions.Read);
        var errors = new FieldErrors();
        var status = errors.Enum("status", "状态", query.Status, ContractsRules.StatusNames, required: false);
        var type = errors.Enum("type", "合同类型", query.Type, ContractsRules.TypeNames, required: false);
        if (query.Year is < 1990 or > 2100)
        {
            errors.Add("year", "年度须在1990至2100之间");
        }
        var contracts = db.Set<TechContract>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Dimension) || !string.IsNullOrWhiteSpace(query.Key))
        {
            contracts = ContractDimensions.Where(contracts, query.Dimension?.Trim() ?? "", query.Key?.Trim() ?? "", errors);
        }
        errors.ThrowIfAny();
        contracts = contracts.UnderRegion(query.RegionCode);
        if (status is { } s)
        {
            contracts = contracts.Where(c => c.Status == s);
        }
        if (type is { } t)
        {
            contracts = contracts.Where(c => c.Type == t);
        }
        if (query.SellerId is { } seller)
        {
            contracts = contracts.Where(c => c.SellerId == seller);
        }
        if (query.Year is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = from.AddYears(1);
            // The registration date when there is one, else the sign date: a range on one expression, which the
            // list index filters on (a CASE of two ranges it could not).
            contracts = contracts.Where(c => (c.RegisteredOn ?? c.SignDate) >= from && (c.RegisteredOn ?? c.SignDate) < to);
        }
        if (query.RegisteredFrom is { } registeredFrom)
        {
            contracts = contracts.Where(c => c.RegisteredOn >= registeredFrom);
        }
        if (query.RegisteredTo is { } registeredTo)
        {
            contracts = contracts.Where(c => c.RegisteredOn <= registeredTo);
        }
        if (query.List.Text is { } q)
        {
            contracts = Matching(contracts, q);
        }
        return contracts;
    }

    /// <summary>The contracts whose title or 登记号 contains the text: the list's search box and other modules' contract pickers.</summary>
    internal static IQueryable<TechContract> Matching(IQueryable<TechContract> contracts, string text) =>
        contracts.Where(c => c.Title.Contains(text) || (c.RegistrationNumber != null && c.RegistrationNumber.Contains(text)));

    /// <summary>The rows as the list shows them: the parties named wherever they are registered (a buyer is often in another county).</summary>
    internal static async Task<IReadOnlyList<ContractItem>> ItemsAsync(KechuangDb db, IOrganizationDirectory directory, IReadOnlyList<TechContract> rows,
        CancellationToken cancellationToken)
    {
        var names = await directory.NamesAnywhereAsync(rows.SelectMany(c => new[] { c.SellerId, c.BuyerId }), cancellationToken);
        var regions = await directory.RegionNamesAsync(cancellationToken);
        return rows.Select(c => Item(c, names, regions)).ToList();
    }

    /// <summary>武义县 or 武义县桐琴镇: the county always shows, so a town's contract reads where it is registered.</summary>
    internal static string RegionName(string code, IReadOnlyDictionary<string, string> regions)
    {
        var county = code.Length > 6 ? regions.GetValueOrDefault(code[..6], "") : "";
        return county + regions.GetValueOrDefault(code, code);
    }

    internal static ContractItem Item(TechContract c, IReadOnlyDictionary<Guid, string> names, IReadOnlyDictionary<string, string> regions) => new(
        c.Id, c.Title, Kebab.From(c.Type), ContractsRules.TypeName(c.Type, c.TransferKind), c.TransferKind is { } k ? Kebab.From(k) : null,
        c.SellerId, names.GetValueOrDefault(c.SellerId, ""), c.BuyerId, names.GetValueOrDefault(c.BuyerId, ""), c.SignDate,
        Money.ToYuan(c.AmountFen), Money.ToYuan(c.TransactionAmountFen), Money.ToYuan(c.NonTechnicalFen),
        c.RegionCode, RegionName(c.RegionCode, regions), Kebab.From(c.Status), ContractsRules.StatusNames[c.Status],
        c.RegistrationNumber, c.RegisteredOn, c.SubmittedOn)
    {
        ValidFrom = c.ValidFrom,
        ValidTo = c.ValidTo,
        SellerCountry = c.SellerCountry,
        SellerDivision = c.SellerDivision,
        SellerNature = c.SellerNature,
        BuyerCountry = c.BuyerCountry,
        BuyerDivision = c.BuyerDivision,
        BuyerNature = c.BuyerNature,
        TechField = c.TechField,
        SocioEconomicGoal = c.SocioEconomicGoal,
        IpType = c.IpType,
        PlanCategory = c.PlanCategory,
        ExpectedInvestment = c.ExpectedInvestmentFen is { } i ? Money.ToYuan(i) : null,
        ExpectedOutput = c.ExpectedOutputFen is { } o ? Money.ToYuan(o) : null,
    };
}

/// <summary>One contract with its timeline and the actions the caller may take now.</summary>
public sealed class GetContractHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<ContractWithTimeline> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ContractsPermissions.Read);
        var contract = await db.Set<TechContract>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("合同不存在或不在您的数据范围内");
        var item = (await ListContractsHandler.ItemsAsync(db, directory, [contract], cancellationToken))[0];
        // The timeline is read only after the contract was found within the caller's scope.
        var steps = await db.Set<ContractTransition>().AsNoTracking().Where(t => t.ContractId == id)
            .OrderBy(t => t.At).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        var timeline = steps.Select(t => new TimelineStep(t.From is { } f ? Kebab.From(f) : null, Kebab.From(t.To), ContractsRules.StatusNames[t.To], t.Account,
            t.At, t.Note)).ToList();
        if (contract.ImportId is { } importId
            && await db.Set<ContractImport>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == importId, cancellationToken) is { } import)
        {
            timeline.Insert(0, ImportStep(contract, import, steps));
        }
        var dueOn = contract.Status is ContractStatus.Submitted or ContractStatus.UnderReview && contract.SubmittedOn is { } submitted
            ? submitted.AddDays(ContractsRules.ReviewDays) : (DateOnly?)null;
        var regions = await directory.RegionNamesAsync(cancellationToken);
        string? Name(CodeList list, string? code) => code is null ? null : list.NameOf(code);
        string? Division(string? code) => code is null ? null : regions.GetValueOrDefault(code, code);
        return new ContractWithTimeline(item)
        {
            TransferKindName = contract.TransferKind is { } k ? ContractsRules.TransferKindNames[k] : null,
            SellerCountryName = Name(ContractCodes.Countries, contract.SellerCountry),
            SellerDivisionName = Division(contract.SellerDivision),
            SellerNatureName = Name(ContractCodes.Natures, contract.SellerNature),
            BuyerCountryName = Name(ContractCodes.Countries, contract.BuyerCountry),
            BuyerDivisionName = Division(contract.BuyerDivision),
            BuyerNatureName = Name(ContractCodes.Natures, contract.BuyerNature),
            TechFieldName = Name(ContractCodes.TechFields, contract.TechField),
            SocioEconomicGoalName = Name(ContractCodes.SocioEconomicGoals, contract.SocioEconomicGoal),
            IpTypeName = Name(ContractCodes.IpTypes, contract.IpType),
            PlanCategoryName = Name(ContractCodes.PlanCategories, contract.PlanCategory),
            RefusalReason = contract.RefusalReason is { } r ? Kebab.From(r) : null,
            RefusalReasonName = contract.RefusalReason is { } r2 ? ContractsRules.RefusalReasonNames[r2] : null,
            ReviewNote = contract.ReviewNote,
            Source = contract.Source,
            ReviewDueOn = dueOn,
            Editable = contract.IsEditable,
            Actions = Actions(contract),
            Timeline = timeline,
        };
    }

    /// <summary>
    /// The import batch is an imported contract's first step (docs/adr/008): it entered as registered
    /// when it carries a number that no registration step of ours gave it (registered is final), else as submitted.
    /// </summary>
    private static TimelineStep ImportStep(TechContract contract, ContractImport import, List<ContractTransition> steps)
    {
        var asRegistered = contract.RegistrationNumber is not null && !steps.Any(s => s.To == ContractStatus.Registered);
        var to = asRegistered ? ContractStatus.Registered : ContractStatus.Submitted;
        var file = import.FileName is null ? "" : $"“{import.FileName}”";
        var note = asRegistered
            ? $"导入已登记合同，登记号 {contract.RegistrationNumber}（Excel 导入{file}，本批共 {import.Total} 份）"
            : $"Excel 导入{file}，本批共 {import.Total} 份";
        return new TimelineStep(null, Kebab.From(to), ContractsRules.StatusNames[to], import.Account, import.At, note);
    }

    private List<string> Actions(TechContract c)
    {
        var staff = ContractAccess.IsStaff(db.User);
        var actions = new List<string>();
        if (c.IsEditable)
        {
            actions.AddRange(["edit", "submit"]);
        }
        if (staff && c.Status == ContractStatus.Submitted)
        {
            actions.Add("review");
        }
        if (staff && c.Status == ContractStatus.UnderReview)
        {
            actions.Add("register");
        }
        if (staff && c.Status is ContractStatus.Submitted or ContractStatus.UnderReview)
        {
            actions.AddRange(["return", "refuse"]);
        }
        return actions;
    }
}
