namespace TextRepair.Analysis.Decoding;

/// <summary>
/// The case of Cyrillic letters, which the Cyrillic model does not see (it scores a capital as its small letter, see
/// <c>IsCyrillicCapital</c> in TextLikelihood.Tables.cs): a word is written small, Capitalised or in CAPITALS, and a
/// case that changes inside a word is scored by how often the model's training text changes it so.
/// </summary>
internal static partial class TextLikelihood
{
    /// <summary>
    /// Log-probability that a Cyrillic letter after a small Cyrillic letter is a capital ("эИ", "чТ"): ln(875 / 2,066,686),
    /// the share of such transitions in the Cyrillic model's training text (tools/train-charlm.py's reader, session 39;
    /// nearly all are program identifiers run together, ПравкаПараметры). GBK read as windows-1251 writes capitals and
    /// small letters at random (a lead byte C0-DF is a capital, E0-FF a small letter), and with the case folded its
    /// readings scored as words: "ХэИз" (正如), "ЛчТэ" (索引) were left garbled once the Cyrillic model knew the other
    /// Cyrillic-script languages (session 38).
    /// </summary>
    public const double CyrillicCapitalAfterSmallLogProb = -7.77;

    /// <summary>
    /// Log-probability that a Cyrillic letter after two Cyrillic capitals is a small letter ("ЬАн" of "№ЬАн", 管理 read
    /// as windows-1251): ln(72 / 2,281), the share in the Cyrillic model's training text (units such as МГц, a word in
    /// CAPITALS goes on in capitals).
    /// </summary>
    public const double CyrillicSmallAfterCapitalsLogProb = -3.46;

    /// <summary>
    /// The case charge of the transition into <paramref name="raw"/> after <paramref name="previousRaw"/> under the
    /// Cyrillic model, <paramref name="capitals"/> being the run of Cyrillic capitals that ends at
    /// <paramref name="previousRaw"/> (0 when it is none). 0 for a case that does not change inside a word, and for
    /// the next capital of a chart of case pairs ("КкЛлМм": the capital after Л's small letter is the next one in code
    /// point order, a listing as <see cref="RepeatLogProb"/> scores one; charged, the clean chart of the dev half's clean
    /// charts was read as 赎穗天晚).
    /// </summary>
    internal static double CyrillicCaseLogProb(char previousRaw, char raw, int capitals) =>
        IsCyrillicLetterCase(raw, upper: true) && IsCyrillicLetterCase(previousRaw, upper: false) ? (IsNextCapital(previousRaw, raw) ? 0 : CyrillicCapitalAfterSmallLogProb)
        : capitals >= 2 && IsCyrillicLetterCase(raw, upper: false) ? CyrillicSmallAfterCapitalsLogProb
        : 0;

    // True when capital is the first capital after small's own capital in code-point order (А Б В ..., and Ѡ Ѣ Ѥ ...,
    // whose small letters sit between them).
    private static bool IsNextCapital(char small, char capital)
    {
        int own = char.ToUpperInvariant(small);
        return capital == own + 1 || (capital == own + 2 && char.IsLower((char)(own + 1)));
    }

    /// <summary>True when <paramref name="c"/> is a Cyrillic capital (<paramref name="upper"/>) or small letter.</summary>
    internal static bool IsCyrillicLetterCase(char c, bool upper) =>
        c is >= '\u0400' and <= '\u052F' && (upper ? char.IsUpper(c) : char.IsLower(c));
}
