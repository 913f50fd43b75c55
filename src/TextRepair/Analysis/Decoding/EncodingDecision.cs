using TextRepair.Analysis.Language;
using TextRepair.Internal;

namespace TextRepair.Analysis.Decoding;

/// <summary>
/// Decides whether a reading of a token replaces it: by the log-likelihood ratio of the reading against the token under
/// the language model, minus a prior cost per layer of damage assumed, and by the reading's own fluency. Every
/// threshold of the encoding engine that is not a search limit lives here. The measurements quoted are from
/// <c>EncodingEvaluation</c>'s dev half (see docs/encoding-evaluation.md); the held-out half was never used to set them.
/// </summary>
internal static class EncodingDecision
{
    /// <summary>Tokens of at most this many characters are short fields (file names, tags, CSV cells) with their own thresholds.</summary>
    public const int ShortFieldMaxLength = 8;

    /// <summary>
    /// Prior cost, in nats, of assuming one layer of mojibake: a reading must explain the token this much better per
    /// layer it assumes. Deeper chains need more evidence, so a one-layer reading wins over a three-layer one that
    /// scores about the same.
    /// </summary>
    public const double LayerCost = 4;

    /// <summary>
    /// Prior cost, in nats, of a reading that takes lost slots for lead bytes lost alone (<see cref="LayerStep.LostLeadOnly"/>)
    /// when readings of a token are ranked, beside <see cref="LayerCost"/>: of two readings that differ only in how
    /// they read a loss, the one that reads whole pairs lost wins unless the other reads clearly better. A reading with
    /// fewer characters reads likelier, so without a cost the framework's readers' losses were read as leads alone
    /// (Big5 read as EUC-KR: 按�下 became 按�U). On the dev halves 2 nats left the framework-garbled half 2 best
    /// texts short and its field lists 1; 6 and 10 kept both, and the Python-garbled half had one best text more at 6.
    /// </summary>
    public const double LostLeadOnlyCost = 6;

    /// <summary>
    /// Minimum log-likelihood ratio (nats, after <see cref="LayerCost"/>) for a token longer than a short field. On the
    /// dev half, clean tokens' best readings reach at most about +8 nats while damaged lines gain tens to hundreds.
    /// </summary>
    public const double MinGain = 12;

    /// <summary>
    /// Minimum log-likelihood ratio for a run of at most <see cref="ShortFieldMaxLength"/> characters. Short runs are
    /// where the search's many readings (about a hundred per layer) find spurious gains: the largest on clean dev text is
    /// 10.9 nats ("各黨" read as "世于" by gbk decoded as euc-kr), while 90% of correct 2-character runs and 99% of
    /// 3-character runs of the dev half gain at least 12.
    /// </summary>
    public const double MinShortFieldGain = 12;

    /// <summary>
    /// Minimum log-likelihood ratio of a run that restores one two-byte UTF-8 sequence of a Latin-script (or Greek,
    /// Cyrillic) letter under a single-byte reader that the line's <see cref="Utf8SequencePool"/> vouches for, when the
    /// run holds a character that is no letter (a symbol or a box-drawing character: "Ã¯", "├⌐"). The short field's 12
    /// nats guard against the best of the many readings the search makes of a short run; such a run has one reading by
    /// its chain, a whole sequence inside a word with a symbol in it, which clean text holds almost never (see
    /// <see cref="Utf8SequencePool.MinSequences"/>). A run of letters only keeps the 12: windows-1251 writes Cyrillic
    /// letters for both bytes of a sequence, and clean Ukrainian "ТЕҐ" read as "Т" and "ť" gained 8 to 12. Under the DOS pages a letter garbled so reads almost as
    /// well as the letter ("r├⌐duit" against "réduit" gained 11.25 nats, "ser├í" against "será" 11.0, "guard├│" 7.6),
    /// so lines with one such letter stayed garbled. Clean tokens' best readings reach at most about +8 nats (see
    /// <see cref="MinGain"/>). Measured with tools/probe-latin.py (fixed exactly 732 -> 812 of 895) and the clean
    /// catalogue probe (session 38, docs/encoding.md).
    /// </summary>
    public const double MinPooledSequenceGain = 8;

    /// <summary>
    /// Minimum average log-probability per character of the reading itself (nats): the reading must read like real text
    /// of its script. Clean dev lines average about -5 (Chinese) to -3 (Latin); a random string of common Han
    /// characters averages below -10, so readings that only beat a symbol run, but are not text, stay out.
    /// </summary>
    public const double MinPerChar = -8.5;

