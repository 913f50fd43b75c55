using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TextRepair.Conversion;
using TextRepair.Tests.Oracles;

namespace TextRepair.Tests;

/// <summary>
/// The stage table's trie layout (blocks of child slots, root slots in the unit entries or looked up when they do not
/// fit) against the flat oracle: greedy longest match, any key set.
/// </summary>
public sealed class StageTableTests
{
    // A small alphabet makes shared prefixes, deep keys and full child blocks likely; the last units are outside it.
    private const string Alphabet = "一二三四五六七八九十甲乙丙丁戊己";

    [Property(MaxTest = 200)]
    public Property Convert_RandomDictionary_EqualsTheOracle() =>
        Prop.ForAll(Dictionaries().ToArbitrary(), Texts().ToArbitrary(), (map, text) =>
        {
            // Both loops of a sparse table: with its pair entries (StageTable.Pairs.cs) and without.
            string expected = ReferencePipeline.ApplyStage(new PhraseTable(map), text);
            return Convert(map, text, scanTables: true) == expected && Convert(map, text, scanTables: false) == expected;
        });

    [Property(MaxTest = 200)]
    public Property Convert_TwoRankedDictionaries_WithThePairTable_EqualsTheWalks() =>
        Prop.ForAll(Dictionaries().ToArbitrary(), Dictionaries().ToArbitrary(), Texts().ToArbitrary(), (first, second, text) =>
        {
            // A short-circuit group (rank 0, then rank 1): where a one-unit key of the first meets a two-unit key of
            // the second, the walk takes the first's. The exact pair table writes a two-unit key without a walk
            // (StageTable.Pairs.cs), which must agree with the loop that walks at every key start.
            string ConvertRanked(bool scanTables)
            {
                StageTable table = StageTable.Build([(DictionarySource.Map(first), 0), (DictionarySource.Map(second), 1)]);
                if (scanTables)
                {
                    table.PrepareScanTables();
                }

                char[] destination = new char[(text.Length * (long)table.ExpansionNumerator / table.ExpansionDenominator) + 1];
                return new string(destination, 0, table.Convert(text, destination));
            }

            return ConvertRanked(scanTables: true) == ConvertRanked(scanTables: false);
        });

    [Property(MaxTest = 60)]
    public Property Convert_DenseRandomDictionary_EqualsTheOracle() =>
        Prop.ForAll(Dictionaries().ToArbitrary(), DenseTexts().ToArbitrary(), (map, text) =>
        {
            Dictionary<string, string> padded = Padded(map);
            string expected = ReferencePipeline.ApplyStage(new PhraseTable(padded), text);
            return Convert(padded, text, scanTables: true) == expected && Convert(padded, text, scanTables: false) == expected;
        });

    [Property(MaxTest = 60)]
    public Property NextMatch_DenseRandomDictionary_FindsTheMatchesOfAGreedyScan() =>
        Prop.ForAll(Dictionaries().ToArbitrary(), DenseTexts().ToArbitrary(), (map, text) => NextMatchFindsTheMatchesOfAGreedyScan(Padded(map), text));

    [Property(MaxTest = 200)]
    public Property NextMatch_RandomDictionary_FindsTheMatchesOfAGreedyScan() =>
        Prop.ForAll(Dictionaries().ToArbitrary(), Texts().ToArbitrary(), (map, text) => NextMatchFindsTheMatchesOfAGreedyScan(map, text));

    private static bool NextMatchFindsTheMatchesOfAGreedyScan(Dictionary<string, string> map, string text)
    {
        // With the scan tables built: the start filter of a dense table, the pair entries of a sparse one.
        StageTable table = StageTable.Build([(DictionarySource.Map(map), 0)]);
        table.PrepareScanTables();
        var expected = new List<(int, int, int)>();
        for (int i = 0; i < text.Length;)
        {
            int matched = table.Match(text, i, out int valueIndex);
            if (matched > 0)
            {
                expected.Add((i, matched, valueIndex));
                i += matched;
            }
            else
            {
                i += TextUnits.UnmatchedLength(text.AsSpan(i));
            }
        }

        var actual = new List<(int, int, int)>();
        for (int i = 0; ;)
        {
            int at = table.NextMatch(text, i, out int length, out int valueIndex);
            if (at >= text.Length)
            {
                break;
            }

            actual.Add((at, length, valueIndex));
            i = at + length;
        }

        return expected.SequenceEqual(actual);
    }

