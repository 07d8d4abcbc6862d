using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Reference;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Contracts;

/// <summary>The request of create and update (the API body and the form's input alike): amounts in yuan, enums in kebab-case or Chinese.</summary>
/// <remarks>
/// The JJ-001 fields follow (docs/rules/contract-registration.md §10): codes of the form's code lists (or their Chinese
/// names); a party's 国别 defaults to 中国 (156) and its 行政区划代码 and 性质 to what the directory knows; 预计新增投入
/// and 预计新增产值 in yuan, required for 技术转让.
/// </remarks>
public sealed record ContractInput(string? Title, string? Type, string? TransferKind, Guid? SellerId, Guid? BuyerId, DateOnly? SignDate,
    decimal? Amount, decimal? TransactionAmount, DateOnly? ValidFrom = null, DateOnly? ValidTo = null,
    string? SellerCountry = null, string? SellerDivision = null, string? SellerNature = null,
    string? BuyerCountry = null, string? BuyerDivision = null, string? BuyerNature = null,
    string? TechField = null, string? SocioEconomicGoal = null, string? IpType = null, string? PlanCategory = null,
    decimal? ExpectedInvestment = null, decimal? ExpectedOutput = null);

/// <summary>Creates a draft. Enterprise and institution accounts register their own contracts (they are the seller); staff enter paper contracts for sellers in their region.</summary>
public sealed class CreateContractHandler(KechuangDb db, IOrganizationDirectory directory, RegionCatalog regions)
{
    public async Task<Guid> HandleAsync(ContractInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ContractsPermissions.Create);
        var (fields, region) = await ResolveAsync(db, directory, regions, input, null, cancellationToken);
        var contract = new TechContract(fields, region, null, db.UtcNow);
        db.Add(contract);
        db.Add(contract.Created(db.User.UserName, db.UtcNow));
        await db.SaveChangesAsync(cancellationToken);
        return contract.Id;
    }

    /// <summary>Validates the input, resolves seller and buyer (wherever they are registered), applies the seller and duplicate rules.</summary>
    internal static async Task<(ContractFields Fields, string RegionCode)> ResolveAsync(KechuangDb db, IOrganizationDirectory directory, RegionCatalog regions,
        ContractInput input, Guid? except,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var valid = ContractsRules.ValidateFields(input, ContractsRules.LocalDate(db.UtcNow), errors);
        OrganizationInfo? seller = null, buyer = null;
        if (input.SellerId is null)
        {
            errors.Add("sellerId", "请选择卖方（登记申请方）");
        }
        else if ((seller = await directory.FindAnywhereAsync(input.SellerId.Value, cancellationToken)) is null)
        {
            errors.Add("sellerId", "卖方单位不存在");
        }
        if (input.BuyerId is null)
        {
            errors.Add("buyerId", "请选择买方");
        }
        else if ((buyer = await directory.FindAnywhereAsync(input.BuyerId.Value, cancellationToken)) is null)
        {
            errors.Add("buyerId", "买方单位不存在");
        }
        else if (input.BuyerId == input.SellerId)
        {
            errors.Add("buyerId", "买方与卖方不能是同一单位");
        }
        var table = await regions.GetAsync(cancellationToken);
        var particulars = ContractsRules.ValidateParticulars(input, TypeOf(input.Type), seller, buyer, code => table.Find(code) is not null, errors);
        errors.ThrowIfAny();
        ContractAccess.EnsureMayRegisterFor(db.User, seller!);
        var fields = new ContractFields(valid!.Value.Title, valid.Value.Type, valid.Value.TransferKind, seller!.Id, buyer!.Id,
            valid.Value.SignDate, valid.Value.AmountFen, valid.Value.TransactionFen, particulars);
        await EnsureNotDuplicateAsync(db, fields, except, cancellationToken);
        return (fields, seller.RegionCode);
    }

    /// <summary>The type of an input whose other fields failed, so that its type's own requirements are still reported.</summary>
    internal static ContractType? TypeOf(string? type) => new FieldErrors().Enum("type", "合同类型", type, ContractsRules.TypeNames, required: false);

    /// <summary>Same seller, buyer, title and sign date is the same contract (a refused one may be entered again), looked up across every region.</summary>
    internal static async Task EnsureNotDuplicateAsync(KechuangDb db, ContractFields f, Guid? except, CancellationToken cancellationToken)
    {
        var duplicate = await db.Set<TechContract>().IgnoreQueryFilters().AsNoTracking()
            .AnyAsync(c => c.SellerId == f.SellerId && c.BuyerId == f.BuyerId && c.SignDate == f.SignDate && c.Title == f.Title
                && c.Status != ContractStatus.Refused && c.Id != except, cancellationToken);
        if (duplicate)
        {
            throw Duplicate();
        }
    }

    internal static RuleException Duplicate() =>
        new("contracts.duplicate", "已存在卖方、买方、合同名称和签订日期均相同的合同，请勿重复登记");
}

