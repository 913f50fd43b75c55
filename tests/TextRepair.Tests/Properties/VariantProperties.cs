using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace TextRepair.Tests.Properties;

public sealed class VariantProperties
{
    private static readonly VariantEvidenceKind[] s_regional =
    [
        VariantEvidenceKind.TaiwanCharacter, VariantEvidenceKind.TaiwanForm, VariantEvidenceKind.HongKongCharacter,
        VariantEvidenceKind.HongKongForm, VariantEvidenceKind.TaiwanTerm, VariantEvidenceKind.NonTaiwanTerm,
        VariantEvidenceKind.HongKongTerm, VariantEvidenceKind.NonHongKongTerm,
    ];

    [Property(MaxTest = 300)]
    public Property Evidence_IsInTextOrder_InsideTheText_AndCounted() =>
        Prop.ForAll(ConversionText.Text.ToArbitrary(), text =>
        {
            VariantReport r = TextAnalyzer.IdentifyVariant(text);
            bool ordered = r.Evidence.Zip(r.Evidence.Skip(1)).All(p => p.First.Start <= p.Second.Start);
            bool inside = r.Evidence.All(e => e.Start >= 0 && e.Length > 0 && e.Start + e.Length <= text.Length);
            bool counted = Enum.GetValues<VariantEvidenceKind>().All(k => r.Count(k) == r.Evidence.Count(e => e.Kind == k));
            return ordered && inside && counted;
        });

    [Property(MaxTest = 300)]
    public Property RegionalUsage_NeverOverlapsRegionalCharactersOrTerms() =>
        Prop.ForAll(ConversionText.Text.ToArbitrary(), text =>
        {
            VariantReport r = TextAnalyzer.IdentifyVariant(text);
            var regional = r.Evidence.Where(e => s_regional.Contains(e.Kind)).ToList();
            return r.Evidence
                .Where(e => e.Kind is VariantEvidenceKind.TaiwanUsage or VariantEvidenceKind.HongKongUsage)
                .All(u => !regional.Any(e => u.Start < e.Start + e.Length && e.Start < u.Start + u.Length));
        });

    [Property(MaxTest = 300)]
    public Property Analyze_NamesTheVariantIdentifyVariantNames() =>
        Prop.ForAll(ConversionText.Text.ToArbitrary(), text =>
            TextAnalyzer.Analyze(text).Variant == TextAnalyzer.IdentifyVariant(text).Tag);

    // The checker skips to the next character that can make a finding and stops looking at a line's own-script
    // characters once the line has shown one: checking line by line must find exactly what checking the whole text finds.
    [Property(MaxTest = 200)]
    public Property CheckVariant_FindsLineByLineWhatItFindsInTheWholeText() =>
        Prop.ForAll(
            ConversionText.Text.ArrayOf().ToArbitrary(),
            Gen.Elements(ChineseVariant.Hans, ChineseVariant.Hant, ChineseVariant.HantTW, ChineseVariant.HantHK).ToArbitrary(),
            (lines, expected) =>
            {
                string text = string.Join('\n', lines);
                var byLine = new List<VariantFinding>();
                int offset = 0;
                foreach (string line in text.Split('\n'))
                {
                    byLine.AddRange(TextAnalyzer.CheckVariant(line, expected).Select(f => f with { Start = f.Start + offset }));
                    offset += line.Length + 1;
                }

                return TextAnalyzer.CheckVariant(text, expected).SequenceEqual(byLine);
            });
}
