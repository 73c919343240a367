"""eligibility/placements.py and its views: counting a file of anonymous placements.

Malformed files (wrong encoding, missing or extra columns, 10 MB, formulas, an XLSX that is not
one, columns about people) get a clear Dutch message and a 400, never a 500; formulas never reach
an output file; nothing is stored.
"""

import csv
import io
import os
import re
import tempfile
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from eligibility import placements

pytestmark = pytest.mark.django_db

URL = "/check/plaatsingen/"
DOWNLOAD = "/check/plaatsingen/download/"
HEADER = "persoon_in_doelgroep;constructie;formele_werkgever;uren_per_week;uren_per_jaar"
LINES = [
    "ja;dienstverband;;25,5;",  # counts for uw_organisatie: 1 baan
    "ja;inkoop_sroi;leverancier_bv;36;",  # counts for the supplier
    "nee;dienstverband;;20;",  # counts for nobody
    "ja;dienstverband;;;1331",  # 1 baan from hours per year (jaarnorm, Besluit Wfsv 2.32 onder d)
    "ja;;;12,75;",  # constructie missing: incomplete
    "misschien;dienstverband;;10;",  # a bad value
]


def csv_file(lines=LINES, header=HEADER, encoding="utf-8", name="plaatsingen.csv"):
    return SimpleUploadedFile(name, ("\n".join([header, *lines]) + "\n").encode(encoding))


def xlsx_bytes(rows):
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(client, file, **data):
    return client.post(URL, {"bestand": file, "peildatum": "2026-11-24", "kader": "wettelijk_quotum", **data})


def file_error(response):
    assert response.status_code == 400, response.content[:300]
    body = response.content.decode()
    assert 'id="foutmeldingen"' in body and 'href="#bestand"' in body
    assert 'aria-invalid="true"' in body
    match = re.search(r'id="bestand-error">(.*?)</div>', body, re.S)
    assert match, "no error message at the file field"
    return match.group(1)


def packed(response):
    return re.search(r'name="gegevens" value="([^"]+)"', response.content.decode()).group(1)


def download(client, response, formaat):
    return client.post(
        DOWNLOAD,
        {
            "gegevens": packed(response),
            "peildatum": "2026-11-24",
            "kader": "wettelijk_quotum",
            "formaat": formaat,
        },
    )


def read_csv(content):
    text = content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


# --- the page and the templates ---------------------------------------------------------------


def test_the_page_explains_the_columns_and_links_both_templates(client):
    response = client.get(URL)
    body = response.content.decode()
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in body and 'type="file" id="bestand" name="bestand"' in body
    assert "?formaat=xlsx" in body and "?formaat=csv" in body
    for column in ("persoon_in_doelgroep", "constructie", "uren_per_week"):
        assert f"<code>{column}</code>" in body


def test_the_templates_download_and_count_as_they_are(client):
    csv_template = client.get("/check/plaatsingen/sjabloon/?formaat=csv")
    assert csv_template.status_code == 200 and csv_template["Content-Type"].startswith("text/csv")
    assert "attachment" in csv_template["Content-Disposition"]
    xlsx_template = client.get("/check/plaatsingen/sjabloon/?formaat=xlsx")
    assert xlsx_template.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_template.content))
    assert workbook.sheetnames == ["Plaatsingen", "Kolommen"]
    for name, content in (("sjabloon.csv", csv_template.content), ("sjabloon.xlsx", xlsx_template.content)):
        response = upload(client, SimpleUploadedFile(name, content))
        assert response.status_code == 200, name
        assert (
            "Van de 5 regels tellen er 4 mee voor een werkgever, samen 4,66 banen"
            in response.content.decode()
        )
    assert client.get("/check/plaatsingen/sjabloon/").status_code == 302


# --- counting -----------------------------------------------------------------------------------


