using TextRepair.Conversion;

namespace TextRepair.Tools;

/// <summary>
/// Compiles the OpenCC text dictionaries (src/TextRepair/Data/OpenCC/dictionary/*.txt) into the binary stage
/// tables the library reads in place (src/TextRepair/Data/OpenCC/StageTables.bin, format in PrebuiltTables.cs).
/// Run it after changing a dictionary, a config or the table builder, then rebuild the library:
/// <code>dotnet run -c Release --project tools/CompileTables [OUTPUT]</code>
/// The tables are built from the text dictionaries embedded in the library this tool references, never from the
/// previous binary. TextRepair.Tests (PrebuiltTablesTests) fails when the checked-in file differs from a fresh
/// generation.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        string output = args.Length > 0
            ? args[0]
            : Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "TextRepair", "Data", "OpenCC", "StageTables.bin");
        byte[] bytes = PrebuiltTables.Generate();
        File.WriteAllBytes(output, bytes);
        Console.WriteLine($"{Path.GetFullPath(output)}: {bytes.Length:N0} bytes");
        return 0;
    }
}
