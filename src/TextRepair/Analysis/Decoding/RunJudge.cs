using TextRepair.Analysis.Language;
using TextRepair.Internal;

namespace TextRepair.Analysis.Decoding;

/// <summary>
/// Judges a reading of a token run by run. A run is a stretch of consecutive groups the reading changes; it is judged
/// on its own, in its context in the token, so that a long clean line with a few characters a wrong decoder could have
/// produced (pinyin tone letters, a no-break space, a quote) never earns a reading from the sum of many small, spurious
/// gains, while a real mojibake run (one stretch of wrong characters) is judged as a whole. Thread-safe.
/// </summary>
internal static partial class RunJudge
{
    /// <summary>
    /// Fewest bytes (under the wrong decoder of the last layer) a run needs to carry evidence. Two bytes are no
    /// evidence: 16,002 of the 16,384 pairs of high bytes (97.7%) are a valid GBK character, and any two bytes are a
    /// UTF-16 code unit, so a lone character (a Traditional character alone on its line, "á" with its "n", "»¶") decodes
    /// as *some* character by chance. Three bytes are the shortest UTF-8 CJK character, valid by chance for about 3% of
    /// high-byte triples (16 of 128 lead bytes, times (64 of 128 continuation bytes) squared).
    /// </summary>
    public const int MinRunBytes = 3;

    /// <summary>
    /// Judges every run of <paramref name="reading"/>; sets <paramref name="accepted"/>[k] for each group k of the runs
    /// accepted and returns the sum of their gains (0 when none is accepted). With <paramref name="following"/>, the
    /// reading's chain already damaged the line (see <see cref="EncodingDecision.MinFollowGain"/>). Without
    /// <paramref name="exactGain"/>, the same runs are accepted, but an accepted run adds only the least gain it needed
    /// (its input is scored only until it is known to fall far enough under the reading): for callers that ask whether
    /// a reading restores anything, not how much. <paramref name="utf8Pool"/> is the line's <see cref="Utf8SequencePool"/>:
    /// under a decoder it holds, a run of one two-byte UTF-8 sequence carries the line's evidence. A run over a character
    /// set in <paramref name="held"/> (see <see cref="KanaHeldByLeading"/>) leads nothing unless it restores Hangul.
    /// </summary>
    public static double Judge(string token, char before, char after, Candidate reading, Span<bool> accepted, bool following, bool exactGain = true, int utf8Pool = 0, bool[]? held = null)
    {
        // Runs judged on their own evidence first; once one is accepted, the token is damaged by the reading's chain
        // and its other runs follow it (a GBK line read as Latin-1 is cut into runs by ASCII: "Ö÷»ú.Ãû/ÎÄ/¼þ").
        double total = JudgeRuns(token, before, after, reading, accepted, following, exactGain, utf8Pool, held);
        return total > 0 && !following ? total + JudgeRuns(token, before, after, reading, accepted, following: true, exactGain, utf8Pool, held) : total;
    }

