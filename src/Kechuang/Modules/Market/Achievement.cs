namespace Kechuang.Modules.Market;

/// <summary>科技成果: a technology achievement listed by its owner (an institution or enterprise).</summary>
/// <remarks>
/// Deliberately not <c>IRegionScoped</c>: achievements are public records that anonymous visitors browse
/// (MISSION.md "The public: browse achievements … auction results"); who may change one is checked by
/// <see cref="MarketAccess"/> (staff, or an account of the owner organisation).
/// </remarks>
public sealed class Achievement
{
    private Achievement()
    {
    }

    public Achievement(Guid ownerOrganizationId, string ownerName, string ownerRegionCode, string listingRegionCode, DateTime now)
    {
        Id = Guid.CreateVersion7();
        OwnerOrganizationId = ownerOrganizationId;
        OwnerName = ownerName;
        OwnerRegionCode = ownerRegionCode;
        ListingRegionCode = listingRegionCode;
        CreatedAt = now;
        Status = AchievementStatus.Listed;
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public Guid OwnerOrganizationId { get; private set; }

    /// <summary>The owner's name at listing time, so public pages need no look-up in another module.</summary>
    public string OwnerName { get; private set; } = "";
    public string OwnerRegionCode { get; private set; } = "";

    /// <summary>
    /// The bureau whose market lists it: the region of the staff account that listed it (a county bureau lists
    /// a partner university's achievement for its own auctions), or the owner's region when the owner listed it.
    /// Staff covering either region may maintain it (<see cref="MarketAccess.MayEditAchievement"/>).
    /// </summary>
    public string ListingRegionCode { get; private set; } = "";
    public string Field { get; private set; } = "";

    /// <summary>Keywords joined by <see cref="AchievementRules.KeywordSeparator"/>.</summary>
    public string Keywords { get; private set; } = "";
    public Maturity Maturity { get; private set; }
    public string? LinkedIp { get; private set; }
    public string Description { get; private set; } = "";
    public long? ExpectedPriceFen { get; private set; }
    public string? ContactName { get; private set; }
    public string? ContactPhone { get; private set; }
    public AchievementStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<string> KeywordList => AchievementRules.SplitKeywords(Keywords);

    public void Update(AchievementInputValid input, DateTime now)
    {
        Title = input.Title;
        Field = input.Field;
        Keywords = string.Join(AchievementRules.KeywordSeparator, input.Keywords);
        Maturity = input.Maturity;
        LinkedIp = input.LinkedIp;
        Description = input.Description;
        ExpectedPriceFen = input.ExpectedPriceFen;
        ContactName = input.ContactName;
        ContactPhone = input.ContactPhone;
        UpdatedAt = now;
    }

    public void PutUpForAuction() => Status = AchievementStatus.InAuction;

    public void MarkSold() => Status = AchievementStatus.Sold;

    /// <summary>An unsold lot returns its achievement to the listing.</summary>
    public void ReturnToListing()
    {
        if (Status == AchievementStatus.InAuction)
        {
            Status = AchievementStatus.Listed;
        }
    }

    public void Withdraw() => Status = AchievementStatus.Withdrawn;
}

public enum AchievementStatus
{
    Listed = 1,
    InAuction = 2,
    Sold = 3,
    Withdrawn = 4,
}

/// <summary>成熟度 (technology readiness as the market lists it).</summary>
public enum Maturity
{
    Concept = 1,
    Laboratory = 2,
    Pilot = 3,
    SmallBatch = 4,
    Industrialized = 5,
}
