using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Approval.Engine.Tests.Repository;

/// <summary>
/// The Engine's feature folders (Approval.Engine.Cases, .Deadlines, .Windows ...) depend on each other
/// one way: when a feature uses another, the other does not use it back, so each can be read, changed
/// and tested from its own side. The test reads the Engine assembly's IL (signatures, base types,
/// attributes, method bodies, lambdas and state machines included) and fails on a two-way pair that
/// is not in <see cref="Allowed"/>. The list holds the pairs the house still has: it only shrinks.
/// </summary>
public sealed class FeatureDependencyTests
{
    private const string Root = "Approval.Engine";

    /// <summary>Used by every feature, and using none back by design: the database and the start-up wiring.</summary>
    private static readonly HashSet<string> Shared = ["Storage", "Startup", "<root>"];

    /// <summary>Two-way pairs left to untangle, each written in order. Remove a pair when it is gone; never add one.</summary>
    private static readonly HashSet<(string, string)> Allowed =
    [
        ("Access", "Cases"),
        ("Access", "Statistics"),
        ("Access", "Supervision"),
        ("Access", "Windows"),
        ("Audit", "Identity"),
        ("Catalogue", "Windows"),
        ("Cases", "Catalogue"),
        ("Cases", "Deadlines"),
        ("Cases", "Windows"),
        ("Deadlines", "Windows"),
        ("Definitions", "Runtime"),
        ("Identity", "Windows"),
    ];

    [Fact]
    public void NoTwoFeatures_UseEachOther_BeyondThePairsLeft()
    {
        var uses = FeatureUses();
        var twoWay = TwoWayPairs(uses);

        var added = twoWay.Keys.Where(p => !Allowed.Contains(p)).Select(p => Describe(p, twoWay[p])).ToList();
        Assert.True(added.Count == 0,
            "Feature folders that use each other both ways (make one side go through the other's interface or move the type):\n"
            + string.Join('\n', added));
    }

    [Fact]
    public void ThePairsLeft_AreStillTwoWay()
    {
        // A pair that has been untangled leaves the list, so that it cannot come back unseen.
        var twoWay = TwoWayPairs(FeatureUses());

        var gone = Allowed.Where(p => !twoWay.ContainsKey(p)).Select(p => $"{p.Item1} ↔ {p.Item2}").ToList();
        Assert.True(gone.Count == 0, "No longer two-way, remove from Allowed:\n" + string.Join('\n', gone));
    }

    [Fact]
    public void TheReading_SeesTheKnownUses()
    {
        // Guards against passing vacuously: a broken reading finds no use at all.
        var uses = FeatureUses();

        Assert.Contains(("Tasks", "Runtime"), uses.Keys); // CompleteTask runs the flow
        Assert.Contains(("Deadlines", "Supervision"), uses.Keys.Concat(uses.Keys.Select(k => (k.Item2, k.Item1))));
        Assert.True(uses.Keys.Select(k => k.Item1).Distinct().Count() > 10, "Fewer than ten features were read.");
    }

    /// <summary>For each (from, to) feature pair, one example use: "Type.Member uses OtherType".</summary>
    private static Dictionary<(string From, string To), string> FeatureUses()
    {
        var path = typeof(Approval.Engine.Storage.ApprovalDbContext).Assembly.Location;
        using var module = ModuleDefinition.ReadModule(path);

        var uses = new Dictionary<(string, string), string>();
        foreach (var type in module.GetTypes())
        {
            var from = Feature(type);
            if (from is null || Shared.Contains(from))
            {
                continue;
            }

            foreach (var (where, used) in References(type))
            {
                foreach (var to in Features(used).Where(to => to != from && !Shared.Contains(to)))
                {
                    uses.TryAdd((from, to), $"{Outermost(type).FullName}{where} uses {used.FullName}");
                }
            }
        }

        return uses;
    }

    private static Dictionary<(string, string), (string There, string Back)> TwoWayPairs(Dictionary<(string From, string To), string> uses) =>
        uses.Keys
            .Where(k => string.CompareOrdinal(k.From, k.To) < 0 && uses.ContainsKey((k.To, k.From)))
            .ToDictionary(k => k, k => (uses[k], uses[(k.To, k.From)]));

    private static string Describe((string, string) pair, (string There, string Back) example) =>
        $"{pair.Item1} ↔ {pair.Item2}: {example.There}; {example.Back}";

    private static IEnumerable<(string Where, TypeReference Used)> References(TypeDefinition type)
    {
        if (type.BaseType is not null)
        {
            yield return ("", type.BaseType);
        }

        foreach (var i in type.Interfaces)
        {
            yield return ("", i.InterfaceType);
        }

        foreach (var a in type.CustomAttributes)
        {
            yield return ("", a.AttributeType);
        }

        foreach (var field in type.Fields)
        {
            yield return ($".{field.Name}", field.FieldType);
        }

        foreach (var property in type.Properties)
        {
            yield return ($".{property.Name}", property.PropertyType);
        }

        foreach (var method in type.Methods)
        {
            var where = $".{method.Name}";
            yield return (where, method.ReturnType);
            foreach (var p in method.Parameters)
            {
                yield return (where, p.ParameterType);
            }

            if (!method.HasBody)
            {
                continue;
            }

            foreach (var v in method.Body.Variables)
            {
                yield return (where, v.VariableType);
            }

            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        yield return (where, t);
                        break;
                    case MethodReference m:
                        yield return (where, m.DeclaringType);
                        yield return (where, m.ReturnType);
                        if (m is GenericInstanceMethod g)
                        {
                            foreach (var arg in g.GenericArguments)
                            {
                                yield return (where, arg);
                            }
                        }

                        break;
                    case FieldReference f:
                        yield return (where, f.DeclaringType);
                        yield return (where, f.FieldType);
                        break;
                }
            }
        }
    }

    /// <summary>The features a type names: the namespace segment after Approval.Engine of its outermost type, and of each generic argument.</summary>
    private static IEnumerable<string> Features(TypeReference type)
    {
        while (type is TypeSpecification spec and not GenericInstanceType)
        {
            type = spec.ElementType; // arrays, by-refs, pointers
        }

        if (type is GenericInstanceType generic)
        {
            // Result<Case> names UseCases and Cases; List<Case> names Cases (the BCL's List names none).
            return Features(generic.ElementType).Concat(generic.GenericArguments.SelectMany(Features));
        }

        return Feature(type) is { } feature ? [feature] : [];
    }

    /// <summary>The feature a type is declared in (nested types by their outermost type), or null outside the Engine's namespaces.</summary>
    private static string? Feature(TypeReference type)
    {
        var ns = Outermost(type).Namespace;
        if (ns == Root)
        {
            return "<root>";
        }

        return ns.StartsWith(Root + ".", StringComparison.Ordinal) ? ns[(Root.Length + 1)..].Split('.')[0] : null;
    }

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }
}
