"""The content states each legal number as the rules module does (issue 9, "say each legal fact once").

A table of known legal-number patterns maps what a sentence says (a heffing amount, the drempel,
the jaarnorm of a baan, a quotumpercentage for a year, the year before which the heffing is not
imposed, ...) to the dated parameter that holds it. Every content file is read with its
placeholders filled on its ``laatst_gecontroleerd`` date (begrippen, bronnen and pages without a
check date: today), and each number found must equal the parameter on that date; a number that
belongs to a year is checked against that year's value. Numbers in force must not be typed at all:
they come from a ``[[parameter:...]]`` placeholder, so a change in the law is one edit. Sums in
the text ("25 x 1.623 = 40.575") must add up.
"""

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from eligibility.parameters import PARAMETERS
from home.content_files import PLACEHOLDER, fill, read_content, texts

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"

START = r"(?<![\d.,])"  # a number starts here, not inside 40.575
EURO = (
    r"(?:€\s?(?P<n>\d{1,3}(?:\.\d{3})*(?:,\d\d)?)|" + START + r"(?P<m>\d{1,3}(?:\.\d{3})*(?:,\d\d)?)\s?euro)"
)
HOURS = r"(?:verloonde\s)?(?:uur|uren)"
YEAR = re.compile(r"\b(20[1-3]\d)\b")
MONTH = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
DUTCH_DATE = rf"(?P<d>\d{{1,2}} (?:{MONTH}) 20\d\d)"
HEFFING_CONTEXT = r"heffing|122na|uitstel|uitgevoerd"


@dataclass(frozen=True)
class LegalNumber:
    """A way content states a legal number, and the parameter that holds it.

    scope: ``in_force``: the value on the file's date, and it must come from a placeholder;
    ``year``: the value for the year named nearest in the sentence (31 December), or the file's
    date when no year is named; ``history``: any value the parameter held up to the file's date
    (for "vóór 2022": the uitstel years of every text of art. 122na so far); ``change``: a date on
    which the parameter's value changed.
    """

    label: str
    parameter: str
    patterns: tuple
    scope: str = "in_force"
    field: str | None = None
    context: str | None = None  # the sentence must match this too
    offset: int = 0  # "tot en met 2025 niet" states the year before the uitstel year


LEGAL_NUMBERS = (
    LegalNumber(
        "quotumheffing per ontbrekende baan",
        "quotum.heffing_per_baan",
        (
            EURO + r" per ontbrekende",
            r"heffing (?:van|is|bedraagt) (?:dan )?" + EURO,
            r"(?:tekort|banen) (?:maal|x|×) " + EURO,
        ),
    ),
    LegalNumber(
        "drempel voor de heffing",
        "quotum.drempel_uren",
        (
            r"drempel (?:van|is|ligt op|=) (?P<n>\d{2}\.\d{3})",
            r"(?:minder dan|ten minste|minstens|vanaf) (?P<n>\d{2}\.\d{3}) " + HOURS,
            START + r"(?P<n>\d{2}\.\d{3}) " + HOURS + r" (?:of meer|per jaar of meer)",
        ),
    ),
    LegalNumber(
        "gemiddeld aantal verloonde uren per werknemer",
        "quotum.uren_per_werknemer",
        (
            r"\b25 (?:werknemers )?(?:x|×|maal|keer) (?P<n>\d\.\d{3})",
            START + r"(?P<n>\d\.\d{3}) " + HOURS + r"(?: per jaar)? per werknemer",
        ),
    ),
    LegalNumber(
        "jaarnorm van een baan",
        "banen.jaarnorm",
        (
            r"(?:\bbaan|norm)\b[^.,;:]{0,30}?" + START + r"(?P<n>\d\.\d{3}) " + HOURS,
            START
            + r"(?P<n>\d\.\d{3}) "
            + HOURS
            + r"(?: per jaar)? (?:is|=|vormt|geldt als|telt als|voor|per) "
            r"(?:één|1|een) (?:hele )?baan",
            r"(?:÷|/) (?P<n>1\.\d{3})\b",
        ),
        context=r"\bbaan\b|\bbanen\b|jaarnorm",
    ),
    LegalNumber(
        "urennorm van een baan",
        "banen.urennorm",
        (
            r"\bbaan (?:is|=|van|betekent|staat voor)? ?(?P<n>\d{1,2}(?:,\d)?) " + HOURS,
            r"\bbanen van (?P<n>\d{1,2},\d) "
            + HOURS,  # "47 banen van 25,5 uur"; "banen van 36 uur" are jobs, not the norm
            r"(?P<n>\d{1,2}(?:,\d)?) "
            + HOURS
            + r" per week (?:is|=|vormt|geldt als|telt als|is dat) (?:één|1|een) (?:hele )?baan",
            r"\b(?:urennorm|weeknorm|norm) (?:van|is|=) (?P<n>\d{1,2}(?:,\d)?) " + HOURS,
            r"\bper (?P<n>\d{1,2}(?:,\d)?) " + HOURS + r" per week is dat (?:één|1|een) baan",
            r"\bFTA\)? (?:is|=|van|staat voor) (?P<n>\d{1,2}(?:,\d)?) " + HOURS,
            r"(?:÷|/) (?P<n>\d{2},\d)\b",
        ),
    ),
    LegalNumber(
        "loonkostenvoordeel per verloond uur",
        "lkv.bedrag_per_uur",
        (EURO + r" per (?:verloond )?uur",),
        context=r"\bLKV\b|loonkostenvoordeel",
    ),
    LegalNumber(
        "loonkostenvoordeel per jaar ten hoogste",
        "lkv.maximum_per_jaar",
        (r"(?:maximaal|ten hoogste|hoogstens|maximum van|max\.) " + EURO,),
        context=r"\bLKV\b|loonkostenvoordeel",
    ),
    LegalNumber(
        "quotumpercentage overheid",
        "quotum.percentage_overheid",
        (r"(?P<n>\d,\d\d) ?%",),
        scope="year",
        context=r"quotum|percentage|rekent met|calculator",
    ),
    LegalNumber(
        "jaar vóór hetwelk de heffing niet wordt uitgevoerd (art. 122na)",
        "quotum.heffing_uitstel",
        (
            r"jaren (?:vóór|voor) (?:1 januari )?(?P<n>20\d\d)",
            r"niet eerder (?:\w+ )*?dan over (?P<n>20\d\d)",
            r"(?<!\d{4} )\btot (?P<n>20\d\d)\b(?! en met)",  # "uitgesteld tot 2022", not "2018 tot 2020"
        ),
        scope="history",
        field="jaar",
        context=HEFFING_CONTEXT,
    ),
    LegalNumber(
        "laatste jaar zonder heffing (art. 122na)",
        "quotum.heffing_uitstel",
        (r"(?:tot en met|t/m) (?P<n>20\d\d)",),
        scope="history",
        field="jaar",
        context=r"geen heffing|niet (?:uitgevoerd|opgelegd)",
        offset=1,
    ),
    LegalNumber(
        "datum van een tekst van art. 122na",
        "quotum.heffing_uitstel",
        (DUTCH_DATE,),
        scope="change",
        context=r"122na",
    ),
)


