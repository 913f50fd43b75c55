using System.CommandLine;
using TextRepair.Cli.Commands;

namespace TextRepair.Cli.Tests;

/// <summary>
/// <see cref="CliCommands.Build"/> builds only the subcommand a command line names (a start-up saving): the parser
/// must then see the same command line the same way as with the whole tree.
/// </summary>
public sealed class CommandTreeTests
{
    public static TheoryData<string[]> CommandLines => new()
    {
        new[] { "convert", "--help" },
        new[] { "convert", "-c", "s2t", "--no-such-option", "a.txt" },
        new[] { "convert", "a.txt" },
        new[] { "convert", "-c", "s2t", "--jsonl", "--field" },
        new[] { "convert", "repair" },
        new[] { "repair", "--help" },
        new[] { "repair", "--jsonl", "--fields", "x" },
        new[] { "detect", "-h" },
        new[] { "detect", "--recursive", "--bogus" },
        new[] { "check", "--help" },
        new[] { "check", "--expect" },
        new[] { "encoding", "-?" },
        new[] { "encoding", "--json", "--jsno" },
        new[] { "serve", "--help" },
        new[] { "serve", "extra" },
    };

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void A_command_line_parses_and_helps_alike_with_only_its_subcommand_built(string[] arguments)
    {
        (string errors, string help) whole = Run(CliCommands.Build(), arguments);
        (string errors, string help) lazy = Run(CliCommands.Build(arguments[0]), arguments);

        Assert.Equal(whole.errors, lazy.errors);
        Assert.Equal(whole.help, lazy.help);
    }

    [Fact]
    public void Only_the_named_subcommand_is_built_and_anything_else_gets_the_whole_tree()
    {
        Assert.Equal(["convert"], CliCommands.Build("convert").Subcommands.Select(command => command.Name));
        string[] all = ["convert", "repair", "detect", "check", "encoding", "serve"];
        Assert.Equal(all, CliCommands.Build().Subcommands.Select(command => command.Name));
        Assert.Equal(all, CliCommands.Build("--help").Subcommands.Select(command => command.Name));
        Assert.Equal(all, CliCommands.Build("convertt").Subcommands.Select(command => command.Name));
        Assert.Equal(all, CliCommands.Build("Convert").Subcommands.Select(command => command.Name));
    }

    /// <summary>The parse errors, and the help text when the command line asks for help (nothing else is run).</summary>
    private static (string Errors, string Help) Run(RootCommand root, string[] arguments)
    {
        ParseResult parse = root.Parse(arguments);
        string errors = string.Join("\n", parse.Errors.Select(error => error.Message));
        if (parse.Errors.Count > 0 || !arguments.Any(argument => argument is "--help" or "-h" or "-?"))
        {
            return (errors, string.Empty);
        }

        var output = new StringWriter();
        parse.Invoke(new InvocationConfiguration { Output = output, EnableDefaultExceptionHandler = false });
        return (errors, output.ToString());
    }
}
