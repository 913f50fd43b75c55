// A consumer of the TextRepair NuGet package, built from a local package folder by tools/package-proof.sh.
// It proves the package works with no files copied anywhere: all data is embedded.
using TextRepair;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: PackageProof <seed.txt> <seed.expected.txt>");
    return 2;
}

string converted = ChineseConverter.Get("s2t").Convert("\u6c49\u5b57\u8f6c\u6362");   // 汉字转换
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