    [Fact]
    public void MapSettledPassing_StopsAtLastStageKeyPairs_AndBeforeAnUnsettledUnitAfterAKeyStart()
    {
        // A segmentation table with a start filter and a chain of two stages: 甲 starts the last stage's keys 甲乙 and
        // 甲丙, and 丁 starts the first stage's key 丁戊 (so 丁 is not settled alone). The settled pass stops before 甲
        // where the next unit continues a key (乙, or 七, which the first stage maps to 丙), maps it before 三, and maps
        // it before 丁 too, whose first-stage output (丁戊 -> 乙) may continue the key: StopsAfterKeyStart tells the
        // pipeline to take it back (ConversionPipeline.ConvertMain).
        StageTable segmentation = StageTable.Build([(DictionarySource.Map(Padded([])), 0)]);
        StageTable first = StageTable.Build([(DictionarySource.Map(new(StringComparer.Ordinal) { ["\u4E01\u620A"] = "\u4E59", ["\u4E03"] = "\u4E19" }), 0)]);
        StageTable last = StageTable.Build([(DictionarySource.Map(new(StringComparer.Ordinal) { ["\u7532\u4E59"] = "x", ["\u7532\u4E19"] = "y" }), 0)]);
        foreach (StageTable table in new[] { segmentation, first, last })
        {
            table.PrepareScanTables();
        }

        uint[] settled = segmentation.BuildSettledEntries([first, last], out char[] inputs);
        ulong[] filter = segmentation.SettledFilter(settled, inputs, last, passedPairs: null, out _);
        char[] destination = new char[16];
        int MapSettled(string text) => segmentation.MapSettledPassing(text, 0, destination, settled, filter, out _, directPairs: null, out _);
        Assert.Equal(1, MapSettled("\u4E00\u7532\u4E59\u4E00\u4E00"));
        Assert.Equal(1, MapSettled("\u4E00\u7532\u4E03\u4E00\u4E00"));
        Assert.Equal(3, MapSettled("\u4E00\u7532\u4E09\u4E00\u4E00"));
        Assert.False(StageTable.StopsAfterKeyStart(settled, "\u4E00\u7532\u4E09\u4E00\u4E00", 3));
        string beforeUnsettled = "\u4E00\u7532\u4E01\u620A\u4E00";
        Assert.Equal(2, MapSettled(beforeUnsettled));
        Assert.True(StageTable.StopsAfterKeyStart(settled, beforeUnsettled, 2));
        Assert.False(StageTable.StopsAfterKeyStart(settled, "\u4E00\u4E00\u4E01\u620A\u4E00", 2));
    }

