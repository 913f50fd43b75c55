using System.Buffers;
using System.Text;
using TextRepair;

namespace ReadmeExamples;

/// <summary>
/// Every C# example of the README, as it appears there (between <c>#region README</c> and <c>#endregion</c>), run with
/// the inputs it names and checked after the region. <see cref="TextRepair.Tests.ReadmeTests"/> fails when a
/// ```csharp block of README.md is not one of these regions verbatim (after its using directives, which must be
/// this file's), or when a region is missing from the README.
/// </summary>
public sealed class ReadmeExamples
{
    private static readonly string s_seedPath = Path.Combine(AppContext.BaseDirectory, "seeds", "000_fd27bc0d7b45cc12.txt");

    [Fact]
    public void QuickStart()
    {
        string page = File.ReadAllText(s_seedPath);

        #region README
        // Convert exactly like OpenCC 1.4.2 (16 configs): cached, immutable, thread-safe.
        ChineseConverter s2twp = ChineseConverter.Get("s2twp");
        string taiwan = s2twp.Convert("鼠标里面的硅二极管坏了");                   // 滑鼠裡面的矽二極體壞了

        // Repair a page damaged on the web, and say why.
        RepairResult result = TextRepairer.Repair(page);
        string repaired = result.Text;                                       // the same instance when nothing changed
        Console.WriteLine(result.Explain());                                 // what each step did or did not do, and why
        #endregion

        Assert.Equal("滑鼠裡面的矽二極體壞了", taiwan);
        Assert.Equal(File.ReadAllText(Path.ChangeExtension(s_seedPath, ".expected.txt")), repaired);
        Assert.Same(repaired, TextRepairer.Repair(repaired).Text);
    }

    [Fact]
    public void Conversion()
    {
        using var reader = new StringReader("鼠标\n二极管\n");
        using var writer = new StringWriter();

        #region README
        ChineseConverter s2twp = ChineseConverter.Get("s2twp");   // cached, immutable, thread-safe
        string text = "鼠标里面的硅二极管坏了";
        string tw = s2twp.Convert(text);                          // 滑鼠裡面的矽二極體壞了 (the same instance if nothing changes)

        // Span API, shaped like System.Text.Unicode.Utf8: no allocation once the config is loaded, resumable.
        char[] buffer = new char[s2twp.GetMaxConvertedLength(text.Length)];
        OperationStatus status = s2twp.Convert(text, buffer, out int consumed, out int written, isFinalBlock: true);

        // UTF-8 in and out (InvalidData at the first invalid byte), and readers/writers of any length.
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        byte[] utf8Out = new byte[s2twp.GetMaxConvertedUtf8Length(utf8.Length)];
        s2twp.ConvertUtf8(utf8, utf8Out, out int bytesConsumed, out int bytesWritten);
        s2twp.Convert(reader, writer);

        // Your own phrases win over the dictionaries; leave out OpenCC's "tofu-risk" dictionaries if you like.
        ChineseConverter custom = ChineseConverter.Get("t2s", ChineseConverterOptions.ExcludeTofuRiskDictionaries)
            .WithPhrases([new("乾隆", "乾隆")]);
        #endregion

        Assert.Equal("滑鼠裡面的矽二極體壞了", tw);
        Assert.Same(tw, s2twp.Convert(tw));
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(text.Length, consumed);
        Assert.Equal(tw, new string(buffer, 0, written));
        Assert.Equal(utf8.Length, bytesConsumed);
        Assert.Equal(tw, Encoding.UTF8.GetString(utf8Out, 0, bytesWritten));
        Assert.Equal("滑鼠\n二極體\n", writer.ToString());
        Assert.Equal("乾隆皇帝", custom.Convert("乾隆皇帝"));
        Assert.Equal("干燥", custom.Convert("乾燥"));
    }

    [Fact]
    public void Repair()
    {
        string page = File.ReadAllText(s_seedPath);

        #region README
        RepairResult result = TextRepairer.Repair(page);                 // RepairOptions.Default: --to auto
        string text = result.Text;                                       // the same instance when nothing changed
        foreach (RepairEdit edit in result.Edits) { /* Start, Length, Replacement, Kind: input coordinates */ }
        foreach (RepairDecision decision in result.Decisions) { /* Step, Acts, Reason: one per step */ }
        Console.WriteLine(result.Explain());                             // why each step did or did not act

        // Build a repairer once, share it across threads; every step can be turned off.
        TextRepairer keepScript = TextRepairer.Create(new RepairOptions { Target = ScriptTarget.Keep, RepairEncoding = false });
        RepairResult kept = keepScript.Repair(page);                     // annotations and punctuation only

        TextReport report = TextAnalyzer.Analyze(page);                  // script, annotations, evidence, suspected damage
        TextReport quick = TextAnalyzer.Analyze(page, TextAnalyzerOptions.ScriptOnly);  // script counts only: one lookup per character
        #endregion

        var applied = new StringBuilder();
        int position = 0;
        foreach (RepairEdit edit in result.Edits)
        {
            applied.Append(page, position, edit.Start - position).Append(edit.Replacement);
            position = edit.Start + edit.Length;
        }

        Assert.Equal(text, applied.Append(page, position, page.Length - position).ToString());
        Assert.Equal(AnnotationEvidence.StrongToned, report.Evidence);
        Assert.Equal(4, result.Decisions.Count);
        Assert.DoesNotContain(kept.Edits, edit => edit.Kind == RepairKind.Script);
        Assert.Contains(kept.Edits, edit => edit.Kind == RepairKind.Annotation);
        Assert.Contains(report.SuspectedDamage, damage => damage.Kind == RepairKind.Annotation);
        Assert.Equal(report.Script, quick.Script);
        Assert.Empty(quick.SuspectedDamage);
    }

    [Fact]
    public void Documents()
    {
        string directory = Directory.CreateTempSubdirectory("textrepair-readme-").FullName;
        try
        {
            string bookPath = Path.Combine(directory, "book.epub");
            string twBookPath = Path.Combine(directory, "book.tw.epub");
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Data", "Documents", "epub", "maint-guide-first.epub"), bookPath);

            #region README
            var documents = new DocumentConverter(ChineseConverter.Get("s2twp"));   // immutable, thread-safe
            string html = documents.Convert("<b>鼠</b>标", DocumentFormat.Html);    // "<b>滑</b>鼠"
            using (FileStream book = File.OpenRead(bookPath), tw = File.Create(twBookPath))  // EPUB, DOCX, XLSX, PPTX, ODF
            {
                documents.Convert(book, tw, DocumentFormat.Epub);
            }
            #endregion

            Assert.Equal("<b>滑</b>鼠", html);
            Assert.True(new FileInfo(twBookPath).Length > 0);
            Assert.Equal(
                documents.Convert(File.ReadAllBytes(bookPath), DocumentFormat.Epub),
                File.ReadAllBytes(twBookPath));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void DocumentRepair()
    {
        #region README
        var repairer = new DocumentConverter(new RepairOptions());               // repairs instead of converting
        RepairResult page = repairer.Repair("<p>鏂囦欢涓嬭浇瀹屾垚</p>", DocumentFormat.Html);
        string fixedHtml = page.Text;                                            // "<p>文件下载完成</p>"
        RepairEdit edit = page.Edits[0];                                         // in the input document: Start 3
        string chain = edit.Chain!;                                              // "utf-8 decoded as gbk"
        #endregion

        Assert.Equal("<p>文件下载完成</p>", fixedHtml);
        Assert.Equal(3, edit.Start);
        Assert.Equal("utf-8 decoded as gbk", chain);
        Assert.False(page.Lossy);
    }
}
