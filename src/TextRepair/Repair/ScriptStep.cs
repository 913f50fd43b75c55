using System.Globalization;
using System.Text;
using TextRepair.Analysis;

namespace TextRepair.Repair;

/// <summary>
/// Writes the target script. <see cref="ScriptTarget.Auto"/> restores Simplified Chinese in text that was
/// machine-converted from Simplified, character by character: the inverse of a character-level converter is a
/// character-level one, while a phrase-aware converter would "correct" words the original never had. Forced targets
/// go through <see cref="ChineseConverter"/>.
/// </summary>
internal sealed class ScriptStep : RepairStep
{
    private static string?[]? s_singleCharacters;

    // Forced targets act on any text that may hold Chinese (anything at or above U+3400, surrogates included); Auto
    // acts only on evidence that the other steps look for.
    public override bool MayApply(ReadOnlySpan<char> text, RepairOptions options) => options.Target switch
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

    public override void Run(RepairState state)
    {
        ScriptTarget target = state.Options.Target;
        if (target == ScriptTarget.Keep)
        {
            return;
        }

        if (state.ConvertedFromSimplified && target is ScriptTarget.Auto or ScriptTarget.Hans)
        {
            RestoreSimplified(state);
            return;
        }

        string? config = target switch
        {
            ScriptTarget.Hans => "t2s",
            ScriptTarget.Hant => "s2t",
            ScriptTarget.Tw => "s2tw",
            ScriptTarget.Hk => "s2hk",
            _ => null,
        };
        if (config is null)
        {
            return;
        }

        string text = state.Current;
        string converted = ChineseConverter.Get(config).Convert(text);
        List<RepairEdit> edits = TextDiff.Edits(text, converted, RepairKind.Script);
        if (edits.Count > 0)
        {
            state.Notes.Add(string.Create(
                CultureInfo.InvariantCulture, $"Script: converted with OpenCC {config} ({edits.Count} run(s) changed)."));
            state.Apply(edits);
        }
    }

    private static void RestoreSimplified(RepairState state)
    {
        string text = state.Current;
        var edits = new List<RepairEdit>();
        var builder = new StringBuilder();
        int runStart = -1;
        int runEnd = -1;
        bool ambiguous = false;
        ReadOnlySpan<byte> bmpFlags = HanData.BmpFlagTable;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            int cp = c;
            int length = 1;
            HanData.CharFlags flags;
            if (char.IsSurrogate(c))
            {
                cp = HanData.CodePointAt(text, i, out length);
                flags = HanData.Flags(cp);
            }
            else
            {
                flags = (HanData.CharFlags)bmpFlags[c];
            }

            if ((flags & HanData.CharFlags.Convertible) != 0)
            {
                if (runEnd != i)
                {
                    Flush(edits, builder, runStart, runEnd);
                    runStart = i;
                }

                int simplified = HanData.ToSimplified(cp);
                if (simplified < 0x10000)
                {
                    builder.Append((char)simplified);
                }
                else
                {
                    builder.Append(char.ConvertFromUtf32(simplified));
                }

                runEnd = i + length;
                ambiguous |= (flags & HanData.CharFlags.AmbiguousToSimplified) != 0;
            }

            i += length - 1;
        }

        Flush(edits, builder, runStart, runEnd);
        state.Lossy |= ambiguous;
        state.Notes.Add(string.Create(
            CultureInfo.InvariantCulture,
            $"Script: machine conversion from Simplified detected; {edits.Count} run(s) of characters restored to Simplified character by character."));
        state.Apply(edits);
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
