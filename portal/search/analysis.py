"""Dutch text analysis for the Whoosh index (and for highlighting on either backend).

Three analyzers:

- ``text_analyzer()``: words -> lower case, accents folded, Dutch stop words removed, stemmed.
  Used for the searchable text fields and for the words of a query.
- ``plain_analyzer()``: the same without stop words and stemming. Used for autocomplete
  (prefixes must match the written word, not its stem) and for the spelling vocabulary.

The filters carry no state of their own: Whoosh pickles the schema (with its analyzers) into
the index, so anything kept on the objects would freeze in the index. They read the module's
configuration instead, which keeps an open index in step with the code.

Stemming: Whoosh ships Snowball's old ``dutch_porter``; PyStemmer (a C extension) ships both
that and Snowball 3's ``dutch``. ``bench/search_quality.py --stemmers`` measures them on the
portal's query set; the measured winner is ``STEMMER`` below (see docs/performance.md): Snowball 3
``dutch`` (success@3 0.971 against 0.956; it joins ministeries/ministerie and
organisaties/organisatie, but leaves praktijkvoorbeelden/praktijkvoorbeeld apart).
Changing it changes every index term: bump ``schema.SCHEMA_VERSION`` so indexes are rebuilt.
"""

import re
import unicodedata
from functools import lru_cache

import Stemmer
from whoosh.analysis import Filter, RegexTokenizer, Tokenizer

#: Which Snowball algorithm stems Dutch words: "dutch_porter" (the one Whoosh ships) or
#: "dutch" (Snowball 3). Chosen by measurement, see the module docstring.
STEMMER = "dutch"

#: Snowball's Dutch stop word list, less the words that carry meaning in this domain
#: ("geen", "niet", "zonder" are kept: "geen uitkering", "zonder indicatie").
STOP_WORDS = frozenset(
    [
        "aan",
        "al",
        "alles",
        "als",
        "altijd",
        "andere",
        "ben",
        "bij",
        "daar",
        "dan",
        "dat",
        "de",
        "der",
        "deze",
        "die",
        "dit",
        "doch",
        "doen",
        "door",
        "dus",
        "een",
        "eens",
        "en",
        "er",
        "ge",
        "geweest",
        "haar",
        "had",
        "heb",
        "hebben",
        "heeft",
        "hem",
        "het",
        "hier",
        "hij",
        "hoe",
        "hun",
        "iemand",
        "iets",
        "ik",
        "in",
        "is",
        "ja",
        "je",
        "kan",
        "kon",
        "kunnen",
        "maar",
        "me",
        "meer",
        "men",
        "met",
        "mij",
        "mijn",
        "moet",
        "na",
        "naar",
        "niets",
        "nog",
        "nu",
        "of",
        "om",
        "omdat",
        "ons",
        "ook",
        "op",
        "over",
        "reeds",
        "te",
        "tegen",
        "toch",
        "toen",
        "tot",
        "u",
        "uit",
        "uw",
        "van",
        "veel",
        "voor",
        "want",
        "waren",
        "was",
        "wat",
        "werd",
        "wezen",
        "wie",
        "wil",
        "worden",
        "wordt",
        "zal",
        "ze",
        "zelf",
        "zich",
        "zij",
        "zijn",
        "zo",
        "zou",
    ]
)

