"""Counting a file of anonymous placements: which lines count, for whom, and how many banen.

A trekker uploads a CSV or XLSX whose columns are facts of the questions ``telt_mee`` and
``banen`` (one line per placement, no personal data). Each line is evaluated by the engine; the
result is shown per line, with totals per werkgever, and can be downloaded as CSV or XLSX.

Nothing is stored. ``LimitedUploadHandler`` keeps the upload in memory and stops keeping bytes
past the size limit, so a 10 MB file is refused without being written anywhere; a result page
carries its lines in a compressed form field, so a download recomputes them from that field.
Files with columns that identify people are refused outright. Text cells that a spreadsheet
would run as a formula (= + - @, tab, CR) are prefixed with ``'`` in every output.
"""

import base64
import binascii
import csv
import datetime
import io
import json
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler

from eligibility import engine
from eligibility.checker import state
from eligibility.checker.text import organisation
from eligibility.facts import BOOL, INT, NUMBER, NUMBER_LIST
from eligibility.nl import nl_number, number_text, parse_number
from eligibility.parameters import parameter

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 40
# A sheet is read row by row, and every row counts, empty ones too (openpyxl makes up the rows a
# sheet skips, so a sheet that names row 50,000,000 would otherwise be walked to the end).
MAX_SHEET_ROWS = MAX_ROWS + 100
# Cells (and shared strings) the sheet XML may hold before it is parsed at all.
MAX_SHEET_CELLS = MAX_SHEET_ROWS * (MAX_COLUMNS + 10)
MAX_CELL = 200
MAX_UNZIPPED = 40 * 1024 * 1024
MAX_PACKED = 2 * 1024 * 1024 - 4096  # a form field, under DATA_UPLOAD_MAX_MEMORY_SIZE
MAX_ERRORS_SHOWN = 5

REQUIRED = ("persoon_in_doelgroep", "constructie")
HOURS = ("uren_per_week", "uren_per_week_per_persoon", "uren_per_jaar", "uren_per_jaar_per_persoon")
YES = {"ja", "j", "yes", "y", "true", "waar", "1", "x"}
NO = {"nee", "n", "no", "false", "onwaar", "0"}
DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")

# Column names that identify a person, compared without case, accents, spaces or punctuation.
PII_WORDS = (
    "naam",
    "name",
    "bsn",
    "burgerservice",
    "sofinummer",
    "sofinr",
    "geboorte",
    "birth",
    "adres",
    "address",
    "straat",
    "street",
    "huisnummer",
    "postcode",
    "zipcode",
    "postalcode",
    "woonplaats",
    "email",
    "mail",
    "telefoon",
    "phone",
    "mobiel",
    "mobile",
    "iban",
    "rekeningnummer",
    "personeelsnummer",
    "medewerkernummer",
    "paspoort",
    "passport",
    "identiteit",
    "geslacht",
    "initialen",
)
PII_TOKENS = {"tel", "telnr", "dob", "zip", "sex"}


class FileRefused(Exception):
    """The file cannot be counted; ``messages`` says why, in Dutch."""

    def __init__(self, *messages):
        super().__init__(*messages)
        self.messages = list(messages)


class LimitedUploadHandler(FileUploadHandler):
    """Keep an upload in memory up to ``limit`` bytes in all; count, but drop, whatever is past it."""

    def __init__(self, request=None, limit=MAX_BYTES):
        super().__init__(request)
        self.limit = limit
        self.total = 0

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.buffer = io.BytesIO()
        self.size = 0
        self.too_big = False

    def receive_data_chunk(self, raw_data, start):
        self.size += len(raw_data)
        self.total += len(raw_data)
        if self.size > self.limit or self.total > self.limit:
            self.too_big = True
            self.buffer = io.BytesIO()
        elif not self.too_big:
            self.buffer.write(raw_data)
        return None

    def file_complete(self, file_size):
        self.buffer.seek(0)
        upload = InMemoryUploadedFile(
            self.buffer,
            self.field_name,
            self.file_name,
            self.content_type,
            self.size,
            self.charset,
            self.content_type_extra,
        )
        upload.too_big = self.too_big
        return upload


# --- columns ----------------------------------------------------------------------------------


def columns():
    """Allowed columns: the facts of telt_mee, then those of banen, in asking order."""
    out = []
    for question in ("telt_mee", "banen"):
        for fact in state.facts_of(question):
            if fact.name not in out:
                out.append(fact.name)
    return out


