using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TextRepair.Cli.Commands;

namespace TextRepair.Cli.Parquet;

/// <summary>
/// The JSON form of a <see cref="TextReport"/>, as <c>detect</c> writes it for text files: the same source-generated
/// metadata (<see cref="ReportJsonContext"/>), so that the Native AOT tool needs no reflection.
/// </summary>
internal static class DetectReport
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = ReportJsonContext.Default,
        Converters =
        {
            new JsonStringEnumConverter<TextScript>(JsonNamingPolicy.CamelCase),
            new JsonStringEnumConverter<AnnotationEvidence>(JsonNamingPolicy.CamelCase),
            new JsonStringEnumConverter<AnnotationMatch>(JsonNamingPolicy.CamelCase),
            new JsonStringEnumConverter<DamageKind>(JsonNamingPolicy.CamelCase),
        },
    };

    private static readonly JsonTypeInfo<TextReport> s_reportInfo = (JsonTypeInfo<TextReport>)s_options.GetTypeInfo(typeof(TextReport));

    public static byte[] Serialize(TextReport report) => JsonSerializer.SerializeToUtf8Bytes(report, s_reportInfo);

    /// <summary>A JSON string literal (with its quotes) as UTF-8, escaped like the reports.</summary>
    public static byte[] Quoted(string value) =>
        Encoding.UTF8.GetBytes("\"" + JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value + "\"");
}
