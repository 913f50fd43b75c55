using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TextRepair.Cli.Check;

/// <summary>Writes findings as text lines, JSON Lines or a SARIF 2.1.0 log. Thread-safe (each writer belongs to one caller).</summary>
internal static class CheckOutput
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Appends one JSON Lines record to <paramref name="output"/> through <paramref name="writer"/> (reset onto it: one
    /// writer serves a block's findings).
    /// </summary>
    public static void WriteJsonLine(Utf8JsonWriter writer, IBufferWriter<byte> output, CheckFinding f)
    {
        writer.Reset(output);
        writer.WriteStartObject();
        writer.WriteString("file", f.File);
        writer.WriteNumber("line", f.Line);
        writer.WriteNumber("column", f.Column);
        writer.WriteNumber("endLine", f.EndLine);
        writer.WriteNumber("endColumn", f.EndColumn);
        writer.WriteString("rule", f.Rule.Id);
        writer.WriteString("message", f.Message);
        writer.WriteString("text", f.Text);
        if (f.Suggestion is null)
        {
            writer.WriteNull("suggestion");
        }
        else
        {
            writer.WriteString("suggestion", f.Suggestion);
        }

        writer.WriteBoolean("fixable", f.Fixable);
        writer.WriteString("fingerprint", f.Fingerprint);
        writer.WriteEndObject();
        writer.Flush();
        output.Write("\n"u8);
    }

    /// <summary>A writer for JSON Lines records (<see cref="WriteJsonLine"/>).</summary>
    public static Utf8JsonWriter JsonLineWriter() => new(Stream.Null, s_options);

    /// <summary>
    /// Appends the one-line text form of a finding, <c>file:line:column: rule-id: message (suggestion: X)</c>, and a line
    /// feed to <paramref name="output"/>, encoded as UTF-8 part by part rather than formatted into a string first (until
    /// session 10): the same bytes, as ASCII separates every two parts (no surrogate pair can form across them).
    /// </summary>
    public static void WriteTextLine(IBufferWriter<byte> output, CheckFinding f)
    {
        string? suggestion = f.Suggestion;
        int chars = f.File.Length + f.Rule.Id.Length + f.Message.Length + (suggestion?.Length ?? 0) + 64;
        Span<byte> destination = output.GetSpan(Encoding.UTF8.GetMaxByteCount(chars));
        int at = Encoding.UTF8.GetBytes(f.File, destination);
        destination[at++] = (byte)':';
        f.Line.TryFormat(destination[at..], out int written, default, CultureInfo.InvariantCulture);
        at += written;
        destination[at++] = (byte)':';
        f.Column.TryFormat(destination[at..], out written, default, CultureInfo.InvariantCulture);
        at += written;
        at += Encoding.UTF8.GetBytes(": ", destination[at..]);
        at += Encoding.UTF8.GetBytes(f.Rule.Id, destination[at..]);
        at += Encoding.UTF8.GetBytes(": ", destination[at..]);
        at += Encoding.UTF8.GetBytes(f.Message, destination[at..]);
        if (suggestion is not null)
        {
            at += Encoding.UTF8.GetBytes(" (suggestion: ", destination[at..]);
            at += Encoding.UTF8.GetBytes(suggestion, destination[at..]);
            destination[at++] = (byte)')';
        }

        destination[at++] = (byte)'\n';
        output.Advance(at);
    }

    /// <summary>
    /// Starts a SARIF 2.1.0 log with one run (columns are UTF-16 code units, paths relative URIs), up to its results
    /// array: <see cref="WriteSarifResult"/> writes each result, <see cref="EndSarif"/> closes the log.
    /// </summary>
    public static Utf8JsonWriter BeginSarif(Stream output)
    {
        var writer = new Utf8JsonWriter(output, s_options with { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        writer.WriteString("version", "2.1.0");
        writer.WriteStartArray("runs");
        writer.WriteStartObject();
        writer.WriteStartObject("tool");
        writer.WriteStartObject("driver");
        writer.WriteString("name", "textrepair");
        writer.WriteString("semanticVersion", typeof(CheckOutput).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
        writer.WriteString("informationUri", "https://www.nuget.org/packages/TextRepair.Cli");
        writer.WriteStartArray("rules");
        foreach (CheckRule rule in CheckRules.All)
        {
            writer.WriteStartObject();
            writer.WriteString("id", rule.Id);
            writer.WriteString("name", rule.Name);
            writer.WriteStartObject("shortDescription");
            writer.WriteString("text", rule.Description);
            writer.WriteEndObject();
            writer.WriteStartObject("defaultConfiguration");
            writer.WriteString("level", "warning");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteString("columnKind", "utf16CodeUnits");
        writer.WriteStartArray("results");
        return writer;
    }

    /// <summary>Writes one result of the log <see cref="BeginSarif"/> started.</summary>
    public static void WriteSarifResult(Utf8JsonWriter writer, CheckFinding f)
    {
        writer.WriteStartObject();
        writer.WriteString("ruleId", f.Rule.Id);
        writer.WriteNumber("ruleIndex", IndexOf(f.Rule));
        writer.WriteString("level", "warning");
        writer.WriteStartObject("message");
        writer.WriteString("text", f.Suggestion is null ? f.Message : $"{f.Message} (suggestion: {f.Suggestion})");
        writer.WriteEndObject();
        writer.WriteStartArray("locations");
        writer.WriteStartObject();
        writer.WriteStartObject("physicalLocation");
        writer.WriteStartObject("artifactLocation");
        writer.WriteString("uri", ToUri(f.File));
        writer.WriteEndObject();
        writer.WriteStartObject("region");
        writer.WriteNumber("startLine", f.Line);
        writer.WriteNumber("startColumn", f.Column);
        writer.WriteNumber("endLine", f.EndLine);
        writer.WriteNumber("endColumn", f.EndColumn);
        writer.WriteStartObject("snippet");
        writer.WriteString("text", f.Text);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteStartObject("partialFingerprints");
        writer.WriteString("textrepair/v1", f.Fingerprint);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Closes the log <see cref="BeginSarif"/> started, flushes it and ends it with a line feed.</summary>
    public static void EndSarif(Utf8JsonWriter writer, Stream output)
    {
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        output.WriteByte((byte)'\n');
    }

    private static int IndexOf(CheckRule rule)
    {
        for (int i = 0; i < CheckRules.All.Count; i++)
        {
            if (ReferenceEquals(CheckRules.All[i], rule))
            {
                return i;
            }
        }

        return -1;
    }

    // Relative paths as relative URI references (forward slashes, percent-encoded where needed).
    private static string ToUri(string path)
    {
        string forward = path.Replace('\\', '/');
        if (forward.StartsWith("./", StringComparison.Ordinal))
        {
            forward = forward[2..];
        }

        return string.Join('/', forward.Split('/').Select(Uri.EscapeDataString));
    }
}
