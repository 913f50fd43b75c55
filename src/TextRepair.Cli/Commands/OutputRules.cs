using TextRepair.Cli.IO;

namespace TextRepair.Cli.Commands;

/// <summary>
/// What may be written where, checked before anything is read or written: <c>--in-place</c> replaces regular files
/// only (as <c>sed -i</c>), never standard input, and not with <c>--output</c>; a report (detect) never goes over one
/// of its inputs, whatever the path that names it (the file's identity is compared, not the path).
/// </summary>
internal static class OutputRules
{
    public static void Check(RunSettings settings, IReadOnlyList<InputSource> inputs)
    {
        if (settings.InPlace)
        {
            if (settings.Output is not null)
            {
                throw new CliException("--in-place and --output cannot be used together");
            }

            foreach (InputSource input in inputs)
            {
                if (input.Path is null)
                {
                    throw new CliException("--in-place needs input files, not standard input");
                }

                if (input.Status() is { Kind: not FileKind.Regular } status)
                {
                    throw new CliException($"{input.Path}: not a regular file ({Describe(status.Kind)}); --in-place only replaces regular files");
                }
            }
        }

        if (settings.WritesReport && settings.Output is { } output && !OutputTarget.IsDirect(output))
        {
            FileStatus? target = Posix.TryStat(output);
            string targetPath = Path.GetFullPath(output);
            foreach (InputSource input in inputs)
            {
                if (input.Path is null)
                {
                    continue;
                }

                bool same = target is { } t && input.Status() is { } s
                    ? t.IsSameFile(s)
                    : string.Equals(Path.GetFullPath(input.Path), targetPath, StringComparison.Ordinal);
                if (same)
                {
                    throw new CliException($"{output}: is the input {input.Path}; detect never writes its report over an input");
                }
            }
        }
    }

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "a FIFO",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Directory => "a directory",
        _ => "a special file",
    };
}