def test_each_line_says_whether_it_counts_for_whom_how_many_banen_and_why():
    table = placements.read_file("p.csv", ("\n".join([HEADER, *LINES]) + "\n").encode())
    counted = placements.count(table, __import__("datetime").date(2026, 11, 24), "wettelijk_quotum")
    by_line = {line.regel: line for line in counted.lines}
    assert [by_line[n].status for n in range(2, 8)] == [
        "telt",
        "telt_elders",
        "telt_niet",
        "telt",
        "onvolledig",
        "fout",
    ]
    assert by_line[2].telt_mee_voor == "uw_organisatie" and str(by_line[2].banen) == "1.0"
    assert by_line[3].telt_mee_voor == "leverancier_bv" and "leverancier" in by_line[3].toelichting
    assert by_line[4].telt_mee_voor is None and "doelgroep" in by_line[4].toelichting
    assert "kolom constructie" in by_line[6].toelichting
    assert "persoon_in_doelgroep: vul ja of nee in" in by_line[7].toelichting
    totals = {t.werkgever: (t.regels, str(t.banen)) for t in counted.totals}
    assert totals == {"uw_organisatie": (2, "2.0"), "leverancier_bv": (1, "1.41")}
    assert (counted.niemand, counted.onvolledig, counted.fouten) == (1, 1, 1)


def test_the_result_page_shows_the_totals_per_employer_and_every_line(client):
    response = upload(client, csv_file())
    body = response.content.decode()
    assert response.status_code == 200
    assert "Totalen per werkgever" in body
    assert re.search(r">uw organisatie</th><td[^>]*>2</td><td[^>]*>2</td>", body)
    assert re.search(r">leverancier bv</th><td[^>]*>1</td><td[^>]*>1,41</td>", body)
    assert body.count('<tr class="utrecht-table__row portal-line--') == len(LINES)
    assert "Met een fout in de gegevens: 1 regel" in body


def test_a_comma_separated_file_with_a_bom_and_other_header_spelling_counts(client):
    text = "\ufeffPersoon in doelgroep,Constructie,Uren per week\r\nja,dienstverband,25.5\r\nJA,Dienstverband,51\r\n"
    response = upload(client, SimpleUploadedFile("p.csv", text.encode("utf-8")))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Van de 2 regels telt er 1 mee" in body  # 'Dienstverband' is not a value of constructie
    assert "constructie: kies een van de antwoorden" in body


def test_the_results_download_as_csv_and_xlsx(client):
    response = upload(client, csv_file())
    lines = download(client, response, "regels_csv")
    assert lines.status_code == 200 and lines["Content-Type"].startswith("text/csv")
    assert 'filename="plaatsingen-per-regel.csv"' in lines["Content-Disposition"]
    rows = read_csv(lines.content)
    assert rows[0][:6] == ["regel", *HEADER.split(";")]
    assert rows[1][0] == "2" and rows[1][-5:-1] == ["ja", "uw_organisatie", "1", "telt mee"]
    assert len(rows) == len(LINES) + 1
    totals = read_csv(download(client, response, "totalen_csv").content)
    assert totals == [
        ["werkgever", "regels", "banen"],
        ["uw_organisatie", "2", "2"],
        ["leverancier_bv", "1", "1,41"],
    ]
    book = download(client, response, "xlsx")
    assert book["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    workbook = openpyxl.load_workbook(io.BytesIO(book.content))
    assert workbook.sheetnames == ["Regels", "Totalen", "Over deze telling"]
    assert workbook["Totalen"]["C3"].value == 1.41
    assert workbook["Regels"].max_row == len(LINES) + 1


def test_cells_that_start_like_a_formula_are_neutralised_in_every_output(client):
    header = "persoon_in_doelgroep;constructie;formele_werkgever;uren_per_week"
    lines = [
        'ja;inkoop_sroi;"=HYPERLINK(""http://x"")";20',
        "ja;inkoop_sroi;@SUM(A1);20",
        "ja;inkoop_sroi;+31612345678;20",
        "ja;inkoop_sroi;-leverancier;20",
        "ja;dienstverband;;=1+1",
    ]
    response = upload(client, csv_file(lines, header))
    assert response.status_code == 200
    rows = read_csv(download(client, response, "regels_csv").content)
    werkgevers = [row[3] for row in rows[1:]]
    assert werkgevers[:4] == ['\'=HYPERLINK("http://x")', "'@SUM(A1)", "'+31612345678", "'-leverancier"]
    assert rows[5][4] == "'=1+1" and rows[5][-2] == "fout"
    totals = read_csv(download(client, response, "totalen_csv").content)
    assert all(not row[0].startswith(placements.DANGEROUS_START) for row in totals[1:])
    workbook = openpyxl.load_workbook(io.BytesIO(download(client, response, "xlsx").content))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(placements.DANGEROUS_START), cell.value


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("leverancier", "leverancier"),
        (None, ""),
        (1.5, 1.5),
    ],
)
def test_neutralise(value, expected):
    assert placements.neutralise(value) == expected


