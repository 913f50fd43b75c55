using TextRepair.Analysis;
using TextRepair.Analysis.Decoding;

namespace TextRepair;

/// <summary>The damage a consistency check reports, without the script counts it does not need.</summary>
public static partial class TextAnalyzer
{
    /// <summary>
    /// The <see cref="TextReport.SuspectedDamage"/> that
    /// <see cref="Analyze(string, TextAnalyzerOptions)"/> reports with <see cref="TextAnalyzerOptions.Annotations"/> and
    /// <see cref="TextAnalyzerOptions.Encoding"/>, the same spans in the same order, without the script counts that
    /// analysis always makes (a table lookup per character, 11% of <c>textrepair check</c>'s CPU on 100 MB of mainland
    /// text, session 11 profile): only the parentheses are visited for annotations; a text with pinyin annotations or
    /// lost-vowel pinyin (whose decision weighs the Han count) gets the whole analysis. Thread-safe. Allocates the list
    /// of spans (none when there are none) and what the encoding part allocates.
    /// </summary>
    /// <param name="text">Any text.</param>
    /// <param name="hasAnnotations">
    /// True when the text holds pinyin annotation candidates (<see cref="TextReport.Annotations"/> is not empty), whether
    /// or not they are strong enough evidence to be reported as damage.
    /// </param>
    /// <returns>The suspected damage, sorted by start.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static IReadOnlyList<SuspectedDamage> FindDamage(string text, out bool hasAnnotations)
    {
        ArgumentNullException.ThrowIfNull(text);
        ReadOnlySpan<char> span = text;
        AnnotationCache? found = null;
        List<SuspectedDamage>? damage = null;

        // AnalyzeCore reads an annotation at every "(" or "（" it reaches; it reaches them all until one is read (a read
        // skips the annotation's letters only). A read that fails changes nothing, so where none succeeds the annotation
        // part finds nothing and only the encoding part remains.
        for (int i = span.IndexOfAny('(', '\uFF08'); i >= 0;)
        {
            if (TryReadAnnotation(span, i, ref found, ref damage, out _))
            {
                TextReport report = AnalyzeCore(text, TextAnalyzerOptions.Annotations | TextAnalyzerOptions.Encoding, text);
                hasAnnotations = report.Annotations.Count > 0;
                return report.SuspectedDamage;
            }

            int next = span[(i + 1)..].IndexOfAny('(', '\uFF08');
            i = next < 0 ? -1 : i + 1 + next;
        }

        hasAnnotations = false;
        if (!EncodingScanner.MayFind(span))
        {
            return [];
        }

        var findings = new List<EncodingFinding>();
        EncodingScanner.Find(text, findings);
        if (findings.Count == 0)
        {
            return [];
        }

        var spans = new List<SuspectedDamage>(findings.Count);
        foreach (EncodingFinding f in findings)
        {
            spans.Add(new SuspectedDamage(f.Start, f.Length, f.Lossy ? RepairKind.LossMarker : RepairKind.Encoding));
        }

        if (!IsSorted(spans))
        {
            spans.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Length.CompareTo(b.Length));
        }

        return spans;
    }
}
