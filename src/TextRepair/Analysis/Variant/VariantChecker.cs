using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TextRepair.Internal;

namespace TextRepair.Analysis.Variant;

/// <summary>
/// Finds where a text departs from an expected variant: characters of the other script, characters and terms the
/// expected region's OpenCC conversion would change, lines mixing both scripts. Stateless; thread-safe.
/// </summary>
internal static class VariantChecker
{
    public static List<VariantFinding> Check(ReadOnlySpan<char> text, ChineseVariant expected)
    {
        var findings = new List<VariantFinding>();
        bool simplified = expected == ChineseVariant.Hans;
        bool taiwan = expected == ChineseVariant.HantTW;
        bool hongKong = expected == ChineseVariant.HantHK;
        if (expected is not (ChineseVariant.Hans or ChineseVariant.Hant or ChineseVariant.HantTW or ChineseVariant.HantHK))
        {
            throw new ArgumentOutOfRangeException(nameof(expected), expected, "Expected a script or a region: Simplified, Traditional, Taiwan or HongKong.");
        }

        VariantTables tables = VariantTables.Instance;
        CharClass wrong = simplified ? CharClass.TraditionalOnly : CharClass.SimplifiedOnly;
        CharClass right = simplified ? CharClass.SimplifiedOnly : CharClass.TraditionalOnly;
        CharClass converts = taiwan ? CharClass.TaiwanConverts : hongKong ? CharClass.HongKongConverts : CharClass.None;
        PhraseKind replaced = taiwan ? PhraseKind.NotTaiwanTerm : hongKong ? PhraseKind.NotHongKongTerm : PhraseKind.None;
        CharClass keyStart = taiwan ? CharClass.TaiwanKeyStart : hongKong ? CharClass.HongKongKeyStart : CharClass.None;
        CharClass interesting = wrong | right | converts | keyStart;
        ulong[] keyPairs = taiwan ? tables.TaiwanKeyPairs : tables.HongKongKeyPairs;
        ulong[] singleKeys = taiwan ? tables.TaiwanSingleUnitKeys : tables.HongKongSingleUnitKeys;
        ref byte stops = ref MemoryMarshal.GetArrayDataReference(tables.CheckStops);
        byte stop = VariantTables.StopBit(expected);
        byte keyStop = VariantTables.KeyStartBit(expected);
        int phraseEnd = 0;

        // Lines are looked at only where a character of the other script is (see HasCharacterOf): the first such character
        // of a line checks the whole line, and the characters before lineChecked are on lines already checked.
        int lineChecked = 0;
        for (int i = 0; i < text.Length; i++)
        {
            i = NextStop(text, i, ref stops, stop, keyStop, keyPairs);
            if (i == text.Length)
            {
                break;
            }

            char c = text[i];
            int length = 1;
            CharClass f = tables.Bmp[c];
            if (char.IsHighSurrogate(c))
            {
                int cp = CjkText.CodePointAt(text, i, out length);
                f = tables.Classify(cp);
            }

            if ((f & interesting) == 0)
            {
                i += length - 1;
                continue;
            }

            if ((f & wrong) != 0)
            {
                findings.Add(new VariantFinding(i, length, VariantRule.WrongScript, ScriptSuggestion(tables, text, i, expected)));
                if (i >= lineChecked)
                {
                    int lineEnd = text[i..].IndexOf('\n');
                    lineEnd = lineEnd < 0 ? text.Length : i + lineEnd;
                    if (HasCharacterOf(tables, text[(text[..i].LastIndexOf('\n') + 1)..lineEnd], right, wrong))
                    {
                        findings.Add(new VariantFinding(i, length, VariantRule.MixedLine, null));
                    }

                    lineChecked = lineEnd;
                }
            }

            if ((f & converts) != 0 && !KeptByVariantPhrase(tables, text, i, taiwan))
            {
                Dictionary<int, string> forms = taiwan ? tables.TaiwanForm : tables.HongKongForm;
                string? suggestion = forms.TryGetValue(CjkText.CodePointAt(text, i, out _), out string? form) ? form : null;
                findings.Add(new VariantFinding(i, length, VariantRule.RegionCharacter, suggestion));
            }

            // Only a key of the expected region's table makes a finding: where no key starts with this pair, whatever
            // phrase matches here is none.
            if ((f & keyStart) != 0 && replaced != PhraseKind.None && i >= phraseEnd && MayStartKey(singleKeys, keyPairs, text, i))
            {
                int matched = VariantScanner.MatchPhrase(tables, text, i, out PhraseInfo info);
                if (matched > 0 && (info.Kind & replaced) != 0 && !VariantScanner.IsInsideContextWord(tables, text, i, matched, info))
                {
                    findings.Add(new VariantFinding(i, matched, VariantRule.RegionTerm, taiwan ? info.TaiwanSuggestion : info.HongKongSuggestion));
                    phraseEnd = i + matched;
                }
            }

            i += length - 1;
        }

        if (findings.Count > 1)
        {
            findings.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Rule.CompareTo(b.Rule));
        }

