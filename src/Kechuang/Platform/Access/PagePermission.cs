using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Kechuang.Platform.Access;

/// <summary>
/// The permission row a page that takes an action serves (a form that creates or changes a record). It is an
/// authorization requirement of the page (<see cref="Policy"/>): a signed-in account whose role the row does not allow
/// is refused before the page is built — with 403 or the access-denied page on a request, and through the router's
/// access-denied path on navigation inside a circuit. The row is named by its table and field, so a rename cannot leave
/// a stale string behind; <see cref="Change"/> is the row of the same page opened on a record (a route with
/// <c>{Id}</c>), when it differs.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PagePermissionAttribute(Type table, string create) : Attribute, IAuthorizeData
{
    /// <summary>The policy that checks the row (<see cref="PagePermissionHandler"/>).</summary>
    public const string PolicyName = "page-permission";

    public Type Table => table;

    public string Create => create;

    /// <summary>The row when the page is opened on an existing record; <see cref="Create"/> when null.</summary>
    public string? Change { get; init; }

    string? IAuthorizeData.Policy { get => PolicyName; set { } }

    string? IAuthorizeData.Roles { get => null; set { } }

    string? IAuthorizeData.AuthenticationSchemes { get => null; set { } }

    /// <summary>The row for a route: <see cref="Change"/> when the route names a record.</summary>
    public Permission For(bool namesRecord) => Resolve(Change is { } change && namesRecord ? change : Create);

    public Permission Resolve(string field) =>
        table.GetField(field, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as Permission
            ?? throw new InvalidOperationException($"{table.Name}.{field} is not a permission row.");
}

/// <summary>The requirement of <see cref="PagePermissionAttribute.PolicyName"/>.</summary>
public sealed class PagePermissionRequirement : IAuthorizationRequirement;

/// <summary>
/// Checks a page's <see cref="PagePermissionAttribute"/> against the account's role: on a request the page is the
/// endpoint (resource <see cref="HttpContext"/>), inside a circuit the router's <see cref="Microsoft.AspNetCore.Components.RouteData"/>.
/// A page whose row cannot be found is refused.
/// </summary>
internal sealed class PagePermissionHandler : AuthorizationHandler<PagePermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PagePermissionRequirement requirement)
    {
        var (page, namesRecord) = context.Resource switch
        {
            HttpContext http => (http.GetEndpoint()?.Metadata.GetMetadata<PagePermissionAttribute>(), http.Request.RouteValues.ContainsKey("Id")),
            Microsoft.AspNetCore.Components.RouteData route => (route.PageType.GetCustomAttribute<PagePermissionAttribute>(), route.RouteValues.ContainsKey("Id")),
            _ => (null, false),
        };
        if (page is not null && Enum.TryParse<Role>(context.User.FindFirstValue(ClaimTypes.Role), out var role) && page.For(namesRecord).Allows(role))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
