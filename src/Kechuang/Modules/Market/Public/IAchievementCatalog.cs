namespace Kechuang.Modules.Market.Public;

/// <summary>An achievement's words as matching reads them, and whether its owner withdrew it (a sold one may still be licensed again).</summary>
public sealed record AchievementText(Guid Id, string Title, string Field, IReadOnlyList<string> Keywords, string Description, string OwnerName, bool Withdrawn);

/// <summary>
/// The market's achievements for other modules that index them. Achievements are public records (no data scope), so every
/// method reads them all.
/// </summary>
public interface IAchievementCatalog
{
    /// <summary>The audit log's entity name of an achievement: an entry of it says the achievement changed.</summary>
    const string ChangeEntity = "market_achievement";

    /// <summary>Up to <paramref name="take"/> achievements in id order after the first <paramref name="skip"/>: a full read in pages.</summary>
    Task<IReadOnlyList<AchievementText>> PageAsync(int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>The given achievements; unknown ids are left out.</summary>
    Task<IReadOnlyList<AchievementText>> FindManyAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default);
}
