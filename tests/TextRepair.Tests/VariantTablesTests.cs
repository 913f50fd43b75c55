using TextRepair.Analysis.Variant;
using TextRepair.Internal;

namespace TextRepair.Tests;

/// <summary>
/// The filters of <see cref="VariantTables"/> let the scanner and the checker skip work; a filter that wrongly said
/// "nothing here" would silently lose evidence and findings, so each is checked against every entry it was built from.
/// </summary>
public sealed class VariantTablesTests
{
    [Fact]
    public void Every_regional_phrase_is_matched_whole_at_its_start()
    {
        VariantTables tables = VariantTables.Instance;
        int phrases = 0;
        foreach (string file in (ReadOnlySpan<string>)["TWPhrases", "HKPhrases"])
        {
            foreach (var (key, value) in EmbeddedDictionary.Lines("OpenCC/dictionary/" + file + ".txt"))
            {
                // An entry that maps a word to itself (公元紀年) only stops OpenCC's conversion there: no regional phrase.
                string[] values = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (values[0] == key)
                {
                    continue;
                }

                foreach (string phrase in values.Prepend(key))
                {
                    phrases++;
                    Assert.True(phrase.Length == VariantScanner.MatchPhrase(tables, phrase, 0, out _), phrase);
                }
            }
        }

        Assert.True(phrases > 1000, $"{phrases} phrases");
    }

    [Fact]
    public void Every_segmentation_word_passes_the_shape_filter()
    {
        ContextWordSet set = VariantTables.Instance.ContextWords;
        foreach (string word in set.Words)
        {
            if (word.Length >= 2)
            {
                Assert.True(set.MayContain(word), word);
            }
        }

        Assert.True(set.Words.Count > 10_000, $"{set.Words.Count} words");
    }

    [Theory]
    [InlineData(ChineseVariant.Hans)]
    [InlineData(ChineseVariant.Hant)]
    [InlineData(ChineseVariant.HantTW)]
    [InlineData(ChineseVariant.HantHK)]
    public void The_checker_stops_at_every_character_that_can_make_a_finding(ChineseVariant expected)
    {
        VariantTables tables = VariantTables.Instance;
        CharClass wrong = expected == ChineseVariant.Hans ? CharClass.TraditionalOnly : CharClass.SimplifiedOnly;
        CharClass regional = expected switch
        {
            ChineseVariant.HantTW => CharClass.TaiwanConverts,
            ChineseVariant.HantHK => CharClass.HongKongConverts,
            _ => CharClass.None,
        };
        CharClass keyStart = expected switch
        {
            ChineseVariant.HantTW => CharClass.TaiwanKeyStart,
            ChineseVariant.HantHK => CharClass.HongKongKeyStart,
            _ => CharClass.None,
        };
        byte stop = VariantTables.StopBit(expected);
        byte keyStop = VariantTables.KeyStartBit(expected);
        int stops = 0;
        for (int c = 0; c < 0x10000; c++)
        {
            CharClass f = tables.Bmp[c];
            bool must = char.IsHighSurrogate((char)c) || (f & (wrong | regional)) != 0;
            bool isStop = (tables.CheckStops[c] & stop) != 0;
            Assert.True(!must || isStop, $"U+{c:X4} {f}");
            // Line breaks are looked at by the line check of a character of the other script, never by the loop.
            Assert.True(c != '\n' || !isStop);
            Assert.True((f & keyStart) == 0 || (tables.CheckStops[c] & (stop | keyStop)) != 0, $"U+{c:X4} {f}");
            stops += isStop ? 1 : 0;
        }

        // The table must also skip: most of the BMP can make no finding.
        Assert.InRange(stops, 1, 0x10000 / 4);
    }

    [Fact]
    public void Every_key_of_a_regional_table_sets_its_key_start_and_key_pair()
    {
        VariantTables tables = VariantTables.Instance;
        int singleUnitKeys = 0;
        foreach ((string file, CharClass start, ulong[] pairs, ulong[] single, ChineseVariant region) in new[]
        {
            ("TWPhrases", CharClass.TaiwanKeyStart, tables.TaiwanKeyPairs, tables.TaiwanSingleUnitKeys, ChineseVariant.HantTW),
            ("HKPhrases", CharClass.HongKongKeyStart, tables.HongKongKeyPairs, tables.HongKongSingleUnitKeys, ChineseVariant.HantHK),
        })
        {
            foreach (var (key, value) in EmbeddedDictionary.Lines("OpenCC/dictionary/" + file + ".txt"))
            {
                if (value.Split(' ')[0] == key)
                {
                    continue;
                }

                Assert.True((tables.Bmp[key[0]] & start) != 0, key);
                Assert.True(key.Length < 2 || VariantTables.HasBit(pairs, VariantTables.KeyPairBit(key[0], key[1])), key);
                if (key.Length == 1)
                {
                    // A key of one unit has no pair: it must stop the checker by itself.
                    Assert.True(VariantTables.HasBit(single, key[0]), key);
                    Assert.True((tables.CheckStops[key[0]] & VariantTables.StopBit(region)) != 0, key);
                    singleUnitKeys++;
                }
            }
        }

        // OpenCC 1.4.2's TWPhrases has keys of one unit (硅 → 矽): the case above is exercised.
        Assert.True(singleUnitKeys > 0);
    }

    [Theory]
    [InlineData("硅", "矽")]
    [InlineData("這是硅。", "矽")]
    [InlineData("軟件", "軟體")]
    [InlineData("用軟件", "軟體")]
    public void The_checker_finds_Taiwan_terms_of_one_unit_and_of_more(string text, string suggestion)
    {
        VariantFinding finding = Assert.Single(TextAnalyzer.CheckVariant(text, ChineseVariant.HantTW), f => f.Rule == VariantRule.RegionTerm);
        Assert.Equal(suggestion, finding.Suggestion);
    }
}
