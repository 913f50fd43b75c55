using System.Buffers;
using System.Text;
using TextRepair.Repair.Decoding;

namespace TextRepair.Documents;

/// <summary>
/// Repairs the runs of a document with <see cref="TextRepairer.Repair(string, RepairOptions?)"/>. The whole visible text is repaired at once
/// (groups joined with a line feed, so page-level evidence such as the script of the page is seen), and each edit is
/// shared out to the runs it covers: it is cut at every run boundary it crosses where its replacement can be cut too
/// (<see cref="EditAlignment.Cuts"/>: for mojibake, between the original characters, each with the mojibake characters
/// its bytes became), and each piece is written into the run where it starts. A boundary that falls inside an aligned
/// piece (markup between the bytes of one character, or an edit that cannot be cut, see <see cref="EditAlignment.Cuts"/>)
/// is not applied: the runs it covers keep their text, since text never moves across markup. An insertion at a run
/// boundary goes to the later run. Stateless.
/// </summary>
internal static class RunRepairer
{
    // Characters that delimit markup in one of the formats: HTML/XML tags and entities, JSON and PO strings, ASS
    // override blocks, Markdown code spans. Repair writes plain text into the document's source; an edit that would put
    // one of them where the replaced text had none could change the document's structure (a UTF-16 reading of "䌼"
    // restores "<C"), so it is not applied and the run keeps its text.
    private static readonly SearchValues<char> s_markup = SearchValues.Create("<>&\"\\{}`");

    public static string Repair(string document, RepairOptions options, params ReadOnlySpan<TextRunList> lists) =>
        RunRewriter.Splice(document, Replacements(document, options, null, out _, lists));

    /// <summary>
    /// The replacements of the runs of <paramref name="lists"/> that repair changes, in source order. The repair of the
    /// joined text goes to <paramref name="joinedResult"/> (null when there is no text), and, when
    /// <paramref name="documentEdits"/> is given, the edits actually written are added to it in the document's
    /// coordinates (in run order; the caller sorts them): applied to the document they give the spliced replacements.
    /// </summary>
    public static List<Replacement> Replacements(
        string document, RepairOptions options, List<RepairEdit>? documentEdits, out RepairResult? joinedResult, params ReadOnlySpan<TextRunList> lists)
    {
        // Joined text and each run's start in it.
        var builder = new StringBuilder();
        var runStarts = new List<(int Document, int Joined, int Length)>();
        foreach (TextRunList list in lists)
        {
            for (int group = 0, run = 0; group < list.GroupCount; group++)
            {
                if (builder.Length > 0)
                {
                    builder.Append('\n');
                }

                for (; run < list.GroupEnd(group); run++)
                {
                    runStarts.Add((list.Start(run), builder.Length, list.Length(run)));
                    builder.Append(document, list.Start(run), list.Length(run));
                }
            }
        }

        var replacements = new List<Replacement>();
        joinedResult = null;
        if (runStarts.Count == 0)
        {
            return replacements;
        }

        string joined = builder.ToString();
        RepairResult result = TextRepairer.Repair(joined, options);
        joinedResult = result;
        if (result.Edits.Count == 0)
        {
            return replacements;
        }

        List<RepairEdit> edits = CutAtRuns(joined, result.Edits, runStarts);
        int e = 0;
        int coveredUntil = 0;
        for (int r = 0; r < runStarts.Count; r++)
        {
            (int documentStart, int start, int length) = runStarts[r];
            int end = start + length;
            int nextStart = r + 1 < runStarts.Count ? runStarts[r + 1].Joined : int.MaxValue;
            var text = new StringBuilder();
            int at = Math.Max(start, coveredUntil);
            bool changed = at > start;
            if (changed && documentEdits is not null)
            {
                // Text an earlier edit reached into (pieces never cross a run boundary, so this is a safeguard).
                documentEdits.Add(new RepairEdit(documentStart, Math.Min(at, end) - start, string.Empty, edits[e - 1].Kind) { Chain = edits[e - 1].Chain });
            }

            // Edits owned by this run: those starting at or after its start and before the next run's start.
            while (e < edits.Count && edits[e].Start < nextStart)
            {
                RepairEdit edit = edits[e];
                if (edit.Start > at && at < end)
                {
                    text.Append(joined, at, Math.Min(edit.Start, end) - at);
                }

                text.Append(edit.Replacement);
                changed = true;
                if (documentEdits is not null)
                {
                    // An edit past the run's end (the line feed between groups) is written at the run's end.
                    int from = Math.Min(Math.Max(edit.Start, at), end);
                    documentEdits.Add(edit with { Start = documentStart + from - start, Length = Math.Max(0, Math.Min(edit.End, end) - from) });
                }

                at = Math.Max(at, edit.Start + edit.Length);
                coveredUntil = Math.Max(coveredUntil, edit.Start + edit.Length);
                e++;
            }

            if (at < end)
            {
                text.Append(joined, at, end - at);
            }

            if (changed)
            {
                replacements.Add(new Replacement(documentStart, length, text.ToString().AsMemory()));
            }
        }

        return replacements;
    }

