using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Contracts;

/// <summary>
/// 技术合同: registered where the seller is (the seller side applies: 研究开发人, 让与人, 受托人, 培训人, 中介人),
/// so the region and the owning organisation are the seller's. The workflow lives in its methods; each
/// transition returns the row the timeline shows.
/// </summary>
public sealed class TechContract : IOrganizationScoped
{
    private TechContract()
    {
    }

    public TechContract(ContractFields fields, string regionCode, string? source, DateTime now, string? sourceKey = null)
    {
        Id = Guid.CreateVersion7();
        Status = ContractStatus.Draft;
        Source = source;
        SourceKey = sourceKey;
        CreatedAt = now;
        Apply(fields, regionCode, now);
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public ContractType Type { get; private set; }
    public TransferKind? TransferKind { get; private set; }
    public Guid SellerId { get; private set; }
    public Guid BuyerId { get; private set; }
    public DateOnly SignDate { get; private set; }

    /// <summary>合同成交额, fen.</summary>
    public long AmountFen { get; private set; }

    /// <summary>技术交易额 (技术性收入), fen; at most <see cref="AmountFen"/>.</summary>
    public long TransactionAmountFen { get; private set; }

    /// <summary>The seller's region (GB/T 2260, towns extend the county code).</summary>
    public string RegionCode { get; private set; } = "";

    public ContractStatus Status { get; private set; }
    public string? RegistrationNumber { get; private set; }
    public DateOnly? RegisteredOn { get; private set; }
    public DateOnly? SubmittedOn { get; private set; }
    public RefusalReason? RefusalReason { get; private set; }

    /// <summary>The reviewer's note on the latest return or refusal.</summary>
    public string? ReviewNote { get; private set; }

    /// <summary>Where the record came from when another module or an import created it.</summary>
    public string? Source { get; private set; }

    /// <summary>
    /// The creating module's own key for the record it stands for (a sold lot: <c>market-lot:{id}</c>); unique, so
    /// that a module retrying after a crash finds the contract it created instead of creating a second one.
    /// </summary>
    public string? SourceKey { get; private set; }

    /// <summary>The import batch that entered it (its first timeline step), when it came from a sheet.</summary>
    public Guid? ImportId { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>Concurrency token: every transition increments it, so two reviewers acting at once cannot both succeed.</summary>
    public int Version { get; private set; }

    /// <summary>合同有效期限 from (JJ-001).</summary>
    public DateOnly? ValidFrom { get; private set; }

    /// <summary>合同有效期限 to; not before <see cref="ValidFrom"/>.</summary>
    public DateOnly? ValidTo { get; private set; }

    /// <summary>卖方国别(地区) code as registered (<see cref="ContractCodes.Countries"/>); null on contracts entered before JJ-001 fields were kept.</summary>
    public string? SellerCountry { get; private set; }

    /// <summary>卖方行政区划代码 (six digits, GB/T 2260) as registered; none for a party outside China.</summary>
    public string? SellerDivision { get; private set; }

    /// <summary>卖方性质 (<see cref="ContractCodes.Natures"/>) as registered: a snapshot, not followed when the directory changes.</summary>
    public string? SellerNature { get; private set; }

    public string? BuyerCountry { get; private set; }
    public string? BuyerDivision { get; private set; }
    public string? BuyerNature { get; private set; }

    /// <summary>技术领域 (<see cref="ContractCodes.TechFields"/>).</summary>
    public string? TechField { get; private set; }

    /// <summary>社会经济目标 (<see cref="ContractCodes.SocioEconomicGoals"/>).</summary>
    public string? SocioEconomicGoal { get; private set; }

    /// <summary>知识产权类型 (<see cref="ContractCodes.IpTypes"/>).</summary>
    public string? IpType { get; private set; }

    /// <summary>计划类别 (<see cref="ContractCodes.PlanCategories"/>).</summary>
    public string? PlanCategory { get; private set; }

    /// <summary>预计新增投入, fen; required for 技术转让 before submission.</summary>
    public long? ExpectedInvestmentFen { get; private set; }

    /// <summary>预计新增产值, fen; required for 技术转让 before submission.</summary>
    public long? ExpectedOutputFen { get; private set; }

    /// <summary>The seller: the data scope of enterprise and institution accounts (always equal to <see cref="SellerId"/>).</summary>
    public Guid? OrganizationId { get; private set; }

    /// <summary>非技术性费用 (设备、仪器、零部件、原材料) that the 技术交易额 excludes.</summary>
    public long NonTechnicalFen => AmountFen - TransactionAmountFen;

    public bool IsEditable => Status is ContractStatus.Draft or ContractStatus.Returned;

    /// <summary>Edits a draft or a contract returned for correction.</summary>
    public void Update(ContractFields fields, string regionCode, DateTime now)
    {
        if (!IsEditable)
        {
            throw new RuleException("contracts.not-editable", $"合同当前状态为“{ContractsRules.StatusNames[Status]}”，只有草稿或退回补正的合同可以修改");
        }
        Apply(fields, regionCode, now);
        Version++;
    }

    public ContractTransition Submit(string account, DateTime now)
    {
        if (Type == ContractType.Transfer)
        {
            // A transfer names its category, and JJ-001 requires its expected investment and output
            // (docs/rules/contract-registration.md §7); all missing ones are reported at once.
            var errors = new FieldErrors();
            if (TransferKind is null)
            {
                errors.Add("transferKind", "技术转让合同请选择转让类别（专利权、专利申请权、技术秘密或其他）");
            }
            if (ExpectedInvestmentFen is null)
            {
                errors.Add("expectedInvestment", ContractsRules.ExpectedInvestmentMissing);
            }
            if (ExpectedOutputFen is null)
            {
                errors.Add("expectedOutput", ContractsRules.ExpectedOutputMissing);
            }
            errors.ThrowIfAny();
        }
        var from = Require("提交", ContractStatus.Draft, ContractStatus.Returned);
        SubmittedOn = ContractsRules.LocalDate(now);
        return Move(from, ContractStatus.Submitted, account, now, null);
    }

    public ContractTransition Review(string account, DateTime now) =>
        Move(Require("受理审核", ContractStatus.Submitted), ContractStatus.UnderReview, account, now, null);

    /// <summary>Assigns the registration number; only a contract under review can be registered.</summary>
    public ContractTransition Register(string number, TimeProvider clock, string account)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var from = Require("登记", ContractStatus.UnderReview);
        RegistrationNumber = number;
        RegisteredOn = ContractsRules.LocalDate(now);
        RefusalReason = null;
        ReviewNote = null;
        return Move(from, ContractStatus.Registered, account, now, $"登记号 {number}");
    }

    /// <summary>Back to the seller for correction; it becomes editable and can be submitted again.</summary>
    public ContractTransition Return(string note, string account, DateTime now)
    {
        var from = Require("退回补正", ContractStatus.Submitted, ContractStatus.UnderReview);
        ReviewNote = note;
        return Move(from, ContractStatus.Returned, account, now, note);
    }

    /// <summary>不予登记 with one of the official reasons; final.</summary>
    public ContractTransition Refuse(RefusalReason reason, string? note, string account, DateTime now)
    {
        var from = Require("不予登记", ContractStatus.Submitted, ContractStatus.UnderReview);
        RefusalReason = reason;
        ReviewNote = note;
        var text = ContractsRules.RefusalReasonNames[reason] + (string.IsNullOrEmpty(note) ? "" : "：" + note);
        return Move(from, ContractStatus.Refused, account, now, text);
    }

    /// <summary>
    /// A contract imported from a sheet enters the registry's queue as submitted. Its first timeline
    /// step is the import batch (<see cref="ContractImport"/>), not a row of its own (docs/adr/008).
    /// </summary>
    public void ImportAsSubmitted(Guid importId, DateTime now)
    {
        Require("导入", ContractStatus.Draft);
        ImportId = importId;
        SubmittedOn = ContractsRules.LocalDate(now);
        Status = ContractStatus.Submitted;
        UpdatedAt = now;
    }

    /// <summary>A historical contract already registered in the national system (import): enters as registered.</summary>
    public void ImportAsRegistered(Guid importId, string number, DateOnly registeredOn, DateTime now)
    {
        Require("导入", ContractStatus.Draft);
        ImportId = importId;
        RegistrationNumber = number;
        RegisteredOn = registeredOn;
        SubmittedOn ??= registeredOn;
        Status = ContractStatus.Registered;
        UpdatedAt = now;
    }

    public ContractTransition Created(string account, DateTime now) =>
        new(Id, null, ContractStatus.Draft, account, now, Source);

    private void Apply(ContractFields fields, string regionCode, DateTime now)
    {
        Title = fields.Title;
        Type = fields.Type;
        TransferKind = fields.Type == ContractType.Transfer ? fields.TransferKind : null;
        SellerId = fields.SellerId;
        OrganizationId = fields.SellerId;
        BuyerId = fields.BuyerId;
        SignDate = fields.SignDate;
        AmountFen = fields.AmountFen;
        TransactionAmountFen = fields.TransactionAmountFen;
        RegionCode = regionCode;
        var p = fields.Particulars ?? ContractParticulars.None;
        ValidFrom = p.ValidFrom;
        ValidTo = p.ValidTo;
        SellerCountry = p.Seller?.Country;
        SellerDivision = p.Seller?.Division;
        SellerNature = p.Seller?.Nature;
        BuyerCountry = p.Buyer?.Country;
        BuyerDivision = p.Buyer?.Division;
        BuyerNature = p.Buyer?.Nature;
        TechField = p.TechField;
        SocioEconomicGoal = p.SocioEconomicGoal;
        IpType = p.IpType;
        PlanCategory = p.PlanCategory;
        ExpectedInvestmentFen = p.ExpectedInvestmentFen;
        ExpectedOutputFen = p.ExpectedOutputFen;
        UpdatedAt = now;
    }

    private ContractStatus Require(string action, params ContractStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new RuleException("contracts.invalid-transition",
                $"合同当前状态为“{ContractsRules.StatusNames[Status]}”，不能{action}");
        }
        return Status;
    }

