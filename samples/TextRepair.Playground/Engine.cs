using System.Text;

namespace TextRepair.Playground;

/// <summary>One edit of a repair, in the playground's own types: what was there, what replaced it, and why.</summary>
/// <param name="Start">Index in the input text.</param>
/// <param name="Length">Number of input UTF-16 units replaced.</param>
/// <param name="Was">The input text that was replaced (empty for an insertion).</param>
/// <param name="Now">The replacement (empty for a deletion).</param>
/// <param name="Kind">The <c>data-edit-kind</c> value: annotation, script, punctuation, encoding or loss.</param>
/// <param name="Why">A one-line reason shown on hover and focus.</param>
internal sealed record PlaygroundEdit(int Start, int Length, string Was, string Now, string Kind, string Why);

/// <summary>The outcome of a repair as the Repair view shows it.</summary>
/// <param name="Input">The text that was repaired.</param>
/// <param name="Text">The repaired text.</param>
/// <param name="Lossy">True when some text was lost for good or had to be guessed.</param>
/// <param name="Edits">The edits, sorted, in the input's coordinates.</param>
/// <param name="Explanation">The library's own account, <c>RepairResult.Explain()</c>.</param>
internal sealed record RepairOutcome(string Input, string Text, bool Lossy, IReadOnlyList<PlaygroundEdit> Edits, string Explanation);

/// <summary>One place where a conversion guessed, in the playground's own types.</summary>
/// <param name="Start">Index in the converted text.</param>
/// <param name="Length">Number of UTF-16 units of the converted text it covers.</param>
/// <param name="Key">The dictionary key that matched.</param>
/// <param name="Alternatives">Every value of the entry, the one written first.</param>
/// <param name="Dictionary">The OpenCC dictionary, e.g. STCharacters.</param>
internal sealed record PlaygroundAmbiguity(int Start, int Length, string Key, IReadOnlyList<string> Alternatives, string Dictionary);

/// <summary>A conversion as the Convert view shows it.</summary>
/// <param name="Text">The converted text.</param>
/// <param name="Ambiguities">Where the converter guessed, in order, not overlapping.</param>
internal sealed record ConvertOutcome(string Text, IReadOnlyList<PlaygroundAmbiguity> Ambiguities);

/// <summary>The assemblies that Home loads lazily (kept out of <see cref="Engine"/>, which must not be touched before).</summary>
internal static class LazyAssemblies
{
    /// <summary>
    /// Webcil file names as published (the csproj's BlazorWebAssemblyLazyLoad items): the library and the framework's
    /// code pages, which only the library, the samples and the Bytes view use.
    /// </summary>
    public static IReadOnlyList<string> Files { get; } = ["TextRepair.wasm", "System.Text.Encoding.CodePages.wasm"];
}

/// <summary>
/// The only code that touches the TextRepair library. The library assembly (with its embedded dictionaries) is
/// loaded lazily after the page is up, so no other type may mention a library type: the WebAssembly runtime
/// resolves a type when the method using it first runs, and these methods run only once the assembly is loaded.
/// </summary>
internal static class Engine
{
    /// <summary>The library's config names, e.g. "s2t".</summary>
    public static IReadOnlyList<string> Configs() => ChineseConverter.Configs;

    /// <summary>
    /// The BCP-47 aliases of each config (<c>ChineseConverter.ConfigAliases</c> inverted), the explicit
    /// "source-to-target" form first, e.g. s2twp: zh-Hans-to-zh-TW, zh-TW. Configs without an alias are absent.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> AliasesByConfig() =>
        ChineseConverter.ConfigAliases
            .GroupBy(pair => pair.Value, StringComparer.Ordinal)
            .ToDictionary(
                group => group.Key,
                group => group.Select(pair => pair.Key).OrderBy(alias => alias.Contains("-to-", StringComparison.Ordinal) ? 0 : 1)
                    .ThenBy(alias => alias, StringComparer.Ordinal).ToArray(),
                StringComparer.Ordinal);

