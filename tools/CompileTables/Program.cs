using System.IO.Compression;
using TextRepair.Conversion;

namespace TextRepair.Tools;

/// <summary>
/// Compiles the OpenCC text dictionaries (src/TextRepair/Data/OpenCC/dictionary/*.txt) into the binary stage
/// tables the library reads in place (format in PrebuiltTables.cs) and stores them as one Deflate zip entry,
/// src/TextRepair/Data/OpenCC/StageTables.zip; the library's build extracts it into obj/ and embeds it uncompressed.
/// Run it after changing a dictionary, a config or the table builder, then rebuild the library:
/// <code>dotnet run -c Release --project tools/CompileTables [OUTPUT.zip]</code>
/// The tables are built from the text dictionaries embedded in the library this tool references, never from the
/// previous binary. TextRepair.Tests (PrebuiltTablesTests) fails when the embedded file differs from a fresh
/// generation.
/// </summary>
internal static class Program
{
    /// <summary>The name of the one entry in the zip.</summary>
    private const string EntryName = "StageTables.bin";

    /// <summary>A fixed entry time stamp, so that the same tables give the same zip bytes.</summary>
    private static readonly DateTimeOffset s_entryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static int Main(string[] args)
    {
        string output = args.Length > 0
            ? args[0]
            : Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "TextRepair", "Data", "OpenCC", "StageTables.zip");
        byte[] bytes = PrebuiltTables.Generate();
        using (var file = new FileStream(output, FileMode.Create, FileAccess.Write))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            ZipArchiveEntry entry = zip.CreateEntry(EntryName, CompressionLevel.SmallestSize);
            entry.LastWriteTime = s_entryTime;
            using Stream stream = entry.Open();
            stream.Write(bytes);
        }

        Console.WriteLine($"{Path.GetFullPath(output)}: {bytes.Length:N0} bytes, {new FileInfo(output).Length:N0} zipped");
        return 0;
    }
}
