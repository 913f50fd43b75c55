namespace TextRepair.Analysis.Decoding;

/// <summary>A loss a chain's reading would make inside a word the writer wrote (see <see cref="LosesInsideWord"/>).</summary>
internal sealed partial class TokenReading
{
    // True when a group the reading only loses is one letter (and the '?' a decoder may have written for the rest)
    // beside a letter of the same alphabet that the reading keeps as it stands: "José?" and "café" on a line damaged by
    // UTF-8 read as windows-1252 elsewhere read é as a UTF-8 lead byte cut short ("Jos�"). A pass of damage garbles a
    // word whole, so a letter kept beside the loss in the same alphabet says the word is the writer's. A character cut
    // short that shows more than its lead ("MyMacroã€", 、 without its last byte) or in another alphabet than its
    // neighbour ("LibreOfficeб", a GBK lead byte read as cp866) is damage still.
    private bool LosesInsideWord(Candidate c)
    {
        int[] tb = c.TokenBounds;
        for (int k = 0; k + 1 < tb.Length; k++)
        {
            if (!RunJudge.Changed(Token, c, k) || !IsLossOnly(c, k) || LoneLetter(tb[k], tb[k + 1]) is not { } letter)
            {
                continue;
            }

            if ((k > 0 && KeptLetter(c, k - 1, tb[k] - 1, letter)) || (k + 2 < tb.Length && KeptLetter(c, k + 1, tb[k + 1], letter)))
            {
                return true;
            }
        }

        return false;
    }

    // True when group k of c is nothing but U+FFFD.
    private static bool IsLossOnly(Candidate c, int k)
    {
        ReadOnlySpan<char> text = c.Text.AsSpan(c.TextBounds[k], c.TextBounds[k + 1] - c.TextBounds[k]);
        return !text.IsEmpty && text.IndexOfAnyExcept('\uFFFD') < 0;
    }

    // The one letter of Token[a..b] when the rest of it is '?', else null.
    private char? LoneLetter(int a, int b)
    {
        ReadOnlySpan<char> group = Token.AsSpan(a, b - a).TrimEnd('?');
        return group.Length == 1 && char.IsLetter(group[0]) ? group[0] : null;
    }

    // True when group k, which holds the token's character at index, is kept as it stands and that character is a
    // letter of the same alphabet as letter.
    private bool KeptLetter(Candidate c, int k, int index, char letter) =>
        Alphabet(Token[index]) is > 0 and var alphabet && alphabet == Alphabet(letter) && !RunJudge.Changed(Token, c, k);

    // 1 for a Latin letter, 2 Greek, 3 Cyrillic, 0 for any other character.
    private static int Alphabet(char c) => !char.IsLetter(c) ? 0 : c switch
    {
        <= '\u024F' or (>= '\u1E00' and <= '\u1EFF') => 1,
        >= '\u0370' and <= '\u03FF' => 2,
        >= '\u0400' and <= '\u052F' => 3,
        _ => 0,
    };
}
