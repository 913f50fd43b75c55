// A consumer of the TextRepair NuGet package, built from a local package folder by tools/package-proof.sh.
// It proves the package works with no files copied anywhere: all data is embedded. It also reports whether the
// library carries ReadyToRun code and how many methods the JIT compiled for the first conversion, so that the script
// can check the precompiled code is used (fewer methods than with DOTNET_ReadyToRun=0).
using System.Reflection.PortableExecutable;
using TextRepair;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: PackageProof <seed.txt> <seed.expected.txt>");
    return 2;
}

long jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
string converted = ChineseConverter.Get("s2t").Convert("\u6c49\u5b57\u8f6c\u6362");   // 汉字转换
jitted = System.Runtime.JitInfo.GetCompiledMethodCount() - jitted;
// The library file the host loaded (a JIT build): the trusted platform assemblies list it, from runtimes/linux-x64/lib
// on linux-x64 when the package carries a ReadyToRun image there. A NativeAOT build has no such list; the check is then
// skipped. Assembly.Location is not used: the AOT compiler rejects it (IL3000) even where it is never reached.
string? location = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string)?
    .Split(Path.PathSeparator)
    .FirstOrDefault(path => Path.GetFileName(path) == typeof(ChineseConverter).Assembly.GetName().Name + ".dll");
if (location is not null && File.Exists(location))
{
    using var pe = new PEReader(File.OpenRead(location));
    bool readyToRun = pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    Console.WriteLine($"library-loaded-from: {Path.GetRelativePath(AppContext.BaseDirectory, location)}");
    Console.WriteLine($"readytorun: {(readyToRun ? "yes" : "no")}");
    Console.WriteLine($"jit-methods-first-conversion: {jitted}");
}

if (converted != "\u6f22\u5b57\u8f49\u63db")                                          // 漢字轉換
{
    Console.Error.WriteLine($"conversion: got '{converted}'");
    return 1;
}

string seed = File.ReadAllText(args[0]);
string expected = File.ReadAllText(args[1]);
RepairResult result = TextRepairer.Repair(seed);
if (result.Text != expected)
{
    Console.Error.WriteLine("repair: output differs from the reference repair");
    return 1;
}

Console.WriteLine($"ok: converted, repaired the seed with {result.Edits.Count} edits");
return 0;