    /// <summary>The same for short fields, where one unusual name character weighs more in the average.</summary>
    public const double MinShortFieldPerChar = -8;

    /// <summary>
    /// The same for a short run that is a whole field and reads as one script with nothing lost (see
    /// <see cref="RunJudge"/>): names, titles and file names of uncommon characters (苏丹镑 scores -8.06 per
    /// transition, 侧手翻 -8.81) fall under <see cref="MinShortFieldPerChar"/> while their readings gain 38-48 nats, and a
    /// wrong reading that happens to clear the floor wins instead. On the short-field dev set (1,184 garbled CLDR names,
    /// <c>ShortFieldDevRunTests</c>): -9 fixes 917 → 963 with no dev-half output and no clean text of any set changed;
    /// -9.5 one more dev line worse (a Korean token read as Han), -10 two, and clean messages of the multilingual set
    /// changed.
    /// </summary>
    public const double MinWholeFieldPerChar = -9;

    /// <summary>
    /// The fluency floor of a reading that replaces a whole field of Hangul syllables (<see cref="IsHangulField"/>), in
    /// place of <see cref="MinWholeFieldPerChar"/> and <see cref="MinLikeliestPerChar"/>: the short-field floor. Those lower
    /// floors let names of uncommon Han characters be restored; a field of Hangul syllables is a Korean word or name as
    /// it stands, and the ko model knows 1,069 of the 2,350 syllables EUC-KR encodes, so its low score of such a field
    /// (about -12 to -14 per transition when a syllable is unseen) is weak evidence that the field is damaged. A reading
    /// of it must read as clean text does, not as a name of rare characters: clean words read as "快空谎空" (우왕뿌왕,
    /// -8.69 per transition, gbk decoded as euc-kr) and "戎多戎多" (휘뜩휘뜩, -8.78), while the 139 all-Hangul GBK fields
    /// of tools/probe-korean-words.py's dev half read at -2.75 to -7.04. Session 39: clean words changed 5 → 3 of 1,500
    /// (dev; test 6 → 3), no garbled row of the probe and no dev-half output changed; Japanese words by EUC-JP read as
    /// EUC-KR 230 → 228 of 318 (寝言 -8.19, 奨学金 -8.96 left garbled; docs/encoding.md).
    /// </summary>
    public const double MinHangulFieldPerChar = MinShortFieldPerChar;

    /// <summary>
    /// Least average log-probability per transition of a whole-field reading that replaces a reading already chosen
    /// because it explains the field better (<see cref="TokenReading"/>): about the level of a random string of common Han
    /// characters (see <see cref="MinPerChar"/>), below which a reading is no text whatever its likelihood. Session 15
    /// set -10; a singer's name, 邓紫棋 (utf-8 read as windows-1252, -10.27 per transition, gain 54 nats), then lost to
    /// "Th瀇檯", three layers through UTF-16 that gain 48 and clear the short-field floor on the Latin letters' easy
    /// transitions. -10.5 changes no output of the dev half, the short-field dev set or the clean sets; below it lies a
    /// wrong one-layer reading of a clean Yoruba word of the multilingual dev half (-10.6).
    /// </summary>
    public const double MinLikeliestPerChar = -10.5;

    /// <summary>
    /// How far, in nats, the likeliest reading of a whole field must stand out from every reading of another text to
    /// replace the field below the fluency floor (<see cref="TokenReading"/>): 8 nats are odds of about 3,000 to 1. On the
    /// short-field dev set, 8 fixes 968 → 987 garbled names with no clean text of any set changed; 5 fixes 3 more and
    /// makes one wrong (婆罗米胢斡字 for 婆罗米文字). A clean Yoruba word of the multilingual dev half ("Mòrókò") stands out
    /// by 0.3. Since session 17 only exact readings (every byte decoded) are rivals: with general-subject Japanese in the
    /// model, 比什凱克 (Big5 read as windows-1252) stood out by 7.5 from "ゑぐ獲§J", an EUC-JP reading that leaves "§J"
    /// unread; counting exact rivals only fixes one more short-field dev name (988) and changes no clean text of any set.
    /// </summary>
    public const double MinWholeFieldMargin = 8;

