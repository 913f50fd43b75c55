namespace TextRepair.Cli.IO;

/// <summary>One input: a file, or standard input when <see cref="Path"/> is null.</summary>
internal sealed class InputSource
{
    private InputSource(string? path, long? length, string? relativePath = null)
    {
        Path = path;
        Length = length;
        RelativePath = relativePath ?? System.IO.Path.GetFileName(path) ?? "-";
    }

    public static InputSource StandardInput { get; } = new(null, null);

    /// <summary>The path below the directory operand it was found in, or the file name (for <c>--output DIR</c>).</summary>
    public string RelativePath { get; }

    /// <summary>The file path, or null for standard input.</summary>
    public string? Path { get; }

    /// <summary>The size in bytes when known in advance (a regular file).</summary>
    public long? Length { get; }

    /// <summary>The name used in messages.</summary>
    public string DisplayName => Path ?? "<stdin>";

    /// <summary>
    /// Turns the command-line operands into inputs: no operand or "-" is standard input, a directory is an error
    /// unless <paramref name="recursive"/> (then the files <see cref="InputWalker"/> finds in it), a missing path is an
    /// error. Files named explicitly are always taken, hidden, ignored or binary.
    /// </summary>
    public static IReadOnlyList<InputSource> Resolve(IReadOnlyList<string> operands, bool recursive, WalkOptions walk)
    {
        var inputs = new List<InputSource>();
        if (operands.Count == 0)
        {
            inputs.Add(StandardInput);
            return inputs;
        }

        foreach (string operand in operands)
        {
            if (operand == "-")
            {
                inputs.Add(StandardInput);
            }
            else if (Directory.Exists(operand))
            {
                if (!recursive)
                {
                    throw new CliException($"{operand}: is a directory (use --recursive to process the files in it)");
                }

                foreach (string file in IoErrors.Run(operand, () => InputWalker.Walk(operand, walk)))
                {
                    inputs.Add(FromFile(file, System.IO.Path.GetRelativePath(operand, file)));
                }
            }
            else if (File.Exists(operand))
            {
                inputs.Add(FromFile(operand));
            }
            else
            {
                InputWalker.CheckNameDecodes(operand, operand);
                throw new CliException($"{operand}: no such file or directory");
            }
        }

        return inputs;
    }

    /// <summary>Opens the input's bytes as they are.</summary>
    public Stream OpenRaw()
    {
        if (Path is null)
        {
            return OpenStandardInput();
        }

        string path = Path;
        return IoErrors.Run(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan));
    }

    /// <summary>
    /// Standard input, checked first: closed by the caller (<c>&lt;&amp;-</c>; see <see cref="StandardStreams"/>) or a
    /// directory (<c>&lt; dir</c>) is an error naming it, instead of a wait forever or a nameless "is a directory".
    /// </summary>
    public static Stream OpenStandardInput()
    {
        if (!StandardStreams.IsUsable(0))
        {
            throw new CliException("read error: standard input is closed");
        }

        if (Posix.TryStat(0) is { Kind: FileKind.Directory })
        {
            throw new CliException("<stdin>: is a directory");
        }

        return Console.OpenStandardInput();
    }

    /// <summary>The file's status (type, identity, owner), or null for standard input or where it cannot be known.</summary>
    public FileStatus? Status() => Path is null ? null : Posix.TryStat(Path);

    private static InputSource FromFile(string path, string? relativePath = null)
    {
        // Named when it fails (a file deleted between the walk and this look at its size).
        long length = IoErrors.Run(path, () => new FileInfo(path).Length);
        return new InputSource(path, length > 0 ? length : null, relativePath);
    }
}
