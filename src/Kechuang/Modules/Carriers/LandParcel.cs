using Kechuang.Platform.Data;

namespace Kechuang.Modules.Carriers;

/// <summary>用地性质 of a parcel as planned.</summary>
public enum ParcelUse
{
    Industrial = 1,
    Research = 2,
    Commercial = 3,
    Mixed = 4,
    Undetermined = 5,
}

/// <summary>
/// The approval steps a parcel goes through before it can be built on: 控规调整 (changing the regulatory plan), 农转用
/// (converting farmland to construction land), 分割方案 (dividing a parcel) and 供地 (supplying the land to the project).
/// </summary>
public enum ParcelStepKind
{
    ZoningAdjustment = 1,
    FarmlandConversion = 2,
    Subdivision = 3,
    LandSupply = 4,
}

/// <summary>
/// 地块: a piece of land of a park, with its area, its planned use and the project planned on it. The area is kept
/// in ㎡ (<see cref="LandArea"/>): a parcel entered in 亩 keeps six decimals of ㎡, enough to give back the 亩 typed.
/// Its approval steps are <see cref="ParcelStep"/> records.
/// </summary>
public sealed class LandParcel : IRegionScoped
{
    private LandParcel()
    {
    }

    public LandParcel(ParcelFacts facts, DateTime now)
    {
        Id = Guid.CreateVersion7();
        CreatedAt = now;
        Update(facts, now);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string RegionCode { get; private set; } = "";

    /// <summary>所在园区: the carrier (usually a park) the parcel belongs to.</summary>
    public Guid? CarrierId { get; private set; }
    public string? Location { get; private set; }

    /// <summary>面积 in ㎡ with six decimals (see <see cref="LandArea"/>). Never sorted or summed in SQL.</summary>
    public decimal AreaSquareMetres { get; private set; }
    public ParcelUse Use { get; private set; }

    /// <summary>拟建项目: what is planned on the parcel, in words (新兴产业聚集区项目).</summary>
    public string? PlannedProject { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Update(ParcelFacts facts, DateTime now)
    {
        Name = facts.Name;
        RegionCode = facts.RegionCode;
        CarrierId = facts.CarrierId;
        Location = facts.Location;
        AreaSquareMetres = facts.AreaSquareMetres;
        Use = facts.Use;
        PlannedProject = facts.PlannedProject;
        UpdatedAt = now;
    }
}

/// <summary>A parcel's validated facts (<see cref="ParcelRules.Validate"/>).</summary>
public sealed record ParcelFacts(string Name, string RegionCode, Guid? CarrierId, string? Location, decimal AreaSquareMetres, ParcelUse Use, string? PlannedProject);

/// <summary>
/// One approval step of a parcel: submitted for approval (报批) on a day, completed (批复、达成或供地) on a day; either may
/// be unknown yet, not both. A parcel records each kind of step once; it takes the parcel's region.
/// </summary>
public sealed class ParcelStep : IRegionScoped
{
    private ParcelStep()
    {
    }

    public ParcelStep(Guid parcelId, string regionCode, ParcelStepKind kind, ParcelStepFacts facts, DateTime now)
    {
        Id = Guid.CreateVersion7();
        ParcelId = parcelId;
        RegionCode = regionCode;
        Kind = kind;
        CreatedAt = now;
        Update(facts, now);
    }

    public Guid Id { get; private set; }
    public Guid ParcelId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public ParcelStepKind Kind { get; private set; }

    /// <summary>报批日期: the day the step was submitted for approval.</summary>
    public DateOnly? SubmittedOn { get; private set; }

    /// <summary>完成日期: approved, agreed or, for 供地, the land supplied.</summary>
    public DateOnly? CompletedOn { get; private set; }
    public string? Note { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Update(ParcelStepFacts facts, DateTime now)
    {
        SubmittedOn = facts.SubmittedOn;
        CompletedOn = facts.CompletedOn;
        Note = facts.Note;
        UpdatedAt = now;
    }

    /// <summary>The parcel moved to another region: its steps follow.</summary>
    public void MoveTo(string regionCode) => RegionCode = regionCode;
}

/// <summary>A step's validated dates and note.</summary>
public sealed record ParcelStepFacts(DateOnly? SubmittedOn, DateOnly? CompletedOn, string? Note);

/// <summary>
/// ㎡ and 亩: 1 亩 = 10000/15 ㎡. ㎡ → 亩 multiplies by 0.0015, exact for ㎡ of two decimals; 亩 → ㎡ divides by it
/// and keeps six decimals, so converting back gives the 亩 typed (up to six decimals). Both ways round to six
/// decimals; neither direction drifts however often a figure goes back and forth.
/// </summary>
public static class LandArea
{
    public const int Decimals = 6;

    public static decimal ToMu(decimal squareMetres) =>
        decimal.Round(squareMetres * 15m / 10_000m, Decimals, MidpointRounding.AwayFromZero);

    public static decimal FromMu(decimal mu) =>
        decimal.Round(mu * 10_000m / 15m, Decimals, MidpointRounding.AwayFromZero);

    /// <summary>71,333.33 — ㎡ as shown: two decimals, trailing zeros dropped.</summary>
    public static string ShowSquareMetres(decimal squareMetres) =>
        decimal.Round(squareMetres, 2, MidpointRounding.AwayFromZero).ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>107, 92.5369 — 亩 as shown: four decimals, trailing zeros dropped.</summary>
    public static string ShowMu(decimal mu) =>
        decimal.Round(mu, 4, MidpointRounding.AwayFromZero).ToString("#,0.####", System.Globalization.CultureInfo.InvariantCulture);
}
