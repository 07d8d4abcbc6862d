using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kechuang.Platform.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Kechuang.Platform.Access;

/// <summary>
/// The data-protection key ring (cookie, anti-forgery and second-factor secrets) lives in the database so every
/// node reads the same keys; each key is encrypted there with a certificate kept outside the database:
/// <c>DataProtection:Certificate</c> (a PKCS#12 file, password in <c>DataProtection:CertificatePassword</c>), or,
/// when none is configured, one generated at the first start into <c>DataProtection:Folder</c> (default <c>data</c>)
/// as <c>data-protection.pfx</c>, readable by the service account only. Several nodes must be given the same
/// certificate (configure it, or copy the generated file to every node).
/// </summary>
public static class KeyProtection
{
    public const string GeneratedFileName = "data-protection.pfx";

    public static IServiceCollection AddKeyProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var certificate = Certificate(configuration);
        services.AddDataProtection().SetApplicationName("kechuang").PersistKeysToDbContext<KechuangDb>()
            .ProtectKeysWithCertificate(certificate)
            .UnprotectKeysWithAnyCertificate(certificate);
        return services;
    }

    public static X509Certificate2 Certificate(IConfiguration configuration)
    {
        var configured = configuration["DataProtection:Certificate"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!File.Exists(configured))
            {
                throw new InvalidOperationException($"DataProtection:Certificate: no file at {Path.GetFullPath(configured)}.");
            }
            return X509CertificateLoader.LoadPkcs12FromFile(configured, configuration["DataProtection:CertificatePassword"]);
        }
        var folder = configuration["DataProtection:Folder"] is { Length: > 0 } f ? f : "data";
        return LoadOrCreate(Path.Combine(folder, GeneratedFileName));
    }

    /// <summary>
    /// Loads the generated certificate, or creates it: written to a temporary file that only the owner may read,
    /// then moved into place, so a process starting at the same moment loads a whole file or writes its own first.
    /// </summary>
    private static X509Certificate2 LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, null);
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Kechuang data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(100));
        var temporary = Path.Combine(folder, $".{GeneratedFileName}.{Guid.NewGuid():N}");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var file = new FileStream(temporary, options))
        {
            file.Write(created.Export(X509ContentType.Pkcs12));
        }
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
        return X509CertificateLoader.LoadPkcs12FromFile(path, null);
    }
}
