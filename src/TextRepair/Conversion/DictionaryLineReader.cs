namespace TextRepair.Conversion;

/// <summary>
/// Reads an OpenCC text dictionary ("key TAB value [SPACE value...]" per line, LF or CRLF) straight from UTF-8,
/// yielding each key with its first value (the one OpenCC uses). Lines without a key or a value are skipped.
/// </summary>
internal ref struct DictionaryLineReader
{
    private ReadOnlySpan<byte> _remaining;

    public DictionaryLineReader(ReadOnlySpan<byte> utf8) => _remaining = utf8;

    /// <summary>Reads the next entry; false at the end of the data.</summary>
    public bool TryRead(out ReadOnlySpan<byte> key, out ReadOnlySpan<byte> firstValue)
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

            int tab = line.IndexOf((byte)'\t');
            if (tab <= 0)
            {
                continue;
            }

            ReadOnlySpan<byte> values = line.Slice(tab + 1);
            int space = values.IndexOf((byte)' ');
            firstValue = space < 0 ? values : values.Slice(0, space);
            if (firstValue.IsEmpty)
            {
                continue;
            }

            key = line.Slice(0, tab);
            return true;
        }

        key = default;
        firstValue = default;
        return false;
    }
}