    /// <summary>
    /// The edits that write no markup (see <c>s_markup</c>), each cut at the run boundaries it crosses where it can be
    /// cut (<see cref="EditAlignment.Cuts"/>). A piece that a boundary falls into (markup between the bytes of one
    /// character, or an edit that cannot be cut) is dropped, so both runs keep their text: writing it into one run would
    /// move text across the markup and could empty an element (session 34). Pieces that change nothing are dropped.
    /// </summary>
    private static List<RepairEdit> CutAtRuns(string joined, IReadOnlyList<RepairEdit> edits, List<(int Document, int Joined, int Length)> runs)
    {
        // Run boundaries in the joined text, ascending: each run's start and end (a run's end is the next run's start
        // within a group; a line feed lies between groups).
        var boundaries = new List<int>(runs.Count * 2);
        foreach ((_, int start, int length) in runs)
        {
            if (boundaries.Count == 0 || boundaries[^1] != start)
            {
                boundaries.Add(start);
            }

            boundaries.Add(start + length);
        }

        var pieces = new List<RepairEdit>(edits.Count);
        var cutAt = new List<int>();
        var straddled = new HashSet<int>();
        int b = 0;
        foreach (RepairEdit edit in edits)
        {
            if (WritesMarkup(joined, edit))
            {
                continue;
            }

            while (b < boundaries.Count && boundaries[b] <= edit.Start)
            {
                b++;
            }

            if (b == boundaries.Count || boundaries[b] >= edit.End)
            {
                pieces.Add(edit);
                continue;
            }

            ReadOnlySpan<char> replaced = joined.AsSpan(edit.Start, edit.Length);
            (int[] source, int[] replacement) = EditAlignment.Cuts(replaced, edit);
            cutAt.Clear();
            cutAt.Add(0);
            straddled.Clear();
            for (int i = b, j = 0; i < boundaries.Count && boundaries[i] < edit.End; i++)
            {
                while (source[j] < boundaries[i] - edit.Start)
                {
                    j++;
                }

                if (j != cutAt[^1])
                {
                    cutAt.Add(j);
                }

                if (source[j] != boundaries[i] - edit.Start)
                {
                    // The boundary falls inside the piece ending at cut j: markup between the bytes of one character.
                    straddled.Add(j);
                }
            }

            if (cutAt[^1] != source.Length - 1)
            {
                cutAt.Add(source.Length - 1);
            }

            for (int k = 1; k < cutAt.Count; k++)
            {
                (int from, int to) = (cutAt[k - 1], cutAt[k]);
                if (straddled.Contains(to))
                {
                    continue;
                }

                ReadOnlySpan<char> was = replaced[source[from]..source[to]];
                string now = edit.Replacement[replacement[from]..replacement[to]];
                if (!was.SequenceEqual(now))
                {
                    pieces.Add(edit with { Start = edit.Start + source[from], Length = source[to] - source[from], Replacement = now });
                }
            }
        }

        return pieces;
    }

    private static bool WritesMarkup(string joined, RepairEdit edit)
    {
        ReadOnlySpan<char> replacement = edit.Replacement;
        ReadOnlySpan<char> replaced = joined.AsSpan(edit.Start, edit.Length);
        for (int i = replacement.IndexOfAny(s_markup); i >= 0; i = NextMarkup(replacement, i))
        {
            if (!replaced.Contains(replacement[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static int NextMarkup(ReadOnlySpan<char> text, int index)
    {
        int next = text[(index + 1)..].IndexOfAny(s_markup);
        return next < 0 ? -1 : index + 1 + next;
    }
}
