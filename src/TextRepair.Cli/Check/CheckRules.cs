namespace TextRepair.Cli.Check;

/// <summary>A rule of <c>textrepair check</c>. The IDs are stable: baselines, SARIF and <c>--disable</c> use them.</summary>
internal sealed record CheckRule(string Id, string Name, string Description);

/// <summary>The rules, documented in docs/check.md.</summary>
internal static class CheckRules
{
    public static readonly CheckRule WrongScript = new(
        "wrong-script", "WrongScript", "A character that only the other script writes (a Simplified-only character in Traditional text, or the reverse).");

    public static readonly CheckRule RegionCharacter = new(
        "region-char", "RegionCharacter", "A character the expected region's standard writes differently (OpenCC t2tw / t2hk would change it).");

    public static readonly CheckRule RegionTerm = new(
        "region-term", "RegionTerm", "A term of another region that OpenCC's regional vocabulary (TWPhrases / HKPhrases) replaces.");

    public static readonly CheckRule MixedLine = new(
        "mixed-line", "MixedLine", "A line that holds characters of both scripts.");

    public static readonly CheckRule PinyinAnnotation = new(
        "pinyin-annotation", "PinyinAnnotation", "Pinyin annotations left by a mirror site (or pinyin whose tone-marked vowels were lost).");

    public static readonly CheckRule Mojibake = new(
        "mojibake", "Mojibake", "Text decoded with the wrong encoding.");

    public static readonly CheckRule LossMarker = new(
        "loss-marker", "LossMarker", "A mark of text lost in an encoding round trip (U+FFFD, 锟斤拷, 烫烫烫).");

    public static IReadOnlyList<CheckRule> All { get; } =
        [WrongScript, RegionCharacter, RegionTerm, MixedLine, PinyinAnnotation, Mojibake, LossMarker];

    public static CheckRule? Find(string id) => All.FirstOrDefault(rule => string.Equals(rule.Id, id, StringComparison.OrdinalIgnoreCase));

    public static CheckRule For(VariantRule rule) => rule switch
    {
        VariantRule.WrongScript => WrongScript,
        VariantRule.RegionCharacter => RegionCharacter,
        VariantRule.RegionTerm => RegionTerm,
        _ => MixedLine,
    };

    /// <summary>The rule of a kind of damage; null for kinds check does not report (machine-conversion signatures).</summary>
    public static CheckRule? For(RepairKind kind) => kind switch
    {
        RepairKind.Annotation or RepairKind.LostVowelPinyin => PinyinAnnotation,
        RepairKind.Encoding => Mojibake,
        RepairKind.LossMarker => LossMarker,
        _ => null,
    };
}

/// <summary>
/// One finding of <c>textrepair check</c>, located in the original file. <see cref="SourceLine"/> is the finding's line of
/// the file, as a slice of it (copied only for a fingerprint).
/// </summary>
internal sealed record CheckFinding(
    string File,
    CheckRule Rule,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string Text,
    ReadOnlyMemory<char> SourceLine,
    string Message,
    string? Suggestion,
    bool Fixable,
    int FileOffset)
{
    private string? _fingerprint;

    /// <summary>
    /// Identifies the finding independently of its line number (for baselines and SARIF). Computed once, on first use:
    /// a streamed check computes it on the worker that found the finding, while <see cref="SourceLine"/>'s block is
    /// still at hand.
    /// </summary>
    public string Fingerprint => _fingerprint ??= ComputeFingerprint();

    // SHA-256 of the UTF-8 of "file\0rule\0text\0trimmed line", first 16 bytes in hex. Encoded part by part into one
    // buffer rather than joined into a string first: the same bytes (a NUL ends every part but the last), four
    // allocations fewer per finding, which JSON Lines and SARIF write for every one (344,752 on 101 MB of Taiwan text).
    private string ComputeFingerprint()
    {
        System.Text.Encoding utf8 = System.Text.Encoding.UTF8;
        string file = File.Replace('\\', '/');
        ReadOnlySpan<char> line = SourceLine.Span.Trim();
        int most = utf8.GetMaxByteCount(file.Length + Rule.Id.Length + Text.Length + line.Length + 3);
        byte[]? rented = most > 1024 ? System.Buffers.ArrayPool<byte>.Shared.Rent(most) : null;
        Span<byte> bytes = rented ?? stackalloc byte[1024];
        int at = 0;
        foreach (ReadOnlySpan<char> part in (ReadOnlySpan<string>)[file, Rule.Id, Text])
        {
            at += utf8.GetBytes(part, bytes[at..]);
            bytes[at++] = 0;
        }

        at += utf8.GetBytes(line, bytes[at..]);
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(bytes[..at], hash);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }

        return Convert.ToHexStringLower(hash[..16]);
    }
}
