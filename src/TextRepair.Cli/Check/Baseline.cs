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

    /// <summary>
    /// The largest baseline read: what the tool reads whole (<see cref="CheckInput.MaxWholeBytes"/>). A finding takes
    /// about 166 bytes of a baseline (1,600,000 findings of a 15 MB file wrote 266 MB, session 13), so this holds about
    /// 6 million; past it, or from a device that never ends (<c>/dev/zero</c>), the file is refused rather than read
    /// into memory without bound.
    /// </summary>
    private const int MaxBaselineBytes = CheckInput.MaxWholeBytes;

    /// <summary>Reads the baseline at <paramref name="path"/> (<c>--baseline</c>).</summary>
    /// <exception cref="CliException">It cannot be read or is not a baseline (one line naming the option and the file).</exception>
    public static Baseline Read(string path)
    {
        if (Directory.Exists(path))
        {
            throw new CliException($"--baseline {path}: is a directory");
        }

        byte[] bytes;
        try
        {
            bytes = CheckInput.ReadBytes(path, MaxBaselineBytes, "a baseline is read whole");
        }
        catch (CliException exception)
        {
            throw new CliException($"--baseline {exception.Message}");
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            using JsonDocument document = JsonDocument.Parse(bytes);
            foreach (JsonElement item in document.RootElement.GetProperty("findings").EnumerateArray())
            {
                string fingerprint = item.GetProperty("fingerprint").GetString() ?? throw new FormatException();
                counts[fingerprint] = counts.GetValueOrDefault(fingerprint) + 1;
            }
        }
        catch (JsonException exception)
        {
            throw new CliException(
                $"--baseline {path}: not a textrepair baseline (not valid JSON at line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1})");
        }
        catch (Exception exception) when (exception is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new CliException(
                $"--baseline {path}: not a textrepair baseline (it needs a \"findings\" array of objects, each with a \"fingerprint\" string; write one with --write-baseline)");
        }

        return new Baseline(counts);
    }

    /// <summary>A copy whose uses do not count against this baseline (<c>--fix</c> looks at a file's findings twice).</summary>
    public Baseline Copy() => new(new Dictionary<string, int>(_counts, StringComparer.Ordinal));

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
