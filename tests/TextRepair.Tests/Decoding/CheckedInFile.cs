namespace TextRepair.Tests.Decoding;

/// <summary>
/// Files of the repository that a test generates and checks in (evaluation tables, generated source): the test fails
/// when the checked-in file differs from a fresh run, and writes the file instead when its variable is set to 1.
/// </summary>
internal static class CheckedInFile
{
    /// <summary>The path of <paramref name="parts"/> under the repository root (the folder that holds TextRepair.sln).</summary>
    public static string PathOf(params string[] parts)
    {
        string dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "TextRepair.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("repository root not found");
        }

        return Path.Combine([dir, .. parts]);
    }

    /// <summary>
    /// Writes <paramref name="fresh"/> to <paramref name="path"/> when the environment variable
    /// <paramref name="writeVariable"/> is 1; then asserts that the file holds <paramref name="fresh"/> (line endings aside).
    /// </summary>
    public static void AssertEqualsFreshRun(string path, string fresh, string writeVariable)
    {
        if (Environment.GetEnvironmentVariable(writeVariable) == "1")
        {
            File.WriteAllText(path, fresh);
        }

        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), fresh.ReplaceLineEndings("\n"));
    }
}