    private static double JudgeRuns(string token, char before, char after, Candidate reading, Span<bool> accepted, bool following, bool exactGain, int utf8Pool, bool[]? held)
    {
        int[] tb = reading.TokenBounds;
        int[] xb = reading.TextBounds;
        double total = 0;
        int k = 0;

        // A reading that takes lost slots for lead bytes lost alone reads the text before its first loss as the plain
        // chain does; after a loss it re-pairs the bytes, a claim about the reader that only a chain the line has shown
        // may carry: runs after the first loss follow, never lead (see LayerStep.LostLeadOnly). Leading, they read
        // "�°汾�" (GBK read as UTF-8) as "��始�" by EUC-KR read as GBK, 始 from two of the four bytes of "°汾", and a
        // second pass over the repair of "渦볟뀯?쉪?냵若밧ㄺ?빣雅?" (UTF-8 read byte by byte as EUC-KR, stored) read its
        // "�若밧ㄺ�" as "�換紊�" by EUC-JP read as EUC-KR.
        // Under a UTF-8 reader the reading only aligns each island of kept characters by its own bytes
        // (LayerUndo.IslandOpensWithTrail): its runs lead as any reading's do.
        int ownEvidenceEnd = reading.LostLeadsOnly && reading.Steps[0].Wrong.Kind != CodecKind.Utf8 && !following && reading.Text.IndexOf('\uFFFD', StringComparison.Ordinal) is int loss and >= 0
            ? loss : int.MaxValue;
        while (NextRun(token, reading, accepted, ref k, out int first))
        {
            // Groups first..k-1 form a run. A run that restores half-width kana is none: the models score them as the
            // full-width kana they stand for, so that clean words of them keep (see HalfWidthKana), and by that any run
            // of them reads as some katakana ("ﾅｼﾃｳﾅ" for Polish "żół", UTF-8 read as windows-1252, undone as Shift-JIS;
            // the clean "ÀÉÎÕÜ" was flagged for "ﾐｽﾁ�"). No reading restored them before they were scored so either.
            // The half-width punctuation before them (｡｢｣､･, U+FF61..U+FF65) is the same one-byte Shift-JIS legacy and
            // no reading's evidence either (session 32): scored as the likeliest symbol of its block, it let a Han
            // character between two of them pass in clean Icelandic and Crimean Tatar ("Eþíópía" became "E遑｢p｡a",
            // "paletniñ" "paletni､"; tools/probe-clean-catalogs.py).
            if (xb[first] > ownEvidenceEnd)
            {
                continue;
            }

            int a = tb[first], b = tb[k];
            ReadOnlySpan<char> source = token.AsSpan(a, b - a);
            ReadOnlySpan<char> restored = reading.Text.AsSpan(xb[first], xb[k] - xb[first]);
            bool shortRun = restored.Length <= EncodingDecision.ShortFieldMaxLength;
            bool pooled = RestoresPooledSequence(reading, restored, utf8Pool, token, a, b);
            bool utf8Sequences = pooled || RestoresUtf8Sequences(reading, restored);
            if ((shortRun && !utf8Sequences && (RestoresUnknown(restored) || MixesHangul(restored))) || restored.IndexOfAnyInRange(HalfWidthKana.First, HalfWidthKana.Last) >= 0
                || (!following && ((!RestoresLetters(restored, reading.Outer) && !utf8Sequences) || (Bytes(reading.Outer, Period(source)) < MinRunBytes && !pooled)
                    || (!utf8Sequences && InLatinWord(token, a, b))
                    || (shortRun && RestoresSymbols(restored, b < token.Length ? token[b] : after)))))
            {
                continue;
            }

            (char left, char right) = RunContext(token, before, after, reading, first, k);
            if (!following && !pooled && (KanaReadAsWell(source, restored, left, right) || Held(held, a, b, restored)))
            {
                // A clean half-width field's reading that only halves its characters leads nothing (session 39); a
                // Latin letter's two half-width katakana inside a Latin word ("donnﾃｩes") are that word's evidence.
                continue;
            }

            // A pooled sequence with a symbol or a box-drawing character in it is no text of the reader's own script (see
            // EncodingDecision.MinPooledSequenceGain); one of letters only may be ("ЕҐ" in Ukrainian under windows-1251),
            // and a sequence that restores a letter of another script than Latin, inside a word, is one letter of another
            // alphabet in the word ("PRODUKTÛ±" read as "PRODUKT۱", a Persian digit; "Ê®" as Abkhaz ҩ).
            bool pooledSymbol = pooled && !AllLetters(source) && LatinText.IsExtendedLetter(restored[0]);

            // A Latin letter's pair under a double-byte decoder (see EncodingDecision.MinLatinPairGain), or under a
            // single-byte page inside a word that proves itself a Latin word ("L├╢schen", "Dokument ├╢ffnen" by cp437).
            bool latinPair = pooled && (reading.Steps[0].Wrong.IsDoubleByte || Utf8SequencePool.ProvesLatinWord(token, a, b, reading.Steps[0].Wrong));

            // The floor of text at all (EncodingDecision.MinUtf8SequencePerChar) for a run of whole UTF-8 sequences that
            // carries its own evidence (three bytes or more), or any on a line its chain has damaged; a lone pooled pair
            // that leads on its own keeps the short-field floor: with the lower one, tester38's clean "PRODUKTÃ¯ 2024"
            // became "PRODUKTï", and one lossy case of the general-subject evaluation was no longer flagged even for a
            // pair in its word's case (the words alone "cosÃ¬", "jÃ¹" stay garbled, as on main).
            // Only under a Latin page: a page of the Cyrillic alphabet (cp866, windows-1251) writes its own script's
            // letters, which form sequences by chance ("─Д" of Chinese UTF-8 read as KOI8-R read as "Ą" by cp866).
            // Nor beside a letter of another script: a Latin letter inside a Cyrillic word ("Е┼©", KOI8-R mojibake, read
            // as "ЕŸ" by cp850) is no word's letter.
            // A short Chinese field of whole three-byte sequences (RestoresUtf8Han) is held to a floor of its own
            // (EncodingDecision.MinUtf8HanPerChar), under any single-byte page: two Han characters of whole sequences in
            // a row are no chance of a Cyrillic page's letters.
            bool utf8Han = RestoresUtf8Han(token, a, b, reading, restored);
            bool sequenceFloor = (utf8Sequences && IsLatinLetters(restored) && IsLatinPage(reading.Steps[0].Wrong) && !BesideOtherScript(token, a, b)
                && (following || !pooled || RestoresUtf8Sequences(reading, restored))) || utf8Han;
            double invented = following ? 0 : InventedLossGain(token, before, after, reading, first, k);
            bool wholeField = IsWholeField(token, a, b, restored);
            (string runToken, int runStart) = (token, a);
            if (RepeatsOnBothSides(source, restored, out string? onceSource, out string? onceRestored))
            {
                // A repeat counts once on both sides (see RepeatsOnBothSides); the run's test reads the cut texts.
                (runToken, runStart) = (onceSource!, 0);
                source = onceSource;
                restored = onceRestored;
            }

            if (exactGain)
            {
                SpanScore input = TextLikelihood.Score(source, left, right);
                input = invented < 0 ? input with { Total = input.Total - invented } : input;
                SpanScore output = TextLikelihood.Score(restored, left, right);
                if (EncodingDecision.AcceptRun(output, reading.Layers, input, restored, left, right, source, following, wholeField, pooledSymbol, sequenceFloor, utf8Han, latinPair))
                {
                    accepted[first..k].Fill(true);
                    total += Math.Max(0, EncodingDecision.Gain(output, following ? 0 : reading.Layers, input));
                }
            }
            else if (Clears(runToken, runStart, source, restored, left, right, reading.Layers, following, wholeField, -invented, pooledSymbol, sequenceFloor, utf8Han, latinPair))
            {
                accepted[first..k].Fill(true);
                // A Latin pair's gain asked is below 0 (EncodingDecision.MinLatinPairGain) and its run is still accepted: the sum
                // must show it.
                total += Math.Max(latinPair ? double.Epsilon : 0, EncodingDecision.RequiredGain(source.Length, following, pooledSymbol, latinPair));
            }
        }

        return total;
    }