# --- refused files ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "column",
    [
        "naam",
        "Naam ",
        "Achternaam",
        "NAAM",
        "BSN",
        "bsn_nummer",
        "Burgerservicenummer",
        "Geboortedatum",
        "geboorte datum",
        "Geböortedatum",
        "Adres",
        "Postcode",
        "E-mail",
        "e-mailadres",
        "Telefoon",
        "telefoonnummer",
        "Tel.",
        "Woonplaats",
        "IBAN",
        "Personeelsnummer",
    ],
)
def test_columns_that_identify_people_are_refused(client, column):
    header = f"persoon_in_doelgroep;constructie;uren_per_week;{column}"
    message = file_error(upload(client, csv_file(["ja;dienstverband;20;x"], header)))
    assert "kolommen die personen herkenbaar maken" in message
    assert "niet bewaard" in message


def test_a_column_about_people_is_refused_in_an_xlsx_as_well(client):
    data = xlsx_bytes(
        [
            ["persoon_in_doelgroep", "constructie", "uren_per_week", "Geboortedatum"],
            [True, "dienstverband", 20, "1990-01-01"],
        ]
    )
    assert "personen herkenbaar" in file_error(upload(client, SimpleUploadedFile("p.xlsx", data)))


def test_no_allowed_column_is_taken_for_one_about_people():
    assert not [name for name in placements.columns() if placements.identifies_people(name)]


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("p.csv", (HEADER + "\nja;dienstverband;;2ö;\n").encode("latin-1"), "niet in UTF-8"),
        ("p.csv", (HEADER + "\nja;dienstverband;;20;\n").encode("utf-16"), "niet in UTF-8"),
        (
            "p.csv",
            b"persoon_in_doelgroep;uren_per_week\nja;20\n",
            "Verplichte kolommen ontbreken: constructie",
        ),
        ("p.csv", b"persoon_in_doelgroep;constructie\nja;dienstverband\n", "geen kolom met uren"),
        (
            "p.csv",
            b"persoon_in_doelgroep;constructie;uren_per_week;kleur\nja;dienstverband;20;rood\n",
            "Onbekende kolommen: kleur",
        ),
        (
            "p.csv",
            b"persoon_in_doelgroep;constructie;uren_per_week;uren_per_week\nja;dienstverband;1;2\n",
            "meer dan eens",
        ),
        ("p.csv", b"", "leeg"),
        ("p.csv", b"\n\n  \n", "leeg"),
        ("p.csv", b"persoon_in_doelgroep;constructie;uren_per_week\n", None),
        (
            "p.csv",
            b'persoon_in_doelgroep;constructie;uren_per_week\n"ja;dienstverband;20\n',
            "niet goed opgebouwd",
        ),
        ("p.xlsx", b"dit is geen excel", "geen geldig Excel-bestand"),
        ("p.xlsx", b"PK\x03\x04 kapot", "geen geldig Excel-bestand"),
        ("p.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "oud Excel-bestand"),
        ("p.pdf", b"%PDF-1.4 ...", "Alleen een CSV-bestand"),
        (
            "p.csv",
            b"persoon_in_doelgroep;constructie;uren_per_week\n" + b"ja;dienstverband;20\n" * 5001,
            "meer dan 5.000 regels",
        ),
    ],
)
def test_malformed_files_get_a_clear_message(client, name, content, message):
    response = upload(client, SimpleUploadedFile(name, content))
    if message is None:  # a header without lines: counted, nothing to count
        assert response.status_code == 200
        assert "Van de 0 regels" in response.content.decode()
        return
    assert message in file_error(response)


def test_a_zip_that_is_not_a_workbook_is_refused(client):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hallo")
    assert "geen geldig Excel-bestand" in file_error(
        upload(client, SimpleUploadedFile("p.xlsx", buffer.getvalue()))
    )


