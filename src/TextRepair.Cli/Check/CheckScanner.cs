namespace TextRepair.Cli.Check;

/// <summary>Finds the findings of one file: variant rules from the library's checker, damage from its analyzer.</summary>
internal static class CheckScanner
{
    public static List<CheckFinding> Scan(string displayPath, string file, LocalizationText text, ChineseVariant expected, string expectedTag) =>
        Scan(displayPath, file, text, expected, expectedTag, lineBase: 0, offsetBase: 0, out _);

    /// <summary>
    /// The findings of <paramref name="file"/>, a text that starts at line <paramref name="lineBase"/> + 1 and UTF-16
    /// offset <paramref name="offsetBase"/> of the file (a block of a streamed plain-text file starts at a line start, so
    /// columns need no base). <paramref name="dependsOnOtherText"/> is true when the findings of the annotation and
    /// encoding parts may depend on text outside <paramref name="file"/>: the text holds pinyin annotation candidates
    /// (whether they are a mirror's is decided on the whole text) or encoding damage (the encoding engine tries the
    /// chains it found on the lines after them). Without either, every rule is decided within the line (docs/check.md#speed).
    /// </summary>
    public static List<CheckFinding> Scan(
        string displayPath, string file, LocalizationText text, ChineseVariant expected, string expectedTag, int lineBase, int offsetBase, out bool dependsOnOtherText)
    {
        var findings = new List<CheckFinding>();
        int[] lineStarts = LineStarts(file);
        var at = new Origin(lineBase, offsetBase);
        foreach (VariantFinding f in TextAnalyzer.CheckVariant(text.Text, expected))
        {
            string found = text.Text.Substring(f.Start, f.Length);
            string message = f.Rule switch
            {
                VariantRule.WrongScript => $"'{found}' is not written in {expectedTag} text",
                VariantRule.RegionCharacter => $"'{found}' is not the {expectedTag} form",
                VariantRule.RegionTerm => $"'{found}' is not the {expectedTag} term",
                _ => $"line mixes Simplified and Traditional characters (first unexpected: '{found}')",
            };
            bool fixable = f.Rule == VariantRule.WrongScript && f.Suggestion is not null
                && f.Suggestion.Length == f.Length && text.IsLiteral(file, f.Start, f.Length);
            findings.Add(Make(displayPath, file, lineStarts, at, text, f.Start, found, CheckRules.For(f.Rule), message, f.Suggestion, fixable));
        }

        // Only the parts that make findings (the damage of Analyze with annotations and encoding): the script counts, the
        // variant identification and the conversion signatures would be work for nothing.
        IReadOnlyList<SuspectedDamage> damage = TextAnalyzer.FindDamage(text.Text, out dependsOnOtherText);
        foreach (SuspectedDamage d in damage)
        {
            dependsOnOtherText |= d.Kind is RepairKind.Encoding or RepairKind.LossMarker;
            if (CheckRules.For(d.Kind) is not { } rule)
            {
                continue;
            }

            string found = text.Text.Substring(d.Start, d.Length);
            string message = d.Kind switch
            {
                RepairKind.Annotation => $"pinyin annotation '{found}'",
                RepairKind.LostVowelPinyin => $"pinyin with lost tone vowels '{found}'",
                RepairKind.Encoding => "mojibake (text decoded with the wrong encoding)",
                _ => "text lost in an encoding round trip",
            };
            findings.Add(Make(displayPath, file, lineStarts, at, text, d.Start, found, rule, message, null, fixable: false));
        }

        findings.Sort(static (a, b) => a.FileOffset != b.FileOffset ? a.FileOffset.CompareTo(b.FileOffset) : string.CompareOrdinal(a.Rule.Id, b.Rule.Id));
        return findings;
    }

    private static CheckFinding Make(
        string displayPath, string file, int[] lineStarts, Origin at, LocalizationText text, int start, string found, CheckRule rule, string message, string? suggestion, bool fixable)
    {
        int length = found.Length;
        int from = text.ToFile(start);
        int to = length > 0 ? text.ToFile(start + length - 1) + 1 : from;
        (int line, int column) = Position(lineStarts, from);
        (int endLine, int endColumn) = Position(lineStarts, Math.Max(from, to));
        int lineStart = lineStarts[line - 1];
        int lineEnd = line < lineStarts.Length ? lineStarts[line] : file.Length;
        return new CheckFinding(
            displayPath, rule, at.Line + line, column, at.Line + endLine, endColumn, found, file.AsMemory(lineStart, lineEnd - lineStart), message, suggestion, fixable,
            at.Offset + from);
    }

    // Where the scanned text starts in its file: lines before it, UTF-16 units before it.
    private readonly record struct Origin(int Line, int Offset);

    /// <summary>1-based line and column (UTF-16 units) of a file offset.</summary>
    private static (int Line, int Column) Position(int[] lineStarts, int offset)
    {
        int index = Array.BinarySearch(lineStarts, offset);
        int line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - lineStarts[line] + 1);
    }

    private static int[] LineStarts(string file)
    {
        var starts = new List<int> { 0 };
        for (int i = file.IndexOf('\n'); i >= 0; i = file.IndexOf('\n', i + 1))
        {
            starts.Add(i + 1);
        }

        return [.. starts];
    }
}
