using System.Security.Claims;

namespace Kechuang.Platform.Access;

/// <summary>
/// The caller of the current request or Blazor circuit. Set by <see cref="CurrentUserMiddleware"/> for
/// HTTP requests and by <see cref="CurrentUserCircuitHandler"/> for interactive circuits, where
/// <c>HttpContext</c> is not available; the command line sets a system scope.
/// </summary>
public sealed class CurrentUser
{
    public const string RegionClaim = "kechuang:region";
    public const string OrganizationClaim = "kechuang:org";
    public const string DisplayNameClaim = "kechuang:display";

    private DataScope? _systemScope;

    public ClaimsPrincipal Principal { get; private set; } = new(new ClaimsIdentity());

    public string? ClientAddress { get; set; }

    public bool IsSignedIn => Principal.Identity?.IsAuthenticated == true;

    public Guid? AccountId => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string UserName => _systemScope?.Description ?? Principal.Identity?.Name ?? "anonymous";

    public string DisplayName => Principal.FindFirstValue(DisplayNameClaim) ?? UserName;

    public Role? Role => Enum.TryParse<Role>(Principal.FindFirstValue(ClaimTypes.Role), out var r) ? r : null;

    public string RegionCode => Principal.FindFirstValue(RegionClaim) ?? "";

    public Guid? OrganizationId => Guid.TryParse(Principal.FindFirstValue(OrganizationClaim), out var id) ? id : null;

    public bool SeesPersonalNumbers => _systemScope is not null || Role?.SeesPersonalNumbers() == true;

    public DataScope Scope =>
        _systemScope ?? (IsSignedIn && Role is { } role ? DataScope.ForAccount(role, RegionCode, OrganizationId) : DataScope.Anonymous);

    public void Set(ClaimsPrincipal principal) => Principal = principal;

    /// <summary>For the command line and the demo loader only; the reason is written to the audit log.</summary>
    public void UseSystemScope(string reason) => _systemScope = DataScope.System(reason);
}