def column_help():
    """Each allowed column with its question and allowed values, for the page and the template."""
    out = []
    for name in columns():
        fact = fact_for(name)
        if fact.choices:
            allowed = "; ".join(f"{value} ({label})" for value, label in fact.choices)
        elif fact.kind == BOOL:
            allowed = "ja of nee"
        elif fact.kind == NUMBER_LIST:
            allowed = f"getallen gescheiden door ; ({fact.unit})"
        elif fact.kind in (NUMBER, INT):
            allowed = f"een getal ({fact.unit})" if fact.unit else "een getal"
        else:
            allowed = "de naam van de organisatie, zonder gegevens over personen"
        out.append({"name": name, "label": fact.label_on(), "allowed": allowed, "help": fact.help_on()})
    return out


def fact_for(name):
    for question in ("telt_mee", "banen"):
        facts = state.schema(question)
        if name in facts:
            return facts[name]
    return None


def normalise(header):
    """'Persoon in doelgroep ' -> 'persoon_in_doelgroep'; accents and case do not matter."""
    text = unicodedata.normalize("NFKD", str(header)).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
    return text


def identifies_people(header):
    name = normalise(header)
    if fact_for(name) is not None:
        return False  # a fact of the engine is never about who someone is
    compact = name.replace("_", "")
    if any(word in compact for word in PII_WORDS):
        return True
    return any(token in PII_TOKENS for token in name.split("_"))


# --- reading a file ---------------------------------------------------------------------------


@dataclass
class Table:
    header: list  # as in the file
    rows: list  # [(line number in the file, [cell text, ...]), ...]


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int | float | Decimal):
        return number_text(value)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _column_letter(index):
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_file(name, data):
    """The Table in an uploaded file, or raise FileRefused."""
    if len(data) > MAX_BYTES:
        raise FileRefused(
            f"Het bestand is te groot ({nl_number(len(data) / 1024 / 1024, 1)} MB). Het mag ten hoogste 2 MB "
            "zijn; splits het bestand."
        )
    if not data.strip():
        raise FileRefused("Het bestand is leeg.")
    lower = (name or "").lower()
    if data.startswith(b"\xd0\xcf\x11\xe0") or lower.endswith(".xls"):
        raise FileRefused(
            "Dit is een oud Excel-bestand (.xls). Sla het op als Excel-werkmap (.xlsx) of als CSV UTF-8."
        )
    if lower.endswith(".xlsx") or data.startswith(b"PK\x03\x04"):
        return _read_xlsx(data)
    if lower.endswith((".csv", ".txt")) or not lower.rpartition(".")[1]:
        return _read_csv(data)
    raise FileRefused("Alleen een CSV-bestand (.csv) of een Excel-werkmap (.xlsx) kan worden geteld.")