    /// <summary>
    /// Minimum log-likelihood ratio of a run on a line that another token already showed damaged by the same chain: the
    /// line's damage is the evidence, the run must only read at least as well as it stands. No <see cref="LayerCost"/>
    /// is charged: the chain's prior was paid by the token that showed it (charging it again left short runs such as
    /// "╨╨╡┌" for 行第 and "µ½" for 到 between repaired text on the dev half: 6 more recoverable cases fixed, 7 more
    /// lossy ones recovered, 1 fewer flagged). Clean Han text read by a Han-to-Han chain (euc-jp decoded as gbk) loses
    /// likelihood on almost every run.
    /// </summary>
    public const double MinFollowGain = 0;

    /// <summary>
    /// The fluency floor (see <see cref="MinPerChar"/>) of a whole field (a token, or a part of a file name) that follows
    /// a chain its line already showed (<see cref="MinFollowGain"/>): the level of a random string of common Han
    /// characters, as for a whole field's likeliest reading (<see cref="MinLikeliestPerChar"/>). The line's damage is
    /// the evidence that the field is damaged, so the floor has only to tell text from no text; the short-field floor
    /// (-8) kept names of uncommon characters garbled between repaired ones: in a song list of GBK read as windows-1252
    /// whose every other name was restored, "µË×ÏÆå" (邓紫棋, -10.27 per transition) stayed and then took a two-layer
    /// reading of its own. Runs inside a token keep their floors: for every following run, this floor changed 22 lossy
    /// dev texts without bringing them nearer their original (garbage between losses read as other garbage).
    /// </summary>
    public const double MinFollowPerChar = MinLikeliestPerChar;

    /// <summary>
    /// The fluency floor (see <see cref="MinPerChar"/>) of a run that a one-layer reading "utf-8 decoded as" a
    /// single-byte code page restores from whole UTF-8 sequences (two or more, a three- or four-byte one, or one the
    /// line's <see cref="Utf8SequencePool"/> vouches for; see <see cref="RunJudge"/>): the level of text at all, as for
    /// a whole field's likeliest reading (<see cref="MinLikeliestPerChar"/>). The sequences' structure (a lead byte and
    /// exactly its continuation bytes, about once in 10^5 positions of clean single-byte text) is the evidence that the
    /// run is damaged, and the gain still asks the reading to read better than the run as it stands; the short-field
    /// floor (-8) asked the letters to read as the Latin model's four languages do, and letters it knows badly stayed
    /// garbled beside repaired ones: Polish "jaźń" (-8.54 per transition), Italian "così;" (-8.04), Vietnamese
    /// "Nguyễn" (-9.72), Latvian "ķēķis". Session 40, measured with tester38's Latin sets and tools/probe-latin.py
    /// (docs/encoding.md).
    /// </summary>
    public const double MinUtf8SequencePerChar = MinLikeliestPerChar;

    /// <summary>
    /// The fluency floor of a short Chinese field that the one-layer reading "utf-8 decoded as" a single-byte page
    /// restores from two or more whole three-byte sequences (see <c>RunJudge.RestoresUtf8Han</c>): personal names are
    /// rare pairs under the zh model. The right readings of the 157 distinct names, places and product words of the
    /// session-41 dev half score -4.38 to -11.18 per transition (5% below -10.46, so 7 of 157 under
    /// <see cref="MinUtf8SequencePerChar"/>: 廖娜艳 -11.04, 覃艳娜 -11.18); random strings of two or three unified
    /// ideographs score -5.2 to -14.1, median -12.0. -11.5 takes every dev field and 185 of 600 random strings (-10.5
    /// took 65): the sequences' structure is the evidence here, and the gain is still asked (docs/encoding.md, session 41).
    /// </summary>
    public const double MinUtf8HanPerChar = -11.5;

    /// <summary>
    /// A typical transition of clean text into a letter outside U+0080..U+2E7F (Han, kana, Hangul), in nats: the level
    /// below which <see cref="MinSurprise"/> counts a stretch as surprising. Clean dev lines average about -5 per
    /// character (see <see cref="MinPerChar"/>); -8 leaves ordinary dips (a rarer character after a common one) at little
    /// surprise.
    /// </summary>
    public const double TypicalTransitionLogProb = -8;

