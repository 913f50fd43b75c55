using System.Globalization;
using System.Text;

namespace TextRepair.Cli;

/// <summary>Counters for <c>--stats</c>. Each block of work fills its own instance; the results are merged in order.</summary>
internal sealed class RunStats
{
    private readonly Dictionary<RepairKind, long> _editsByKind = [];
    private readonly SortedDictionary<string, long> _encodings = new(StringComparer.Ordinal);

    public long Documents { get; set; }

    public long Changed { get; set; }

    public long Lossy { get; set; }

    /// <summary>JSONL lines that were not valid JSON and were passed through (<c>--skip-invalid</c>).</summary>
    public long SkippedInvalid { get; set; }

    /// <summary>JSONL lines without the field as a string (passed through unchanged).</summary>
    public long WithoutField { get; set; }

    /// <summary>Invalid UTF-8 sequences replaced with U+FFFD (<c>--replace-invalid</c>).</summary>
    public long ReplacedInvalid { get; set; }

    /// <summary>Records the library threw on, passed through unchanged.</summary>
    public long Failed { get; set; }

    /// <summary>Inputs skipped because their output existed (<c>--skip-existing</c>).</summary>
    public long SkippedExisting { get; set; }

    /// <summary>Inputs skipped as binary (<c>--encoding auto</c>).</summary>
    public long SkippedBinary { get; set; }

    /// <summary>Inputs refused as bad input (an invalid byte, an unknown format) while the run went on with the others.</summary>
    public long Refused { get; set; }

    /// <summary>Counts an input read in the encoding <paramref name="name"/> (<c>--encoding auto</c>).</summary>
    public void AddEncoding(string name) => _encodings[name] = _encodings.GetValueOrDefault(name) + 1;

    public void Add(in DocumentOutcome outcome, bool failed = false)
    {
        Documents++;
        if (failed)
        {
            Failed++;
        }

        if (outcome.Changed)
        {
            Changed++;
        }

        if (outcome.Lossy)
        {
            Lossy++;
        }

        if (outcome.Edits is { } edits)
        {
            foreach (RepairEdit edit in edits)
            {
                _editsByKind[edit.Kind] = _editsByKind.GetValueOrDefault(edit.Kind) + 1;
            }
        }
    }

    public void Merge(RunStats other)
    {
        Documents += other.Documents;
        Changed += other.Changed;
        Lossy += other.Lossy;
        SkippedInvalid += other.SkippedInvalid;
        WithoutField += other.WithoutField;
        ReplacedInvalid += other.ReplacedInvalid;
        Failed += other.Failed;
        SkippedExisting += other.SkippedExisting;
        SkippedBinary += other.SkippedBinary;
        Refused += other.Refused;
        foreach (KeyValuePair<string, long> pair in other._encodings)
        {
            _encodings[pair.Key] = _encodings.GetValueOrDefault(pair.Key) + pair.Value;
        }

        foreach (KeyValuePair<RepairKind, long> pair in other._editsByKind)
        {
            _editsByKind[pair.Key] = _editsByKind.GetValueOrDefault(pair.Key) + pair.Value;
        }
    }

    /// <summary>One line for stderr, e.g. "documents 10, changed 2, lossy 0, edits 7 (annotation 5, punctuation 2)".</summary>
    public string Format(bool withEdits)
    {
        var builder = new StringBuilder();
        CultureInfo invariant = CultureInfo.InvariantCulture;
        builder.Append(invariant, $"documents {Documents}, changed {Changed}");
        if (withEdits)
        {
            long total = 0;
            foreach (long count in _editsByKind.Values)
            {
                total += count;
            }

            builder.Append(invariant, $", lossy {Lossy}, edits {total}");
            if (total > 0)
            {
                var kinds = new List<KeyValuePair<RepairKind, long>>(_editsByKind);
                kinds.Sort((a, b) => a.Key.CompareTo(b.Key));
                builder.Append(" (");
                for (int i = 0; i < kinds.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ", ").Append(KindNames.Get(kinds[i].Key)).Append(invariant, $" {kinds[i].Value}");
                }

                builder.Append(')');
            }
        }

        if (Failed > 0)
        {
            builder.Append(invariant, $", failed (passed through) {Failed}");
        }

        if (SkippedExisting > 0)
        {
            builder.Append(invariant, $", inputs skipped (output exists) {SkippedExisting}");
        }

        if (SkippedInvalid > 0)
        {
            builder.Append(invariant, $", invalid lines passed through {SkippedInvalid}");
        }

        if (WithoutField > 0)
        {
            builder.Append(invariant, $", lines without the field {WithoutField}");
        }

        if (ReplacedInvalid > 0)
        {
            builder.Append(invariant, $", invalid UTF-8 sequences replaced {ReplacedInvalid}");
        }

        if (_encodings.Count > 0)
        {
            builder.Append(", encodings ");
            bool first = true;
            foreach (KeyValuePair<string, long> pair in _encodings)
            {
                builder.Append(first ? string.Empty : ", ").Append(pair.Key).Append(invariant, $" {pair.Value}");
                first = false;
            }
        }

        if (SkippedBinary > 0)
        {
            builder.Append(invariant, $", binary files skipped {SkippedBinary}");
        }

        if (Refused > 0)
        {
            builder.Append(invariant, $", inputs refused {Refused}");
        }

        return builder.ToString();
    }
}

/// <summary>The names of <see cref="RepairKind"/> values as written in reports: the member name in camelCase.</summary>
internal static class KindNames
{
    private static readonly Dictionary<RepairKind, string> s_names = Build();

    public static string Get(RepairKind kind) => s_names.TryGetValue(kind, out string? name) ? name : Name(kind);

    private static Dictionary<RepairKind, string> Build()
    {
        var names = new Dictionary<RepairKind, string>();
        foreach (RepairKind kind in Enum.GetValues<RepairKind>())
        {
            names[kind] = Name(kind);
        }

        return names;
    }

    private static string Name(RepairKind kind)
    {
        string name = kind.ToString();
        return name.Length == 0 || !char.IsUpper(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];
    }
}
