using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using TextRepair.Cli.IO;

namespace TextRepair.Cli.Commands;

/// <summary>
/// <c>textrepair encoding [PATH...] [--recursive] [--json]</c>: detects the encoding of each input. Plain output is one
/// line per input (<c>notes.txt: gb18030 (confidence 0.97)</c>, <c>logo.png: binary</c>); with <c>--json</c> one
/// object per input per line, with the ranked candidates.
/// </summary>
internal static class EncodingCommand
{
    public static Command Build(Func<ParseResult, Func<int>, int> execute)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files (standard input when none, or \"-\"). Directories need --recursive.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var recursive = new Option<bool>("--recursive", "-r")
        {
            Description = "Detect the files in directories given as inputs, recursively, in ordinal path order.",
        };
        var json = new Option<bool>("--json")
        {
            Description = "One JSON object per input per line: path, encoding, confidence, bom, candidates (names WHATWG and .NET both accept).",
        };
        var command = new Command(
            "encoding",
            "Detect the character encoding of files: UTF-8, UTF-16LE/BE (also without a BOM), gb18030, big5 (WHATWG, with HKSCS), shift_jis, euc-jp, euc-kr, windows-1252, iso-8859-1, windows-1251, windows-1250. Binary files are reported as binary.");
        command.Arguments.Add(paths);
        command.Options.Add(recursive);
        command.Options.Add(json);
        command.SetAction(parse => execute(parse, () =>
        {
            IReadOnlyList<InputSource> inputs = InputSource.Resolve(parse.GetValue(paths) ?? [], parse.GetValue(recursive), new WalkOptions());
            // Through the tool's own standard output: the console stream ignores a closed pipe (the run went on and
            // exited 0 under `| head`) and cannot tell a closed descriptor from a usable one.
            using OutputTarget target = OutputTarget.StandardOutput();
            Stream output = target.Stream;
            foreach (InputSource input in inputs)
            {
                EncodingDetection detection = Detect(input);
                if (parse.GetValue(json))
                {
                    WriteJson(output, input, detection);
                }
                else
                {
                    string line = detection.IsBinary
                        ? $"{input.DisplayName}: binary\n"
                        : string.Create(CultureInfo.InvariantCulture, $"{input.DisplayName}: {detection.Name} (confidence {detection.Confidence:0.00})\n");
                    output.Write(System.Text.Encoding.UTF8.GetBytes(line));
                }
            }

            target.Commit();
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>
    /// Decides from the first bytes, then reads the rest through the detecting reader, so that a later contradiction
    /// (an ASCII start followed by another encoding) revises the answer; memory stays bounded for any file size.
    /// </summary>
    private static EncodingDetection Detect(InputSource input)
    {
        Stream raw;
        try
        {
            raw = input.OpenRaw();
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new CliException($"{input.DisplayName}: {exception.Message}", ExitCodes.BadInput, exception);
        }

        using DetectingTextReader reader = EncodingDetector.OpenReader(raw);
        if (reader.Detection.IsBinary)
        {
            return reader.Detection;
        }

        char[] buffer = new char[64 * 1024];
        while (reader.Read(buffer) > 0)
        {
        }

        return reader.Detection;
    }

    private static void WriteJson(Stream output, InputSource input, EncodingDetection detection)
    {
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("path", input.Path);
            if (detection.IsBinary)
            {
                writer.WriteNull("encoding");
                writer.WriteBoolean("binary", true);
            }
            else
            {
                writer.WriteString("encoding", detection.Name);
                writer.WriteNumber("confidence", Math.Round(detection.Confidence, 2));
                writer.WriteBoolean("bom", detection.HasBom);
                writer.WriteStartArray("candidates");
                foreach (EncodingCandidate candidate in detection.Candidates)
                {
                    writer.WriteStartObject();
                    writer.WriteString("encoding", candidate.Name);
                    writer.WriteNumber("confidence", Math.Round(candidate.Confidence, 2));
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }
}
