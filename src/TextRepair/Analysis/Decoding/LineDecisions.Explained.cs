namespace TextRepair.Analysis.Decoding;

/// <summary>Mojibake explained beside its text (see <see cref="IsExplained"/>).</summary>
internal sealed partial class LineDecisions
{
    /// <summary>
    /// Fewest letters of a restored word for its clean copy on the line to show the garbled one explained. Two: a
    /// Chinese word ("例如“ä¸­æ–‡”就是“中文”"); one letter ("é") stands clean on most lines of its language.
    /// </summary>
    internal const int MinExplainedWord = 2;

    /// <summary>
    /// True when every restoration of <paramref name="token"/>'s chosen reading restores a word (the letters around the
    /// restored text, at least <see cref="MinExplainedWord"/>), or marks without a letter, that the line already holds
    /// as written elsewhere: the
    /// garbled form is shown beside its text, as prose that explains mojibake does ("例如“ä¸­æ–‡”就是“中文”",
    /// "Müller → MÃ¼ller"). Damage garbles a line's text alike throughout (one chain, one pass), so a word standing
    /// both clean and garbled on one line is quoted: like a token quoted in CJK prose, the token is decided only when
    /// the line is damaged elsewhere (a line of help text garbled but for the name of a button it also quotes clean:
    /// "打开文件（…ò█æÂ…）后，点击“确定”保存。", 保存 in cp850, is damaged throughout). Linear in the token's and line's
    /// lengths per finding.
    /// </summary>
    private bool IsExplained(TokenReading token)
    {
        var restored = new List<EncodingFinding>();
        token.AddFindings(restored, lossesToo: false);
        if (restored.Count == 0)
        {
            return false;
        }

        // The token as the reading writes it, and where each finding's replacement lands in it.
        var written = new System.Text.StringBuilder(token.Token.Length);
        var places = new List<(int Start, int End)>(restored.Count);
        int at = token.Start;
        foreach (EncodingFinding f in restored)
        {
            written.Append(_text, at, f.Start - at);
            places.Add((written.Length, written.Length + f.Replacement.Length));
            written.Append(f.Replacement);
            at = f.End;
        }

        written.Append(_text, at, token.Start + token.Token.Length - at);
        string text = written.ToString();
        ReadOnlySpan<char> line = _text.AsSpan(_lineStart, _lineEnd - _lineStart);
        foreach ((int start, int end) in places)
        {
            int a = start, b = end;
            while (a > 0 && char.IsLetter(text[a - 1]))
            {
                a--;
            }

            while (b < text.Length && char.IsLetter(text[b]))
            {
                b++;
            }

            // A restoration of no letter (a quotation mark, a dash) is explained by the same mark written on the line.
            ReadOnlySpan<char> word = text.AsSpan(a, b - a);
            int letters = CountLetters(word);
            bool shown = letters == 0 ? line.IndexOf(text.AsSpan(start, end - start), StringComparison.Ordinal) >= 0
                : letters >= MinExplainedWord && HoldsWord(line, word);
            if (!shown)
            {
                return false;
            }
        }

        return true;
    }

    // True when line holds word with no letter right before or after it.
    private static bool HoldsWord(ReadOnlySpan<char> line, ReadOnlySpan<char> word)
    {
        for (int from = 0; from <= line.Length - word.Length;)
        {
            int hit = line[from..].IndexOf(word, StringComparison.Ordinal);
            if (hit < 0)
            {
                return false;
            }

            int i = from + hit, j = i + word.Length;
            if ((i == 0 || !char.IsLetter(line[i - 1])) && (j == line.Length || !char.IsLetter(line[j])))
            {
                return true;
            }

            from = i + 1;
        }

        return false;
    }

    private static int CountLetters(ReadOnlySpan<char> word)
    {
        int letters = 0;
        foreach (char c in word)
        {
            letters += char.IsLetter(c) ? 1 : 0;
        }

        return letters;
    }
}
