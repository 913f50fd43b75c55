using System.Buffers;
using TextRepair.Analysis.Language;

namespace TextRepair.Analysis.Decoding;

/// <summary>
/// UTF-16 read by a byte-oriented decoder, undone on the whole text. Tokens cannot find this layer: every character
/// becomes two bytes, so what the wrong decoder writes for them is cut by spaces (<c>0x20</c> is the low byte of many
/// characters and half of every ASCII space), by line breaks (<c>0x0A</c> is the low byte of 上, U+4E0A) and by C0
/// controls, and a token that starts at an odd byte decodes as nothing. The byte stream is read from the text's start,
/// in both byte orders, through every wrong decoder that can have written the text; the likeliest reading replaces
/// the text when it clears the same thresholds as a token's reading (<see cref="EncodingDecision.AcceptRun"/>), each
/// changed group of characters becoming one finding. Looked at only when the text holds a C0 control character other
/// than tab and line breaks (<see cref="MayApply"/>): what UTF-16 makes of its own ASCII (a NUL after each letter) and
/// of one Han character in eight (a low byte under <c>0x20</c>), and what clean text almost never holds; or when the
/// text is one short field (<see cref="MaxFieldLength"/>). Linear in the
/// text's length. Thread-safe.
/// </summary>
internal static class Utf16TextReading
{
    // C0 controls other than tab, line feed and carriage return.
    private static readonly SearchValues<char> s_controls = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    private static readonly Codec[] s_truths = [Codec.Utf16Le, Codec.Utf16Be];

    /// <summary>
    /// Fewest characters per C0 control in text looked at. UTF-16 read by a byte decoder gives one control per two
    /// characters of ASCII (the NUL of each letter) and one per 16 of Han text (a low byte under <c>0x20</c> in one
    /// character in eight, each character read as two): a paragraph of 100 Han characters falls under one in 64 with a
    /// probability of 0.3% (binomial, 200 characters, p = 1/16). Terminal logs with colour codes reach one in 40 and are
    /// turned away by the probe instead.
    /// </summary>
    public const int MaxCharsPerControl = 64;

    /// <summary>
    /// Characters of the text's start read first: only readings that gain there are read on the whole text, so that
    /// text with controls of its own (form feeds, colour codes) costs one short pass per reading.
    /// </summary>
    public const int ProbeLength = 512;

    /// <summary>
    /// Longest text read whole as a field (a name, a title, a cell) without C0 controls. A Han character written as
    /// UTF-16 has a byte under <c>0x20</c> one time in eight, so a field of 5 Han characters has none in half of the
    /// cases, and its tokens are too short and too broken by the ASCII bytes for the token search. Such a field is read
    /// whole when it has a character outside ASCII (a byte of <c>0x80</c> or more written by the wrong decoder) and the
    /// token search found nothing in it: UTF-16 is then the explanation left, while a field that a byte chain explains
    /// keeps that reading (a UTF-16 reading of a short field of U+FFFD and a few letters can always find some Han
    /// characters). The thresholds of acceptance are the token's. 64 characters are 32 Han characters read as two
    /// each: a long title.
    /// </summary>
    public const int MaxFieldLength = 64;

    /// <summary>
    /// Shortest field read whole. Two characters are one UTF-16 character: no evidence against the field as it stands,
    /// and a UTF-16 reading has half the characters of its input, so it gains by its length alone ("Ãé", clean, was
    /// read as 쏩). Three are a character and a lost byte, a field cut inside its second character. On the dev half a
    /// minimum of 4 lost two recoverable cases and one lossy flag against 3, with no clean text changed either way.
    /// </summary>
    public const int MinFieldLength = 3;

    /// <summary>
    /// Fewest bytes, as the wrong decoder writes the text, that a reading needs: two UTF-16 units. One unit and a lost
    /// byte is no evidence that the text was UTF-16, as 63,488 of the 65,536 byte pairs are a UTF-16 character: three
    /// letters of a single-byte reader read as one character and a loss whatever they are, and clean three-letter fields
    /// ("ÄÖÜ", "ÆØÅ", a whole JSON value) were flagged lossy as text not told, "tÃ©" became 이�. Cost, fields of one
    /// UTF-16 character cut by a byte that the model had guessed (选� from "\t-"): 5 lossy flags and 5 best texts on
    /// the dev half, 4 and 4 on the held-out half, no recoverable case.
    /// </summary>
    public const int MinFieldBytes = 4;

