using TextRepair.Internal;

namespace TextRepair.Analysis;

/// <summary>
/// The page-level decision: do the annotations of a text show the spam-converter pattern strongly enough to be
/// removed? Thresholds are deliberately strict: a wrong "yes" deletes real text.
/// </summary>
internal static class AnnotationDecision
{
    // Toned pattern: annotations on at least two distinct characters.
    private const int MinDistinctToned = 2;

    // Toneless syllables are easier to fake (a list marker "(a)", an English word): ask for more.
    private const int MinDistinctToneless = 3;
    private const int MinToneless = 5;

    public static AnnotationEvidence Decide(
        ReadOnlySpan<char> text, List<PinyinAnnotation> annotations, int hanCount, out int distinctValidated)
    {
        int toned = 0;
        int tonedValid = 0;
        int tonedValidConvertible = 0;
        int tonedOnSameInBothScripts = 0;
        int toneless = 0;
        int tonelessValid = 0;
        var tonedChars = new HashSet<int>();
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
                    tonedChars.Add(a.Character.Value);
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

        distinctValidated = tonedChars.Count + tonelessChars.Count(c => !tonedChars.Contains(c));

        // Glossing every character of a poem or a lesson annotates (nearly) all Han characters; a spam converter
        // annotates only some of the converted ones.
        bool sparse = annotations.Count * 4 < hanCount * 3;

        if (toned > 0
            && tonedChars.Count >= MinDistinctToned
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

    // The share of occurrences of the annotated characters that carry their annotation: spam converters annotate a
    // character at every occurrence, a lesson glosses a character once and then uses it plainly.
    private static double Consistency(ReadOnlySpan<char> text, List<PinyinAnnotation> annotations, HashSet<int> annotated)
    {
        // A bitmap for the BMP keeps this pass cheap on long damaged pages.
        var bmp = new ulong[0x10000 / 64];
        bool supplementary = false;
        foreach (int cp in annotated)
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
                if (annotated.Contains(cp))
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
