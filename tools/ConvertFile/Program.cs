using System.Text;

namespace TextRepair.Tools;

/// <summary>
/// Usage: ConvertFile CONFIG INPUT OUTPUT [INPUT OUTPUT ...]. Reads UTF-8, converts with ChineseConverter,
/// writes UTF-8 without BOM.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length < 3 || args.Length % 2 == 0)
        {
            Console.Error.WriteLine("usage: ConvertFile CONFIG INPUT OUTPUT [INPUT OUTPUT ...]");
            return 2;
        }

        ChineseConverter converter = ChineseConverter.Get(args[0]);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        for (int i = 1; i < args.Length; i += 2)
        {
            string text = utf8.GetString(File.ReadAllBytes(args[i]));
            File.WriteAllText(args[i + 1], converter.Convert(text), utf8);
        }

        return 0;
    }
}