    /// <summary>
    /// Converts <paramref name="text"/> with the OpenCC config <paramref name="config"/> and reports where it guessed
    /// (the library's ambiguity report), in output order, overlapping reports dropped.
    /// </summary>
    public static ConvertOutcome Convert(string config, string text)
    {
        var ambiguities = new List<ConversionAmbiguity>();
        string output = ChineseConverter.Get(config).Convert(text, ambiguities);
        var marks = new List<PlaygroundAmbiguity>(ambiguities.Count);
        int end = 0;
        foreach (ConversionAmbiguity a in ambiguities.OrderBy(a => a.OutputStart))
        {
            // A chained config can report the same output twice (one per stage); the page marks each place once.
            if (a.OutputStart < end || a.OutputLength == 0)
            {
                continue;
            }

            marks.Add(new PlaygroundAmbiguity(a.OutputStart, a.OutputLength, a.Key, [.. a.Alternatives], a.Dictionary));
            end = a.OutputStart + a.OutputLength;
        }

        return new ConvertOutcome(output, marks);
    }

    /// <summary>Repairs <paramref name="text"/> with the library's defaults.</summary>
    public static RepairOutcome Repair(string text)
    {
        RepairResult result = TextRepairer.Repair(text);
        var edits = new List<PlaygroundEdit>(result.Edits.Count);
        foreach (RepairEdit edit in result.Edits)
        {
            edits.Add(new PlaygroundEdit(
                edit.Start, edit.Length, text.Substring(edit.Start, edit.Length), edit.Replacement, KindName(edit.Kind), Why(edit)));
        }

        return new RepairOutcome(text, result.Text, result.Lossy, edits, result.Explain());
    }

    private static string KindName(RepairKind kind) => kind switch
    {
        RepairKind.Annotation => "annotation",
        RepairKind.Script => "script",
        RepairKind.Punctuation => "punctuation",
        RepairKind.Encoding => "encoding",
        RepairKind.LossMarker => "loss",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Why(RepairEdit edit) => edit.Kind switch
    {
        RepairKind.Annotation => "pinyin annotation removed (a reading in parentheses after a Han character)",
        RepairKind.Script => "machine conversion undone: Traditional characters converted back with OpenCC",
        RepairKind.Punctuation => "ASCII punctuation in Chinese context made full-width",
        RepairKind.Encoding when edit.Chain is { Length: > 0 } chain => $"encoding mojibake undone: the text was {chain}, so it was re-encoded and decoded right",
        RepairKind.Encoding => "encoding mojibake undone (re-encoded and decoded with the right code page)",
        RepairKind.LossMarker when edit.Chain is { Length: > 0 } chain => $"text lost for good when it was {chain}: marked, never invented",
        RepairKind.LossMarker => "text lost for good in an encoding round trip: marked, never invented",
        _ => edit.Kind.ToString(),
    };
}

/// <summary>What the library's encoding detection said about a file, in the playground's own types.</summary>
/// <param name="Name">The best candidate (<c>ascii</c> for pure ASCII).</param>
/// <param name="Confidence">Its confidence, 0 to 1.</param>
/// <param name="HasBom">Whether a byte order mark decided it.</param>
/// <param name="IsBinary">Whether the bytes look like a binary file rather than text in any candidate encoding.</param>
/// <param name="Candidates">Every candidate the detector weighed, best first, with its confidence.</param>
internal sealed record DetectedEncoding(string Name, double Confidence, bool HasBom, bool IsBinary, IReadOnlyList<(string Name, double Confidence)> Candidates);

/// <summary>The encodings the Bytes view offers (names only, so the page can show them before the code pages load).</summary>
internal static class EncodingChoices
{
    /// <summary>The choice that lets the library's <c>EncodingDetector</c> decide.</summary>
    public const string Detect = "auto";

