using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Mono.Cecil;

namespace Kechuang.Tests.Architecture;

/// <summary>
/// The rules the architecture tests apply, as functions of one type, so that each rule is also shown to catch a type
/// written to break it (<see cref="ArchitectureRulesTests"/>).
/// </summary>
internal static class ArchitectureRules
{
    public const string ModulesNamespace = "Kechuang.Modules.";

    private static readonly HashSet<string> DatabaseTypes =
    [
        "Kechuang.Platform.Data.KechuangDb",
        "Kechuang.Platform.Data.SqliteKechuangDb",
        "Kechuang.Platform.Data.PostgresKechuangDb",
        "Microsoft.EntityFrameworkCore.IDbContextFactory`1",
        "Microsoft.EntityFrameworkCore.DbContext",
    ];

    /// <summary>
    /// The verbs a use case starts with: a handler is named <c>&lt;Verb&gt;&lt;Noun&gt;Handler</c> (CreateContractHandler,
    /// ListPeopleHandler, PlaceBidHandler). A new verb is added here when a use case needs it, which keeps names readable
    /// as a list of what the module does.
    /// </summary>
    public static readonly string[] Verbs =
    [
        "Add", "Approve", "Assign", "Check", "Close", "Confirm", "Count", "Create", "Decide", "Download", "End", "Extend", "Find", "Generate", "Get", "Import", "List",
        "Place", "Publish", "Recommend", "Record", "Refuse", "Register", "Remove", "Return", "Review", "Run", "Save", "Screen", "Start", "Submit", "Update",
        "Upload", "Withdraw",
    ];

    /// <summary>The verbs of use cases that only read; a handler of any other verb changes records.</summary>
    public static readonly string[] ReadVerbs = ["Check", "Count", "Download", "Find", "Get", "List", "Screen"];

    private const string PermissionType = "Kechuang.Platform.Access.Permission";

    private static readonly Regex HandlerName = new($"^({string.Join("|", Verbs)})[A-Z][A-Za-z]*Handler$", RegexOptions.CultureInvariant);

    /// <summary>The module a namespace belongs to (<c>Kechuang.Modules.Market.Pages</c> → Market), or null.</summary>
    public static string? ModuleOf(string? ns) =>
        ns is not null && ns.StartsWith(ModulesNamespace, StringComparison.Ordinal) ? ns[ModulesNamespace.Length..].Split('.')[0] : null;

    public static bool IsPublicApi(string ns, string module) =>
        ns == $"{ModulesNamespace}{module}.Public" || ns.StartsWith($"{ModulesNamespace}{module}.Public.", StringComparison.Ordinal);

    /// <summary>Types of other modules than <paramref name="module"/> that <paramref name="type"/> uses outside their <c>Public</c> namespace.</summary>
    public static IEnumerable<string> ForeignInternals(TypeDefinition type, string module) =>
        Il.References(type).SelectMany(Il.Parts).Select(t => (Ns: Namespace(t), Name: Il.Name(t)))
            .Where(t => ModuleOf(t.Ns) is { } other && other != module && !IsPublicApi(t.Ns, other))
            .Select(t => t.Name).Distinct();

    /// <summary>Module types a platform type uses (the platform serves every module and knows none).</summary>
    public static IEnumerable<string> ModuleTypes(TypeDefinition type) =>
        Il.References(type).SelectMany(Il.Parts).Where(t => ModuleOf(Namespace(t)) is not null).Select(Il.Name).Distinct();

    /// <summary>Database types a page names: a context, its factory. A page reaches data through a handler only.</summary>
    public static IEnumerable<string> DatabaseReach(TypeDefinition page) =>
        Il.References(page).SelectMany(Il.Parts).Select(Il.Name).Where(DatabaseTypes.Contains).Distinct();

    /// <summary>
    /// What a page builds that it should get from the runner: an application type named <c>…Handler</c>, or any type whose
    /// constructor takes a context.
    /// </summary>
    public static IEnumerable<string> HandlerConstructions(TypeDefinition page) =>
        Il.Constructions(page)
            .Where(c => (c.DeclaringType.Name.EndsWith("Handler", StringComparison.Ordinal) && Il.Name(c.DeclaringType).StartsWith("Kechuang.", StringComparison.Ordinal))
                || c.Parameters.Any(p => Il.Parts(p.ParameterType).Any(t => DatabaseTypes.Contains(Il.Name(t)))))
            .Select(c => Il.Name(c.DeclaringType)).Distinct();

