using System.Security.Cryptography;
using System.Text;
using Kechuang.Platform.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OtpNet;
using QRCoder;

namespace Kechuang.Platform.Access;

/// <summary>A recovery code of an account's second factor: shown once at enrolment, only its SHA-256 is stored; each works once.</summary>
public sealed class RecoveryCode : INotAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AccountId { get; set; }
    public string CodeHash { get; set; } = "";
    public DateTime? UsedAt { get; set; }
}

/// <summary>
/// The second factor (等保 level 3: two factors for administrators): a TOTP authenticator app (RFC 6238: SHA-1,
/// 6 digits, 30 seconds, the kind every authenticator app reads from a QR code), or one of ten recovery codes.
/// The secret is kept encrypted with the data-protection key ring; a code is accepted once (the last used time
/// step is kept, so a code seen over someone's shoulder cannot be replayed), and one step either side of the
/// server's clock is accepted for phones whose clocks drift.
/// Required for the three administrator roles always and for the roles named in <c>Access:SecondFactorRoles</c>;
/// an account that has enrolled is asked for it whatever its role.
/// </summary>
public sealed class SecondFactor(KechuangDb db, IDataProtectionProvider protection, IOptions<AccessOptions> options)
{
    public const int RecoveryCodeCount = 10;
    public const string Issuer = "科创";

    private IDataProtector Protector => protection.CreateProtector("Kechuang.Access.SecondFactor.v1");

    public bool IsRequired(Account account) => account.Role.IsAdministrator() || options.Value.SecondFactorRoleSet.Contains(account.Role);

    /// <summary>A new random secret (160 bits), as the Base32 text an authenticator app takes.</summary>
    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    public static string OtpAuthUri(string userName, string secret) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(userName)}?secret={secret}&issuer={Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits=6&period=30";

    /// <summary>The QR code of <paramref name="uri"/> as a PNG data URI, drawn here (no external service sees the secret).</summary>
    public static string QrCodeDataUri(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    /// <summary>The secret in groups of four, easier to type into an app by hand.</summary>
    public static string Grouped(string secret) => string.Join(' ', secret.Chunk(4).Select(c => new string(c)));

    /// <summary>
    /// Enrols <paramref name="account"/> with <paramref name="secret"/> if <paramref name="code"/> is a current code of
    /// that secret (proof the app holds it); returns the recovery codes to show once, or null for a wrong code.
    /// </summary>
    public async Task<IReadOnlyList<string>?> EnrolAsync(Account account, string secret, string? code, CancellationToken cancellationToken = default)
    {
        if (Step(secret, code) is not { } step)
        {
            return null;
        }
        account.EnrolSecondFactor(Protector.Protect(secret), step, db.UtcNow);
        await db.RecoveryCodes.Where(r => r.AccountId == account.Id).ExecuteDeleteAsync(cancellationToken);
        var codes = Enumerable.Range(0, RecoveryCodeCount).Select(_ => NewRecoveryCode()).ToList();
        db.RecoveryCodes.AddRange(codes.Select(c => new RecoveryCode { AccountId = account.Id, CodeHash = Hash(c) }));
        db.AuditEvent("access_account", account.Id.ToString(), "second-factor-enrol", null, account.UserName);
        await db.SaveChangesAsync(cancellationToken);
        return codes;
    }

    /// <summary>True when <paramref name="code"/> is a current, unused TOTP code of the account, or one of its unused recovery codes (then used up).</summary>
    public async Task<bool> VerifyAsync(Account account, string? code, CancellationToken cancellationToken = default)
    {
        if (account.TotpSecret is not { } protectedSecret || string.IsNullOrWhiteSpace(code))
        {
            return false;
        }
        var text = code.Trim().Replace(" ", "", StringComparison.Ordinal);
        if (text.Length == 6 && text.All(char.IsAsciiDigit))
        {
            if (Step(Protector.Unprotect(protectedSecret), text) is not { } step)
            {
                return false;
            }
            // Accepted only if no later or equal step was used: one UPDATE, so two requests with one code cannot both pass.
            var accepted = await db.Accounts.Where(a => a.Id == account.Id && a.TotpLastStep < step)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.TotpLastStep, step), cancellationToken) == 1;
            return accepted;
        }
        var hash = Hash(text);
        var now = db.UtcNow;
        var used = await db.RecoveryCodes.Where(r => r.AccountId == account.Id && r.CodeHash == hash && r.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.UsedAt, now), cancellationToken) == 1;
        if (used)
        {
            db.AuditEvent("access_account", account.Id.ToString(), "recovery-code-used", null, account.UserName);
            await db.SaveChangesAsync(cancellationToken);
        }
        return used;
    }

    /// <summary>Removes the second factor (a lost phone): the next sign-in enrols again where it is required.</summary>
    public async Task ResetAsync(Account account, CancellationToken cancellationToken = default)
    {
        account.ResetSecondFactor();
        await db.RecoveryCodes.Where(r => r.AccountId == account.Id).ExecuteDeleteAsync(cancellationToken);
        db.AuditEvent("access_account", account.Id.ToString(), "second-factor-reset");
        await db.SaveChangesAsync(cancellationToken);
    }

    private long? Step(string secret, string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        return totp.VerifyTotp(db.UtcNow, code.Trim().Replace(" ", "", StringComparison.Ordinal), out var step, new VerificationWindow(previous: 1, future: 1))
            ? step
            : null;
    }

    /// <summary>Ten characters in two groups, from an alphabet without look-alikes (0/O, 1/l/I).</summary>
    private static string NewRecoveryCode()
    {
        const string alphabet = "23456789abcdefghjkmnpqrstuvwxyz";
        var chars = Enumerable.Range(0, 10).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray();
        return new string(chars, 0, 5) + "-" + new string(chars, 5, 5);
    }

    // Typed with or without its dash, in either case.
    private static string Hash(string recoveryCode) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(recoveryCode.Replace("-", "", StringComparison.Ordinal).Trim().ToLowerInvariant())));
}
