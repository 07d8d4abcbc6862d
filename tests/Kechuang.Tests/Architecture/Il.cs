using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Kechuang.Tests.Architecture;

/// <summary>
/// What a compiled type refers to, read from its IL with Mono.Cecil. A Razor page's code is spread over compiler-generated
/// nested types (async state machines, lambda closures), so a type is read together with every type nested in it.
/// </summary>
internal static class Il
{
    public static AssemblyDefinition Read(System.Reflection.Assembly assembly) => AssemblyDefinition.ReadAssembly(assembly.Location);

    /// <summary>Every type of the assembly, nested ones included.</summary>
    public static IEnumerable<TypeDefinition> AllTypes(AssemblyDefinition assembly) =>
        assembly.MainModule.Types.SelectMany(WithNested);

    public static IEnumerable<TypeDefinition> WithNested(TypeDefinition type) => [type, .. type.NestedTypes.SelectMany(WithNested)];

    /// <summary>Every type <paramref name="type"/> and its nested types name: base types, members, signatures, locals and instructions.</summary>
    public static IEnumerable<TypeReference> References(TypeDefinition type)
    {
        foreach (var t in WithNested(type))
        {
            if (t.BaseType is { } baseType)
            {
                yield return baseType;
            }
            foreach (var i in t.Interfaces)
            {
                yield return i.InterfaceType;
            }
            foreach (var f in t.Fields)
            {
                yield return f.FieldType;
            }
            foreach (var p in t.Properties)
            {
                yield return p.PropertyType;
            }
            foreach (var m in t.Methods)
            {
                foreach (var r in Signature(m))
                {
                    yield return r;
                }
                if (!m.HasBody)
                {
                    continue;
                }
                foreach (var v in m.Body.Variables)
                {
                    yield return v.VariableType;
                }
                foreach (var instruction in m.Body.Instructions)
                {
                    foreach (var r in Operand(instruction))
                    {
                        yield return r;
                    }
                }
            }
        }
    }

    /// <summary>The types whose constructors <paramref name="type"/> (with its nested types) calls with <c>new</c>.</summary>
    public static IEnumerable<MethodReference> Constructions(TypeDefinition type) =>
        WithNested(type).SelectMany(t => t.Methods).Where(m => m.HasBody).SelectMany(m => m.Body.Instructions)
            .Where(i => i.OpCode == OpCodes.Newobj && i.Operand is MethodReference).Select(i => (MethodReference)i.Operand);

    /// <summary>The methods <paramref name="type"/> (with its nested types) calls.</summary>
    public static IEnumerable<MethodReference> Calls(TypeDefinition type) =>
        WithNested(type).SelectMany(t => t.Methods).Where(m => m.HasBody).SelectMany(m => m.Body.Instructions)
            .Where(i => (i.OpCode == OpCodes.Call || i.OpCode == OpCodes.Callvirt) && i.Operand is MethodReference).Select(i => (MethodReference)i.Operand);

    /// <summary>A type and, for a generic instance, array or by-ref type, the types it is made of.</summary>
    public static IEnumerable<TypeReference> Parts(TypeReference type)
    {
        yield return type;
        switch (type)
        {
            case GenericInstanceType generic:
                foreach (var part in Parts(generic.ElementType).Concat(generic.GenericArguments.SelectMany(Parts)))
                {
                    yield return part;
                }
                break;
            case TypeSpecification specification:
                foreach (var part in Parts(specification.ElementType))
                {
                    yield return part;
                }
                break;
        }
    }

    /// <summary>A type's name without generic arity or arguments: <c>Microsoft.EntityFrameworkCore.IDbContextFactory`1</c>.</summary>
    public static string Name(TypeReference type) => (type is TypeSpecification s ? s.ElementType : type).FullName;

    private static IEnumerable<TypeReference> Signature(MethodReference method) =>
        [method.DeclaringType, method.ReturnType, .. method.Parameters.Select(p => p.ParameterType),
            .. method is GenericInstanceMethod g ? g.GenericArguments : []];

    private static IEnumerable<TypeReference> Operand(Instruction instruction) => instruction.Operand switch
    {
        TypeReference t => [t],
        MethodReference m => Signature(m),
        FieldReference f => [f.DeclaringType, f.FieldType],
        _ => [],
    };
}
