using System.Collections.Frozen;

namespace TextRepair.Documents;

/// <summary>A fixed set of element or attribute names, looked up by span without allocating. Thread-safe.</summary>
internal sealed class NameSet
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public NameSet(bool ignoreCase, params string[] names)
    {
        _lookup = names.ToFrozenSet(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static NameSet Empty { get; } = new(false);

    public bool Contains(ReadOnlySpan<char> name) => _lookup.Contains(name);
}
