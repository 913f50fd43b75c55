using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TextRepair.Internal;

namespace TextRepair.Analysis.Variant;

/// <summary>
/// One pass over a text collecting the evidence of <see cref="VariantTables"/>: counts per kind, and on request the
/// evidence spans and per-line script counts. Stateless; thread-safe.
/// </summary>
internal static class VariantScanner
{
    /// <summary>Regional phrase keys are checked against OpenCC's segmentation words up to this length on each side.</summary>
    internal const int MaxContextWordLength = 8;

    private const CharClass RegionalCharacter = CharClass.TaiwanKept | CharClass.TaiwanForm | CharClass.HongKongKept | CharClass.HongKongForm;

    /// <summary>Script counts of one line that holds script evidence.</summary>
    internal readonly record struct LineTally(int Start, int Length, int Simplified, int Traditional);

    /// <summary>
    /// Scans <paramref name="text"/>. <paramref name="counts"/> (one slot per <see cref="VariantEvidenceKind"/>) and
    /// <paramref name="regionLogOdds"/> (Taiwan against Hong Kong, <see cref="RegionalWeights"/>) are added to;
    /// <paramref name="evidence"/> and <paramref name="lines"/> are filled when not null.
    /// </summary>
    /// <returns>The number of Han characters.</returns>
    public static int Scan(
        ReadOnlySpan<char> text, Span<int> counts, ref double regionLogOdds, List<VariantEvidence>? evidence, List<LineTally>? lines)
    {
        VariantTables tables = VariantTables.Instance;
        ref CharClass bmp = ref MemoryMarshal.GetArrayDataReference(tables.Bmp);
        int han = 0;
        int phraseEnd = 0;
        int lineStart = 0;
        int lineS = 0;
        int lineT = 0;
        int evidenceEnd = 0;
        int usagePrevious = -2;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            CharClass f = Unsafe.Add(ref bmp, (nint)c);
            if (c < 0x3400)
            {
                if (c == '\n' && lines is not null)
                {
                    EndLine(lines, lineStart, i, ref lineS, ref lineT);
                    lineStart = i + 1;
                }

                // Some regional phrases start with a Latin letter (U盤).
                if ((f & CharClass.PhraseStart) == 0)
                {
                    continue;
                }
            }

            int length = 1;
            int cp = c;
            if (CjkText.IsIdeograph(c))
            {
                han++;
            }
            else if (char.IsHighSurrogate(c))
            {
                cp = CjkText.CodePointAt(text, i, out length);
                if (length == 2 && CjkText.IsIdeograph(cp))
                {
                    han++;
                    f = tables.Classify(cp);
                }
            }

            if (f != CharClass.None)
            {
                // The phrase first, so that the usage of a character a phrase covers is not counted (and spans stay
                // in order of start).
                int matched = 0;
                PhraseInfo info = default;
                if ((f & CharClass.PhraseStart) != 0 && i >= phraseEnd)
                {
                    matched = MatchPhrase(tables, text, i, out info);
                    if (matched > 0 && IsInsideContextWord(tables, text, i, matched, info))
                    {
                        matched = 0;
                    }
                }

                // Usage counts outside the regional evidence only (a phrase whose roles contradict is none).
                if ((f & RegionalCharacter) == 0 && i >= evidenceEnd && (matched == 0 || info.Evidence == PhraseKind.None))
                {
                    if (usagePrevious == i - 1)
                    {
                        AddUsage(tables, (text[i - 1] << 16) | c, counts, evidence, i - 1, 2, ref regionLogOdds);
                    }

                    if ((f & CharClass.UsageCharacter) != 0)
                    {
                        AddUsage(tables, c, counts, evidence, i, 1, ref regionLogOdds);
                    }

                    if ((f & CharClass.UsagePairStart) != 0)
                    {
                        usagePrevious = i;
                    }
                }

                if ((f & CharClass.SimplifiedOnly) != 0)
                {
                    Add(counts, evidence, i, length, VariantEvidenceKind.SimplifiedCharacter);
                    lineS++;
                }
                else if ((f & CharClass.TraditionalOnly) != 0)
                {
                    Add(counts, evidence, i, length, VariantEvidenceKind.TraditionalCharacter);
                    lineT++;
                }

                if ((f & RegionalCharacter) != 0)
                {
                    AddRegional(f, counts, evidence, i, length);
                    regionLogOdds += tables.CharacterRegionWeights[cp];
                }

                if (matched > 0)
                {
                    AddPhrase(info.Evidence, counts, evidence, i, matched);
                    regionLogOdds += info.RegionWeight;
                    phraseEnd = i + matched;
                    if (info.Evidence != PhraseKind.None)
                    {
                        evidenceEnd = phraseEnd;
                    }
                }
            }
            else if (usagePrevious == i - 1 && i >= evidenceEnd)
            {
                AddUsage(tables, (text[i - 1] << 16) | c, counts, evidence, i - 1, 2, ref regionLogOdds);
            }

            i += length - 1;
        }

        if (lines is not null)
        {
            EndLine(lines, lineStart, text.Length, ref lineS, ref lineT);
        }

