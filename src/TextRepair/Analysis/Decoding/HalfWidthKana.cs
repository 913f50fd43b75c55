using TextRepair.Analysis.Language;

namespace TextRepair.Analysis.Decoding;

/// <summary>
/// Half-width katakana (U+FF61..U+FF9F), what Shift-JIS writes in one byte: "ﾃﾞｰﾀ" for データ. The script models were
/// trained on full-width text and never saw them, so a clean word of them scored as a run of unseen characters, and any
/// reading beat it: "ﾃﾞｰﾀ" became 棉袄, GBK's reading of its bytes. <see cref="TextLikelihood"/> scores each as the
/// full-width character it is a compatibility form of (<see cref="FullWidth"/>), a voiced sound mark as the voiced
/// kana it makes with the kana before it (<see cref="Compose"/>), and charges a run of them once for being written in
/// half-width forms at all (<see cref="RunLogProb"/>). Thread-safe; allocates nothing after its tables are built.
/// </summary>
internal static class HalfWidthKana
{
    /// <summary>
    /// Log-probability that a run of kana is written in half-width forms, charged at the run's first character: they are
    /// a legacy of one-byte terminals and survive in bank transfers, receipts and old systems' data, rare beside the
    /// full-width kana of every text the models were trained on. The cost is what makes the choice: scored as full-width
    /// kana alone (session 26), the half-width letters GBK, Big5 and EUC text read as Shift-JIS is made of read as fluent
    /// katakana ("ｵﾄﾄﾇ", 的那, as オトトヌ), and 4 recoverable cases of the dev half were lost; scored as unseen, clean
    /// words were rewritten (31 of 40 clean half-width strings of a probe). At -12: 39 of the 40 kept, 270 of 300 GBK
    /// words whose bytes read as half-width kana alone still repaired (282 unseen), dev 2 flags and 2 best texts fewer;
    /// at -16 clean strings start to go (35 of 40). See <c>docs/encoding.md</c>, "Half-width katakana, and an exact
    /// evaluation oracle (session 27)", for the table. A run that is a field between ASCII takes
    /// <see cref="AsciiFieldLogProb"/> instead (session 38).
    /// </summary>
    public const double RunLogProb = -12;

    /// <summary>
    /// Log-probability that a run of kana is written in half-width forms when the run is a field of JIS X 0201, the
    /// one-byte set: ASCII or a line's end on both sides (see <see cref="RunCharge"/>). That is how the legacy writes
    /// them, whole fields between ASCII delimiters ("高橋,ﾀｶﾊｼ", "ﾃﾞｰﾀ 1"), while a run glued to a double-byte
    /// character is what GBK, Big5 and EUC text read as Shift-JIS is mostly made of ("ｵ羹": one byte in two of the
    /// mojibake is a lead that lands in A1..DF), and a run beside the half-width punctuation is what EUC-JP's kana read
    /// as Shift-JIS is made of (its rows' lead bytes A4 and A5 are ､ and ･: "､ﾒ､ｩ"); there <see cref="RunLogProb"/>
    /// stays. The charge is the prior of half-width writing given where the run stands. -10 measured in session 38
    /// (docs/encoding.md, "Half-width katakana fields between ASCII (session 38)"): clean catalogue kana fields changed
    /// 49 → 19 of 22,206, garbled half-width fields of our probe repaired 1,154 → 1,136 of 1,306 (the others left as
    /// they were), Japanese words read through EUC-JP as Shift-JIS fixed on the dev half 168 → 165; the evaluation's dev
    /// half and context cases unchanged.
    /// </summary>
    public const double AsciiFieldLogProb = -10;

    /// <summary>
    /// The charge of the half-width run that starts at <paramref name="start"/> of <paramref name="text"/> (between
    /// <paramref name="before"/> and <paramref name="after"/>): <see cref="AsciiFieldLogProb"/> when the characters on
    /// both sides of the run are ASCII (a line boundary is), else <see cref="RunLogProb"/>. A lost character (U+FFFD)
    /// next to it is not ASCII. Linear in the run's length.
    /// </summary>
    public static double RunCharge(ReadOnlySpan<char> text, int start, char before, char after)
    {
        char left = start == 0 ? before : text[start - 1];
        int end = start;
        while (end < text.Length && IsKana(text[end]))
        {
            end++;
        }

        char right = end < text.Length ? text[end] : after;
        return left < '\u0080' && right < '\u0080' ? AsciiFieldLogProb : RunLogProb;
    }

    /// <summary>First half-width form: U+FF61, the half-width ideographic full stop.</summary>
    public const char First = '\uFF61';

