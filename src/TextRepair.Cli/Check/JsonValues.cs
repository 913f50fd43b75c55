using System.Globalization;

namespace TextRepair.Cli.Check;

/// <summary>The string values of a JSON document (object keys are skipped), with their file offsets.</summary>
internal static class JsonValues
{
    public static LocalizationText.Builder Extract(string file, LocalizationText.Builder builder)
    {
        var chars = new List<(char Char, int Offset)>();
        int i = 0;
        while (i < file.Length)
        {
            if (file[i] != '"')
            {
                i++;
                continue;
            }

            chars.Clear();
            i = ReadString(file, i, chars);
            int next = i;
            while (next < file.Length && char.IsWhiteSpace(file[next]))
            {
                next++;
            }

            if (next < file.Length && file[next] == ':')
            {
                continue;
            }

            foreach ((char c, int offset) in chars)
            {
                builder.Append(c, offset);
            }

            builder.EndValue();
        }

        return builder;
    }

    private static int ReadString(string file, int open, List<(char, int)> chars)
    {
        int i = open + 1;
        while (i < file.Length && file[i] != '"')
        {
            if (file[i] == '\\')
            {
                if (i + 1 >= file.Length)
                {
                    break;
                }

                char e = file[i + 1];
                if (e == 'u')
                {
                    if (i + 6 > file.Length || !int.TryParse(file.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code))
                    {
                        throw new FormatException($"bad \\u escape at offset {i}");
                    }

                    chars.Add(((char)code, i));
                    i += 6;
                    continue;
                }

                chars.Add((e switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', _ => e }, i));
                i += 2;
                continue;
            }

            chars.Add((file[i], i));
            i++;
        }

        if (i >= file.Length)
        {
            throw new FormatException($"unterminated JSON string starting at offset {open}");
        }

        return i + 1;
    }
}