def _read_csv(data):
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data:
        raise FileRefused(
            "Het bestand is niet in UTF-8 opgeslagen (het lijkt UTF-16 of een binair bestand). Kies in Excel "
            "'Opslaan als' en dan 'CSV UTF-8 (door komma's gescheiden)', of gebruik het Excel-sjabloon."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FileRefused(
            f"Het bestand is niet in UTF-8 opgeslagen (onleesbaar teken in regel {line}). Kies in Excel "
            "'Opslaan als' en dan 'CSV UTF-8 (door komma's gescheiden)', of gebruik het Excel-sjabloon."
        ) from None
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    rows = []
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        header = next(reader, None)
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if len(rows) >= MAX_ROWS:
                raise FileRefused(_too_many_rows())
            rows.append((reader.line_num, row))
    except csv.Error:
        raise FileRefused(
            f"Het CSV-bestand is niet goed opgebouwd rond regel {reader.line_num}: controleer de "
            'aanhalingstekens (") en de scheidingstekens.'
        ) from None
    if header is None:
        raise FileRefused("Het bestand is leeg.")
    return Table(header, rows)


def _too_many_rows():
    return f"Het bestand heeft meer dan {nl_number(MAX_ROWS, 0)} regels. Splits het in kleinere bestanden."


def _too_many_sheet_rows():
    return (
        f"Het werkblad heeft meer dan {nl_number(MAX_SHEET_ROWS, 0)} rijen (lege rijen tellen mee). "
        f"Er mogen ten hoogste {nl_number(MAX_ROWS, 0)} regels in staan: verwijder de lege rijen onder de "
        "gegevens of splits het bestand."
    )


# An element <c ...>, <row ...> or <si ...>, with or without a namespace prefix (x:c).
_ELEMENT = {tag: re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?" + tag + rb"[\s/>]") for tag in (b"c", b"row", b"si")}


def _check_cell_counts(data, names):
    """Refuse a workbook whose sheets or shared strings hold more elements than a full template.

    A cheap scan of the unzipped XML before openpyxl parses it: openpyxl reads a whole row (all of
    its cells) and all shared strings at once, so the limits must hold before it starts.
    """
    too_many = FileRefused(
        f"Het Excel-bestand heeft te veel cellen (meer dan {nl_number(MAX_SHEET_CELLS, 0)} op een werkblad). "
        "Houd het bij de kolommen uit het sjabloon, op één werkblad, en splits grote bestanden."
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in sorted(names):
            if (
                not (name.startswith("xl/worksheets/") and name.endswith(".xml"))
                and name != "xl/sharedStrings.xml"
            ):
                continue
            tags = (b"si",) if name == "xl/sharedStrings.xml" else (b"c", b"row")
            counts = dict.fromkeys(tags, 0)
            tail = b""
            try:
                with archive.open(name) as member:
                    while chunk := member.read(1 << 20):
                        # Elements that straddle two chunks are counted in the overlap exactly once.
                        window = tail + chunk
                        start = len(tail)
                        for tag in tags:
                            counts[tag] += sum(1 for m in _ELEMENT[tag].finditer(window) if m.end() > start)
                        if counts.get(b"row", 0) > MAX_SHEET_ROWS:
                            raise FileRefused(_too_many_sheet_rows())
                        if max(counts.values()) > MAX_SHEET_CELLS:
                            raise too_many
                        tail = window[-64:]
            except (zipfile.BadZipFile, ValueError, OSError, EOFError, zlib.error):
                raise FileRefused(
                    "Dit is geen geldig Excel-bestand (.xlsx). Sla het opnieuw op als Excel-werkmap of als CSV UTF-8."
                ) from None


def _read_xlsx(data):
    import openpyxl  # only needed here

    not_xlsx = (
        "Dit is geen geldig Excel-bestand (.xlsx). Sla het opnieuw op als Excel-werkmap of als CSV UTF-8."
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unzipped = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        raise FileRefused(not_xlsx) from None
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise FileRefused(not_xlsx)
    if unzipped > MAX_UNZIPPED or len(names) > 500:
        raise FileRefused(
            "Het Excel-bestand is uitgepakt te groot. Houd het bij de gegevens uit het sjabloon."
        )
    _check_cell_counts(data, names)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds of errors on a broken file
        raise FileRefused(not_xlsx) from None
    try:
        sheet = workbook.worksheets[0]
        header, rows, formulas = None, [], []
        for number, row in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS + 10), 1):
            if number > MAX_SHEET_ROWS:
                raise FileRefused(_too_many_sheet_rows())
            cells = []
            for index, cell in enumerate(row):
                value = getattr(cell, "value", None)
                if getattr(cell, "data_type", None) == "f" or (
                    isinstance(value, str) and value.startswith("=")
                ):
                    formulas.append(f"{_column_letter(index)}{number}")
                    value = ""
                cells.append(_cell_text(value))
            if header is None:
                if any(c.strip() for c in cells):
                    header = cells
                continue
            if not any(c.strip() for c in cells):
                continue
            if len(rows) >= MAX_ROWS:
                raise FileRefused(_too_many_rows())
            rows.append((number, cells))
    except FileRefused:
        raise
    except Exception:  # noqa: BLE001 - a sheet that cannot be read is a bad file, not a crash
        raise FileRefused(not_xlsx) from None
    finally:
        workbook.close()
    if formulas:
        shown = ", ".join(formulas[:MAX_ERRORS_SHOWN]) + (
            " en meer" if len(formulas) > MAX_ERRORS_SHOWN else ""
        )
        raise FileRefused(
            f"Het bestand bevat formules (cel {shown}). De telling rekent niet met formules: vervang ze door "
            "hun waarden (kopiëren en 'Plakken speciaal' > 'Waarden')."
        )
    if header is None:
        raise FileRefused("Het bestand is leeg.")
    while header and not header[-1].strip():
        header.pop()
    return Table(header, rows)


def check_header(header):
    """The column names (normalised), or raise FileRefused with every problem in the header."""
    personal = [str(h).strip() for h in header if str(h).strip() and identifies_people(h)]
    if personal:
        raise FileRefused(
            "Het bestand bevat kolommen die personen herkenbaar maken: "
            + ", ".join(state.safe_text(p, 40) for p in personal[:MAX_ERRORS_SHOWN])
            + ". Verwijder die kolommen: de telling heeft geen namen, BSN, geboortedata, adressen of "
            "contactgegevens nodig. Het bestand is niet verwerkt en niet bewaard."
        )
    if len(header) > MAX_COLUMNS:
        raise FileRefused(
            f"Het bestand heeft te veel kolommen ({len(header)}); gebruik de kolommen van het sjabloon."
        )
    names = [normalise(h) for h in header]
    allowed = columns()
    problems = []
    unknown = [
        state.safe_text(str(h).strip() or f"kolom {i + 1}", 40)
        for i, (h, n) in enumerate(zip(header, names, strict=True))
        if n not in allowed
    ]
    if unknown:
        problems.append(
            "Onbekende kolommen: "
            + ", ".join(unknown[:MAX_ERRORS_SHOWN])
            + ". Toegestaan zijn de kolommen uit het "
            "sjabloon: " + ", ".join(allowed) + "."
        )
    doubles = sorted({n for n in names if n in allowed and names.count(n) > 1})
    if doubles:
        problems.append("Deze kolommen staan er meer dan eens in: " + ", ".join(doubles) + ".")
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        problems.append("Verplichte kolommen ontbreken: " + ", ".join(missing) + ".")
    if not any(name in names for name in HOURS):
        problems.append("Er is geen kolom met uren. Geef ten minste een van: " + ", ".join(HOURS) + ".")
    if problems:
        raise FileRefused(*problems)
    return names


# --- counting ---------------------------------------------------------------------------------


@dataclass
class Line:
    regel: int
    cells: dict  # column name -> text as in the file
    status: str = "fout"  # telt, telt_niet, onvolledig, fout
    telt_mee: bool | None = None
    telt_mee_voor: str | None = None
    banen: Decimal | None = None
    toelichting: str = ""

    @property
    def status_text(self):
        return STATUS[self.status]

    @property
    def banen_text(self):
        return "" if self.banen is None else nl_number(self.banen)

    @property
    def telt_mee_text(self):
        return {True: "ja", False: "nee"}.get(self.telt_mee, "onbekend")

    @property
    def voor_text(self):
        return organisation(self.telt_mee_voor) if self.telt_mee_voor else ""


@dataclass
class Total:
    werkgever: str
    regels: int = 0
    banen: Decimal = Decimal(0)

    @property
    def naam(self):
        return organisation(self.werkgever)

    @property
    def banen_text(self):
        return nl_number(self.banen)


@dataclass
class Counted:
    columns: list
    lines: list
    peildatum: datetime.date
    kader: str
    totals: list = field(default_factory=list)
    niemand: int = 0
    onvolledig: int = 0
    fouten: int = 0

    @property
    def total_banen(self):
        return sum((t.banen for t in self.totals), Decimal(0))

    @property
    def total_text(self):
        return nl_number(self.total_banen)

    @property
    def counting(self):
        return sum(t.regels for t in self.totals)


def _parse_cell(fact, text):
    if fact.kind == BOOL:
        word = text.strip().lower()
        if word in YES:
            return True
        if word in NO:
            return False
        raise ValueError("Vul ja of nee in.")
    return state.parse_value(fact, text)


def _facts(question, cells, kader):
    """(facts, errors) of one question from a line's cells."""
    facts, errors = {"kader": kader}, []
    schema = state.schema(question)
    for name, text in cells.items():
        if name not in schema or not text.strip():
            continue
        if len(text) > MAX_CELL:
            errors.append(f"{name}: de waarde is te lang")
            continue
        try:
            facts[name] = _parse_cell(schema[name], text)
        except ValueError as error:
            errors.append(f"{name}: {str(error).rstrip('.').lower()}")
    for name, message in state.validate(question, facts).items():
        errors.append(f"{name}: {message.rstrip('.').lower()}")
        facts.pop(name, None)
    return facts, errors


def _why(answer):
    steps = [item for item in answer["uitleg"] if item.get("regel_id") != "kader"]
    return steps[-1]["toelichting"] if steps else ""


def count(table, peildatum, kader):
    """Evaluate every line of a Table: a Counted with the lines and the totals per werkgever."""
    names = check_header(table.header)
    cache = {}
    result = Counted(columns=names, lines=[], peildatum=peildatum, kader=kader)
    totals = {}
    for number, row in table.rows:
        cells = {name: (row[i] if i < len(row) else "") for i, name in enumerate(names)}
        line = Line(regel=number, cells=cells)
        result.lines.append(line)
        extra = [cell for cell in row[len(names) :] if str(cell).strip()]
        line_kader = kader
        if cells.get("kader", "").strip():
            line_kader = cells["kader"].strip()
        tm_facts, errors = _facts("telt_mee", cells, line_kader)
        b_facts, more = _facts("banen", cells, line_kader)
        errors += [e for e in more if e not in errors]
        if extra:
            errors.append("er staan waarden buiten de kolommen")
        if errors:
            line.toelichting = "Fout in de gegevens: " + "; ".join(errors) + "."
            result.fouten += 1
            continue
        key = json.dumps(tm_facts, sort_keys=True)
        if key not in cache:
            cache[key] = engine.evaluate("telt_mee", tm_facts, peildatum)
        answer = cache[key]
        banen_answer = engine.evaluate("banen", b_facts, peildatum)
        banen = banen_answer["antwoord"].get("banen")
        line.banen = None if banen is None else Decimal(str(banen))
        line.telt_mee = answer["antwoord"].get("telt_mee")
        line.telt_mee_voor = answer["antwoord"].get("telt_mee_voor")
        missing = answer["ontbrekende_feiten"] + [
            n for n in banen_answer["ontbrekende_feiten"] if n not in answer["ontbrekende_feiten"]
        ]
        if missing or line.telt_mee is None or line.banen is None:
            line.status = "onvolledig"
            needed = [
                f"kolom {name} ({fact_for(name).label_on(peildatum)})" for name in missing if fact_for(name)
            ]
            line.toelichting = "Nog niet te beoordelen. Vul nog in: " + ("; ".join(needed) or "de uren") + "."
            result.onvolledig += 1
            continue
        line.toelichting = _why(answer)
        if line.telt_mee_voor:
            line.status = "telt" if line.telt_mee else "telt_elders"
            total = totals.setdefault(line.telt_mee_voor, Total(line.telt_mee_voor))
            total.regels += 1
            total.banen += line.banen
        else:
            line.status = "telt_niet"
            result.niemand += 1
    result.totals = sorted(totals.values(), key=lambda t: (t.werkgever != "uw_organisatie", t.werkgever))
    return result


# --- output -----------------------------------------------------------------------------------


def neutralise(value):
    """A text a spreadsheet will not run as a formula: ' before = + - @ tab CR."""
    if value is None:
        return ""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return value
    text = str(value)
    return "'" + text if text.startswith(DANGEROUS_START) else text


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int | float | Decimal):
        return number_text(value)
    return neutralise(value)


RESULT_COLUMNS = ("telt_mee", "telt_mee_voor", "banen", "status", "toelichting")
STATUS = {
    "telt": "telt mee",
    "telt_elders": "telt mee bij een andere werkgever",
    "telt_niet": "telt niet mee",
    "onvolledig": "onvolledig",
    "fout": "fout",
}


def line_rows(counted):
    header = ["regel", *counted.columns, *(f"uitkomst_{c}" for c in RESULT_COLUMNS)]
    rows = []
    for line in counted.lines:
        rows.append(
            [
                line.regel,
                *(line.cells.get(c, "") for c in counted.columns),
                line.telt_mee_text if line.status != "fout" else "",
                line.telt_mee_voor or "",
                line.banen,
                STATUS[line.status],
                line.toelichting,
            ]
        )
    return header, rows


def total_rows(counted):
    header = ["werkgever", "regels", "banen"]
    rows = [[t.werkgever, t.regels, t.banen] for t in counted.totals]
    return header, rows


def _csv(header, rows):
    """UTF-8 with a BOM and ';' between cells, as Dutch Excel opens it; decimals with a comma."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([_csv_cell(h) for h in header])
    for row in rows:
        writer.writerow([_csv_cell(c) for c in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def lines_csv(counted):
    return _csv(*line_rows(counted))


def totals_csv(counted):
    return _csv(*total_rows(counted))


def _sheet(workbook, title, header, rows, first=False):
    from openpyxl.styles import Font

    sheet = workbook.active if first else workbook.create_sheet()
    sheet.title = title
    sheet.append([neutralise(h) for h in header])
    for row in rows:
        sheet.append([float(c) if isinstance(c, Decimal) else neutralise(c) for c in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    return sheet


def result_xlsx(counted):
    import openpyxl

    workbook = openpyxl.Workbook()
    _sheet(workbook, "Regels", *line_rows(counted), first=True)
    _sheet(workbook, "Totalen", *total_rows(counted))
    info = workbook.create_sheet("Over deze telling")
    info.append(["peildatum", counted.peildatum.isoformat()])
    info.append(["kader", counted.kader])
    info.append(["regels", len(counted.lines)])
    info.append(["telt voor niemand", counted.niemand])
    info.append(["onvolledig", counted.onvolledig])
    info.append(["fout", counted.fouten])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- the template ------------------------------------------------------------------------------

TEMPLATE_COLUMNS = (
    "persoon_in_doelgroep",
    "constructie",
    "loon_betaald",
    "vraag_voor_werkgever",
    "formele_werkgever",
    "opdrachtgever",
    "via_raamovereenkomst",
    "uitlener_type",
    "uren_toegerekend_aan_inlener",
    "uren_per_week",
    "weken_per_jaar",
    "uren_per_jaar",
)


def template_rows(on=None):
    """Example lines: one baan a week and one baan a year, at the norms in force on ``on`` (today)."""
    on = on or datetime.date.today()
    week = number_text(parameter("banen.urennorm", on).value)
    year = number_text(parameter("banen.jaarnorm", on).value)
    return (
        ("ja", "dienstverband", "ja", "", "", "", "", "", "", week, "", ""),
        ("ja", "inleen", "", "", "", "", "ja", "uitzendbureau", "ja", "32", "", ""),
        ("ja", "inkoop_sroi", "", "", "leverancier_schoonmaak_bv", "", "", "", "", "36", "", ""),
        ("nee", "dienstverband", "", "", "", "", "", "", "", "20", "", ""),
        ("ja", "dienstverband", "", "", "", "", "", "", "", "", "", year),
    )


def template_csv():
    return _csv(TEMPLATE_COLUMNS, template_rows())


def template_xlsx():
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Plaatsingen"
    sheet.append(list(TEMPLATE_COLUMNS))
    for row in template_rows():
        sheet.append([_template_value(name, text) for name, text in zip(TEMPLATE_COLUMNS, row, strict=True)])
    info = workbook.create_sheet("Kolommen")
    info.append(["kolom", "vraag", "toegestane waarden", "uitleg"])
    for column in column_help():
        info.append([column["name"], column["label"], column["allowed"], column["help"]])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _template_value(name, text):
    if not text:
        return None
    fact = fact_for(name)
    if fact.kind == BOOL:
        return text
    if name in HOURS or name in ("weken_per_jaar",):
        return float(parse_number(text))
    return text


# --- carrying a table in a form field -----------------------------------------------------------


def pack(table):
    data = json.dumps(
        {"kolommen": table.header, "regels": table.rows}, ensure_ascii=False, separators=(",", ":")
    )
    return base64.urlsafe_b64encode(zlib.compress(data.encode("utf-8"), 9)).decode("ascii")


def unpack(text):
    """The Table packed into a form field by ``pack``, or raise FileRefused."""
    broken = FileRefused("De gegevens voor de download zijn niet compleet. Upload het bestand opnieuw.")
    if not text or len(text) > MAX_PACKED:
        raise broken
    try:
        packed = base64.urlsafe_b64decode(text.encode("ascii"))
        inflater = zlib.decompressobj()
        raw = inflater.decompress(packed, MAX_UNZIPPED)
        if inflater.unconsumed_tail:
            raise broken
        data = json.loads(raw.decode("utf-8"))
    except (binascii.Error, zlib.error, UnicodeError, ValueError):
        raise broken from None
    if not isinstance(data, dict):
        raise broken
    header, rows = data.get("kolommen"), data.get("regels")
    if not isinstance(header, list) or not isinstance(rows, list) or len(rows) > MAX_ROWS:
        raise broken
    if not all(isinstance(h, str) for h in header):
        raise broken
    clean = []
    for item in rows:
        if not (
            isinstance(item, list)
            and len(item) == 2
            and isinstance(item[0], int)
            and isinstance(item[1], list)
            and all(isinstance(c, str) for c in item[1])
        ):
            raise broken
        clean.append((item[0], item[1]))
    return Table(header, clean)
