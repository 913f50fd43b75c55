using System.Text;

namespace TextRepair;

/// <summary>
/// The answer of <see cref="EncodingDetector"/>: the best encoding with its confidence, whether a byte order mark
/// decided it, and every candidate considered, best first. Immutable; thread-safe.
/// </summary>
public sealed class EncodingDetection
{
    internal EncodingDetection(IReadOnlyList<EncodingCandidate> candidates, int bomLength, bool isAscii, bool isBinary)
    {
        Candidates = candidates;
        BomLength = bomLength;
        IsAscii = isAscii;
        IsBinary = isBinary;
    }

    /// <summary>The best candidate's name (see <see cref="EncodingCandidate.Name"/>).</summary>
    public string Name => Candidates[0].Name;

    /// <summary>The best candidate's encoding.</summary>
    public Encoding Encoding => Candidates[0].Encoding;

    /// <summary>The best candidate's confidence (0 to 1).</summary>
    public double Confidence => Candidates[0].Confidence;

    /// <summary>Whether the input starts with a byte order mark (UTF-8, UTF-16LE/BE or UTF-32LE/BE), which then decided the encoding.</summary>
    public bool HasBom => BomLength > 0;

    /// <summary>Length in bytes of the byte order mark at the start of the input, 0 when there is none.</summary>
    public int BomLength { get; }

    /// <summary>
    /// Whether the input is pure ASCII (no byte above 0x7F, no NUL), including the empty input: every
    /// ASCII-compatible candidate decodes it the same, and <see cref="Name"/> is <c>ascii</c> with
    /// <see cref="Encoding"/> UTF-8.
    /// </summary>
    public bool IsAscii { get; }

    /// <summary>
    /// Whether the input looks like binary data rather than text: it has NUL bytes or other control bytes, and no
    /// candidate decodes it to plausible text. <see cref="Name"/> is then the least implausible decoding.
    /// </summary>
    public bool IsBinary { get; }

    /// <summary>The candidates, best first (at least one).</summary>
    public IReadOnlyList<EncodingCandidate> Candidates { get; }

    /// <summary>The best candidate, e.g. <c>gb18030 (0.97)</c>.</summary>
    /// <returns>A new string.</returns>
    public override string ToString() => Candidates[0].ToString();
}
