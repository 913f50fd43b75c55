namespace TextRepair;

/// <summary>A span of text that tells which Chinese it is (see <see cref="VariantReport.Evidence"/>).</summary>
/// <param name="Start">Index of the first UTF-16 unit.</param>
/// <param name="Length">Length in UTF-16 units.</param>
/// <param name="Kind">What the span shows.</param>
public readonly record struct VariantEvidence(int Start, int Length, VariantEvidenceKind Kind);

/// <summary>What a piece of <see cref="VariantEvidence"/> shows.</summary>
public enum VariantEvidenceKind
{
    /// <summary>A character that only Simplified Chinese writes (OpenCC's tables: 软).</summary>
    SimplifiedCharacter,

    /// <summary>A character that only Traditional Chinese writes (軟).</summary>
    TraditionalCharacter,

    /// <summary>A character the Taiwan standard keeps and the Hong Kong one replaces (說, t2hk writes 説).</summary>
    TaiwanCharacter,

    /// <summary>A form that only the Taiwan standard writes (裡).</summary>
    TaiwanForm,

    /// <summary>A character the Hong Kong standard keeps and the Taiwan one replaces (裏, t2tw writes 裡).</summary>
    HongKongCharacter,

    /// <summary>A form that only the Hong Kong standard writes (綫, 衞).</summary>
    HongKongForm,

    /// <summary>A Taiwan term of OpenCC's TWPhrases (軟體, 資訊).</summary>
    TaiwanTerm,

    /// <summary>A term OpenCC's TWPhrases replaces for Taiwan (軟件, 信息).</summary>
    NonTaiwanTerm,

    /// <summary>A Hong Kong term of OpenCC's HKPhrases.</summary>
    HongKongTerm,

    /// <summary>A term OpenCC's HKPhrases replaces for Hong Kong.</summary>
    NonHongKongTerm,

    /// <summary>
    /// A character or character pair outside OpenCC's regional tables that Taiwan writing uses markedly more often than
    /// Hong Kong writing (您; learned from paired Taiwan / Hong Kong translations, see docs/variant.md).
    /// </summary>
    TaiwanUsage,

    /// <summary>A character or character pair that Hong Kong writing uses markedly more often than Taiwan writing (你, 闊度).</summary>
    HongKongUsage,
}

/// <summary>A stretch of text in another variant than the text as a whole (a Simplified paragraph in Traditional text).</summary>
/// <param name="Start">Index of the first UTF-16 unit (the start of the first line of the stretch).</param>
/// <param name="Length">Length in UTF-16 units (to the end of the last line, line break excluded).</param>
/// <param name="Variant">The variant of the stretch: <see cref="ChineseVariant.Hans"/> or <see cref="ChineseVariant.Hant"/>.</param>
public readonly record struct VariantSpan(int Start, int Length, ChineseVariant Variant);
