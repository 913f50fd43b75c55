using TextRepair.Internal;

namespace TextRepair.Analysis.Decoding;

/// <summary>
/// Decides the tokens of one line (see <see cref="EncodingScanner"/>). First, each token that may be damaged
/// (<see cref="EncodingDecision.MayBeDamaged"/>) is decided on its own evidence: by a chain already found in the text
/// (<see cref="KnownChains"/>) when one clears the thresholds, else by the lattice. A token that a known chain reads
/// exactly without clearing them waits: once another token shows the line damaged, it follows the line's chain, and
/// only otherwise is the lattice searched for it. Then every other token of a damaged line that decodes exactly by the
/// line's chain follows it. A token quoted in CJK prose is text being discussed (the writer's screen showed CJK, so
/// the quote is deliberate): it is decided only when the line is damaged elsewhere, and so is a token whose restored
/// words the line already holds as written (see <see cref="IsExplained"/>). Not thread-safe (one per line).
/// </summary>
internal sealed partial class LineDecisions
{
    /// <summary>
    /// Characters a token needs to follow the text's elected chain on a line that shows no damage of its own: one
    /// character is too little text to show a chain (see TokenReading.Guessed), and a lone letter or symbol of a clean
    /// line reads as another by many chains ("α は、" beside lines of EUC-JP read as EUC-KR became "メ は、", α and メ
    /// being the same bytes).
    /// </summary>
    internal const int MinElectedFollowLength = 2;

    /// <summary>Characters that open a quotation or a bracket.</summary>
    internal const string Openers = "\"'\u201C\u2018\u300C\u300E\u300A\u3008\u3010(\uFF08[\u00AB";

    /// <summary>Characters that close a quotation or a bracket.</summary>
    internal const string Closers = "\"'\u201D\u2019\u300D\u300F\u300B\u3009\u3011)\uFF09]\u00BB";

    private readonly string _text;
    private readonly int _lineStart;
    private readonly int _lineEnd;
    private readonly KnownChains _known;
    private readonly List<LayerStep[]> _chains = [];
    private readonly HashSet<TokenReading> _quoted = [];

    // The tokens (with their neighbours) Taken found quoted or explained on this line.
    private HashSet<(string Token, char Before, char After)>? _explained;

    // The line's Utf8SequencePool. A token's outcome with it is a function of the token in its context only when the
    // line's pool is the token's own (see Cached): CleanTokenCache answers and learns only then.
    private readonly int _utf8Pool;

    public LineDecisions(string text, int lineStart, int lineEnd, KnownChains known)
    {
        _text = text;
        _lineStart = lineStart;
        _lineEnd = lineEnd;
        _known = known;
        _utf8Pool = Utf8SequencePool.Of(text.AsSpan(lineStart, lineEnd - lineStart));
    }

    /// <summary>Decides <paramref name="tokens"/>; true when the line is damaged (some token restores text).</summary>
    public bool Decide(List<TokenReading> tokens)
    {
        var waiting = new List<TokenReading>();
        var unsuspicious = new List<TokenReading>();
        foreach (TokenReading token in tokens)
        {
            token.Utf8Pool = _utf8Pool;

            // A token decided before in the same context with no reading gets the same outcome without a search: with
            // no chain known in the text, only a search could take a reading for it. With known chains it goes on as
            // any token does (replaying a chain is cheap), and only its search is skipped (DecideAlone), so that its
            // outcome is the same whether the cache knew it or not.
            if (_known.Steps.Count == 0 && Cached(token) && CleanTokenCache.IsKnownClean(token.Token, token.Before, token.After))
            {
                continue;
            }

            // A chain found in the text first: its reading must clear the thresholds on the token's own evidence, as
            // a reading the search finds must, and replaying one chain costs less than measuring the token's surprise.
            bool follows = false;
            if (_known.Steps.Count > 0 && token.DecideByKnown(_known.Steps, out follows))
            {
                Taken(token);
                continue;
            }

            // Pieces of 锟斤拷 show the line damaged by their chain whatever the token's surprise (see DecideByMarkerPieces).
            if (token.DecideByMarkerPieces())
            {
                Taken(token);
                continue;
            }

            if (!token.MayBeDamaged && !EncodingScanner.MayBeDamaged(_text, token.Start, token.Token.Length, token.Before, token.After)
                && !Utf8SequencePool.HoldsLatinWordPair(token.Token, _utf8Pool))
            {
                // A token that does not look damaged may still be, by the text's elected chain when that reads it
                // exactly (Han read as Han: 康备 is 영구 written in EUC-KR and read as GBK; see WritesCjk).
                if (follows && _known.Elected is { } chain && token.Token.Length >= MinElectedFollowLength && WritesCjk(chain, token.Token))
                {
                    unsuspicious.Add(token);
                }

                continue;
            }

            if (follows)
            {
                waiting.Add(token);
            }
            else
            {
                DecideAlone(token);
            }
        }

        if (_chains.Count == 0)
        {
            // Nothing else shows the line damaged: the waiting tokens are decided on their own evidence after all.
            DecideAll(waiting);
        }

        if (_chains.Count == 0 && _known.Elected is { } elected)
        {
            // Tokens that do not look damaged follow the elected chain when it reads them at least as well as they
            // stand; on a damaged line, they follow its chains below.
            foreach (TokenReading token in unsuspicious)
            {
                FollowElected(token, elected);
            }
        }

        // A line damaged by a chain is damaged by it throughout: other tokens that decode exactly by it follow.
        bool damaged = _chains.Count > 0;
        if (damaged)
        {
            foreach (TokenReading token in tokens)
            {
                if (token.Chosen is not null)
                {
                    continue;
                }

                foreach (LayerStep[] chain in _chains)
                {
                    if (token.DecideByChain(chain))
                    {
                        break;
                    }
                }

                if (token.Chosen is null && _quoted.Contains(token))
                {
                    token.Decide();
                }
            }

            // A waiting token the line's chains do not read: decided on its own evidence.
            DecideAll(waiting.FindAll(t => t.Chosen is null));
        }

        return damaged;
    }

