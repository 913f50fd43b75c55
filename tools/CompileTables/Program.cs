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

    private static int Main(string[] args)
    {
        string output = args.Length > 0
            ? args[0]
            : Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "TextRepair", "Data", "OpenCC", "StageTables.zip");
        byte[] bytes = PrebuiltTables.Generate();
        TrackedZip.Write(output, EntryName, bytes);

        Console.WriteLine($"{Path.GetFullPath(output)}: {bytes.Length:N0} bytes, {new FileInfo(output).Length:N0} zipped");
        return 0;
    }
}