    /// <summary>
    /// True when no run of <paramref name="reading"/> (a stretch of groups it changes into other text) reads less likely
    /// than the token's text there, each in its context in the token. A reading of the whole field (see
    /// <c>TokenReading.StandsOut</c> and <c>Likeliest</c>) is taken on the field's evidence as a whole, and a run it
    /// makes worse is one it sacrifices to explain another: "哈哈(·±ツ)" (laughter and a kaomoji) was read as
    /// "込込(，＼ツ)" by EUC-JP read as GBK, which turns the kaomoji's ·± into likelier punctuation and 哈哈 into 込込,
    /// 6 nats less likely. Mojibake read right gains in every run: each of its runs is garbled text. A run of half-width
    /// kana whose reading carries no evidence against it (<see cref="KanaReadAsWell"/>) gains nothing either.
    /// </summary>
    public static bool EveryRunGains(string token, char before, char after, Candidate reading, bool[]? held = null)
    {
        int[] tb = reading.TokenBounds;
        int[] xb = reading.TextBounds;
        int k = 0;
        while (NextRun(token, reading, skip: default, ref k, out int first))
        {
            int a = tb[first], b = tb[k];
            (char left, char right) = RunContext(token, before, after, reading, first, k);
            ReadOnlySpan<char> restored = reading.Text.AsSpan(xb[first], xb[k] - xb[first]);
            ReadOnlySpan<char> source = token.AsSpan(a, b - a);
            if (KanaReadAsWell(source, restored, left, right) || Held(held, a, b, restored) || TextLikelihood.Score(restored, left, right).Total < TextLikelihood.Score(source, left, right).Total)
            {
                return false;
            }
        }

        return true;
    }

    // The next run at or after group k: the groups first..k-1 (k moves to the run's end), a stretch of groups the
    // reading restores that starts at one not set in skip (runs already accepted; empty: none). A group the reading only
    // loses (U+FFFD for bytes it cannot complete) ends a run: a loss restores nothing and is no fluency evidence, and the
    // run next to it is judged as text that starts or ends there (see RunContext). False when no run is left.
    private static bool NextRun(string token, Candidate reading, ReadOnlySpan<bool> skip, ref int k, out int first)
    {
        int groups = reading.TokenBounds.Length - 1;
        while (k < groups && (!Restored(token, reading, k) || (!skip.IsEmpty && skip[k])))
        {
            k++;
        }

        first = k;
        while (k < groups && Restored(token, reading, k))
        {
            k++;
        }

        return k > first;
    }

