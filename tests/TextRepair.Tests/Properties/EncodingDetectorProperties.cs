using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace TextRepair.Tests.Properties;

public sealed class EncodingDetectorProperties
{
    private static readonly Lazy<DetectionSample[]> s_medium = new(() =>
        [.. DetectionEvaluationSet.Build(Path.Combine(AppContext.BaseDirectory, "Data")).Where(sample => sample.Length == "medium")]);

    /// <summary>Arbitrary bytes, biased towards the ranges multi-byte encodings and UTF-16 use.</summary>
    private static readonly Arbitrary<byte[]> s_bytes = Gen.OneOf(
            Gen.Choose(0, 255).Select(b => (byte)b),
            Gen.Choose(0x81, 0xFE).Select(b => (byte)b),
            Gen.Choose(0x20, 0x7E).Select(b => (byte)b),
            Gen.Constant((byte)0))
        .ArrayOf()
        .ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Detect_AnyBytes_NeverThrowsAndAnswers() =>
        Prop.ForAll(s_bytes, bytes =>
        {
            EncodingDetection detection = EncodingDetector.Detect(bytes);
            string text = EncodingDetector.Decode(bytes, out _);
            return detection.Candidates.Count > 0
                && detection.Confidence is >= 0 and <= 1
                && text is not null
                && detection.Candidates.All(candidate => candidate.Confidence is >= 0 and <= 1);
        });

    [Property(MaxTest = 500)]
    public Property Detect_ValidUtf8_StaysUtf8(string? text)
    {
        // Control characters other than tab, line feeds and escape are not text (UTF-16 and binary data have them).
        string clean = new((text ?? "").Where(c => c >= ' ' || c is '\t' or '\n' or '\r' or '\f' or '\u001B').ToArray());
        byte[] bytes = new UTF8Encoding(false, throwOnInvalidBytes: false).GetBytes(clean);
        string expected = Encoding.UTF8.GetString(bytes); // lone surrogates became U+FFFD
        string decoded = EncodingDetector.Decode(bytes, out EncodingDetection detection);
        return (detection.Name is "utf-8" or "ascii" && decoded == expected).ToProperty();
    }

    [Property(MaxTest = 300)]
    public Property Detect_RealTextInAnyLosslessEncoding_RoundTripsAtMediumLength() =>
        Prop.ForAll(Gen.Choose(0, s_medium.Value.Length - 1).ToArbitrary(), index =>
        {
            DetectionSample sample = s_medium.Value[index];
            return DetectionEvaluationSet.IsRight(sample, EncodingDetector.Detect(sample.Bytes).Name)
                .Label($"{sample.Id}: {EncodingDetector.Detect(sample.Bytes)}");
        });
}
