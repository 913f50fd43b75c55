using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TextRepair.Cli.Commands;

/// <summary>
/// Writes the <c>detect</c> report as one JSON object per line, member by member: the schema is this file (and
/// <c>DetectCommandTests</c>), not the shape of <see cref="TextReport"/>, so renaming a library property cannot
/// change the tool's output. Members, in order: <c>file</c> (string or null for standard input), <c>script</c>
/// (<c>none|simplified|traditional|mixed</c>), <c>hanCount</c>, <c>simplifiedCount</c>, <c>traditionalCount</c>,
/// <c>annotations</c> (objects: <c>start</c>, <c>length</c>, <c>characterStart</c>, <c>codePoint</c>,
/// <c>syllable</c>, <c>toned</c>, <c>match</c> = <c>reading|toneMissing|mismatch</c>), <c>evidence</c>
/// (<c>none|weak|strongToned|strongToneless</c>), <c>distinctAnnotatedCharacters</c>, <c>conversionSignatures</c>,
/// <c>convertedFromSimplified</c>, <c>suspectedDamage</c> (objects: <c>start</c>, <c>length</c>, <c>kind</c> =
/// <c>pinyinAnnotation|lostVowelPinyin|characterConversion|mojibake|encodingLoss</c>), <c>variant</c> (a BCP-47 tag,
/// <c>mixed</c>, <c>undetermined</c> or <c>none</c>), <c>variantConfidence</c>. Offsets count UTF-16 code units.
/// </summary>
internal static class DetectReportWriter
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Stream output, string? file, TextReport report)
    {
        using (var writer = new Utf8JsonWriter(output, s_options))
        {
            writer.WriteStartObject();
            writer.WriteString("file", file);
            WriteMembers(writer, report);
            writer.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }

    /// <summary>The report as one JSON object without the <c>file</c> member (the Parquet <c>detect</c> column).</summary>
    public static byte[] Serialize(TextReport report)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            writer.WriteStartObject();
            WriteMembers(writer, report);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteMembers(Utf8JsonWriter writer, TextReport report)
    {
        writer.WriteString("script", Name(report.Script));
        writer.WriteNumber("hanCount", report.HanCount);
        writer.WriteNumber("simplifiedCount", report.SimplifiedCount);
        writer.WriteNumber("traditionalCount", report.TraditionalCount);
        writer.WriteStartArray("annotations");
        foreach (PinyinAnnotation annotation in report.Annotations)
        {
            writer.WriteStartObject();
            writer.WriteNumber("start", annotation.Start);
            writer.WriteNumber("length", annotation.Length);
            writer.WriteNumber("characterStart", annotation.CharacterStart);
            writer.WriteNumber("codePoint", annotation.Character.Value);
            writer.WriteString("syllable", annotation.Syllable);
            writer.WriteBoolean("toned", annotation.Toned);
            writer.WriteString("match", Name(annotation.Match));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("evidence", Name(report.Evidence));
        writer.WriteNumber("distinctAnnotatedCharacters", report.DistinctAnnotatedCharacterCount);
        writer.WriteNumber("conversionSignatures", report.ConversionSignatureCount);
        writer.WriteBoolean("convertedFromSimplified", report.ConvertedFromSimplified);
        writer.WriteStartArray("suspectedDamage");
        foreach (SuspectedDamage damage in report.SuspectedDamage)
        {
            writer.WriteStartObject();
            writer.WriteNumber("start", damage.Start);
            writer.WriteNumber("length", damage.Length);
            writer.WriteString("kind", Name(damage.Kind));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("variant", report.Variant);
        writer.WriteNumber("variantConfidence", report.VariantConfidence);
    }

    private static string Name(ChineseVariant script) => script switch
    {
        ChineseVariant.None => "none",
        ChineseVariant.Hans => "simplified",
        ChineseVariant.Hant => "traditional",
        ChineseVariant.Mixed => "mixed",
        _ => Unknown(script),
    };

    private static string Name(AnnotationMatch match) => match switch
    {
        AnnotationMatch.Reading => "reading",
        AnnotationMatch.ToneMissing => "toneMissing",
        AnnotationMatch.Mismatch => "mismatch",
        _ => Unknown(match),
    };

    private static string Name(AnnotationEvidence evidence) => evidence switch
    {
        AnnotationEvidence.None => "none",
        AnnotationEvidence.Weak => "weak",
        AnnotationEvidence.StrongToned => "strongToned",
        AnnotationEvidence.StrongToneless => "strongToneless",
        _ => Unknown(evidence),
    };

    private static string Name(RepairKind kind) => kind switch
    {
        RepairKind.Annotation => "pinyinAnnotation",
        RepairKind.LostVowelPinyin => "lostVowelPinyin",
        RepairKind.Script => "characterConversion",
        RepairKind.Encoding => "mojibake",
        RepairKind.LossMarker => "encodingLoss",
        _ => Unknown(kind),
    };

    // A value the library added after this schema was written: a fault of the tool, caught by the schema test.
    private static string Unknown<T>(T value)
        where T : struct, Enum =>
        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"detect: no JSON name for {typeof(T).Name}.{value}."));
}
