using TextRepair.Cli.Commands;
using TextRepair.Cli.IO;

namespace TextRepair.Cli.Corpora;

/// <summary>
/// Directory output (<c>-r IN_DIR -o OUT_DIR</c>): each input is written to the same relative path under the output
/// directory, each file atomically (a temporary file beside it, renamed when complete), so that a killed run leaves
/// only complete outputs and <c>--skip-existing</c> can resume it.
/// </summary>
internal sealed class OutputDirectory
{
    private readonly string _root;

    public OutputDirectory(string root)
    {
        _root = root;
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
        string path = Path.Combine(_root, input.RelativePath);
        string full = Path.GetFullPath(path);
        if (string.Equals(full, Path.GetFullPath(input.Path!), StringComparison.Ordinal))
        {
            throw new CliException($"{input.DisplayName}: the output directory contains the input (use --in-place to replace inputs)");
        }

        if (skipExisting && File.Exists(full))
        {
            stats.SkippedExisting++;
            return null;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return OutputTarget.ForOutput(full);
    }
}
