using TextRepair.Analysis.Language;
using TextRepair.Internal;

namespace TextRepair.Analysis.Decoding;

/// <summary>
/// Finds encoding damage in text: mojibake (text written in one encoding and read with another, up to three times)
/// and loss markers. Lines without a suspicious character (<see cref="SuspiciousChars"/>) are skipped; the others are
/// cut into tokens (runs between spaces, tabs, ideographic spaces and pinyin annotations, cut at
/// <see cref="MaxTokenLength"/>), which
/// <see cref="LineDecisions"/> decides: by the chains already found in the text (<see cref="KnownChains"/>), by the
/// lattice (<see cref="CandidateSearch"/>) for a token that may be damaged (<see cref="MayBeDamaged"/>), or by the
/// line's chain once the line is found damaged. Loss markers (U+FFFD, 锟斤拷, 烫烫, 屯屯) are damage only in damaged
/// context: a marker between quotes, or one that is the only sign of damage on its line, is a word and is left alone.
/// Work is linear in the text's length. Thread-safe.
/// </summary>
internal static partial class EncodingScanner
{
    /// <summary>
    /// Longest token decided as a whole; longer runs are cut (after an ASCII character where possible, so that a cut
    /// rarely splits a multi-byte character). The search is linear in the token's length either way (a long token is
    /// searched in windows, see <see cref="CandidateSearch.ProbeLength"/>); the cut bounds the memory of one token (a
    /// UTF-8 paragraph of 1,000 Han characters read as windows-1252 is 3,000 characters).
    /// </summary>
    public const int MaxTokenLength = 4096;

    /// <summary>
    /// Index of the first character that could belong to encoding damage (<see cref="SuspiciousChars"/>), or of the start
    /// of the first line before it made mostly of uncommon Han characters (<see cref="UncommonHan"/>); -1 for clean text.
    /// </summary>
    public static int IndexOfSuspicious(ReadOnlySpan<char> text)
    {
        // A Latin word garbled by a double-byte decoder holds common Han ("dur茅e"), which the character test passes.
        int hit = SuspiciousChars.IndexOfSuspiciousOrUncommonLine(text);
        int word = Utf8SequencePool.IndexOfLatinWord(hit < 0 ? text : text[..hit]);
        return word >= 0 ? word : hit;
    }

    /// <summary>
    /// True when <see cref="Find"/> may find something in <paramref name="text"/>: a suspicious character (see
    /// <see cref="IndexOfSuspicious"/>), or the C0 controls of UTF-16 read by a byte decoder
    /// (<see cref="Utf16TextReading.MayApply"/>), since ASCII written as UTF-16 and read as Latin-1 is letters and NULs
    /// with no suspicious character. Linear; allocates nothing.
    /// </summary>
    public static bool MayFind(ReadOnlySpan<char> text) => IndexOfSuspicious(text) >= 0 || Utf16TextReading.MayApply(text);

    /// <summary>Appends every damaged span of <paramref name="text"/> to <paramref name="findings"/>, sorted, non-overlapping.</summary>
    public static void Find(string text, List<EncodingFinding> findings)
    {
        // The text's passes (the vote, the pre-scan, the lines' decisions) share its tokens' verdicts, and so do the
        // repair's passes when it opened the memo before (CleanTokenCache.ForDocument).
        using CleanTokenCache.DocumentScope memo = CleanTokenCache.ForDocument();
        bool controls = Utf16TextReading.HasControls(text);
        if (controls && Utf16TextReading.TryFind(text, findings))
        {
            return;
        }

        // A field is read as UTF-16 only when the token search found nothing in it (Utf16TextReading.MaxFieldLength),
        // and only once. A field of several lines is read as UTF-16 first: its line breaks may be bytes of its
        // characters (不 is U+4E0D), and a token search of its first line alone, which now reads whole lines of one
        // token (TokenReading's StandsOut), kept it from being read whole (dev half: 1 recoverable case).
        bool lines = text.AsSpan().IndexOfAny('\n', '\r') >= 0;
        if (!controls && lines && Utf16TextReading.IsField(text) && Utf16TextReading.TryFind(text, findings))
        {
            return;
        }

        // A field whose text the token search could not tell (EncodingFinding.Unread) is read as UTF-16 too.
        int found = findings.Count;
        FindByTokens(text, findings);
        DroppedCharacters.Mark(findings, found);
        if (!controls && !lines && findings.Count - found <= 1 && (findings.Count == found || findings[found].Unread) && Utf16TextReading.IsField(text))
        {
            var read = new List<EncodingFinding>();
            if (Utf16TextReading.TryFind(text, read))
            {
                findings.RemoveRange(found, findings.Count - found);
                findings.AddRange(read);
            }
        }
    }