#: Light words: Dutch function words that are not stop words (the stop list keeps its Snowball
#: origin, and the index keeps these words). In a query they weigh ``query.LIGHT_WEIGHT`` instead
#: of a full word: they break ties between pages but do not decide them ("kunnen we samen met
#: andere werkgevers banen creeren": "we" is on many pages that are not about working together).
#: The list is closed-class, not tuned on queries: the personal and possessive pronouns, the
#: forms of the modal and auxiliary verbs, and the question words of Dutch grammar, less the
#: stop words above; each is checked to carry no topic among the content's most frequent words
#: (``onze``, ``wij``, ``welke``, ``waar``, ``kunt`` are among its 200 most frequent).
LIGHT_WORDS = frozenset(
    [
        # personal and possessive pronouns
        "we",
        "wij",
        "jij",
        "jou",
        "jouw",
        "jullie",
        "onze",
        "hen",
        "elkaar",
        # modal and auxiliary verbs
        "kun",
        "kunt",
        "konden",
        "moeten",
        "moest",
        "moesten",
        "mag",
        "mogen",
        "mocht",
        "mochten",
        "wilt",
        "willen",
        "wilde",
        "wilden",
        "zult",
        "zullen",
        "zouden",
        "bent",
        "hebt",
        "hadden",
        "word",
        "werden",
        "ga",
        "gaat",
        "gaan",
        "ging",
        "doe",
        "doet",
        # question words
        "waar",
        "wanneer",
        "waarom",
        "welke",
        "welk",
        "hoeveel",
    ]
)

#: Words: runs of letters and digits ("art. 38b" gives "art", "38b"; "25,5" gives "25", "5").
TOKEN_PATTERN = re.compile(r"[^\W_]+", re.UNICODE)

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def fold(text):
    """Lower case, accents removed: 'Geïnteresseerd' -> 'geinteresseerd', 'één' -> 'een'."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def _stemmer():
    stemmer = Stemmer.Stemmer(STEMMER)
    stemmer.maxCacheSize = 50_000
    return stemmer


def stem(word):
    """Stem one folded word with the chosen Snowball algorithm."""
    return _stemmer().stemWord(word)


class FoldFilter(Filter):
    """Lower case and accent folding, after NFKD decomposition. Drops tokens that fold to nothing."""

    def __call__(self, tokens):
        for t in tokens:
            text = fold(t.text)
            if not text.isalnum():
                text = _NON_WORD.sub("", text)
            if text:
                t.text = text
                yield t


class DutchStopFilter(Filter):
    """Removes Dutch stop words; later positions move up, so phrases still line up (and the gaps
    between the fields of the catch-all field stay)."""

    def __call__(self, tokens):
        removed = 0
        for t in tokens:
            if t.text in STOP_WORDS:
                removed += 1
                continue
            if t.positions:
                t.pos -= removed
            yield t


class DutchStemFilter(Filter):
    """Stems with Snowball (PyStemmer); numbers and very short words are left alone."""

    def __call__(self, tokens):
        for t in tokens:
            text = t.text
            if len(text) > 3 and not text.isdigit():
                t.text = stem(text)
            yield t


class LengthLimitFilter(Filter):
    """Drops absurdly long tokens (pasted hashes, 10 kB strings): they never help and cost index space."""

    def __call__(self, tokens):
        for t in tokens:
            if len(t.text) <= 60:
                yield t


def _tokenizer():
    return RegexTokenizer(expression=TOKEN_PATTERN)


#: Marks the segments of a boosted text: SEGMENT + boost + BOOST_END + text, repeated.
SEGMENT = "\x1e"
BOOST_END = "\x1f"
#: Positions skipped between segments, so a phrase never spans two fields.
SEGMENT_GAP = 100


def boosted_text(parts):
    """One string from [(boost, text)] for the catch-all field: each word of a text weighs its
    field's boost in the index, so a query needs one term per word, not one per field."""
    out = []
    for boost, text in parts:
        clean = text.replace(SEGMENT, " ").replace(BOOST_END, " ")
        out.append(f"{SEGMENT}{float(boost):g}{BOOST_END}{clean}")
    return "".join(out)


class BoostedSegmentTokenizer(Tokenizer):
    """Tokenizes a ``boosted_text``: every token carries its segment's boost (Whoosh adds the
    boosts of a word's occurrences into the posting's weight, which BM25 uses as frequency)."""

    def __call__(self, value, positions=False, start_pos=0, start_char=0, **kwargs):
        inner = _tokenizer()
        pos = start_pos
        char = start_char
        for segment in value.split(SEGMENT):
            if BOOST_END in segment:
                head, text = segment.split(BOOST_END, 1)
                try:
                    boost = float(head)
                except ValueError:
                    boost = 1.0
                offset = len(head) + 2
            else:
                text, boost, offset = segment, 1.0, 1
            last = None
            for t in inner(text, positions=positions, start_pos=pos, start_char=char + offset, **kwargs):
                t.boost = boost
                last = t.pos if positions else None
                yield t
            if positions and last is not None:
                pos = last + SEGMENT_GAP
            char += len(segment) + 1


