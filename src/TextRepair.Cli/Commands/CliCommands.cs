using System.CommandLine;
using System.Text;

namespace TextRepair.Cli.Commands;

/// <summary>The command tree: one file per command (<c>convert</c>, <c>repair</c>, <c>detect</c>, <c>check</c>, <c>encoding</c>); the shared <c>--verbose</c> and error handling.</summary>
internal static class CliCommands
{
    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "On error, print the stack trace as well.",
        Recursive = true,
    };

    /// <summary>The subcommands, in the order help lists them.</summary>
    private static readonly string[] s_subcommands = ["convert", "repair", "detect", "check", "encoding", "serve"];

    /// <summary>
    /// Builds the command tree. When <paramref name="first"/> (the first argument) names a subcommand, only that one
    /// is built: once a subcommand is named, the parser and its help and error messages see nothing of its siblings,
    /// and building the other five (their options, descriptions and actions) is start-up work that the run never
    /// uses. Any other first argument (none, an option, a typo, a response file) gets the whole tree.
    /// </summary>
    public static RootCommand Build(string? first = null)
    {
        var root = new RootCommand(
            "textrepair: convert Chinese between Simplified and Traditional exactly like OpenCC 1.4.2, and repair Chinese text damaged on the web.\n"
            + "Reads files or standard input (UTF-8 unless --encoding), writes UTF-8 (or --output-encoding) to standard output, --output or --in-place.\n"
            + "Exit codes: 0 done, 1 failed while processing (or standard output closed), 2 bad usage or bad input, 141 output pipe closed by its reader.");
        root.Options.Add(Verbose);
        bool onlyFirst = first is not null && Array.IndexOf(s_subcommands, first) >= 0;
        foreach (string name in s_subcommands)
        {
            if (!onlyFirst || name == first)
            {
                root.Subcommands.Add(BuildSubcommand(name));
            }
        }

        return root;
    }

    private static Command BuildSubcommand(string name) => name switch
    {
        "convert" => ConvertCommand.Build(),
        "repair" => RepairCommand.Build(),
        "detect" => DetectCommand.Build(),
        "check" => Check.CheckCommand.Build(),
        "encoding" => EncodingCommand.Build(Execute),
        "serve" => Corpora.ServeCommand.Build(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a subcommand"),
    };

    /// <summary>Writes a whole document's text as UTF-8 without a byte order mark.</summary>
    internal static void WriteText(Stream output, string text)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
        writer.Write(text);
    }

    /// <summary>Runs a command body, turning failures into one line on stderr and an exit code.</summary>
    internal static int Execute(ParseResult parse, Func<int> body) => Execute(parse, body, ExitCodes.Failed);

    /// <summary>Runs <paramref name="body"/>; a failure that is no <see cref="CliException"/> exits <paramref name="otherwise"/>.</summary>
    internal static int Execute(ParseResult parse, Func<int> body, int otherwise)
    {
        try
        {
            return body();
        }
        catch (Exception exception)
        {
            return Program.Report(exception, parse.GetValue(Verbose), otherwise);
        }
    }
}