    // The token search: each line with a suspicious character, token by token (LineDecisions).
    private static void FindByTokens(string text, List<EncodingFinding> findings)
    {
        var known = new KnownChains();
        var searched = new Dictionary<int, TokenReading>();
        if (ElectChain(text, searched) is { } elected)
        {
            known.Elect(elected);
        }

        List<(int Start, int End)>? tokens = null;
        LineLists? lists = null;
        int position = 0;
        bool following = known.Elected is not null;
        while (NextLine(text, ref position, following, out int lineStart, out int lineEnd))
        {
            tokens ??= [];
            following = !IsQuiet(text, lineStart, lineEnd, known, tokens, searched)
                && FindInLine(text, lineStart, lineEnd, tokens, findings, known, searched, lists ??= new LineLists()) && known.Elected is not null;
        }
    }

    // The next line from position that holds a suspicious character (skipping the tone letters of pinyin annotations), or
    // with beyondAscii any character beyond ASCII; position moves past it. One pass from position to the first such
    // character or mostly uncommon line, whichever comes first: each character is looked at once by the pre-scan,
    // however the lines between suspicious characters go. Lines beyond ASCII are looked at after a line damaged by the
    // elected chain: Han read as Han looks like text (康备 is 영구 written in EUC-KR and read as GBK), and the lines of a
    // list or of subtitles are damaged alike (see LineDecisions: such a token follows the elected chain only when the
    // chain reads it at least as well as it stands). Lines of ASCII only (subtitles' numbers and times, blank lines)
    // keep the following on. The text's start counts as such a line when the vote elected a chain: a list's first
    // line is garbled like the rest ("メ〖ルアドレス", EUC-JP read as GBK, before lines of kanji that elect the chain).
    private static bool NextLine(string text, ref int position, bool beyondAscii, out int lineStart, out int lineEnd)
    {
        while (position < text.Length)
        {
            int hit = IndexOfSuspicious(text.AsSpan(position));
            if (beyondAscii)
            {
                int other = text.AsSpan(position).IndexOfAnyExceptInRange('\0', '\u007F');
                hit = other >= 0 && (hit < 0 || other < hit) ? other : hit;
            }

            if (hit < 0)
            {
                break;
            }

            hit += position;
            int annotationEnd = AnnotationEnd(text, hit);
            if (annotationEnd > 0)
            {
                // A tone letter of a pinyin annotation: no sign of damage; look on for another suspicious character.
                position = annotationEnd;
                continue;
            }

            lineStart = Math.Max(text.AsSpan(0, hit).LastIndexOfAny('\n', '\r') + 1, position);
            lineEnd = text.AsSpan(hit).IndexOfAny('\n', '\r');
            lineEnd = lineEnd < 0 ? text.Length : hit + lineEnd;
            position = lineEnd + 1;
            return true;
        }

        (lineStart, lineEnd) = (0, 0);
        return false;
    }

    /// <summary>
    /// True when the line can have no finding, shown without the engine's allocations: no chain is known in the text
    /// yet, the line holds neither U+FFFD nor 锟 (the only marker characters <see cref="FindInLine"/> reports or
    /// decides on in an undamaged line), and none of its tokens may be damaged (<see cref="MayBeDamaged"/>) or each
    /// that may is known to have no reading (<see cref="CleanTokenCache.IsKnownClean"/>) on a line whose
    /// <see cref="Utf8SequencePool"/> is the token's own. Then <see cref="LineDecisions"/>
    /// takes no reading for any token (it tries a token only by the known chains, by pieces of 锟斤拷, or when it may be
    /// damaged, and skips known-clean ones first), so the line is not damaged, and its markers ('?', 烫烫, 屯屯, whole
    /// 锟斤拷) count only on a damaged line: <see cref="FindInLine"/> would add nothing and learn nothing. Either way
    /// <paramref name="tokens"/> is set to the line's tokens (cleared first), so that <see cref="FindInLine"/> does not
    /// cut the line again; once the line is known not to be quiet, no further token is asked whether it may be damaged.
    /// A token the vote searched (in <paramref name="searched"/>, see <see cref="ElectChain"/>) may be damaged.
    /// </summary>
    internal static bool IsQuiet(string text, int lineStart, int lineEnd, KnownChains known, List<(int Start, int End)> tokens, Dictionary<int, TokenReading>? searched = null)
    {
        tokens.Clear();
        bool quiet = known.Steps.Count == 0 && text.AsSpan(lineStart, lineEnd - lineStart).IndexOfAny('\uFFFD', '\u951F') < 0;
        var cursor = new Tokens(text, lineStart, lineEnd);

        // A token known clean was decided with its own whole UTF-8 sequences only (see LineDecisions.Cached): the
        // line's are counted only when the cache is asked.
        int? pool = null;
        while (cursor.MoveNext(out int start, out int end))
        {
            tokens.Add((start, end));
            if (quiet)
            {
                char before = start > lineStart ? text[start - 1] : CharNgramModel.Boundary;
                char after = end < lineEnd ? text[end] : CharNgramModel.Boundary;
                quiet = searched?.ContainsKey(start) != true
                    && (!MayBeDamaged(text, start, end - start, before, after)
                        || (CleanTokenCache.IsKnownClean(text.AsSpan(start, end - start), before, after)
                            && (pool ??= Utf8SequencePool.Of(text.AsSpan(lineStart, lineEnd - lineStart))) is var linePool
                            && (linePool == 0 || Utf8SequencePool.Of(text.AsSpan(start, end - start)) == linePool)));
            }
        }

        return quiet;
    }

