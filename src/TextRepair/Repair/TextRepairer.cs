using TextRepair.Repair;
using TextRepair.Repair.Decoding;

namespace TextRepair;

/// <summary>
/// Repairs Chinese text damaged on the web, in Markdig's pipeline style: build a repairer once with
/// <see cref="Create"/> (or use <see cref="Default"/>), share it across threads, call <see cref="Repair(string)"/>.
/// The pipeline: the encoding step undoes mojibake and reports loss markers; then one analysis of the text
/// (<see cref="TextAnalyzer"/>) gives a plan with one decision per step and its reason; then the steps apply it in
/// order: pinyin annotations removed (validated, page evidence strong) → script restored (machine-converted
/// Traditional back to Simplified, or a forced target) → full-width punctuation restored in Chinese context. The
/// decisions come back in <see cref="RepairResult.Decisions"/>. Immutable and thread-safe.
/// </summary>
public sealed class TextRepairer
{
    // Encoding repair goes first: every later step needs correctly decoded text.
    private static readonly RepairStep s_encoding = new EncodingStep();

    private readonly RepairDecision[] _cleanDecisions;

    private TextRepairer(RepairOptions options)
    {
        Options = options;
        _cleanDecisions =
        [
            new RepairDecision(RepairKind.Encoding, false, options.RepairEncoding ? "no character that a wrong decoder writes." : "turned off (RepairEncoding is false)."),
            new RepairDecision(RepairKind.Annotation, false, "no parenthesis with a pinyin letter after a Han character."),
            new RepairDecision(
                RepairKind.Script,
                false,
                options.Target switch
                {
                    ScriptTarget.Keep => "target Keep: the script is never changed.",
                    ScriptTarget.Auto => "target Auto and no sign of machine conversion from Simplified: the script is kept.",
                    _ => "no Chinese character to convert.",
                }),
            new RepairDecision(RepairKind.Punctuation, false, "no damage found: ASCII punctuation may be intended, left as it is."),
        ];
    }

    /// <summary>The repairer with <see cref="RepairOptions.Default"/>: every step on, <see cref="ScriptTarget.Auto"/>. Thread-safe.</summary>
    public static TextRepairer Default { get; } = new(RepairOptions.Default);

    /// <summary>The options this repairer was built with.</summary>
    public RepairOptions Options { get; }

    /// <summary>
    /// Builds a repairer for <paramref name="options"/>. Cheap (a few small objects); the character tables are loaded
    /// once per process on first need, not here. The repairer is immutable and can be shared by any number of threads.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option holds an undefined enum value.</exception>
    public static TextRepairer Create(RepairOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Options are checked when set; this catches values that bypassed the setter (e.g. unsafe code or reflection).
        if (!Enum.IsDefined(options.Target))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Target, $"{(int)options.Target} is not a ScriptTarget.");
        }

        return options == RepairOptions.Default ? Default : new TextRepairer(options);
    }

    /// <summary>
    /// Repairs <paramref name="text"/> with <paramref name="options"/> (<see cref="RepairOptions.Default"/> when null):
    /// <c>Create(options).Repair(text)</c>. Thread-safe; see <see cref="Repair(string)"/> for what it allocates.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option holds an undefined enum value.</exception>
    public static RepairResult Repair(string text, RepairOptions? options = null) =>
        (options is null ? Default : Create(options)).Repair(text);

    /// <summary>
    /// Repairs <paramref name="text"/>. Thread-safe. Clean text is recognised by a fast scan and returned as the same
    /// instance with no edits; that allocates only the result. Damaged text allocates the repaired string, the edit
    /// list, an analysis and the decisions. The character tables are loaded once per process on first need.
    /// </summary>
    /// <param name="text">The text to repair; any string, including lone surrogates and binary garbage.</param>
    /// <returns>The repaired text with its edits in <paramref name="text"/>'s coordinates and the decision of every step.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public RepairResult Repair(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        RepairOptions options = Options;
        bool encoding = options.RepairEncoding && s_encoding.MayApply(text, options);
        if (!encoding && !AnnotationStep.MayApply(text) && !ScriptStep.MayApply(text, options))
        {
            return new RepairResult(text, false, false, [], _cleanDecisions, [], []);
        }

        var state = new RepairState(text, options);
        RepairDecision encodingDecision;
        if (encoding)
        {
            s_encoding.Run(state);
            encodingDecision = state.Edits.Count > 0
                ? new RepairDecision(RepairKind.Encoding, true, "text decoded with the wrong encoding, or lost on the way, was found:")
                : new RepairDecision(RepairKind.Encoding, false, "characters a wrong decoder writes were found, but no reading was more plausible than the text.");
        }
        else
        {
            encodingDecision = _cleanDecisions[0];
        }

        // One analysis of the text as the encoding step left it decides every Chinese step.
        RepairPlan plan = RepairPlan.Create(TextAnalyzer.AnalyzeCore(state.Current, TextAnalyzerOptions.Annotations | TextAnalyzerOptions.ConversionSignatures), options);
        AnnotationStep.Apply(state, plan);
        ScriptStep.Apply(state, plan);
        PunctuationStep.Apply(state, plan);

        RepairDecision[] decisions = [encodingDecision, plan.Annotations, plan.Script, plan.Punctuation];
        string output = state.Current;
        bool changed = !string.Equals(output, text, StringComparison.Ordinal);
        return new RepairResult(
            changed ? output : text,
            changed,
            state.Lossy,
            changed || state.Lossy ? state.Edits : [],
            decisions,
            state.LossyReasons,
            state.Notes);
    }
}
