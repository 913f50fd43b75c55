using System.Globalization;
using System.Text;
using TextRepair.Analysis;

namespace TextRepair.Repair;

/// <summary>
/// Restores Simplified Chinese in text that was machine-converted from Simplified, character by character: the
/// inverse of a character-level converter is a character-level one (a phrase-aware converter would "correct" words
/// that the original never had).
/// </summary>
internal sealed class ScriptStep : RepairStep
{
    public override bool MayApply(ReadOnlySpan<char> text, RepairOptions options) => false;

    public override void Run(RepairState state)
    {
        if (state.Options.Target == ScriptTarget.Keep)
        {
            return;
        }

        if (!state.ConvertedFromSimplified)
        {
            return;
        }

        string text = state.Current;
        var edits = new List<RepairEdit>();
        var builder = new StringBuilder();
        int runStart = -1;
        int runEnd = -1;
        bool ambiguous = false;
        for (int i = 0; i < text.Length; i++)
        {
            int cp = HanData.CodePointAt(text, i, out int length);
            HanData.CharFlags flags = HanData.Flags(cp);
            if ((flags & HanData.CharFlags.Convertible) != 0)
            {
                if (runEnd != i)
                {
                    Flush(edits, builder, runStart, runEnd);
                    runStart = i;
                }

                builder.Append(char.ConvertFromUtf32(HanData.ToSimplified(cp)));
                runEnd = i + length;
                ambiguous |= (flags & HanData.CharFlags.AmbiguousToSimplified) != 0;
            }

            i += length - 1;
        }

        Flush(edits, builder, runStart, runEnd);
        state.Lossy |= ambiguous;
        state.Notes.Add(string.Create(
            CultureInfo.InvariantCulture,
            $"Script: machine conversion from Simplified detected; {edits.Count} run(s) of characters restored to Simplified."));
        state.Apply(edits);
    }

    private static void Flush(List<RepairEdit> edits, StringBuilder builder, int start, int end)
    {
        if (start >= 0 && builder.Length > 0)
        {
            edits.Add(new RepairEdit(start, end - start, builder.ToString(), RepairKind.Script));
        }

        builder.Clear();
    }
}
