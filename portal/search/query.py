"""From what a visitor typed to a ``modelsearch`` query, the same for both backends.

- The input is cleaned first: control characters and NUL bytes out, at most ``MAX_QUERY_LENGTH``
  characters, and only words (runs of letters and digits) go on, so neither Whoosh nor SQLite
  FTS5 nor PostgreSQL ever sees a syntax character from the visitor.
- "Quoted words" become a phrase.
- Synonyms and abbreviations (``portal.search.synonyms``) are added as alternatives.
- Words the index does not know get their spelling correction as an alternative (the
  correction also becomes the "Bedoelde u ...?" suggestion).
- Compounds and inflection (``portal.search.analysis``, from the index's own vocabulary): a word
  gets the forms the content uses instead ("doelgroepenregister" -> "doelgroepregister",
  "jobcoaches" -> "jobcoach"), an unknown compound its parts ("swbedrijf" -> "sw bedrijf"),
  and two typed words their joined form ("loonkosten subsidie" -> "loonkostensubsidie").
- The words are OR-ed: a page with more of them ranks higher (coordination on Whoosh), so a
  question typed in full still finds the page that answers it.
- On Whoosh only (the database backends take no weights): light words ("we", "mag", "welke")
  weigh half a word, and two typed words that follow each other give a bonus to an object
  whose name has them next to each other (``NamePair``).
"""

import re
import unicodedata
from dataclasses import dataclass, field

from modelsearch.query import And, Boost, Or, Phrase, PlainText, SearchQuery

from portal.search import analysis, synonyms

MAX_QUERY_LENGTH = 255
#: Word pairs of one query given a name bonus (``NamePair``).
MAX_NAME_PAIRS = 12
#: Weight of an added synonym or spelling alternative, relative to the words typed (Whoosh only:
#: the database backends support no boosts).
ALTERNATIVE_BOOST = 0.6
CORRECTION_BOOST = 0.9
#: Weight of a light word (``analysis.LIGHT_WORDS``: "we", "mag", "welke"), relative to a word
#: that carries the topic (Whoosh only). It still counts as a whole unit in a page's share of
#: the query's units (``portal.search.matching.Coordinated``): counting it for half measured worse.
LIGHT_WEIGHT = 0.5

_QUOTED = re.compile(r'"([^"]*)"')


class NamePair(SearchQuery):
    """Two words typed one after the other: a bonus (not a unit of the query) for an object whose
    name (a page's title, a begrip's term) has them next to each other (Whoosh only:
    ``portal.search.compiler``). It lifts the page whose title says what a long question asks."""

    def __init__(self, first, second):
        self.words = (first, second)

    def __repr__(self):
        return f"<NamePair {self.words!r}>"


def clean(raw):
    """The query as shown back to the visitor: printable, single-spaced, at most 255 characters."""
    if raw is None:
        return ""
    text = "".join(
        ch if not unicodedata.category(ch).startswith("C") else " " for ch in str(raw)[: MAX_QUERY_LENGTH * 4]
    )
    text = re.sub(r"\s+", " ", text).strip()
    return text[:MAX_QUERY_LENGTH].strip()


