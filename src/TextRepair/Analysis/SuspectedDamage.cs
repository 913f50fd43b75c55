namespace TextRepair;

/// <summary>A span of the analysed text that looks damaged.</summary>
/// <param name="Start">Index of the first UTF-16 unit.</param>
/// <param name="Length">Length in UTF-16 units.</param>
/// <param name="Kind">What the damage looks like.</param>
public readonly record struct SuspectedDamage(int Start, int Length, RepairKind Kind);
