using System.Text;
using TextRepair.Analysis;
using TextRepair.Internal;

namespace TextRepair.Repair;

/// <summary>
/// Writes the target script. <see cref="ScriptTarget.Auto"/> restores Simplified Chinese in text that was
/// machine-converted from Simplified, character by character: the inverse of a character-level converter is a
/// character-level one, while a phrase-aware converter would "correct" words the original never had. The inverse only
/// produces characters that the forward conversion (the first value of OpenCC's STCharacters, as such mirrors use)
/// turns into the one observed: 乾 stays 乾, since no Simplified character converts to it but 乾 itself. Forced targets
/// go through <see cref="ChineseConverter"/>.
/// </summary>
internal static class ScriptStep
{
    private static string?[]? s_singleCharacters;
    private static Dictionary<int, Restoration>? s_restorations;

    // Forced targets act on any text that may hold Chinese (anything at or above U+3400, surrogates included); Auto
    // acts only on evidence that the other steps look for.
    public static bool MayApply(ReadOnlySpan<char> text, RepairOptions options) => options.Target switch
    {
        ScriptTarget.Keep => false,
        ScriptTarget.Auto => ContainsTraditionalOnly(text) && TextAnalyzer.MayShowConversionSignatures(text),
        _ => text.ContainsAnyExceptInRange('\0', '\u33FF'),
    };