    /// <summary>Appends the findings of the line's <paramref name="tokens"/> (see <see cref="IsQuiet"/>), sorted; true when the line is damaged.</summary>
    internal static bool FindInLine(string text, int lineStart, int lineEnd, List<(int Start, int End)> tokens, List<EncodingFinding> findings, KnownChains known, Dictionary<int, TokenReading>? searched = null, LineLists? lists = null)
    {
        lists ??= new LineLists();
        List<EncodingFinding> line = lists.Line;
        line.Clear();
        List<EncodingFinding> pending = lists.Pending;
        pending.Clear();

        // Double-byte text read as UTF-8 with replacement is read as a whole line (session 41), unless the tokens'
        // readings restore kana or Hangul: the line reading knows GBK and Big5 only (ReplacedDoubleByteLine.s_truths),
        // and EUC-KR, EUC-JP and Shift-JIS lines read as UTF-8 show the same evidence. Read first, it took their lines
        // for GBK: on the lead's session-41 battery (UTF-8 readers with replacement, lossy), characters of the original
        // restored in EUC-KR lines fell from 38 to 3 and in EUC-JP lines from 53 to 38, each with more invented.
        bool damaged = FindInTokens(text, lineStart, lineEnd, tokens, line, pending, known, searched);
        if (!ReplacedDoubleByteLine.RestoresKanaOrHangul(line))
        {
            List<EncodingFinding> read = lists.Read;
            read.Clear();
            if (ReplacedDoubleByteLine.TryRead(text, lineStart, lineEnd, read))
            {
                line.Clear();
                pending.Clear();
                line.AddRange(read);
                damaged = true;
            }
        }

        AddMarkers(text, lineStart, lineEnd, line, pending, ref damaged, lists.Covered(lineEnd - lineStart));
        if (damaged)
        {
            line.AddRange(pending);
        }

        line.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        findings.AddRange(line);
        return damaged;
    }

    // The line's tokens searched and decided: their findings in line, their losses in pending; true when damaged.
    private static bool FindInTokens(string text, int lineStart, int lineEnd, List<(int Start, int End)> tokens, List<EncodingFinding> line, List<EncodingFinding> pending, KnownChains known, Dictionary<int, TokenReading>? searched)
    {
        var readings = new List<TokenReading>(tokens.Count);
        foreach ((int start, int end) in tokens)
        {
            readings.Add(searched is not null && searched.Remove(start, out TokenReading? token) && token.Token.Length == end - start ? token : TokenReading.Search(text, start, end, lineStart, lineEnd));
        }

        // A line read again after its cuts moved starts from the chains known before it, not from those its pieces
        // cut inside characters showed (a chain that reads a piece from a lost lead byte on is no chain for the next).
        KnownChains? before = HasCut(tokens) ? known.Copy() : null;
        bool damaged = new LineDecisions(text, lineStart, lineEnd, known).Decide(readings);
        for (int round = 0; before is not null && round < MaxCutRereads && MoveCutsOffCharacters(tokens, readings); round++)
        {
            readings = Reread(text, lineStart, lineEnd, tokens, readings);
            known.CopyFrom(before);
            damaged = new LineDecisions(text, lineStart, lineEnd, known).Decide(readings);
        }

        // Loss markers and losses inside readings: damage only where the line is damaged.
        foreach (TokenReading token in readings)
        {
            token.AddFindings(line, pending);
        }

        return damaged;
    }

