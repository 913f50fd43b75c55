using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace TextRepair.Repair.Mojibake;

/// <summary>
/// Finds and undoes encoding mojibake: text that was encoded with one code page and decoded with another,
/// possibly several times, possibly with bytes lost on the way. Works on lines: a damaged piece never spans a line
/// break. Every candidate fix is a re-encoding with the code page the text was wrongly decoded with, followed by a
/// decoding with the code page it was written in; it is kept only when the result is much more plausible than the
/// original (see <see cref="Plausibility"/>). Clean text is rejected by a pre-scan that looks at every character once
/// and allocates nothing. Thread-safe (all state is local or immutable after first use).
/// </summary>
internal static class MojibakeRepair
{
    // Wildcards in a re-encoded byte sequence, where a decoder replaced bytes by '?' or U+FFFD.
    private const int LostByte = -1;
    private const int LostAscii = -2;

    private const int MaxLayers = 3;
    private const int MinGain = 4;

    private static readonly ulong[] s_suspicious = BuildSuspicious();
    private static readonly SearchValues<char> s_plainAscii = SearchValues.Create(BuildPlainAscii());

    private readonly record struct Candidate(int Start, int Length, string Replacement, string Chain, bool Lossy, int Gain);

    private enum Source
    {
        Utf8,
        Gbk,
        Big5,
    }

    /// <summary>Index of the first character that could belong to mojibake or a loss marker, or -1 for clean text.</summary>
    public static int IndexOfSuspicious(ReadOnlySpan<char> text)
    {
        ref ulong bits = ref MemoryMarshal.GetArrayDataReference(s_suspicious);
        ref char start = ref MemoryMarshal.GetReference(text);
        int n = text.Length;
        int i = 0;
        while (i < n)
        {
            if (Unsafe.Add(ref start, i) < 0x80)
            {
                // Runs of ASCII are skipped vectorized ('?' is the one ASCII character of interest).
                int skip = text[i..].IndexOfAnyExcept(s_plainAscii);
                if (skip < 0)
                {
                    return -1;
                }

                i += skip;
                if (text[i] == '?')
                {
                    return i;
                }
            }

            // Everything else: one bit test per character in an 8 KiB table, four characters at a time, until a
            // suspicious character or a block of ASCII.
            for (; i + 4 <= n; i += 4)
            {
                char c0 = Unsafe.Add(ref start, i);
                char c1 = Unsafe.Add(ref start, i + 1);
                char c2 = Unsafe.Add(ref start, i + 2);
                char c3 = Unsafe.Add(ref start, i + 3);
                ulong hit = (Unsafe.Add(ref bits, c0 >> 6) >> c0) | (Unsafe.Add(ref bits, c1 >> 6) >> c1)
                    | (Unsafe.Add(ref bits, c2 >> 6) >> c2) | (Unsafe.Add(ref bits, c3 >> 6) >> c3);
                if ((hit & 1) != 0 || (c0 | c1 | c2 | c3) < 0x80)
                {
                    break;
                }
            }

            int end = Math.Min(n, i + 4);
            for (; i < end; i++)
            {
                char c = Unsafe.Add(ref start, i);
                if (((Unsafe.Add(ref bits, c >> 6) >> c) & 1) != 0)
                {
                    return i;
                }
            }
        }

        return -1;
    }

    /// <summary>
    /// Appends to <paramref name="findings"/> every damaged span of <paramref name="text"/>, in order, non-overlapping.
    /// Allocates nothing when the text is clean.
    /// </summary>
    public static void Find(ReadOnlySpan<char> text, List<MojibakeFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        int position = 0;
        while (position < text.Length)
        {
            int hit = IndexOfSuspicious(text[position..]);
            if (hit < 0)
            {
                return;
            }

            hit += position;
            int lineStart = position + text[position..hit].LastIndexOf('\n') + 1;
            int lineEnd = text[hit..].IndexOf('\n');
            lineEnd = lineEnd < 0 ? text.Length : hit + lineEnd;
            if (WorthAnalyzing(text[lineStart..lineEnd]))
            {
                AnalyzeLine(text[lineStart..lineEnd].ToString(), lineStart, findings);
            }

            position = lineEnd + 1;
        }
    }

    /// <summary>
    /// A line is analysed when it holds a loss marker, a '?' next to a non-ASCII character, or two suspicious characters
    /// close together: every chain turns text into runs where most characters are suspicious, while clean text has at
    /// most a rare character here and there.
    /// </summary>
    private static bool WorthAnalyzing(ReadOnlySpan<char> line)
    {
        ulong[] bits = s_suspicious;
        int last = int.MinValue / 2;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if ((bits[c >> 6] & (1UL << c)) == 0)
            {
                continue;
            }

            if (c is '\uFFFD' or '\u951F' || (c is '\u70EB' or '\u5C6F' && i + 1 < line.Length && line[i + 1] == c))
            {
                return true;
            }

            if (c == '?')
            {
                if ((i > 0 && line[i - 1] >= 0x80) || (i + 1 < line.Length && line[i + 1] >= 0x80))
                {
                    return true;
                }

                continue;
            }

            if (c is not ('\u70EB' or '\u5C6F'))
            {
                int annotationEnd = PinyinAnnotationEnd(line, i);
                if (annotationEnd > 0)
                {
                    // A tone-marked syllable in parentheses after a Han character is a pinyin annotation: no chain
                    // turns CJK text into a valid syllable between ASCII parentheses.
                    i = annotationEnd;
                    continue;
                }

                if (i - last <= 5 || (c >= '\u2E80' && LooksLikeUtf8InGbk(line, i)))
                {
                    return true;
                }

                last = i;
            }
        }

