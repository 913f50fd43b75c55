namespace TextRepair.Cli;

/// <summary>What the library did to one document.</summary>
internal readonly record struct DocumentOutcome(string Text, bool Changed, bool Lossy, IReadOnlyList<RepairEdit>? Edits)
{
    /// <summary>The conversion's ambiguities, when asked for (<c>convert --ambiguities</c>).</summary>
    public IReadOnlyList<Commands.ReportedAmbiguity>? Ambiguities { get; init; }
}

/// <summary>Applies one library operation to a whole document. Implementations are immutable and thread-safe.</summary>
internal abstract class DocumentProcessor
{
    /// <summary>Whether outcomes carry repair information (edits, lossy) worth reporting.</summary>
    public abstract bool ReportsEdits { get; }

    public abstract DocumentOutcome Process(string text);
}

/// <summary>Conversion with a <see cref="ChineseConverter"/>.</summary>
internal sealed class ConvertProcessor : DocumentProcessor
{
    private readonly Commands.ConvertTrustOptions? _trust;

    public ConvertProcessor(ChineseConverter converter, Commands.ConvertTrustOptions? trust = null)
    {
        Converter = converter;
        _trust = trust;
    }

    public ChineseConverter Converter { get; }

    /// <summary>Whether <see cref="Process"/> is <see cref="Converter"/>'s plain conversion (no ambiguity reporting or trust options).</summary>
    public bool Plain => _trust is null;

    public override bool ReportsEdits => false;

    public override DocumentOutcome Process(string text)
    {
        (string converted, List<Commands.ReportedAmbiguity>? ambiguities) = _trust is null ? (Converter.Convert(text), null) : _trust.Convert(Converter, text);
        bool changed = !ReferenceEquals(converted, text) && !string.Equals(converted, text, StringComparison.Ordinal);
        return new DocumentOutcome(converted, changed, Lossy: false, Edits: null) { Ambiguities = ambiguities };
    }
}

/// <summary>Repair with <see cref="TextRepairer"/>.</summary>
internal sealed class RepairProcessor : DocumentProcessor
{
    private readonly RepairOptions _options;

    public RepairProcessor(RepairOptions options)
    {
        _options = options;
    }

    public override bool ReportsEdits => true;

    public override DocumentOutcome Process(string text)
    {
        RepairResult result = TextRepairer.Repair(text, _options);
        return new DocumentOutcome(result.Text, result.Changed, result.Lossy, result.Edits);
    }

    /// <summary>The full result, for text mode (where <c>--report</c> prints its account).</summary>
    public RepairResult Repair(string text) => TextRepairer.Repair(text, _options);
}
