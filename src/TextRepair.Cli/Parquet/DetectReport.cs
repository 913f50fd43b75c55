using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TextRepair.Cli.Commands;

namespace TextRepair.Cli.Parquet;

/// <summary>The JSON form of a <see cref="TextReport"/>, as <c>detect</c> writes it for text files (<see cref="DetectReportWriter"/>).</summary>
/// <remarks>
/// The file name is written through the source-generated <see cref="ReportJsonContext"/>, so the Native AOT tool
/// writes the same JSON as the JIT tool without reflection.
/// </remarks>
internal static class DetectReport
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        TypeInfoResolver = ReportJsonContext.Default,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonTypeInfo<string?> StringInfo { get; } = (JsonTypeInfo<string?>)s_options.GetTypeInfo(typeof(string));

    /// <summary>The report in the schema of <see cref="DetectReportWriter"/> (without the <c>file</c> member).</summary>
    public static byte[] Serialize(TextReport report) => DetectReportWriter.Serialize(report);
}
