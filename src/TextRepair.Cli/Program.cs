using System.CommandLine;
using System.CommandLine.Invocation;
using System.Text;
using TextRepair.Cli.Commands;
using TextRepair.Cli.IO;

namespace TextRepair.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        StandardStreams.Initialize();

        // Legacy input encodings (gbk, big5, shift_jis, ...).
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        try
        {
            RootCommand root = CliCommands.Build(args.Length > 0 ? args[0] : null);
            ParseResult parse = root.Parse(args);
            if (parse.Action is ParseErrorAction)
            {
                // One line, like every other error: the messages, then where to look.
                string command = parse.CommandResult.Command == root ? "textrepair" : "textrepair " + parse.CommandResult.Command.Name;
                Console.Error.WriteLine(
                    "textrepair: " + string.Join(" ", parse.Errors.Select(error => OneLine(error.Message))) + $" (see '{command} --help')");
                return ExitCodes.BadInput;
            }

            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception exception)
        {
            // Help and version write to the console themselves: a closed standard output shows here.
            return Report(exception, verbose: args.Contains("--verbose"));
        }
    }

    /// <summary>
    /// Prints a failure as one line on stderr (with the stack when verbose) and returns its exit code: 141 for a closed
    /// pipe, a <see cref="CliException"/>'s own unless it is the generic failure (1), else <paramref name="otherwise"/>.
    /// </summary>
    internal static int Report(Exception exception, bool verbose, int otherwise = ExitCodes.Failed)
    {
        if (IoErrors.IsBrokenPipe(exception) || exception.InnerException is { } inner && IoErrors.IsBrokenPipe(inner))
        {
            // The reader went away (e.g. `| head`): stop, without a message, like cat and grep.
            return ExitCodes.BrokenPipe;
        }

        int code = exception is CliException { ExitCode: not ExitCodes.Failed } cli ? cli.ExitCode : otherwise;
        string message = exception is CliException || IoErrors.Describe(exception) is not { } description
            ? OneLine(exception.Message)
            : description;
        try
        {
            Console.Error.WriteLine(verbose ? $"textrepair: {message}{Environment.NewLine}{exception}" : $"textrepair: {message}");
        }
        catch (IOException)
        {
            // Standard error is gone too: the exit code alone tells.
        }

        return code;
    }

    /// <summary>Collapses line breaks and indentation (System.CommandLine lists allowed values on separate lines).</summary>
    internal static string OneLine(string message) =>
        string.Join(' ', message.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
}
