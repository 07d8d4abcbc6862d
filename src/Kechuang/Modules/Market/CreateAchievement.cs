using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Market;

/// <summary>挂牌: staff list an achievement of an institution or enterprise of the directory; an organisation lists its own.</summary>
public sealed class CreateAchievementHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(AchievementInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(MarketPermissions.CreateAchievement);
        var errors = new FieldErrors();
        var valid = AchievementRules.Validate(input, errors);
        errors.ThrowIfAny();
        MarketAccess.EnsureMayCreateAchievement(db.User, valid!.OwnerOrganizationId);
        var owner = await directory.FindAsync(valid.OwnerOrganizationId, cancellationToken);
        AchievementRules.CheckOwner(owner, errors);
        errors.ThrowIfAny();
        var achievement = new Achievement(owner!.Id, owner.Name, owner.RegionCode, MarketAccess.ListingRegion(db.User, owner.RegionCode), db.UtcNow);
        achievement.Update(valid, db.UtcNow);
        db.Add(achievement);
        await db.SaveChangesAsync(cancellationToken);
        return achievement.Id;
    }
}

/// <summary>Edits an achievement; its owner stays as listed.</summary>
public sealed class UpdateAchievementHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid id, AchievementInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(MarketPermissions.ChangeAchievement);
        var achievement = await db.Set<Achievement>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException("科技成果不存在");
        MarketAccess.EnsureMayEditAchievement(db.User, achievement);
        var errors = new FieldErrors();
        var valid = AchievementRules.Validate(input with { OwnerOrganizationId = achievement.OwnerOrganizationId }, errors);
        errors.ThrowIfAny();
        achievement.Update(valid!, db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>撤回: takes an achievement off the market, unless it is in an auction or sold.</summary>
public sealed class WithdrawAchievementHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        db.User.Demand(MarketPermissions.ChangeAchievement);
        var achievement = await db.Set<Achievement>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException("科技成果不存在");
        MarketAccess.EnsureMayEditAchievement(db.User, achievement);
        AchievementRules.EnsureMayWithdraw(achievement);
        achievement.Withdraw();
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Whether the caller may edit the achievement (pages show or hide the edit link with it; the edit itself checks again).</summary>
public sealed class CheckAchievementEditHandler(KechuangDb db)
{
    public async Task<bool> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var achievement = await db.Set<Achievement>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException("科技成果不存在");
        return db.User.IsSignedIn && MarketAccess.MayEditAchievement(db.User, achievement);
    }
}

/// <summary>The owner the achievement form names: the caller's own organisation, or one of the caller's directory by its exact name.</summary>
public sealed class FindAchievementOwnerHandler(IOrganizationDirectory directory)
{
    public Task<OrganizationInfo?> HandleAsync(Guid id, CancellationToken cancellationToken = default) => directory.FindAsync(id, cancellationToken);

    public Task<OrganizationInfo?> HandleAsync(string name, CancellationToken cancellationToken = default) => directory.FindByNameAsync(name.Trim(), cancellationToken);
}