    /// <summary>
    /// True when <paramref name="text"/> holds C0 controls other than tab and line breaks, at least one per
    /// <see cref="MaxCharsPerControl"/> characters, or is a field (<see cref="MaxFieldLength"/>: a short text with a character
    /// outside ASCII).
    /// </summary>
    public static bool MayApply(ReadOnlySpan<char> text) => IsField(text) || HasControls(text);

    /// <summary>
    /// True when <paramref name="text"/> is one short field (<see cref="MinFieldLength"/> to <see cref="MaxFieldLength"/>
    /// characters) with a character outside ASCII. A line break does not end a field: <c>0x0A</c> and <c>0x0D</c> are a
    /// byte of 2 in 256 Han characters written as UTF-16 (上, U+4E0A; 伊, U+4F0A), so a field of 8 has one with a
    /// probability of 6%. Session 13 required one line; without it, one more dev case and 5 of 1,164 garbled CLDR names
    /// (docs/encoding.md, session 14) are fixed, and no clean text of any set changes. Han text of common characters
    /// (<see cref="UncommonHan.IsCommonHanText"/>) is no field: what a byte decoder makes of UTF-16 is ASCII, symbols and
    /// the rarer rows of the double-byte tables, and reading every clean title as UTF-16 built every code page's tables
    /// on first use (a 3-character "中文字" took 0.31 s and 38 MB in the Native AOT tool, against 0.03 s and 19 MB).
    /// </summary>
    public static bool IsField(ReadOnlySpan<char> text) =>
        text.Length is >= MinFieldLength and <= MaxFieldLength && text.IndexOfAnyInRange('\u0080', '\uFFFF') >= 0
        && EncodingDecision.MayBeDamaged(text, CharNgramModel.Boundary, CharNgramModel.Boundary, linesHeld: true);

    /// <summary>True when <paramref name="text"/> holds C0 controls other than tab and line breaks, at least one per <see cref="MaxCharsPerControl"/> characters.</summary>
    public static bool HasControls(ReadOnlySpan<char> text)
    {
        int controls = 0;
        for (int i = text.IndexOfAny(s_controls); i >= 0; i = text[(i + 1)..].IndexOfAny(s_controls) is int next and >= 0 ? i + 1 + next : -1)
        {
            controls++;
        }

        return controls > 0 && (long)controls * MaxCharsPerControl >= text.Length;
    }