        return false;
    }

    /// <summary>
    /// When the character at <paramref name="i"/> lies inside a pinyin annotation — one syllable (letters with a tone
    /// mark) in ASCII or full-width parentheses right after a Han character, as in "\u8BC4(p\u00EDng)" — the index of
    /// the closing parenthesis, else -1.
    /// </summary>
    private static int PinyinAnnotationEnd(ReadOnlySpan<char> line, int i)
    {
        if (!Analysis.Pinyin.IsSyllableChar(line[i]))
        {
            return -1;
        }

        int start = i;
        while (start > 0 && Analysis.Pinyin.IsSyllableChar(line[start - 1]))
        {
            start--;
        }

        int end = i + 1;
        while (end < line.Length && Analysis.Pinyin.IsSyllableChar(line[end]))
        {
            end++;
        }

        if (start < 2 || end >= line.Length || end - start > Analysis.Pinyin.MaxKeyLength
            || line[start - 1] is not ('(' or '\uFF08') || line[end] is not (')' or '\uFF09')
            || !Plausibility.IsHan(line[start - 2]))
        {
            return -1;
        }

        Span<char> key = stackalloc char[Analysis.Pinyin.MaxKeyLength];
        return Analysis.Pinyin.TryParse(line[start..end], key, out _, out _) ? end : -1;
    }

    /// <summary>
    /// True when the characters around <paramref name="i"/>, encoded as GBK, hold two consecutive three-byte UTF-8
    /// sequences: the signature of UTF-8 read as GBK, whose output is often mostly common characters.
    /// </summary>
    private static bool LooksLikeUtf8InGbk(ReadOnlySpan<char> line, int i)
    {
        CodePage gbk = CodePage.Gbk;
        Span<byte> bytes = stackalloc byte[24];
        int n = 0;
        int start = Math.Max(0, i - 4);
        int end = Math.Min(line.Length, i + 5);
        for (int k = start; k < end; k++)
        {
            int written = gbk.Encode(line[k], bytes[n..]);
            if (written == 0)
            {
                bytes[n] = 0;
                written = 1;
            }

            n += written;
        }

        for (int p = 0; p + 6 <= n; p++)
        {
            if (IsThreeByteUtf8(bytes[p..]) && IsThreeByteUtf8(bytes[(p + 3)..]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsThreeByteUtf8(ReadOnlySpan<byte> b) =>
        b.Length >= 3 && b[0] is >= 0xE1 and <= 0xEF and not 0xED && b[1] is >= 0x80 and <= 0xBF && b[2] is >= 0x80 and <= 0xBF;

    /// <summary>Applies <see cref="Find"/>; returns the same instance when nothing changes.</summary>
    public static string Repair(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var findings = new List<MojibakeFinding>();
        Find(text, findings);
        return Apply(text, findings);
    }

    internal static string Apply(string text, List<MojibakeFinding> findings)
    {
        bool changed = false;
        foreach (MojibakeFinding f in findings)
        {
            changed |= f.Replacement is not null;
        }

        if (!changed)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        int last = 0;
        foreach (MojibakeFinding f in findings)
        {
            if (f.Replacement is null)
            {
                continue;
            }

            sb.Append(text, last, f.Start - last).Append(f.Replacement);
            last = f.Start + f.Length;
        }

        return sb.Append(text, last, text.Length - last).ToString();
    }

    private static void AnalyzeLine(string line, int offset, List<MojibakeFinding> findings)
    {
        var candidates = new List<Candidate>();
        Collect(line, candidates, depth: 0);
        List<Candidate> chosen = Choose(candidates);
        int first = findings.Count;
        foreach (Candidate c in chosen)
        {
            findings.Add(new MojibakeFinding(offset + c.Start, c.Length, c.Replacement, c.Chain, c.Lossy));
        }

        LossMarkers(line, offset, chosen, findings);
        findings.Sort(first, findings.Count - first, Comparer<MojibakeFinding>.Create((a, b) => a.Start.CompareTo(b.Start)));
    }

    private static void Collect(string line, List<Candidate> candidates, int depth)
    {
        SingleByteCandidates(line, CodePage.Windows1252, candidates, depth);
        SingleByteCandidates(line, CodePage.Cp437, candidates, depth);
        if (depth > 0)
        {
            // Inner layers: only UTF-8 read as GBK or Big5 is common enough under another layer to be trusted.
            DoubleByteCandidates(line, CodePage.Gbk, [Source.Utf8], candidates, depth);
            DoubleByteCandidates(line, CodePage.Gb18030, [Source.Utf8], candidates, depth);
            DoubleByteCandidates(line, CodePage.Big5, [Source.Utf8], candidates, depth);
            return;
        }

        DoubleByteCandidates(line, CodePage.Gbk, [Source.Utf8, Source.Big5], candidates, depth);
        DoubleByteCandidates(line, CodePage.Gb18030, [Source.Utf8], candidates, depth);
        DoubleByteCandidates(line, CodePage.Big5, [Source.Utf8, Source.Gbk], candidates, depth);
        DoubleByteCandidates(line, CodePage.ShiftJis, [Source.Gbk, Source.Big5], candidates, depth);
        DoubleByteCandidates(line, CodePage.EucKr, [Source.Gbk, Source.Big5], candidates, depth);
        Utf16Candidates(line, candidates);
    }

    private static List<Candidate> Choose(List<Candidate> candidates)
    {
        candidates.Sort((a, b) => b.Gain != a.Gain ? b.Gain.CompareTo(a.Gain) : b.Length.CompareTo(a.Length));
        var chosen = new List<Candidate>();
        foreach (Candidate c in candidates)
        {
            bool overlaps = false;
            foreach (Candidate k in chosen)
            {
                if (c.Start < k.Start + k.Length && k.Start < c.Start + c.Length)
                {
                    overlaps = true;
                    break;
                }
            }

            if (!overlaps)
            {
                chosen.Add(c);
            }
        }

        chosen.Sort((a, b) => a.Start.CompareTo(b.Start));
        return chosen;
    }

    /// <summary>
    /// Undoes further layers of damage inside an already decoded piece (doubled or tripled mojibake, or one chain
    /// under another) and returns the fully repaired text with the names of the inner layers.
    /// </summary>
    private static (string Text, string? Inner, bool Lossy) Peel(string decoded, int depth)
    {
        if (depth + 1 >= MaxLayers || IndexOfSuspicious(decoded) < 0)
        {
            return (decoded, null, false);
        }

        var candidates = new List<Candidate>();
        Collect(decoded, candidates, depth + 1);
        List<Candidate> chosen = Choose(candidates);
        if (chosen.Count == 0)
        {
            return (decoded, null, false);
        }

        var sb = new StringBuilder(decoded.Length);
        int last = 0;
        bool lossy = false;
        string? inner = null;
        foreach (Candidate c in chosen)
        {
            sb.Append(decoded, last, c.Start - last).Append(c.Replacement);
            last = c.Start + c.Length;
            lossy |= c.Lossy;
            inner ??= c.Chain;
        }

        return (sb.Append(decoded, last, decoded.Length - last).ToString(), inner, lossy);
    }

    /// <summary>Decides on a candidate: full repair (with inner layers), its gain, or null when not plausible enough.</summary>
    private static Candidate? Judge(string line, int start, int length, string decoded, string chain, bool lossy, int depth, bool needsBigrams)
    {
        (string text, string? inner, bool innerLossy) = needsBigrams ? (decoded, null, false) : Peel(decoded, depth);
        ReadOnlySpan<char> before = line.AsSpan(start, length);
        if (text.AsSpan().SequenceEqual(before))
        {
            return null;
        }

        foreach (char c in text)
        {
            int score = Plausibility.CharScore(c);
            bool unlikely = c is (>= '\u0590' and < '\u0900') or (>= '\u2500' and < '\u25A0') or (>= '\uFF61' and < '\uFFA0');
            if ((score <= -5 || (!needsBigrams && unlikely)) && !(c is '\r' or '\n' or '\t'))
            {
                // Right-to-left scripts, box drawing and half-width katakana are what mojibake looks like, not what
                // undoing it gives.
                return null;
            }
        }

        (int han, int common, int pairs, int bigrams) = Plausibility.HanStatistics(text);
        if (han > 0 && common * 10 < han * 6)
        {
            return null;
        }

        if (needsBigrams && (han < 4 || pairs < 3 || bigrams < 2 || bigrams * (pairs < 8 ? 3 : 8) < pairs))
        {
            return null;
        }

        int gain = Plausibility.Score(text) - Plausibility.Score(before);
        if (gain < MinGain)
        {
            return null;
        }

        string name = inner is null ? chain : inner + ", then " + chain;
        return new Candidate(start, length, text, name, lossy || innerLossy || text.Contains('\uFFFD', StringComparison.Ordinal), gain);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Single-byte readers: UTF-8 or GBK read as windows-1252 / Latin-1 / cp437.

    private static void SingleByteCandidates(string line, CodePage page, List<Candidate> candidates, int depth)
    {
        int i = 0;
        var bytes = new List<int>();
        while (i < line.Length)
        {
            if (!page.CanEncode(line[i]))
            {
                i++;
                continue;
            }

            int start = i;
            bool nonAscii = false;
            while (i < line.Length && page.CanEncode(line[i]))
            {
                nonAscii |= line[i] >= 0x80;
                i++;
            }

            if (!nonAscii)
            {
                continue;
            }

            bytes.Clear();
            for (int k = start; k < i; k++)
            {
                page.Encode(line[k], bytes);
            }

            string readerName = page == CodePage.Windows1252 ? (HasC1(line.AsSpan(start, i - start)) ? "latin-1" : "windows-1252") : page.Name;
            int before = candidates.Count;
            WholePieceInSingleByte(line, start, bytes, readerName, candidates, depth);
            if (candidates.Count == before)
            {
                Utf8InSingleByte(line, start, bytes, readerName, candidates, depth);
                GbkInSingleByte(line, start, bytes, readerName, candidates, depth);
            }
        }
    }

    /// <summary>The whole piece (ASCII included) decoded as UTF-8 or as GBK, when every byte of it is valid.</summary>
    private static void WholePieceInSingleByte(string line, int start, List<int> bytes, string reader, List<Candidate> candidates, int depth)
    {
        int trimStart = 0;
        int trimEnd = bytes.Count;
        while (trimStart < trimEnd && bytes[trimStart] < 0x80)
        {
            trimStart++;
        }

        while (trimEnd > trimStart && bytes[trimEnd - 1] < 0x80)
        {
            trimEnd--;
        }

        if (trimEnd - trimStart < 2)
        {
            return;
        }

        var sb = new StringBuilder();
        bool valid = true;
        Span<int> seq = stackalloc int[4];
        for (int i = trimStart; i < trimEnd;)
        {
            int b = bytes[i];
            if (b < 0x80)
            {
                sb.Append((char)b);
                i++;
                continue;
            }

            int need = b is >= 0xC2 and <= 0xDF ? 1 : b is >= 0xE0 and <= 0xEF ? 2 : b is >= 0xF0 and <= 0xF4 ? 3 : -1;
            if (need < 0 || i + need >= trimEnd)
            {
                valid = false;
                break;
            }

            seq[0] = b;
            for (int k = 1; k <= need; k++)
            {
                int c = bytes[i + k];
                seq[k] = c == 0x20 ? 0xA0 : c;
            }

            if (!TryDecodeUtf8(seq[..(need + 1)], out int scalar))
            {
                valid = false;
                break;
            }

            sb.Append(char.ConvertFromUtf32(scalar));
            i += need + 1;
        }

        if (valid && Judge(line, start + trimStart, trimEnd - trimStart, sb.ToString(), "utf-8 decoded as " + reader, lossy: false, depth, needsBigrams: false) is { } u)
        {
            candidates.Add(u);
            return;
        }

        CodePage gbk = CodePage.Gbk;
        sb.Clear();
        for (int i = trimStart; i < trimEnd;)
        {
            int b = bytes[i];
            if (b < 0x80)
            {
                sb.Append((char)b);
                i++;
                continue;
            }

            char c = i + 1 < trimEnd ? gbk.DecodeDouble(b, bytes[i + 1]) : '\uFFFF';
            if (c == '\uFFFF')
            {
                return;
            }

            sb.Append(c);
            i += 2;
        }

        if (Judge(line, start + trimStart, trimEnd - trimStart, sb.ToString(), "gbk decoded as " + reader, lossy: false, depth, needsBigrams: false) is { } g
            && Plausibility.HanStatistics(g.Replacement) is var st && (st.Bigrams * 10 >= st.Pairs || (st.Common == st.Han && st.Han >= 2)))
        {
            candidates.Add(g);
        }
    }

    private static bool HasC1(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (c is >= '\u0080' and < '\u00A0')
            {
                return true;
            }
        }

        return false;
    }

    private static void Utf8InSingleByte(string line, int pieceStart, List<int> bytes, string reader, List<Candidate> candidates, int depth)
    {
        int n = bytes.Count;
        int i = 0;
        var decoded = new StringBuilder();
        Span<int> seq = stackalloc int[4];
        while (i < n)
        {
            if (bytes[i] < 0x80)
            {
                i++;
                continue;
            }

            // A run of valid multi-byte sequences (NBSPs that became spaces are put back, dropped invisible bytes
            // are restored when the context decides them, else marked lost).
            int runStart = i;
            decoded.Clear();
            bool lossy = false;
            int multi = 0;
            var dropped = new List<(int Index, List<char> Options)>();
            while (i < n && bytes[i] >= 0xC2 && bytes[i] <= 0xF4)
            {
                int need = bytes[i] < 0xE0 ? 1 : bytes[i] < 0xF0 ? 2 : 3;
                seq[0] = bytes[i];
                int j = i + 1;
                int got = 0;
                while (got < need && j < n)
                {
                    int b = bytes[j];
                    if (b == 0x20 && j + 1 <= n)
                    {
                        b = 0xA0;
                    }

                    if (b is < 0x80 or > 0xBF)
                    {
                        break;
                    }

                    seq[1 + got] = b;
                    got++;
                    j++;
                }

                if (got == need && TryDecodeUtf8(seq[..(need + 1)], out int scalar))
                {
                    decoded.Append(char.ConvertFromUtf32(scalar));
                    multi++;
                    i = j;
                    continue;
                }

                if (got == need - 1 && need >= 2)
                {
                    // A byte that windows-1252 shows as an invisible C1 control was dropped: decided below from context.
                    dropped.Add((decoded.Length, reader == "windows-1252" ? DroppedByteOptions(seq[..(got + 1)], need) : []));
                    decoded.Append('\uFFFD');
                    multi++;
                    i = j;
                    continue;
                }

                break;
            }

            foreach ((int index, List<char> options) in dropped)
            {
                char chosen = ChooseInContext(decoded, index, options);
                decoded[index] = chosen;
                lossy |= chosen == '\uFFFD';
            }

            if (multi > 0)
            {
                string text = decoded.ToString();
                string chain = "utf-8 decoded as " + reader;
                if (Judge(line, pieceStart + runStart, i - runStart, text, chain, lossy, depth, needsBigrams: false) is { } c)
                {
                    candidates.Add(c);
                }
            }

            if (i == runStart)
            {
                i++;
            }
        }
    }

    /// <summary>
    /// The characters a UTF-8 sequence missing one continuation byte can be, when the missing byte is one that a
    /// windows-1252 reader turns into an invisible C1 control that was then dropped (0x81, 0x8D, 0x8F, 0x90, 0x9D).
    /// </summary>
    private static List<char> DroppedByteOptions(ReadOnlySpan<int> partial, int need)
    {
        ReadOnlySpan<int> invisible = [0x81, 0x8D, 0x8F, 0x90, 0x9D];
        Span<int> seq = stackalloc int[4];
        var options = new List<char>();
        for (int at = 1; at <= need; at++)
        {
            foreach (int b in invisible)
            {
                int k = 0;
                for (int p = 0; p <= need; p++)
                {
                    seq[p] = p == at ? b : partial[k++];
                }

                if (TryDecodeUtf8(seq[..(need + 1)], out int scalar) && scalar <= 0xFFFF && !options.Contains((char)scalar))
                {
                    options.Add((char)scalar);
                }
            }
        }

        return options;
    }

    /// <summary>
    /// Picks the option that fits its neighbours best (character class, phrase bigrams, a closing bracket for an open
    /// one); U+FFFD when no option stands out, so that nothing is invented.
    /// </summary>
    private static char ChooseInContext(StringBuilder decoded, int index, List<char> options)
    {
        char previous = index > 0 ? decoded[index - 1] : '\0';
        char next = index + 1 < decoded.Length ? decoded[index + 1] : '\0';
        int best = int.MinValue;
        int second = int.MinValue;
        char chosen = '\uFFFD';
        foreach (char c in options)
        {
            int score = Plausibility.CharScore(c);
            score += IsBigramPair(previous, c) ? 4 : 0;
            score += IsBigramPair(c, next) ? 4 : 0;
            score += ClosesOpenBracket(decoded, index, c) ? 4 : 0;
            if (score > best)
            {
                (second, best, chosen) = (best, score, c);
            }
            else if (score > second)
            {
                second = score;
            }
        }

        return best >= 4 && best > second ? chosen : '\uFFFD';
    }

    private static bool ClosesOpenBracket(StringBuilder decoded, int index, char c)
    {
        const string Open = "\u300C\u300E\u3010\u3014\u300A\u3008\uFF08";
        const string Close = "\u300D\u300F\u3011\u3015\u300B\u3009\uFF09";
        int kind = Close.IndexOf(c, StringComparison.Ordinal);
        if (kind < 0)
        {
            return false;
        }

        int depth = 0;
        for (int k = index - 1; k >= 0; k--)
        {
            if (decoded[k] == Close[kind])
            {
                depth++;
            }
            else if (decoded[k] == Open[kind] && depth-- == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryDecodeUtf8(ReadOnlySpan<int> seq, out int scalar)
    {
        Span<byte> b = stackalloc byte[4];
        for (int i = 0; i < seq.Length; i++)
        {
            b[i] = (byte)seq[i];
        }

        OperationStatus status = Rune.DecodeFromUtf8(b[..seq.Length], out Rune rune, out int consumed);
        scalar = rune.Value;
        return status == OperationStatus.Done && consumed == seq.Length;
    }

    private static void GbkInSingleByte(string line, int pieceStart, List<int> bytes, string reader, List<Candidate> candidates, int depth)
    {
        CodePage gbk = CodePage.Gbk;
        int n = bytes.Count;
        int i = 0;
        var decoded = new StringBuilder();
        while (i < n)
        {
            if (bytes[i] < 0x81)
            {
                i++;
                continue;
            }

            int runStart = i;
            decoded.Clear();
            while (i + 1 < n && bytes[i] >= 0x81)
            {
                char c = gbk.DecodeDouble(bytes[i], bytes[i + 1]);
                if (c == '\uFFFF')
                {
                    break;
                }

                decoded.Append(c);
                i += 2;
            }

            if (decoded.Length >= 2)
            {
                if (Judge(line, pieceStart + runStart, i - runStart, decoded.ToString(), "gbk decoded as " + reader, lossy: false, depth, needsBigrams: true) is { } c)
                {
                    candidates.Add(c);
                }
            }

            if (i == runStart)
            {
                i++;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Double-byte readers: UTF-8, GBK or Big5 read as GBK / Big5 / Shift-JIS / EUC-KR.

    private static void DoubleByteCandidates(string line, CodePage reader, Source[] sources, List<Candidate> candidates, int depth)
    {
        var bytes = new List<int>();
        var charStarts = new List<int>();
        int i = 0;
        while (i < line.Length)
        {
            if (!InDoubleBytePiece(reader, line[i], first: true))
            {
                i++;
                continue;
            }

            int start = i;
            bool suspicious = false;
            int end = i;
            while (i < line.Length && InDoubleBytePiece(reader, line[i], first: i == start))
            {
                char c = line[i];
                suspicious |= (s_suspicious[c >> 6] & (1UL << c)) != 0 && c != '?';
                i++;
                if (c >= 0x80 || (c == '?' && line[i - 2] >= 0x80))
                {
                    end = i;
                }
            }

            if (end < line.Length && line[end] is >= '\u0040' and <= '\u007E' && end > start)
            {
                // A trailing ASCII byte may be the trail byte of the last character (Big5 "\u3002" is A1 43).
                end++;
            }

            i = end;
            if (!suspicious)
            {
                continue;
            }

            bytes.Clear();
            charStarts.Clear();
            bool previousMarker = false;
            for (int k = start; k < i; k++)
            {
                charStarts.Add(bytes.Count);
                char c = line[k];
                bool marker = c is '?' or '\uFFFD' && k > start && ((line[k - 1] >= 0x80 && line[k - 1] != '\uFFFD') || previousMarker);
                previousMarker = marker;
                if (marker)
                {
                    // .NET's double-byte decoders turn a lead byte and an invalid trail (an ASCII byte below 0x40)
                    // into one '?' (or U+FFFD with a replacement fallback); at the end of the text only the lead byte
                    // is lost.
                    // Big5's decoder swallows any byte after an invalid lead; GBK's only ASCII below 0x40.
                    bytes.Add(LostByte);
                    if (k + 1 < line.Length || k + 1 < i)
                    {
                        bytes.Add(reader == CodePage.Big5 ? LostByte : LostAscii);
                    }
                }
                else if (c == '\uFFFD')
                {
                    bytes.Add(LostByte);
                }
                else
                {
                    reader.Encode(c, bytes);
                }
            }

            charStarts.Add(bytes.Count);
            foreach (Source source in sources)
            {
                if (source == Source.Utf8)
                {
                    Utf8InDoubleByte(line, start, bytes, charStarts, reader, candidates, depth);
                }
                else
                {
                    DoubleInDoubleByte(line, start, bytes, charStarts, reader, source, candidates, depth);
                }
            }
        }
    }

    private static bool InDoubleBytePiece(CodePage reader, char c, bool first) =>
        c >= 0x80 ? (c < 0x250 ? reader.IsDoubleByteChar(c) : reader.CanEncode(c)) || c == '\uFFFD' : !first && c >= ' ';

    private static void Utf8InDoubleByte(string line, int pieceStart, List<int> bytes, List<int> charStarts, CodePage reader, List<Candidate> candidates, int depth)
    {
        int chars = charStarts.Count - 1;
        int k = 0;
        var decoded = new StringBuilder();
        string chain = "utf-8 decoded as " + reader.Name;
        while (k < chars)
        {
            // Decode from the start of character k for as long as UTF-8 stays valid; keep the longest stretch that
            // ends where both a character of the garbled text and a UTF-8 sequence end. A two-byte sequence (Latin,
            // Greek, Cyrillic) next to CJK is often the clean text beside the garbled piece (two GBK bytes that happen
            // to pair up), so the stretch is also judged without it, and it may not start one outside a Latin word.
            int pos = charStarts[k];
            if (bytes[pos] is >= 0xC2 and <= 0xDF && pieceStart + k > 0 && !char.IsAsciiLetter(line[pieceStart + k - 1]))
            {
                k++;
                continue;
            }

            decoded.Clear();
            int bestEnd = -1, bestLength = 0, bestMulti = 0;
            bool lossy = false, bestLossy = false;
            int cleanEnd = -1, cleanLength = 0, cleanMulti = 0;
            bool cleanLossy = false, sawOddTwoByte = false;
            int multi = 0;
            int nextChar = k + 1;
            while (pos < bytes.Count)
            {
                int lengthBefore = decoded.Length;
                int consumed = DecodeOneUtf8(bytes, pos, decoded, out bool lost, out bool ok);
                if (!ok)
                {
                    break;
                }

                lossy |= lost;
                if (bytes[pos] is >= 0x80 or LostByte)
                {
                    multi++;
                }

                if (bytes[pos] is >= 0xC2 and <= 0xDF && !(lengthBefore > 0 && (char.IsAsciiLetter(decoded[lengthBefore - 1]) || decoded[lengthBefore - 1] is >= '\u0080' and < '\u0800')))
                {
                    sawOddTwoByte = true;
                }

                pos += consumed;
                while (nextChar <= chars && charStarts[nextChar] < pos)
                {
                    nextChar++;
                }

                if (nextChar <= chars && charStarts[nextChar] == pos)
                {
                    bestEnd = nextChar;
                    bestLength = decoded.Length;
                    bestLossy = lossy;
                    bestMulti = multi;
                    if (!sawOddTwoByte)
                    {
                        (cleanEnd, cleanLength, cleanLossy, cleanMulti) = (bestEnd, bestLength, bestLossy, bestMulti);
                    }
                }
            }

            if (multi == 0)
            {
                // Only single ASCII bytes decoded before the break: decoding from any character up to it reads a
                // suffix of the same bytes, breaks at the same place and has nothing to judge either.
                k = Math.Max(k + 1, nextChar);
                continue;
            }

            Candidate? best = null;
            if (bestEnd > k && bestMulti > 0)
            {
                best = Judge(line, pieceStart + k, bestEnd - k, decoded.ToString(0, bestLength), chain, bestLossy, depth, needsBigrams: false);
            }

            if (cleanEnd > k && cleanEnd != bestEnd && cleanMulti > 0
                && Judge(line, pieceStart + k, cleanEnd - k, decoded.ToString(0, cleanLength), chain, cleanLossy, depth, needsBigrams: false) is { } clean
                && (best is null || clean.Gain >= best.Value.Gain))
            {
                best = clean;
            }

            if (best is { } c)
            {
                candidates.Add(c);
                k = c.Start + c.Length - pieceStart;
                continue;
            }

            k++;
        }
    }

    /// <summary>
    /// Decodes one UTF-8 sequence at <paramref name="pos"/>, where some bytes may be lost (wildcards). Lost or partly
    /// lost characters become U+FFFD. Returns the bytes consumed; <paramref name="ok"/> is false on an invalid known byte.
    /// </summary>
    private static int DecodeOneUtf8(List<int> bytes, int pos, StringBuilder decoded, out bool lost, out bool ok)
    {
        int b0 = bytes[pos];
        lost = false;
        ok = true;
        if (b0 == LostAscii)
        {
            lost = true;
            decoded.Append('\uFFFD');
            return 1;
        }

        if (b0 is >= 0 and < 0x80)
        {
            decoded.Append((char)b0);
            return 1;
        }

        if (b0 == LostByte)
        {
            // A lost lead or continuation byte: it takes the continuation bytes that follow it.
            int j = pos + 1;
            while (j < bytes.Count && j - pos < 4 && bytes[j] is (>= 0x80 and <= 0xBF) or LostByte)
            {
                j++;
            }

            lost = true;
            decoded.Append('\uFFFD');
            return j - pos;
        }

        int need = b0 is >= 0xC2 and <= 0xDF ? 1 : b0 is >= 0xE0 and <= 0xEF ? 2 : b0 is >= 0xF0 and <= 0xF4 ? 3 : -1;
        if (need < 0)
        {
            ok = false;
            return 0;
        }

        Span<int> seq = stackalloc int[4];
        seq[0] = b0;
        int got = 0;
        while (got < need && pos + 1 + got < bytes.Count)
        {
            int b = bytes[pos + 1 + got];
            if (b == LostByte)
            {
                lost = true;
            }
            else if (b is < 0x80 or > 0xBF)
            {
                break;
            }

            seq[1 + got] = b;
            got++;
        }

        if (got < need)
        {
            if (got < need && pos + 1 + got < bytes.Count && bytes[pos + 1 + got] == LostAscii)
            {
                // The sequence's last byte was the lead byte lost with a swallowed ASCII byte.
                lost = true;
                decoded.Append('\uFFFD');
                return 1 + got;
            }

            ok = false;
            return 0;
        }

        if (lost)
        {
            decoded.Append('\uFFFD');
            return 1 + need;
        }

        if (!TryDecodeUtf8(seq[..(need + 1)], out int scalar))
        {
            ok = false;
            return 0;
        }

        decoded.Append(char.ConvertFromUtf32(scalar));
        return 1 + need;
    }

    private static void DoubleInDoubleByte(string line, int pieceStart, List<int> bytes, List<int> charStarts, CodePage reader, Source source, List<Candidate> candidates, int depth)
    {
        CodePage writer = source == Source.Gbk ? CodePage.Gbk : CodePage.Big5;
        int chars = charStarts.Count - 1;
        var decoded = new StringBuilder();
        int k = 0;
        while (k < chars)
        {
            int pos = charStarts[k];
            decoded.Clear();
            int bestEnd = -1;
            int bestLength = 0;
            int nextChar = k + 1;
            bool aligned = true;
            while (pos < bytes.Count)
            {
                int b = bytes[pos];
                if (b < 0)
                {
                    break;
                }

                int before = nextChar;
                char single = b < 0x80 ? (char)b : writer.DecodeSingle(b);
                char c = pos + 1 < bytes.Count ? writer.DecodeDouble(b, bytes[pos + 1]) : '\uFFFF';
                if (c != '\uFFFF')
                {
                    decoded.Append(c);
                    pos += 2;
                }
                else if (single != '\uFFFF' && b < 0x80)
                {
                    decoded.Append(single);
                    pos++;
                }
                else
                {
                    break;
                }

                while (nextChar <= chars && charStarts[nextChar] < pos)
                {
                    nextChar++;
                }

                if (nextChar <= chars && charStarts[nextChar] == pos)
                {
                    aligned &= nextChar == before;
                    bestEnd = nextChar;
                    bestLength = decoded.Length;
                    nextChar++;
                }
                else
                {
                    aligned = false;
                }
            }

            if (bestEnd > k && bestLength >= 2)
            {
                string chain = writer.Name + " decoded as " + reader.Name;
                // Garbled range [k + from, k + to) and decoded range [dFrom, dTo).
                int from = 0, to = bestEnd - k, dFrom = 0, dTo = bestLength;
                if (aligned && bestLength == bestEnd - k)
                {
                    // One decoded character per garbled character: keep the stretch where decoding gains the most
                    // (a garbled sentence inside clean text of the same code page).
                    (from, to) = BestSegment(line.AsSpan(pieceStart + k, bestEnd - k), decoded.ToString(0, bestLength));
                    (dFrom, dTo) = (from, to);
                }

                if (dTo - dFrom >= 2
                    && Judge(line, pieceStart + k + from, to - from, decoded.ToString(dFrom, dTo - dFrom), chain, lossy: false, depth, needsBigrams: true) is { } cand)
                {
                    candidates.Add(cand);
                    k += to;
                    continue;
                }
            }

            // Decoding restarts only at a boundary the garbled text gives (after an invalid pair or ASCII).
            k = bestEnd > k ? bestEnd : k + 1;
        }
    }

    /// <summary>The segment [From, To) of aligned garbled/decoded text where decoding gains the most plausibility.</summary>
    private static (int From, int To) BestSegment(ReadOnlySpan<char> garbled, string decoded)
    {
        Span<int> gains = decoded.Length <= 256 ? stackalloc int[decoded.Length] : new int[decoded.Length];
        for (int i = 0; i < decoded.Length; i++)
        {
            gains[i] = Plausibility.CharScore(decoded[i]) - Plausibility.CharScore(garbled[i]);
            if (i > 0)
            {
                gains[i] += 3 * ((IsBigramPair(decoded[i - 1], decoded[i]) ? 1 : 0) - (IsBigramPair(garbled[i - 1], garbled[i]) ? 1 : 0));
            }
        }

        int best = int.MinValue;
        int bestFrom = 0;
        int bestTo = 0;
        int sum = 0;
        int from = 0;
        for (int i = 0; i < gains.Length; i++)
        {
            if (sum <= 0)
            {
                sum = 0;
                from = i;
            }

            sum += gains[i];
            if (sum > best)
            {
                (best, bestFrom, bestTo) = (sum, from, i + 1);
            }
        }

        // Characters that decode to themselves (ASCII) stay with the segment; so does a character that gains nothing
        // either way right after a clause boundary (punctuation, ASCII, start), where a garbled sentence starts.
        while (bestFrom > 0 && garbled[bestFrom - 1] == decoded[bestFrom - 1])
        {
            bestFrom--;
        }

        if (bestFrom > 0 && gains[bestFrom - 1] == 0 && (bestFrom == 1 || !Plausibility.IsHan(garbled[bestFrom - 2])))
        {
            bestFrom--;
        }

        while (bestTo < gains.Length && garbled[bestTo] == decoded[bestTo])
        {
            bestTo++;
        }

        return (bestFrom, bestTo);
    }

    private static bool IsBigramPair(char a, char b) => Plausibility.IsHan(a) && Plausibility.IsHan(b) && Plausibility.IsBigram(a, b);

    // ---------------------------------------------------------------------------------------------------------
    // ASCII read as UTF-16: each character is two ASCII bytes.

    private static void Utf16Candidates(string line, List<Candidate> candidates)
    {
        int i = 0;
        while (i < line.Length)
        {
            if (!IsAsciiPair(line[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < line.Length && IsAsciiPair(line[i]))
            {
                i++;
            }

            int end = i;
            bool lostLast = end < line.Length && line[end] == '\uFFFD';
            if (end - start < 3)
            {
                continue;
            }

            (int han, int common, _, _) = Plausibility.HanStatistics(line.AsSpan(start, end - start));
            if (common * 2 >= han)
            {
                continue;
            }

            string le = Utf16Bytes(line, start, end, littleEndian: true, lostLast);
            string be = Utf16Bytes(line, start, end, littleEndian: false, lostLast);
            int leHits = EnglishBigrams(le);
            int beHits = EnglishBigrams(be);
            string text = leHits >= beHits ? le : be;
            if (Math.Max(leHits, beHits) < 2 || leHits == beHits || !WordLike(text))
            {
                continue;
            }

            int length = end - start + (lostLast ? 1 : 0);
            int gain = Plausibility.Score(text) - Plausibility.Score(line.AsSpan(start, length));
            if (gain >= MinGain)
            {
                candidates.Add(new Candidate(start, length, text, leHits >= beHits ? "ascii decoded as utf-16le" : "ascii decoded as utf-16be", lostLast, gain));
            }
        }
    }

    private static string Utf16Bytes(string line, int start, int end, bool littleEndian, bool lostLast)
    {
        var sb = new StringBuilder((end - start) * 2 + 1);
        for (int k = start; k < end; k++)
        {
            char lo = (char)(line[k] & 0xFF);
            char hi = (char)(line[k] >> 8);
            sb.Append(littleEndian ? lo : hi).Append(littleEndian ? hi : lo);
        }

        if (lostLast)
        {
            sb.Append('\uFFFD');
        }

        return sb.ToString();
    }

    /// <summary>Printable ASCII that reads like words: mostly letters, few stray capitals inside words.</summary>
    private static bool WordLike(string text)
    {
        int letters = 0;
        int printable = 0;
        int caseBreaks = 0;
        for (int k = 0; k < text.Length; k++)
        {
            char c = text[k];
            letters += char.IsAsciiLetter(c) ? 1 : 0;
            printable += char.IsAsciiLetterOrDigit(c) || c is ' ' or '.' or ',' or ':' or ';' or '/' or '-' or '(' or ')' or '\'' or '"' or '=' or '_' ? 1 : 0;
            caseBreaks += k > 0 && char.IsAsciiLetterLower(text[k - 1]) && char.IsAsciiLetterUpper(c) ? 1 : 0;
        }

        return printable * 10 >= text.Length * 9 && letters * 2 >= text.Length && letters >= 4 && caseBreaks * 10 <= letters;
    }

    /// <summary>How many of the most frequent English letter pairs the text holds (to tell byte orders apart).</summary>
    private static int EnglishBigrams(string text)
    {
        const string Frequent = "th he in er an re on at en nd ti es or te of ed is it al ar st to nt ng se ha as ou io le ve co me de hi ri ro ic ne ea ra ce";
        int hits = 0;
        for (int k = 1; k < text.Length; k++)
        {
            char a = char.ToLowerInvariant(text[k - 1]);
            char b = char.ToLowerInvariant(text[k]);
            if (char.IsAsciiLetter(a) && char.IsAsciiLetter(b))
            {
                for (int f = 0; f < Frequent.Length; f += 3)
                {
                    if (Frequent[f] == a && Frequent[f + 1] == b)
                    {
                        hits++;
                        break;
                    }
                }
            }
        }

        return hits;
    }

    private static bool IsAsciiPair(char c)
    {
        int lo = c & 0xFF;
        int hi = c >> 8;
        return hi is >= 0x20 and < 0x7F && lo is (>= 0x20 and < 0x7F) or '\n' or '\r';
    }

    // ---------------------------------------------------------------------------------------------------------
    // Loss markers: damage that cannot be undone, reported (and replaced only where the replacement is exact).

    private static void LossMarkers(string line, int offset, List<Candidate> chosen, List<MojibakeFinding> findings)
    {
        int i = 0;
        while (i < line.Length)
        {
            int covered = CoveredUntil(chosen, i);
            if (covered > i)
            {
                i = covered;
                continue;
            }

            char c = line[i];
            if (c == '\u951F' && MatchKunJinKao(line, i) is var kao and > 0)
            {
                // "锟斤拷": the UTF-8 bytes of U+FFFD U+FFFD read as GBK; the exact undo is the two U+FFFD.
                findings.Add(new MojibakeFinding(offset + i, kao, new string('\uFFFD', kao / 3 * 2), "utf-8 decoded as gbk", Lossy: true));
                i += kao;
                continue;
            }

            if (c is '\u70EB' or '\u5C6F')
            {
                int j = i;
                while (j < line.Length && line[j] == c)
                {
                    j++;
                }

                if (j - i >= 3)
                {
                    string chain = c == '\u70EB' ? "uninitialized stack bytes (0xCC) decoded as gbk" : "uninitialized heap bytes (0xCD) decoded as gbk";
                    findings.Add(new MojibakeFinding(offset + i, j - i, null, chain, Lossy: true));
                }

                i = j;
                continue;
            }

            if (c == '\uFFFD')
            {
                int j = i;
                while (j < line.Length && line[j] == '\uFFFD')
                {
                    j++;
                }

                findings.Add(new MojibakeFinding(offset + i, j - i, null, "replacement character", Lossy: true));
                i = j;
                continue;
            }

            if (c == '?')
            {
                int j = i;
                while (j < line.Length && line[j] == '?')
                {
                    j++;
                }

                if (IsSubstitution(line, i, j) || IsDenseSubstitution(line, i, j))
                {
                    findings.Add(new MojibakeFinding(offset + i, j - i, null, "unencodable characters replaced by '?'", Lossy: true));
                }

                i = j;
                continue;
            }

            i++;
        }
    }

    private static int CoveredUntil(List<Candidate> chosen, int i)
    {
        foreach (Candidate c in chosen)
        {
            if (i >= c.Start && i < c.Start + c.Length)
            {
                return c.Start + c.Length;
            }
        }

        return i;
    }

    private static int MatchKunJinKao(string line, int i)
    {
        int j = i;
        while (j + 2 < line.Length && line[j] == '\u951F' && line[j + 1] == '\u65A4' && line[j + 2] == '\u62F7')
        {
            j += 3;
        }

        return j - i;
    }

    /// <summary>
    /// '?' written by an encoder for characters its code page lacks: a run of three or more next to CJK text, or of two
    /// inside CJK text where it cannot end a question (not after a question particle). A single '?' is taken for one
    /// only when they are dense (see <see cref="IsDenseSubstitution"/>): full-width question marks turned into ASCII
    /// look the same.
    /// </summary>
    private static bool IsSubstitution(string line, int start, int end)
    {
        char before = start > 0 ? line[start - 1] : '\0';
        if (end - start >= 3)
        {
            return CjkSide(line, start - 1, -1) || CjkSide(line, end, 1);
        }

        return end - start == 2 && Flanked(line, start, end)
            && "\u5417\u5462\u4E48\u5427\u554A\u5440\u55CE\u9EBC\u8AB0\u8C01\u54EA".IndexOf(before, StringComparison.Ordinal) < 0;
    }

    /// <summary>
    /// Single '?' between CJK characters are substitutions when they are dense: another one within four characters,
    /// or three or more in the line (a normalised full-width question mark ends a clause, rarely more than twice a line).
    /// </summary>
    private static bool IsDenseSubstitution(string line, int start, int end)
    {
        if (!Flanked(line, start, end))
        {
            return false;
        }

        int flanked = 0;
        for (int k = 0; k < line.Length; k++)
        {
            if (line[k] != '?' || (k > 0 && line[k - 1] == '?'))
            {
                continue;
            }

            int e = k;
            while (e < line.Length && line[e] == '?')
            {
                e++;
            }

            if (Flanked(line, k, e))
            {
                flanked++;
                if (k != start && Math.Abs(k - start) <= 4)
                {
                    return true;
                }
            }
        }

        return flanked >= 3;
    }

    /// <summary>Both sides of the run are CJK (a bracket or a line boundary is looked through).</summary>
    private static bool Flanked(string line, int start, int end) =>
        (CjkSide(line, start - 1, -1) || start == 0) && (CjkSide(line, end, 1) || end == line.Length) && !(start == 0 && end == line.Length);

    /// <summary>The character at <paramref name="i"/> is CJK, or a bracket with CJK beyond it.</summary>
    private static bool CjkSide(string line, int i, int step)
    {
        if (i < 0 || i >= line.Length)
        {
            return false;
        }

        char c = line[i];
        if (IsCjk(c) || c is (>= '\u3001' and < '\u3040') or (>= '\uFF01' and < '\uFF66'))
        {
            return true;
        }

        int j = i + step;
        bool bracket = c is '[' or ']' or '(' or ')' or '"' or '\u201C' or '\u201D';
        return bracket && (j < 0 || j >= line.Length || IsCjk(line[j]) || (line[j] == ' ' && j + step >= 0 && j + step < line.Length && IsCjk(line[j + step])));
    }

    private static bool IsCjk(char c) => Plausibility.IsHan(c) || c is (>= '\u3040' and < '\u3100') or (>= '\uAC00' and <= '\uD7A3');

    // ---------------------------------------------------------------------------------------------------------
    // Pre-scan tables.

    private static ulong[] BuildSuspicious()
    {
        var bits = new ulong[1024];
        void Mark(int c) => bits[c >> 6] |= 1UL << c;

        // Latin-1 and Latin Extended (products of single-byte readers), but not the separators Chinese uses.
        for (int c = 0x80; c < 0x250; c++)
        {
            if (c is not (0xB7 or 0xD7 or 0xF7))
            {
                Mark(c);
            }
        }

        // Products of windows-1252 and cp437 for high bytes, except punctuation and math that Chinese text uses.
        string usual = "\u2013\u2014\u2018\u2019\u201C\u201D\u2026\u2022\u2264\u2265\u00B1\u221E\u221A\u2248\u00B0\u2229\u2261\u2219\u00B7\u00D7\u00F7\u25A0";
        foreach (CodePage page in new[] { CodePage.Windows1252, CodePage.Cp437 })
        {
            for (int b = 0x80; b < 0x100; b++)
            {
                char c = page.DecodeSingle(b);
                if (c != '\uFFFF' && usual.IndexOf(c, StringComparison.Ordinal) < 0)
                {
                    Mark(c);
                }
            }
        }

        // Han characters outside the common sets (products of double-byte readers), private use, kana, Hangul.
        for (int c = 0x3400; c < 0xFB00; c++)
        {
            if ((Plausibility.IsHan((char)c) && !Plausibility.IsCommonHan((char)c))
                || c is (>= 0xE000 and < 0xF900) or (>= 0x3040 and < 0x3100) or (>= 0xAC00 and <= 0xD7A3))
            {
                Mark(c);
            }
        }

        for (int c = 0xFF61; c < 0xFFA0; c++)
        {
            Mark(c);
        }

        // Symbols of the GBK/Big5 symbol rows that byte pairs of UTF-8 continuation bytes often fall on.
        for (int c = 0x0370; c < 0x0500; c++)
        {
            Mark(c);
        }

        for (int c = 0x3100; c < 0x3130; c++)
        {
            Mark(c);
        }

        for (int c = 0xFE30; c < 0xFE50; c++)
        {
            Mark(c);
        }

        Mark('\u2032');
        Mark('\u2033');
        Mark('\u2035');
        Mark('\u2030');

        // Loss markers.
        Mark('\uFFFD');
        Mark('?');
        Mark('\u70EB');
        Mark('\u5C6F');
        return bits;
    }

    private static char[] BuildPlainAscii()
    {
        var chars = new List<char>();
        for (char c = '\0'; c < '\u0080'; c++)
        {
            if (c != '?')
            {
                chars.Add(c);
            }
        }

        return [.. chars];
    }
}