    private static void AddMarkers(string text, int lineStart, int lineEnd, List<EncodingFinding> line, List<EncodingFinding> pending, ref bool repaired, Span<bool> covered)
    {
        // Characters already inside a finding (linear: one flag per character of the line, all false on entry).
        foreach (List<EncodingFinding> list in (ReadOnlySpan<List<EncodingFinding>>)[line, pending])
        {
            foreach (EncodingFinding f in list)
            {
                covered.Slice(f.Start - lineStart, f.Length).Fill(true);
            }
        }

        bool lostBytes = false;
        var markers = new List<EncodingFinding>();
        Dictionary<int, char>? repairedEnds = null;
        int nextCovered = -1;
        for (int i = lineStart; i < lineEnd;)
        {
            if (nextCovered < i)
            {
                int next = covered[(i - lineStart)..].IndexOf(true);
                nextCovered = next < 0 ? lineEnd : i + next;
            }

            // A marker is cut at the first covered character; a run is read at most 3 characters past it (a whole
            // 锟斤拷 or two 烫 decide as the whole run would), so that a long run between findings is read once, not
            // once per free stretch of it.
            int length = covered[i - lineStart] ? 0 : MarkerLength(text, i, Math.Min(lineEnd, nextCovered + 3));
            int free = covered.Slice(i - lineStart, length).IndexOf(true);
            length = free < 0 ? length : free;
            if (length == 0)
            {
                i++;
                continue;
            }

            bool quoted = i > lineStart && i + length < lineEnd && LineDecisions.Openers.Contains(text[i - 1], StringComparison.Ordinal)
                && LineDecisions.Closers.Contains(text[i + length], StringComparison.Ordinal);
            if (!quoted && text[i] == '?' && !QuestionMarksAreLost(text, i, length, lineStart, lineEnd, repairedEnds ??= RepairedEnds(line, pending)))
            {
                i += length;
                continue;
            }

            if (!quoted)
            {
                bool replacementChar = text[i] == '\uFFFD';
                var marker = text[i] == '?'
                    ? new EncodingFinding(i, length, new string('\uFFFD', length), "lost characters ('?')", true)
                    : new EncodingFinding(i, length, text.Substring(i, length), replacementChar ? "lost bytes (U+FFFD)" : "loss marker", true);

                // U+FFFD is what a decoder writes for bytes it lost: unquoted, it is damage by itself.
                (replacementChar ? line : markers).Add(marker);
                lostBytes |= replacementChar;
            }

            i += length;
        }

        repaired |= lostBytes;
        (repaired ? line : pending).AddRange(markers);
    }

    // What an encoder writes for a character it cannot encode (a CJK letter written in a code page without it) and what
    // a double-byte decoder writes for bytes it cannot read: a run of '?' next to a CJK letter, which the text reads
    // worse with than without (EncodingDecision.QuestionMarksAreLost: a question mark reads well after a question's last
    // word), on a line damaged otherwise (loss markers are damage only in damaged context). Its neighbours are taken as
    // repaired: a neighbour inside a finding is the finding's replacement (the garbled one would make any '?' unlikely).
    private static bool QuestionMarksAreLost(string text, int start, int length, int lineStart, int lineEnd, Dictionary<int, char> repairedEnds)
    {
        int end = start + length;
        char left = repairedEnds.TryGetValue(~start, out char l) ? l : start > lineStart ? text[start - 1] : CharNgramModel.Boundary;
        char right = repairedEnds.TryGetValue(end, out char r) ? r : end < lineEnd ? text[end] : CharNgramModel.Boundary;
        return (IsCjkLetter(left) || IsCjkLetter(right)) && EncodingDecision.QuestionMarksAreLost(left, text.AsSpan(start, length), right);
    }

    // The findings' replacements at their edges, once per line: the first character keyed by the start, the last by the
    // complement of the end (a finding's end is the next one's start).
    private static Dictionary<int, char> RepairedEnds(List<EncodingFinding> line, List<EncodingFinding> pending)
    {
        var ends = new Dictionary<int, char>();
        foreach (List<EncodingFinding> list in (ReadOnlySpan<List<EncodingFinding>>)[line, pending])
        {
            foreach (EncodingFinding f in list)
            {
                if (f.Replacement.Length > 0)
                {
                    ends[f.Start] = f.Replacement[0];
                    ends[~f.End] = f.Replacement[^1];
                }
            }
        }

        return ends;
    }

    private static bool IsCjkLetter(char c) => CjkText.IsIdeograph(c) || c is (>= '\u3041' and <= '\u30FA') or (>= '\uAC00' and <= '\uD7A3');

    // Length of the loss marker starting at index: a run of U+FFFD, of 锟斤拷, of two or more 烫 or 屯, or of '?' next
    // to a CJK letter.
    private static int MarkerLength(string text, int index, int end)
    {
        char c = text[index];
        int i = index;
        switch (c)
        {
            case '\uFFFD':
                while (i < end && text[i] == '\uFFFD')
                {
                    i++;
                }

                return i - index;
            case '\u951F':
                while (i + 3 <= end && text.AsSpan(i, 3).SequenceEqual("\u951F\u65A4\u62F7"))
                {
                    i += 3;
                }

                return i - index;
            case '?':
                // A candidate only: see QuestionMarksAreLost.
                while (i < end && text[i] == '?')
                {
                    i++;
                }

                return i - index;
            case '\u70EB' or '\u5C6F':
                while (i < end && text[i] == c)
                {
                    i++;
                }

                return i - index >= 2 ? i - index : 0;
            default:
                return 0;
        }
    }
}
