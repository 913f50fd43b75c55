using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using TextRepair.Cli.Parquet;

namespace TextRepair.Cli.Tests;

/// <summary>
/// A Parquet page whose header declares more bytes than its column chunk holds is refused before Arrow reads it
/// (<see cref="PageSizeCheck"/>): fast and in little memory, measured as the tool's peak resident set.
/// </summary>
public sealed class CorporaParquetPageTests
{
    /// <summary>
    /// Peak resident set allowed for the tool refusing a damaged 1 KB file, in KB. Measured with GNU time (session 8,
    /// Release build, <c>dotnet TextRepair.Cli.dll</c>, load average 10): 50-53 MB for convert and detect on hang-00 and
    /// hang-01 with the check; 58 MB (convert) and 95 MB (detect, which loads the analysis model) on a valid 1 KB file;
    /// without the check 1.9 GB (hang-00) and 0.9 GB (hang-01).
    /// </summary>
    private const long MaxPeakKilobytes = 200 * 1024;

    private static readonly string s_tool = typeof(Tool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "TextRepairCli").Value!;

    private static string FuzzFile(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "Fuzz", "parquet", name);

    [Theory]
    [InlineData("hang-00.parquet", 1_893_843_847)]
    [InlineData("hang-01.parquet", 871_139_423)]
    public void The_fuzzers_slow_inputs_declare_a_page_larger_than_their_column_chunk(string file, long pageSize)
    {
        OversizedPage? page = PageSizeCheck.Find(FuzzFile(file));

        Assert.NotNull(page);
        Assert.Equal(pageSize, page.Value.PageSize);
        Assert.True(page.Value.BytesLeft < new FileInfo(FuzzFile(file)).Length);
    }

    [Fact]
    public void Every_page_of_a_valid_file_fits_its_column_chunk()
    {
        using var directory = new TempDirectory();
        string path = directory.File("pages.parquet");
        // Small pages: many per column chunk, after a dictionary page; three codecs, a nested column, three row groups.
        ParquetFiles.Write(path, [.. Enumerable.Range(0, 3).Select(group => Enumerable.Range(0, 5_000)
            .Select(i => ((long)i, i % 7 == 0 ? null : $"第{i % 300}行 漢字 {group}", i % 5 == 0 ? null : $"标题 {i}"))
            .ToArray())], dataPageSize: 1024);

        Assert.Null(PageSizeCheck.Find(path));
    }

    /// <summary>
    /// Damaged copies tried by <see cref="Damaged_files_make_the_check_return_never_throw"/>: 2,000 take 2-5 s at load
    /// average 10 (mostly writing the files). 100,000 with seed 16 passed once (session 8, 229 s).
    /// </summary>
    private const int Mutations = 2000;

    [Fact]
    public void Damaged_files_make_the_check_return_never_throw()
    {
        using var directory = new TempDirectory();
        string valid = directory.File("valid.parquet");
        ParquetFiles.Write(valid, [.. Enumerable.Range(0, 2).Select(group => Enumerable.Range(0, 300)
            .Select(i => ((long)i, i % 7 == 0 ? null : $"第{i}行", i % 5 == 0 ? null : $"标题 {group}"))
            .ToArray())], dataPageSize: 256);
        byte[] bytes = File.ReadAllBytes(valid);
        string damaged = directory.File("damaged.parquet");
        var random = new Random(15);
        int found = 0;
        for (int i = 0; i < Mutations; i++)
        {
            // Bytes overwritten (half of them in the footer, the last 400 bytes), and one copy in four cut short.
            byte[] copy = (byte[])bytes.Clone();
            for (int change = random.Next(1, 5); change > 0; change--)
            {
                int at = random.Next(2) == 0 ? random.Next(copy.Length) : copy.Length - 1 - random.Next(Math.Min(400, copy.Length));
                copy[at] = (byte)random.Next(256);
            }

            File.WriteAllBytes(damaged, copy.AsSpan(0, random.Next(4) == 0 ? random.Next(copy.Length) : copy.Length));
            found += PageSizeCheck.Find(damaged) is null ? 0 : 1;
        }

        // Some damage makes a page overflow its chunk; most does not, or cannot be followed.
        Assert.InRange(found, 1, Mutations - 1);
    }

    [Theory]
    [InlineData("hang-00.parquet", "convert")]
    [InlineData("hang-00.parquet", "detect")]
    [InlineData("hang-01.parquet", "convert")]
    [InlineData("hang-01.parquet", "detect")]
    public async Task A_page_larger_than_its_column_chunk_is_a_one_line_error_in_little_memory(string file, string command)
    {
        if (!File.Exists("/usr/bin/time"))
        {
            Assert.Skip("GNU time (/usr/bin/time, Debian package time) is needed to measure the peak resident set");
        }

        using var directory = new TempDirectory();
        string rss = directory.File("rss.txt");
        string[] arguments = command == "convert"
            ? ["convert", "-c", "s2t", "--format", "parquet", "--field", "text", FuzzFile(file), "-o", directory.File("out.parquet")]
            : ["detect", "--format", "parquet", "--field", "text", FuzzFile(file)];
        var start = new ProcessStartInfo("/usr/bin/time")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])["-f", "%M", "-o", rss, "dotnet", s_tool, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        Task<string> stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        string error = await stderr;
        await stdout;

        Assert.True(process.ExitCode == 2, error);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("damaged Parquet file", error, StringComparison.Ordinal);
        Assert.Contains("column chunk", error, StringComparison.Ordinal);
        // GNU time writes "Command exited with non-zero status 2" first, then the format.
        long peak = long.Parse(File.ReadAllLines(rss)[^1], CultureInfo.InvariantCulture);
        Assert.True(peak < MaxPeakKilobytes, $"peak resident set {peak} KB, bound {MaxPeakKilobytes} KB");
    }
}
