using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TextRepair.Tests.Decoding;

namespace TextRepair.Tests.Properties;

/// <summary>
/// Laws of the encoding engine. Real text in every script (the evaluation's LibreOffice help) goes through random chains
/// of 1-3 layers (any true encoding, any wrong decoder), with lost bytes, a truncated end, and strict, replacing or
/// ignoring decoding: the repair never throws, its edits are sorted, do not overlap and reproduce the output, it never
/// splits a surrogate pair, writes no control character the input lacks and adds no line (but a line break of the bytes
/// under a last UTF-16 reader, see NeverText.AddsControls), and repairing the output again changes nothing. Symbol runs of every Unicode block found in CJK text never change.
/// </summary>
public sealed class EncodingProperties
{
    private static readonly string[] s_locales = ["zh-cn", "zh-tw", "ja", "ko", "de", "en-us"];
    private static readonly int[] s_writers = [65001, 936, 950, 932, 51932, 949, 1200, 1201];
    private static readonly int[] s_readers = [1252, 28591, 437, 850, 866, 10000, 1251, 936, 950, 932, 949, 65001, 1200];

    // Blocks of symbols that appear in CJK text: box drawing, block elements, geometric shapes, Latin-1 supplement,
    // general punctuation, CJK symbols and punctuation, full-width forms, arrows, mathematical operators, letterlike,
    // enclosed alphanumerics, misc technical, currency.
    private static readonly (char First, char Last)[] s_symbolBlocks =
    [
        ('\u2500', '\u257F'), ('\u2580', '\u259F'), ('\u25A0', '\u25FF'), ('\u00A1', '\u00FF'), ('\u2010', '\u205E'),
        ('\u3001', '\u303F'), ('\uFF01', '\uFF5E'), ('\u2190', '\u21FF'), ('\u2200', '\u22FF'), ('\u2100', '\u214F'),
        ('\u2460', '\u24FF'), ('\u2300', '\u23FF'), ('\u20A0', '\u20C0'),
    ];

    static EncodingProperties()
    {
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private static Arbitrary<(string Text, int[] Chain, int Damage, int Mode, int Seed)> Garbled() =>
        (from locale in Gen.Elements(s_locales)
         from index in Gen.Choose(0, 1000)
         from layers in Gen.Choose(1, 3)
         from chain in Gen.ArrayOf(Gen.Choose(0, (s_writers.Length * s_readers.Length) - 1), layers)
         from damage in Gen.Choose(0, 3)
         from mode in Gen.Choose(0, 2)
         from seed in Gen.Choose(0, int.MaxValue)
         let lines = EncodingEvaluationSet.Lines(locale)
         select (lines[index % lines.Count], chain, damage, mode, seed)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property RandomChains_NeverThrow_EditsReproduceTheOutput_AndRepairIsIdempotent() =>
        Prop.ForAll(Garbled(), g =>
        {
            string input = Garble(g.Text, g.Chain, g.Damage, g.Mode, new Random(g.Seed));

            // Read as UTF-16 last, a damaged byte that became a line feed or carriage return is a line break of the
            // bytes, paired with its neighbour into one character; the reading gives it back (NeverText.AddsControls).
            CheckLaws(input, linesMayBeRestored: s_readers[g.Chain[^1] % s_readers.Length] == 1200);
            return true;
        });

    private static Arbitrary<string> SymbolRuns() =>
        (from block in Gen.Elements(s_symbolBlocks)
         from c in Gen.Choose(block.First, block.Last)
         from length in Gen.Choose(2, 24)
         from context in Gen.Elements("", "第一章", "目录", "Chapter 1")
         where !char.IsLetter((char)c) || c < 0x100
         select context + new string((char)c, length) + context).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property SymbolRuns_OfEveryCjkBlock_NeverChange() =>
        Prop.ForAll(SymbolRuns(), text =>
        {
            RepairResult result = TextRepairer.Repair(text, new RepairOptions { Target = ScriptTarget.Keep });
            return ReferenceEquals(text, result.Text) && !result.Lossy && result.Edits.Count == 0;
        });

    [Property(MaxTest = 200)]
    public Property AnyString_NeverThrows_AndEditsReproduceTheOutput() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), s =>
        {
            CheckLaws(s ?? string.Empty);
            return true;
        });

    internal static void CheckLaws(string input, bool linesMayBeRestored = false)
    {
        var options = new RepairOptions { Target = ScriptTarget.Keep };
        RepairResult result = TextRepairer.Repair(input, options);
        int end = 0;
        foreach (RepairEdit edit in result.Edits)
        {
            Assert.True(edit.Start >= end && edit.End <= input.Length, $"edits overlap or leave the input at {edit.Start}");
            end = edit.End;
        }

        Assert.Equal(result.Text, SeedTests.Apply(input, result.Edits));
        Assert.True(!EncodingEvaluationSet.WellFormed(input) || EncodingEvaluationSet.WellFormed(result.Text), "a surrogate pair was split");
        Assert.True(NoControlsAddedTests.IndexOfAddedControl(result.Text, input) < 0, "a control character was added");
        Assert.True(linesMayBeRestored || result.Text.Count(c => c == '\n') <= input.Count(c => c == '\n'), "a line was added");
        RepairResult again = TextRepairer.Repair(result.Text, options);
        Assert.Equal(result.Text, again.Text);
    }

    // Applies the chain's layers (written in, read as), losing and truncating bytes on the way.
    private static string Garble(string text, int[] chain, int damage, int mode, Random random)
    {
        string current = text;
        foreach (int step in chain)
        {
            System.Text.Encoding writer = System.Text.Encoding.GetEncoding(s_writers[step / s_readers.Length]);
            int readerPage = s_readers[step % s_readers.Length];
            byte[] bytes = writer.GetBytes(current);
            if (damage == 1 && bytes.Length > 2)
            {
                bytes = bytes[..^1];
            }
            else if (damage == 2 && bytes.Length > 2)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }
            else if (damage == 3 && bytes.Length > 2)
            {
                int cut = random.Next(bytes.Length);
                bytes = [.. bytes[..cut], .. bytes[(cut + 1)..]];
            }

            current = mode switch
            {
                0 => TryStrict(readerPage, bytes) ?? System.Text.Encoding.GetEncoding(readerPage).GetString(bytes),
                1 => System.Text.Encoding.GetEncoding(readerPage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD")).GetString(bytes),
                _ => System.Text.Encoding.GetEncoding(readerPage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback(string.Empty)).GetString(bytes),
            };
        }

        return current;
    }

    private static string? TryStrict(int page, byte[] bytes)
    {
        try
        {
            return EncodingEvaluationSet.Strict(page).GetString(bytes);
        }
        catch (Exception e) when (e is DecoderFallbackException or ArgumentException)
        {
            return null;
        }
    }
}
