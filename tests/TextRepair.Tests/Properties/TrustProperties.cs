using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace TextRepair.Tests.Properties;

/// <summary>Laws of ambiguity reports, protected text and glossaries, over all 16 configs and random documents.</summary>
public sealed class TrustProperties
{
    // Protected pieces: markup around random text, and terms enclosed in a character that no dictionary and no run holds
    // (so a term matches exactly where it was put). Random text holds no '{', so runs never open markup.
    private static readonly Gen<(bool Markup, string Text)> s_protectedPiece =
        Gen.Frequency(
            (2, ConversionText.Text.Select(t => (true, t))),
            (1, ConversionText.Text.Select(t => (false, "\u03A9" + t.Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal)
                .Replace("\u0085", string.Empty, StringComparison.Ordinal).Replace("\u2028", string.Empty, StringComparison.Ordinal) + "\u03A9"))));

    private static readonly Arbitrary<(string Config, List<string> Runs, List<(bool Markup, string Text)> Protected)> s_documents =
        ConversionText.Config
            .SelectMany(_ => ConversionText.Text.Select(t => t.Replace("\u03A9", string.Empty, StringComparison.Ordinal)).ListOf(), (config, runs) => (config, runs))
            .SelectMany(cr => s_protectedPiece.ListOf(), (cr, pieces) => (cr.config, cr.runs.ToList(), pieces.ToList()))
            .ToArbitrary();

    private static readonly Arbitrary<(string Config, string Text)> s_configAndText =
        ConversionText.Config.SelectMany(_ => ConversionText.Text, (config, text) => (config, text)).ToArbitrary();

    [Property(MaxTest = 200)]
    public Property AmbiguityOption_NeverChangesTheOutput() =>
        Prop.ForAll(s_configAndText, input =>
        {
            ChineseConverter converter = ChineseConverter.Get(input.Config);
            var ambiguities = new List<ConversionAmbiguity>();
            string reported = converter.Convert(input.Text, ambiguities);
            string output = converter.Convert(input.Text);
            bool inBounds = ambiguities.All(a => a.SourceStart >= 0 && a.SourceStart + a.SourceLength <= input.Text.Length
                && a.OutputStart >= 0 && a.OutputStart + a.OutputLength <= output.Length && a.Alternatives.Count > 1);
            bool sorted = ambiguities.Zip(ambiguities.Skip(1)).All(p => p.First.SourceStart <= p.Second.SourceStart);
            return reported == output && inBounds && sorted;
        });

    // 500 cases: a mutation that shifted the cached uses by one unit was found after 179.
    [Property(MaxTest = 500)]
    public Property AmbiguityReport_ThroughThePhraseCache_EqualsStageByStage() =>
        Prop.ForAll(s_configAndText, input =>
        {
            var pipeline = ChineseConverter.Get(input.Config).Pipeline;
            char[] cached = new char[pipeline.MaxOutputLength(input.Text.Length) + 1];
            char[] staged = new char[cached.Length];
            var cachedSink = new OffsetSink();
            var stagedSink = new OffsetSink();
            int cachedLength = pipeline.ConvertFinalTracked(input.Text, cached, cachedSink, 0, 0, composePhrases: true);
            int stagedLength = pipeline.ConvertFinalTracked(input.Text, staged, stagedSink, 0, 0, composePhrases: false);
            return cached.AsSpan(0, cachedLength).SequenceEqual(staged.AsSpan(0, stagedLength))
                && cachedSink.Items.Select(Fields).SequenceEqual(stagedSink.Items.Select(Fields));

            static (int, int, int, int, string, string, string) Fields(ConversionAmbiguity a) =>
                (a.SourceStart, a.SourceLength, a.OutputStart, a.OutputLength, a.Key, a.Dictionary, string.Join(' ', a.Alternatives));
        });

    [Property(MaxTest = 100)]
    public Property AmbiguityOption_SpanApiInBlocks_GivesTheWholeTextReport() =>
        Prop.ForAll(s_configAndText, Gen.Choose(1, 40).ToArbitrary(), (input, blockLength) =>
        {
            ChineseConverter converter = ChineseConverter.Get(input.Config);
            var whole = new List<ConversionAmbiguity>();
            string expected = converter.Convert(input.Text, whole);

            var sink = new OffsetSink();
            var output = new StringBuilder();
            char[] destination = new char[converter.GetMaxConvertedLength(input.Text.Length + blockLength)];
            string pending = string.Empty;
            int sourceOffset = 0;
            for (int start = 0; start <= input.Text.Length; start += blockLength)
            {
                bool final = start + blockLength >= input.Text.Length;
                pending += input.Text.Substring(start, Math.Min(blockLength, input.Text.Length - start));
                sink.SourceOffset = sourceOffset;
                sink.OutputOffset = output.Length;
                converter.ConvertReportingAmbiguities(pending, destination, out int consumed, out int written, sink, final);
                output.Append(destination, 0, written);
                pending = pending.Substring(consumed);
                sourceOffset += consumed;
                if (final)
                {
                    break;
                }
            }

            return output.ToString() == expected
                && sink.Items.Select(a => (a.SourceStart, a.OutputStart, a.Key)).SequenceEqual(whole.Select(a => (a.SourceStart, a.OutputStart, a.Key)));
        });

    [Property(MaxTest = 200)]
    public Property ProtectedSpans_AreIdenticalInTheOutput() =>
        Prop.ForAll(s_documents, document =>
        {
            var terms = document.Protected.Where(p => !p.Markup && p.Text.Length > 0).Select(p => p.Text).ToList();
            ChineseConverter plain = ChineseConverter.Get(document.Config);
            ChineseConverter converter = plain.WithProtection(ProtectedText.Markup, terms);
            var input = new StringBuilder();
            var expected = new StringBuilder();
            var run = new StringBuilder();
            for (int i = 0; i < Math.Max(document.Runs.Count, document.Protected.Count); i++)
            {
                // Consecutive runs (once the protected pieces are used up) are one run.
                run.Append(i < document.Runs.Count ? document.Runs[i] : string.Empty);
                if (i < document.Protected.Count)
                {
                    (bool markup, string text) = document.Protected[i];
                    input.Append(run).Append(markup ? "-{" + text + "}-" : text);
                    expected.Append(plain.Convert(run.ToString())).Append(text);
                    run.Clear();
                }
            }

            input.Append(run);
            expected.Append(plain.Convert(run.ToString()));
            string actual = converter.Convert(input.ToString());
            return actual == expected.ToString();
        });

    [Property(MaxTest = 100)]
    public Property ProtectedText_SpanApiInBlocks_GivesTheWholeTextResult() =>
        Prop.ForAll(s_configAndText, Gen.Choose(1, 40).ToArbitrary(), (input, blockLength) =>
        {
            ChineseConverter converter = ChineseConverter.Get(input.Config)
                .WithProtection(ProtectedText.Markup | ProtectedText.Urls | ProtectedText.Paths | ProtectedText.EmailAddresses | ProtectedText.Kana);
            string text = "-{" + input.Text + "}-" + input.Text + " http://x.cn/" + input.Text + "\n" + input.Text;
            using var reader = new ChunkedReader(text, blockLength);
            using var writer = new StringWriter();
            converter.Convert(reader, writer);
            return writer.ToString() == converter.Convert(text);
        });

    [Property(MaxTest = 200)]
    public Property Glossary_WinsByLeftmostLongestMatchOverEveryStage() =>
        Prop.ForAll(s_configAndText, ConversionText.Text.ListOf().ToArbitrary(), (input, keys) =>
        {
            var glossary = keys.Where(k => k.Length > 0).Distinct().Select((k, i) => new KeyValuePair<string, string>(k, "\u3010" + i + "\u3011")).ToList();
            ChineseConverter plain = ChineseConverter.Get(input.Config);
            ChineseConverter converter = plain.WithPhrases(glossary);
            return converter.Convert(input.Text) == Reference(plain, glossary, input.Text);
        });

    /// <summary>The glossary's rule spelled out: the longest glossary key at the leftmost position is written verbatim; the rest converts on its own.</summary>
    private static string Reference(ChineseConverter plain, List<KeyValuePair<string, string>> glossary, string text)
    {
        var output = new StringBuilder();
        int runStart = 0;
        int i = 0;
        while (i < text.Length)
        {
            KeyValuePair<string, string> best = glossary.Where(g => text.AsSpan(i).StartsWith(g.Key, StringComparison.Ordinal)).OrderByDescending(g => g.Key.Length).FirstOrDefault();
            if (best.Key is null)
            {
                i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                continue;
            }

            output.Append(plain.Convert(text[runStart..i])).Append(best.Value);
            i += best.Key.Length;
            runStart = i;
        }

        return output.Append(plain.Convert(text[runStart..])).ToString();
    }

    private sealed class OffsetSink : IConversionAmbiguitySink
    {
        public int SourceOffset { get; set; }

        public int OutputOffset { get; set; }

        public List<ConversionAmbiguity> Items { get; } = [];

        public void Add(in ConversionAmbiguity ambiguity) => Items.Add(ambiguity.Offset(SourceOffset, OutputOffset));
    }

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
