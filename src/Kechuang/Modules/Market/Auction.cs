using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Market;

/// <summary>拍卖会: a bidding session of lots with one bidding window and a soft-close rule.</summary>
/// <remarks>
/// Not <c>IRegionScoped</c>: the calendar, session pages and results are public. It carries its
/// <see cref="RegionCode"/> for indicators and for checking that staff prepare only their own region's sessions.
/// </remarks>
public sealed class Auction
{
    public const int DefaultSoftCloseSeconds = 300;

    private Auction()
    {
    }

    public Auction(string title, string organizer, string regionCode, DateTime startsAt, DateTime endsAt, int softCloseSeconds, bool depositRequired, long? depositFen, DateTime now)
    {
        Id = Guid.CreateVersion7();
        Title = title;
        Organizer = organizer;
        RegionCode = regionCode;
        StartsAt = startsAt;
        EndsAt = endsAt;
        SoftCloseSeconds = softCloseSeconds;
        DepositRequired = depositRequired;
        DepositFen = depositFen;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public string Organizer { get; private set; } = "";
    public string RegionCode { get; private set; } = "";
    public DateTime StartsAt { get; private set; }

    /// <summary>Scheduled end; each lot keeps its own end, which soft close may move later.</summary>
    public DateTime EndsAt { get; private set; }
    public int SoftCloseSeconds { get; private set; }
    public bool DepositRequired { get; private set; }
    public long? DepositFen { get; private set; }
    public DateTime? ResultsPublishedAt { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public bool ResultsPublished => ResultsPublishedAt is not null;

    public void PublishResults(DateTime now)
    {
        if (ResultsPublishedAt is not null)
        {
            throw new RuleException("auction.results-published", "拍卖结果已发布");
        }
        ResultsPublishedAt = now;
    }
}