    /// <summary>
    /// Encodings the user can pick: (name, label). After <see cref="Detect"/>, the names are exactly the detector's
    /// candidates (<c>EncodingDetector.CandidateNames</c>; a test keeps the two lists equal), so any candidate the
    /// detection shows can be picked.
    /// </summary>
    public static IReadOnlyList<(string Name, string Label)> All { get; } =
    [
        (Detect, "Detect (the library decides)"),
        ("utf-8", "UTF-8"),
        ("gb18030", "GB18030 / GBK (Simplified Chinese)"),
        ("big5", "Big5 with HKSCS (Traditional Chinese)"),
        ("shift_jis", "Shift-JIS (Japanese)"),
        ("euc-jp", "EUC-JP (Japanese)"),
        ("euc-kr", "EUC-KR (Korean)"),
        ("windows-1252", "Windows-1252 (Western)"),
        ("iso-8859-1", "ISO-8859-1 (Latin-1)"),
        ("windows-1251", "Windows-1251 (Cyrillic)"),
        ("windows-1250", "Windows-1250 (Central European)"),
        ("utf-16le", "UTF-16 LE"),
        ("utf-16be", "UTF-16 BE"),
    ];

    /// <summary>The label of a choice or candidate name (the name itself when it is not offered).</summary>
    public static string LabelOf(string name)
    {
        foreach ((string choice, string label) in All)
        {
            if (string.Equals(choice, name, StringComparison.OrdinalIgnoreCase))
            {
                return label;
            }
        }

        return name;
    }
}

/// <summary>
/// Text decoding with the framework's code pages (no library type involved). System.Text.Encoding.CodePages is loaded
/// lazily with the library, so this class is used only once <see cref="LazyAssemblies.Files"/> are loaded.
/// </summary>
internal static class Decoding
{
    static Decoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>
    /// Decodes <paramref name="bytes"/> with the named encoding (its byte order mark skipped), through the library's
    /// <c>EncodingDetector.GetEncoding</c> so that a name means what the detector means by it (Big5 is WHATWG's, with
    /// HKSCS); invalid bytes become U+FFFD.
    /// </summary>
    public static string Decode(byte[] bytes, string name)
    {
        var replace = new DecoderReplacementFallback("\uFFFD");
        Encoding encoding = EncodingDetector.GetEncoding(name, EncoderFallback.ReplacementFallback, replace)
            ?? Encoding.GetEncoding(name, EncoderFallback.ReplacementFallback, replace);
        ReadOnlySpan<byte> data = bytes;
        ReadOnlySpan<byte> bom = encoding.Preamble;
        if (!bom.IsEmpty && data.StartsWith(bom))
        {
            data = data[bom.Length..];
        }

        return encoding.GetString(data);
    }

    /// <summary>
    /// Detects the encoding of <paramref name="bytes"/> with the library's <c>EncodingDetector</c> and decodes them
    /// with it. Returns playground types only: the views hold no library type, because the library loads lazily.
    /// </summary>
    public static (string Text, DetectedEncoding Detection) Detect(byte[] bytes)
    {
        string text = EncodingDetector.Decode(bytes, out EncodingDetection detection);
        var candidates = new List<(string Name, double Confidence)>(detection.Candidates.Count);
        foreach (EncodingCandidate candidate in detection.Candidates)
        {
            candidates.Add((candidate.Name, candidate.Confidence));
        }

        return (text, new DetectedEncoding(detection.Name, detection.Confidence, detection.HasBom, detection.IsBinary, candidates));
    }

    /// <summary>Encodes <paramref name="text"/> with one encoding and decodes the bytes with another: how mojibake is made.</summary>
    public static string Garble(string text, string writtenAs, string readAs)
    {
        byte[] bytes = Encoding.GetEncoding(writtenAs).GetBytes(text);
        return Encoding.GetEncoding(readAs).GetString(bytes);
    }
}
