using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;

namespace Kechuang.Tests.Architecture;

/// <summary>
/// The platform is what every module uses, so it must not know any module: no type of Kechuang.Platform may mention a
/// Kechuang.Modules type anywhere — base type, interfaces, attributes, fields, properties, method signatures, local
/// variables, and every type, method and field its IL refers to (including generic arguments such as a component
/// rendered with OpenComponent&lt;T&gt;) — and no string it contains may name a module's pages, API or tables.
/// Menus, audit names and home figures reach the platform from the modules through contributions instead.
/// </summary>
public class PlatformNamesNoModuleTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Assembly App = typeof(Program).Assembly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    private static IEnumerable<Type> PlatformTypes() =>
        App.GetTypes().Where(t => t.Namespace is { } n && (n == "Kechuang.Platform" || n.StartsWith("Kechuang.Platform.", StringComparison.Ordinal)));

    private static bool IsModule(Type type) =>
        type.Namespace is { } n && (n == "Kechuang.Modules" || n.StartsWith("Kechuang.Modules.", StringComparison.Ordinal));

    [Fact]
    public void PlatformTypes_ReferenceNoModuleType()
    {
        var types = PlatformTypes().ToList();
        Assert.Contains(types, t => t.Name == "NavCatalog");

        var violations = types.SelectMany(t => References(t).Where(r => Mentions(r.Type)).Select(r => $"{t.FullName}: {r.Where} → {r.Type}"))
            .Distinct().ToList();

        Assert.Empty(violations);
    }

    [Fact]
    public void PlatformStrings_NameNoModulePageApiOrTable()
    {
        Assert.Contains("directory", ModuleNames());

        Assert.Empty(StringsNamingModules(PlatformTypes()));
    }

    /// <summary>The check itself finds a module type in each place it claims to look.</summary>
    [Fact]
    public void References_FindModuleTypesInSignaturesBodiesAndGenericArguments()
    {
        var found = References(typeof(Probe)).Where(r => Mentions(r.Type)).Select(r => r.Where).ToList();

        Assert.Contains(found, w => w.StartsWith("field ", StringComparison.Ordinal));
        Assert.Contains(found, w => w.StartsWith("return of Signature", StringComparison.Ordinal));
        Assert.Contains(found, w => w.StartsWith("IL of Body", StringComparison.Ordinal));
        Assert.Contains(found, w => w.StartsWith("IL of Generic", StringComparison.Ordinal));
        Assert.DoesNotContain(References(typeof(PlatformNamesNoModuleTests)), r => Mentions(r.Type));
        Assert.Equal(["/api/v1/market/auctions", "directory_person", "<a href=\"/cultivation\">"], StringsNamingModules([typeof(Probe)]).Select(v => v.Split(": ", 2)[1].Trim('"')));
    }

    /// <summary>"/directory", "/api/v1/market/…", a page's first segment such as "/cultivation", and "directory_person" name a module; "Directory" in a sentence does not.</summary>
    private static List<string> StringsNamingModules(IEnumerable<Type> types)
    {
        var names = ModuleNames();
        var modulePaths = App.GetTypes().Where(IsModule)
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>()).Select(r => r.Template.Trim('/').Split('/')[0])
            .Concat(names).Distinct(StringComparer.Ordinal).ToList();
        var pattern = new Regex(
            $@"/({string.Join('|', modulePaths.Select(Regex.Escape))})([/?#""]|$)|\b({string.Join('|', names.Select(Regex.Escape))})_[a-z]",
            RegexOptions.CultureInvariant);
        return types.SelectMany(t => Methods(t).SelectMany(m => Strings(m).Where(s => pattern.IsMatch(s)).Select(s => $"{t.FullName}.{m.Name}: \"{s}\"")))
            .Distinct().ToList();
    }

    private static bool Mentions(Type type)
    {
        if (type.HasElementType)
        {
            return Mentions(type.GetElementType()!);
        }
        return IsModule(type) || (type.IsGenericType && !type.IsGenericTypeDefinition && type.GetGenericArguments().Any(Mentions));
    }

    private static IEnumerable<(string Where, Type Type)> References(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return ("base type", baseType);
        }
        foreach (var i in type.GetInterfaces())
        {
            yield return ("interface", i);
        }
        foreach (var a in Attributes(type.CustomAttributes))
        {
            yield return ("attribute", a);
        }
        foreach (var f in type.GetFields(Declared))
        {
            yield return ($"field {f.Name}", f.FieldType);
            foreach (var a in Attributes(f.CustomAttributes))
            {
                yield return ($"attribute of {f.Name}", a);
            }
        }
        foreach (var p in type.GetProperties(Declared))
        {
            yield return ($"property {p.Name}", p.PropertyType);
            foreach (var a in Attributes(p.CustomAttributes))
            {
                yield return ($"attribute of {p.Name}", a);
            }
        }
        foreach (var e in type.GetEvents(Declared))
        {
            yield return ($"event {e.Name}", e.EventHandlerType!);
        }
        foreach (var m in Methods(type))
        {
            if (m is MethodInfo info)
            {
                yield return ($"return of {m.Name}", info.ReturnType);
                foreach (var g in info.GetGenericArguments().SelectMany(g => g.GetGenericParameterConstraints()))
                {
                    yield return ($"constraint of {m.Name}", g);
                }
            }
            foreach (var p in m.GetParameters())
            {
                yield return ($"parameter {p.Name} of {m.Name}", p.ParameterType);
            }
            foreach (var a in Attributes(m.CustomAttributes))
            {
                yield return ($"attribute of {m.Name}", a);
            }
            var body = m.GetMethodBody();
            if (body is null)
            {
                continue;
            }
            foreach (var local in body.LocalVariables)
            {
                yield return ($"local of {m.Name}", local.LocalType);
            }
            foreach (var member in Tokens(m, body))
            {
                foreach (var t in member switch
                {
                    Type t => [t],
                    FieldInfo f => [f.DeclaringType!, f.FieldType],
                    MethodInfo mi => [mi.DeclaringType!, mi.ReturnType, .. mi.GetGenericArguments(), .. mi.GetParameters().Select(p => p.ParameterType)],
                    ConstructorInfo c => [c.DeclaringType!, .. c.GetParameters().Select(p => p.ParameterType)],
                    _ => Array.Empty<Type>(),
                })
                {
                    yield return ($"IL of {m.Name}", t);
                }
            }
        }
    }

    private static IEnumerable<MethodBase> Methods(Type type) =>
        type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)).Concat(type.TypeInitializer is { } cctor ? [cctor] : []);

    /// <summary>typeof(...) arguments of attributes (a page's layout, a component's type).</summary>
    private static IEnumerable<Type> Attributes(IEnumerable<CustomAttributeData> attributes) =>
        attributes.SelectMany(a => new[] { a.AttributeType }
            .Concat(a.ConstructorArguments.Concat(a.NamedArguments.Select(n => n.TypedValue)).Select(v => v.Value).OfType<Type>()));

    /// <summary>The members an IL body refers to by token (call, newobj, ldfld, ldtoken, castclass, box, …).</summary>
    private static IEnumerable<MemberInfo> Tokens(MethodBase method, MethodBody body)
    {
        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        foreach (var (opCode, token) in Instructions(body.GetILAsByteArray()!))
        {
            if (opCode.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType)
            {
                yield return method.Module.ResolveMember(token, typeArguments, methodArguments)
                    ?? throw new InvalidOperationException($"Token {token:x8} of {method.DeclaringType}.{method.Name} did not resolve.");
            }
        }
    }

    private static IEnumerable<string> Strings(MethodBase method)
    {
        if (method.GetMethodBody()?.GetILAsByteArray() is not { } il)
        {
            yield break;
        }
        foreach (var (opCode, token) in Instructions(il))
        {
            if (opCode.OperandType == OperandType.InlineString)
            {
                yield return method.Module.ResolveString(token);
            }
        }
    }

    /// <summary>Each instruction's opcode and, for the four-byte operands, the operand (a metadata token for the ones used).</summary>
    private static IEnumerable<(OpCode OpCode, int Operand)> Instructions(byte[] il)
    {
        var i = 0;
        while (i < il.Length)
        {
            var value = (short)il[i++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[i++]);
            }
            var opCode = OpCodesByValue[value];
            var size = opCode.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                _ => 4,
            };
            yield return (opCode, size == 4 ? BitConverter.ToInt32(il, i) : 0);
            i += size;
        }
    }

    private static List<string> ModuleNames() =>
        App.GetTypes().Where(IsModule).Select(t => t.Namespace!.Split('.')).Where(p => p.Length > 2)
            .Select(p => p[2].ToLowerInvariant()).Distinct().ToList();

    /// <summary>A stand-in that mentions a module type in each way the first test looks for.</summary>
    private sealed class Probe
    {
        private readonly global::Kechuang.Modules.Directory.Public.OrganizationKind _kind = global::Kechuang.Modules.Directory.Public.OrganizationKind.Enterprise;

        public global::Kechuang.Modules.Directory.Public.OrganizationKind Signature() => _kind;

        public string Body() => _kind + typeof(global::Kechuang.Modules.Market.LotStatus).Name;

        public int Generic() => new List<global::Kechuang.Modules.Market.LotStatus> { default }.Count + (int)_kind;

        public static string[] Texts() => ["/api/v1/market/auctions", "directory_person", "<a href=\"/cultivation\">", "Directory of the city", "/indicators/targets"];
    }
}
