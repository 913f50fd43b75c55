using System.Text;
using TextRepair.Analysis.Decoding;
using TextRepair.Analysis.Language;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// The scanner's clean-text path (session 12) decides exactly as the engine would: the one-pass pre-scan finds what
/// the two pre-scans found, a line the quiet gate passes would have had no finding, and the remembered
/// <see cref="EncodingScanner.MayBeDamaged"/> verdict depends on nothing but the token and its two neighbours.
/// </summary>
public sealed class ScannerCleanPathTests
{
    static ScannerCleanPathTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static TheoryData<string> Corpora() => ["zh-cn", "zh-tw", "ja", "ko", "de", "en-us"];

    [Theory]
    [MemberData(nameof(Corpora))]
    public void OnePassPreScan_FindsWhatTheTwoPreScansFound(string corpus)
    {
        string clean = Read(corpus);
        int checkedOffsets = 0;
        foreach (string text in Variants(clean))
        {
            // From every line start, and from offsets inside lines (the scanner resumes after annotations).
            for (int p = 0; p < text.Length; p = NextOffset(text, p))
            {
                Assert.Equal(TwoPreScans(text.AsSpan(p)), SuspiciousChars.IndexOfSuspiciousOrUncommonLine(text.AsSpan(p)));
                checkedOffsets++;
            }
        }

        Assert.True(checkedOffsets > 100, $"{checkedOffsets} offsets");
    }

    [Fact]
    public void OnePassPreScan_FindsWhatTheTwoPreScansFound_OnRandomText()
    {
        // Characters from every class: ASCII, line breaks, common and uncommon Han, Extension A, suspicious ones.
        const string alphabet = "ab 1\n\r的是了在一人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵吹累沿尸端乘棋拜扫锟斤拷烫屯ÀÁ�ω𠀀镕镗镙镛锺ἀ";
        var random = new Random(12);
        for (int n = 0; n < 20_000; n++)
        {
            var sb = new StringBuilder();
            int length = random.Next(0, 120);
            for (int i = 0; i < length; i++)
            {
                sb.Append(alphabet[random.Next(alphabet.Length)]);
            }

            string text = sb.ToString();
            Assert.Equal(TwoPreScans(text), SuspiciousChars.IndexOfSuspiciousOrUncommonLine(text));
        }
    }

    [Fact]
    public void OnePassPreScan_FindsWhatTheTwoPreScansFound_OnLongHanLines()
    {
        // The pre-scan reads blocks of eight characters and counts a line's first 24 Han characters: lines of 0-300
        // characters, mostly Han, common and uncommon in every proportion (so that the sample fills inside a block and
        // lines on both sides of 40% occur), a few line breaks, ASCII and suspicious characters, at every offset.
        var common = new List<char>();
        var uncommon = new List<char>();
        for (char c = '\u4E00'; c <= '\u9FFF'; c++)
        {
            if (!SuspiciousChars.Contains(c))
            {
                (UncommonHan.IsCommon(c) ? common : uncommon).Add(c);
            }
        }

        var random = new Random(13);
        int mostlyUncommon = 0;
        for (int n = 0; n < 5_000; n++)
        {
            double uncommonShare = random.NextDouble(), breakShare = random.NextDouble() * 0.05, otherShare = random.NextDouble() * 0.2;
            var sb = new StringBuilder();
            int length = random.Next(0, 300);
            for (int i = 0; i < length; i++)
            {
                double r = random.NextDouble();
                sb.Append(r < breakShare ? (random.Next(2) == 0 ? '\n' : '\r')
                    : r < breakShare + otherShare ? "a1 .\u00E9\u2500\u3400\uFFFD"[random.Next(8)]
                    : random.NextDouble() < uncommonShare ? uncommon[random.Next(uncommon.Count)] : common[random.Next(common.Count)]);
            }

            string text = sb.ToString();
            for (int p = 0; p < text.Length; p += 1 + random.Next(40))
            {
                int expected = TwoPreScans(text.AsSpan(p));
                Assert.Equal(expected, SuspiciousChars.IndexOfSuspiciousOrUncommonLine(text.AsSpan(p)));
                mostlyUncommon += expected >= 0 && !SuspiciousChars.Contains(text[p + expected]) ? 1 : 0;
            }
        }

        Assert.True(mostlyUncommon > 1000, $"{mostlyUncommon} mostly uncommon lines found");
    }

    [Theory]
    [MemberData(nameof(Corpora))]
    public void QuietLines_WouldHaveHadNoFinding(string corpus)
    {
        int quiet = 0, loud = 0;
        foreach (string text in Variants(Read(corpus)))
        {
            (int q, int l) = CheckQuietLines(text);
            quiet += q;
            loud += l;
        }

        // Not vacuous: the gate passes lines (and stops lines: see the evaluation-set test; garbled ASCII stays ASCII).
        Assert.True(quiet > 0 && (loud > 0 || corpus == "en-us"), $"quiet {quiet}, loud {loud}");
    }