    // A token that does not look damaged is suspect only where the chain's wrong decoder writes text that looks clean:
    // a double-byte decoder writes CJK letters, and the token holds nothing beyond ASCII but CJK letters (Han, kana,
    // Hangul) and the decoder's U+FFFD for bytes it lost. Letters of other scripts are the writer's: a clean German
    // line beside lines of Shift-JIS read as cp437 read "über" as "｜er" by that chain about as well as it stands
    // (cp437's ü is a Shift-JIS lead byte), and so did "gewünschte" by EUC-KR read as GBK (GBK has ü), 7 of 1,200
    // generated mixed texts. CJK punctuation is where double-byte code pages differ most (the symbol rows), and a clean
    // 「 beside lines of Big5 read as GBK read as ☆: a CJK symbol counts only beside CJK letters (see
    // below), and FollowElected takes nothing that restores no letter.
    private static bool WritesCjk(LayerStep[] chain, string token)
    {
        if (chain[0].Wrong is not { Kind: CodecKind.Table } wrong || !wrong.Page.IsDoubleByte)
        {
            return false;
        }

        // A CJK symbol (U+3000..U+303F) counts in a token that also holds CJK letters: a double-byte decoder writes one
        // of its symbol rows for a letter of the other code page where their rows differ (EUC-JP's ー, A1 BC, is GBK's
        // 〖: "ショ〖トカットキ〖"), and only the letters the reading restores show the chain (FollowElected). Looked up
        // once per token, so that the test stays linear in the token's length.
        bool symbolsCount = token.AsSpan().IndexOfAnyInRange('\u3040', '\u9FFF') >= 0;
        foreach (char c in token)
        {
            bool cjkSymbol = symbolsCount && c is >= '\u3000' and <= '\u303F';
            if (c >= '\u0080' && c != '\uFFFD' && (c < '\u2E80' || !(char.IsLetter(c) || cjkSymbol)))
            {
                return false;
            }
        }

        return true;
    }

    // A token of a line that shows no damage of its own follows the elected chain when the chain reads it at least as
    // well as it stands (TokenReading.DecideByChain), it has MinElectedFollowLength characters, and what it restores
    // holds a letter: a chain is shown by the letters it restores, and one symbol read as another is no evidence of it
    // (a clean "Legende…" beside lines of Big5 read as GBK read as "Legende＃", as likely as it stands, in the held-out
    // half of MixedDocumentTests). A restoration quoted in CJK prose is rejected as elsewhere (see Taken), and so is one
    // that reads a Latin word's letters as CJK (see CjkForLatinLetters).
    private bool FollowElected(TokenReading token, LayerStep[] elected)
    {
        if (token.Token.Length < MinElectedFollowLength || !token.DecideByChain(elected))
        {
            return false;
        }

        var restored = new List<EncodingFinding>();
        token.AddFindings(restored, losses: null);
        if (!RestoresLetter(restored) || restored.Exists(f => CjkForLatinLetters(_text, f)))
        {
            token.Reject();
            return false;
        }

        Taken(token);
        return true;
    }

    // True when the token's outcome does not depend on the rest of the line's UTF-8 sequences: the line holds none
    // (Utf8SequencePool) or only what the token holds itself. A line repeated, or a token repeated across lines that
    // bring no other sequences, is then decided once (a file of 10,000 such lines ran 8x slower without the cache).
    private bool Cached(TokenReading token) => _utf8Pool == 0 || token.OwnUtf8Pool == _utf8Pool;

