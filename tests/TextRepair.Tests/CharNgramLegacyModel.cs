using System.IO.Compression;
using System.Numerics;
using System.Text;
using TextRepair.Analysis.Language;

namespace TextRepair.Tests;

/// <summary>
/// The loader of session 14 (main 64d8e76), kept verbatim as the reference the compiled image is compared with: it
/// reads one script model of charlm.bin through a BinaryReader over the GZipStream and builds the pair hash at load.
/// Test code only; it is what CharNgramModel did before the image. The unigrams' post-processing after the read (unseen
/// ideographs, surrogate pairs) is the library's own, called here: it is not what the image is checked for.
/// </summary>
internal sealed class CharNgramLegacyModel
{
    private const float Step = 1f / 8;

    private readonly float[] _unigram = new float[65536];
    private readonly float[] _backoff = new float[65536];
    private readonly bool[] _known = new bool[65536];


    private readonly ulong[] _firsts = new ulong[1024];
    private readonly ulong[] _seconds = new ulong[1024];
    private ulong[] _slots = [];
    private int _mask;

    /// <summary>The stored pairs of the model in charlm.bin's order.</summary>
    public uint[] Keys { get; private set; } = [];

    /// <summary>The models of the gzip-compressed charlm.bin at <paramref name="path"/>, in file order.</summary>
    public static (string Name, CharNgramLegacyModel Model)[] LoadAll(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new BinaryReader(gzip, Encoding.ASCII);
        if (reader.ReadUInt32() != 0x4D4C5254 || reader.ReadUInt32() != 1)
        {
            throw new InvalidDataException("unknown format");
        }

        int count = reader.ReadInt32();
        var models = new (string, CharNgramLegacyModel)[count];
        for (int m = 0; m < count; m++)
        {
            string name = Encoding.ASCII.GetString(reader.ReadBytes(reader.ReadByte()));
            models[m] = (name, Read(reader, (LanguageScript)m));
        }

        return models;
    }

    public int UnigramCount { get; private set; }

    public int BigramCount { get; private set; }

    public bool IsKnown(char c) => _known[c];

    public double UnigramLogProb(char c) => _unigram[c];

    public double LogProb(char previous, char next)
    {
        if ((_firsts[previous >> 6] & (1UL << previous)) == 0 || (_seconds[next >> 6] & (1UL << next)) == 0)
        {
            return _backoff[previous] + _unigram[next];
        }

        uint key = ((uint)previous << 16) | next;
        int slot = (int)Hash(key) & _mask;
        while (true)
        {
            ulong entry = _slots[slot];
            uint k = (uint)entry;
            if (k == key)
            {
                return BitConverter.Int32BitsToSingle((int)(entry >> 32));
            }

            if (k == 0)
            {
                return _backoff[previous] + _unigram[next];
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>
    /// The largest stored pair log-probability into each character (negative infinity for a character that ends no
    /// stored pair): with <see cref="UnigramLogProb"/> and a back-off weight of at most 0, the most any transition
    /// into the character can score. A new 64 K table per call.
    /// </summary>
    public float[] MaxPairInto()
    {
        float[] max = new float[65536];
        Array.Fill(max, float.NegativeInfinity);
        foreach (ulong entry in _slots)
        {
            if ((uint)entry != 0)
            {
                char second = (char)(uint)entry;
                max[second] = Math.Max(max[second], BitConverter.Int32BitsToSingle((int)(entry >> 32)));
            }
        }

        return max;
    }

    private static CharNgramLegacyModel Read(BinaryReader reader, LanguageScript script)
    {
        var model = new CharNgramLegacyModel();
        float unknown = reader.ReadSingle();
        Array.Fill(model._unigram, unknown);
        int unigrams = reader.ReadInt32();
        for (int i = 0; i < unigrams; i++)
        {
            char c = (char)reader.ReadUInt16();
            model._unigram[c] = -reader.ReadByte() * Step;
            model._backoff[c] = -reader.ReadByte() * Step;
            model._known[c] = true;
        }

        // The post-processing of the unigrams is the library's own (not what the image is checked for).
        CharNgramModel.ScriptModel.RaiseUnseen(model._unigram, model._known, script);
        int bigrams = reader.ReadInt32();
        uint[] keys = new uint[bigrams];
        for (int i = 0; i < bigrams; i++)
        {
            keys[i] = reader.ReadUInt32();
        }

        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, bigrams * 2));
        model._slots = new ulong[capacity];
        model._mask = capacity - 1;
        for (int i = 0; i < bigrams; i++)
        {
            float value = -reader.ReadByte() * Step;
            int slot = (int)Hash(keys[i]) & model._mask;
            while ((uint)model._slots[slot] != 0)
            {
                slot = (slot + 1) & model._mask;
            }

            model._slots[slot] = keys[i] | ((ulong)(uint)BitConverter.SingleToInt32Bits(value) << 32);
            char first = (char)(keys[i] >> 16), second = (char)keys[i];
            model._firsts[first >> 6] |= 1UL << first;
            model._seconds[second >> 6] |= 1UL << second;
        }

        model.UnigramCount = unigrams;
        model.BigramCount = bigrams;
        model.Keys = keys;
        return model;
    }

    private static uint Hash(uint key) => (key * 0x9E3779B1u) >> 7;
}
