namespace TextRepair.Internal;

/// <summary>
/// The one reader of the embedded dictionaries: "key TAB value [SPACE value...]" per line, LF or CRLF, straight from
/// UTF-8. <see cref="TryRead"/> yields each key with its first value (the one OpenCC uses) and skips lines without a
/// key or a value; <see cref="TryReadLine"/> yields every non-empty line with all its values.
/// </summary>
internal ref struct DictionaryLineReader
{
    private ReadOnlySpan<byte> _remaining;

    public DictionaryLineReader(ReadOnlySpan<byte> utf8) => _remaining = utf8;

    /// <summary>Reads the next entry with a key and a first value; false at the end of the data.</summary>
    public bool TryRead(out ReadOnlySpan<byte> key, out ReadOnlySpan<byte> firstValue)
    {
        while (TryReadLine(out key, out ReadOnlySpan<byte> values))
        {
            if (key.IsEmpty || values.IsEmpty)
            {
                continue;
            }

            int space = values.IndexOf((byte)' ');
            firstValue = space < 0 ? values : values.Slice(0, space);
            if (!firstValue.IsEmpty)
            {
                return true;
            }
        }

        key = default;
        firstValue = default;
        return false;
    }

    /// <summary>
    /// Reads the next non-empty line: the text before its first tab and the rest (empty when the line has no tab);
    /// false at the end of the data.
    /// </summary>
    public bool TryReadLine(out ReadOnlySpan<byte> key, out ReadOnlySpan<byte> values)
    {
        while (!_remaining.IsEmpty)
        {
            int newline = _remaining.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = newline < 0 ? _remaining : _remaining.Slice(0, newline);
            _remaining = newline < 0 ? default : _remaining.Slice(newline + 1);
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line.Slice(0, line.Length - 1);
            }

            if (line.IsEmpty)
            {
                continue;
            }

            int tab = line.IndexOf((byte)'\t');
            key = tab < 0 ? line : line.Slice(0, tab);
            values = tab < 0 ? default : line.Slice(tab + 1);
            return true;
        }

        key = default;
        values = default;
        return false;
    }
}