    /// <summary>
    /// The same for a transition into a character from U+0080 to U+2E7F (Latin-1 and Latin Extended letters, Greek,
    /// Cyrillic, symbols, box drawing: what single-byte readers write). Mojibake of symbols reads almost as likely as
    /// symbols do (an unseen symbol is scored as its block's likeliest one), so the level is higher: at -4, cp437/cp866
    /// readings on the dev half fall to a surprise of 5.1 ("╘П▐V"); at -3, the least surprising token replaced on its
    /// own evidence is a Han one again (see <see cref="MinSurprise"/>).
    /// </summary>
    public const double TypicalSymbolTransitionLogProb = -3;

    /// <summary>
    /// Least surprise (<see cref="TextLikelihood.Surprise(ReadOnlySpan{char}, char, char, double, double, bool)"/> against <see cref="TypicalTransitionLogProb"/> and
    /// <see cref="TypicalSymbolTransitionLogProb"/>) a token needs before the lattice searches it on its own evidence.
    /// Measured with the engine's decisions (before this gate existed) on the dev half of the evaluation and the seed:
    /// the least surprising of the 4,973 tokens a reading replaced on its own evidence scores 7.15 ("傳朝", big5 read as
    /// gbk, a short field); below it are 536 of the 772 non-ASCII tokens of clean Traditional LibreOffice help (zh-CN help
    /// through s2t) on lines the pre-scan flags, and 4,106 of the 7,518 dev tokens the engine did not replace. 6 keeps a
    /// margin. On the held-out half, one token of 1,669 cases was gated out that the engine had replaced on its own; it
    /// followed its line's chain instead (a lossy euc-jp line, one character nearer the original).
    /// </summary>
    public const double MinSurprise = 6;

    /// <summary>
    /// How much worse, in nats, a text must read with a '?' than without it before the '?' is taken for a lost byte or
    /// character (what framework decoders and encoders write for what they cannot handle) rather than a question mark.
    /// Measured as the score of a word with its '?' less the score without it, from boundary to boundary: after
    /// question endings the '?' reads well (까 +5.3, 吗 +3.8, 요 +1.3, 么 -2.4, か -2.6), after a cut word it does not
    /// (삭 -5.0, 模 -4.4, 为 -7.9, 档 -8.1, 息 -9.4, さ -10.3). Reading every such '?' as a loss turned the question
    /// marks of lossless Korean read as GBK into U+FFFD ("무엇입니까? 저것은" gave "무엇입니까� 저것은").
    /// </summary>
    public const double QuestionMarkLossCost = 4;

    /// <summary>Longest part of a run of '?' that <see cref="QuestionMarksAreLost"/> scores.</summary>
    private const int MaxQuestionMarksScored = 16;

    /// <summary>
    /// True when <paramref name="run"/>, a run of '?' between <paramref name="left"/> and <paramref name="right"/>
    /// (<see cref="CharNgramModel.Boundary"/> at a line's ends), reads as lost text rather than as question marks (see
    /// <see cref="QuestionMarkLossCost"/>).
    /// </summary>
    public static bool QuestionMarksAreLost(char left, ReadOnlySpan<char> run, char right)
    {
        // A run is judged by its first MaxQuestionMarksScored marks: the model is a bigram model, so the marks after them
        // only repeat the same transition, and the scratch space stays small and on the stack for a run of any length.
        run = run[..Math.Min(run.Length, MaxQuestionMarksScored)];
        Span<char> with = stackalloc char[MaxQuestionMarksScored + 2];
        int n = 0;
        if (left != CharNgramModel.Boundary)
        {
            with[n++] = left;
        }

        // A space after the marks ends the word as the end of the text does; scoring the space instead lets the model's
        // view of spaces after Japanese kana decide (ファイルを保存しますか? はい).
        right = char.IsWhiteSpace(right) ? CharNgramModel.Boundary : right;
        int cut = n;
        run.CopyTo(with[n..]);
        n += run.Length;
        if (right != CharNgramModel.Boundary)
        {
            with[n++] = right;
        }

        Span<char> without = stackalloc char[n - run.Length];
        with[..cut].CopyTo(without);
        with[(cut + run.Length)..n].CopyTo(without[cut..]);
        return TextLikelihood.Score(with[..n], CharNgramModel.Boundary, CharNgramModel.Boundary).Total
            - TextLikelihood.Score(without, CharNgramModel.Boundary, CharNgramModel.Boundary).Total < -QuestionMarkLossCost;
    }