    // The characters around the run of groups first..end-1 in the token: next to a group the reading loses (U+FFFD),
    // the run's context is unknown, as if the text started or ended there.
    private static (char Left, char Right) RunContext(string token, char before, char after, Candidate reading, int first, int end)
    {
        int a = reading.TokenBounds[first], b = reading.TokenBounds[end];
        char left = a == 0 ? before : Lost(reading, first - 1) ? CharNgramModel.Boundary : token[a - 1];
        char right = b == token.Length ? after : Lost(reading, end) ? CharNgramModel.Boundary : token[b];
        return (left, right);
    }

    // EncodingDecision.Accept's test, rearranged so that little is scored: the restored run under its likeliest script
    // (the best script's score is at least that), then the input only until it is known to score low enough. Only when
    // that fails is the restored run scored under every script, and only when it may reach the input's floor (see
    // SourceFloor). The run is token[start..] (source).
    private static bool Clears(string token, int start, ReadOnlySpan<char> source, ReadOnlySpan<char> restored, char left, char right, int layers, bool following, bool wholeField, double lossCost, bool pooled, bool utf8Sequences, bool utf8Han, bool latinPair)
    {
        double required = EncodingDecision.RequiredGain(source.Length, following, pooled, latinPair) + lossCost;
        double perChar = EncodingDecision.RequiredPerChar(source.Length, wholeField, following, wholeField && EncodingDecision.IsHangulField(source), utf8Sequences, utf8Han);
        layers = following ? 0 : layers;
        SpanScore likeliest = TextLikelihood.ScoreLikeliest(restored, left, right);
        if (TextLikelihood.ScoresAtMost(source, left, right, likeliest.Total - (layers * EncodingDecision.LayerCost) - required)
            && OwnPerChar(restored, left, right, likeliest) >= perChar)
        {
            return true;
        }

        // Another script clears the test only with a score of at least the input's plus the cost: an input's score is
        // at least its floor, so a restored run that no script scores that high is done with (a garbled reading of
        // hundreds, whose every script stops as soon as it falls under that bound rather than under its own likeliest).
        double reach = SourceFloor(token, start, source, left, right) + (layers * EncodingDecision.LayerCost) + required - FloorMargin;
        if (likeliest.Total <= reach && TextLikelihood.ScoresAtMost(restored, left, right, reach))
        {
            return false;
        }

        SpanScore best = TextLikelihood.ScoreWithLikeliest(restored, left, right, likeliest);
        return best.Total > likeliest.Total
            && TextLikelihood.ScoresAtMost(source, left, right, best.Total - (layers * EncodingDecision.LayerCost) - required)
            && OwnPerChar(restored, left, right, best) >= perChar;
    }

    // The fluency of a restored run (see EncodingDecision.Fluency).
    private static double OwnPerChar(ReadOnlySpan<char> restored, char left, char right, SpanScore inContext) =>
        EncodingDecision.Fluency(inContext, restored, left, right);

    // True when the reading turns group k into nothing but U+FFFD (bytes lost).
    private static bool Lost(Candidate reading, int k)
    {
        ReadOnlySpan<char> text = reading.Text.AsSpan(reading.TextBounds[k], reading.TextBounds[k + 1] - reading.TextBounds[k]);
        return !text.IsEmpty && text.IndexOfAnyExcept('\uFFFD') < 0;
    }

    /// <summary>
    /// What the groups <paramref name="reading"/> only loses (U+FFFD) cost it when readings are compared: their
    /// log-likelihood ratio (each U+FFFD scored as a lost character) against the token's text there, in context, when
    /// negative. Losing fluent text costs; losing a garbled stretch gains nothing, since a reading that restores it
    /// must win over one that throws it away; a '?' (or Shift-JIS's '・') read as the loss marker a framework decoder wrote costs nothing
    /// (one marker for another).
    /// </summary>
    public static double LostGain(string token, char before, char after, Candidate reading)
    {
        double gain = 0;
        for (int k = 0; k + 1 < reading.TokenBounds.Length; k++)
        {
            if (Changed(token, reading, k) && Lost(reading, k))
            {
                gain += LostGroupGain(token, before, after, reading, k);
            }
        }

        return gain;
    }

    // True when the reading changes group k into something other than loss markers alone.
    private static bool Restored(string token, Candidate reading, int k) => Changed(token, reading, k) && !Lost(reading, k);

    /// <summary>True when group <paramref name="k"/> of <paramref name="reading"/> differs from the token.</summary>
    public static bool Changed(string token, Candidate reading, int k)
    {
        int a = reading.TokenBounds[k], b = reading.TokenBounds[k + 1];
        int x = reading.TextBounds[k], y = reading.TextBounds[k + 1];
        return !token.AsSpan(a, b - a).SequenceEqual(reading.Text.AsSpan(x, y - x));
    }