def number(text):
    """A Dutch number: 40.575 -> 40575, 25,5 -> 25.5."""
    return Decimal(text.replace(".", "").replace(",", "."))


def as_date(text):
    day, month, year = text.split()
    return datetime.date(int(year), MONTH.split("|").index(month) + 1, int(day))


def plain(text):
    """Markdown to plain sentences' text: links keep their words, emphasis marks go."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return text.replace("**", "").replace("__", "")


def sentences(text):
    """(sentence, line) pairs: a year named in the line (a timeline item) counts for its sentences."""
    for line in plain(text).splitlines():
        for sentence in re.split(r"(?<=[.!?:;])\s+(?=[A-Z(\"'])", line):
            if sentence.strip():
                yield sentence, line


def year_of(text, match):
    """The year a number belongs to: "1,93 % in 2018", "voor 2019: 2,14 %", "in 2023 ... 2,76 %"."""
    after = re.match(r"\s*(?:\(|in|voor|over|van)?\s*(?:het jaar\s)?(20[1-3]\d)\b", text[match.end() :])
    if after:
        return int(after.group(1))
    before = YEAR.findall(text[: match.start()])
    if before:
        return int(before[-1])
    later = YEAR.search(text, match.end())
    return int(later.group(1)) if later else None


def value_of(fact, day):
    value = PARAMETERS[fact.parameter].on(day).value
    if fact.field:
        value = value.get(fact.field) if isinstance(value, dict) else None
    return value


def history(fact, day):
    """Every value the parameter held on or before ``day``."""
    parameter = PARAMETERS[fact.parameter]
    values = {value_of(fact, start) for start in parameter.dates if start <= day}
    return {v for v in values if v is not None}


def stated(fact, match):
    if "d" in match.groupdict() and match["d"]:
        return as_date(match["d"])
    raw = next(match[g] for g in ("n", "m") if g in match.groupdict() and match[g])
    return number(raw) + fact.offset


def check_sentence(sentence, line, day):
    """What is wrong with the legal numbers in one sentence, as readable findings."""
    findings = []
    for fact in LEGAL_NUMBERS:
        if fact.context and not re.search(fact.context, sentence, re.I):
            continue
        for pattern in fact.patterns:
            for match in re.finditer(pattern, sentence, re.I):
                value = stated(fact, match)
                if fact.scope == "change":
                    expected = {d for d in PARAMETERS[fact.parameter].dates if d <= day}
                    ok = value in expected
                elif fact.scope == "history":
                    expected = history(fact, day)
                    ok = value in {Decimal(str(v)) for v in expected}
                else:
                    on = day
                    if fact.scope == "year":
                        year = year_of(sentence, match) or year_of(line, re.search(re.escape(sentence), line))
                        on = datetime.date(year, 12, 31) if year else day
                    expected = value_of(fact, on)
                    ok = expected is not None and value == Decimal(str(expected))
                if not ok:
                    findings.append(
                        f"{fact.label} ({fact.parameter}): '{match[0]}' in '{sentence.strip()}', verwacht {expected}"
                    )
    return findings


def check_text(text, day):
    return [f for sentence, line in sentences(text) for f in check_sentence(sentence, line, day)]


def typed_in_force(text):
    """Legal numbers in force typed into a sentence instead of taken from a placeholder."""
    found = []
    for sentence, _line in sentences(PLACEHOLDER.sub("", text)):
        for fact in LEGAL_NUMBERS:
            if fact.scope != "in_force" or (fact.context and not re.search(fact.context, sentence, re.I)):
                continue
            found += [
                f"{fact.label}: '{m[0]}' in '{sentence.strip()}'"
                for p in fact.patterns
                for m in re.finditer(p, sentence, re.I)
            ]
    return found


NUMBER = r"\d{1,3}(?:\.\d{3})*(?:,\d+)?"
OPERAND = START + NUMBER + r"(?:\s?%)?(?:\s(?:uur|uren|weken|euro|fte|banen|baan|werknemers|Wsw-ers))?"
OPERATOR = r"\s?[x×÷/]\s?"
SUM = re.compile(rf"(?P<sum>{OPERAND}(?:{OPERATOR}{OPERAND})+)\s?=\s?(?P<c>{START}{NUMBER})")


def wrong_sums(text):
    """Sums like '25 x 1.623 = 40.575' or '1.000 × 36 × 2,76 % ÷ 25,5 = 38,96' that do not add up.

    The result may be rounded to the decimals shown, or rounded down (as the quotumtekort is).
    """
    wrong = []
    for match in SUM.finditer(plain(text)):
        operands = re.findall(rf"({NUMBER})(\s?%)?", match["sum"])
        operators = re.findall(r"[x×÷/]", match["sum"])
        values = [number(n) / (100 if percent else 1) for n, percent in operands]
        exact = values[0]
        for operator, value in zip(operators, values[1:], strict=True):
            exact = exact * value if operator in "x×" else exact / value if value else exact
        shown = number(match["c"])
        step = Decimal(1).scaleb(-len(match["c"].partition(",")[2]))
        if not (abs(exact - shown) <= step / 2 or exact.quantize(step, rounding="ROUND_DOWN") == shown):
            wrong.append(f"'{match[0]}' (uitkomst {exact:.4f})")
    return wrong


@pytest.fixture(scope="module")
def content():
    return read_content(CONTENT)


def checked_texts(content):
    """(file, field, text filled on the file's date, raw text, date) for every text a visitor reads."""
    today = datetime.date.today()
    for items in content.items.values():
        for item in items.values():
            day = item.meta.get("laatst_gecontroleerd") or today
            for field_name, text in texts(item):
                yield item.path, field_name, fill(text, day), text, day


def test_no_content_file_states_a_legal_number_that_differs_from_its_parameter(content):
    findings = [
        f"{path} ({field_name}): {finding}"
        for path, field_name, text, _raw, day in checked_texts(content)
        for finding in check_text(text, day)
    ]
    assert findings == []


def test_legal_numbers_in_force_come_from_a_placeholder(content):
    typed = [
        f"{path} ({field_name}): {finding}"
        for path, field_name, _text, raw, _day in checked_texts(content)
        for finding in typed_in_force(raw)
    ]
    assert typed == []


def test_sums_in_the_content_add_up(content):
    wrong = [
        f"{path} ({field_name}): {finding}"
        for path, field_name, text, _raw, _day in checked_texts(content)
        for finding in wrong_sums(text)
    ]
    assert wrong == []


YEAR_WITH_A_DOT = re.compile(r"\b(?:in|vóór|voor|over|tot|sinds|vanaf|jaar|jaren) [12]\.\d{3}\b")


def test_years_are_written_without_a_thousands_dot(content):
    """A year from a placeholder reads 'vóór 2022', never 'vóór 2.022'."""
    dotted = [
        f"{path} ({field_name}): {match[0]}"
        for path, field_name, text, _raw, _day in checked_texts(content)
        for match in YEAR_WITH_A_DOT.finditer(text)
    ]
    assert dotted == []
    assert YEAR_WITH_A_DOT.search("niet uitgevoerd over jaren vóór 2.022")
    assert fill("vóór [[parameter:quotum.heffing_uitstel.jaar@2020-06-01]]", CHECKED) == "vóór 2022"
    assert fill("[[parameter:quotum.eerste_heffingsjaar_overheid@2019-06-01]]", CHECKED) == "2019"
    assert fill("[[parameter:lkv.maximum_per_jaar]] euro", CHECKED) == "2.000 euro"


CHECKED = datetime.date(2026, 12, 2)


@pytest.mark.parametrize(
    "sentence",
    [
        "De heffing is 4.000 euro per ontbrekende baan.",
        "U betaalt een heffing van € 2.500 over elk tekort.",
        "Onder de drempel van 40.000 uur geldt geen heffing.",
        "Een werkgever met minder dan 41.575 verloonde uren valt erbuiten.",
        "De drempel is 25 x 1.600 uur.",
        "Een baan is 1.400 uur per jaar.",
        "Dat is 1.020 ÷ 1.400 = 0,73 baan.",
        "Een baan is 24 uur per week.",
        "Het LKV is 2,01 euro per verloond uur.",
        "Het LKV is maximaal € 3.000 per jaar.",
        "In 2018 was het quotumpercentage 1,99 %.",
        "Het quotumpercentage voor 2019 is 1,93 %.",
        "Volgens artikel 122na wordt de heffing niet uitgevoerd over jaren vóór 2025.",
        "Tot en met 2024 wordt de heffing niet uitgevoerd.",
        "Artikel 122na: de heffing is uitgesteld tot 2023.",
        "De tekst van artikel 122na die geldt sinds 1 maart 2021 noemt 2026.",
    ],
)
def test_a_wrong_legal_number_is_found(sentence):
    assert check_text(sentence, CHECKED), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "De heffing is [[parameter:quotum.heffing_per_baan]] euro per ontbrekende baan.",
        "Onder de drempel van [[parameter:quotum.drempel_uren]] uur geldt geen heffing.",
        "In 2018 was het quotumpercentage [[parameter:quotum.percentage_overheid@2018-12-31]] %.",
        "In 2019 was het quotumpercentage 2,14 %.",
        "Volgens artikel 122na wordt de heffing niet uitgevoerd over jaren vóór 2022.",
        "Volgens de tekst van later wordt de heffing niet uitgevoerd over jaren vóór 2026.",
        "Voor alle jaren tot en met 2025 staat vast dat er geen heffing wordt opgelegd.",
        "Dat is 1.020 ÷ [[parameter:banen.jaarnorm]] = 0,77 baan.",
        "Iemand die 20 uur per week werkt, telt voor 0,78 baan.",
    ],
)
def test_a_right_legal_number_passes(sentence):
    assert check_text(fill(sentence, CHECKED), CHECKED) == []


