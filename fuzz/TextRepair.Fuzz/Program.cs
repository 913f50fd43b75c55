using System.Buffers;
using System.Text;
using Encoding = System.Text.Encoding;
using ParquetSharp;
using SharpFuzz;
using TextRepair.Cli;
using TextRepair.Cli.Commands;
using TextRepair.Cli.Corpora;
using TextRepair.Cli.IO;
using TextRepair.Cli.Jsonl;
using TextRepair.Cli.Parquet;

namespace TextRepair.Fuzz;

/// <summary>
/// AFL++ harnesses (SharpFuzz): <c>TextRepair.Fuzz HARNESS</c> reads one input at a time from afl-fuzz (or a file given
/// as the second argument, to replay a crash). Any exception that escapes is a crash: bad input must give a defined
/// result (a status, a report, a CLI error), never an exception from inside.
/// </summary>
internal static class Program
{
    public static readonly string[] Harnesses = ["convert", "convert-utf8", "repair", "analyze", "jsonl", "parquet"];

    private static int Main(string[] args)
    {
        if (args.Length == 0 || !Harnesses.Contains(args[0]))
        {
            Console.Error.WriteLine($"usage: TextRepair.Fuzz {string.Join('|', Harnesses)} [INPUT_FILE]; TextRepair.Fuzz parquet --write-seed FILE");
            return 2;
        }

        if (args[0] == "parquet" && args.Length > 2 && args[1] == "--write-seed")
        {
            WriteParquetSeed(args[2]);
            return 0;
        }

        Action<byte[]> harness = Get(args[0]);
        if (args.Length > 1)
        {
            harness(File.ReadAllBytes(args[1]));
            return 0;
        }

        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            harness(memory.ToArray());
        });
        return 0;
    }

    public static Action<byte[]> Get(string name) => name switch
    {
        "convert" => Convert,
        "convert-utf8" => ConvertUtf8,
        "repair" => Repair,
        "analyze" => data => TextAnalyzer.Analyze(Text(data)),
        "jsonl" => JsonLines,
        "parquet" => ParquetFile,
        _ => throw new ArgumentException($"unknown harness {name}", nameof(name)),
    };

    private static string Text(byte[] data) => Encoding.UTF8.GetString(data);

    /// <summary>The first byte picks the config; the string result must equal the span API's, block by block.</summary>
    private static void Convert(byte[] data)
    {
        if (data.Length == 0)
        {
            return;
        }

        ChineseConverter converter = ChineseConverter.Get(ChineseConverter.Configs[data[0] % ChineseConverter.Configs.Count]);
        string text = Text(data.AsSpan(1).ToArray());
        string whole = converter.Convert(text);
        var destination = new char[converter.GetMaxConvertedLength(text.Length)];
        OperationStatus status = converter.Convert(text, destination, out int consumed, out int written, isFinalBlock: true);
        if (status != OperationStatus.Done || consumed != text.Length || !destination.AsSpan(0, written).SequenceEqual(whole))
        {
            throw new InvalidOperationException($"span API differs from the string API: {status}, {consumed}/{text.Length}");
        }
    }

    /// <summary>Any bytes: Done, or InvalidData at the first invalid byte; never an exception or DestinationTooSmall.</summary>
    private static void ConvertUtf8(byte[] data)
    {
        if (data.Length == 0)
        {
            return;
        }

        ChineseConverter converter = ChineseConverter.Get(ChineseConverter.Configs[data[0] % ChineseConverter.Configs.Count]);
        ReadOnlySpan<byte> source = data.AsSpan(1);
        var destination = new byte[converter.GetMaxConvertedUtf8Length(source.Length)];
        OperationStatus status = converter.ConvertUtf8(source, destination, out int consumed, out _, isFinalBlock: true);
        bool valid = System.Text.Unicode.Utf8.IsValid(source);
        if ((valid && (status != OperationStatus.Done || consumed != source.Length)) || (!valid && status != OperationStatus.InvalidData))
        {
            throw new InvalidOperationException($"ConvertUtf8 returned {status} after {consumed} of {source.Length} bytes (valid UTF-8: {valid})");
        }
    }

    /// <summary>Repair never throws, and its edits applied to the input give its text (the documented law).</summary>
    private static void Repair(byte[] data)
    {
        string text = Text(data);
        RepairResult result = TextRepairer.Repair(text);
        var builder = new StringBuilder();
        int position = 0;
        foreach (RepairEdit edit in result.Edits.OrderBy(edit => edit.Start))
        {
            builder.Append(text, position, edit.Start - position).Append(edit.Replacement);
            position = edit.Start + edit.Length;
        }

        builder.Append(text, position, text.Length - position);
        if (builder.ToString() != result.Text)
        {
            throw new InvalidOperationException("the edits applied to the input do not give the repaired text");
        }
    }

    /// <summary>The JSONL processor over any lines: bad lines are passed through, never a failure or a library fault.</summary>
    private static void JsonLines(byte[] data)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(Text(data));
        var lines = new JsonLinesProcessor(new RepairProcessor(RepairOptions.Default), "text", report: true, skipInvalid: true);
        using BlockResult result = lines.ProcessBlock(utf8, new PooledBuffer(utf8.Length + 256), new RunStats(), utf8.Length);
        if (result.Failure is { } failure)
        {
            throw new InvalidOperationException("the JSONL processor failed", failure);
        }

        if (result.Faults is { Count: > 0 } faults)
        {
            throw new InvalidOperationException($"the library failed on a record: {faults[0].Message}");
        }
    }

    /// <summary>Any file given as Parquet: a CLI error (exit code 2) or a result, nothing else.</summary>
    private static void ParquetFile(byte[] data)
    {
        string path = Path.Combine(Path.GetTempPath(), $"textrepair-fuzz-{Environment.ProcessId}.parquet");
        File.WriteAllBytes(path, data);
        try
        {
            string field = FirstStringColumn(path) ?? "text";
            var settings = new RunSettings { Field = field, Report = true };
            var runner = new ParquetRunner(
                settings, RecordMode.Transform(new RepairProcessor(RepairOptions.Default)), new RunStats(), new RecordFaults(null));
            using var output = new MemoryStream();
            runner.Process(InputSource.Resolve([path], recursive: false, new WalkOptions())[0], output);
        }
        catch (CliException exception) when (exception.ExitCode == ExitCodes.BadInput)
        {
            // Not Parquet, damaged, or no string column: the tool says so in one line.
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A small uncompressed file (an id, a nullable text, two row groups): the seed of the Parquet harness.</summary>
    private static void WriteParquetSeed(string path)
    {
        using var writer = new ParquetFileWriter(path, [new Column<long>("id"), new Column<string?>("text")], Compression.Uncompressed);
        foreach (string?[] texts in new[] { new[] { "发展(fā zhǎn)经济,", null }, new[] { "後來" } })
        {
            using RowGroupWriter group = writer.AppendRowGroup();
            using (LogicalColumnWriter<long> ids = group.NextColumn().LogicalWriter<long>())
            {
                ids.WriteBatch(Enumerable.Range(0, texts.Length).Select(i => (long)i).ToArray());
            }

            using (LogicalColumnWriter<string?> values = group.NextColumn().LogicalWriter<string?>())
            {
                values.WriteBatch(texts);
            }

            group.Close();
        }

        writer.Close();
    }

    private static string? FirstStringColumn(string path)
    {
        try
        {
            using var reader = new ParquetFileReader(path);
            for (int i = 0; i < reader.FileMetaData.Schema.NumColumns; i++)
            {
                ColumnDescriptor column = reader.FileMetaData.Schema.Column(i);
                try
                {
                    if (column.LogicalType is StringLogicalType)
                    {
                        return column.Path.ToDotString();
                    }
                }
                catch (ArgumentOutOfRangeException)
                {
                    // ParquetSharp does not know the column's logical type: the runner must say so in one line.
                    return column.Path.ToDotString();
                }
            }
        }
        catch (ParquetException)
        {
            // The runner reports it.
        }

        return null;
    }
}
