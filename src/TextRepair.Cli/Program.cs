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
            foreach (System.CommandLine.Parsing.ParseError error in parse.Errors)
            {
                Console.Error.WriteLine("textrepair: " + error.Message);
            }

            Console.Error.WriteLine("Try 'textrepair --help' for more information.");
            return ExitCodes.BadInput;
        }

        return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }
}
