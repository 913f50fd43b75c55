using System.Collections.Concurrent;
using System.Text.Json;
using TextRepair.Conversion;
using TextRepair.Tests.Properties;

namespace TextRepair.Tests;

/// <summary>OpenCC's own test cases and golden files (Data/OpenCC, see SOURCE.md there).</summary>
public sealed class OpenCcConformanceTests
{
    private static readonly string s_dataDirectory = Path.Combine(AppContext.BaseDirectory, "Data", "OpenCC");
    private static readonly TableCache s_filteredTables = new(usePrebuilt: true);
    private static readonly ConcurrentDictionary<string, ConversionPipeline> s_filtered = new(StringComparer.Ordinal);

    public static TheoryData<string, string, string, string> TestCases()
    {
        var data = new TheoryData<string, string, string, string>();
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(s_dataDirectory, "testcases.json")));
        foreach (JsonElement testCase in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            string id = testCase.GetProperty("id").GetString()!;
            string input = testCase.GetProperty("input").GetString()!;
            foreach (JsonProperty expected in testCase.GetProperty("expected").EnumerateObject())
            {
                data.Add(id, expected.Name, input, expected.Value.GetString()!);
            }
        }

        return data;
    }

    [Fact]
    public void TestCases_CoverAll543ExpectationsAndAll16Configs()
    {
        TheoryData<string, string, string, string> cases = TestCases();
        Assert.Equal(543, cases.Count);
        Assert.Equal(
            ChineseConverter.Configs.Order(StringComparer.Ordinal),
            cases.Select(row => row.Data.Item2).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestCases))]
    public void TestCase_ConvertsAsOpenCc(string id, string config, string input, string expected)
    {
        _ = id;
        Assert.Equal(expected, ChineseConverter.Get(config).Convert(input));
    }

    [Theory]
    [MemberData(nameof(TestCases))]
    public void TestCase_ConvertsAsOpenCc_WithTheScanTablesBuilt(string id, string config, string input, string expected)
    {
        // Short text goes through tables without their start filter or pair entries (built only after about a million
        // units, see StageTable.Scan.cs); these pipelines have theirs built, so that both paths meet OpenCC's cases.
        _ = id;
        Assert.Equal(expected, ConvertWithTheScanTablesBuilt(config, input));
    }

    [Theory]
    [InlineData("s2t")]
    [InlineData("s2tw")]
    [InlineData("s2twp")]
    [InlineData("s2hk")]
    [InlineData("s2hkp")]
    public void GoldenFile_ConvertsByteForByte(string config)
    {
        string input = File.ReadAllText(Path.Combine(s_dataDirectory, "golden", "input", "us_constitution_zhs.txt"));
        string expected = File.ReadAllText(Path.Combine(s_dataDirectory, "golden", "output", $"us_constitution_zhs.{config}.txt"));
        Assert.Equal(expected, ChineseConverter.Get(config).Convert(input));
    }

    [Theory]
    [InlineData("s2t")]
    [InlineData("s2tw")]
    [InlineData("s2twp")]
    [InlineData("s2hk")]
    [InlineData("s2hkp")]
    public void GoldenFile_ConvertsByteForByte_WithTheScanTablesBuilt(string config)
    {
        // A whole text (the cases are a line each) through the one-pass mapping of the segmented configs
        // (StageTable.Settled.cs), which runs only once the segmentation table's start filter is built.
        string input = File.ReadAllText(Path.Combine(s_dataDirectory, "golden", "input", "us_constitution_zhs.txt"));
        string expected = File.ReadAllText(Path.Combine(s_dataDirectory, "golden", "output", $"us_constitution_zhs.{config}.txt"));
        Assert.Equal(expected, ConvertWithTheScanTablesBuilt(config, input));
    }

    [Theory]
    [InlineData("t2s")]
    [InlineData("tw2s")]
    [InlineData("hk2s")]
    [InlineData("tw2sp")]
    [InlineData("hk2sp")]
    [InlineData("s2t")]
    [InlineData("s2tw")]
    [InlineData("s2twp")]
    [InlineData("s2hk")]
    [InlineData("s2hkp")]
    public void CompatibilityIdeographs_AreNormalized_WithTheScanTablesBuilt(string config)
    {
        // With pair entries built, t2s leaves the normalization pre-check to the conversion loop and the segmented
        // configs to the segmentation pass, which give up at a compatibility ideograph (StageTable.Watched.cs); since
        // session 28 s2t's filtered loop gives up at one too, and s2tw, s2twp, s2hk and s2hkp look for them (and for
        // IDS operators) in what their settled pass does not map: at the start, between phrases, at the end, as a
        // surrogate pair, inside an ideographic description sequence that is copied whole, and in Simplified text
        // (after a key start of TWPhrases or HKVariantsPhrases, before and after an emoji, after an IDS operator, in
        // the last two units).
        string[] inputs =
        [
            "\uF900\u8CC7\u6599\u5EAB", "\u8CC7\u6599\uFA0C\u5EAB\u6A94\u6848", "\u6A94\u6848\uFAD9",
            "\u6A94\U0002F800\u6848", "\u2FF0\uF900\u8CC7\u6599\u5EAB", "\u8CC7\u6599\u5EAB\u6A94\u6848",
            "\u6570\u636E\uFA0C\u5E93\u8F6F\u4EF6\u7684\u6587\u4EF6", "\u9F20\u6807\uF900\u5149\u6807\U0001F50E\uFAD9\u786C\u76D8",
            "\u6587\uF900\u4EF6\U0002F800\U0001F50E\u7684\u6587\u4EF6\u5939\uFA0C",
            "\u6570\u636E\u5E93\u2FF0\u6587\u4EF6\u8F6F\u4EF6\uFA0C", "\u6570\u636E\u5E93\u8F6F\u4EF6\u7684\u6587\u4EF6\u5939\uFAD9\u6570",
        ];
        foreach (string input in inputs)
        {
            string converted = ConvertWithTheScanTablesBuilt(config, input);
            Assert.Equal(ChineseConverter.Get(config).Convert(input), converted);
            Assert.DoesNotContain('\uF900', converted.Replace("\u2FF0\uF900", string.Empty, StringComparison.Ordinal));
            Assert.DoesNotContain('\uFA0C', converted);
            Assert.DoesNotContain('\uFAD9', converted);
        }
    }

    [Theory]
    [InlineData("s2t")]
    [InlineData("s2tw")]
    [InlineData("s2hk")]
    [InlineData("s2hkp")]
    [InlineData("s2twp")]
    public void SupplementaryCharacters_ConvertAsOnShortText_WithTheScanTablesBuilt(string config)
    {
        // The one settled pass copies a surrogate pair that starts no key of any table (an emoji) and goes on
        // (ConversionPipeline.StartsNoKey); a pair that starts a key (𠀾 -> 𠁞 in STCharacters, 周𫖮 in STPhrases)
        // still goes through the chain. Beside them, phrases of the variants stages (张栋梁 and 林国梁 in
        // TWVariantsPhrases, whose first units stop s2tw's pass; 純喫茶 and 牛驥同皁 keep 喫 and 皁, which TWVariants alone
        // changes) and a lone surrogate; since session 19 the pass maps such emoji itself (StageTable.BuildSettledEntries),
        // also between the units of a key pair (内🔎存, 数🔎🔎据).
        string[] inputs =
        [
            "\u8F6F\u4EF6\U0001F50E\uFE0E\u5F15\u7528\u6570\u636E\u5E93", "\U0002003E\u8F6F\u4EF6\U0001F50E\u5468\U0002B5AE\u6570\u636E",
            "\u6570\u636E\u5E93\U000201B2\U0001F50E", "\U0001F50E\U0001F50E\U0002003E\U0002003E\u8F6F\u4EF6",
            "\u5F20\u680B\u6881\U0001F50E\u6797\u56FD\u6881\u7684\u9762", "\u6570\uD83D\u636E\U0001F50E\uDE0E\u5E93\u6570\u636E",
            "\u4F60\u559D\u7D14\u55AB\u8336\u55CE", "\u7D14\u55AB\u8336\U0001F50E\u725B\u9A65\u540C\u7681\u7684\u9EAA",
            "\uFF0C\u5185\U0001F50E\u5B58\u6570\U0001F50E\U0001F50E\u636E\uFF0C\uFF0C", "\uFF0C\U0002003E\U0001F50E\uDE0E\u5185\u5B58\U0001F50E\uFF0C\uFF0C",
        ];
        foreach (string input in inputs)
        {
            string converted = ConvertWithTheScanTablesBuilt(config, input);
            Assert.Equal(ChineseConverter.Get(config).Convert(input), converted);
            Assert.DoesNotContain("\U0002003E", converted, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("s2twp")]
    [InlineData("s2tw")]
    [InlineData("s2hk")]
    [InlineData("s2hkp")]
    public void LastStageKeys_ConvertAsTheReferenceEngine_WithTheScanTablesBuilt(string config)
    {
        // Where the settled pass stops at a key pair of the last stage, the pipeline matches that stage in place
        // (ConversionPipeline.ConvertLastStageKey, session 17): a two-unit key that always wins there (优化 -> 最佳化,
        // U盘 -> 隨身碟 in TWPhrases) and keys a walk decides (内存 and 内存条, 并行计算), each whole, and with a
        // segmentation phrase that starts on its second unit (化了, 盘据, 存亡之秋, 行万里路), which ends the segment,
        // so the key does not apply; beside an emoji and at the end of the text.
        string[] inputs =
        [
            "优化", "优化了", "的优化方法", "U盘", "U盘据",
            "内存", "内存条", "内存亡之秋", "并行计算",
            "并行万里路", "优化🔎内存🔎内", "软件的优",
        ];
        AssertAsTheReferenceEngine(config, inputs);
    }

    [Theory]
    [InlineData("s2twp")]
    [InlineData("s2tw")]
    [InlineData("s2hk")]
    [InlineData("s2hkp")]
    public void SegmentationPairs_ConvertAsTheReferenceEngine_WithTheScanTablesBuilt(string config)
    {
        // The settled pass writes a two-unit segmentation phrase whose segment the chain converts to two units (a
        // direct pair: 一出 -> 一齣, 上链 -> 上鍊, 主梁 -> 主樑, 仿佛 -> 彷彿, 一并 -> 一併) without returning
        // (ConversionPipeline.SettledDirectPairs), but not before a unit it does not settle (an emoji), where it would
        // take the pair's second unit back as a unit mapped alone (StageTable.StopsAfterKeyStart): a build that wrote
        // them there gave 一一出🔎 -> 一一出 in s2twp, 一主梁🔎 -> 一主梁 in s2hk.
        string[] inputs =
        [
            "一一出一一", "一一出🔎︎一一", "一上链🔎︎一一", "一主梁🔎︎一一", "一仿佛🔎︎一一", "一一并🔎︎一一",
            "上链主梁仿佛一并一一", "一一并一出🔎", "主梁一出", "一上链",
        ];
        AssertAsTheReferenceEngine(config, inputs);
    }

    [Theory]
    [InlineData("s2twp")]
    [InlineData("s2tw")]
    [InlineData("s2hk")]
    [InlineData("s2hkp")]
    public void LastStagePairs_ConvertAsTheReferenceEngine_WithTheScanTablesBuilt(string config)
    {
        // The settled pass decides a key pair of the last stage where no third unit goes on with a key
        // (ConversionPipeline.LastStagePairs, session 19): 模块 -> 模組 (a segmentation key, 模块板, begins with it), 文件 ->
        // 檔案 (文件夹, 文件名 go on; 文件柜 is a segmentation phrase; 件钟 one that ends the segment between 文 and 件),
        // 命令 (no key of two units: 命令行, 命令式编程 go on; 令出如山 starts on its second unit); keys that only the
        // last stage goes on with after two units, where no segmentation key begins (元數據 -> 後設資料, 調色板 -> 調色盤,
        // 調製解調器 -> 數據機, 文件夾 -> 資料夾, 命令式編程, in Traditional or mixed forms: a build without the triple
        // tokens wrote 元資料); before an emoji, which the pass does not settle, and at the end. And pairs it returns at:
        // keys whose value is not of two units (主板 -> 主機板, also a segmentation key; 内存 -> 記憶體, 用户 -> 使用者,
        // 端口 -> 埠) and segmentation keys whose segment is not (挂断 -> 結束通話, 链表 -> 連結串列).
        string[] inputs =
        [
            "主板", "内存", "用户", "端口", "挂断", "链表", "的内存🔎︎", "用户名",
            "模块。", "模块板", "的模块🔎︎", "文件。", "文件夹", "文件名", "文件柜", "文件钟", "文件🔎︎", "文件夹🔎︎",
            "命令。", "命令行", "命令式编程", "命令出如山", "命令🔎︎", "命令行🔎︎", "一命令", "一文件",
            "元數據", "元数據", "調色板", "调色板", "調製解調器", "文件夾", "命令式編程", "元數🔎︎", "調色",
        ];
        // Alone, and with units around it: the pass stops two units before the end of the text.
        AssertAsTheReferenceEngine(config, inputs.SelectMany(input => new[] { input, "\uFF0C" + input + "\uFF0C\uFF0C" }));
    }

    [Theory]
    [InlineData("s2twp")]
    [InlineData("s2tw")]
    [InlineData("s2hk")]
    [InlineData("s2hkp")]
    public void LastStagePairsOfAnotherLength_ConvertAsTheReferenceEngine_WithTheScanTablesBuilt(string config)
    {
        // Since session 20 the settled pass also writes a key pair of the last stage whose value has another length
        // (控件 -> 控制項, 刷新 -> 重新整理, 内存 -> 記憶體, 端口 -> 埠 in s2twp), where no third unit goes on with a key and
        // no segmentation key starts at its second unit; it still returns where one does (用户名, 脚本语言) or where a
        // segmentation phrase holds the pair (主板). Several in a row move the output by their differences.
        string[] pairs = ["控件", "脚本", "刷新", "位图", "算法", "内存", "用户", "端口", "主板", "用户名", "内存条", "控件刷新端口位图"];
        AssertAsTheReferenceEngine(config, pairs.SelectMany(InContexts));
        AssertAsTheReferenceEngine(config, [string.Concat(Enumerable.Repeat("\u4E00控件\uFF0C端口", 40)) + "\U0001F50E"]);
    }

    [Theory]
    [InlineData("s2twp")]
    [InlineData("s2tw")]
    [InlineData("s2hk")]
    [InlineData("s2hkp")]
    public void SegmentationTriples_ConvertAsTheReferenceEngine_WithTheScanTablesBuilt(string config)
    {
        // The settled pass writes a three-unit segmentation phrase that begins no longer one (几何学 -> 幾何學, 发布会,
        // 干什么, 面包车) composed through the chain (ConversionPipeline.SettledTriples, session 19), but not before a
        // unit it does not settle (an emoji), where it would take the phrase's last unit back as a unit mapped alone
        // where that unit begins a key of the last stage and the phrase writes it otherwise than alone (一碗面 -> 一碗麵,
        // 写字台 -> 寫字檯: 面 and 台 begin TWPhrases keys; 张栋梁 -> 張棟樑 in the HK configs; a build that wrote them
        // there gave 一碗面 in s2twp, 張棟梁 in s2hk), nor within the pass's last units; alone, in a row, between other
        // units and at the end.
        string[] phrases = ["几何学", "发布会", "干什么", "面包车", "一碗面", "写字台", "张栋梁"];
        AssertAsTheReferenceEngine(config, phrases.SelectMany(InContexts));
    }

    [Theory]
    [InlineData("s2twp")]
    [InlineData("s2tw")]
    [InlineData("s2hk")]
    [InlineData("s2hkp")]
    public void SegmentationTriplesOfAnotherLength_ConvertAsTheReferenceEngine_WithTheScanTablesBuilt(string config)
    {
        // Since session 20 the settled pass also writes a three-unit phrase whose value has another length (对话框 ->
        // 對話方塊, 数据源 -> 資料來源, 用户名 -> 使用者名稱 and 字符串 -> 字串 in s2twp, 内存条 -> 記憶體模組 in s2hkp),
        // and the output runs ahead of (or behind) the input from there on: in the same contexts, several in a row, and
        // in a long run of them where the difference adds up.
        string[] phrases = ["对话框", "字符串", "数据源", "用户名", "文件名", "内存条", "对话框字符串内存条"];
        AssertAsTheReferenceEngine(config, phrases.SelectMany(InContexts));
        AssertAsTheReferenceEngine(config, [string.Concat(Enumerable.Repeat("\u4E00对话框\uFF0C字符串", 40)) + "\U0001F50E"]);
    }

    [Theory]
    [InlineData("s2twp")]
    [InlineData("s2tw")]
    [InlineData("s2hk")]
    [InlineData("s2hkp")]
    public void SegmentationQuads_ConvertAsTheReferenceEngine_WithTheScanTablesBuilt(string config)
    {
        // Since session 20 the settled pass writes a four-unit segmentation phrase that begins no longer one (电子表格 ->
        // 試算表, 演示文稿 -> 簡報, 参考文献, 有价证券, 操作系统 -> 作業系統 in s2twp), where the triple table sends it to
        // the four-unit keys; it returns at longer phrases (正则表达式, 文件扩展名), at first three units that go on
        // otherwise (电子表, 演示文件), and before a unit it does not settle (an emoji), where the phrase's last unit would be
        // taken back where it begins a key of the last stage and the phrase writes it otherwise than alone (一幻拉面 ->
        // 一幻拉麪, 丈八灯台 -> 丈八燈臺).
        string[] phrases = ["电子表格", "演示文稿", "参考文献", "有价证券", "操作系统", "正则表达式", "文件扩展名", "电子表", "演示文件", "一幻拉面", "丈八灯台", "电子表格演示文稿"];
        AssertAsTheReferenceEngine(config, phrases.SelectMany(InContexts));
        AssertAsTheReferenceEngine(config, [string.Concat(Enumerable.Repeat("\u4E00电子表格\uFF0C操作系统", 40)) + "\U0001F50E"]);
    }

    [Fact]
    public void PassedPairs_ConvertAsTheReferenceEngine_WithTheScanTablesBuilt()
    {
        // s2t's filtered loop passes over a direct pair whose value is each unit's own mapping (有个 -> 有個, 目录 -> 目錄:
        // StageTable.PassedKeys.cs, session 24) and decides a stop at the unit after such pairs by parsing those that end
        // there in a row: 有个中 -> 有個中 (个中 -> 箇中 would start at the pair's second unit), 目录个中 -> 目錄箇中 (two
        // pairs, 录个 after 目录: 个 begins a match), 数据点个中 -> 數據點個中 (three: it does not); a build that took every
        // unit after a passed pair for a pair's second unit failed this case alone, one that took none this case and three
        // older ones, one that parsed from the key before the stop only this case and the next. Alone, in a row, between
        // other units and at the end.
        string[] phrases = ["有个中", "目录个中", "数据点个中", "个个个中", "个个个个中", "选录录", "有个中目录个中数据点个中"];
        AssertAsTheReferenceEngine("s2t", phrases.SelectMany(InContexts));
    }

    [Fact]
    public void PassedTriples_ConvertAsTheReferenceEngine_WithTheScanTablesBuilt()
    {
        // The loop also passes over three-unit keys that begin no longer one and whose value is each unit's own mapping
        // (项目表, 编码表, 个位数): a stop at their second or third unit is void (项目表行 -> 項目表行, not 錶行; 编码表 ->
        // 編碼表, not 碼錶; 个位数周: the triple, not the pair 个位, so 数周 does not begin a match), and where the filter
        // stops at their first two units for a pair (这只 -> 這隻, 一出 -> 一齣), a walk decides: 这只是 -> 這只是, 一出来 ->
        // 一出來.
        string[] phrases = ["项目表行", "编码表", "点名表", "这只是", "一出来", "个位数周", "前后文采", "个位数周项目表行这只是"];
        AssertAsTheReferenceEngine("s2t", phrases.SelectMany(InContexts));
    }

    [Theory]
    [InlineData("s2twp")]
    [InlineData("s2tw")]
    [InlineData("s2hk")]
    [InlineData("s2hkp")]
    public void SettledPassedPairs_ConvertAsTheReferenceEngine_WithTheScanTablesBuilt(string config)
    {
        // Since session 25 the settled pass also passes over segmentation pairs whose segment converts to each unit's
        // settled mapping (有个, 目录, 加了, 印出): a stop at such a pair's second unit maps it alone (有个中, not 箇中;
        // 目录个中 and 个个个中, where the caller parses the pairs in a row), and a key pair of the last stage is cut where a
        // passed pair starts at its second unit (添加了 -> 添加了, not 新增了; 表达式, 脚本系统, 保存于, 打印出: a build that
        // did not test the tail token there gave 新增, 表示式, 指令碼, 儲存, 列印).
        string[] phrases = ["有个中", "目录个中", "数据点个中", "个个个中", "个个个个中", "选录录", "添加了", "表达式", "脚本系统", "保存于", "打印出", "有个中添加了打印出"];
        AssertAsTheReferenceEngine(config, phrases.SelectMany(InContexts));
    }

    // A phrase alone, in a row, between other units, before an emoji, before units the settled pass does not take (an
    // ideographic description operator, a supplementary character that starts a key: 𣗊溪) and at the end.
    private static string[] InContexts(string phrase) =>
    [
        phrase, "\uFF0C" + phrase + "\uFF0C\uFF0C", "\uFF0C" + phrase + "\U0001F50E\uFE0E\uFF0C", "\uFF0C" + phrase,
        phrase + "\uFF0C", "\uFF0C\uFF0C" + phrase + phrase + "\uFF0C\uFF0C", "\u4E00" + phrase + "\u4E00\u4E00",
        "\uFF0C" + phrase + "\u2FF0\u4E00\u4E00\uFF0C", "\uFF0C" + phrase + "𣗊溪\uFF0C",
    ];

    // Each input converts as the reference engine converts it, with the scan tables built.
    private static void AssertAsTheReferenceEngine(string config, IEnumerable<string> inputs)
    {
        foreach (string input in inputs)
        {
            Assert.Equal(ConversionText.Reference(config, input), ConvertWithTheScanTablesBuilt(config, input));
        }
    }

    private static string ConvertWithTheScanTablesBuilt(string config, string input)
    {
        ConversionPipeline pipeline = s_filtered.GetOrAdd(config, name =>
        {
            ConversionPipeline created = ConversionPipeline.Create(OpenCcConfig.Load(name), includeTofuRisk: true, s_filteredTables);
            foreach (StageTable table in created.StageTables)
            {
                table.PrepareScanTables();
            }

            // A first conversion builds s2t's direct pairs, after which its filtered loop watches for the
            // normalization's units (session 28): the cases run that way.
            _ = created.ConvertFinal("\u4E2D\u6587", new char[created.MaxOutputLength(2) + 1]);
            return created;
        });
        char[] destination = new char[pipeline.MaxOutputLength(input.Length) + 1];
        int written = pipeline.ConvertFinal(input, destination);
        return new string(destination, 0, written);
    }
}
