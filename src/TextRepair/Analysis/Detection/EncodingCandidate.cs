using System.Text;

namespace TextRepair;

/// <summary>One encoding the detector considered, with the probability that decoding with it gives the intended text.</summary>
/// <remarks>An immutable value; thread-safe. Reading its properties allocates nothing.</remarks>
public sealed class EncodingCandidate
{
    internal EncodingCandidate(string name, Encoding encoding, double confidence)
    {
        Name = name;
        Encoding = encoding;
        Confidence = confidence;
    }

    /// <summary>
    /// The encoding's name, in lower case, as both the WHATWG Encoding Standard (as a label) and .NET's
    /// <see cref="Encoding.GetEncoding(string)"/> (with <see cref="CodePagesEncodingProvider"/> registered) accept it:
    /// <c>utf-8</c>, <c>utf-16le</c>, <c>utf-16be</c>, <c>utf-32le</c>, <c>utf-32be</c> (.NET names; WHATWG has no UTF-32), <c>gb18030</c>, <c>big5</c>, <c>shift_jis</c>, <c>euc-jp</c>,
    /// <c>euc-kr</c>, <c>windows-1252</c>, <c>iso-8859-1</c>, <c>windows-1251</c>, <c>windows-1250</c>, or <c>ascii</c>
    /// for input that is pure ASCII. Use <see cref="Encoding"/> to decode: for <c>big5</c> it is WHATWG's Big5 (with
    /// HKSCS), which .NET's code page 950 is not.
    /// </summary>
    public string Name { get; }

    /// <summary>The decoder for <see cref="Name"/> (replacement fallbacks: an invalid sequence decodes to U+FFFD, never to '?'; strict ones via <see cref="Encoding.GetEncoding(string, EncoderFallback, DecoderFallback)"/> or <see cref="EncodingDetector.GetEncoding"/>).</summary>
    public Encoding Encoding { get; }

    /// <summary>
    /// Probability (0 to 1) that decoding the input with this encoding gives the intended text. Candidates that
    /// decode the input to the same text share it, so the confidences of all candidates can add up to more than 1.
    /// </summary>
    public double Confidence { get; }

    /// <summary>The name and the confidence, e.g. <c>gb18030 (0.97)</c>.</summary>
    /// <returns>A new string.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Name} ({Confidence:0.00})");
}
