using TextRepair.Cli.IO;

namespace TextRepair.Cli.Commands;

/// <summary>
/// The file of <c>convert --ambiguities FILE</c>: written like <c>--output</c> (<see cref="OutputTarget"/>: atomically
/// for a regular file, committed only when the run succeeds, write errors named), and never one of the inputs or the
/// output. Session 12: <c>convert -c s2t a.txt --ambiguities a.txt</c> truncated the input before reading it (a.txt
/// left empty, exit 0), <c>--ambiguities /dev/full</c> exited 0, and a full disk left half a file behind.
/// </summary>
internal static class ConvertTrustRun
{
    /// <summary>The file for the positions (text mode, without --summary); null otherwise.</summary>
    public static OutputTarget? OpenPositions(ConvertTrustOptions trust, RunSettings settings)
    {
        if (!trust.Reports || trust.Summary || trust.File is null)
        {
            return null;
        }

        if (settings.Inputs.Count > 1 || settings.Recursive)
        {
            throw new CliException("--ambiguities FILE lists the positions of one input; for several, add --summary (counts per character)");
        }

        return OutputTarget.ForOutput(trust.File);
    }

    /// <summary>Refuses an ambiguities file that is the output or one of the inputs (by device and inode when it exists).</summary>
    public static void CheckTarget(ConvertTrustOptions trust, RunSettings settings)
    {
        if (trust.Reports && trust.File is not null)
        {
            CheckTarget(trust.File, settings);
        }
    }

    /// <summary>Writes the summary (when asked for) and the kana count (with --stats), then passes the exit code on.</summary>
    public static int Finish(ConvertTrustOptions trust, int exitCode)
    {
        if (trust.Summary && trust.File is not null)
        {
            using OutputTarget file = OutputTarget.ForOutput(trust.File);
            trust.WriteSummary(file.Stream);
            file.Commit();
        }

        if (trust.StatsLine() is { } line)
        {
            Console.Error.WriteLine(line);
        }

        return exitCode;
    }

    private static void CheckTarget(string path, RunSettings settings)
    {
        if (OutputTarget.IsDirect(path))
        {
            return;
        }

        if (settings.Output is { } output && Posix.IsSameFile(path, output))
        {
            throw new CliException($"--ambiguities {path}: is also the --output file");
        }

        if (Posix.TryStat(path) is null)
        {
            return; // a new file cannot be an input
        }

        foreach (InputSource input in InputSource.Resolve(settings.Inputs, settings.Recursive, settings.Walk))
        {
            if (input.Path is not null && Posix.IsSameFile(path, input.Path))
            {
                throw new CliException($"--ambiguities {path}: is the input {input.Path}; the guesses are never written over an input");
            }
        }
    }
}
