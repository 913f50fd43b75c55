using System.IO.Compression;
using TextRepair.Analysis.Language;
using TextRepair.Internal;
using TextRepair.Tests.Decoding;
using TextRepair.Tools;

namespace TextRepair.Tests;

/// <summary>
/// The embedded image of the language models (Data/Language/charlm.image) against the trainer's output it is compiled
/// from (Data/Language/charlm.bin) and against the loader of session 14, which read charlm.bin itself.
/// </summary>
public sealed class LanguageModelImageTests
{
    // Random pairs compared per model beside the stored ones: with the stored pairs, the pairs of known characters and
    // every character's unigram, about 2.3 M lookups in all.
    private const int RandomPairs = 200_000;

    private static readonly string s_trainedPath = CheckedInFile.PathOf("src", "TextRepair", "Data", "Language", "charlm.bin");

    private static readonly Lazy<(string Name, CharNgramLegacyModel Model)[]> s_legacy = new(() => CharNgramLegacyModel.LoadAll(s_trainedPath));

    [Fact]
    public void CheckedInImage_EqualsAFreshCompileOfCharlmBin()
    {
        byte[] trained;
        using (var gzip = new GZipStream(File.OpenRead(s_trainedPath), CompressionMode.Decompress))
        using (var buffer = new MemoryStream())
        {
            gzip.CopyTo(buffer);
            trained = buffer.ToArray();
        }

        byte[] fresh = CharNgramImage.Compile(trained);
        if (Environment.GetEnvironmentVariable("TEXTREPAIR_WRITE_LANGUAGE_IMAGE") == "1")
        {
            // Tracked as a zip (2.9 MB instead of 8.9); the library's build extracts and embeds it.
            TrackedZip.Write(CheckedInFile.PathOf("src", "TextRepair", "Data", "Language", "charlm.image.zip"), "charlm.image", fresh);
        }

        byte[] embedded = EmbeddedData.ReadAllBytes(CharNgramImage.ResourcePath);

        // On failure: run this test with TEXTREPAIR_WRITE_LANGUAGE_IMAGE=1 and rebuild.
        Assert.Equal(fresh.Length, embedded.Length);
        Assert.True(fresh.AsSpan().SequenceEqual(embedded), "charlm.image is stale: regenerate it from charlm.bin.");
    }

    [Fact]
    public void ImageModel_HasTheLegacyModelsCountsAndUnigrams()
    {
        (string Name, CharNgramLegacyModel Model)[] legacy = s_legacy.Value;
        Assert.Equal(legacy.Length, CharNgramModel.Shared.ScriptCount);
        for (int s = 0; s < legacy.Length; s++)
        {
            var script = (LanguageScript)s;
            CharNgramModel.ScriptModel model = CharNgramModel.Shared.Model(script);
            Assert.Equal(legacy[s].Name, CharNgramModel.ScriptName(script));
            Assert.Equal(legacy[s].Model.UnigramCount, model.UnigramCount);
            Assert.Equal(legacy[s].Model.BigramCount, model.BigramCount);
            for (int c = 0; c < 65536; c++)
            {
                Assert.Equal(legacy[s].Model.IsKnown((char)c), model.IsKnown((char)c));
                AssertSameBits(legacy[s].Model.UnigramLogProb((char)c), model.UnigramLogProb((char)c), script, c, c);
            }

            float[] expected = legacy[s].Model.MaxPairInto(), actual = model.MaxPairInto();
            for (int c = 0; c < 65536; c++)
            {
                AssertSameBits(expected[c], actual[c], script, -1, c);
            }
        }
    }

    [Fact]
    public void ImageModel_GivesTheLegacyLogProbOfEveryStoredPairAndOfRandomPairs()
    {
        (string Name, CharNgramLegacyModel Model)[] legacy = s_legacy.Value;
        var random = new Random(20261201);
        for (int s = 0; s < legacy.Length; s++)
        {
            var script = (LanguageScript)s;
            CharNgramModel.ScriptModel model = CharNgramModel.Shared.Model(script);
            CharNgramLegacyModel reference = legacy[s].Model;
            Assert.NotEmpty(reference.Keys);
            foreach (uint key in reference.Keys)
            {
                AssertPair(reference, model, script, (char)(key >> 16), (char)key);
            }

            char[] known = Enumerable.Range(0, 65536).Select(c => (char)c).Where(reference.IsKnown).ToArray();
            for (int i = 0; i < RandomPairs; i++)
            {
                // Any two code units; two known characters (unstored pairs that back off, mostly); a stored pair's first
                // character with any second one (probes that end at an empty slot or another key).
                AssertPair(reference, model, script, (char)random.Next(65536), (char)random.Next(65536));
                AssertPair(reference, model, script, known[random.Next(known.Length)], known[random.Next(known.Length)]);
                AssertPair(reference, model, script, (char)(reference.Keys[random.Next(reference.Keys.Length)] >> 16), known[random.Next(known.Length)]);
            }
        }
    }

    [Fact]
    public void Load_RejectsADamagedImage()
    {
        byte[] image = EmbeddedData.ReadAllBytes(CharNgramImage.ResourcePath);
        Assert.Throws<InvalidDataException>(() => LoadCopy(image.AsSpan(0, image.Length - 8).ToArray()));
        byte[] wrongMagic = (byte[])image.Clone();
        wrongMagic[0] ^= 1;
        Assert.Throws<InvalidDataException>(() => LoadCopy(wrongMagic));
        byte[] wrongName = (byte[])image.Clone();
        wrongName[CharNgramImage.HeaderSize] ^= 1;
        Assert.Throws<InvalidDataException>(() => LoadCopy(wrongName));
        Assert.Equal(CharNgramModel.Shared.LogProb(LanguageScript.ZhHans, '中', '文'), CharNgramModel.LoadCopy(image).LogProb(LanguageScript.ZhHans, '中', '文'));
    }

    private static void LoadCopy(byte[] image) => _ = CharNgramModel.LoadCopy(image);

    private static void AssertPair(CharNgramLegacyModel reference, CharNgramModel.ScriptModel model, LanguageScript script, char previous, char next) =>
        AssertSameBits(reference.LogProb(previous, next), model.LogProb(previous, next), script, previous, next);

    private static void AssertSameBits(double expected, double actual, LanguageScript script, int previous, int next)
    {
        if (BitConverter.DoubleToInt64Bits(expected) != BitConverter.DoubleToInt64Bits(actual))
        {
            Assert.Fail($"{CharNgramModel.ScriptName(script)} U+{previous:X4} U+{next:X4}: {expected:R} (session 14) vs {actual:R} (image)");
        }
    }
}