    [Fact]
    public void MapSettledPassing_PassesOverPairsThatMapUnitByUnit_AndReportsWhereAStopMayLieWithinOne()
    {
        // Session 25: the segmentation pair 二甲 maps to each unit's settled mapping, so the settled pass passes over it
        // (its filter has a tail token instead of the pair token). 甲 starts the last stage's key 甲乙, and 丙 and 丁 are
        // not settled (丙戊, 丁戊 -> 乙 in the first stage). Before 丙 the pass stops with 二甲 passed over: its 甲 ends the
        // segment, so the pipeline must not take 甲 back (TakesBackLastUnit), where after 一一 it must. Where the pass stops at
        // 甲 for the key 甲己 or 甲丁, greedy matching took 二甲: 甲 is mapped alone and the pass goes on, unless the next
        // unit is not settled (then the caller maps it, MapPassedTail).
        var keys = new Dictionary<string, string>(StringComparer.Ordinal) { ["二甲"] = "二甲", ["甲己"] = "z", ["甲丁"] = "w" };
        StageTable segmentation = StageTable.Build([(DictionarySource.Map(Padded(keys)), 0)]);
        StageTable first = StageTable.Build([(DictionarySource.Map(new(StringComparer.Ordinal) { ["丁戊"] = "乙", ["丙戊"] = "乙" }), 0)]);
        StageTable last = StageTable.Build([(DictionarySource.Map(new(StringComparer.Ordinal) { ["甲乙"] = "x" }), 0)]);
        foreach (StageTable table in new[] { segmentation, first, last })
        {
            table.PrepareScanTables();
        }

        uint[] settled = segmentation.BuildSettledEntries([first, last], out char[] inputs);
        List<(uint Pair, uint Value)> composed = [(StageTable.PairKey('二', '甲'), '二' | ((uint)'甲' << 16)), (StageTable.PairKey('甲', '己'), StageTable.PairStops), (StageTable.PairKey('甲', '丁'), StageTable.PairStops)];
        HashSet<uint> passedPairs = StageTable.SettledPassedPairs(composed, settled);
        Assert.Equal(StageTable.PairKey('二', '甲'), Assert.Single(passedPairs));
        ulong[] filter = segmentation.SettledFilter(settled, inputs, last, passedPairs, out _);
        ulong[] directPairs = StageTable.SettledDirectTables(composed, [], [], [], [], complete: true);
        char[] destination = new char[16];

        string beforeUnsettled = "一二甲丙戊一";
        Assert.Equal(3, segmentation.MapSettledPassing(beforeUnsettled, 0, destination, settled, filter, out _, directPairs, out int passed));
        Assert.Equal(3, passed);
        Assert.True(StageTable.StopsAfterKeyStart(settled, beforeUnsettled, 3));
        Assert.False(segmentation.TakesBackLastUnit(settled, filter, beforeUnsettled, 3, passed));
        Assert.True(segmentation.TakesBackLastUnit(settled, filter, "一一甲丙戊一", 3, 3));

        string withinPair = "一二甲己一一一";
        Assert.Equal(5, segmentation.MapSettledPassing(withinPair, 0, destination, settled, filter, out _, directPairs, out passed));
        Assert.Equal("一二甲己一", new string(destination, 0, 5));

        string withinPairBeforeUnsettled = "一二甲丁戊一";
        Assert.Equal(2, segmentation.MapSettledPassing(withinPairBeforeUnsettled, 0, destination, settled, filter, out _, directPairs, out passed));
        Assert.Equal(-2, passed);
        Assert.Equal(1, segmentation.MapPassedTail(withinPairBeforeUnsettled, 2, -passed, settled, filter, destination));
    }

    [Fact]
    public void Convert_PairTokensTheDirectPairsDoNotHold_EqualTheOracle()
    {
        // Since session 26 the plain pass's direct-pair table holds every two-unit key (the others with PairStops), so
        // that a pair token it does not hold is a false one and the loop maps the unit alone. Two-unit keys whose value
        // has another length (甲乙 -> 丙丁戊, the padding's -> p) must still stop the loop; the units of the padding
        // begin longer keys, and 4,000 x 256 of their pairs are no key, so some meet false pair tokens.
        var keys = new Dictionary<string, string>(StringComparer.Ordinal) { ["甲乙"] = "丙丁戊", ["乙丙"] = "丁", ["甲乙丙"] = "x" };
        Dictionary<string, string> padded = Padded(keys);
        var text = new System.Text.StringBuilder("甲乙甲乙丙乙丙一甲乙");
        for (int i = 0; i < 64_000; i++)
        {
            text.Append((char)(0x5000 + ((i * 37) % 4_000))).Append((char)(0x7000 + (i % 256)));
            if (i % 1_000 == 0)
            {
                text.Append("甲乙一乙丙");
            }
        }

        string input = text.ToString();
        Assert.Equal(ReferencePipeline.ApplyStage(new PhraseTable(padded), input), Convert(padded, input));
    }