    private ContractTransition Move(ContractStatus from, ContractStatus to, string account, DateTime now, string? note)
    {
        Status = to;
        UpdatedAt = now;
        Version++;
        return new ContractTransition(Id, from, to, account, now, note);
    }
}

/// <summary>The editable fields of a contract, already validated (amounts in fen).</summary>
public sealed record ContractFields(string Title, ContractType Type, TransferKind? TransferKind, Guid SellerId, Guid BuyerId,
    DateOnly SignDate, long AmountFen, long TransactionAmountFen, ContractParticulars? Particulars = null);

/// <summary>One party as the registration form records it: 国别(地区), 行政区划代码 (parties in China only) and 性质 codes.</summary>
public sealed record PartyFacts(string Country, string? Division, string Nature);

/// <summary>
/// The further fields of the national form JJ-001 (docs/rules/contract-registration.md §7, §10), already validated:
/// codes of <see cref="ContractCodes"/>, amounts in fen.
/// </summary>
public sealed record ContractParticulars(DateOnly? ValidFrom, DateOnly? ValidTo, PartyFacts? Seller, PartyFacts? Buyer, string? TechField,
    string? SocioEconomicGoal, string? IpType, string? PlanCategory, long? ExpectedInvestmentFen, long? ExpectedOutputFen)
{
    /// <summary>Nothing known (a contract made in a unit test).</summary>
    public static readonly ContractParticulars None = new(null, null, null, null, null, null, null, null, null, null);
}

/// <summary>
/// One step of a contract's workflow (a row, so the timeline is a query rather than parsing audit JSON).
/// Not scoped by itself: it is read only through its contract, which is.
/// </summary>
public sealed class ContractTransition
{
    private ContractTransition()
    {
    }

    public ContractTransition(Guid contractId, ContractStatus? from, ContractStatus to, string account, DateTime at, string? note)
    {
        Id = Guid.CreateVersion7();
        ContractId = contractId;
        From = from;
        To = to;
        Account = account;
        At = at;
        Note = note;
    }

    public Guid Id { get; private set; }
    public Guid ContractId { get; private set; }
    public ContractStatus? From { get; private set; }
    public ContractStatus To { get; private set; }
    public string Account { get; private set; } = "";
    public DateTime At { get; private set; }
    public string? Note { get; private set; }
}
