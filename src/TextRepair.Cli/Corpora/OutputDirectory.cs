using TextRepair.Cli.Commands;
using TextRepair.Cli.IO;

namespace TextRepair.Cli.Corpora;

/// <summary>
/// Directory output (<c>-r IN_DIR -o OUT_DIR</c>): each input is written to the same relative path under the output
/// directory, each file atomically (a temporary file beside it, renamed when complete), so that a killed run leaves
/// only complete outputs and <c>--skip-existing</c> can resume it. Two inputs never share an output, and no output is
/// an input: <see cref="Plan"/> refuses such a run before anything is written.
/// </summary>
internal sealed class OutputDirectory
{
    private readonly string _root;

    private OutputDirectory(string root)
    {
        _root = root;
    }

    /// <summary>
    /// The output directory of <paramref name="inputs"/>, once no two of them map to the same output path (or one's
    /// output to a directory another's needs) and no output would replace an input (the same file by device and inode,
    /// whatever the path, as through a symbolic link). Session 29: <c>convert c1/x.txt c2/x.txt -o out/</c>,
    /// <c>-r c1 c2 -o out</c> and JSONL shards of the same name wrote one out/x.txt, the last input's, with exit 0; an
    /// output over a later input replaced it before it was read. Refused as bad usage (exit 2), naming both inputs,
    /// before any output is written.
    /// </summary>
    public static OutputDirectory Plan(string root, IReadOnlyList<InputSource> inputs)
    {
        var directory = new OutputDirectory(root);
        var sources = new InputFiles(inputs);

        // Case-insensitive file systems (the default on Windows and macOS) map README and readme to one file.
        StringComparer comparer = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()
            ? StringComparer.OrdinalIgnoreCase
            : StringComparer.Ordinal;
        var outputs = new Dictionary<string, InputSource>(comparer);
        var directories = new Dictionary<string, InputSource>(comparer);
        foreach (InputSource input in inputs)
        {
            string output = directory.FullPathOf(input);
            if (outputs.TryGetValue(output, out InputSource? first))
            {
                throw Collision(root, first, first, input);
            }

            if (directories.TryGetValue(output, out first))
            {
                throw Collision(root, input, first, input);
            }

            if (sources.At(output) is { } replaced)
            {
                throw new CliException(ReferenceEquals(replaced, input)
                    ? $"{input.DisplayName}: the output directory contains the input (use --in-place to replace inputs)"
                    : $"{Path.Combine(root, input.RelativePath)}: the output of {input.DisplayName} would replace the input {replaced.DisplayName}; nothing written");
            }

            outputs.Add(output, input);
            for (string? parent = Path.GetDirectoryName(output); parent is not null; parent = Path.GetDirectoryName(parent))
            {
                if (outputs.TryGetValue(parent, out first))
                {
                    throw Collision(root, first, first, input);
                }

                if (!directories.TryAdd(parent, input))
                {
                    break; // its ancestors were checked with it
                }
            }
        }

        return directory;
    }

    /// <summary>
    /// Directory output applies when <c>--output</c> names an existing directory or ends with a path separator, or when
    /// a directory is among the inputs (then <c>--output</c> is created as a directory).
    /// </summary>
    public static bool Applies(RunSettings settings, IReadOnlyList<InputSource> inputs)
    {
        if (settings.Output is not { } output)
        {
            if (settings.Corpora.SkipExisting)
            {
                throw new CliException("--skip-existing needs --output DIR");
            }

            return false;
        }

        bool applies = Directory.Exists(output)
            || output.EndsWith(Path.DirectorySeparatorChar) || output.EndsWith(Path.AltDirectorySeparatorChar)
            || settings.Inputs.Any(Directory.Exists);
        if (!applies && settings.Corpora.SkipExisting)
        {
            throw new CliException("--skip-existing needs --output DIR (a directory)");
        }

        if (applies)
        {
            if (settings.InPlace)
            {
                throw new CliException("--in-place and --output cannot be used together");
            }

            if (File.Exists(output))
            {
                throw new CliException($"{output}: is a file, but the inputs need an output directory");
            }

            if (inputs.Any(input => input.Path is null))
            {
                throw new CliException("--output DIR needs input files, not standard input");
            }
        }

        return applies;
    }

    /// <summary>
    /// Opens the output of <paramref name="input"/>, or returns null when it exists and <paramref name="skipExisting"/>
    /// (counted in <paramref name="stats"/>).
    /// </summary>
    public OutputTarget? Open(InputSource input, bool skipExisting, RunStats stats)
    {
        string full = FullPathOf(input);
        if (skipExisting && File.Exists(full))
        {
            stats.SkippedExisting++;
            return null;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return OutputTarget.ForOutput(full);
    }

    /// <summary>The refusal of two inputs whose outputs need one path: the output file of <paramref name="owner"/>.</summary>
    private static CliException Collision(string root, InputSource owner, InputSource first, InputSource second) =>
        new($"{Path.Combine(root, owner.RelativePath)}: the outputs of {first.DisplayName} and {second.DisplayName} both need this path; nothing written (use different output directories)");

    private string FullPathOf(InputSource input) => Path.GetFullPath(Path.Combine(_root, input.RelativePath));

    /// <summary>The input files by identity (device and inode), or by full path where that cannot be read.</summary>
    private sealed class InputFiles
    {
        private readonly Dictionary<(ulong Device, ulong Inode), InputSource> _byIdentity = [];
        private readonly Dictionary<string, InputSource> _byPath = new(StringComparer.Ordinal);

        public InputFiles(IReadOnlyList<InputSource> inputs)
        {
            foreach (InputSource input in inputs)
            {
                _byPath.TryAdd(Path.GetFullPath(input.Path!), input);
                if (input.Status() is { } status)
                {
                    _byIdentity.TryAdd((status.Device, status.Inode), input);
                }
            }
        }

        /// <summary>The input that <paramref name="path"/> names, or null.</summary>
        public InputSource? At(string path)
        {
            if (_byPath.TryGetValue(path, out InputSource? input))
            {
                return input;
            }

            return Posix.TryStat(path) is { } status && _byIdentity.TryGetValue((status.Device, status.Inode), out input) ? input : null;
        }
    }
}
