namespace TextRepair.Cli.IO;

/// <summary>What <c>-r</c> walks into, as <c>rg</c> and <c>fd</c> do (see docs/cli.md).</summary>
internal sealed record WalkOptions
{
    /// <summary><c>--hidden</c>: also walk names starting with a dot.</summary>
    public bool Hidden { get; init; }

    /// <summary><c>--no-ignore</c>: do not read .gitignore, .ignore and .git/info/exclude.</summary>
    public bool NoIgnore { get; init; }

    /// <summary>The input encoding's code page (NUL bytes are text in UTF-16 and UTF-32).</summary>
    public int CodePage { get; init; } = 65001;

    /// <summary>Every file is read as Parquet (<c>--format parquet</c>): binary files are kept.</summary>
    public bool AllParquet { get; init; }

    /// <summary>Files named <c>*.parquet</c> are read as Parquet (no <c>--format</c>): binary ones are kept.</summary>
    public bool ParquetByName { get; init; }

    /// <summary>Whether the file is read as Parquet, which is binary by nature.</summary>
    public bool IsParquet(string name) => AllParquet || (ParquetByName && Corpora.CorporaOptions.IsParquetName(name));
}

/// <summary>
/// Lists the files below a directory for <c>-r</c>, in ordinal path order. Skipped: symbolic links; names starting
/// with a dot unless <see cref="WalkOptions.Hidden"/>; version-control directories (.git, .hg, .svn) unless both
/// <see cref="WalkOptions.Hidden"/> and <see cref="WalkOptions.NoIgnore"/>; what .gitignore files (inside a git
/// repository), .ignore files and .git/info/exclude exclude, unless <see cref="WalkOptions.NoIgnore"/>; our own
/// temporary files; binary files, each with a note on stderr, except Parquet inputs (<see cref="WalkOptions.IsParquet"/>).
/// </summary>
internal static class InputWalker
{
    private static readonly string[] s_versionControl = [".git", ".hg", ".svn"];

    public static List<string> Walk(string root, WalkOptions options)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var ignores = new List<IgnoreFile>();
        string? repository = options.NoIgnore ? null : FindRepository(full);
        if (repository is not null)
        {
            Add(ignores, IgnoreFile.Load(repository, Path.Combine(repository, ".git", "info", "exclude")));
            foreach (string ancestor in Ancestors(repository, full))
            {
                AddDirectoryRules(ignores, ancestor, inRepository: true);
            }
        }

        var files = new List<string>();
        Visit(root, full, ignores, options, repository is not null, files);
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static void Visit(string directory, string full, List<IgnoreFile> inherited, WalkOptions options, bool inRepository, List<string> files)
    {
        var ignores = inherited;
        if (!options.NoIgnore)
        {
            ignores = [.. inherited];
            AddDirectoryRules(ignores, full, inRepository);
        }

        // Listed here, inside the error naming: an unreadable directory deep in the tree is named, not the operand.
        FileSystemInfo[] entries = IoErrors.Run(directory, () => new DirectoryInfo(directory).EnumerateFileSystemInfos("*", new EnumerationOptions
        {
            RecurseSubdirectories = false,
            AttributesToSkip = 0,
            IgnoreInaccessible = false,
        }).ToArray());
        foreach (FileSystemInfo entry in entries)
        {
            string name = entry.Name;
            bool isDirectory = entry is DirectoryInfo;
            string path = Path.Combine(directory, name);
            if (entry.LinkTarget is not null || (!isDirectory && TemporaryFiles.IsTemporaryName(name)))
            {
                continue;
            }

            if (isDirectory && s_versionControl.Contains(name) && !(options.Hidden && options.NoIgnore))
            {
                continue;
            }

            if (name.StartsWith('.') && !options.Hidden)
            {
                continue;
            }

            string entryFull = Path.Combine(full, name);
            if (!options.NoIgnore && IsIgnored(ignores, entryFull, isDirectory))
            {
                continue;
            }

            // After the skips: a hidden or ignored name that .NET cannot open is left out like any other.
            CheckNameDecodes(path, name);

            if (isDirectory)
            {
                Visit(path, entryFull, ignores, options, inRepository || Directory.Exists(Path.Combine(entryFull, ".git")), files);
            }
            else if (!options.IsParquet(name) && BinaryCheck.Why(path, options.CodePage) is { } reason)
            {
                Console.Error.WriteLine($"textrepair: skipping {path}: binary file ({reason})");
            }
            else
            {
                files.Add(path);
            }
        }
    }

    /// <summary>
    /// .NET decodes file names as UTF-8, replacing invalid bytes with U+FFFD, and cannot open the file by that name
    /// again: such a file would fail later with a nameless "no such file or directory" (session 12). It stops the walk
    /// before anything is processed, named, so no file is silently left out.
    /// </summary>
    internal static void CheckNameDecodes(string path, string name)
    {
        if (CannotOpenName(path, name))
        {
            throw new CliException($"{path}: the file name is not valid UTF-8, and this tool cannot open such a file (rename it, or list it in a .ignore file)");
        }
    }

    /// <summary>
    /// True when <paramref name="name"/> (the last part of <paramref name="path"/>, or the whole operand) was decoded
    /// from bytes that are not UTF-8 and no file answers to the decoded name (see <see cref="CheckNameDecodes"/>).
    /// </summary>
    internal static bool CannotOpenName(string path, string name) =>
        name.Contains('\uFFFD', StringComparison.Ordinal) && Posix.IsSupported && Posix.TryStat(path, noFollow: true) is null;

    // Deeper files override shallower ones, and within a directory .ignore overrides .gitignore (as rg does).
    private static bool IsIgnored(List<IgnoreFile> ignores, string fullPath, bool isDirectory)
    {
        for (int i = ignores.Count - 1; i >= 0; i--)
        {
            IgnoreFile file = ignores[i];
            if (fullPath.Length <= file.Directory.Length + 1 || !fullPath.StartsWith(file.Directory, StringComparison.Ordinal)
                || fullPath[file.Directory.Length] != Path.DirectorySeparatorChar)
            {
                continue;
            }

            string relative = fullPath[(file.Directory.Length + 1)..].Replace(Path.DirectorySeparatorChar, '/');
            if (file.Match(relative, isDirectory) is { } ignored)
            {
                return ignored;
            }
        }

        return false;
    }

    private static void AddDirectoryRules(List<IgnoreFile> ignores, string directory, bool inRepository)
    {
        if (inRepository)
        {
            Add(ignores, IgnoreFile.Load(directory, Path.Combine(directory, ".gitignore")));
        }

        Add(ignores, IgnoreFile.Load(directory, Path.Combine(directory, ".ignore")));
    }

    private static void Add(List<IgnoreFile> ignores, IgnoreFile? file)
    {
        if (file is not null)
        {
            ignores.Add(file);
        }
    }

    /// <summary>The nearest directory at or above <paramref name="directory"/> holding a .git entry.</summary>
    private static string? FindRepository(string directory)
    {
        for (string? current = directory; current is not null; current = Path.GetDirectoryName(current))
        {
            if (Directory.Exists(Path.Combine(current, ".git")) || File.Exists(Path.Combine(current, ".git")))
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>The directories from <paramref name="top"/> down to the parent of <paramref name="directory"/>.</summary>
    private static List<string> Ancestors(string top, string directory)
    {
        var list = new List<string>();
        for (string? current = Path.GetDirectoryName(directory); current is not null && current.Length >= top.Length; current = Path.GetDirectoryName(current))
        {
            list.Add(current);
        }

        list.Reverse();
        return list;
    }
}
