namespace TextRepair.Documents;

/// <summary>
/// SubRip (.srt) and WebVTT (.vtt): the cue text is converted; indices, cue identifiers, timing lines with their cue
/// settings, the WebVTT header and NOTE, STYLE and REGION blocks are never touched. In cue text, tags such as
/// <c>&lt;i&gt;</c>, <c>&lt;font color="..."&gt;</c>, <c>&lt;v Name&gt;</c> and <c>{\an8}</c> are kept without ending the
/// group; WebVTT character references end it, and so does each line end. Stateless.
/// </summary>
internal static class SubtitleScanner
{
    private const string Arrow = "-->";

    public static void ScanSrt(string text, TextRunList runs) => Scan(text, webVtt: false, runs);

    public static void ScanWebVtt(string text, TextRunList runs)
    {
        if (!text.AsSpan().TrimStart('\uFEFF').StartsWith("WEBVTT", StringComparison.Ordinal))
        {
            throw new InvalidDataException("not a WebVTT file: it does not start with WEBVTT");
        }

        Scan(text, webVtt: true, runs);
    }

    private static void Scan(string text, bool webVtt, TextRunList runs)
    {
        int pos = 0;
        bool inCue = false;
        bool skipBlock = webVtt; // the WebVTT header runs up to the first blank line
        bool blockStart = true;
        int cues = 0;
        while (pos < text.Length)
        {
            int newline = text.IndexOf('\n', pos);
            int next = newline < 0 ? text.Length : newline + 1;
            int lineEnd = newline < 0 ? text.Length : newline;
            if (lineEnd > pos && text[lineEnd - 1] == '\r')
            {
                lineEnd--;
            }

            ReadOnlySpan<char> line = text.AsSpan(pos, lineEnd - pos);
            if (line.IsWhiteSpace())
            {
                inCue = false;
                skipBlock = false;
                blockStart = true;
            }
            else if (skipBlock)
            {
                // Header, NOTE, STYLE or REGION block.
            }
            else if (blockStart && webVtt && (IsKeyword(line, "NOTE") || IsKeyword(line, "STYLE") || IsKeyword(line, "REGION")))
            {
                skipBlock = true;
                blockStart = false;
            }
            else if (!inCue && line.Contains(Arrow, StringComparison.Ordinal))
            {
                inCue = true;
                cues++;
                blockStart = false;
            }
            else if (inCue)
            {
                CueLine(text, pos, lineEnd, webVtt, runs);
                runs.Break();
            }
            else
            {
                // An index or cue identifier before the timing line.
                blockStart = false;
            }

            pos = next;
        }

        if (cues == 0 && !text.AsSpan().Trim().Trim('\uFEFF').IsEmpty && !webVtt)
        {
            throw new InvalidDataException("not a SubRip file: no timing line (00:00:01,000 --> 00:00:02,000) found");
        }

        runs.Break();
    }

    private static bool IsKeyword(ReadOnlySpan<char> line, string keyword) =>
        line.StartsWith(keyword, StringComparison.Ordinal) && (line.Length == keyword.Length || line[keyword.Length] is ' ' or '\t');

    private static void CueLine(string text, int start, int end, bool webVtt, TextRunList runs)
    {
        int i = start;
        int textStart = start;
        while (i < end)
        {
            char c = text[i];
            if (c is '<' or '{')
            {
                int close = text.IndexOf(c == '<' ? '>' : '}', i + 1, end - i - 1);
                if (close > 0)
                {
                    runs.Add(textStart, i - textStart);
                    i = textStart = close + 1;
                    continue;
                }
            }
            else if (c == '&' && webVtt)
            {
                int after = Entities.Match(text, i, end);
                if (after > 0)
                {
                    runs.Add(textStart, i - textStart);
                    runs.Break();
                    i = textStart = after;
                    continue;
                }
            }

            i++;
        }

        runs.Add(textStart, end - textStart);
    }
}
