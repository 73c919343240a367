"""The XLSX reader's limits (eligibility/placements.py), with the reliability probe's input.

The probe sent a small XLSX whose sheet names row 50,000,000 and has no <dimension>: openpyxl's
read-only mode makes up every missing row, so a reader that counted only non-empty rows walked
50 million rows (31 s and a 500 per upload; three at once took the site down). Every row read now
counts, and the sheet XML is scanned for its number of rows and cells before openpyxl parses it.
"""

import io
import zipfile
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl.worksheet import _read_only

from eligibility import placements

URL = "/check/plaatsingen/"
HEADER = ("persoon_in_doelgroep", "constructie", "uren_per_week")

PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument"/></Relationships>'
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Plaatsingen" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/worksheet"/></Relationships>'
    ),
}


def _cell(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def sheet_xlsx(rows_xml, prefix=""):
    """A workbook written by hand (no <dimension>), with the given <row> elements after a header."""
    header = "".join(_cell(f"{chr(65 + i)}1", name) for i, name in enumerate(HEADER))
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"<{prefix}worksheet xmlns{':' + prefix[:-1] if prefix else ''}="
        '"http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<{prefix}sheetData><{prefix}row r="1">{header if not prefix else ""}</{prefix}row>{rows_xml}'
        f"</{prefix}sheetData></{prefix}worksheet>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in {**PARTS, "xl/worksheets/sheet1.xml": sheet}.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def probe_file(last_row=50_000_000):
    return sheet_xlsx(f'<row r="{last_row}">{_cell(f"A{last_row}", "ja")}</row>')


@pytest.fixture
def rows_read(monkeypatch):
    """How many rows openpyxl hands the reader (made-up empty ones included)."""
    counted = []
    original = _read_only.ReadOnlyWorksheet._cells_by_row

    def counting(self, *args, **kwargs):
        for row in original(self, *args, **kwargs):
            counted.append(1)
            yield row

    monkeypatch.setattr(_read_only.ReadOnlyWorksheet, "_cells_by_row", counting)
    return counted


def refused(data):
    with pytest.raises(placements.FileRefused) as error:
        placements.read_file("plaatsingen.xlsx", data)
    return " ".join(error.value.messages)


def test_the_probe_file_is_refused_after_reading_at_most_the_row_limit(rows_read):
    data = probe_file()
    assert len(data) < 5000  # small on the wire, 50 million rows when unfolded
    assert "meer dan 5.100 rijen (lege rijen tellen mee)" in refused(data)
    assert len(rows_read) <= placements.MAX_SHEET_ROWS + 1


def test_empty_rows_count_against_the_limit(rows_read):
    rows = "".join(f'<row r="{n}"/>' for n in range(2, placements.MAX_SHEET_ROWS + 3))
    assert "lege rijen tellen mee" in refused(sheet_xlsx(rows))
    # Refused by the scan of the XML, before openpyxl walked any row.
    assert rows_read == []


def test_a_row_with_a_million_cells_is_refused_before_parsing(rows_read):
    cells = '<c r="A2"><v>1</v></c>' * 1_000_000
    assert "te veel cellen" in refused(sheet_xlsx(f'<row r="2">{cells}</row>'))
    assert rows_read == []


def test_cells_with_a_namespace_prefix_are_counted_too():
    cells = '<x:c r="A2"><x:v>1</x:v></x:c>' * (placements.MAX_SHEET_CELLS + 1)
    assert "te veel cellen" in refused(sheet_xlsx(f'<x:row r="2">{cells}</x:row>', prefix="x:"))


def test_a_full_sheet_under_the_limits_is_read():
    rows = "".join(
        f'<row r="{n}">{_cell(f"A{n}", "ja")}{_cell(f"B{n}", "dienstverband")}<c r="C{n}"><v>25.5</v></c></row>'
        for n in range(2, placements.MAX_ROWS + 2)
    )
    table = placements.read_file("plaatsingen.xlsx", sheet_xlsx(rows))
    assert table.header == list(HEADER) and len(table.rows) == placements.MAX_ROWS
    number, cells = table.rows[-1]
    assert number == placements.MAX_ROWS + 1 and cells[:3] == ["ja", "dienstverband", "25,5"]


@pytest.mark.django_db(transaction=True)
def test_three_probe_uploads_at_once_each_get_a_clear_400_and_the_site_answers():
    data = probe_file()

    def post(_):
        return Client().post(
            URL,
            {
                "bestand": SimpleUploadedFile("plaatsingen.xlsx", data),
                "peildatum": "2026-11-24",
                "kader": "wettelijk_quotum",
            },
        )

    with ThreadPoolExecutor(max_workers=3) as pool:
        responses = list(pool.map(post, range(3)))
    for response in responses:
        assert response.status_code == 400
        assert "lege rijen tellen mee" in response.content.decode()
    assert Client().get(URL).status_code == 200