    // Waiting tokens, which a known chain reads exactly but not well enough on their own evidence: each follows the
    // chain the text's tokens elected together (KnownChains.Elected, see FollowElected), and is otherwise decided on
    // its own evidence.
    private void DecideAll(List<TokenReading> tokens)
    {
        foreach (TokenReading token in tokens)
        {
            if (_known.Elected is not { } elected || !FollowElected(token, elected))
            {
                DecideAlone(token);
            }
        }
    }

    private void DecideAlone(TokenReading token)
    {
        // A token quoted or explained before on this line, in the same context, is again (see Taken): a line of many
        // such pairs searched each (a 480 KB line of "Müller → MÃ¼ller, ...": 14 s and 1 GB).
        if (_explained?.Contains((token.Token, token.Before, token.After)) == true)
        {
            _quoted.Add(token);
            return;
        }

        // A token whose search found no reading before, in the same context, finds none again.
        bool cached = Cached(token);
        if (cached && CleanTokenCache.IsKnownClean(token.Token, token.Before, token.After))
        {
            return;
        }

        // A token whose search found it damaged but its text a guess gets the same outcome without the search.
        if (cached && CleanTokenCache.TryGetGuess(token.Token, token.Before, token.After, out string? chain))
        {
            token.TakeGuess(chain);
            return;
        }

        if (token.Decide())
        {
            Taken(token);
        }
        else if (cached && token.LatticeGuessChain is null)
        {
            CleanTokenCache.AddClean(token.Token, token.Before, token.After);
        }
        else if (cached)
        {
            CleanTokenCache.AddGuess(token.Token, token.Before, token.After, token.LatticeGuessChain!);
        }
    }

    // A token that took a reading on its own evidence: it shows the line damaged by the reading's chain, unless all it
    // restores is quoted in CJK prose or explained beside its text (see IsExplained).
    private void Taken(TokenReading token)
    {
        if (token.Chosen is not { } chosen || !token.Restores)
        {
            return;
        }

        // Mojibake shown beside its text (IsExplained) is quoted as one in CJK prose is.
        var restored = new List<EncodingFinding>();
        token.AddFindings(restored, losses: null);
        if (AllQuotedInCjkProse(restored) || IsExplained(token, restored))
        {
            token.Reject();
            _quoted.Add(token);
            (_explained ??= []).Add((token.Token, token.Before, token.After));
            return;
        }

        if (!HasChain(chosen))
        {
            _chains.Add(chosen.Steps);
        }

        _known.Add(chosen.Steps);
    }

    // Loops of Taken and FollowElected's tests, written out: as lambdas they allocated a closure and a delegate per
    // token taken, and an enumerator per replacement (session 37).
    // True when the line's chains hold the reading's steps.
    private bool HasChain(Candidate reading)
    {
        foreach (LayerStep[] chain in _chains)
        {
            if (reading.HasSteps(chain))
            {
                return true;
            }
        }

        return false;
    }

    // True when the finding turns Latin letters (LatinText.IsWordLetterOrMark) beside an ASCII letter of the text into
    // text with a CJK character (U+2E80 and above): on a line with no damage of its own, an accented letter inside a
    // Latin word is that word's letter, and a chain the other lines elected reads it as one Han character by chance.
    // The clean "主演：Zoë Saldaña" beside lines of GBK read as UTF-8 became "主演：Zo毛 Saldaña" (ë is C3 AB, GBK's 毛),
    // and so did "Chloë", "Joël", "Citroën" (session 41). The neighbour is an ASCII letter, which the reading keeps (a
    // finding takes in every changed group next to it but losses): a field of mojibake letters only ("âôâ", Shift-JIS
    // read as cp437, the last line of a list, its last byte cut) still follows: with any Latin letter as
    // the neighbour, 6 lossy cases of the dev half were no longer read (lossy flagged 288 -> 283 of 294). A
    // damaged line's tokens still follow its own chains.
    private static bool CjkForLatinLetters(string text, EncodingFinding finding)
    {
        if (finding.Length == 0 || finding.Replacement.AsSpan().IndexOfAnyInRange('\u2E80', '\uFFEF') < 0)
        {
            return false;
        }

        foreach (char c in text.AsSpan(finding.Start, finding.Length))
        {
            if (!LatinText.IsWordLetterOrMark(c))
            {
                return false;
            }
        }

        return (finding.Start > 0 && char.IsAsciiLetter(text[finding.Start - 1])) || (finding.End < text.Length && char.IsAsciiLetter(text[finding.End]));
    }

    // True when some replacement holds a letter beyond ASCII.
    private static bool RestoresLetter(List<EncodingFinding> restored)
    {
        foreach (EncodingFinding f in restored)
        {
            foreach (char c in f.Replacement)
            {
                if (c >= '\u0080' && char.IsLetter(c))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