    /// <summary>
    /// True when the lattice search of <paramref name="token"/> between <paramref name="before"/> and
    /// <paramref name="after"/> may find a reading that replaces it on its own evidence (see <see cref="MinSurprise"/>).
    /// A token for which this is false is searched only when its line is found damaged by another token. Han text of
    /// common characters never is (<see cref="UncommonHan.IsCommonHanText"/>). Linear in the token's length.
    /// </summary>
    public static bool MayBeDamaged(ReadOnlySpan<char> token, char before, char after, bool linesHeld = false) =>
        !UncommonHan.IsCommonHanText(token) && TextLikelihood.Surprise(token, before, after, TypicalTransitionLogProb, TypicalSymbolTransitionLogProb, linesHeld) >= MinSurprise;

    /// <summary>
    /// True when a reading scored <paramref name="reading"/> that assumes <paramref name="layers"/> layers replaces a
    /// run of <paramref name="runLength"/> characters scored <paramref name="input"/>; with <paramref name="following"/>
    /// the line is already damaged by the reading's chain.
    /// </summary>
    public static bool Accept(SpanScore reading, int layers, SpanScore input, int runLength, bool following) =>
        Gain(reading, following ? 0 : layers, input) >= RequiredGain(runLength, following) && reading.PerChar >= RequiredPerChar(runLength, wholeField: false);

    /// <summary>
    /// <see cref="Accept"/> for a run whose reading <paramref name="restored"/> sits between <paramref name="left"/> and
    /// <paramref name="right"/>: the gain is measured in that context, the fluency floor on <see cref="Fluency"/>.
    /// </summary>
    public static bool AcceptRun(SpanScore reading, int layers, SpanScore input, ReadOnlySpan<char> restored, char left, char right, ReadOnlySpan<char> source, bool following, bool wholeField = false, bool pooled = false, bool utf8Sequences = false, bool utf8Han = false, bool latinPair = false)
    {
        if (Gain(reading, following ? 0 : layers, input) < RequiredGain(source.Length, following, pooled, latinPair))
        {
            return false;
        }

        return Fluency(reading, restored, left, right) >= RequiredPerChar(source.Length, wholeField, following, wholeField && IsHangulField(source), utf8Sequences, utf8Han);
    }

    /// <summary>
    /// The average log-probability per transition the fluency floor (<see cref="MinPerChar"/>) is applied to: the better
    /// of the reading scored in its context (<paramref name="inContext"/>) and on its own, from a text boundary to a text
    /// boundary. The floor asks whether the reading is text of its script, and either way of reading it can show that: a
    /// space next to CJK text is rare in the training text but common in software strings ("実効利率" before a space
    /// averaged -8.07 per transition, -7.70 on its own), while a short Hangul word gains from the space after it, as
    /// Korean is written (팁은 at a line's start). Taking the one or the other alone lost 2 and 6 dev cases. A U+FFFD
    /// is no text: its fixed cost (<see cref="TextLikelihood.LostCharLogProb"/>) counts in the gain and not here, and a
    /// reading of nothing but U+FFFD has no fluency at all. Counting it here kept a field cut inside its last character
    /// ("ÄÚÈ", 内 and a lost byte) below the floor whatever it restored: dev half, lossy cases flagged 786 → 795,
    /// recovered to the best text 584 → 591, nothing else changed.
    /// </summary>
    public static double Fluency(SpanScore inContext, ReadOnlySpan<char> restored, char left, char right)
    {
        // A lost character is no text: its fixed cost (TextLikelihood.LostCharLogProb) counts in the gain, not here.
        int lost = restored.Count('\uFFFD');
        if (lost == restored.Length)
        {
            return double.NegativeInfinity;
        }

        double fluency = TextPerChar(inContext, lost);
        return left == CharNgramModel.Boundary && right == CharNgramModel.Boundary
            ? fluency : Math.Max(fluency, TextPerChar(TextLikelihood.Score(restored, CharNgramModel.Boundary, CharNgramModel.Boundary), lost));
    }

    // The average log-probability per transition of a score less the fixed cost of its lost characters.
    private static double TextPerChar(SpanScore score, int lost) =>
        score.Transitions == 0 ? 0 : (score.Total - (lost * TextLikelihood.LostCharLogProb)) / score.Transitions;