def test_a_workbook_that_unzips_to_a_huge_size_is_refused(client):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<x/>")
        archive.writestr("xl/workbook.xml", "<x/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (placements.MAX_UNZIPPED + 1))
    assert buffer.tell() < placements.MAX_BYTES
    assert "uitgepakt te groot" in file_error(upload(client, SimpleUploadedFile("p.xlsx", buffer.getvalue())))


def test_formulas_in_a_workbook_are_refused(client):
    data = xlsx_bytes(
        [["persoon_in_doelgroep", "constructie", "uren_per_week"], [True, "dienstverband", "=10+10"]]
    )
    message = file_error(upload(client, SimpleUploadedFile("p.xlsx", data)))
    assert "formules" in message and "C2" in message


def test_a_10_mb_file_is_refused_without_being_kept(client):
    before = set(os.listdir(tempfile.gettempdir()))
    data = (HEADER + "\n" + "ja;dienstverband;;20;\n" * 600_000).encode()
    assert len(data) > 10 * 1024 * 1024
    message = file_error(upload(client, SimpleUploadedFile("groot.csv", data)))
    assert "te groot" in message and "2 MB" in message
    new = set(os.listdir(tempfile.gettempdir())) - before
    assert not [name for name in new if name.endswith(".upload")]


def test_the_upload_is_read_in_memory_with_the_limited_handler():
    handler = placements.LimitedUploadHandler(limit=10)
    handler.new_file("bestand", "p.csv", "text/csv", 0)
    handler.receive_data_chunk(b"12345", 0)
    handler.receive_data_chunk(b"678901", 5)
    upload = handler.file_complete(11)
    assert upload.too_big and upload.size == 11 and upload.read() == b""


def test_a_missing_file_and_a_bad_peildatum_are_reported(client):
    response = client.post(URL, {"peildatum": "2026-02-31", "kader": "wettelijk_quotum"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Kies een CSV- of XLSX-bestand" in body
    assert 'href="#id_peildatum"' in body and "Deze datum bestaat niet" in body


def test_the_upload_needs_the_csrf_token():
    client = Client(enforce_csrf_checks=True)
    response = client.post(URL, {"bestand": csv_file(), "peildatum": "2026-11-24"})
    assert response.status_code == 403


def test_a_broken_multipart_body_is_a_400_not_a_500(client):
    response = client.generic(
        "POST", URL, b"--grens\r\nkapot", content_type="multipart/form-data; boundary=grens"
    )
    assert response.status_code == 400


@pytest.mark.parametrize("seed", range(8))
def test_random_bytes_never_give_a_500(client, seed):
    import random

    rng = random.Random(seed)
    data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 4000)))
    for name in ("x.csv", "x.xlsx"):
        for content in (data, b"PK\x03\x04" + data, (HEADER + "\n").encode() + data):
            response = upload(client, SimpleUploadedFile(name, content))
            assert response.status_code in (200, 400)


# --- the download form ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "gegevens", ["", "kapot!", "eJwLSS0u0QYABKcB3A==", "A" * (placements.MAX_PACKED + 4)]
)
def test_a_tampered_download_is_a_400(client, gegevens):
    response = client.post(
        DOWNLOAD,
        {"gegevens": gegevens, "peildatum": "2026-11-24", "kader": "wettelijk_quotum", "formaat": "xlsx"},
    )
    assert response.status_code == 400
    assert "Upload het bestand opnieuw" in response.content.decode()


def test_a_download_with_an_unknown_format_is_a_400_and_a_get_goes_back_to_the_form(client):
    response = upload(client, csv_file())
    bad = client.post(
        DOWNLOAD,
        {
            "gegevens": packed(response),
            "peildatum": "2026-11-24",
            "kader": "wettelijk_quotum",
            "formaat": "pdf",
        },
    )
    assert bad.status_code == 400
    assert client.get(DOWNLOAD).status_code == 302


def test_packing_round_trips_and_a_bomb_is_refused():
    table = placements.Table(["persoon_in_doelgroep"], [(2, ["ja"])])
    assert placements.unpack(placements.pack(table)) == table
    import base64
    import zlib

    bomb = base64.urlsafe_b64encode(zlib.compress(b"[" * (placements.MAX_UNZIPPED + 10))).decode()
    with pytest.raises(placements.FileRefused):
        placements.unpack(bomb)
