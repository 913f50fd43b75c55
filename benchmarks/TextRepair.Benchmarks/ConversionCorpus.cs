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
    /// Compiled once, fully optimized, and never inlined (session 35), so that every process runs the same machine
    /// code. The loop is eight instructions, about one cycle per unit on the AMD EPYC VM, bound by the front end, so
    /// its speed depends on where the code lands: with tiering it went through Tier0, OSR and Tier1 (and, inlined,
    /// into the benchmark method's own Tier1 code), and the code a process settled on ran at 473 or 625-629 us per
    /// 1,153,758 units (a harness shaped like BenchmarkDotNet's, seven processes), 480-792 us in BenchmarkDotNet's
    /// launches of one row; the loop with loop alignment switched off (DOTNET_JitAlignLoops=0) took 625 us. Compiled
    /// this way it took 470-471 us in every process, the fastest of the tiered forms: the ceiling stays as fast as it
    /// was at its best and stops moving.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void CharTableLookup(ReadOnlySpan<char> source, Span<char> destination)
    {
        char[] table = s_charTable.Value;
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = table[source[i]];
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
