namespace TextRepair.Analysis.Decoding;

/// <summary>The readings of tokens searched again within one repair (see <see cref="GetOrSearchReadings"/>).</summary>
internal static partial class CleanTokenCache
{
    /// <summary>
    /// Bytes (estimated, see <see cref="ReadingsBytes"/>) of readings the memo of one repair keeps: 8 MB, past which it
    /// keeps what it has and later tokens are searched where they appear, as before the memo. A token's lattice holds
    /// 70-180 readings of a few hundred bytes each (session 35, measured with GC.GetTotalMemory: "ä¸­æ–‡" between
    /// quotes 142 readings, 45 KB; "浜у搧缂栧彿" 74, 27 KB; "CafÃ©" 175, 60 KB), so the bound keeps the readings of about
    /// 130-300 tokens repeated in one text: the realistic shapes are a handful (a glossary of explained words, the
    /// garbled values of a CSV column), and a first repair of the 340 KB garbled benchmark document allocates 28 MB.
    /// </summary>
    public const int DocumentReadingsCapacityBytes = 8 << 20;

    /// <summary>
    /// Estimated bytes of one reading beside its text and boundaries: its object, its string's and arrays' headers, its
    /// steps (280: the three tokens above retain 315-370 bytes per reading, of which their texts and boundaries are
    /// 40-50).
    /// </summary>
    private const int ReadingOverheadBytes = 280;

    /// <summary>
    /// Searches of a token's readings (<see cref="TokenReading.Readings"/>) that the memo of a repair answered on this
    /// thread, for tests that count the work a repeated token costs.
    /// </summary>
    [ThreadStatic]
    internal static int ReadingsReused;

    /// <summary>
    /// The readings of <paramref name="token"/> in its context: those <paramref name="search"/> finds, or, when the
    /// token was searched twice before in the same context during this repair, those found then (the very objects).
    /// A search's readings are a pure function of the token and the two characters around it (the language models
    /// and code pages are fixed; a search from a token's first layer finds what one from scratch does), so the
    /// outcome is the same; the readings' lazily computed scores and names are pure too, so sharing them between the
    /// tokens of one repair changes nothing either. Remembered for the repair only (<see cref="ForDocument"/>: one
    /// thread, and the readings are not thread-safe), from the second search of a token on: a text of distinct tokens
    /// keeps nothing alive that it did not before, and a token repeated on many lines (an explained pair such as
    /// "Müller → MÃ¼ller" on each of 2,000 lines: its reading is taken, then rejected as explained, so no chain
    /// spares the next line the search) costs two searches and lookups. Bounded by
    /// <see cref="DocumentReadingsCapacityBytes"/>. The caller must not change the list or its readings.
    /// </summary>
    public static List<Candidate> GetOrSearchReadings(string token, char before, char after, Func<List<Candidate>> search)
    {
        if (t_document is not { } document || token.Length > MaxTokenLength)
        {
            return search();
        }

        var key = new Key(token, before, after);
        if (document.Readings.TryGetValue(key, out List<Candidate>? known))
        {
            ReadingsReused++;
            return known;
        }

        List<Candidate> readings = search();
        if (document.SearchedOnce.Contains(key))
        {
            int bytes = ReadingsBytes(readings);
            if (document.ReadingsBytes + bytes <= DocumentReadingsCapacityBytes)
            {
                document.Readings.Add(key, readings);
                document.ReadingsBytes += bytes;
            }
        }
        else if (document.SearchedOnceChars + token.Length <= DocumentCapacityChars)
        {
            // The keys searched once are bounded as the memo's verdicts are.
            document.SearchedOnce.Add(key);
            document.SearchedOnceChars += token.Length;
        }

        return readings;
    }

    // The memory the readings hold (estimated): their texts, their boundaries and ReadingOverheadBytes each.
    private static int ReadingsBytes(List<Candidate> readings)
    {
        long bytes = 0;
        foreach (Candidate c in readings)
        {
            bytes += ReadingOverheadBytes + (2L * c.Text.Length) + (4L * (c.TokenBounds.Length + c.TextBounds.Length));
        }

        return (int)Math.Min(bytes, int.MaxValue);
    }
}
