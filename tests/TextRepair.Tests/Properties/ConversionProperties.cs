using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TextRepair.Conversion;

namespace TextRepair.Tests.Properties;

public sealed class ConversionProperties
{
    private static readonly TableCache s_scannedTables = new(usePrebuilt: true);
    private static readonly ConcurrentDictionary<string, ConversionPipeline> s_scanned = new(StringComparer.Ordinal);

    private static readonly Arbitrary<(string Config, string Text)> s_configAndText =
        ConversionText.Config.SelectMany(_ => ConversionText.Text, (config, text) => (config, text)).ToArbitrary();

    private static readonly Arbitrary<(string Config, string Text, int[] Cuts)> s_split =
        ConversionText.Config
            .SelectMany(_ => ConversionText.Text, (config, text) => (config, text))
            .SelectMany(ct => ConversionText.Cuts(ct.text.Length), (ct, cuts) => (ct.config, ct.text, cuts))
            .ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Convert_EqualsTheReferenceEngine() =>
        Prop.ForAll(s_configAndText, input =>
            ChineseConverter.Get(input.Config).Convert(input.Text) == ConversionText.Reference(input.Config, input.Text));

    [Property(MaxTest = 300)]
    public Property Convert_WithTheScanTablesBuilt_EqualsTheReferenceEngine() =>
        Prop.ForAll(s_configAndText, input =>
        {
            // Short text goes through tables without their start filter or pair entries (built only after about a
            // million units, see StageTable.Scan.cs); these pipelines have them built.
            ConversionPipeline pipeline = s_scanned.GetOrAdd(input.Config, name =>
            {
                ConversionPipeline created = ConversionPipeline.Create(OpenCcConfig.Load(name), includeTofuRisk: true, s_scannedTables);
                foreach (StageTable table in created.StageTables)
                {
                    table.PrepareScanTables();
                }

                return created;
            });
            char[] destination = new char[pipeline.MaxOutputLength(input.Text.Length) + 1];
            int written = pipeline.ConvertFinal(input.Text, destination);
            return new string(destination, 0, written) == ConversionText.Reference(input.Config, input.Text);
        });

    [Property(MaxTest = 300)]
    public Property Convert_AnyString_EqualsTheReferenceEngine(string? text) =>
        Prop.ForAll(ConversionText.Config.ToArbitrary(), config =>
            ChineseConverter.Get(config).Convert(text ?? string.Empty) == ConversionText.Reference(config, text ?? string.Empty));

    [Property(MaxTest = 300)]
    public Property SpanApi_AnySplitIntoBlocks_GivesTheWholeTextResult() =>
        Prop.ForAll(s_split, input =>
        {
            ChineseConverter converter = ChineseConverter.Get(input.Config);
            return Streamed(converter, ConversionText.Split(input.Text, input.Cuts), destinationLength: null) == converter.Convert(input.Text);
        });

    [Property(MaxTest = 200)]
    public Property SpanApi_SmallDestinations_ResumeToTheWholeTextResult() =>
        Prop.ForAll(s_split, Gen.Choose(1, 64).ToArbitrary(), (input, destinationLength) =>
        {
            ChineseConverter converter = ChineseConverter.Get(input.Config);
            return Streamed(converter, ConversionText.Split(input.Text, input.Cuts), destinationLength) == converter.Convert(input.Text);
        });

