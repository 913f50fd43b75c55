using TextRepair.Repair;
using TextRepair.Repair.Decoding;

namespace TextRepair;

/// <summary>
/// Repairs Chinese text damaged on the web. The pipeline runs in order: pinyin annotations removed (validated, page
/// evidence strong) → script restored (machine-converted Traditional back to Simplified, or a forced target) →
/// full-width punctuation restored in Chinese context. Stateless and thread-safe.
/// </summary>
public static class TextRepairer
{
    // Encoding repair (mojibake) goes first: every later step needs correctly decoded text.
    private static readonly RepairStep[] s_steps =
    [
        new EncodingStep(),
        new AnnotationStep(),
        new ScriptStep(),
        new PunctuationStep(),
    ];

    /// <summary>
    /// Repairs <paramref name="text"/>. Thread-safe. Clean text is recognised by a fast scan and returned as the same
    /// instance with no edits and no allocation besides the result; damaged text allocates the repaired string, the
    /// edit list and an analysis. The character tables are loaded once per process on first need.
    /// </summary>
    /// <param name="text">The text to repair; any string, including lone surrogates and binary garbage.</param>
    /// <param name="options">Options; <see cref="RepairOptions.Default"/> when null.</param>
    /// <returns>The repaired text with its edits in <paramref name="text"/>'s coordinates.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option holds an undefined enum value.</exception>
    public static RepairResult Repair(string text, RepairOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= RepairOptions.Default;

        // Options are checked when set; this catches values that bypassed the setter (e.g. unsafe code or reflection).
        if (!Enum.IsDefined(options.Target))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Target, $"{(int)options.Target} is not a ScriptTarget.");
        }

        bool any = false;
        foreach (RepairStep step in s_steps)
        {
            if (step.MayApply(text, options))
            {
                any = true;
                break;
            }
        }

        if (!any)
        {
            return new RepairResult(text, false, false, []);
        }

        var state = new RepairState(text, options);
        foreach (RepairStep step in s_steps)
        {
            step.Run(state);
        }

        string output = state.Current;
        if (string.Equals(output, text, StringComparison.Ordinal))
        {
            // Loss markers change nothing but are still reported.
            return new RepairResult(text, false, state.Lossy, state.Lossy ? state.Edits : []) { Notes = state.Notes };
        }

        return new RepairResult(output, true, state.Lossy, state.Edits) { Notes = state.Notes };
    }
}
