using Kechuang.Platform.Access;

namespace Kechuang.Modules.Matching;

/// <summary>匹配推荐's rows of the role-permission table: staff match demands and records, judge results, keep the thesaurus.</summary>
internal sealed class MatchingPermissions : IPermissionContribution
{
    public static readonly Permission Query = new("matching.query", "查询匹配推荐（需求与成果、专家、博士互相匹配）", PermissionKind.Read, RoleSets.Staff);
    public static readonly Permission Feedback = new("matching.feedback", "标记匹配结果有用或无用", PermissionKind.Create, RoleSets.Staff);
    public static readonly Permission Thesaurus = new("matching.thesaurus", "维护同义词和领域词典", PermissionKind.Change, RoleSets.Staff);

    public string Module => "匹配推荐";

    public int Order => 68;

    public IEnumerable<Permission> Permissions => [Query, Feedback, Thesaurus];
}