    // Machine conversion from Simplified can only show in text with Traditional-only characters. One table lookup per
    // character; a leading run without CJK (below U+3400) is skipped with a vectorised search.
    private static bool ContainsTraditionalOnly(ReadOnlySpan<char> text)
    {
        ReadOnlySpan<byte> flags = HanData.BmpFlagTable;
        int i = text.IndexOfAnyExceptInRange('\0', '\u33FF');
        if (i < 0)
        {
            return false;
        }

        for (; i < text.Length; i++)
        {
            if ((flags[text[i]] & (byte)HanData.CharFlags.TraditionalOnly) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Writes the script the plan decided: the character-level inverse, or a forced OpenCC conversion.</summary>
    public static void Apply(RepairState state, RepairPlan plan)
    {
        if (!plan.Script.Acts)
        {
            return;
        }

        if (plan.ScriptConfig is null)
        {
            RestoreSimplified(state);
            return;
        }

        string text = state.Current;
        string converted = Protecting(ChineseConverter.Get(plan.ScriptConfig), state.Options)?.Convert(text) ?? ChineseConverter.Get(plan.ScriptConfig).Convert(text);
        state.Apply(SplitAtBoundaries(TextDiff.Edits(text, converted, RepairKind.Script), state.EditBoundaries()));
    }

    private static void RestoreSimplified(RepairState state)
    {
        string text = state.Current;
        Dictionary<int, Restoration> restorations = Restorations;
        List<int> boundaries = state.EditBoundaries();
        IReadOnlyList<ProtectedSpan> protectedSpans = Protecting(ChineseConverter.Get("t2s"), state.Options)?.FindProtectedSpans(text) ?? [];
        int nextProtected = 0;
        int nextBoundary = 0;
        var edits = new List<RepairEdit>();
        var builder = new StringBuilder();
        int runStart = -1;
        int runEnd = -1;
        bool ambiguous = false;
        ReadOnlySpan<byte> bmpFlags = HanData.BmpFlagTable;
        for (int i = 0; i < text.Length; i++)
        {
            if (nextProtected < protectedSpans.Count && protectedSpans[nextProtected].Start == i)
            {
                // Protected text is left as it is.
                i += protectedSpans[nextProtected++].Length - 1;
                continue;
            }

            char c = text[i];
            int cp = c;
            int length = 1;
            HanData.CharFlags flags;
            if (char.IsSurrogate(c))
            {
                cp = CjkText.CodePointAt(text, i, out length);
                flags = HanData.Flags(cp);
            }
            else
            {
                flags = (HanData.CharFlags)bmpFlags[c];
            }

            while (nextBoundary < boundaries.Count && boundaries[nextBoundary] < i)
            {
                nextBoundary++;
            }

            bool atBoundary = nextBoundary < boundaries.Count && boundaries[nextBoundary] == i;
            if ((flags & HanData.CharFlags.Convertible) != 0 && restorations.TryGetValue(cp, out Restoration restoration))
            {
                if (runEnd != i || atBoundary)
                {
                    Flush(edits, builder, runStart, runEnd);
                    runStart = i;
                }

                int simplified = restoration.Original;
                if (simplified < 0x10000)
                {
                    builder.Append((char)simplified);
                }
                else
                {
                    builder.Append(char.ConvertFromUtf32(simplified));
                }

                runEnd = i + length;
                ambiguous |= restoration.Ambiguous;
            }

            i += length - 1;
        }

        Flush(edits, builder, runStart, runEnd);
        if (ambiguous)
        {
            state.Lossy = true;
            state.LossyReasons.Add("some restored characters had several possible originals; the most common one was chosen.");
        }

        state.Apply(edits);
    }

    /// <summary>The converter with the options' protection, or null when they protect nothing.</summary>
    private static ChineseConverter? Protecting(ChineseConverter converter, RepairOptions options) =>
        options.Protection == ProtectedText.None && options.ProtectedTerms is not { Count: > 0 } ? null : converter.WithProtection(options.Protection, options.ProtectedTerms);

    /// <summary>
    /// Cuts the edits of a forced conversion where an earlier edit's replacement starts or ends, when the edit maps
    /// character for character (same length), so that each repair keeps its own edit and kind.
    /// </summary>
    private static List<RepairEdit> SplitAtBoundaries(List<RepairEdit> edits, List<int> boundaries)
    {
        if (boundaries.Count == 0)
        {
            return edits;
        }

        var result = new List<RepairEdit>(edits.Count);
        int b = 0;
        foreach (RepairEdit edit in edits)
        {
            while (b < boundaries.Count && boundaries[b] <= edit.Start)
            {
                b++;
            }

            if (edit.Length != edit.Replacement.Length || b == boundaries.Count || boundaries[b] >= edit.End)
            {
                result.Add(edit);
                continue;
            }

            int start = edit.Start;
            while (b < boundaries.Count && boundaries[b] < edit.End)
            {
                int cut = boundaries[b++];
                if (!char.IsLowSurrogate(edit.Replacement[cut - edit.Start]))
                {
                    result.Add(new RepairEdit(start, cut - start, edit.Replacement[(start - edit.Start)..(cut - edit.Start)], edit.Kind));
                    start = cut;
                }
            }

            result.Add(new RepairEdit(start, edit.End - start, edit.Replacement[(start - edit.Start)..], edit.Kind));
        }

        return result;
    }

    /// <summary>What a character seen in machine-converted text was before: the original, and whether there were others.</summary>
    private readonly record struct Restoration(int Original, bool Ambiguous);

    private static Dictionary<int, Restoration> Restorations => Volatile.Read(ref s_restorations) ?? BuildRestorations();

    // For each character t that OpenCC's TSCharacters maps elsewhere, what to restore. When t is also a Simplified form
    // (TS lists it among its own values), only an original s whose forward conversion (first STCharacters value; a
    // character without entry stays itself) gives t is allowed: the first such TS value, else t is kept.
    private static Dictionary<int, Restoration> BuildRestorations()
    {
        var forward = new Dictionary<int, int>();
        var origins = new Dictionary<int, List<int>>();
        foreach (var (key, value) in EmbeddedDictionary.Lines("OpenCC/dictionary/STCharacters.txt"))
        {
            if (SingleCodePoint(key) is not { } s || FirstCodePoint(value) is not { } t)
            {
                continue;
            }

            forward[s] = t;
            if (t != s)
            {
                if (!origins.TryGetValue(t, out List<int>? list))
                {
                    origins[t] = list = [];
                }

                list.Add(s);
            }
        }

        var restorations = new Dictionary<int, Restoration>();
        foreach (var (key, value) in EmbeddedDictionary.Lines("OpenCC/dictionary/TSCharacters.txt"))
        {
            if (SingleCodePoint(key) is not { } t)
            {
                continue;
            }

            var values = new List<int>(2);
            foreach (string part in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (SingleCodePoint(part) is { } s)
                {
                    values.Add(s);
                }
            }

            int? chosen;
            int count;
            if (!values.Contains(t))
            {
                // t is not a Simplified form: in a Simplified original it can only come from the conversion, whatever
                // table the mirror used (the seed's mirror wrote 為 for 为, where OpenCC 1.4.2 has 爲).
                chosen = values.Count > 0 && values[0] != t ? values[0] : null;
                count = values.Count;
            }
            else
            {
                // t is also a Simplified form and may be the original: restore only to a character whose forward
                // conversion gives t, preferring OpenCC's order; otherwise keep t.
                List<int> candidates = origins.TryGetValue(t, out List<int>? list) ? list : [];
                bool selfPossible = !forward.TryGetValue(t, out int self) || self == t;
                int preferred = values.FindIndex(s => s != t && candidates.Contains(s));
                chosen = preferred >= 0 ? values[preferred] : null;
                if (chosen is null && !selfPossible && candidates.Count > 0)
                {
                    chosen = candidates[0];
                }

                count = candidates.Count + (selfPossible ? 1 : 0);
            }

            if (chosen is { } original)
            {
                restorations[t] = new Restoration(original, Ambiguous: count > 1);
            }
        }

        return Interlocked.CompareExchange(ref s_restorations, restorations, null) ?? restorations;
    }

    private static int? SingleCodePoint(string text) =>
        Rune.DecodeFromUtf16(text, out Rune rune, out int consumed) == System.Buffers.OperationStatus.Done && consumed == text.Length
            ? rune.Value
            : null;

    private static int? FirstCodePoint(string spaceSeparated)
    {
        int space = spaceSeparated.IndexOf(' ', StringComparison.Ordinal);
        return SingleCodePoint(space < 0 ? spaceSeparated : spaceSeparated[..space]);
    }

    private static void Flush(List<RepairEdit> edits, StringBuilder builder, int start, int end)
    {
        if (start >= 0 && builder.Length > 0)
        {
            string replacement = builder.Length == 1 ? SingleCharacter(builder[0]) : builder.ToString();
            edits.Add(new RepairEdit(start, end - start, replacement, RepairKind.Script));
        }

        builder.Clear();
    }

    // Most restored runs are one character: their strings are shared (a benign race may build one twice).
    private static string SingleCharacter(char c)
    {
        string?[] cache = s_singleCharacters ??= new string?[0x10000];
        return cache[c] ??= c.ToString();
    }
}