@dataclass
class ParsedQuery:
    text: str
    phrases: list = field(default_factory=list)  # [[word, ...], ...]
    units: list = field(default_factory=list)  # from synonyms.segment
    corrections: dict = field(default_factory=dict)  # word -> corrected word
    variants: dict = field(default_factory=dict)  # word -> ([other forms], [compound parts])
    head_compounds: dict = field(default_factory=dict)  # word -> [the content's compounds of its head]

    @property
    def is_empty(self):
        return not self.phrases and not any(self._content_units())

    def _content_units(self):
        for unit in self.units:
            if unit[0] != "word" or not analysis.is_stop_word(unit[1]):
                yield unit

    def suggestion(self):
        """The query with every correction applied, or None when nothing was corrected."""
        if not self.corrections:
            return None
        out = []
        for token in re.findall(r"\S+", self.text):
            folded = analysis.words(token)
            replaced = token
            if len(folded) == 1 and folded[0] in self.corrections:
                replaced = self.corrections[folded[0]]
            out.append(replaced)
        suggestion = " ".join(out)
        return suggestion if suggestion != self.text else None

    def words_for_highlight(self):
        """Every word or alternative that may be highlighted in a result."""
        found = []
        for phrase in self.phrases:
            found.extend(phrase)
        for unit in self._content_units():
            if unit[0] == "word":
                found.append(unit[1])
                if unit[1] in self.corrections:
                    found.append(self.corrections[unit[1]])
                forms, parts = self.variants.get(unit[1], ((), ()))
                found.extend([*forms, *parts, *self.head_compounds.get(unit[1], ())])
            elif unit[0] == "join":
                found.extend([*unit[1], unit[2]])
            else:
                found.extend(unit[1])
                for alternative in unit[2]:
                    found.extend(alternative)
        return found

    def to_query(self, weighted=True):
        """The modelsearch query, or None when there is nothing to search for."""
        parts = []
        for phrase in self.phrases:
            parts.append(Phrase(" ".join(phrase)) if len(phrase) > 1 else PlainText(phrase[0]))
        content = list(self._content_units())
        if not content and not parts:
            # Only stop words ("wie is het"): search for them as they are.
            content = [u for u in self.units if u[0] == "word"]
        for unit in content:
            if unit[0] == "word" and weighted and analysis.is_light_word(unit[1]):
                parts.append(Boost(PlainText(unit[1]), LIGHT_WEIGHT))
            elif unit[0] == "word":
                word = unit[1]
                options = [PlainText(word)]
                forms, split = self.variants.get(word, ((), ()))
                if word in self.corrections:
                    forms = [self.corrections[word], *forms]
                alternatives = [PlainText(form) for form in forms]
                if len(split) > 1:
                    # written apart or hyphenated ("sw-bedrijf"), or both parts anywhere
                    alternatives += [Phrase(" ".join(split)), PlainText(" ".join(split), operator="and")]
                    compounds = self.head_compounds.get(word)
                    if compounds:  # as the content writes it: "kennisintensieve organisaties"
                        others = (
                            Or([PlainText(c) for c in compounds])
                            if len(compounds) > 1
                            else PlainText(compounds[0])
                        )
                        alternatives.append(And([others, PlainText(split[-1])]))
                elif split:
                    alternatives.append(PlainText(split[0]))
                options += [Boost(q, CORRECTION_BOOST) if weighted else q for q in alternatives]
                parts.append(Or(options) if len(options) > 1 else options[0])
            elif unit[0] == "join":
                _, typed, joined = unit
                alternative = PlainText(joined)
                parts.append(
                    Or(
                        [
                            PlainText(" ".join(typed), operator="or"),
                            Boost(alternative, CORRECTION_BOOST) if weighted else alternative,
                        ]
                    )
                )
            else:
                _, span, alternatives = unit
                options = [_words_query(span)]
                for alternative in alternatives:
                    q = _words_query(alternative)
                    options.append(Boost(q, ALTERNATIVE_BOOST) if weighted else q)
                parts.append(Or(options))
        if not parts:
            return None
        if weighted and len(parts) > 1:
            parts += self._name_pairs()
        # Always an OR of units, even of one: the Whoosh backend coordinates the units of the
        # top-level OR and takes the best of each unit's alternatives.
        return Or(parts)

    def _name_pairs(self):
        """``NamePair`` bonuses for the typed words that follow each other (stop words left out,
        as the index leaves them out; light words too: they say nothing about a name)."""
        typed = []
        for unit in self.units:
            typed.extend([unit[1]] if unit[0] == "word" else unit[1])
        typed = [w for w in typed if not analysis.is_stop_word(w) and not analysis.is_light_word(w)]
        pairs = list(dict.fromkeys(zip(typed, typed[1:], strict=False)))
        return [NamePair(first, second) for first, second in pairs[:MAX_NAME_PAIRS]]

    def to_simple_query(self):
        """The typed words only (no synonyms, corrections or phrases), all required: the cheap
        query the portal falls back on when the full one ran out of time."""
        found = []
        for phrase in self.phrases:
            found.extend(phrase)
        for unit in self._content_units():
            found.extend([unit[1]] if unit[0] == "word" else unit[1])
        found = list(dict.fromkeys(found))
        return PlainText(" ".join(found), operator="and") if found else None


def _words_query(words):
    return PlainText(words[0]) if len(words) == 1 else Phrase(" ".join(words))


def parse(raw, speller=None):
    """Parse a visitor's query. ``speller`` (see ``portal.search.spelling``) proposes corrections."""
    text = clean(raw)
    parsed = ParsedQuery(text=text)
    rest = []
    last = 0
    for match in _QUOTED.finditer(text):
        rest.append(text[last : match.start()])
        phrase = analysis.words(match.group(1))
        if phrase:
            parsed.phrases.append(phrase)
        last = match.end()
    rest.append(text[last:])
    plain_words = analysis.words(" ".join(rest).replace('"', " "))
    parsed.units = synonyms.segment(plain_words)
    if speller is not None:
        known = _vocabulary(speller)
        parsed.units = _join_written_apart(parsed.units, speller.frequency)
        candidates = [
            u[1]
            for u in parsed.units
            if u[0] == "word" and not analysis.is_stop_word(u[1]) and not u[1].isdigit() and len(u[1]) >= 4
        ]
        for word in candidates[:MAX_VARIANT_WORDS]:
            forms = analysis.inflections(word, known)
            joined, split = analysis.compound_alternatives(word, known, speller.frequency)
            if forms or joined or split:
                parsed.variants[word] = (list(dict.fromkeys([*forms, *joined])), split)
        # a word for which the content has another form needs no spelling correction; a word
        # one or two edits from a known word is more likely a typo than a compound
        parsed.corrections = speller.corrections(
            [w for w in candidates if not parsed.variants.get(w, [[]])[0]]
        )
        for word in parsed.corrections:
            if word in parsed.variants:
                parsed.variants[word] = (parsed.variants[word][0], [])
        for word, (_forms, split) in parsed.variants.items():
            if len(split) == 2:
                compounds = analysis.head_compounds(
                    word, *split, speller.words_with_prefix, speller.frequency
                )
                if compounds:
                    parsed.head_compounds[word] = compounds
    return parsed


#: Words of one query that compounds and inflection are looked up for (a few lookups each).
MAX_VARIANT_WORDS = 16


def _vocabulary(speller):
    cache = {}

    def known(word):
        if word not in cache:
            cache[word] = speller.frequency(word) > 0
        return cache[word]

    return known


def _join_written_apart(units, frequency):
    """Two typed words next to each other that the content writes as one word become one unit
    ("join", [first, second], joined)."""
    out = []
    i = 0
    while i < len(units):
        unit = units[i]
        following = units[i + 1] if i + 1 < len(units) else None
        if (
            following is not None
            and unit[0] == following[0] == "word"
            and not analysis.is_stop_word(unit[1])
            and not analysis.is_stop_word(following[1])
        ):
            joined = analysis.joined_form(unit[1], following[1], frequency)
            if joined:
                out.append(("join", [unit[1], following[1]], joined))
                i += 2
                continue
        out.append(unit)
        i += 1
    return out
