namespace TextRepair.Repair;

/// <summary>
/// One step of the repair pipeline. Steps run in order on the text as the previous steps left it; each is stateless
/// and shared by all threads.
/// </summary>
internal abstract class RepairStep
{
    /// <summary>
    /// A cheap check, run on the input before anything else: false when the step certainly has nothing to do, so that
    /// clean text is returned without analysis.
    /// </summary>
    public abstract bool MayApply(ReadOnlySpan<char> text, RepairOptions options);

    /// <summary>Runs the step: reads <see cref="RepairState.Current"/>, applies its edits, writes a note.</summary>
    public abstract void Run(RepairState state);
}
