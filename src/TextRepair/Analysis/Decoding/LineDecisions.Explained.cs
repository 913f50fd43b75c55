namespace TextRepair.Analysis.Decoding;

/// <summary>Mojibake explained beside its text (see <see cref="IsExplained"/>).</summary>
internal sealed partial class LineDecisions
{
    /// <summary>
    /// Fewest letters of a restored word for its clean copy on the line to show the garbled one explained. One: the
    /// word is the whole run of letters around the restoration, and the line must hold that run as a word of its own,
    /// so a one-letter word is a letter standing alone both garbled and clean ("Why does my page show Ã© instead of
    /// é?"), which damage that garbles a line alike throughout does not write. Two before session 36: such lines in a
    /// thread about mojibake were repaired, and their clean "é?" read as a UTF-8 character cut short ("�").
    /// </summary>
    internal const int MinExplainedWord = 1;

    /// <summary>
    /// Longest restored word looked up on the line (letters). A word being explained is a word; the bound keeps the
    /// work per restoration constant, so a line of many tokens is decided in linear time.
    /// </summary>
    internal const int MaxExplainedWordLength = 64;

    // The line's words (maximal runs of letters of at most MaxExplainedWordLength) and characters, gathered on first use.
    private HashSet<string>.AlternateLookup<ReadOnlySpan<char>>? _lineWords;
    private HashSet<char>? _lineChars;

    /// <summary>
    /// True when every restoration of <paramref name="token"/>'s chosen reading (<paramref name="restored"/>: its
    /// findings without losses, as <see cref="Taken"/> gathered them) restores a word (the letters around the restored
    /// text, at least <see cref="MinExplainedWord"/>), or marks without a letter, that the line already holds as written
    /// elsewhere: the garbled form is shown beside its text, as prose that explains mojibake does
    /// ("例如“ä¸­æ–‡”就是“中文”", "Müller → MÃ¼ller"). Damage garbles a line's text alike throughout (one chain, one pass),
    /// so a word standing both clean and garbled on one line is quoted: like a token quoted in CJK prose, the token is
    /// decided only when the line is damaged elsewhere (a line of help text garbled but for the name of a button it
    /// also quotes clean: "打开文件（…ò█æÂ…）后，点击“确定”保存。", 保存 in cp850, is damaged throughout). Linear in the
    /// token's length; the line's words are gathered once per line (asking the whole line for each token's words made
    /// a 480 KB line of such pairs take 14 s, found by the session's hostile tester).
    /// </summary>
    private bool IsExplained(TokenReading token, List<EncodingFinding> restored)
    {
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
        foreach ((int start, int end) in places)
        {
            if (end - start > MaxExplainedWordLength)
            {
                return false;
            }

            // The restored word: the letters around the restoration, at most MaxExplainedWordLength in all.
            int a = start, b = end;
            while (a > 0 && char.IsLetter(text[a - 1]) && b - a <= MaxExplainedWordLength)
            {
                a--;
            }

            while (b < text.Length && char.IsLetter(text[b]) && b - a <= MaxExplainedWordLength)
            {
                b++;
            }

            // A restoration of no letter (a quotation mark, a dash) is explained by the same marks written on the line.
            ReadOnlySpan<char> word = text.AsSpan(a, b - a);
            int letters = CountLetters(word);
            bool shown = letters == 0 ? AllOnLine(text.AsSpan(start, end - start))
                : letters == word.Length && letters >= MinExplainedWord && word.Length <= MaxExplainedWordLength && LineWords().Contains(word);
            if (!shown)
            {
                return false;
            }
        }

        return true;
    }

    private bool AllOnLine(ReadOnlySpan<char> marks)
    {
        if (_lineChars is null)
        {
            _lineChars = [];
            foreach (char c in _text.AsSpan(_lineStart, _lineEnd - _lineStart))
            {
                _lineChars.Add(c);
            }
        }

        foreach (char c in marks)
        {
            if (!_lineChars.Contains(c))
            {
                return false;
            }
        }

        return true;
    }

    // Looked up by span: a word is copied to a string only the first time the line holds it.
    private HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LineWords()
    {
        if (_lineWords is null)
        {
            var words = new HashSet<string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
            _lineWords = words;
            ReadOnlySpan<char> line = _text.AsSpan(_lineStart, _lineEnd - _lineStart);
            int i = 0;
            while (i < line.Length)
            {
                if (!char.IsLetter(line[i]))
                {
                    i++;
                    continue;
                }

                int j = i;
                while (j < line.Length && char.IsLetter(line[j]))
                {
                    j++;
                }

                if (j - i <= MaxExplainedWordLength)
                {
                    words.Add(line[i..j]);
                }

                i = j;
            }
        }

        return _lineWords.Value;
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
