namespace TextRepair;

/// <summary>
/// One decision of a repair: whether a step acts on the text, and why. A <see cref="RepairResult"/> carries one per
/// step, in pipeline order. Immutable; thread-safe.
/// </summary>
public sealed class RepairDecision
{
    internal RepairDecision(RepairKind step, bool acts, string reason)
    {
        Step = step;
        Acts = acts;
        Reason = reason;
    }

    /// <summary>The step: <see cref="RepairKind.Encoding"/>, <see cref="RepairKind.Annotation"/>, <see cref="RepairKind.Script"/> or <see cref="RepairKind.Punctuation"/>.</summary>
    public RepairKind Step { get; }

    /// <summary>
    /// True when the step was allowed and found reason to change the text; it may still find nothing to change (the
    /// punctuation step in a damaged document without ASCII punctuation). False when it left the text alone.
    /// </summary>
    public bool Acts { get; }

    /// <summary>Why, in one sentence: the evidence and the option that decided it.</summary>
    public string Reason { get; }

    /// <summary>The step and the reason, e.g. <c>Annotation: evidence StrongToned (66 distinct characters)</c>. Allocates the string.</summary>
    public override string ToString() => Step + ": " + Reason;
}