    [Fact]
    public void QuietLines_WouldHaveHadNoFinding_OnTheEvaluationSets()
    {
        int quiet = 0, loud = 0;
        foreach (bool heldOut in new[] { false, true })
        {
            foreach (EvalCase c in EncodingEvaluationSet.Build(heldOut))
            {
                (int q, int l) = CheckQuietLines(c.Input);
                quiet += q;
                loud += l;
            }
        }

        Assert.True(quiet > 100 && loud > 100, $"quiet {quiet}, loud {loud}");
    }

    [Theory]
    [MemberData(nameof(Corpora))]
    public void MayBeDamaged_DependsOnlyOnTheTokenAndItsNeighbours(string corpus)
    {
        // The same token between the same neighbours, in another text: the verdict the cache would hand back.
        int tokens = 0;
        foreach (string line in Variants(Read(corpus)).SelectMany(t => t.Split('\n')).Take(3000))
        {
            foreach (string token in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                int start = line.IndexOf(token, StringComparison.Ordinal);
                char before = start > 0 ? line[start - 1] : CharNgramModel.Boundary;
                char after = start + token.Length < line.Length ? line[start + token.Length] : CharNgramModel.Boundary;
                bool here = EncodingScanner.MayBeDamagedUncached(line, start, token.Length, before, after);
                foreach (string prefix in new[] { "\n", "中文（", "zhōng(" })
                {
                    string elsewhere = prefix + line + "\n(wén)文";
                    Assert.Equal(here, EncodingScanner.MayBeDamagedUncached(elsewhere, prefix.Length + start, token.Length, before, after));
                }

                Assert.Equal(here, EncodingScanner.MayBeDamaged(line, start, token.Length, before, after));
                tokens++;
            }
        }

        Assert.True(tokens > 100, $"{tokens} tokens");
    }

    // Every line of text as the scanner visits it: when the gate passes a line, the engine must find nothing on it and
    // learn no chain. Known chains are empty (the gate passes nothing else).
    private static (int Quiet, int Loud) CheckQuietLines(string text)
    {
        int quiet = 0, loud = 0;
        for (int lineStart = 0; lineStart <= text.Length;)
        {
            int lineEnd = text.AsSpan(lineStart).IndexOfAny('\n', '\r');
            lineEnd = lineEnd < 0 ? text.Length : lineStart + lineEnd;
            var known = new KnownChains();
            var findings = new List<EncodingFinding>();
            var tokens = new List<(int Start, int End)>();
            if (EncodingScanner.IsQuiet(text, lineStart, lineEnd, known, tokens))
            {
                EncodingScanner.FindInLine(text, lineStart, lineEnd, tokens, findings, known);
                Assert.True(findings.Count == 0 && known.Steps.Count == 0, text[lineStart..lineEnd]);
                quiet++;
            }
            else
            {
                loud++;
            }

            lineStart = lineEnd + 1;
        }

        return (quiet, loud);
    }

    private static int TwoPreScans(ReadOnlySpan<char> text)
    {
        int hit = SuspiciousChars.IndexOf(text);
        int line = UncommonHanLines.IndexOfSuspiciousLine(hit < 0 ? text : text[..hit]);
        return line >= 0 ? line : hit;
    }

    private static int NextOffset(string text, int p)
    {
        int lineEnd = text.AsSpan(p).IndexOf('\n');
        return p % 7 == 0 && lineEnd > 3 ? p + (lineEnd / 2) : lineEnd < 0 ? text.Length : p + lineEnd + 1;
    }

    // The clean text, and the same text garbled the ways the engine meets most (UTF-8 read as GBK, Big5 and
    // windows-1252; GBK read as Big5 and EUC-KR read as GBK, which only the uncommon-Han pre-scan sees), mixed line by line with
    // clean lines.
    private static IEnumerable<string> Variants(string clean)
    {
        yield return clean;
        string[] lines = clean.Split('\n').Take(2000).ToArray();
        foreach ((int writer, int reader) in new[] { (65001, 936), (65001, 950), (65001, 1252), (936, 950), (51949, 936) })
        {
            Encoding write = Encoding.GetEncoding(writer), read = Encoding.GetEncoding(reader);
            yield return string.Join('\n', lines.Select((l, i) => i % 3 == 0 ? read.GetString(write.GetBytes(l)) : l));
        }
    }

    private static string Read(string corpus) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "Mojibake", corpus + ".txt")).ReplaceLineEndings("\n");
}