    /// <summary>
    /// Appends the findings of the likeliest accepted UTF-16 reading of <paramref name="text"/> to
    /// <paramref name="findings"/> and returns true; false (nothing appended) when no reading is accepted.
    /// </summary>
    public static bool TryFind(string text, List<EncodingFinding> findings)
    {
        if (IsPeriodic(text))
        {
            // A few characters repeated: every reading repeats too, and what it gains is only the first period's
            // score, and half the characters (〧 ten times, read as UTF-16 of the other byte order, gave ✰ ten times;
            // ÀÁ eight times, UTF-16LE read as Latin-1, gave 쇀 eight times).
            return false;
        }

        bool controls = HasControls(text);
        SpanScore input = TextLikelihood.ScoreLines(text, CharNgramModel.Boundary, CharNgramModel.Boundary);
        string? probe = text.Length > ProbeLength ? text[..ProbeLength] : null;
        SpanScore probeInput = probe is null ? default : TextLikelihood.ScoreLines(probe, CharNgramModel.Boundary, CharNgramModel.Boundary);
        // The text with what the wrong decoder may have written for lost bytes marked: read both ways, as the lost
        // stretches can be one or two bytes long (LayerUndo.UndoUtf16WithLosses).
        string marked = LayerUndo.MarkLost(text);
        bool lossy = marked.Contains('\uFFFD', StringComparison.Ordinal);
        string? markedProbe = lossy && probe is not null ? LayerUndo.MarkLost(probe) : null;
        LayerResult? best = null;
        SpanScore bestScore = default;
        string? bestChain = null;
        double bestGain = double.NegativeInfinity;

        // Readings of one character and lost bytes, by their character's best gain (see OneOfSeveral).
        Dictionary<char, double>? single = null;
        foreach (Codec wrong in Codec.WrongDecoders)
        {
            if (!LayerUndo.CanEncodeAll(wrong, text))
            {
                continue;
            }

            if (text.Length < MaxFieldLength && ByteCount(wrong, text) < MinFieldBytes)
            {
                continue;
            }

            foreach (Codec truth in s_truths)
            {
                if (truth.Family == wrong.Family || (probe is not null && !GainsOnProbe(probe, markedProbe, probeInput, truth, wrong))
                    || (wrong.Kind is CodecKind.Utf16Le or CodecKind.Utf16Be && InOneBlock(text)))
                {
                    continue;
                }

                Consider(LayerUndo.Undo(text, truth, wrong));
                if (lossy)
                {
                    Consider(LayerUndo.UndoUtf16WithLosses(marked, truth, wrong));
                }

                void Consider(LayerResult? result)
                {
                    // The layer is undone on the whole text, so every group must decode: a group left as it was is
                    // text the reading cannot explain. Kept, a reading of three lines, the middle one clean Japanese,
                    // left the clean line's characters but one as they were and deleted 阪 (utf-16le decoded as gbk).
                    // A field without controls (no evidence of UTF-16 of its own) whose reading has no letter and no
                    // digit restores no text (as a token's run must restore a letter, see RunJudge): symbols read as
                    // other symbols are no evidence, and the clean "™ © ®" became "₪₩�" by UTF-16LE read as Mac Roman, its
                    // odd last byte taken for a loss. With controls, the NULs are the evidence: text of '?' (what a
                    // lossy encoder wrote) read so is still undone.
                    if (result is null || result.Invalid > 0 || NeverText.IsAddedBy(result.Text, text, privateUse: true)
                        || (!controls && !HasLetterOrDigit(result.Text)))
                    {
                        return;
                    }

                    SpanScore score = TextLikelihood.ScoreLines(result.Text, CharNgramModel.Boundary, CharNgramModel.Boundary);
                    double gain = EncodingDecision.Gain(score, 1, input);
                    if (OneCharacter(result.Text) is { } c)
                    {
                        single ??= [];
                        single[c] = Math.Max(gain, single.GetValueOrDefault(c, double.NegativeInfinity));
                    }

                    if (gain > bestGain)
                    {
                        (best, bestScore, bestChain, bestGain) = (result, score, truth.AsReadBy(wrong), gain);
                    }
                }
            }
        }

        if (best is null || !EncodingDecision.AcceptRun(bestScore, 1, input, best.Text, CharNgramModel.Boundary, CharNgramModel.Boundary, text, following: false))
        {
            return false;
        }

        if (OneOfSeveral(best.Text, bestGain, single))
        {
            findings.Add(EncodingFinding.TextNotTold(0, text, bestChain!));
            return true;
        }

        AddGroups(text, best, bestChain!, findings);
        return true;
    }

