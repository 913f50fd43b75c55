using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Text;
using System.Text.Json;
using TextRepair.Cli.Commands;
using TextRepair.Cli.IO;

namespace TextRepair.Cli.Corpora;

/// <summary>
/// <c>textrepair serve</c>: one long-lived process that runs command after command, so that a worker of a distributed
/// engine (Dask) pays the start of the tool (JIT, tables, models) once instead of once per shard.
/// </summary>
/// <remarks>
/// The protocol is one line each way, UTF-8. A request is a JSON array of strings: the arguments of one
/// <c>convert</c>, <c>repair</c> or <c>detect</c> run, exactly as they would follow <c>textrepair</c> on a command line.
/// The answer is a JSON object <c>{"exit":N,"stderr":"..."}</c>: the exit code that run would have had and what it wrote
/// to standard error. Requests run one at a time, through the same code as a fresh process; a run that fails (bad
/// usage, bad input, a fault) is answered and the next request is served. Standard input and output carry the
/// protocol, so a request must write to files (<c>--output</c> or <c>--in-place</c>) and read files. The process exits
/// 0 at the end of its input (the caller closed the pipe).
/// </remarks>
internal static class ServeCommand
{
    private static readonly string[] s_commands = ["convert", "repair", "detect"];

    public static Command Build()
    {
        var command = new Command(
            "serve",
            "Run convert, repair or detect requests one after another in this process (for distributed engines such as Dask: the tool starts once per worker, not once per shard). "
            + "Each line of standard input is a JSON array of arguments, e.g. [\"repair\",\"--jsonl\",\"in.jsonl\",\"-o\",\"out.jsonl\"]; "
            + "each answer is one line of standard output: {\"exit\":N,\"stderr\":\"...\"}. Requests must write with --output or --in-place.");
        command.SetAction(parse => CliCommands.Execute(parse, () => Serve(InputSource.OpenStandardInput(), Console.OpenStandardOutput())));
        return command;
    }

    /// <summary>Answers the requests on <paramref name="requests"/> until its end; returns the exit code of the server.</summary>
    internal static int Serve(Stream requests, Stream answers)
    {
        // From here on, a request that reads standard input or writes standard output fails with an error
        // ("standard output is closed") instead of corrupting the protocol.
        StandardStreams.ReserveForProtocol();
        using var reader = new StreamReader(requests, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: false);
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var errors = new StringWriter();
            int exit = RunCaptured(line, errors);
            Answer(answers, exit, errors.ToString());
        }

        return ExitCodes.Success;
    }

    /// <summary>Runs one request with standard error captured into <paramref name="errors"/>.</summary>
    private static int RunCaptured(string request, StringWriter errors)
    {
        TextWriter previous = Console.Error;
        Console.SetError(errors);
        try
        {
            if (ParseRequest(request) is not { } args)
            {
                errors.WriteLine("textrepair: serve: a request is one line holding a JSON array of strings (the arguments of one run)");
                return ExitCodes.BadInput;
            }

            return Run(args, errors);
        }
        finally
        {
            Console.SetError(previous);
        }
    }

    private static int Run(string[] args, TextWriter errors)
    {
        if (args.Length == 0 || !s_commands.Contains(args[0]))
        {
            errors.WriteLine("textrepair: serve: a request runs convert, repair or detect");
            return ExitCodes.BadInput;
        }

        try
        {
            ParseResult parse = CliCommands.Build().Parse(args);
            if (parse.Action is ParseErrorAction)
            {
                errors.WriteLine(
                    "textrepair: " + string.Join(" ", parse.Errors.Select(error => Program.OneLine(error.Message))) + $" (see 'textrepair {args[0]} --help')");
                return ExitCodes.BadInput;
            }

            if (!IsGiven(parse, "--output") && !IsGiven(parse, "--in-place") && !parse.Tokens.Any(token => token.Value is "--help" or "-h" or "-?"))
            {
                errors.WriteLine("textrepair: serve: a request must write to files (--output or --in-place): standard output carries the answers");
                return ExitCodes.BadInput;
            }

            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = errors, Error = errors });
        }
        catch (Exception exception)
        {
            return Program.Report(exception, verbose: args.Contains("--verbose"));
        }
    }

    private static bool IsGiven(ParseResult parse, string option) => parse.GetResult(option) is OptionResult { Implicit: false };

    /// <summary>The arguments of a request, or null when it is not a JSON array of strings.</summary>
    internal static string[]? ParseRequest(string request)
    {
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(request));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return null;
            }

            var args = new List<string>();
            while (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                args.Add(reader.GetString()!);
            }

            // The array must end here, and nothing may follow it.
            return reader.TokenType == JsonTokenType.EndArray && !reader.Read() ? [.. args] : null;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string whose escapes spell invalid UTF-16 (a lone surrogate, "\uDDDD").
            return null;
        }
    }

    private static void Answer(Stream answers, int exit, string errors)
    {
        using (var writer = new Utf8JsonWriter(answers))
        {
            writer.WriteStartObject();
            writer.WriteNumber("exit", exit);
            writer.WriteString("stderr", errors.TrimEnd());
            writer.WriteEndObject();
        }

        answers.WriteByte((byte)'\n');
        answers.Flush();
    }
}
