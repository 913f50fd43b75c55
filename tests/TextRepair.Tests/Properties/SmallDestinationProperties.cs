using System.Buffers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace TextRepair.Tests.Properties;

/// <summary>
/// A caller with one fixed buffer (the System.Text.Unicode.Utf8 pattern: convert, flush, call again) gets the one-shot
/// result from any buffer of at least <see cref="ChineseConverter.MinimumDestinationLength"/>, however long the runs
/// without a line break, space or punctuation mark.
/// </summary>
public sealed class SmallDestinationProperties
{
    // Text with its breakers removed, repeated until it is several destinations long: one long run without a safe cut.
    private static readonly Arbitrary<(string Config, string Text, int Extra)> s_runs =
        ConversionText.Config
            .SelectMany(_ => ConversionText.Text.Where(t => t.Length > 0), (config, text) => (config, text))
            .SelectMany(_ => Gen.Choose(0, 96), (ct, extra) => (ct.config, ct.text, extra))
            .ToArbitrary();

    [Property(MaxTest = 150)]
    public Property FixedDestination_AtLeastTheMinimum_GivesTheOneShotResult() =>
        Prop.ForAll(s_runs, input =>
        {
            ChineseConverter converter = ChineseConverter.Get(input.Config);
            int size = converter.MinimumDestinationLength + input.Extra;
            string text = LongRun(converter, input.Text, 3 * size);
            if (text.Length == 0)
            {
                return true;
            }

            Assert.Equal(converter.Convert(text), Looped(converter, text, size));
            Assert.Equal(Encoding.UTF8.GetBytes(converter.Convert(text)), LoopedUtf8(converter, Encoding.UTF8.GetBytes(text), 3 * size));
            return true;
        });

    [Fact]
    public void FixedDestination_OneUnitShortOfARun_MakesProgress()
    {
        // The tester's case: 4,000 units without punctuation through a 3,999-unit buffer never advanced.
        ChineseConverter converter = ChineseConverter.Get("s2twp");
        string text = string.Concat(Enumerable.Repeat("软件", 2000));

        Assert.Equal(converter.Convert(text), Looped(converter, text, 3999));
        Assert.Equal(Encoding.UTF8.GetBytes(converter.Convert(text)), LoopedUtf8(converter, Encoding.UTF8.GetBytes(text), 3 * 3999));
    }

    [Fact]
    public void MinimumDestinationLength_IsSmallAndCoversTheLongestKey()
    {
        foreach (string config in ChineseConverter.Configs)
        {
            ChineseConverter converter = ChineseConverter.Get(config);
            Assert.InRange(converter.MinimumDestinationLength, 129, 1024);
            Assert.Equal(converter.MinimumDestinationLength, ChineseConverter.Get(config).MinimumDestinationLength);
        }
    }

    [Fact]
    public void DestinationTooSmallForAnyExactPrefix_ConsumesNothing()
    {
        // 鼠标 becomes 滑鼠 as a whole: no prefix converts on its own into one unit.
        OperationStatus status = ChineseConverter.Get("s2twp").Convert("鼠标", new char[1], out int consumed, out int written);

        Assert.Equal(OperationStatus.DestinationTooSmall, status);
        Assert.Equal(0, consumed);
        Assert.Equal(0, written);
    }

    private static string LongRun(ChineseConverter converter, string text, int length)
    {
        string run = string.Concat(text.Where(c => !converter.Pipeline.IsBreaker(c)));
        if (run.Length == 0)
        {
            return run;
        }

        var builder = new StringBuilder(run);
        while (builder.Length < length)
        {
            builder.Append(run);
        }

        return builder.ToString();
    }

    private static string Looped(ChineseConverter converter, string text, int size)
    {
        char[] destination = new char[size];
        var output = new StringBuilder();
        int position = 0;
        while (true)
        {
            OperationStatus status = converter.Convert(text.AsSpan(position), destination, out int consumed, out int written);
            output.Append(destination, 0, written);
            position += consumed;
            if (status == OperationStatus.Done)
            {
                return output.ToString();
            }

            Assert.Equal(OperationStatus.DestinationTooSmall, status);
            Assert.True(consumed > 0 && written > 0, $"no progress at {position} of {text.Length} with {size} units");
        }
    }

    private static byte[] LoopedUtf8(ChineseConverter converter, byte[] bytes, int size)
    {
        byte[] destination = new byte[size];
        var output = new List<byte>();
        int position = 0;
        while (true)
        {
            OperationStatus status = converter.ConvertUtf8(bytes.AsSpan(position), destination, out int consumed, out int written);
            output.AddRange(destination.AsSpan(0, written).ToArray());
            position += consumed;
            if (status == OperationStatus.Done)
            {
                return [.. output];
            }

            Assert.Equal(OperationStatus.DestinationTooSmall, status);
            Assert.True(consumed > 0 && written > 0, $"no progress at byte {position} of {bytes.Length} with {size} bytes");
        }
    }
}
