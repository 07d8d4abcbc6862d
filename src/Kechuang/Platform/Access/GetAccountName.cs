using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Platform.Access;

/// <summary>
/// The user name of an account, for the second-factor page to show whose authenticator it enrols (the page reaches
/// the database through a handler, like every page).
/// </summary>
public sealed class GetAccountNameHandler(KechuangDb db)
{
    public async Task<string?> HandleAsync(Guid accountId, CancellationToken cancellationToken = default) =>
        await db.Accounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => a.UserName).FirstOrDefaultAsync(cancellationToken);
}
