using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TextRepair.Cli.Parquet;

/// <summary>The JSON form of a <see cref="TextReport"/>, as <c>detect</c> writes it for text files.</summary>
internal static class DetectReport
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    public static JsonTypeInfo<string?> StringInfo { get; } = (JsonTypeInfo<string?>)s_options.GetTypeInfo(typeof(string));

    public static byte[] Serialize(TextReport report) => JsonSerializer.SerializeToUtf8Bytes(report, s_options);
}