    [Property(MaxTest = 200)]
    public Property Utf8Api_AnySplitOfTheBytes_GivesTheWholeTextResult() =>
        Prop.ForAll(s_split, Gen.Choose(4, 200).ToArbitrary(), (input, destinationLength) =>
        {
            // UTF-8 cannot carry lone surrogates; replace them as any encoder would.
            string text = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(input.Text));
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            int[] cuts = input.Cuts.Select(c => (int)((long)c * bytes.Length / Math.Max(1, input.Text.Length))).ToArray();
            ChineseConverter converter = ChineseConverter.Get(input.Config);
            byte[] expected = Encoding.UTF8.GetBytes(converter.Convert(text));
            return StreamedUtf8(converter, bytes, cuts, destinationLength).AsSpan().SequenceEqual(expected);
        });

    [Property(MaxTest = 100)]
    public Property TextReaderApi_GivesTheWholeTextResult() =>
        Prop.ForAll(s_configAndText, Gen.Choose(1, 50).ToArbitrary(), (input, readSize) =>
        {
            ChineseConverter converter = ChineseConverter.Get(input.Config);
            using var reader = new ChunkedReader(input.Text, readSize);
            using var writer = new StringWriter();
            converter.Convert(reader, writer);
            return writer.ToString() == converter.Convert(input.Text);
        });

    [Property(MaxTest = 300)]
    public Property Utf8Api_ArbitraryBytes_NeverThrowsAndReportsConsistentCounts(byte[]? bytes, bool isFinalBlock) =>
        Prop.ForAll(ConversionText.Config.ToArbitrary(), config =>
        {
            bytes ??= [];
            ChineseConverter converter = ChineseConverter.Get(config);
            byte[] destination = new byte[converter.GetMaxConvertedUtf8Length(bytes.Length)];
            OperationStatus status = converter.ConvertUtf8(bytes, destination, out int consumed, out int written, isFinalBlock);
            bool valid = Encoding.UTF8.GetCharCount(bytes) >= 0 && consumed >= 0 && consumed <= bytes.Length && written <= destination.Length;
            return status switch
            {
                OperationStatus.Done => valid && consumed == bytes.Length,
                OperationStatus.InvalidData => valid && consumed < bytes.Length && System.Text.Unicode.Utf8.IsValid(bytes.AsSpan(0, consumed)),
                OperationStatus.NeedMoreData => valid && !isFinalBlock,
                _ => false,
            };
        });

    /// <summary>Feeds chunks the way a streaming caller does: unconsumed input is carried into the next call.</summary>
    internal static string Streamed(ChineseConverter converter, List<string> chunks, int? destinationLength)
    {
        var output = new StringBuilder();
        string pending = string.Empty;
        for (int i = 0; i < chunks.Count; i++)
        {
            bool final = i == chunks.Count - 1;
            pending += chunks[i];
            int size = destinationLength ?? converter.GetMaxConvertedLength(pending.Length);
            while (true)
            {
                char[] destination = new char[size];
                OperationStatus status = converter.Convert(pending, destination, out int consumed, out int written, final);
                output.Append(destination, 0, written);
                pending = pending.Substring(consumed);
                if (status == OperationStatus.DestinationTooSmall)
                {
                    if (consumed == 0)
                    {
                        size *= 2;
                    }

                    continue;
                }

                if (status == OperationStatus.NeedMoreData && final)
                {
                    throw new InvalidOperationException("NeedMoreData on the final block.");
                }

                break;
            }
        }

        if (pending.Length != 0)
        {
            throw new InvalidOperationException("Input left over after the final block.");
        }

        return output.ToString();
    }

    internal static byte[] StreamedUtf8(ChineseConverter converter, byte[] bytes, int[] cuts, int destinationLength)
    {
        var output = new List<byte>();
        var pending = new List<byte>();
        int previous = 0;
        int[] ends = [.. cuts, bytes.Length];
        for (int i = 0; i < ends.Length; i++)
        {
            bool final = i == ends.Length - 1;
            pending.AddRange(bytes.AsSpan(previous, ends[i] - previous).ToArray());
            previous = ends[i];
            int size = destinationLength;
            while (true)
            {
                byte[] destination = new byte[size];
                OperationStatus status = converter.ConvertUtf8(pending.ToArray(), destination, out int consumed, out int written, final);
                output.AddRange(destination.AsSpan(0, written).ToArray());
                pending.RemoveRange(0, consumed);
                if (status == OperationStatus.DestinationTooSmall)
                {
                    if (consumed == 0)
                    {
                        size *= 2;
                    }

                    continue;
                }

                if (status != OperationStatus.Done && (final || status != OperationStatus.NeedMoreData))
                {
                    throw new InvalidOperationException($"Unexpected {status}.");
                }

                break;
            }
        }

        return [.. output];
    }

    /// <summary>A reader that returns at most a few characters per call.</summary>
    private sealed class ChunkedReader(string text, int readSize) : TextReader
    {
        private int _position;

        public override int Read(char[] buffer, int index, int count)
        {
            int n = Math.Min(Math.Min(count, readSize), text.Length - _position);
            text.CopyTo(_position, buffer, index, n);
            _position += n;
            return n;
        }
    }
}
