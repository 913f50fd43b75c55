namespace TextRepair.Tests.Documents;

/// <summary>The checks of <see cref="DocumentChecks"/> on every real document under Data/Documents (see its PROVENANCE.md).</summary>
public sealed class RealDocumentTests
{
    private static readonly string s_root = Path.Combine(AppContext.BaseDirectory, "Data", "Documents");

    public static TheoryData<string, string> Files()
    {
        var data = new TheoryData<string, string>();
        foreach (string folder in Directory.GetDirectories(s_root).Order(StringComparer.Ordinal))
        {
            foreach (string file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                foreach (string config in (string[])["s2twp", "t2s"])
                {
                    data.Add(Path.GetRelativePath(s_root, file), config);
                }
            }
        }

        return data;
    }

    [Fact]
    public void EveryFormatHasRealFiles()
    {
        foreach (string format in DocumentFormats.Names.Where(name => name != "text"))
        {
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(s_root, format)));
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void RealFile_OnlyTheVisibleTextChanges_AndItConvertsAsPlainText(string file, string config)
    {
        string path = Path.Combine(s_root, file);
        Assert.True(DocumentFormats.TryDetect(path, File.ReadAllBytes(path), out DocumentFormat format));
        Assert.Equal(Path.GetDirectoryName(file), DocumentFormats.GetName(format));
        ChineseConverter converter = ChineseConverter.Get(config);
        byte[] input = File.ReadAllBytes(path);
        if (DocumentConverter.IsBinary(format))
        {
            DocumentChecks.CheckArchive(input, format, converter);
        }
        else
        {
            string text = System.Text.Encoding.UTF8.GetString(input);
            DocumentChecks.CheckText(text, format, converter);
        }
    }

    /// <summary>Every real file but Markdown, which has no signature (only its extension tells).</summary>
    public static TheoryData<string> SniffableFiles()
    {
        var data = new TheoryData<string>();
        foreach (string folder in Directory.GetDirectories(s_root).Order(StringComparer.Ordinal).Where(f => Path.GetFileName(f) != "markdown"))
        {
            foreach (string file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(s_root, file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SniffableFiles))]
    public void RealFile_FormatIsDetectedFromContentAlone(string file)
    {
        string path = Path.Combine(s_root, file);
        Assert.True(DocumentFormats.TryParse(Path.GetDirectoryName(file), out DocumentFormat expected));
        byte[] head = File.ReadAllBytes(path).AsSpan(0, Math.Min(4096, (int)new FileInfo(path).Length)).ToArray();
        Assert.True(DocumentFormats.TryDetect(null, head, out DocumentFormat format));
        Assert.Equal(expected, format);
    }
}
