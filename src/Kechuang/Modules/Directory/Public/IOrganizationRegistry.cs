namespace Kechuang.Modules.Directory.Public;

/// <summary>An organisation another module asks the directory to add.</summary>
public sealed record NewOrganization(
    string Name, OrganizationKind Kind, string CreditCode, string RegionCode,
    string? Address = null, string? ContactName = null, string? ContactPhone = null);

/// <summary>
/// Adds organisations on behalf of other modules (a demo population, a park's new tenant entered by
/// staff). Input is validated exactly as on the directory form (400 with field messages, 409 for a
/// credit code already in use); the organisation is added to the caller's unit of work, so the
/// caller's own <c>SaveChangesAsync</c> commits it together with its records, or not at all.
/// </summary>
public interface IOrganizationRegistry
{
    Task<Guid> AddAsync(NewOrganization organization, CancellationToken cancellationToken = default);
}