        return findings;
    }

    // Most of a text (ASCII, punctuation, the Han characters both scripts write) can make no finding: one table load per
    // unit up to the next one that can (or the end). A unit that only starts regional keys stops where it and the next
    // unit may start one (MayStartKey's pair test), so that a key start (信 of 信息, 文 of 文件) followed by anything
    // else is skipped. The pair test runs for every unit and is masked by the unit's key-start bit rather than branched
    // on: about 30% of Taiwan text's units start some key (211,492 of LibreOffice help's 710,238), at random, and the
    // mispredicted branch made the loop 1.3-1.5x slower (session 9).
    //
    // A script check (zh-Hans, zh-Hant: no key starts) skips the pair test altogether: masked by a zero bit it only cost
    // time, two multiplications and a table load per unit (session 11).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NextStop(ReadOnlySpan<char> text, int i, ref byte stops, byte stop, byte keyStop, ulong[] keyPairs)
    {
        ref char units = ref MemoryMarshal.GetReference(text);
        if (keyStop == 0)
        {
            for (; i < text.Length; i++)
            {
                if ((Unsafe.Add(ref stops, (nint)Unsafe.Add(ref units, i)) & stop) != 0)
                {
                    return i;
                }
            }

            return text.Length;
        }

        int last = text.Length - 1;
        int keyShift = BitOperations.Log2(keyStop);
        ref ulong pairs = ref MemoryMarshal.GetArrayDataReference(keyPairs);
        for (; i < last; i++)
        {
            char c = Unsafe.Add(ref units, i);
            uint s = Unsafe.Add(ref stops, (nint)c);
            int bit = VariantTables.KeyPairBit(c, Unsafe.Add(ref units, i + 1));
            uint pair = (uint)(Unsafe.Add(ref pairs, bit >> 6) >> bit) & (s >> keyShift) & 1u;
            if (((s & stop) | pair) != 0)
            {
                return i;
            }
        }

        // The last unit has no pair.
        return i == last && (Unsafe.Add(ref stops, (nint)text[i]) & stop) == 0 ? text.Length : i;
    }

    // True when the line holds a character of the expected script (one that is not also of the other script): with a
    // character of the other script, the line is mixed. A line break in the middle of the text stops the checker at
    // none of its units; most lines hold a character of the expected script and no other, so that asking only on the
    // lines with a character of the other script leaves two stops per line out of the skipping loop (a line break and
    // the line's first character of the expected script: 70,000 of the 122,000 stops on LibreOffice's zh-TW help).
    private static bool HasCharacterOf(VariantTables tables, ReadOnlySpan<char> line, CharClass right, CharClass wrong)
    {
        for (int j = 0; j < line.Length; j++)
        {
            char c = line[j];
            CharClass f = tables.Bmp[c];
            if (char.IsHighSurrogate(c))
            {
                f = tables.Classify(CjkText.CodePointAt(line, j, out int length));
                j += length - 1;
            }

            if ((f & right) != 0 && (f & wrong) == 0)
            {
                return true;
            }
        }

        return false;
    }

    // False when no key of the region starts at text[i]: it is no key of one unit, and no key of more starts with its pair.
    private static bool MayStartKey(ulong[] singleKeys, ulong[] keyPairs, ReadOnlySpan<char> text, int i) =>
        VariantTables.HasBit(singleKeys, text[i])
        || (i + 1 < text.Length && VariantTables.HasBit(keyPairs, VariantTables.KeyPairBit(text[i], text[i + 1])));

    // The other script's single form, in the expected region's standard when that is a single form too.
    private static string? ScriptSuggestion(VariantTables tables, ReadOnlySpan<char> text, int index, ChineseVariant expected)
    {
        string? suggestion = tables.ScriptSuggestion(CjkText.CodePointAt(text, index, out _));
        if (suggestion is null || expected is not (ChineseVariant.HantTW or ChineseVariant.HantHK))
        {
            return suggestion;
        }

        int cp = char.ConvertToUtf32(suggestion, 0);
        Dictionary<int, string> forms = expected == ChineseVariant.HantTW ? tables.TaiwanForm : tables.HongKongForm;
        CharClass converts = expected == ChineseVariant.HantTW ? CharClass.TaiwanConverts : CharClass.HongKongConverts;
        if ((tables.Classify(cp) & converts) == 0)
        {
            return suggestion;
        }

        return forms.TryGetValue(cp, out string? form) ? form : null;
    }

    // OpenCC's t2tw / t2hk first try their variant phrases (張棟樑 keeps 樑): a character they keep there is no finding.
    private static bool KeptByVariantPhrase(VariantTables tables, ReadOnlySpan<char> text, int index, bool taiwan)
    {
        Dictionary<string, string> phrases = taiwan ? tables.TaiwanVariantPhrases : tables.HongKongVariantPhrases;
        Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup = phrases.GetAlternateLookup<ReadOnlySpan<char>>();
        int max = tables.MaxVariantPhraseLength;
        for (int from = Math.Max(0, index - max + 1); from <= index; from++)
        {
            for (int to = index + 1; to <= Math.Min(text.Length, from + max); to++)
            {
                if (lookup.TryGetValue(text[from..to], out string? value) && value.Length == to - from && value[index - from] == text[index])
                {
                    return true;
                }
            }
        }

        return false;
    }
}
