namespace TextRepair.Repair;

/// <summary>
/// The encoding step of the repair pipeline, which runs before the analysis that plans the other steps
/// (<see cref="RepairPlan"/>): it finds and undoes its damage itself. Stateless and shared by all threads.
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