    // A reading of one character and lost bytes is a guess when a reading of another character gains within
    // EncodingDecision.MinWholeFieldMargin of it, as for the token search's readings (TokenReading.Guessed): three bytes
    // of any field read as UTF-16 are one unit and a lost byte ("ÉÈÊ" was 질� by UTF-16BE read as windows-1252, with
    // other characters by other readings about as likely). The field is damaged, kept and reported lossy.
    private static bool OneOfSeveral(string reading, double gain, Dictionary<char, double>? single)
    {
        if (OneCharacter(reading) is not { } kept || single is null)
        {
            return false;
        }

        foreach ((char c, double other) in single)
        {
            if (c != kept && other > gain - EncodingDecision.MinWholeFieldMargin)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Fewest characters beyond ASCII that, all in one block of 256 code points, show a text written in that block's
    /// alphabet rather than UTF-16 read in the wrong byte order. Text in one small alphabet (Persian, Greek, Hebrew, Thai)
    /// keeps its letters in one block, U+06xx for Persian; read in the other byte order, every one of them becomes a
    /// character of the same low byte, which text written in any script has only by chance (1 in 256 per character after
    /// the first). Two such characters suffice: "پس از" (U+067E U+0633 U+0627 U+0632 and a space), read so, became
    /// 縆㌆ ✆㈆ (rare Han, squared katakana, a dingbat, an en quad), which the models, scoring symbols as their classes,
    /// preferred by 17.6 nats to four letters no model was trained on (session 40, the clean catalogue probe's one
    /// Persian harm). The byte-swapped text of any script spreads over blocks and is still read.
    /// </summary>
    public const int MinOneBlockChars = 2;

    // True when the text's characters beyond ASCII, at least MinOneBlockChars of them, all lie in one block of 256
    // code points: its other byte order would give characters that all end in the same byte (see MinOneBlockChars).
    private static bool InOneBlock(ReadOnlySpan<char> text)
    {
        int count = 0, block = -1;
        foreach (char c in text)
        {
            if (c < 0x80)
            {
                continue;
            }

            if (block >= 0 && c >> 8 != block)
            {
                return false;
            }

            block = c >> 8;
            count++;
        }

        return count >= MinOneBlockChars;
    }

    // The bytes the wrong decoder read to write text, counted up to MinFieldBytes (a U+FFFD as one).
    private static int ByteCount(Codec wrong, string text)
    {
        int bytes = 0;
        for (int i = 0; i < text.Length && bytes < MinFieldBytes; i++)
        {
            char c = text[i];
            bytes += wrong.Kind switch
            {
                CodecKind.Table => c != '\uFFFD' && wrong.Page.IsDoubleByteChar(c) ? 2 : 1,
                CodecKind.Utf8 => c < 0x80 || c == '\uFFFD' ? 1 : c < 0x800 ? 2 : 3,
                _ => 2,
            };
        }

        return bytes;
    }

    // True when text holds a letter or a digit of any script (ASCII included): "2.147.483." written in UTF-16 and read
    // in the other byte order (㈀⸀㄀...) is text to restore (tools/probe-losses-repeats.py fuzz 41).
    private static bool HasLetterOrDigit(string text)
    {
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    // The one character of a reading of one character and U+FFFD, or null.
    private static char? OneCharacter(string reading)
    {
        int first = reading.AsSpan().IndexOfAnyExcept('\uFFFD');
        return first < 0 || !reading.Contains('\uFFFD', StringComparison.Ordinal) || reading.AsSpan(first + 1).IndexOfAnyExcept('\uFFFD') >= 0
            ? null : reading[first];
    }

    /// <summary>
    /// Longest period of a text <see cref="TryFind"/> leaves alone as a repetition: 4 characters are 4 bytes or more
    /// under every wrong decoder, two UTF-16 units, so every reading of such a text is a run of at most two characters
    /// repeated.
    /// </summary>
    public const int MaxPeriod = 4;

    // True when text is its first p characters repeated (the last repetition may be cut), for some p up to MaxPeriod,
    // at least twice over.
    private static bool IsPeriodic(string text)
    {
        for (int period = 1; period <= MaxPeriod && 2 * period <= text.Length; period++)
        {
            if (text.AsSpan(period).SequenceEqual(text.AsSpan(0, text.Length - period)))
            {
                return true;
            }
        }

        return text.Length == 0;
    }

    // True when the reading gains on the probe (the text's first ProbeLength characters, scored input), read plainly or,
    // when the text has losses, through them (markedProbe: the probe with its losses marked, once per text).
    private static bool GainsOnProbe(string probe, string? markedProbe, SpanScore input, Codec truth, Codec wrong) =>
        Gains(LayerUndo.Undo(probe, truth, wrong), input)
        || (markedProbe is not null && Gains(LayerUndo.UndoUtf16WithLosses(markedProbe, truth, wrong), input));

    private static bool Gains(LayerResult? result, SpanScore input) =>
        result is not null && EncodingDecision.Gain(TextLikelihood.ScoreLines(result.Text, CharNgramModel.Boundary, CharNgramModel.Boundary), 1, input) > 0;

    // One finding per run of consecutive groups whose text changed or is lost.
    private static void AddGroups(string text, LayerResult result, string chain, List<EncodingFinding> findings)
    {
        int runStart = -1;
        for (int g = 0; g < result.OldBounds.Length - 1; g++)
        {
            int oldStart = result.OldBounds[g], oldEnd = result.OldBounds[g + 1];
            ReadOnlySpan<char> read = result.Text.AsSpan(result.NewBounds[g], result.NewBounds[g + 1] - result.NewBounds[g]);

            // A U+FFFD the wrong decoder wrote and the reading keeps is a loss all the same: reported, as the scanner
            // reports one outside a reading.
            bool changed = !text.AsSpan(oldStart, oldEnd - oldStart).SequenceEqual(read) || read.Contains('\uFFFD');
            if (changed && runStart < 0)
            {
                runStart = g;
            }
            else if (!changed && runStart >= 0)
            {
                Add(result, chain, runStart, g, findings);
                runStart = -1;
            }
        }

        if (runStart >= 0)
        {
            Add(result, chain, runStart, result.OldBounds.Length - 1, findings);
        }
    }

    private static void Add(LayerResult result, string chain, int firstGroup, int endGroup, List<EncodingFinding> findings)
    {
        int start = result.OldBounds[firstGroup], end = result.OldBounds[endGroup];
        string replacement = result.Text[result.NewBounds[firstGroup]..result.NewBounds[endGroup]];
        findings.Add(new EncodingFinding(start, end - start, replacement, chain, replacement.Contains('\uFFFD', StringComparison.Ordinal)));
    }
}