    [Fact]
    public void Convert_ManyFirstUnitsAndAWideNode_EqualsTheOracle()
    {
        // 21,000 distinct first units: the root block's slot indices pass the 14 bits of the unit entries, so
        // most first units take the looked-up path; 一 has 3,000 children (a block of 8,192 slots).
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < 21_000; i++)
        {
            char first = (char)(0x4E00 + i);
            map[$"{first}{(char)(0x4E00 + ((i * 7) % 21_000))}"] = $"<{i}>";
            if (i % 3 == 0)
            {
                map[first.ToString()] = "#";
            }
        }

        for (int i = 0; i < 3_000; i++)
        {
            map[$"一{(char)(0x9000 + i)}尾"] = $"[{i}]";
        }

        var random = new Random(20261130);
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < 200_000; i++)
        {
            text.Append(random.Next(4) switch
            {
                0 => '一',
                1 => (char)(0x9000 + random.Next(3_100)),
                2 => '尾',
                _ => (char)(0x4E00 + random.Next(21_500)),
            });
        }

        string input = text.ToString();
        string expected = ReferencePipeline.ApplyStage(new PhraseTable(map), input);
        Assert.Equal(expected, Convert(map, input));
        Assert.Equal(expected, Convert(map, input, scanTables: false));
    }

    private static string Convert(Dictionary<string, string> map, string text, bool scanTables = true)
    {
        StageTable table = StageTable.Build([(DictionarySource.Map(map), 0)]);
        if (scanTables)
        {
            // Otherwise the start filter or the pair entries are built only after about a million units (see StageTable.Scan.cs).
            table.PrepareScanTables();
        }

        char[] destination = new char[(text.Length * (long)table.ExpansionNumerator / table.ExpansionDenominator) + 1];
        int written = table.Convert(text, destination);
        return new string(destination, 0, written);
    }

    private static Gen<Dictionary<string, string>> Dictionaries() =>
        Gen.Choose(1, 6)
            .SelectMany(length => Gen.ArrayOf(Gen.Elements(Alphabet.ToCharArray()), length), (_, key) => new string(key))
            .SelectMany(_ => Gen.Elements("a", "bb", "ccc", string.Empty), (key, value) => (key, value: value.Length == 0 ? key + "!" : value))
            .ListOf()
            .Select(pairs =>
            {
                var map = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach ((string key, string value) in pairs)
                {
                    map.TryAdd(key, value);
                }

                return map;
            });

    /// <summary>
    /// <paramref name="map"/> plus 20,000 two-unit keys over units outside the alphabet, so that the table gets a
    /// start filter (see StageTable.Scan.cs) and the random keys are tested through it.
    /// </summary>
    private static Dictionary<string, string> Padded(Dictionary<string, string> map)
    {
        var padded = new Dictionary<string, string>(map, StringComparer.Ordinal);
        for (int i = 0; i < 20_000; i++)
        {
            padded[$"{(char)(0x5000 + (i % 4_000))}{(char)(0x7000 + (i / 4_000))}"] = "p";
        }

        return padded;
    }

    private static Gen<string> DenseTexts() =>
        Gen.ArrayOf(Gen.Frequency(
                (12, Gen.Elements(Alphabet.ToCharArray())),
                (2, Gen.Elements('\u5000', '\u5001', '\u7000', '\u7001', '\u7004')),
                (1, Gen.Elements('x', '\n', '\uD840', '\uDC00', '\u2FF0'))))
            .Select(units => new string(units));

    private static Gen<string> Texts() =>
        Gen.ArrayOf(Gen.Frequency((9, Gen.Elements(Alphabet.ToCharArray())), (1, Gen.Elements('x', '\n', '\uD840', '\uDC00'))))
            .Select(units => new string(units));
}
