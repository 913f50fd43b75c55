using ArchUnitNET.Domain;
using ArchUnitNET.Domain.Dependencies;
using ArchUnitNET.Loader;

namespace TextRepair.Tests.Architecture;

/// <summary>
/// The layers run one way: <c>Internal</c> ← <c>Conversion</c> ← <c>Analysis</c> ← <c>Repair</c> ← <c>Documents</c>
/// (← the tool, a separate assembly). ArchUnitNET reads every dependency of every type of the compiled library (fields,
/// signatures, method bodies, attributes, generic arguments); <see cref="LayerMap"/> says which layer each type is in.
/// A dependency on a type of a higher layer fails the test with the pair named.
/// </summary>
public sealed class LayerTests
{
    private static readonly string s_assemblyPath = typeof(TextRepairer).Assembly.Location;
    private static readonly Lazy<(ArchUnitNET.Domain.Architecture Architecture, LayerMap Map)> s_model = new(() =>
        (new ArchLoader().LoadAssemblies(typeof(TextRepairer).Assembly).Build(), new LayerMap(s_assemblyPath)));

    [Fact]
    public void NoTypeDependsOnAHigherLayer()
    {
        var (architecture, map) = s_model.Value;
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        int checkedDependencies = 0;
        foreach (IType type in architecture.Types)
        {
            if (!map.TryGetLayer(Normalize(type.FullName), out int from))
            {
                continue;
            }

            foreach (ITypeDependency dependency in type.Dependencies)
            {
                if (!map.TryGetLayer(Normalize(dependency.Target.FullName), out int to))
                {
                    continue;
                }

                checkedDependencies++;
                if (to > from)
                {
                    violations.Add($"{LayerMap.Layers[from]} -> {LayerMap.Layers[to]}: {type.FullName} uses {dependency.Target.FullName}");
                }
            }
        }

        // The scan saw the library: thousands of dependencies between its own types (a loader that found none would
        // pass every layer rule).
        Assert.True(checkedDependencies > 1000, $"only {checkedDependencies} dependencies between library types were found");
        Assert.True(violations.Count == 0, "Dependencies that run back up the layers:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void EveryTypeOfTheLibraryHasOneLayer()
    {
        var (architecture, map) = s_model.Value;
        var unknown = architecture.Types
            .Where(t => t.Assembly.FullName == typeof(TextRepairer).Assembly.FullName)
            .Select(t => Normalize(t.FullName))
            .Where(name => !name.StartsWith('<') && !map.TryGetLayer(name, out _))
            .ToList();

        Assert.True(map.TypeCount > 100, $"only {map.TypeCount} types were mapped to a layer");
        Assert.True(unknown.Count == 0, "Types with no layer (no source under src/TextRepair/<Layer>/):\n" + string.Join("\n", unknown));
        Assert.True(map.Problems.Count == 0, string.Join("\n", map.Problems));
    }

    [Theory]
    [InlineData(typeof(ChineseConverter), "Conversion")]
    [InlineData(typeof(TextAnalyzer), "Analysis")]
    [InlineData(typeof(TextRepairer), "Repair")]
    [InlineData(typeof(RepairKind), "Analysis")]
    [InlineData(typeof(DocumentConverter), "Documents")]
    public void PublicTypesAreMappedToTheFolderOfTheirSource(System.Type type, string layer)
    {
        Assert.True(s_model.Value.Map.TryGetLayer(type.FullName!, out int index));
        Assert.Equal(layer, LayerMap.Layers[index]);
    }

    // ArchUnitNET writes nested types with '+' (as reflection does) and closes generic types with their arguments.
    private static string Normalize(string fullName)
    {
        int generic = fullName.IndexOf('<', 1);
        string name = generic > 0 && fullName[generic - 1] != '+' && fullName[generic - 1] != '.' ? fullName[..generic] : fullName;
        return name.Replace('/', '+');
    }
}
