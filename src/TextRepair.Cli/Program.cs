using System.CommandLine;
using System.CommandLine.Invocation;
using System.Text;
using TextRepair.Cli.Commands;

namespace TextRepair.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        // Legacy input encodings (gbk, big5, shift_jis, ...).
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        RootCommand root = CliCommands.Build();
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

    /// <summary>Collapses line breaks and indentation (System.CommandLine lists allowed values on separate lines).</summary>
    internal static string OneLine(string message) =>
        string.Join(' ', message.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
}
