using TextRepair.Internal;

namespace TextRepair.Analysis.Decoding;

/// <summary>A loss a chain's reading would make inside a word the writer wrote (see <see cref="LosesWordLetter"/>).</summary>
internal sealed partial class TokenReading
{
    /// <summary>
    /// True when group <paramref name="k"/> of <paramref name="c"/>, which the reading only loses, is one letter (and the
    /// '?' a decoder may have written for the rest) that the reading takes for the lead byte of a UTF-8 character cut
    /// short, beside a letter of the same alphabet that it keeps, and that lead byte starts no letter of that alphabet.
    /// On a line damaged by UTF-8 read as windows-1252 elsewhere, "café" and "José?" at the line's end became "caf�" and
    /// "Jos�": é is the lead byte of a three-byte character (U+9000..U+9FFF), which a word of Latin letters does not
    /// hold. Text really cut short inside a letter keeps its loss: "cafÃ" (Ã, 0xC3, starts U+00C0..U+00FF) is "caf�",
    /// and "Viá" (á, 0xE1, starts Vietnamese letters of U+1E00..U+1EFF among others) is "Vi�". The reading stays chosen
    /// and only this loss is not reported, as for a byte cut short inside a line (see AddFindings): turning the reading
    /// down let another one read "café" as "caf└" beside GBK mojibake (found by the session-36 hostile tester).
    /// </summary>
    private bool LosesWordLetter(Candidate c, int k)
    {
        LayerStep outer = c.Steps[0];
        int[] tb = c.TokenBounds;
        if (outer.Truth.Kind != CodecKind.Utf8 || outer.Wrong is not { Kind: CodecKind.Table } wrong || !wrong.IsSingleByte
            || LoneLetter(tb[k], tb[k + 1]) is not { } letter || Alphabet(letter) is not (> 0 and var alphabet)
            || !wrong.Page.CanEncode(letter) || StartsLetterOf(wrong.Page.EncodedValue(letter), alphabet))
        {
            return false;
        }

        return (k > 0 && KeptLetter(c, k - 1, tb[k] - 1, alphabet)) || (k + 2 < tb.Length && KeptLetter(c, k + 1, tb[k + 1], alphabet));
    }

    // The one letter of Token[a..b] when the rest of it is '?', else null.
    private char? LoneLetter(int a, int b)
    {
        ReadOnlySpan<char> group = Token.AsSpan(a, b - a).TrimEnd('?');
        return group.Length == 1 && char.IsLetter(group[0]) ? group[0] : null;
    }

    // True when group k, which holds the token's character at index, is kept as it stands and that character is a
    // letter of alphabet.
    private bool KeptLetter(Candidate c, int k, int index, int alphabet) =>
        Alphabet(Token[index]) == alphabet && !RunJudge.Changed(Token, c, k);

    // 1 for a Latin letter, 2 Greek, 3 Cyrillic, 0 for any other character.
    private static int Alphabet(char c) => !char.IsLetter(c) ? 0 : LatinText.IsLetter(c) ? 1 : c switch
    {
        >= '\u0370' and <= '\u03FF' => 2,
        >= '\u0400' and <= '\u052F' => 3,
        _ => 0,
    };

    // True when a UTF-8 character whose lead byte is lead may be a letter of alphabet (see Alphabet).
    private static bool StartsLetterOf(int lead, int alphabet)
    {
        (int first, int last) = lead switch
        {
            >= 0xC2 and <= 0xDF => ((lead & 0x1F) << 6, ((lead & 0x1F) << 6) + 0x3F),
            >= 0xE0 and <= 0xEF => ((lead & 0x0F) << 12, ((lead & 0x0F) << 12) + 0xFFF),
            _ => (-1, -1),
        };

        return alphabet switch
        {
            1 => Overlaps(first, last, 'A', 0x024F) || Overlaps(first, last, 0x1E00, 0x1EFF),
            2 => Overlaps(first, last, 0x0370, 0x03FF),
            _ => Overlaps(first, last, 0x0400, 0x052F),
        };
    }

    private static bool Overlaps(int first, int last, int from, int to) => first >= 0 && first <= to && last >= from;
}
