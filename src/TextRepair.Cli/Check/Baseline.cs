using System.Text.Encodings.Web;
using System.Text.Json;

namespace TextRepair.Cli.Check;

/// <summary>
/// Known findings to suppress: a JSON file listing, per finding, its fingerprint (file, rule, text and the trimmed line
/// it is on: independent of line numbers, so edits elsewhere in the file do not revive it). A fingerprint listed n
/// times suppresses n findings.
/// </summary>
internal sealed class Baseline
{
    private readonly Dictionary<string, int> _counts;

    private Baseline(Dictionary<string, int> counts) => _counts = counts;

    public static Baseline Read(string path)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
            foreach (JsonElement item in document.RootElement.GetProperty("findings").EnumerateArray())
            {
                string fingerprint = item.GetProperty("fingerprint").GetString() ?? throw new FormatException("a finding without fingerprint");
                counts[fingerprint] = counts.GetValueOrDefault(fingerprint) + 1;
            }
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new CliException($"{path}: not a textrepair baseline ({exception.Message})");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: {exception.Message}");
        }

        return new Baseline(counts);
    }

    /// <summary>True (and one use consumed) when the baseline lists the finding.</summary>
    public bool Suppresses(CheckFinding finding)
    {
        string fingerprint = finding.Fingerprint;
        if (_counts.TryGetValue(fingerprint, out int count) && count > 0)
        {
            _counts[fingerprint] = count - 1;
            return true;
        }

        return false;
    }

    /// <summary>Starts a baseline file: <see cref="WriteItem"/> lists each finding, <see cref="End"/> closes it.</summary>
    public static Utf8JsonWriter Begin(Stream output)
    {
        var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteNumber("version", 1);
        writer.WriteStartArray("findings");
        return writer;
    }

    /// <summary>Lists one finding in the baseline <see cref="Begin"/> started.</summary>
    public static void WriteItem(Utf8JsonWriter writer, CheckFinding f)
    {
        writer.WriteStartObject();
        writer.WriteString("fingerprint", f.Fingerprint);
        writer.WriteString("file", f.File);
        writer.WriteString("rule", f.Rule.Id);
        writer.WriteString("text", f.Text);
        writer.WriteNumber("line", f.Line);
        writer.WriteEndObject();
    }

    /// <summary>Closes the baseline <see cref="Begin"/> started, flushes it and ends it with a line feed.</summary>
    public static void End(Utf8JsonWriter writer, Stream output)
    {
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        output.WriteByte((byte)'\n');
    }
}
