// Usage: gen OUT SIZE_MB SEEDFILE (a Snappy file: id INT64, text and url strings, 50,000 rows per group, text cut
// at random from SEEDFILE); sharp IN OUT / net IN OUT (the round trip with ParquetSharp / Parquet.Net); tojsonl IN OUT.
using System.Diagnostics;
using System.Text;
using ParquetSharp;

string mode = args[0];
var watch = Stopwatch.StartNew();
if (mode == "gen")
{
    string text = File.ReadAllText(args[3]);
    long target = long.Parse(args[2]) << 20;
    var rnd = new Random(42);
    const int rowsPerGroup = 50_000;
    var cols = new Column[] { new Column<long>("id"), new Column<string>("text"), new Column<string>("url") };
    using var writer = new ParquetFileWriter(args[1], cols, Compression.Snappy);
    long id = 0;
    while (new FileInfo(args[1]).Length < target)
    {
        var ids = new long[rowsPerGroup]; var texts = new string[rowsPerGroup]; var urls = new string[rowsPerGroup];
        for (int i = 0; i < rowsPerGroup; i++)
        {
            int len = rnd.Next(200, 1500); int start = rnd.Next(0, text.Length - len);
            ids[i] = id++; texts[i] = text.Substring(start, len); urls[i] = "https://example.org/" + rnd.Next();
        }
        using var rg = writer.AppendRowGroup();
        using (var w = rg.NextColumn().LogicalWriter<long>()) w.WriteBatch(ids);
        using (var w = rg.NextColumn().LogicalWriter<string>()) w.WriteBatch(texts);
        using (var w = rg.NextColumn().LogicalWriter<string>()) w.WriteBatch(urls);
        rg.Close();
    }
    writer.Close();
}
else if (mode == "sharp")
{
    using var reader = new ParquetFileReader(args[1]);
    var cols = new Column[] { new Column<long>("id"), new Column<string>("text"), new Column<string>("url") };
    using var writer = new ParquetFileWriter(args[2], cols, Compression.Snappy);
    long chars = 0;
    for (int g = 0; g < reader.FileMetaData.NumRowGroups; g++)
    {
        using var rgr = reader.RowGroup(g);
        int n = checked((int)rgr.MetaData.NumRows);
        long[] ids; string[] texts; string[] urls;
        using (var r = rgr.Column(0).LogicalReader<long>()) ids = r.ReadAll(n);
        using (var r = rgr.Column(1).LogicalReader<string>()) texts = r.ReadAll(n);
        using (var r = rgr.Column(2).LogicalReader<string>()) urls = r.ReadAll(n);
        foreach (var t in texts) chars += t.Length;
        using var rg = writer.AppendRowGroup();
        using (var w = rg.NextColumn().LogicalWriter<long>()) w.WriteBatch(ids);
        using (var w = rg.NextColumn().LogicalWriter<string>()) w.WriteBatch(texts);
        using (var w = rg.NextColumn().LogicalWriter<string>()) w.WriteBatch(urls);
        rg.Close();
    }
    writer.Close();
    Console.WriteLine($"chars {chars}");
}
else if (mode == "tojsonl")
{
    using var reader = new ParquetFileReader(args[1]);
    using var output = new StreamWriter(args[2], false, new System.Text.UTF8Encoding(false));
    var options = new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    for (int g = 0; g < reader.FileMetaData.NumRowGroups; g++)
    {
        using var rgr = reader.RowGroup(g);
        int n = checked((int)rgr.MetaData.NumRows);
        long[] ids; string[] texts; string[] urls;
        using (var r = rgr.Column(0).LogicalReader<long>()) ids = r.ReadAll(n);
        using (var r = rgr.Column(1).LogicalReader<string>()) texts = r.ReadAll(n);
        using (var r = rgr.Column(2).LogicalReader<string>()) urls = r.ReadAll(n);
        for (int i = 0; i < n; i++)
        {
            output.Write("{\"id\":"); output.Write(ids[i]); output.Write(",\"text\":");
            output.Write(System.Text.Json.JsonSerializer.Serialize(texts[i], options)); output.Write(",\"url\":");
            output.Write(System.Text.Json.JsonSerializer.Serialize(urls[i], options)); output.Write("}\n");
        }
    }
}
else if (mode == "net")
{
    await using var reader = await Parquet.ParquetReader.CreateAsync(args[1]);
    var fields = reader.Schema.DataFields;
    await using var stream = File.Create(args[2]);
    await using var writer = await Parquet.ParquetWriter.CreateAsync(reader.Schema, stream, new Parquet.ParquetOptions { CompressionMethod = Parquet.CompressionMethod.Snappy });
    long chars = 0;
    for (int g = 0; g < reader.RowGroupCount; g++)
    {
        using var rgr = reader.OpenRowGroupReader(g);
        int n = checked((int)rgr.RowCount);
        var ids = new long?[n]; var texts = new string[n]; var urls = new string[n];
        await rgr.ReadAsync<long>(fields[0], ids.AsMemory());
        await rgr.ReadAsync(fields[1], texts.AsMemory());
        await rgr.ReadAsync(fields[2], urls.AsMemory());
        foreach (var t in texts) chars += t.Length;
        using var rg = writer.CreateRowGroup();
        await rg.WriteAsync<long>(fields[0], (ReadOnlyMemory<long?>)ids.AsMemory());
        await rg.WriteAsync(fields[1], texts);
        await rg.WriteAsync(fields[2], urls);
        rg.CompleteValidate();
    }
    Console.WriteLine($"chars {chars}");
}
Console.Error.WriteLine($"{mode}: {watch.Elapsed.TotalSeconds:F2} s");