def test_the_jaarnorm_without_a_legal_source_is_found_once_the_parameter_holds_the_legal_one(monkeypatch):
    """1.326 (25,5 x 52) has no legal source; Besluit Wfsv 2.32 onder d says 1.331."""
    import dataclasses

    jaarnorm = PARAMETERS["banen.jaarnorm"]
    legal_entries = tuple(dataclasses.replace(entry, value=1331) for entry in jaarnorm.entries)
    legal = dataclasses.replace(jaarnorm, entries=legal_entries)
    monkeypatch.setitem(PARAMETERS, "banen.jaarnorm", legal)
    assert check_text("Een baan is 1.326 uur per jaar.", CHECKED)
    assert check_text("Dat is 1.000 / 1.326 = 0,75 baan.", CHECKED)
    assert check_text("Een baan is 1.331 uur per jaar.", CHECKED) == []


def test_typed_numbers_in_force_are_found_and_placeholders_are_not():
    assert typed_in_force("De heffing is 5.000 euro per ontbrekende baan.")
    assert typed_in_force("Een baan is 25,5 uur per week.")
    assert typed_in_force("Vanaf 40.575 verloonde uren geldt de heffing.")
    assert (
        typed_in_force("De heffing is [[parameter:quotum.heffing_per_baan]] euro per ontbrekende baan.") == []
    )
    assert typed_in_force("In 2019 was het quotumpercentage 2,14 %.") == []  # a year's value may be typed


def test_a_sum_that_does_not_add_up_is_found():
    assert wrong_sums("25 x 1.623 = 40.000 uur")
    assert wrong_sums("Dat is 1.020 / 1.331 = 0,80 baan.")
    assert wrong_sums("25 x 1.623 = 40.575 uur en 1.020 ÷ 1.331 = 0,76 baan (afgerond naar beneden).") == []
