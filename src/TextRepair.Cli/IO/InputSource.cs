using System.Text;

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
    /// unless <paramref name="recursive"/> (then its files, in ordinal order of their paths), a missing path is an error.
    /// </summary>
    public static IReadOnlyList<InputSource> Resolve(IReadOnlyList<string> operands, bool recursive)
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

                var files = new List<string>(Directory.EnumerateFiles(operand, "*", new EnumerationOptions
                {
                    RecurseSubdirectories = true,
                    AttributesToSkip = FileAttributes.ReparsePoint,
                    IgnoreInaccessible = false,
                }));
                files.Sort(StringComparer.Ordinal);
                foreach (string file in files)
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
                throw new CliException($"{operand}: no such file or directory");
            }
        }

        return inputs;
    }

    /// <summary>
    /// Opens the input as a stream of UTF-8 bytes. A legacy <paramref name="encoding"/> is transcoded on the fly;
    /// null means the bytes are UTF-8 already (and are validated later, where offsets are known).
    /// </summary>
    public Stream Open(Encoding? encoding)
    {
        Stream raw = Path is null
            ? Console.OpenStandardInput()
            : new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return encoding is null ? raw : Encoding.CreateTranscodingStream(raw, encoding, Encoding.UTF8, leaveOpen: false);
    }

    private static InputSource FromFile(string path, string? relativePath = null)
    {
        var info = new FileInfo(path);
        return new InputSource(path, info.Length > 0 ? info.Length : null, relativePath);
    }
}
