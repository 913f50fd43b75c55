using TextRepair.Cli.IO;

namespace TextRepair.Cli.Check;

/// <summary>
/// An input that exists but cannot be read: permission denied, a name .NET cannot open (not valid UTF-8), a file that
/// vanished or failed to read after it was listed. <c>check</c> names it on stderr, checks the other inputs and exits 2
/// (<see cref="SkippedInputs"/>), as grep does; other bad input (invalid UTF-8 inside a file, a localisation file that
/// does not parse, an operand that does not exist) stops the check before anything is written.
/// </summary>
internal sealed class UnreadableInputException(string message) : CliException(message);

/// <summary>
/// The inputs a check could not read: each named on stderr when it is met, one line each; any makes the exit code 2.
/// Not thread-safe: the command's thread reports them.
/// </summary>
internal sealed class SkippedInputs
{
    /// <summary>Inputs named so far.</summary>
    public int Count { get; private set; }

    /// <summary>Names an input that was left out (the message starts with its path).</summary>
    public void Report(string message)
    {
        Console.Error.WriteLine($"textrepair: {Program.OneLine(message)}");
        Count++;
    }
}

/// <summary>
/// Turns <c>check</c>'s operands into the files to check: <c>-</c> is standard input, a file is itself, a directory is
/// every file below it in ordinal path order, skipping symbolic links, hidden names (a leading dot) and binary files (a
/// note on stderr, as <c>-r</c> does for the other commands: a PNG in a locales directory is not bad input). A
/// directory or file below it that cannot be read is named and skipped (<see cref="SkippedInputs"/>); an operand that
/// does not exist is bad usage.
/// </summary>
internal static class CheckPaths
{
    /// <summary>The files to check, in order (no operand: standard input).</summary>
    /// <exception cref="CliException">An operand does not exist.</exception>
    public static List<string> Resolve(string[] operands, SkippedInputs skipped)
    {
        var paths = new List<string>();
        if (operands.Length == 0)
        {
            paths.Add("-");
            return paths;
        }

        foreach (string operand in operands)
        {
            if (operand == "-" || File.Exists(operand))
            {
                paths.Add(operand);
            }
            else if (Directory.Exists(operand))
            {
                var files = new List<string>();
                Walk(operand, files, skipped);
                files.Sort(StringComparer.Ordinal);
                paths.AddRange(files);
            }
            else if (InputWalker.CannotOpenName(operand, Path.GetFileName(operand)))
            {
                skipped.Report(UnopenableName(operand));
            }
            else
            {
                throw new CliException($"{operand}: no such file or directory");
            }
        }

        return paths;
    }

    private static void Walk(string directory, List<string> files, SkippedInputs skipped)
    {
        FileSystemInfo[] entries;
        try
        {
            // Listed whole here, so that an unreadable directory deep in the tree is named, not the operand.
            entries = new DirectoryInfo(directory).EnumerateFileSystemInfos("*", new EnumerationOptions
            {
                RecurseSubdirectories = false,
                AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden,
                IgnoreInaccessible = false,
            }).ToArray();
        }
        catch (Exception exception) when (IoErrors.Describe(exception) is { } description)
        {
            skipped.Report($"{directory}: {description}");
            return;
        }

        // Named in a stable order (the files are sorted again as a whole).
        Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (FileSystemInfo entry in entries)
        {
            string path = Path.Combine(directory, entry.Name);
            if (InputWalker.CannotOpenName(path, entry.Name))
            {
                skipped.Report(UnopenableName(path));
            }
            else if (entry is DirectoryInfo)
            {
                Walk(path, files, skipped);
            }
            else if (BinaryCheck.Why(path, codePage: 65001) is { } reason)
            {
                Console.Error.WriteLine($"textrepair: skipping {path}: binary file ({reason})");
            }
            else
            {
                files.Add(path);
            }
        }
    }

    private static string UnopenableName(string path) =>
        $"{path}: the file name is not valid UTF-8, and this tool cannot open such a file (rename it)";
}
