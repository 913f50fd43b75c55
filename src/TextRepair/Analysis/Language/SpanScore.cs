namespace TextRepair.Analysis.Language;

/// <summary>
/// The log-probability of a span of text under one script's model: <see cref="Total"/> over <see cref="Transitions"/>
/// character transitions (every character of the span and the transition into the character after it).
/// </summary>
/// <param name="Script">The script model that gave the score.</param>
/// <param name="Total">Natural log of the probability of the span (and the transition out of it).</param>
/// <param name="Transitions">Number of transitions scored: the span's length plus one.</param>
/// <param name="Unknown">Characters of the span the model never saw in training.</param>
internal readonly record struct SpanScore(LanguageScript Script, double Total, int Transitions, int Unknown)
{
    /// <summary>Average log-probability per transition (per character); 0 for nothing scored.</summary>
    public double PerChar => Transitions == 0 ? 0 : Total / Transitions;
}
