using System.Buffers;

namespace TextRepair.Tests;

/// <summary>
/// Inputs the convert-utf8 fuzz harness (tools/fuzz.sh) reported as crashes, kept whatever the cause: the first byte
/// picks the config (as in the harness), the rest is converted; valid UTF-8 gives Done with every byte consumed,
/// invalid UTF-8 gives InvalidData, and the span result equals the string result.
/// </summary>
public sealed class FuzzConverterRegressionTests
{
    public static TheoryData<string> Crashes() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Data", "Fuzz", "convert-utf8")).Select(path => Path.GetFileName(path)).Order()];

    // crash-00.bin (AFL++ 4.04c, 2026-11-29, after 66,800 executions in one persistent process): the single byte "S" (a
    // config, nothing to convert). Replayed on its own, outside afl-fuzz, it does not fail: the crash depended on the
    // state of the persistent process or on the machine (load average above 30), and is kept here as it was found.
    [Theory]
    [MemberData(nameof(Crashes))]
    public void ConvertUtf8_on_a_fuzz_input_keeps_its_contract(string file)
    {
        byte[] data = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", "Fuzz", "convert-utf8", file));
        ChineseConverter converter = ChineseConverter.Get(ChineseConverter.Configs[data[0] % ChineseConverter.Configs.Count]);
        ReadOnlySpan<byte> source = data.AsSpan(1);
        var destination = new byte[converter.GetMaxConvertedUtf8Length(source.Length)];

        OperationStatus status = converter.ConvertUtf8(source, destination, out int consumed, out int written, isFinalBlock: true);

        if (System.Text.Unicode.Utf8.IsValid(source))
        {
            Assert.Equal(OperationStatus.Done, status);
            Assert.Equal(source.Length, consumed);
            string text = System.Text.Encoding.UTF8.GetString(source);
            Assert.Equal(converter.Convert(text), System.Text.Encoding.UTF8.GetString(destination, 0, written));
        }
        else
        {
            Assert.Equal(OperationStatus.InvalidData, status);
        }
    }
}
