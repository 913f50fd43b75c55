using System.CommandLine;
using System.CommandLine.Parsing;

namespace TextRepair.Cli.Commands;

/// <summary>
/// The file operands of a command. System.CommandLine gives a token it does not know as an option to a command's
/// zero-or-more argument, so an unknown option (<c>--jsn</c>) would be taken for a file name: "no such file", or a
/// silent run when a file of that name exists. Such an operand is refused as bad usage, except after <c>--</c>, which
/// ends the options as usual.
/// </summary>
internal static class Operands
{
    /// <summary>The values of <paramref name="argument"/>, after refusing any that looks like an option.</summary>
    /// <exception cref="CliException">An operand before <c>--</c> starts with <c>-</c> and is not <c>-</c> alone.</exception>
    public static string[] Read(ParseResult parse, Argument<string[]> argument)
    {
        string[] files = parse.GetValue(argument) ?? [];
        ArgumentResult? result = parse.GetResult(argument);
        if (result is null)
        {
            return files;
        }

        int doubleDash = -1;
        for (int i = 0; i < parse.Tokens.Count; i++)
        {
            if (parse.Tokens[i].Type == TokenType.DoubleDash)
            {
                doubleDash = i;
                break;
            }
        }

        foreach (Token token in result.Tokens)
        {
            int index = IndexOf(parse.Tokens, token);
            if (token.Value.Length > 1 && token.Value[0] == '-' && (doubleDash < 0 || index < doubleDash))
            {
                throw new CliException($"Unrecognized option '{token.Value}'. (see 'textrepair {parse.CommandResult.Command.Name} --help'; use -- before file names starting with -)");
            }
        }

        return files;
    }

    private static int IndexOf(IReadOnlyList<Token> tokens, Token token)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            if (ReferenceEquals(tokens[i], token))
            {
                return i;
            }
        }

        return -1;
    }
}
