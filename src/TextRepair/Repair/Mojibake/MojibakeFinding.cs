namespace TextRepair.Repair.Mojibake;

/// <summary>
/// One damaged span found by <see cref="MojibakeRepair.Find"/>, in the coordinates of the text that was searched.
/// </summary>
/// <param name="Start">First character of the damaged span.</param>
/// <param name="Length">Length of the damaged span.</param>
/// <param name="Replacement">The repaired text, or null when the span is only reported (a loss marker that cannot be undone).</param>
/// <param name="Chain">The damage, e.g. "utf-8 decoded as gbk" (layers listed in the order they happened).</param>
/// <param name="Lossy">True when bytes were lost: the replacement holds U+FFFD where they were, or the span is a loss marker.</param>
internal readonly record struct MojibakeFinding(int Start, int Length, string? Replacement, string Chain, bool Lossy);