    /// <summary>
    /// The gain <see cref="Accept"/> asks of a reading of a run of <paramref name="runLength"/> characters; with
    /// <paramref name="pooled"/>, of a run that restores one two-byte UTF-8 sequence the line's pool vouches for (see
    /// <see cref="MinPooledSequenceGain"/>); with <paramref name="latinPair"/>, of a Latin letter's pair under a
    /// double-byte decoder inside a Latin word (see <see cref="MinLatinPairGain"/>).
    /// </summary>
    public static double RequiredGain(int runLength, bool following, bool pooled = false, bool latinPair = false) =>
        following ? MinFollowGain : latinPair ? MinLatinPairGain : pooled ? MinPooledSequenceGain : runLength <= ShortFieldMaxLength ? MinShortFieldGain : MinGain;

    /// <summary>
    /// The gain (after the layer's cost) asked of one accented letter of a Latin word that UTF-8 read by GBK, Big5 or
    /// EUC-KR turned into one CJK character ("dur茅e"), on a line whose words show that damage (see
    /// <c>Utf8SequencePool.LatinWordAt</c>): the structure is the evidence and pays for the layer, and the models need
    /// only find the letter no less likely in its word than the CJK character there. The character model sees one
    /// character of context on each side, where a Han character after a Latin letter is not very unlikely, and it knows
    /// the letters of four languages only: on session 41's dev half (939 lines and words of Latin-script languages under
    /// the three decoders) the right letter's gain after the layer's cost was at least -6.4, 5th percentile -2.6, median
    /// 4.7: the pooled sequence's 8 (<see cref="MinPooledSequenceGain"/>) would take 10% of them, -<see cref="LayerCost"/>
    /// (the letter at least as likely as the CJK character) about 99%. Clean CJK text never reaches this test (the
    /// word's structure is asked first): the clean battery changed none either way (docs/encoding.md, session 41).
    /// </summary>
    public const double MinLatinPairGain = -LayerCost;

    /// <summary>
    /// The log-probability per transition <see cref="Accept"/> asks of a reading of a run of <paramref name="runLength"/>
    /// characters; a whole field that follows its line's chain (<paramref name="following"/>) is held to
    /// <see cref="MinFollowPerChar"/>.
    /// </summary>
    public static double RequiredPerChar(int runLength, bool wholeField, bool following = false, bool hangulField = false, bool utf8Sequences = false, bool utf8Han = false) =>
        utf8Han ? MinUtf8HanPerChar : utf8Sequences ? MinUtf8SequencePerChar
            : wholeField ? (following ? MinFollowPerChar : hangulField ? MinHangulFieldPerChar : MinWholeFieldPerChar) : runLength <= ShortFieldMaxLength ? MinShortFieldPerChar : MinPerChar;

    /// <summary>
    /// The fluency floor of the likeliest reading of a whole field <paramref name="token"/> (<see cref="MinLikeliestPerChar"/>;
    /// for a field of Hangul syllables, <see cref="MinHangulFieldPerChar"/>).
    /// </summary>
    public static double LikeliestPerChar(ReadOnlySpan<char> token) => IsHangulField(token) ? MinHangulFieldPerChar : MinLikeliestPerChar;

    /// <summary>
    /// True when <paramref name="source"/> is nothing but Hangul syllables of KS X 1001 (see
    /// <see cref="MinHangulFieldPerChar"/>): the 2,350 that EUC-KR encodes in two bytes of A1..FE, chosen for being the
    /// syllables Korean words use. The other 8,822 (cp949's extension, lead bytes 81..C6 with trail bytes below A1) are
    /// what a cp949 reader makes of Shift-JIS and GBK bytes, and Korean words rarely hold one: with them in the field,
    /// 12 Japanese words of the dev half (shift-jis read as euc-kr) stayed garbled under the short-field floor.
    /// </summary>
    public static bool IsHangulField(ReadOnlySpan<char> source)
    {
        CodePage eucKr = Codec.EucKr.Page;
        foreach (char c in source)
        {
            if (!CjkText.IsHangulSyllable(c) || !eucKr.CanEncode(c) || eucKr.EncodedValue(c) is var v && ((v >> 8) < 0xA1 || (v & 0xFF) < 0xA1))
            {
                return false;
            }
        }

        return !source.IsEmpty;
    }

    /// <summary>Log-likelihood ratio of a reading scored <paramref name="reading"/> against the input, less the prior cost of its layers.</summary>
    public static double Gain(SpanScore reading, int layers, SpanScore input) => reading.Total - input.Total - (layers * LayerCost);
}