/// <summary>Edits a draft or a returned contract.</summary>
public sealed class UpdateContractHandler(KechuangDb db, IOrganizationDirectory directory, RegionCatalog regions)
{
    public async Task HandleAsync(Guid id, ContractInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ContractsPermissions.Change);
        var contract = await db.Set<TechContract>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("合同不存在或不在您的数据范围内");
        if (!contract.IsEditable)
        {
            throw new RuleException("contracts.not-editable", $"合同当前状态为“{ContractsRules.StatusNames[contract.Status]}”，只有草稿或退回补正的合同可以修改");
        }
        var (fields, region) = await CreateContractHandler.ResolveAsync(db, directory, regions, input, id, cancellationToken);
        contract.Update(fields, region, db.UtcNow);
        await ContractSteps.SaveAsync(db, cancellationToken);
    }
}

/// <summary>Which party of a contract a picker looks for.</summary>
public enum ContractSide
{
    /// <summary>卖方: the registering party, one the caller may register for.</summary>
    Seller = 1,

    /// <summary>买方: the counterpart, registered anywhere.</summary>
    Buyer = 2,
}

/// <summary>One organisation a contract picker offers: its name, credit code (public registration data) and region.</summary>
public sealed record ContractParty(Guid Id, string Name, string CreditCode, string RegionCode);

/// <summary>
/// The contract form's pickers, searched on the server: never a list of the directory. A seller is one the caller may
/// register for — an enterprise's or institution's own organisation (offered without a search), or for staff an
/// organisation of their region whose name, credit code or pinyin initials contain the text. A buyer may be registered
/// anywhere, so it is found only by at least <see cref="MinimumText"/> characters of its name. At most <see cref="Max"/>
/// of either, in name order.
/// </summary>
public sealed class ListContractPartiesHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public const int Max = 20;

    public const int MinimumText = 2;

    public static readonly IReadOnlyDictionary<ContractSide, string> SideNames = new Dictionary<ContractSide, string>
    {
        [ContractSide.Seller] = "卖方",
        [ContractSide.Buyer] = "买方",
    };

    public async Task<IReadOnlyList<ContractParty>> HandleAsync(ContractSide side, string? text, CancellationToken cancellationToken = default)
    {
        // The pickers serve the form of a new contract and of a change; both rows admit the same roles.
        db.User.Demand(ContractsPermissions.Create);
        var q = text?.Trim() ?? "";
        var scope = db.User.Scope;
        IEnumerable<OrganizationInfo> found;
        if (side == ContractSide.Seller)
        {
            if (scope.OrganizationId is { } own)
            {
                found = await directory.FindAsync(own, cancellationToken) is { } organization ? [organization] : [];
            }
            else if (q.Length == 0)
            {
                found = [];
            }
            else
            {
                var ids = await directory.SearchAsync(q, cancellationToken);
                found = (await directory.FindManyAnywhereAsync(ids, cancellationToken)).Values.Where(o => scope.Covers(o.RegionCode));
            }
        }
        else
        {
            found = q.Length < MinimumText ? [] : await directory.SearchAnywhereAsync(q, Max, cancellationToken);
        }
        return found.OrderBy(o => o.Name, StringComparer.Ordinal).Take(Max).Select(o => new ContractParty(o.Id, o.Name, o.CreditCode, o.RegionCode)).ToList();
    }

    /// <summary>The API's search: the side named in kebab-case or Chinese (seller/卖方, buyer/买方).</summary>
    public Task<IReadOnlyList<ContractParty>> HandleAsync(string? side, string? text, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ContractsPermissions.Create);
        var errors = new FieldErrors();
        var parsed = errors.Enum("side", "合同一方", side, SideNames);
        errors.ThrowIfAny();
        return HandleAsync(parsed!.Value, text, cancellationToken);
    }
}
