using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace TextRepair.ColdStart;

/// <summary>
/// Cold-start harness (driven by tools/coldstart.sh). Modes:
/// <list type="bullet">
/// <item><c>first CONFIG TEXT</c>: in this fresh process, times <c>ChineseConverter.Get(CONFIG)</c> plus the first
/// conversion of TEXT and prints milliseconds (JIT included when the build is a JIT build).</item>
/// <item><c>native CONFIG TEXT</c>: the same with Debian's libopencc (opencc_open, convert, close).</item>
/// <item><c>memory</c>: resident-set growth (VmRSS) from loading all 16 configs and converting a sample with each.</item>
/// <item><c>run N COMMAND [ARGS...]</c>: starts COMMAND N times, one fresh process each, and prints the median
/// whole-process wall time in milliseconds (and min, max).</item>
/// </list>
/// </summary>
internal static partial class Program
{
    private const string NativeLibrary = "libopencc.so.1.1";

    private static int Main(string[] args)
    {
        long start = Stopwatch.GetTimestamp();
        if (args.Length >= 3 && args[0] == "first")
        {
            ChineseConverter converter = ChineseConverter.Get(args[1]);
            string converted = converter.Convert(args[2]);
            double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            Console.WriteLine(ms.ToString("F2", CultureInfo.InvariantCulture));
            return converted.Length > 0 ? 0 : 1;
        }

        if (args.Length >= 3 && args[0] == "native")
        {
            return Native(args[1], args[2], start);
        }

        if (args.Length == 1 && args[0] == "memory")
        {
            return Memory();
        }

        if (args.Length >= 3 && args[0] == "run")
        {
            return Run(int.Parse(args[1], CultureInfo.InvariantCulture), args[2], args[3..]);
        }

        Console.Error.WriteLine("usage: ColdStart first CONFIG TEXT | native CONFIG TEXT | memory | run N COMMAND [ARGS...]");
        return 2;
    }

    private static unsafe int Native(string config, string text, long start)
    {
        byte[] input = Encoding.UTF8.GetBytes(text);
        byte[] output = new byte[(input.Length * 4) + 16];
        nint handle = Open($"/usr/share/opencc/{config}.json");
        if (handle == -1)
        {
            Console.Error.WriteLine($"native: cannot open /usr/share/opencc/{config}.json");
            return 1;
        }

        nuint written;
        fixed (byte* source = input)
        fixed (byte* destination = output)
        {
            written = ConvertToBuffer(handle, source, (nuint)input.Length, destination);
        }

        _ = Close(handle);
        double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        Console.WriteLine(ms.ToString("F2", CultureInfo.InvariantCulture));
        return written > 0 ? 0 : 1;
    }

    private static int Memory()
    {
        const string Sample = "头发里面的一些汉字文本，軟體與記憶體。後來說話";
        GC.Collect();
        long before = ResidentBytes();
        int total = 0;
        foreach (string config in ChineseConverter.Configs)
        {
            total += ChineseConverter.Get(config).Convert(Sample).Length;
        }

        GC.Collect();
        long after = ResidentBytes();
        Console.WriteLine(((after - before) / 1048576.0).ToString("F1", CultureInfo.InvariantCulture));
        return total > 0 ? 0 : 1;
    }

    private static long ResidentBytes()
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    private static int Run(int runs, string command, string[] arguments)
    {
        var times = new List<double>(runs);
        for (int i = 0; i < runs; i++)
        {
            var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            long start = Stopwatch.GetTimestamp();
            using Process process = Process.Start(info)!;
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"run: {command} exited with {process.ExitCode}");
                return 1;
            }
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{times[times.Count / 2]:F1} {times[0]:F1} {times[^1]:F1}"));
        return 0;
    }

    [LibraryImport(NativeLibrary, EntryPoint = "opencc_open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint Open(string configFileName);

    [LibraryImport(NativeLibrary, EntryPoint = "opencc_close")]
    private static partial int Close(nint opencc);

    [LibraryImport(NativeLibrary, EntryPoint = "opencc_convert_utf8_to_buffer")]
    private static unsafe partial nuint ConvertToBuffer(nint opencc, byte* input, nuint length, byte* output);
}
