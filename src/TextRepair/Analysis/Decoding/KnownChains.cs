namespace TextRepair.Analysis.Decoding;

/// <summary>
/// The chains found so far in one text (or one line), distinct, most recently found first. A text is usually damaged
/// by one chain throughout, so these are tried on a token before its lattice is searched. Not thread-safe (one per
/// scan).
/// </summary>
internal sealed class KnownChains
{
    /// <summary>
    /// Chains kept. A text mixes few chains (a page and a file name pasted into it); replaying each costs one pass per
    /// layer over a token, so 4 keeps the cost of a miss at a few passes where the lattice costs hundreds.
    /// </summary>
    public const int Capacity = 4;

    private readonly List<LayerStep[]> _steps = [];

    /// <summary>
    /// The chain the text's tokens support together (<see cref="EncodingScanner.ElectChain"/>), or null: a token that
    /// reads exactly by it but not well enough on its own evidence follows it, as a token of a line damaged by a chain
    /// follows the line's chain (<see cref="TokenReading.DecideByChain"/>).
    /// </summary>
    public LayerStep[]? Elected { get; private set; }

    /// <summary>Remembers <paramref name="steps"/> as the chain the text's tokens support together (see <see cref="Elected"/>).</summary>
    public void Elect(LayerStep[] steps)
    {
        Elected = steps;
        Add(steps);
    }

    /// <summary>The chains, most recently found first.</summary>
    public IReadOnlyList<LayerStep[]> Steps => _steps;

    /// <summary>This object's chains and elected chain, in a new object (to go back to, see <see cref="CopyFrom"/>).</summary>
    public KnownChains Copy()
    {
        var copy = new KnownChains { Elected = Elected };
        copy._steps.AddRange(_steps);
        return copy;
    }

    /// <summary>Takes <paramref name="other"/>'s chains and elected chain in place of this object's.</summary>
    public void CopyFrom(KnownChains other)
    {
        Elected = other.Elected;
        _steps.Clear();
        _steps.AddRange(other._steps);
    }

    /// <summary>Remembers <paramref name="steps"/> (moved to the front when known; the oldest chain dropped beyond <see cref="Capacity"/>).</summary>
    public void Add(LayerStep[] steps)
    {
        int index = _steps.FindIndex(s => s.AsSpan().SequenceEqual(steps));
        if (index == 0)
        {
            return;
        }

        if (index > 0)
        {
            _steps.RemoveAt(index);
        }
        else if (_steps.Count == Capacity)
        {
            _steps.RemoveAt(Capacity - 1);
        }

        _steps.Insert(0, steps);
    }
}
