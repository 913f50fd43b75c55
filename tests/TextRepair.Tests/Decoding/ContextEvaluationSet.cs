namespace TextRepair.Tests.Decoding;

/// <summary>A context a damaged field is found in: text before and after it, as a program writes it around the field.</summary>
public sealed record ContextTemplate(string Name, string Before, string After)
{
    /// <summary>The template with <paramref name="field"/> inserted (each line break of a field that has one kept as it is).</summary>
    public string Wrap(string field) => Before + field + After;
}

/// <summary>
/// The context-invariance evaluation (session 28): the short-field and line cases of <see cref="EncodingEvaluationSet"/>
/// (every cell of the matrix, recoverable and lossy, the layered chains, the clean texts) inserted into the contexts
/// damaged text is found in: a log line, a path with an extension, a CSV row, a JSON value, a subtitle cue, an HTML
/// attribute, a Markdown list item, a key=value line, an aside in clean Chinese prose. The field is garbled and its
/// context is not: a program decoded the field with the wrong code page and wrote it into its own, correct, framing
/// (a logger, a CSV or JSON writer, a zip listing). The expected repair is the template with the case's expected
/// text inserted. Paragraphs (three lines) are left out: most of these contexts hold one line. The templates are
/// generic, written before any case was run in them; none is built around a known failure.
/// </summary>
public static class ContextEvaluationSet
{
    public static readonly ContextTemplate[] Templates =
    [
        new("log line", "2024-05-01 12:00:03 [INFO] ", ""),
        new("log line, suffix", "[12:00:03.417] WARN worker-2: ", " (retry 2/3)"),
        new("relative path", "docs/", ".txt"),
        new("Windows path", @"C:\Users\admin\Desktop\", ".docx"),
        new("CSV row", "1,\"", "\",3.5"),
        new("JSON value", "{\"id\": 17, \"title\": \"", "\"}"),
        new("SRT cue", "12\n00:01:02,500 --> 00:01:04,000\n", "\n"),
        new("key=value", "name=", ""),
        new("Markdown list item", "- ", ""),
        new("HTML attribute", "<a href=\"/files/12\" title=\"", "\">"),
        new("aside in Chinese prose", "打开文件（", "）后，点击“确定”保存。"),
    ];

    /// <summary>The lengths of <see cref="EncodingEvaluationSet"/> that are embedded.</summary>
    public static readonly string[] Lengths = ["short", "line"];

    /// <summary>The cases of one half that are embedded (the evaluation set's own order).</summary>
    public static List<EvalCase> BareCases(bool heldOut) =>
        [.. EncodingEvaluationSet.Build(heldOut).Where(c => Lengths.Contains(c.Length))];

    /// <summary><paramref name="bare"/> inserted into <paramref name="template"/>: same cell, length and kind.</summary>
    public static EvalCase InContext(EvalCase bare, ContextTemplate template) =>
        bare with { Input = template.Wrap(bare.Input), Expected = template.Wrap(bare.Expected) };
}
