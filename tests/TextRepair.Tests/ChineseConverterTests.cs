using System.Buffers;
using System.Text;

namespace TextRepair.Tests;

public sealed class ChineseConverterTests
{
    [Fact]
    public void Configs_AreTheSixteenOpenCcConfigs()
    {
        Assert.Equal(
            ["s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s", "s2hkp", "hk2sp", "t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t"],
            ChineseConverter.Configs);
    }

    [Fact]
    public void Get_IsCachedPerConfigAndCaseInsensitive()
    {
        Assert.Same(ChineseConverter.Get("s2t"), ChineseConverter.Get("S2T"));
        Assert.NotSame(ChineseConverter.Get("t2s"), ChineseConverter.Get("t2s", ChineseConverterOptions.ExcludeTofuRiskDictionaries));
        Assert.Equal("s2t", ChineseConverter.Get("S2T").Config);
    }

    [Fact]
    public void Get_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ChineseConverter.Get(null!));
    }

    [Fact]
    public void Get_UnknownConfig_ThrowsListingTheValidNames()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => ChineseConverter.Get("s2x"));
        Assert.Contains("s2x", error.Message, StringComparison.Ordinal);
        Assert.Contains("tw2sp", error.Message, StringComparison.Ordinal);
        Assert.Equal("config", error.ParamName);
    }

    [Fact]
    public void Get_UnknownOptions_Throws()
    {
        Assert.Throws<ArgumentException>(() => ChineseConverter.Get("s2t", (ChineseConverterOptions)8));
    }

    [Fact]
    public void Convert_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ChineseConverter.Get("s2t").Convert((string)null!));
    }

    [Fact]
    public void Convert_Unchanged_ReturnsTheSameInstance()
    {
        string text = string.Concat("hello, ", "world \U0001F600\r\n");
        Assert.Same(text, ChineseConverter.Get("s2t").Convert(text));
        string traditional = string.Concat("漢", "字");
        Assert.Same(traditional, ChineseConverter.Get("s2t").Convert(traditional));
    }

    [Fact]
    public void Convert_Changed_ReturnsTheConversion()
    {
        Assert.Equal("漢字", ChineseConverter.Get("s2t").Convert("汉字"));
        Assert.Equal("汉字", ChineseConverter.Get("t2s").Convert("漢字"));
        Assert.Equal("滑鼠", ChineseConverter.Get("s2twp").Convert("鼠标"));
    }

    [Theory]
    [InlineData("汉字\r\n汉字\r汉字\n")]
    [InlineData("\uFEFF汉\uFEFF字\u2028汉\u2029字\u0085\f")]
    [InlineData("汉\U0001F600字\u263A\uFE0F汉")]
    [InlineData("汉\uD800字\uDC00汉\uDBFF")]
    [InlineData("汉字")]
    public void Convert_CopiesEverythingUnconvertedExactly(string text)
    {
        string expected = text.Replace("汉", "漢", StringComparison.Ordinal);
        Assert.Equal(expected, ChineseConverter.Get("s2t").Convert(text));
    }

    [Fact]
    public void Convert_NormalizesCompatibilityIdeographs()
    {
        // U+F900 is a compatibility ideograph of U+8C48; U+2F800 one of U+4E3D.
        Assert.Equal("\u8C48\u4E3D", ChineseConverter.Get("t2tw").Convert("\uF900\U0002F800"));
    }

    [Fact]
    public void Convert_LeavesIdeographicDescriptionSequencesAlone()
    {
        // "⿰汉字" describes one character: its components are not converted, as in OpenCC.
        Assert.Equal("⿰汉字漢", ChineseConverter.Get("s2t").Convert("⿰汉字汉"));
        // An incomplete sequence is not one: the characters after the operator are converted.
        Assert.Equal("⿰漢", ChineseConverter.Get("s2t").Convert("⿰汉"));
    }

    [Fact]
    public void ExcludeTofuRiskDictionaries_LeavesOutTSCharactersExt()
    {
        // 㑮 maps (to 𫝈) through TSCharactersExt only.
        string text = string.Concat("㑮", string.Empty);
        Assert.NotEqual(text, ChineseConverter.Get("t2s").Convert(text));
        Assert.Same(text, ChineseConverter.Get("t2s", ChineseConverterOptions.ExcludeTofuRiskDictionaries).Convert(text));
    }

    // ---- span API: the status matrix (as runtime tests Base64) ----

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SpanApi_EmptyInput_IsDoneWithNothingWritten(bool isFinalBlock)
    {
        OperationStatus status = ChineseConverter.Get("s2t").Convert(ReadOnlySpan<char>.Empty, new char[4], out int consumed, out int written, isFinalBlock);
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(0, consumed);
        Assert.Equal(0, written);
    }

    [Fact]
    public void SpanApi_FinalBlock_IsDone()
    {
        char[] destination = new char[16];
        OperationStatus status = ChineseConverter.Get("s2twp").Convert("鼠标和硬盘", destination, out int consumed, out int written);
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(5, consumed);
        Assert.Equal("滑鼠和硬碟", new string(destination, 0, written));
    }

    [Fact]
    public void SpanApi_NonFinalBlock_StopsWhereALongerPhraseCouldStillMatch()
    {
        ChineseConverter converter = ChineseConverter.Get("s2t");
        char[] destination = new char[64];

        // "干" alone is 幹 but "干杯" is 乾杯: nothing after the last line break can be decided yet.
        OperationStatus status = converter.Convert("头发\n干", destination, out int consumed, out int written, isFinalBlock: false);
        Assert.Equal(OperationStatus.NeedMoreData, status);
        Assert.Equal(3, consumed);
        Assert.Equal("頭髮\n", new string(destination, 0, written));

        status = converter.Convert("干杯", destination, out consumed, out written, isFinalBlock: true);
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(2, consumed);
        Assert.Equal("乾杯", new string(destination, 0, written));
    }

    [Fact]
    public void SpanApi_NonFinalBlockEndingAfterABreak_IsDone()
    {
        OperationStatus status = ChineseConverter.Get("s2t").Convert("汉字。", new char[8], out int consumed, out int written, isFinalBlock: false);
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(3, consumed);
        Assert.Equal(3, written);
    }

    [Fact]
    public void SpanApi_NonFinalBlock_NeverSplitsASurrogatePair()
    {
        string text = "汉 \U00020000\U00020000";
        for (int length = 0; length <= text.Length; length++)
        {
            ChineseConverter.Get("s2t").Convert(text.AsSpan(0, length), new char[64], out int consumed, out _, isFinalBlock: false);
            Assert.False(consumed > 0 && char.IsHighSurrogate(text[consumed - 1]), $"split after {consumed}");
        }
    }

    [Fact]
    public void SpanApi_DestinationTooSmall_WritesNothingPastTheEndAndResumes()
    {
        ChineseConverter converter = ChineseConverter.Get("s2t");
        string text = "汉字，汉字。\n头发，干杯！";
        string expected = converter.Convert(text);
        var output = new StringBuilder();
        int position = 0;
        int calls = 0;
        while (true)
        {
            char[] destination = new char[6];
            Array.Fill(destination, '#');
            OperationStatus status = converter.Convert(text.AsSpan(position), destination.AsSpan(0, 4), out int consumed, out int written);
            Assert.All(destination.AsSpan(4).ToArray(), c => Assert.Equal('#', c));
            output.Append(destination, 0, written);
            position += consumed;
            calls++;
            if (status == OperationStatus.Done)
            {
                break;
            }

            Assert.Equal(OperationStatus.DestinationTooSmall, status);
            Assert.True(consumed > 0);
        }

        Assert.True(calls > 2);
        Assert.Equal(expected, output.ToString());
    }

    [Fact]
    public void SpanApi_DestinationTooSmallForTheFirstPiece_WritesThePrefixThatConvertsOnItsOwn()
    {
        // Like System.Text's transcoders: as much as fits, at a point where the rest converts on its own.
        OperationStatus status = ChineseConverter.Get("s2t").Convert("汉字汉字", new char[3], out int consumed, out int written);
        Assert.Equal(OperationStatus.DestinationTooSmall, status);
        Assert.Equal(3, consumed);
        Assert.Equal(3, written);
    }

    [Fact]
    public void GetMaxConvertedLength_RejectsBadLengths_ReportingTheSourceLength()
    {
        foreach (string config in ChineseConverter.Configs)
        {
            ChineseConverter converter = ChineseConverter.Get(config);
            Assert.Equal(0, converter.GetMaxConvertedLength(0));
            Assert.Equal(0, converter.GetMaxConvertedUtf8Length(0));
            Assert.Throws<ArgumentOutOfRangeException>(() => converter.GetMaxConvertedLength(-1));
            Assert.Throws<ArgumentOutOfRangeException>(() => converter.GetMaxConvertedUtf8Length(-1));
            var tooLong = Assert.Throws<ArgumentOutOfRangeException>(() => converter.GetMaxConvertedLength(int.MaxValue));
            Assert.Equal("sourceLength", tooLong.ParamName);
            Assert.Equal(int.MaxValue, tooLong.ActualValue);
            var tooManyBytes = Assert.Throws<ArgumentOutOfRangeException>(() => converter.GetMaxConvertedUtf8Length(int.MaxValue));
            Assert.Equal(int.MaxValue, tooManyBytes.ActualValue);
        }
    }

    [Theory]
    [InlineData("s2t.json", "s2t")]
    [InlineData("TW2SP.JSON", "tw2sp")]
    public void Get_AcceptsTheConfigFileName(string name, string config)
    {
        Assert.Same(ChineseConverter.Get(config), ChineseConverter.Get(name));
    }

    [Theory]
    [InlineData("\u017F2t", "s2t")]
    [InlineData("s2t.\u0130son", "s2t")]
    [InlineData("S2Tw", "s2tw")]
    [InlineData("s2t.jso", null)]
    [InlineData(".json", null)]
    [InlineData("s2", null)]
    public void Get_MatchesNamesLikeOrdinalIgnoreCase(string name, string? config)
    {
        // The name match has an ASCII fast path; any other text must give what OrdinalIgnoreCase gives.
        string bare = name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? name[..^5] : name;
        string? expected = config is not null && bare.Equals(config, StringComparison.OrdinalIgnoreCase) ? config : null;
        if (expected is null)
        {
            Assert.Throws<ArgumentException>(() => ChineseConverter.Get(name));
        }
        else
        {
            Assert.Same(ChineseConverter.Get(expected), ChineseConverter.Get(name));
        }
    }

    // ---- WithPhrases ----

    [Fact]
    public void WithPhrases_WritesUserValuesVerbatimAndConvertsTheRest()
    {
        ChineseConverter converter = ChineseConverter.Get("s2twp").WithPhrases([new("鼠标垫", "鼠墊"), new("硬盘", "硬盤機")]);
        Assert.Equal("鼠墊和硬盤機，滑鼠", converter.Convert("鼠标垫和硬盘，鼠标"));
        Assert.Equal("滑鼠墊", ChineseConverter.Get("s2twp").Convert("鼠标垫"));
    }

    [Fact]
    public void WithPhrases_LaterLayersWin()
    {
        ChineseConverter first = ChineseConverter.Get("s2t").WithPhrases([new("汉字", "A")]);
        ChineseConverter second = first.WithPhrases([new("汉字", "B"), new("头", "C")]);
        Assert.Equal("A頭", first.Convert("汉字头"));
        Assert.Equal("BC", second.Convert("汉字头"));
    }

    [Fact]
    public void WithPhrases_BadArguments_Throw()
    {
        ChineseConverter converter = ChineseConverter.Get("s2t");
        Assert.Throws<ArgumentNullException>(() => converter.WithPhrases(null!));
        Assert.Throws<ArgumentException>(() => converter.WithPhrases([new(string.Empty, "x")]));
        Assert.Throws<ArgumentException>(() => converter.WithPhrases([new("x", string.Empty)]));
    }

    // ---- threads ----

    [Fact]
    public void OneInstanceOnSixteenThreads_GivesTheSingleThreadResults()
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "OpenCC", "golden", "input", "us_constitution_zhs.txt"));
        string[] configs = ["s2t", "s2twp", "s2hk", "t2s", "tw2sp"];
        Dictionary<string, string> expected = configs.ToDictionary(c => c, c => ChineseConverter.Get(c).Convert(text));
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var start = new Barrier(16);
        Thread[] threads = Enumerable.Range(0, 16).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (int round = 0; round < 10; round++)
            {
                string config = configs[(t + round) % configs.Length];
                ChineseConverter converter = ChineseConverter.Get(config);
                if (converter.Convert(text) != expected[config])
                {
                    failures.Add(config);
                }

                byte[] utf8 = Encoding.UTF8.GetBytes(text);
                byte[] destination = new byte[converter.GetMaxConvertedUtf8Length(utf8.Length)];
                converter.ConvertUtf8(utf8, destination, out _, out int written);
                if (Encoding.UTF8.GetString(destination, 0, written) != expected[config])
                {
                    failures.Add(config + " utf8");
                }
            }
        })).ToArray();
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        Assert.Empty(failures);
    }
}
