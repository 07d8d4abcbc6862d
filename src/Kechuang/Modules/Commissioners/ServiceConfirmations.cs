using System.Threading.RateLimiting;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace Kechuang.Modules.Commissioners;

/// <summary>What the served farmer or enterprise sees before confirming: the service, not the commissioner's contacts.</summary>
public sealed record ServiceConfirmationView(string KindName, DateOnly ServedOn, string CommissionerName, string RegionName, string Summary, bool Confirmed,
    DateTime? ConfirmedAt);

/// <summary>
/// The served person's own confirmation, without an account: the commissioner shows a link (or its QR code) on the
/// phone, the farmer opens it and taps 确认. The record's 8-character code in the link is the only credential — 31⁸
/// codes against a per-client limit of a few tries a minute — so the link reads and confirms that one record and
/// nothing else, under a narrow system scope named for its row of the permission table (the anonymous scope sees no
/// county's records). ADR 027.
/// </summary>
internal static class ServiceByLink
{
    /// <summary>The record of a code; the caller has taken the system scope of <see cref="CommissionersPermissions.ConfirmByLink"/>.</summary>
    public static async Task<ServiceRecord> FindAsync(KechuangDb db, string? code, bool tracked, CancellationToken cancellationToken)
    {
        var normalized = ServiceRules.NormalizeCode(code);
        if (normalized.Length != ServiceRules.CodeLength || normalized.Any(c => !ServiceRules.CodeAlphabet.Contains(c, StringComparison.Ordinal)))
        {
            throw new NotFoundException("确认链接无效，请向科技特派员核对");
        }
        var records = db.Set<ServiceRecord>().Where(s => s.ConfirmationCode == normalized);
        return await (tracked ? records : records.AsNoTracking()).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("确认链接无效，请向科技特派员核对");
    }

    public static async Task<ServiceConfirmationView> ViewAsync(ListServicesHandler list, ServiceRecord record, CancellationToken cancellationToken)
    {
        var dto = (await list.ToDtosAsync([record], cancellationToken))[0];
        return new ServiceConfirmationView(dto.KindName, dto.ServedOn, dto.CommissionerName, dto.RegionName, dto.Summary, dto.Confirmed, dto.ConfirmedAt);
    }
}

/// <summary>What the confirmation link shows: the one service, before or after its confirmation.</summary>
public sealed class GetServiceConfirmationHandler(KechuangDb db, ListServicesHandler list)
{
    public async Task<ServiceConfirmationView> HandleAsync(string? code, CancellationToken cancellationToken = default)
    {
        db.User.UseSystemScope(CommissionersPermissions.ConfirmByLink.Key);
        return await ServiceByLink.ViewAsync(list, await ServiceByLink.FindAsync(db, code, tracked: false, cancellationToken), cancellationToken);
    }
}

/// <summary>The served person's tap on 确认服务属实; a second tap changes nothing and says so (409).</summary>
public sealed class ConfirmServiceByLinkHandler(KechuangDb db, ListServicesHandler list)
{
    /// <summary>Who the record names as the confirmer.</summary>
    public const string ConfirmedBy = "服务对象本人（扫码确认）";

    public async Task<ServiceConfirmationView> HandleAsync(string? code, CancellationToken cancellationToken = default)
    {
        // No role to demand: the code is the credential, and only the record of the code is read and changed (docs/security.md, S12).
        db.User.UseSystemScope(CommissionersPermissions.ConfirmByLink.Key);
        var record = await ServiceByLink.FindAsync(db, code, tracked: true, cancellationToken);
        if (record.ConfirmedAt is not null)
        {
            throw new RuleException("commissioners.code-used", "该服务记录已确认过，无需再次确认");
        }
        record.Confirm(ConfirmedBy, db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        return await ServiceByLink.ViewAsync(list, record, cancellationToken);
    }
}

/// <summary>The confirmation link of a code and its QR code, as the commissioner shows them to the person served.</summary>
public static class ServiceConfirmationLink
{
    public const string Path = "/service-confirmations";

    /// <summary>How often one client may open or submit a confirmation link: enough for a family, too few to guess codes.</summary>
    public const string RatePolicy = "service-confirmations";

    public const int DefaultPerClientPerMinute = 20;

    public static string For(string baseUri, string code) => $"{baseUri.TrimEnd('/')}{Path}/{code}";

    /// <summary>An inline SVG of the link (our own URL and code only, so it is safe to render as markup).</summary>
    public static string QrSvg(string link)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }

    public static IServiceCollection AddServiceConfirmationLimit(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            var perMinute = configuration.GetValue("Commissioners:ConfirmationsPerClientPerMinute", DefaultPerClientPerMinute);
            o.AddPolicy(RatePolicy, context => RateLimitPartition.GetSlidingWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    SegmentsPerWindow = 6,
                    QueueLimit = 0,
                }));
        });
        return services;
    }
}