    /// <summary>Last half-width form: U+FF9F, the half-width semi-voiced sound mark.</summary>
    public const char Last = '\uFF9F';

    private const char VoicedMark = '\uFF9E';
    private const char SemiVoicedMark = '\uFF9F';

    // The full-width forms of U+FF61..U+FF9F, in order (Unicode's compatibility decompositions; the two sound marks as
    // the spacing marks ゛ and ゜).
    private const string FullWidthForms =
        "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜";

    /// <summary>
    /// Log-probability of a voiced sound mark after a kana that takes it, when the model does not know the voiced kana
    /// they make: the share of voiced kana among the kana of their rows (カ..ト, ハ..ホ with their voiced forms) in the
    /// Japanese model's unigrams, computed when first used. The composed kana then stands for both characters in the
    /// transition that follows. When the model knows the voiced kana, the kana before the mark is scored as it and the
    /// mark costs nothing (session 37, see <c>TextLikelihood</c>'s scoring loop).
    /// </summary>
    public static double VoicedMarkLogProb => Shares.Voiced;

    /// <summary>First half-width kana: U+FF66, ｦ. The five before it (｡｢｣､･) are punctuation, scored as symbols are.</summary>
    public const char FirstKana = '\uFF66';

    /// <summary>True for a half-width form (U+FF61..U+FF9F).</summary>
    public static bool IsHalfWidth(char c) => c is >= First and <= Last;

    /// <summary>
    /// True for a half-width kana or sound mark (U+FF66..U+FF9F): what is scored as full-width kana and charged as a run
    /// (see <see cref="RunLogProb"/>). The half-width punctuation before them (｡｢｣､･) is scored as the likeliest known
    /// symbol of its block, as any unseen symbol is, and starts no run: it is no kana.
    /// </summary>
    public static bool IsKana(char c) => c is >= FirstKana and <= Last;

    /// <summary>True for the half-width voiced or semi-voiced sound mark.</summary>
    public static bool IsMark(char c) => c is VoicedMark or SemiVoicedMark;

    /// <summary>The full-width character <paramref name="c"/> is a compatibility form of, or <paramref name="c"/>.</summary>
    public static char FullWidth(char c) => IsHalfWidth(c) ? FullWidthForms[c - First] : c;

    /// <summary>
    /// The full-width voiced kana a half-width <paramref name="kana"/> makes with the half-width sound
    /// <paramref name="mark"/> after it (ﾃ + ﾞ is デ, ﾊ + ﾟ is パ), or '\0' when the kana takes no such mark: a mark
    /// after anything else is no Japanese, what GBK's bytes DE and DF read as Shift-JIS leave anywhere.
    /// </summary>
    public static char Compose(char kana, char mark)
    {
        char full = FullWidth(kana);
        return mark switch
        {
            VoicedMark when full is (>= 'カ' and <= 'ト') or (>= 'ハ' and <= 'ホ') && HasVoicedForm(full) => (char)(full + 1),
            VoicedMark when full == 'ウ' => 'ヴ',
            VoicedMark when full == 'ワ' => 'ヷ',
            VoicedMark when full == 'ヲ' => 'ヺ',
            SemiVoicedMark when full is >= 'ハ' and <= 'ホ' && HasVoicedForm(full) => (char)(full + 2),
            _ => '\0',
        };
    }

    // In the rows カ..ト and ハ..ホ the voiced forms follow their kana (カガ, ハバパ); the small ッ, which sits between
    // チ and ツ, has none.
    private static bool HasVoicedForm(char full) => full switch
    {
        >= 'カ' and <= 'チ' => (full - 'カ') % 2 == 0,
        >= 'ツ' and <= 'ト' => (full - 'ツ') % 2 == 0,
        >= 'ハ' and <= 'ホ' => (full - 'ハ') % 3 == 0,
        _ => false,
    };

    private static class Shares
    {
        public static readonly double Voiced = ComputeVoiced();

        private static double ComputeVoiced()
        {
            CharNgramModel.ScriptModel ja = CharNgramModel.Shared.Model(LanguageScript.Ja);
            double voiced = 0, all = 0;
            for (char c = 'カ'; c <= 'ホ'; c++)
            {
                if (!HasVoicedForm(c))
                {
                    continue;
                }

                double plain = Math.Exp(ja.UnigramLogProb(c)), withMark = Math.Exp(ja.UnigramLogProb((char)(c + 1)));
                voiced += withMark;
                all += plain + withMark;
            }

            return all > 0 ? Math.Log(voiced / all) : TextLikelihood.LostCharLogProb;
        }
    }
}
