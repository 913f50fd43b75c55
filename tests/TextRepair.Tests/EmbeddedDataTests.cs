using System.Text.RegularExpressions;
using TextRepair.Internal;

namespace TextRepair.Tests;

public sealed partial class EmbeddedDataTests
{
    // PROVENANCE.md is written by tools/import-data.sh with the entry count of every file it imported.
    public static TheoryData<string, int> ImportedFiles()
    {
        var data = new TheoryData<string, int>();
        string provenance = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "PROVENANCE.md"));
        foreach (Match match in FileRow().Matches(provenance))
        {
            data.Add(match.Groups[1].Value, int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ImportedFiles))]
    public void EmbeddedFile_HasTheImportedEntryCount(string file, int entries)
    {
        int count = 0;
        foreach (var (key, _) in EmbeddedData.ReadTabSeparated(file))
        {
            Assert.False(string.IsNullOrEmpty(key));
            count++;
        }

        Assert.Equal(entries, count);
    }

    [Fact]
    public void AllImportedFiles_AreEmbedded()
    {
        var names = EmbeddedData.Names.ToHashSet();
        Assert.Equal(22, names.Count(n => n.StartsWith("OpenCC/dictionary/", StringComparison.Ordinal)));
        Assert.Equal(16, names.Count(n => n.StartsWith("OpenCC/config/", StringComparison.Ordinal)));
        Assert.Equal(ImportedFiles().Count, names.Count(n => n.EndsWith(".txt", StringComparison.Ordinal)));
    }

    [Fact]
    public void MissingFile_Throws()
    {
        Assert.Throws<FileNotFoundException>(() => EmbeddedData.Open("OpenCC/dictionary/Nope.txt"));
    }

    [GeneratedRegex(@"^\| `([^`]+\.txt)` \| (\d+) \|", RegexOptions.Multiline)]
    private static partial Regex FileRow();
}
