using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace TextRepair.Cli.IO;

/// <summary>Checks UTF-8 input and, when asked, replaces invalid sequences with U+FFFD. Thread-safe.</summary>
internal static class Utf8Input
{
    /// <summary>
    /// Returns <paramref name="data"/> itself when it is valid UTF-8. Otherwise throws a <see cref="CliException"/>
    /// naming the byte offset of the first invalid sequence, or, with <paramref name="replaceInvalid"/>, returns a
    /// copy in <paramref name="replacement"/> where each maximal invalid subsequence became U+FFFD.
    /// </summary>
    public static ReadOnlySpan<byte> Validate(
        ReadOnlySpan<byte> data, long offset, string inputName, bool replaceInvalid, PooledBuffer replacement, out int replaced)
    {
        replaced = 0;
        if (Utf8.IsValid(data))
        {
            return data;
        }

        if (!replaceInvalid)
        {
            long at = offset + FindInvalid(data);
            throw new CliException(string.Create(
                CultureInfo.InvariantCulture,
                $"{inputName}: invalid UTF-8 at byte offset {at} (use --encoding for other encodings, or --replace-invalid)"));
        }

        replacement.Clear();
        ReadOnlySpan<byte> rest = data;
        while (!rest.IsEmpty)
        {
            int bad = FindInvalid(rest);
            replacement.Write(rest[..bad]);
            if (bad == rest.Length)
            {
                break;
            }

            Rune.DecodeFromUtf8(rest[bad..], out _, out int skip);
            replacement.Write("\uFFFD"u8);
            replaced++;
            rest = rest[(bad + skip)..];
        }

        return replacement.WrittenSpan;
    }

    /// <summary>Index of the first invalid UTF-8 sequence, or the length when there is none.</summary>
    private static int FindInvalid(ReadOnlySpan<byte> data)
    {
        int index = 0;
        while (index < data.Length)
        {
            int ascii = data[index..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (ascii < 0)
            {
                return data.Length;
            }

            index += ascii;
            if (Rune.DecodeFromUtf8(data[index..], out _, out int consumed) != System.Buffers.OperationStatus.Done)
            {
                return index;
            }

            index += consumed;
        }

        return data.Length;
    }
}
