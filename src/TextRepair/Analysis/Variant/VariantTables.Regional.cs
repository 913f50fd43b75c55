namespace TextRepair.Analysis.Variant;

/// <summary>What the regional phrases and characters weigh in identification (part of <see cref="VariantTables"/>).</summary>
internal sealed partial class VariantTables
{
    // What a phrase shows about the region, once both tables are read: a role the tables contradict shows nothing. A
    // term both regions write (資料夾 is a TWPhrases and an HKPhrases value), a term both replace (文件夾), a term one
    // table both writes and replaces (文件: 文档 -> 文件, 文件 -> 檔案) tells neither region from the other; the checker
    // still uses the full kind (文件夾 is still a wrong term for Taiwan).
    private void SetEvidenceKinds()
    {
        foreach (string phrase in _phrases.Keys.ToArray())
        {
            PhraseInfo info = _phrases[phrase];
            PhraseKind kind = info.Kind;
            foreach (PhraseKind pair in (ReadOnlySpan<PhraseKind>)[
                PhraseKind.TaiwanTerm | PhraseKind.HongKongTerm,
                PhraseKind.NotTaiwanTerm | PhraseKind.NotHongKongTerm,
                PhraseKind.TaiwanTerm | PhraseKind.NotTaiwanTerm,
                PhraseKind.HongKongTerm | PhraseKind.NotHongKongTerm])
            {
                if ((info.Kind & pair) == pair)
                {
                    kind &= ~pair;
                }
            }

            _phrases[phrase] = info with { Evidence = kind };
        }
    }

    // The weights of RegionalWeights.g.cs folded into what the scanner looks up: one number per regional character and
    // per phrase, the sum over the roles each counts in (an item without its own weight weighs what its kind weighs).
    private void SetRegionWeights()
    {
        var items = new Dictionary<(VariantEvidenceKind, string), double>();
        foreach ((VariantEvidenceKind kind, string text, double weight) in RegionalWeights.Items)
        {
            items[(kind, text)] = weight;
        }

        double Weight(VariantEvidenceKind kind, string text) =>
            items.TryGetValue((kind, text), out double w) ? w : RegionalWeights.KindWeights[kind - VariantEvidenceKind.TaiwanCharacter];

        const CharClass regional = CharClass.TaiwanKept | CharClass.TaiwanForm | CharClass.HongKongKept | CharClass.HongKongForm;
        var characters = new List<(int CodePoint, CharClass Class)>();
        for (int c = 0; c < Bmp.Length; c++)
        {
            if ((Bmp[c] & regional) != 0)
            {
                characters.Add((c, Bmp[c]));
            }
        }

        foreach ((int c, CharClass f) in _supplementary)
        {
            if ((f & regional) != 0)
            {
                characters.Add((c, f));
            }
        }

        foreach ((int c, CharClass f) in characters)
        {
            string text = char.ConvertFromUtf32(c);
            double weight = (f & CharClass.TaiwanKept) != 0 ? Weight(VariantEvidenceKind.TaiwanCharacter, text)
                : (f & CharClass.TaiwanForm) != 0 ? Weight(VariantEvidenceKind.TaiwanForm, text) : 0;
            weight += (f & CharClass.HongKongKept) != 0 ? Weight(VariantEvidenceKind.HongKongCharacter, text)
                : (f & CharClass.HongKongForm) != 0 ? Weight(VariantEvidenceKind.HongKongForm, text) : 0;
            CharacterRegionWeights[c] = weight;
        }

        foreach (string phrase in _phrases.Keys.ToArray())
        {
            PhraseInfo info = _phrases[phrase];
            double weight = 0;
            weight += (info.Evidence & PhraseKind.TaiwanTerm) != 0 ? Weight(VariantEvidenceKind.TaiwanTerm, phrase) : 0;
            weight += (info.Evidence & PhraseKind.NotTaiwanTerm) != 0 ? Weight(VariantEvidenceKind.NonTaiwanTerm, phrase) : 0;
            weight += (info.Evidence & PhraseKind.HongKongTerm) != 0 ? Weight(VariantEvidenceKind.HongKongTerm, phrase) : 0;
            weight += (info.Evidence & PhraseKind.NotHongKongTerm) != 0 ? Weight(VariantEvidenceKind.NonHongKongTerm, phrase) : 0;
            _phrases[phrase] = info with { RegionWeight = weight };
        }
    }

    // The usage weights of RegionalWeights.g.cs: one dictionary keyed by the character, or by (first << 16) | second for
    // a pair (a pair's first character is an ideograph, >= U+3400, so the two key ranges never meet); the flags let the
    // scanner skip the lookup for every other character.
    private void SetUsageWeights()
    {
        foreach ((string text, double weight) in RegionalWeights.Usage)
        {
            if (text.Length == 1)
            {
                UsageWeights[text[0]] = weight;
                Bmp[text[0]] |= CharClass.UsageCharacter;
            }
            else
            {
                UsageWeights[(text[0] << 16) | text[1]] = weight;
                Bmp[text[0]] |= CharClass.UsagePairStart;
            }
        }
    }
}
