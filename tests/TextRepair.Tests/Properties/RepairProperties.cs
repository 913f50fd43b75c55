using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace TextRepair.Tests.Properties;

public sealed class RepairProperties
{
    private static Arbitrary<(int Start, int Count, int Seed)> Pages() =>
        (from start in Gen.Choose(0, 100_000)
         from count in Gen.Choose(3, 12)
         from seed in Gen.Choose(0, int.MaxValue)
         select (start, count, seed)).ToArbitrary();

    [Property(MaxTest = 200)]
    public Property DamagedPage_RepairsToTheOriginal() =>
        Prop.ForAll(Pages(), p =>
        {
            string page = RepairDamage.Page(p.Start, p.Count);
            if (!RepairDamage.TryDamage(page, p.Seed, out string damaged, out string expected))
            {
                return true;
            }

            RepairResult result = TextRepairer.Repair(damaged);
            Assert.Equal(expected, result.Text);
            Assert.Equal(result.Text, SeedTests.Apply(damaged, result.Edits));
            return true;
        });

    [Theory]
    [InlineData(69584, 11, 1368349394)]
    [InlineData(7090, 10, 1971150052)]
    public void DamagedPage_FoundByTheProperty_RepairsToTheOriginal(int start, int count, int seed)
    {
        // A page whose line of character-by-character Traditional reads as mostly uncommon Han (UncommonHan): the
        // encoding engine looked at it and decoded the tone letters of its pinyin annotations ("yǔ)" became "y㉢)").
        // Annotations are never part of an encoding token.
        string page = RepairDamage.Page(start, count);
        Assert.True(RepairDamage.TryDamage(page, seed, out string damaged, out string expected));
        Assert.Equal(expected, TextRepairer.Repair(damaged).Text);
    }

    [Fact]
    public void DamageModel_DamagesMostPages_AndTheyRepair()
    {
        int damagedPages = 0;
        for (int i = 0; i < 60; i++)
        {
            string page = RepairDamage.Page(i * 17, 4);
            if (RepairDamage.TryDamage(page, i, out string damaged, out string expected))
            {
                damagedPages++;
                Assert.NotEqual(page, damaged);
                Assert.Contains("(", damaged.Replace('（', '('), StringComparison.Ordinal);
                Assert.Equal(expected, TextRepairer.Repair(damaged).Text);
            }
        }

        Assert.True(damagedPages >= 50, $"only {damagedPages} of 60 pages could be damaged");
    }

    // Words in which a character-level converter keeps a Simplified character that OpenCC's phrase conversion changes
    // (联系: 聯系 character by character, 聯繫 by phrase; checked below). Planted at the start of lines, they give every
    // page the evidence, so the expected result does not depend on the analyser.
    private static readonly string[] s_signatureWords = ["联系", "关系", "维系"];

    [Fact]
    public void CharacterLevelConversionWithoutAnnotations_IsRestored_WhenItsSignaturesShow()
    {
        foreach (string word in s_signatureWords)
        {
            string characterLevel = string.Concat(RepairDamage.CodePoints(word).Select(cp => char.ConvertFromUtf32(RepairDamage.ToTraditional(cp))));
            Assert.NotEqual(ChineseConverter.Get("s2t").Convert(word), characterLevel);
        }

        for (int i = 0; i < 100; i++)
        {
            string[] lines = RepairDamage.Page(i * 10, 10).Split('\n');
            var random = new Random(i);
            foreach (string word in s_signatureWords)
            {
                int line = random.Next(lines.Length);
                lines[line] = word + "，" + lines[line];
            }

            string page = string.Join('\n', lines);
            string converted = string.Concat(RepairDamage.CodePoints(page).Select(cp => char.ConvertFromUtf32(RepairDamage.ToTraditional(cp))));
            string expected = string.Concat(RepairDamage.CodePoints(converted).Select(cp => char.ConvertFromUtf32(RepairDamage.ToSimplified(cp))));

            RepairResult result = TextRepairer.Repair(converted);

            Assert.NotEqual(page, converted);
            Assert.Equal(expected, result.Text);
        }
    }

    [Property(MaxTest = 100)]
    public Property CleanText_InAnyScript_ComesBackUnchanged() =>
        Prop.ForAll(Pages(), p =>
        {
            string page = RepairDamage.Page(p.Start, p.Count);
            string[] configs = ["s2t", "s2tw", "s2hk", "s2twp"];
            foreach (string text in new[] { page, RepairDamage.AsciiPunctuation(page) }
                .Concat(configs.Select(c => ChineseConverter.Get(c).Convert(page))))
            {
                RepairResult result = TextRepairer.Repair(text);
                Assert.Same(text, result.Text);
                Assert.Empty(result.Edits);
            }

            return true;
        });

    [Property(MaxTest = 100)]
    public Property LegitimateParentheses_ComeBackUnchanged() =>
        Prop.ForAll(Pages(), p =>
        {
            string[] insertions =
            [
                "(2021)", "(GDP)", "(英文)", "(Beijing)", "(Yangtze River)", "(yínháng)", "(a)", "(ISO 8601)", "(重)",
                "（注意）", "(yuè)",
            ];
            var random = new Random(p.Seed);
            string page = RepairDamage.Page(p.Start, p.Count);
            if (random.Next(2) == 0)
            {
                page = ChineseConverter.Get("s2t").Convert(page);
            }

            for (int i = 0; i < 3; i++)
            {
                int at = random.Next(page.Length + 1);
                if (at > 0 && char.IsHighSurrogate(page[at - 1]))
                {
                    at--;
                }

                page = page.Insert(at, insertions[random.Next(insertions.Length)]);
            }

            RepairResult result = TextRepairer.Repair(page);
            Assert.Same(page, result.Text);
            Assert.Empty(result.Edits);
            return true;
        });

    [Property(MaxTest = 300)]
    public Property AnyText_EditsApplyToTheInputGiveTheOutput() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Elements(
                "堅(jiān)", "強(qiáng)", "會(huì)", "進（jìn）", "的(de)(de)", "月(yue)", "日(ri)", "學(xue)", "東莞", "黨", "工",
                "(", ")", "（", "）", ",", ":", ";", "!", "?", "，", " ", "\n", "a", "(2021)", "(GDP)", "\uD800", "\uDC00",
                "\U00020000", "聯系", "乾", "發(fā)展(fzhn)", "簡體", "简体", "中文", "(yínháng)", "ü", "\u0304"))
                .Select(parts => string.Concat(parts))
                .ToArbitrary(),
            text =>
            {
                foreach (ScriptTarget target in Enum.GetValues<ScriptTarget>())
                {
                    RepairResult result = TextRepairer.Repair(text, new RepairOptions { Target = target });
                    Assert.Equal(result.Text, SeedTests.Apply(text, result.Edits));
                    Assert.Equal(!ReferenceEquals(result.Text, text), result.Changed);
                    // Loss markers are reported as edits that replace a span with itself.
                    Assert.Equal(result.Changed, result.Edits.Any(e => e.Replacement != text.Substring(e.Start, e.Length)));
                    Assert.Equal(result.Text, TextRepairer.Repair(text, new RepairOptions { Target = target }).Text);
                }

                return true;
            });
}
