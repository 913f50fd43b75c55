using System.Text.Json.Serialization;

namespace TextRepair.Cli.Commands;

/// <summary>
/// Serialization metadata for the strings of the Parquet <c>detect</c> report, generated at compile time so that the Native AOT tool
/// (TextRepair.Cli.linux-x64) writes the same JSON as the JIT tool without reflection.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(string))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
