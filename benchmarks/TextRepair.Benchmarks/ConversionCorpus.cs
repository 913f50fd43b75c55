using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TextRepair.Benchmarks;

/// <summary>
/// The texts the conversion benchmarks run on: at least 1 MB each of real Simplified and Traditional text
/// (LibreOffice help from Debian, fetched by tools/fetch-conversion-corpus.sh into corpus/, not in git), or, when
/// that is missing (CI's --job Dry), a small embedded sample: numbers from the sample are not the README's.
/// </summary>
internal static class ConversionCorpus
{
    private static readonly Lazy<(string Simplified, string Traditional, string Source)> s_texts = new(Load);

    private static readonly Lazy<char[]> s_charTable = new(() =>
    {
        var table = new char[65536];
        for (int c = 0; c < table.Length; c++)
        {
            table[c] = (char)(c ^ 1);
        }

        return table;
    });

    public static string Simplified => s_texts.Value.Simplified;

    public static string Traditional => s_texts.Value.Traditional;

    /// <summary>"LibreOffice help (Debian)" or a warning naming the embedded sample.</summary>
    public static string Source => s_texts.Value.Source;

    /// <summary>The Simplified text for s2* configs, the Traditional one for the others.</summary>
    public static string For(string config) => config.StartsWith('s') ? Simplified : Traditional;

    /// <summary>The set-up the span benchmarks share: the config's text, its converter and a destination that always suffices.</summary>
    public static (string Text, ChineseConverter Converter, char[] Destination) Prepare(string config)
    {
        string text = For(config);
        ChineseConverter converter = ChineseConverter.Get(config);
        return (text, converter, new char[converter.GetMaxConvertedLength(text.Length)]);
    }

    /// <summary>
    /// The ceiling for any converter, the baseline of the throughput benchmarks: one lookup per UTF-16 unit in a 64K
    /// table (each unit maps to a neighbour, so the output differs from the input).
    /// </summary>
    /// <remarks>
    /// Session 35: two units a step, without bounds checks (the destination's length is checked once), compiled once
    /// at full optimization and never inlined, so that its speed does not depend on where the JIT puts it. The plain
    /// loop (<c>destination[i] = table[source[i]]</c>, eight instructions per unit, bound by the front end) ran at
    /// 470 or 625 us per 1,153,758 units depending on the process: tiered, on which compiled form a process settled
    /// (Tier0, OSR, Tier1, or inlined into the benchmark method); compiled once like this, on where its code landed
    /// (470 us in 2 of 11 processes that compiled different amounts of other code first, 625 us in 9); without bounds
    /// checks, 344 or 625 us. This form took 347 us in all 11 (a harness shaped like BenchmarkDotNet's; AMD EPYC VM,
    /// results/CharTableCeiling-session35.md): the stable form, and 1.35x faster than the plain loop at its best, so
    /// ratios to it are 1.35x those to the old loop's fast rows.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void CharTableLookup(ReadOnlySpan<char> source, Span<char> destination)
    {
        char[] table = s_charTable.Value;
        destination = destination[..source.Length];
        ref char from = ref MemoryMarshal.GetReference(source);
        ref char to = ref MemoryMarshal.GetReference(destination);
        ref char map = ref MemoryMarshal.GetArrayDataReference(table);
        nint i = 0;
        nint length = source.Length;
        for (; i + 1 < length; i += 2)
        {
            char first = Unsafe.Add(ref from, i);
            char second = Unsafe.Add(ref from, i + 1);
            Unsafe.Add(ref to, i) = Unsafe.Add(ref map, (nint)first);
            Unsafe.Add(ref to, i + 1) = Unsafe.Add(ref map, (nint)second);
        }

        if (i < length)
        {
            Unsafe.Add(ref to, i) = Unsafe.Add(ref map, (nint)Unsafe.Add(ref from, i));
        }
    }

    private static (string, string, string) Load()
    {
        string? directory = FindCorpusDirectory();
        if (directory is not null)
        {
            string simplified = File.ReadAllText(Path.Combine(directory, "zh-cn.txt"));
            string traditional = File.ReadAllText(Path.Combine(directory, "zh-tw.txt"));
            Console.WriteLine($"// conversion corpus: {directory} (zh-cn {simplified.Length:N0} chars, zh-tw {traditional.Length:N0} chars)");
            return (simplified, traditional, "LibreOffice help (Debian libreoffice-help-zh-cn/-zh-tw)");
        }

        Console.WriteLine("// WARNING: conversion corpus missing (run tools/fetch-conversion-corpus.sh); using the small embedded sample. These numbers are NOT comparable to the README table.");
        string sample = ReadResource("sample.zh-cn.txt");
        string sampleTraditional = ReadResource("sample.zh-tw.txt");
        return (sample, sampleTraditional, "embedded sample (not the README corpus)");
    }

    private static string? FindCorpusDirectory()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "benchmarks", "TextRepair.Benchmarks", "corpus");
            if (File.Exists(Path.Combine(candidate, "zh-cn.txt")) && File.Exists(Path.Combine(candidate, "zh-tw.txt")))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string ReadResource(string name)
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Missing embedded resource {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>Native OpenCC (Debian's libopencc 1.1.6) through P/Invoke, when it is installed.</summary>
internal static partial class NativeOpenCc
{
    private const string Library = "libopencc.so.1.1";

    private static readonly Lazy<bool> s_available = new(() => NativeLibrary.TryLoad(Library, out _) && File.Exists(ConfigPath("s2t")));

    /// <summary>Whether libopencc.so.1.1 loads and its configs are installed (/usr/share/opencc).</summary>
    public static bool IsAvailable => s_available.Value;

    public static string ConfigPath(string config) => $"/usr/share/opencc/{config}.json";

    /// <summary>Whether native OpenCC 1.1.6 has this config (it lacks the tofu-risk and regional-phrase dictionaries of 1.4.2, but has all these configs).</summary>
    public static bool HasConfig(string config) => File.Exists(ConfigPath(config));

    [LibraryImport(Library, EntryPoint = "opencc_open", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint Open(string configFileName);

    [LibraryImport(Library, EntryPoint = "opencc_close")]
    public static partial int Close(nint opencc);

    [LibraryImport(Library, EntryPoint = "opencc_convert_utf8_to_buffer")]
    public static unsafe partial nuint ConvertToBuffer(nint opencc, byte* input, nuint length, byte* output);
}
