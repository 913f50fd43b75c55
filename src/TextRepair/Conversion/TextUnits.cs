namespace TextRepair.Conversion;

/// <summary>How OpenCC steps over text that no dictionary key matches.</summary>
internal static class TextUnits
{
    // OpenCC's limits for an ideographic description sequence (IDS).
    private const int MaxIdsDepth = 16;
    private const int MaxIdsCodePoints = 64;

    /// <summary>
    /// Length of the unit OpenCC copies unchanged at the start of <paramref name="text"/> when no key matches there:
    /// a complete IDS (U+2FF0..U+2FFF with its operands), else one code point (a lone surrogate counts as one).
    /// </summary>
    public static int UnmatchedLength(ReadOnlySpan<char> text)
    {
        char c = text[0];
        if (IsIdsOperator(c))
        {
            int ids = IdsLength(text, out bool complete);
            if (complete)
            {
                return ids;
            }
        }

        return CodePointLength(text, 0);
    }

    /// <summary>Returns 2 for a surrogate pair at <paramref name="index"/>, otherwise 1.</summary>
    public static int CodePointLength(ReadOnlySpan<char> text, int index) =>
        char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;

    public static bool IsIdsOperator(char c) => c >= '\u2FF0' && c <= '\u2FFF';

    /// <summary>
    /// Parses an IDS at the start of <paramref name="text"/> (the whole remaining text). Returns its length when
    /// complete; otherwise <paramref name="complete"/> is false (the text ends inside it, or it is too deep or long).
    /// </summary>
    public static int IdsLength(ReadOnlySpan<char> text, out bool complete)
    {
        int codePoints = 0;
        IdsStatus status = Consume(text, MaxIdsDepth, ref codePoints, out int consumed);
        complete = status == IdsStatus.Complete;
        return complete ? consumed : 0;
    }

    private static IdsStatus Consume(ReadOnlySpan<char> text, int depthLeft, ref int codePoints, out int consumed)
    {
        consumed = 0;
        if (text.IsEmpty)
        {
            return IdsStatus.Incomplete;
        }

        if (depthLeft == 0 || codePoints >= MaxIdsCodePoints)
        {
            return IdsStatus.Invalid;
        }

        int length = CodePointLength(text, 0);
        codePoints++;
        int arity = Arity(text[0]);
        if (arity == 0)
        {
            consumed = length;
            return IdsStatus.Complete;
        }

        int offset = length;
        for (int i = 0; i < arity; i++)
        {
            if (offset >= text.Length)
            {
                return IdsStatus.Incomplete;
            }

            IdsStatus status = Consume(text.Slice(offset), depthLeft - 1, ref codePoints, out int operand);
            if (status != IdsStatus.Complete)
            {
                return status;
            }

            offset += operand;
        }

        consumed = offset;
        return IdsStatus.Complete;
    }

    private static int Arity(char c) => c switch
    {
        '\u2FF2' or '\u2FF3' => 3,
        '\u2FFE' or '\u2FFF' => 1,
        >= '\u2FF0' and <= '\u2FFD' => 2,
        _ => 0,
    };

    private enum IdsStatus
    {
        Complete,
        Incomplete,
        Invalid,
    }
}