def text_analyzer():
    return _tokenizer() | FoldFilter() | LengthLimitFilter() | DutchStopFilter() | DutchStemFilter()


def boosted_text_analyzer():
    """``text_analyzer`` for ``boosted_text`` values (the index's catch-all field)."""
    tokenizer = BoostedSegmentTokenizer()
    return tokenizer | FoldFilter() | LengthLimitFilter() | DutchStopFilter() | DutchStemFilter()


def plain_analyzer():
    return _tokenizer() | FoldFilter() | LengthLimitFilter()


@lru_cache(maxsize=1)
def _text():
    return text_analyzer()


@lru_cache(maxsize=1)
def _plain():
    return plain_analyzer()


def analyze(text):
    """The stemmed index terms of a piece of text, in order (stop words dropped)."""
    return [t.text for t in _text()(text or "", mode="query")]


def words(text):
    """The folded words of a piece of text, in order (no stemming, no stop words removed)."""
    return [t.text for t in _plain()(text or "", mode="query")]


def is_stop_word(word):
    return fold(word) in STOP_WORDS


def is_light_word(word):
    return fold(word) in LIGHT_WORDS


# ---------------------------------------------------------------------------------------------
# Compounds and inflection, from the index's own vocabulary
#
# Dutch writes compounds as one word, and visitors write them differently than the content does:
# joined where the content splits ("swbedrijf" for "sw-bedrijf", "doelgroep register"), with
# another linking sound ("doelgroepenregister" for "doelgroepregister"), or made up on the spot
# ("inleenkracht"). The stemmer leaves those apart, and so do English plurals ("jobcoaches").
# The functions below find the forms the content does use: ``known(word)`` tells whether the
# index has a (folded, unstemmed) word. They never guess a form the index does not have.

#: Linking sounds between the parts of a Dutch compound (tussenklanken), "" first.
LINKS = ("", "s", "en", "e")
#: Parts shorter than this are not split off ("sw" is the shortest useful modifier).
MIN_HEAD = 2
MIN_TAIL = 4
#: Words shorter than this are not split; longer ones are not tried either (pasted strings).
MIN_COMPOUND = 6
MAX_COMPOUND = 40
#: Endings that an inflected or plural form may carry beyond a known form (the Dutch stemmer
#: strips most Dutch ones itself; these also catch English loanwords: "jobcoaches").
INFLECTIONS = ("es", "s", "en", "e", "'s")


def inflections(word, known):
    """Known forms of ``word`` without an inflection ending whose stem differs from the word's
    (so the index would not join them): "jobcoaches" -> ["jobcoach"]."""
    found = []
    for ending in INFLECTIONS:
        base = word[: -len(ending)]
        if word.endswith(ending) and len(base) >= MIN_TAIL and known(base) and stem(base) != stem(word):
            found.append(base)
    return list(dict.fromkeys(found))


def _known_part(part, known):
    """``part`` or a known form of it without an inflection ending ("krachten" -> "kracht"),
    else None."""
    if known(part):
        return part
    for ending in INFLECTIONS:
        base = part[: -len(ending)]
        if part.endswith(ending) and len(base) >= MIN_TAIL and known(base):
            return base
    return None