        return han;
    }

    /// <summary>The longest regional phrase at <paramref name="start"/>; its length, or 0.</summary>
    internal static int MatchPhrase(VariantTables tables, ReadOnlySpan<char> text, int start, out PhraseInfo info)
    {
        uint mask = tables.PhraseLengths[text[start]];
        if (start + 1 < text.Length)
        {
            int bit = VariantTables.PairBit(text[start], text[start + 1]);
            if ((tables.PhrasePairs[bit >> 6] & (1ul << bit)) == 0)
            {
                // No phrase of two units or more starts here; only a one-unit phrase can.
                mask &= 2u;
            }
        }
        else
        {
            mask &= 2u;
        }

        int max = Math.Min(31, text.Length - start);
        if (max < 31)
        {
            mask &= (2u << max) - 1;
        }

        ReadOnlySpan<char> rest = text[start..];
        while (mask != 0)
        {
            int length = 31 - System.Numerics.BitOperations.LeadingZeroCount(mask);
            if ((length == 1 || VariantTables.HasBit(tables.PhraseShapes, VariantTables.ShapeBit(rest, length)))
                && tables.TryGetPhrase(rest[..length], out info))
            {
                return length;
            }

            mask &= ~(1u << length);
        }

        info = default;
        return 0;
    }

    /// <summary>
    /// True when a key match (a term the region replaces) lies inside a longer word of OpenCC's segmentation
    /// dictionary that overlaps it (海內存知己 holds 內存): OpenCC does not convert it there, so neither is it evidence.
    /// Term values are taken as they are.
    /// </summary>
    internal static bool IsInsideContextWord(VariantTables tables, ReadOnlySpan<char> text, int start, int length, PhraseInfo info)
    {
        if ((info.Kind & (PhraseKind.NotTaiwanTerm | PhraseKind.NotHongKongTerm)) == 0)
        {
            return false;
        }

        ContextWordSet set = tables.ContextWords;
        HashSet<string>.AlternateLookup<ReadOnlySpan<char>> words = set.Words.GetAlternateLookup<ReadOnlySpan<char>>();
        int end = start + length;
        for (int from = Math.Max(0, start - MaxContextWordLength + 1); from < end; from++)
        {
            if (from + 1 >= text.Length || !set.MayStart(text[from], text[from + 1]))
            {
                continue;
            }

            int longest = Math.Min(text.Length - from, MaxContextWordLength);
            ushort lengthsHere = set.LengthsFrom(text[from]);
            for (int to = from + 2; to <= from + longest; to++)
            {
                if ((lengthsHere & (1 << (to - from))) == 0)
                {
                    continue;
                }

                // The word must overlap the match and be more than the match itself.
                if (to <= start || (from >= start && to <= end))
                {
                    continue;
                }

                if (set.MayContain(text[from..to]) && words.Contains(text[from..to]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void AddRegional(CharClass f, Span<int> counts, List<VariantEvidence>? evidence, int start, int length)
    {
        if ((f & CharClass.TaiwanKept) != 0)
        {
            Add(counts, evidence, start, length, VariantEvidenceKind.TaiwanCharacter);
        }
        else if ((f & CharClass.TaiwanForm) != 0)
        {
            Add(counts, evidence, start, length, VariantEvidenceKind.TaiwanForm);
        }

        if ((f & CharClass.HongKongKept) != 0)
        {
            Add(counts, evidence, start, length, VariantEvidenceKind.HongKongCharacter);
        }
        else if ((f & CharClass.HongKongForm) != 0)
        {
            Add(counts, evidence, start, length, VariantEvidenceKind.HongKongForm);
        }
    }

    private static void AddPhrase(PhraseKind kind, Span<int> counts, List<VariantEvidence>? evidence, int start, int length)
    {
        // A phrase may be a key of one table and a value of the other; each role counts.
        if ((kind & PhraseKind.TaiwanTerm) != 0)
        {
            Add(counts, evidence, start, length, VariantEvidenceKind.TaiwanTerm);
        }

        if ((kind & PhraseKind.NotTaiwanTerm) != 0)
        {
            Add(counts, evidence, start, length, VariantEvidenceKind.NonTaiwanTerm);
        }

        if ((kind & PhraseKind.HongKongTerm) != 0)
        {
            Add(counts, evidence, start, length, VariantEvidenceKind.HongKongTerm);
        }

        if ((kind & PhraseKind.NotHongKongTerm) != 0)
        {
            Add(counts, evidence, start, length, VariantEvidenceKind.NonHongKongTerm);
        }
    }

    // A usage character or pair (RegionalWeights.Usage) when the tables list it; a pair's second character may be any.
    private static void AddUsage(
        VariantTables tables, int key, Span<int> counts, List<VariantEvidence>? evidence, int start, int length, ref double regionLogOdds)
    {
        if (tables.UsageWeights.TryGetValue(key, out double weight))
        {
            Add(counts, evidence, start, length, weight > 0 ? VariantEvidenceKind.TaiwanUsage : VariantEvidenceKind.HongKongUsage);
            regionLogOdds += weight;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(Span<int> counts, List<VariantEvidence>? evidence, int start, int length, VariantEvidenceKind kind)
    {
        counts[(int)kind]++;
        evidence?.Add(new VariantEvidence(start, length, kind));
    }

    private static void EndLine(List<LineTally> lines, int start, int end, ref int simplified, ref int traditional)
    {
        if (simplified + traditional > 0)
        {
            lines.Add(new LineTally(start, end - start, simplified, traditional));
        }

        simplified = 0;
        traditional = 0;
    }
}