    // True when the run token[a..b] is a field (the whole token, between separators or line ends, or a part of it between
    // file-name separators: see FieldStartsAt) and its reading is one script's text with nothing lost, at most
    // EncodingDecision.ShortFieldMaxLength characters: only CJK letters, of Han and kana (Chinese, Japanese) or of Hangul
    // (Korean), no Latin or other letter, no symbol, no U+FFFD and no '?' (what framework decoders write for a lost
    // byte). Such a reading has the whole field's evidence behind it; one that mixes scripts ("鞠침�" for Icelandic
    // "Ókóðuð") or is part of a word ("t動董ng" for Vietnamese "tương") has not.
    internal static bool IsWholeField(string token, int a, int b, ReadOnlySpan<char> restored)
    {
        if ((!(FieldStartsAt(token, a) && FieldEndsAt(token, b)) && !IsDataField(token, a, b)) || restored.Length > EncodingDecision.ShortFieldMaxLength)
        {
            return false;
        }

        bool hanOrKana = false, hangul = false;
        foreach (char c in restored)
        {
            if (c is '\uFFFD' or '?' || IsSymbol(c))
            {
                return false;
            }

            if (!char.IsLetter(c))
            {
                continue;
            }

            if (IsHangul(c))
            {
                hangul = true;
            }
            else if (c is >= '\u2E80' and <= '\u9FFF' || CjkText.IsCompatibilityIdeograph(c) || char.IsSurrogate(c))
            {
                hanOrKana = true;
            }
            else
            {
                return false;
            }
        }

        return hanOrKana != hangul;
    }

    // A field starts at a token's start or after a separator of file names and paths, and ends at a token's end or
    // before one: the parts of a file name ("周杰伦-稻香.mp3", "照片/稻香.jpg") are fields of their own, and ASCII is the
    // same byte under every decoder of the matrix, so it delimits the original text too. Other punctuation does not
    // delimit: a comma or a quote between clean Latin-1 symbols made two "fields" of 4 bytes each ("«ÀÉ»,«ÂÃ»"), which
    // read as Han under the whole-field floor.
    private static bool FieldStartsAt(string token, int a) => a == 0 || IsFieldDelimiter(token[a - 1]);

    private static bool FieldEndsAt(string token, int b) => b == token.Length || IsFieldDelimiter(token[b]);

    private static bool IsFieldDelimiter(char c) => c is '.' or '-' or '_' or '/' or '\\';

    /// <summary>
    /// Longest period of a repeating unit looked for in a run. A unit of more than 8 characters carries at least the
    /// <see cref="MinRunBytes"/> of evidence under any decoder but one that reads ASCII, which carries none.
    /// </summary>
    private const int MaxPeriod = 8;

    // The shortest unit source repeats (source itself when it repeats none of up to MaxPeriod characters). A repeated
    // unit is as much evidence as one copy of it: a run of one byte pattern reads as a run of one restored pattern under
    // every chain, so a reading of "ÑÑÑÑ" (mac-roman "т" from shift_jis) or "════" (GBK "屯") only gains by its
    // length (fewer, equally repetitive characters), never by its content. "锟斤拷锟斤拷" repeats 6 bytes and stays evidence.
    internal static ReadOnlySpan<char> Period(ReadOnlySpan<char> source)
    {
        for (int p = 1; p <= MaxPeriod && 2 * p <= source.Length; p++)
        {
            if (source[p..].SequenceEqual(source[..^p]))
            {
                return source[..p];
            }
        }

        return source;
    }

    // Bytes of the non-ASCII characters of source under the wrong decoder that produced them (U+FFFD and characters it
    // cannot encode count as none). ASCII is no evidence: a letter after "ǎ" is a valid GBK trail byte.
    private static int Bytes(Codec? decoder, ReadOnlySpan<char> source)
    {
        int bytes = 0;
        foreach (char c in source)
        {
            bytes += c < 0x80 || c == '\uFFFD' ? 0 : decoder?.Kind switch
            {
                CodecKind.Table when decoder.Page.CanEncode(c) => decoder.Page.EncodedValue(c) >= 0x100 ? 2 : 1,
                CodecKind.Table => 0,
                CodecKind.Utf8 => c < 0x800 ? 2 : char.IsSurrogate(c) ? 2 : 3,
                CodecKind.Utf16Le or CodecKind.Utf16Be => 2,
                _ => 0,
            };
        }

        return bytes;
    }
}