def compound_splits(word, known):
    """Ways to read ``word`` as a known head + linking sound + known tail: [(head, link, tail)],
    the longest shorter part first ("doelgroepenregister" -> [("doelgroep", "en", "register")])."""
    if not (MIN_COMPOUND <= len(word) <= MAX_COMPOUND) or not word.isalpha():
        return []
    found = []
    for cut in range(MIN_HEAD, len(word) - MIN_TAIL + 1):
        head, rest = word[:cut], word[cut:]
        if head in STOP_WORDS or not known(head):
            continue
        for link in LINKS:
            if rest.startswith(link) and len(rest) - len(link) >= MIN_TAIL:
                tail = _known_part(rest[len(link) :], known)
                if tail and tail not in STOP_WORDS:
                    found.append((head, link, tail))
    found.sort(key=lambda split: (-min(len(split[0]), len(split[2])), split[1] != ""))
    return found


def compound_alternatives(word, known, frequency=None):
    """What else the index may use for ``word``: ([other joined forms], [parts]).

    Joined forms: the same head and tail with another linking sound, when the index has them
    more often than ``word`` ("doelgroepenregister" -> "doelgroepregister"). Parts: head and tail of the best split
    (["sw", "bedrijf"] for "swbedrijf", which a phrase search finds as "sw-bedrijf"), only for
    words the index does not have itself, or has less often than a joined form."""
    frequency = frequency or (lambda w: 1 if known(w) else 0)
    splits = compound_splits(word, known)
    own = frequency(word)
    joined = []
    for head, _link, tail in splits:
        for other in LINKS:
            form = head + other + tail
            if form != word and form not in joined and frequency(form) > own:
                joined.append(form)
    parts = []
    if splits and (not own or joined):
        head, _, tail = splits[0]
        parts = [head, tail]
    elif not splits and not own:
        parts = _known_end(word, known)
    return joined[:3], parts


#: Other compounds of a split compound's head that stand in for it (``head_compounds``).
MAX_HEAD_COMPOUNDS = 3


def head_compounds(word, head, tail, words_with_prefix, frequency):
    """The content's other compounds that begin with ``head`` (not with ``head`` + ``tail``: that
    is a joined form), the most frequent first: for "kennisorganisatie" (kennis + organisatie)
    in content that writes "kennisintensieve organisaties", ["kennisintensief", ...]. Together
    with the tail they read the typed compound as the content does: a Dutch compound is a kind
    of its tail (a kennisorganisatie is an organisatie), specified by a word that starts like it."""
    found = []
    for other in words_with_prefix(head):
        if other == word or not other.isalpha() or len(other) - len(head) < MIN_TAIL:
            continue
        if any(other.startswith(head + link + tail) for link in LINKS):
            continue
        found.append(other)
    found.sort(key=lambda w: (-frequency(w), w))
    return found[:MAX_HEAD_COMPOUNDS]


#: A compound of which only one end is known: that end counts when it is at least this long.
MIN_KNOWN_END = 5


def _known_end(word, known):
    """[the longest known start or end of ``word``] for a compound of which the index has only
    one part ("inleenkracht" in content that has "inleen" but not "kracht"), else []."""
    if not (MIN_COMPOUND <= len(word) <= MAX_COMPOUND) or not word.isalpha():
        return []
    for size in range(len(word) - 3, MIN_KNOWN_END - 1, -1):
        for part in (word[:size], _known_part(word[-size:], known) or ""):
            if part and part not in STOP_WORDS and known(part):
                return [part]
    return []


def joined_form(first, second, frequency):
    """The one word that two typed words make when written together, the form the index has
    most often: ("doelgroep", "register") -> "doelgroepregister", ("loonkosten", "subsidie") ->
    "loonkostensubsidie", ("doelgroepen", "register") -> "doelgroepregister"; else None."""
    if not (first.isalpha() and second.isalpha()) or len(first) < MIN_HEAD or len(second) < MIN_TAIL:
        return None
    heads = [first] + [first[: -len(e)] for e in ("en", "s") if first.endswith(e) and len(first) > len(e) + 2]
    forms = {head + link + second for head in heads for link in LINKS}
    found = [(frequency(form), form) for form in forms if len(form) <= MAX_COMPOUND]
    best = max(found, default=(0, None))
    return best[1] if best[0] > 0 else None
