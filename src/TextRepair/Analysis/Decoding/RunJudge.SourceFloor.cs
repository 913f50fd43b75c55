namespace TextRepair.Analysis.Decoding;

/// <summary>The input's floor in <see cref="RunJudge"/>'s test of a run: what a restored run must reach.</summary>
internal static partial class RunJudge
{
    /// <summary>
    /// Nats kept between the floor's bound and the test's own sums (<see cref="Clears"/>): the bound is computed in
    /// another order (floor + cost, against score - cost), and rounding must never make the shortcut reject a run the
    /// test would take. Sums of up to 4,096 terms (the longest token) of tens of nats each differ in rounding by under
    /// 1e-7 nats.
    /// </summary>
    private const double FloorMargin = 1e-6;

    // The input runs' floors of the token judged last on this thread: a token's readings (hundreds from its lattice)
    // share few distinct runs of the input, each keyed by its start, length and context.
    [ThreadStatic]
    private static string? t_floorToken;

    [ThreadStatic]
    private static Dictionary<(int Start, int Length, char Left, char Right), double>? t_floors;

    // A lower bound on the score of the input's run token[start..start + source.Length] in its context: its score under
    // its likeliest script (the best script's score, which the test compares with, is at least any script's). Worked
    // out once per run of the token and context, however many readings ask.
    private static double SourceFloor(string token, int start, ReadOnlySpan<char> source, char left, char right)
    {
        Dictionary<(int, int, char, char), double> floors = t_floors ??= [];
        if (!ReferenceEquals(t_floorToken, token))
        {
            floors.Clear();
            t_floorToken = token;
        }

        var key = (start, source.Length, left, right);
        if (!floors.TryGetValue(key, out double floor))
        {
            floor = TextLikelihood.ScoreLikeliest(source, left, right).Total;
            floors[key] = floor;
        }

        return floor;
    }
}
