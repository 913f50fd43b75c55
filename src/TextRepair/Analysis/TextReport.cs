using System.Globalization;
using System.Text;

namespace TextRepair;

/// <summary>
/// What <see cref="TextAnalyzer.Analyze(ReadOnlySpan{char})"/> found in a text: script, pinyin annotations, evidence
/// of machine damage, suspected damage with positions. Immutable; safe to share across threads.
/// </summary>
public sealed class TextReport
{
    internal TextReport(
        int hanCount,
        int simplifiedCount,
        int traditionalCount,
        IReadOnlyList<PinyinAnnotation> annotations,
        AnnotationEvidence evidence,
        int distinctAnnotatedCharacters,
        int conversionSignatures,
        bool convertedFromSimplified,
        IReadOnlyList<SuspectedDamage> suspectedDamage)
    {
        HanCount = hanCount;
        SimplifiedCount = simplifiedCount;
        TraditionalCount = traditionalCount;
        Annotations = annotations;
        Evidence = evidence;
        DistinctAnnotatedCharacterCount = distinctAnnotatedCharacters;
        ConversionSignatureCount = conversionSignatures;
        ConvertedFromSimplified = convertedFromSimplified;
        SuspectedDamage = suspectedDamage;
    }

    /// <summary>
    /// The script the text is written in, from <see cref="SimplifiedCount"/> and <see cref="TraditionalCount"/>:
    /// <see cref="ChineseVariant.None"/> (no script-specific character), <see cref="ChineseVariant.Hans"/>,
    /// <see cref="ChineseVariant.Hant"/>, or <see cref="ChineseVariant.Mixed"/> (the minority at least 5% of both). The
    /// region (<see cref="ChineseVariant.HantTW"/>, ...) is <see cref="Variant"/>'s to say.
    /// </summary>
    public ChineseVariant Script
    {
        get
        {
            int s = SimplifiedCount;
            int t = TraditionalCount;
            if (s == 0 && t == 0)
            {
                return ChineseVariant.None;
            }

            int minority = Math.Min(s, t);
            if (minority * 20L >= (long)(s + t))
            {
                return ChineseVariant.Mixed;
            }

            return s > t ? ChineseVariant.Hans : ChineseVariant.Hant;
        }
    }

    /// <summary>Number of CJK ideographs (code points).</summary>
    public int HanCount { get; }

    /// <summary>Number of characters that exist only in Simplified Chinese (OpenCC's tables).</summary>
    public int SimplifiedCount { get; }

    /// <summary>Number of characters that exist only in Traditional Chinese (OpenCC's tables).</summary>
    public int TraditionalCount { get; }

    /// <summary>Every parenthesised single pinyin syllable written right after a Han character, in text order.</summary>
    public IReadOnlyList<PinyinAnnotation> Annotations { get; }

    /// <summary>How strongly the annotations show machine damage; only strong evidence leads to repairs.</summary>
    public AnnotationEvidence Evidence { get; }

    /// <summary>Number of distinct characters with an annotation that fits their readings.</summary>
    public int DistinctAnnotatedCharacterCount { get; }

    /// <summary>
    /// Number of spots where the text keeps a character that only a character-by-character Simplified→Traditional
    /// conversion would keep (<c>聯系</c>).
    /// </summary>
    public int ConversionSignatureCount { get; }

    /// <summary>True when the text shows that it was machine-converted from Simplified Chinese.</summary>
    public bool ConvertedFromSimplified { get; }

    /// <summary>
    /// Suspected damage in text order, each span with its <see cref="RepairKind"/>: annotations that fit, lost-vowel
    /// pinyin, conversion signatures, encoding damage (mojibake and loss markers).
    /// </summary>
    public IReadOnlyList<SuspectedDamage> SuspectedDamage { get; }

    /// <summary>
    /// The BCP-47 tag of the identified variant (<c>zh-Hans</c>, <c>zh-Hant</c>, <c>zh-Hant-TW</c>, <c>zh-Hant-HK</c>,
    /// <c>mixed</c>, <c>undetermined</c>, <c>none</c>); see <see cref="TextAnalyzer.IdentifyVariant(ReadOnlySpan{char})"/>
    /// for the evidence.
    /// </summary>
    public string Variant { get; private init; } = "undetermined";

    /// <summary>How likely <see cref="Variant"/> is right, 0 to 1 (see <see cref="VariantReport.Confidence"/>).</summary>
    public double VariantConfidence { get; private init; }

    internal TextReport WithVariant(VariantReport variant) => new(
        HanCount, SimplifiedCount, TraditionalCount, Annotations, Evidence, DistinctAnnotatedCharacterCount, ConversionSignatureCount, ConvertedFromSimplified, SuspectedDamage)
    {
        Variant = variant.Tag,
        VariantConfidence = variant.Confidence,
    };

    /// <summary>A one-paragraph readable summary. Allocates the returned string.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        CultureInfo c = CultureInfo.InvariantCulture;
        builder.Append(c, $"script {ChineseVariantTags.ToTag(Script)} (Han {HanCount}, Simplified-only {SimplifiedCount}, Traditional-only {TraditionalCount}); ");
        builder.Append(c, $"{Annotations.Count} pinyin annotation(s) on {DistinctAnnotatedCharacterCount} distinct validated character(s), evidence {Evidence}; ");
        builder.Append(c, $"{ConversionSignatureCount} character-conversion signature(s); ");
        builder.Append(ConvertedFromSimplified ? "machine-converted from Simplified" : "no sign of machine conversion");
        builder.Append(c, $"; {SuspectedDamage.Count} suspected damage span(s).");
        return builder.ToString();
    }
}