    /// <summary>
    /// What a page asks <c>ScopedRunner.With</c> to run that is not a handler (a directory interface, a platform port): a
    /// module's page reaches its data through the module's own handlers, named for the use case.
    /// </summary>
    public static IEnumerable<string> RunnerTargetsOtherThanHandlers(TypeDefinition page) =>
        Il.Calls(page)
            .Where(m => m.DeclaringType.FullName == "Kechuang.Platform.Ui.ScopedRunner" && m.Name == "With" && m is GenericInstanceMethod)
            .Select(m => ((GenericInstanceMethod)m).GenericArguments[0])
            .Where(t => !t.Name.EndsWith("Handler", StringComparison.Ordinal))
            .Select(Il.Name).Distinct();

    /// <summary>
    /// Services a page injects that hold a context (a class whose constructor takes one, or an interface such a class of
    /// <paramref name="app"/> implements): resolved in the circuit's scope, the context would live as long as the circuit.
    /// </summary>
    public static IEnumerable<string> InjectedDatabaseHolders(Type page, Assembly app) =>
        page.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(p => p.IsDefined(typeof(InjectAttribute), inherit: true))
            .Select(p => p.PropertyType)
            .Where(t => HoldsContext(t) || (t.IsInterface && app.GetTypes().Any(i => !i.IsAbstract && t.IsAssignableFrom(i) && HoldsContext(i))))
            .Select(t => t.Name).Distinct();

    /// <summary>
    /// A handler (a class named <c>…Handler</c> or one with a public <c>HandleAsync</c>) is named <c>&lt;Verb&gt;&lt;Noun&gt;Handler</c>
    /// with a verb of <see cref="Verbs"/>, and does one thing: its public instance methods are <c>HandleAsync</c> (overloads
    /// allowed), and on a <c>List…Handler</c> also <c>AllAsync</c>, the same rows unpaged for the export.
    /// </summary>
    public static IEnumerable<string> HandlerShapeProblems(Type type)
    {
        if (!IsHandler(type))
        {
            yield break;
        }
        if (!HandlerName.IsMatch(type.Name))
        {
            yield return $"{type.Name}: not named <Verb><Noun>Handler with a verb of ArchitectureRules.Verbs";
        }
        var allowed = type.Name.StartsWith("List", StringComparison.Ordinal) ? new[] { "HandleAsync", "AllAsync" } : ["HandleAsync"];
        foreach (var method in type.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && !allowed.Contains(m.Name)).Select(m => m.Name).Distinct())
        {
            yield return $"{type.Name}.{method}: a handler's public methods are {string.Join(" and ", allowed)}";
        }
    }

    /// <summary>
    /// A handler that changes records names the row of the role-permission table it demands: it loads a
    /// <c>Permission</c> (to demand it, or to hand it to the step that does; an import declares it for the kit). A
    /// handler that names none would let every role write through a page, where no endpoint stands in front of it.
    /// </summary>
    public static bool WritesWithoutAPermission(TypeDefinition handler)
    {
        var verb = Verbs.FirstOrDefault(v => handler.Name.StartsWith(v, StringComparison.Ordinal) && handler.Name.Length > v.Length && char.IsUpper(handler.Name[v.Length]));
        if (verb is null || ReadVerbs.Contains(verb))
        {
            return false;
        }
        return !Il.References(handler).Any(t => Il.Name(t) == PermissionType);
    }

    public static bool IsHandler(Type type) =>
        type is { IsClass: true, IsAbstract: false } && !type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute))
        && (type.Name.EndsWith("Handler", StringComparison.Ordinal)
            || type.GetMethod("HandleAsync", BindingFlags.Instance | BindingFlags.Public) is not null);

    private static bool HoldsContext(Type type) =>
        type is { IsClass: true, IsAbstract: false }
        && type.GetConstructors().Any(c => c.GetParameters().Any(p => DatabaseTypes.Contains(GenericName(p.ParameterType))));

    private static string GenericName(Type type) =>
        type.IsGenericType ? type.GetGenericTypeDefinition().FullName! : type.FullName ?? type.Name;

    private static string Namespace(TypeReference type)
    {
        var t = type is TypeSpecification s ? s.ElementType : type;
        while (t.DeclaringType is { } outer)
        {
            t = outer;
        }
        return t.Namespace;
    }
}
