using System.Buffers;
using TextRepair.Internal;

namespace TextRepair.Analysis;

/// <summary>
/// The page-level decision: do the annotations of a text show the spam-converter pattern strongly enough to be
/// removed? Thresholds are deliberately strict: a wrong "yes" deletes real text.
/// </summary>
internal static class AnnotationDecision
{
    private static readonly SearchValues<char> s_itemSeparators = SearchValues.Create("\u3001\uFF0C,\uFF1A:\uFF1B;\u3002");

    // Toned pattern: annotations on at least two distinct characters.
    private const int MinDistinctToned = 2;

    // Toneless syllables are easier to fake (a list marker "(a)", an English word): ask for more.
    private const int MinDistinctToneless = 3;
    private const int MinToneless = 5;

    // A mirror writes its reading at every occurrence of a character, so its pages repeat the same annotations; a
    // lesson or a dictionary glosses a new character once. The consistency test below only observes something on a
    // character annotated at two places or more. The seed has 42 of its 66 toned characters annotated more than once;
    // a lesson that glosses each new character once (學(xué)習(xí)漢(hàn)語(yǔ)很有意思) has none, and is reported, not
    // repaired. The cost: 39 of 1,500 pages of the property model (3 to 12 lines of LibreOffice help damaged like the
    // seed) annotate no character twice and are now reported rather than repaired.
    private const int MinRecurringToned = 1;

    // A run of annotated characters between list separators (、，：；。, white space, the text's ends) stands alone: an item
    // of a list or a vocabulary line (生字：學(xué)、習(xí)、漢(hàn)), the head of a dictionary entry, a glossary. A mirror
    // annotates characters inside the words of running prose: none of the seed's 201 runs stands alone, nor any run of
    // the toneless test page (5月(yue)8日(ri)), nor enough of them to count in any of 1,461 pages of the property model
    // (LibreOffice help damaged like the seed; quoted UI terms 「標(biāo)準(zhǔn)」 are the nearest miss). A text is a
    // glossary when at least a quarter of its runs stand alone.
    private const int GlossaryShareDenominator = 4;

    public static AnnotationEvidence Decide(
        ReadOnlySpan<char> text, List<PinyinAnnotation> annotations, int hanCount, out int distinctValidated)
    {
        int toned = 0;
        int tonedValid = 0;
        int tonedValidConvertible = 0;
        int tonedOnSameInBothScripts = 0;
        int toneless = 0;
        int tonelessValid = 0;
        var tonedChars = new Dictionary<int, int>();
        var tonelessChars = new HashSet<int>();
        foreach (PinyinAnnotation a in annotations)
        {
            bool convertible = (HanData.Flags(a.Character.Value) & HanData.CharFlags.Convertible) != 0;
            if (a.Toned)
            {
                toned++;
                if (!convertible)
                {
                    tonedOnSameInBothScripts++;
                }

                if (a.Match == AnnotationMatch.Reading)
                {
                    tonedValid++;
                    tonedChars[a.Character.Value] = tonedChars.GetValueOrDefault(a.Character.Value) + 1;
                    if (convertible)
                    {
                        tonedValidConvertible++;
                    }
                }
            }
            else
            {
                toneless++;
                if (a.Match != AnnotationMatch.Mismatch)
                {
                    tonelessValid++;
                    tonelessChars.Add(a.Character.Value);
                }
            }
        }

        distinctValidated = tonedChars.Count + tonelessChars.Count(c => !tonedChars.ContainsKey(c));
        if (IsGlossary(text, annotations))
        {
            return AnnotationEvidence.Weak;
        }

        // Glossing every character of a poem or a lesson annotates (nearly) all Han characters; a spam converter
        // annotates only some of the converted ones.
        bool sparse = annotations.Count * 4 < hanCount * 3;

        if (toned > 0
            && tonedChars.Count >= MinDistinctToned
            && Recurring(tonedChars) >= MinRecurringToned
            && tonedValidConvertible * 10 >= tonedValid * 9
            && tonedOnSameInBothScripts * 5 <= toned
            && (toned - tonedValid) * 5 <= toned
            && sparse
            && Consistency(text, annotations, tonedChars) * 2 >= 1)
        {
            return AnnotationEvidence.StrongToned;
        }

        if (toneless > 0
            && tonelessChars.Count >= MinDistinctToneless
            && tonelessValid >= MinToneless
            && (toneless - tonelessValid) * 5 <= toneless
            && toned * 5 <= toneless
            && sparse)
        {
            return AnnotationEvidence.StrongToneless;
        }

        return AnnotationEvidence.Weak;
    }

    private static int Recurring(Dictionary<int, int> annotatedCounts)
    {
        int recurring = 0;
        foreach (int count in annotatedCounts.Values)
        {
            recurring += count >= 2 ? 1 : 0;
        }

        return recurring;
    }

    // Runs of adjacent annotations (the next annotated character starts where an annotation ends) that stand alone as an
    // item: at the start of the text or after a list separator, and before one or at the end.
    private static bool IsGlossary(ReadOnlySpan<char> text, List<PinyinAnnotation> annotations)
    {
        int runs = 0;
        int alone = 0;
        int i = 0;
        while (i < annotations.Count)
        {
            if (annotations[i].Match == AnnotationMatch.Mismatch)
            {
                i++;
                continue;
            }

            int first = i;
            while (i + 1 < annotations.Count && annotations[i + 1].Match != AnnotationMatch.Mismatch
                && annotations[i + 1].CharacterStart == annotations[i].Start + annotations[i].Length)
            {
                i++;
            }

            runs++;
            int start = annotations[first].CharacterStart;
            int end = annotations[i].Start + annotations[i].Length;
            if ((start == 0 || IsItemSeparator(text[start - 1])) && (end == text.Length || IsItemSeparator(text[end])))
            {
                alone++;
            }

            i++;
        }

        return alone > 0 && alone * GlossaryShareDenominator >= runs;
    }

    // What separates the items of a list or the head of a dictionary entry from its text. Brackets and quotation marks
    // are not: a term quoted in running text (「標(biāo)準(zhǔn)」, 」欄(lán),) is prose.
    private static bool IsItemSeparator(char c) => char.IsWhiteSpace(c) || s_itemSeparators.Contains(c);

    // The share of occurrences of the annotated characters that carry their annotation: spam converters annotate a
    // character at every occurrence, a lesson glosses a character once and then uses it plainly.
    private static double Consistency(ReadOnlySpan<char> text, List<PinyinAnnotation> annotations, Dictionary<int, int> annotated)
    {
        // A bitmap for the BMP keeps this pass cheap on long damaged pages.
        var bmp = new ulong[0x10000 / 64];
        bool supplementary = false;
        foreach (int cp in annotated.Keys)
        {
            if (cp < 0x10000)
            {
                bmp[cp >> 6] |= 1UL << (cp & 63);
            }
            else
            {
                supplementary = true;
            }
        }

        int occurrences = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if ((bmp[c >> 6] & (1UL << (c & 63))) != 0)
            {
                occurrences++;
            }
            else if (supplementary && char.IsHighSurrogate(c))
            {
                int cp = CjkText.CodePointAt(text, i, out int length);
                if (annotated.ContainsKey(cp))
                {
                    occurrences++;
                }

                i += length - 1;
            }
        }

        int marked = 0;
        foreach (PinyinAnnotation a in annotations)
        {
            if (a.Toned && a.Match == AnnotationMatch.Reading)
            {
                marked++;
            }
        }

        return occurrences == 0 ? 0 : (double)marked / occurrences;
    }
}
