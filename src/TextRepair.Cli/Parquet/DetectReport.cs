using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TextRepair.Cli.Commands;

namespace TextRepair.Cli.Parquet;

/// <summary>The JSON form of a <see cref="TextReport"/>, as <c>detect</c> writes it for text files.</summary>
/// <remarks>
/// Metadata comes from the source-generated <see cref="ReportJsonContext"/> and the enum converters are the generic
/// ones, so the Native AOT tool writes the same JSON as the JIT tool without reflection.
/// </remarks>
internal static class DetectReport
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        TypeInfoResolver = ReportJsonContext.Default,
        Converters =
        {
            new JsonStringEnumConverter<TextScript>(JsonNamingPolicy.CamelCase),
            new JsonStringEnumConverter<AnnotationEvidence>(JsonNamingPolicy.CamelCase),
            new JsonStringEnumConverter<AnnotationMatch>(JsonNamingPolicy.CamelCase),
            new JsonStringEnumConverter<DamageKind>(JsonNamingPolicy.CamelCase),
        },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonTypeInfo<TextReport> s_reportInfo = (JsonTypeInfo<TextReport>)s_options.GetTypeInfo(typeof(TextReport));

    public static JsonTypeInfo<string?> StringInfo { get; } = (JsonTypeInfo<string?>)s_options.GetTypeInfo(typeof(string));

    public static byte[] Serialize(TextReport report) => JsonSerializer.SerializeToUtf8Bytes(report, s_reportInfo);
}
