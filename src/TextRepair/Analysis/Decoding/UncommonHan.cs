namespace TextRepair.Analysis.Decoding;

/// <summary>
/// The pre-scan for mojibake made only of Han characters: text in one double-byte encoding read with another (EUC-KR
/// or EUC-JP read as GBK or Big5, GBK read as Big5 and back) holds no character that <see cref="SuspiciousChars"/>
/// flags, because its two-byte codes land on the first levels of GB2312 and Big5. Those levels are ordered by
/// pronunciation or radical, not by use, so such text is made of characters that Chinese rarely uses; real Chinese is
/// made mostly of its 1,524 commonest characters (<see cref="CommonBits"/>). A line whose first
/// <see cref="SampledHan"/> Han characters are at least <see cref="MinUncommonPercent"/>% uncommon is handed to the
/// engine, which decides it on the language model as any other. One bit test per Han character in a 2.6 KB table, at
/// most <see cref="SampledHan"/> per line; allocates nothing; thread-safe.
/// </summary>
internal static partial class UncommonHan
{
    /// <summary>
    /// Unigram log-probability (natural log) from which a Han character is common, in the zh-Hans or the zh-Hant model:
    /// 1,524 characters of U+4E00-U+9FFF. Measured on the dev half of the evaluation set (1,200 clean zh-cn and 1,200
    /// clean zh-tw lines; 138-1,200 lines per chain), share of uncommon characters among a line's first 24 Han:
    /// at -9, 2 clean lines reach 40% (8 reach 30%), and 26 of 2,936 lines of EUC-KR read as GBK or Big5, EUC-JP read
    /// as GBK or Big5, GBK read as Big5 and Big5 read as GBK stay under 40% (EUC-JP read as GBK 13, Big5 read as GBK
    /// 10). At -9.5 (2,013 characters) 1 clean line reaches 40% and 65 mojibake lines stay under; at -10 (2,577) 214
    /// do. The model since session 9 knows general-subject words (rime-essay), so its log-probabilities are not the
    /// software-only model's: there -11 gave 1,706 characters, 2 clean lines at 40% and 30 mojibake lines under.
    /// </summary>
    public const double CommonLogProb = -9;

    /// <summary>Share of uncommon characters, in percent, from which a line is handed to the engine (see <see cref="CommonLogProb"/>).</summary>
    public const int MinUncommonPercent = 40;

    /// <summary>
    /// Han characters of a line looked at, from its start: enough to tell (the clean lines above never reach 40% over
    /// their first 24), and a bound on the pre-scan's work per line. A line that starts clean and turns into mojibake
    /// after its 24th Han character is not found by this pre-scan.
    /// </summary>
    public const int SampledHan = 24;

    /// <summary>Fewest Han characters a line needs to be judged: one uncommon character alone is no evidence.</summary>
    public const int MinHan = 2;

    /// <summary>
    /// Fewest Han characters a token needs before <see cref="IsCommonHanText"/> can clear it: a short token of common
    /// characters can still be a few characters of mojibake.
    /// </summary>
    public const int MinClearedHan = 8;

    /// <summary>
    /// Share of uncommon characters, in percent, under which a token of Han text is cleared by
    /// <see cref="IsCommonHanText"/>. Measured on tokens of at least <see cref="MinClearedHan"/> Han characters and no
    /// other letters: the 24 such tokens of the dev half's double-byte mojibake have 50-100% uncommon characters; the
    /// seed's clean news lines (Dongguan government news, outside the model's software-documentation domain) have
    /// 10-29%. 30 leaves the clean side its margin and the mojibake side a wider one.
    /// </summary>
    public const int MaxClearedUncommonPercent = 30;

    /// <summary>
    /// Fewest Han characters per U+FFFD in a token <see cref="IsCommonHanText"/> clears. A loss already marked is no
    /// sign of a wrong decoder either way, and text repaired with its losses marked must pass the gate when it is
    /// repaired again (the repair's second pass): in the repaired dev-half paragraphs of UTF-8 read as GBK with lost
    /// bytes, a token has one U+FFFD per 20-30 Han characters. Double-byte text read as UTF-8 is the other way round:
    /// several U+FFFD per Han character, and those Han characters are random, mostly uncommon ones.
    /// </summary>
    public const int MinHanPerLoss = 4;

    /// <summary>First Han character a line's sample counts (CJK Extension A; see <see cref="IsMostlyUncommon"/>).</summary>
    internal const char FirstSampled = '\u3400';

    /// <summary>Last Han character a line's sample counts.</summary>
    internal const char LastSampled = Last;

    private const char First = '\u4E00';
    private const char Last = '\u9FFF';

    /// <summary>True when <paramref name="c"/> is one of the common Han characters (see <see cref="CommonLogProb"/>).</summary>
    public static bool IsCommon(char c) => c is >= First and <= Last && (CommonBits[(c - First) >> 3] & (1 << ((c - First) & 7))) != 0;

    /// <summary>
    /// True when <paramref name="token"/> is Han text made of common characters: Han characters (at least
    /// <see cref="MinClearedHan"/>, under <see cref="MaxClearedUncommonPercent"/>% of them uncommon), general, CJK and
    /// full-width punctuation (spaces, dashes, curly quotes), ASCII, and a few U+FFFD (at most one per
    /// <see cref="MinHanPerLoss"/> Han characters), nothing else. Such a token is no mojibake: what a wrong decoder makes of CJK bytes is
    /// either characters from outside these blocks (Latin-1, box drawing, kana, Hangul, symbols) or Han characters from
    /// sections ordered by pronunciation or radical, mostly uncommon (see <see cref="CommonLogProb"/>). Clean text
    /// outside the language model's domain (news, where 人才 or 镇街 is rare to a model trained on software
    /// documentation) is then not searched on the surprise of its vocabulary. Linear; allocates nothing.
    /// </summary>
    public static bool IsCommonHanText(ReadOnlySpan<char> token)
    {
        int han = 0, uncommon = 0, lost = 0;
        foreach (char c in token)
        {
            if (c < 0x80)
            {
                continue;
            }

            if (c is >= '\u3400' and <= Last)
            {
                han++;
                uncommon += IsCommon(c) ? 0 : 1;
            }
            else if (c == '\uFFFD')
            {
                lost++;
            }
            else if (c is not ((>= '\u2000' and <= '\u206F') or (>= '\u3000' and <= '\u303F') or (>= '\uFF01' and <= '\uFF5E') or '\u00A0'))
            {
                return false;
            }
        }

        return han >= MinClearedHan && uncommon * 100 < han * MaxClearedUncommonPercent && lost * MinHanPerLoss <= han;
    }

    /// <summary>
    /// The verdict on a line whose first Han characters (at most <see cref="SampledHan"/>, from
    /// <see cref="FirstSampled"/> to <see cref="LastSampled"/>) are <paramref name="han"/>, <paramref name="uncommon"/>
    /// of them uncommon: true when the line is mostly uncommon Han.
    /// </summary>
    internal static bool IsMostlyUncommon(int han, int uncommon) => han >= MinHan && uncommon * 100 >= han * MinUncommonPercent;
}
