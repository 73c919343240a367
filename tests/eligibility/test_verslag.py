"""eligibility/verslag: the decision record, its seal, its rules version and its recheck.

A rule change is made the way the rules change in this project: a new dated value in a copy of a
parameter file, loaded into the parameter store, with the rules version taken from that copy
(``change_rules``). The other tests here and in test_verslag_api.py / test_verslag_views.py use it.
"""

import datetime
import json
import shutil
from pathlib import Path

import pytest
import yaml
from django.test import override_settings

from eligibility import engine, parameters
from eligibility.verslag import compare, tools, versie
from eligibility.verslag import record as rec

CASES_FILE = Path(__file__).resolve().parents[2] / ".." / "shared" / "cases" / "rules.jsonl"
CASES = (
    [json.loads(line) for line in CASES_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    if CASES_FILE.exists()
    else []
)
BANEN = ("checker", "banen", {"uren_per_week": 25.5}, "2024-06-01")
QUOTUM = (
    "checker",
    "quotum",
    {"sector": "overheid", "jaar": 2024, "fte": 1000, "uren_per_fte_per_week": 36},
    "2024-06-01",
)


def copy_rules(target):
    """A copy of the rule files (what the rules version covers) under ``target``."""
    for path in versie.rule_files():
        copy = target / path.relative_to(versie.ELIGIBILITY)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, copy)
    return target


def change_rules(monkeypatch, tmp_path, name, day, value, titel="Regeling met een nieuwe waarde (test)"):
    """Add a dated value to parameter ``name`` from ``day`` on, as a rule change does: in a copy of its
    YAML file, which is then what the parameter store holds and what the rules version is taken from."""
    root = copy_rules(tmp_path / "eligibility")
    path = root / "parameters" / (name.replace(".", "/") + ".yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["values"][day] = {"value": value, "reference": [{"titel": titel, "url": None, "bron": None}]}
    data["values"] = dict(sorted(data["values"].items()))
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with monkeypatch.context() as local:
        local.setattr(parameters, "ROOT", root / "parameters")
        changed = parameters._load(path)
    assert changed.name == name
    monkeypatch.setitem(parameters.PARAMETERS, name, changed)
    version = versie.rules_version(root)
    monkeypatch.setattr(versie, "current", lambda: version)
    return version


# --- the rules version ------------------------------------------------------------------------------


def test_the_rules_version_covers_the_parameters_and_the_question_modules():
    names = {path.relative_to(versie.ELIGIBILITY).as_posix() for path in versie.rule_files()}
    assert "parameters/banen/urennorm.yaml" in names
    assert "parameters/quotum/percentage_overheid.yaml" in names
    assert {"questions/doelgroep.py", "questions/quotum.py", "engine.py"} <= names
    assert not any("__pycache__" in name or name.endswith(".pyc") for name in names)
    assert versie.VERSION_PATTERN.match(versie.current())
    assert versie.current() == versie.rules_version()


def test_the_rules_version_changes_with_a_parameter_value_and_with_nothing_else(tmp_path):
    root = copy_rules(tmp_path / "eligibility")
    assert versie.rules_version(root) == versie.current()  # a copy, without git metadata, is the same
    (root / "questions" / "__pycache__").mkdir(exist_ok=True)
    (root / "questions" / "__pycache__" / "banen.cpython-311.pyc").write_bytes(b"\0compiled")
    (root / "views.py").write_text("# not a rule\n")
    assert versie.rules_version(root) == versie.current()
    path = root / "parameters" / "banen" / "urennorm.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 25.5", "value: 24"), encoding="utf-8")
    assert versie.rules_version(root) != versie.current()


def test_the_rules_version_does_not_depend_on_line_endings(tmp_path):
    root = copy_rules(tmp_path / "eligibility")
    for path in versie.rule_files(root):
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert versie.rules_version(root) == versie.current()


@pytest.fixture
def fresh_release():
    versie.release.cache_clear()
    yield
    versie.release.cache_clear()


def test_the_release_comes_from_the_setting(fresh_release):
    with override_settings(PORTAL_RELEASE="2026.12  (build 7)\n"):
        assert versie.release() == "2026.12 (build 7)"


def test_without_git_the_release_is_the_package_version(fresh_release, monkeypatch):
    monkeypatch.delenv("PORTAL_RELEASE", raising=False)
    monkeypatch.setattr(versie.shutil, "which", lambda name: None)  # a fresh copy without git
    assert versie.release() == "kennisportaal-banenafspraak 0.1.0"


# --- making a record --------------------------------------------------------------------------------


def test_a_record_holds_the_question_facts_peildatum_answer_rules_sources_and_version():
    record = rec.make(*QUOTUM)
    answer = engine.evaluate("quotum", QUOTUM[2], QUOTUM[3])
    assert list(record) == list(rec.FIELDS)
    assert record["soort"] == "beslisverslag" and record["formaat"] == 1
    assert (record["hulpmiddel"], record["vraag"], record["peildatum"]) == ("checker", "quotum", "2024-06-01")
    assert record["titel"] == engine.module("quotum").TITEL
    assert record["feiten"] == QUOTUM[2]
    for key in ("antwoord", "uitleg", "bronnen", "onzekerheden", "ontbrekende_feiten", "kader"):
        assert record[key] == answer[key], key
    assert all(step["bronnen"] for step in record["uitleg"])  # every rule with its source
    assert record["regels"] == {"versie": versie.current(), "release": versie.release()}
    assert record["antwoord"]["doelbanen"] == 38.96 and "38,96 banen" in record["zin"]
    assert rec.read(json.loads(json.dumps(record))) == record


def test_a_record_carries_no_personal_data():
    """Only the facts of the rules (their schema refuses anything else) and the rules' own texts."""
    with pytest.raises(engine.InvalidInput):
        rec.make("checker", "banen", {"uren_per_week": 20, "naam": "J. Jansen"}, "2024-06-01")
    record = rec.make(*BANEN)
    assert set(record["feiten"]) <= {fact.name for fact in engine.module("banen").FEITEN}


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_every_shared_case_makes_a_record_that_rechecks_as_unchanged(case):
    record = rec.make("checker", case["question"], case["input"], case["peildatum"])
    comparison = compare.recheck(rec.loads(json.dumps(record).encode("utf-8")))
    assert comparison["antwoord_gelijk"] and comparison["regelversie_gelijk"]
    assert comparison["meldingen"] == []
    assert comparison["verslag"] == record


def test_the_quotum_tools_record_the_last_known_percentage_as_an_assumption():
    record = rec.make("checker", "quotum", {**QUOTUM[2], "jaar": 2025}, "2025-06-01")
    assert record["antwoord"]["quotumpercentage"] == 2.76
    assert any("laatst bekende" in note for note in record["aannames"])
    assert "quotumpercentage" not in record["feiten"]  # the facts given, not what the tool filled in


def test_the_quotumcalculator_record_turns_realised_banen_into_hours_as_the_calculator_does():
    feiten = {"sector": "overheid", "jaar": 2024, "verloonde_uren_jaar": 9_000_000, "gerealiseerde_banen": 40}
    record = rec.make("quotumcalculator", "quotum", feiten, "2024-06-01")
    computed = tools.quotumcalculator(feiten, datetime.date(2024, 6, 1))
    assert record["antwoord"] == computed.answer["antwoord"]
    assert computed.facts["verloonde_uren_arbeidsbeperkten"] == round(40 * computed.converted[1], 2)
    assert record["feiten"]["gerealiseerde_banen"] == 40
    assert any("omgerekend naar uren" in note for note in record["aannames"])


def test_a_tool_answers_only_its_own_question():
    with pytest.raises(engine.InvalidInput):
        rec.make("banencalculator", "quotum", {}, "2024-06-01")


# --- the seal ---------------------------------------------------------------------------------------


def test_an_edited_record_is_refused_by_its_seal():
    record = rec.make(*BANEN)
    edited = json.loads(json.dumps(record))
    edited["antwoord"]["banen"] = 2.0
    with pytest.raises(rec.InvalidRecord) as caught:
        rec.read(edited)
    assert [fout["veld"] for fout in caught.value.fouten] == ["zegel"]
    assert "veranderd" in caught.value.fouten[0]["melding"]


@pytest.mark.parametrize(
    "zegel",
    ["A" * 43, "", "niet-een-zegel!", "x" * 5000, None, 12],
)
def test_a_forged_seal_is_refused(zegel):
    record = {**rec.make(*BANEN), "zegel": zegel}
    with pytest.raises(rec.InvalidRecord) as caught:
        rec.read(json.loads(json.dumps(record)))
    assert caught.value.fouten[0]["veld"] == "zegel"


def test_a_record_of_today_with_a_forged_rules_version_is_refused():
    record = {**rec.make(*BANEN), "regels": {"versie": "0" * 16, "release": versie.release()}}
    with pytest.raises(rec.InvalidRecord) as caught:
        rec.read(record)
    assert caught.value.fouten[0]["veld"] == "zegel"


def test_the_seal_survives_a_key_rotation_with_the_old_key_as_fallback():
    with override_settings(SECRET_KEY="old-key-" + "x" * 40):
        record = rec.make(*BANEN)
    with override_settings(SECRET_KEY="new-key-" + "y" * 40), pytest.raises(rec.InvalidRecord):
        rec.read(record)
    with override_settings(SECRET_KEY="new-key-" + "y" * 40, SECRET_KEY_FALLBACKS=["old-key-" + "x" * 40]):
        assert rec.read(record) == record


# --- reading a record that comes back -----------------------------------------------------------------


def _good():
    return json.loads(json.dumps(rec.make(*BANEN)))


HOSTILE = [
    ("geen object", lambda r: [r], "verslag"),
    ("getal", lambda r: 12, "verslag"),
    ("onbekend veld", lambda r: {**r, "extra": 1}, "extra"),
    ("veld ontbreekt", lambda r: {k: v for k, v in r.items() if k != "feiten"}, "feiten"),
    ("feiten als lijst", lambda r: {**r, "feiten": [1, 2]}, "feiten"),
    ("formaat als tekst", lambda r: {**r, "formaat": "1"}, "formaat"),
    ("formaat als boolean", lambda r: {**r, "formaat": True}, "formaat"),
    ("onbekend formaat", lambda r: {**r, "formaat": 99}, "formaat"),
    ("andere soort", lambda r: {**r, "soort": "factuur"}, "soort"),
    ("onbekende vraag", lambda r: {**r, "vraag": "pensioen"}, "vraag"),
    ("vraag met stuurtekens", lambda r: {**r, "vraag": "banen\x00\u202e"}, "vraag"),
    ("onbekend hulpmiddel", lambda r: {**r, "hulpmiddel": "rekenmachine"}, "hulpmiddel"),
    ("hulpmiddel past niet", lambda r: {**r, "hulpmiddel": "quotumcalculator"}, "hulpmiddel"),
    ("datum bestaat niet", lambda r: {**r, "peildatum": "2024-02-30"}, "peildatum"),
    ("datum als getal", lambda r: {**r, "peildatum": 20240601}, "peildatum"),
    ("onbekend feit", lambda r: {**r, "feiten": {"bsn": "123456782"}}, "feiten.bsn"),
    ("negatieve uren", lambda r: {**r, "feiten": {"uren_per_week": -5}}, "feiten.uren_per_week"),
    ("uren als tekst", lambda r: {**r, "feiten": {"uren_per_week": "veel"}}, "feiten.uren_per_week"),
    ("uitleg met tekst", lambda r: {**r, "uitleg": ["regel"]}, "uitleg"),
    ("enorme lijst", lambda r: {**r, "aannames": ["x"] * 10_000}, "aannames"),
    ("regelversie te kort", lambda r: {**r, "regels": {"versie": "abc", "release": "x"}}, "regels.versie"),
    (
        "regelversie hoofdletters",
        lambda r: {**r, "regels": {"versie": "A" * 16, "release": "x"}},
        "regels.versie",
    ),
    ("release te lang", lambda r: {**r, "regels": {**r["regels"], "release": "x" * 500}}, "regels.release"),
    ("regels met extra", lambda r: {**r, "regels": {**r["regels"], "sleutel": "geheim"}}, "regels.sleutel"),
]


@pytest.mark.parametrize("name, spoil, veld", HOSTILE, ids=[item[0] for item in HOSTILE])
def test_a_bad_record_gets_a_clear_error_per_field(name, spoil, veld):
    with pytest.raises(rec.InvalidRecord) as caught:
        rec.read(spoil(_good()))
    fouten = caught.value.fouten
    assert fouten and all(set(fout) == {"veld", "melding"} and fout["melding"] for fout in fouten)
    assert veld in [fout["veld"] for fout in fouten], fouten


@pytest.mark.parametrize(
    "raw",
    [b"", b"{", b"\xff\xfe{}", b"[" * 100_000, b'{"a": 1' + b"0" * 10_000 + b"}", b"NaN", b"{}" * 3],
)
def test_a_file_that_is_no_json_record_gets_a_clear_error(raw):
    with pytest.raises(rec.InvalidRecord) as caught:
        rec.loads(raw)
    assert caught.value.fouten[0]["veld"] == "verslag"


def test_a_huge_file_is_refused_before_it_is_parsed():
    with pytest.raises(rec.InvalidRecord) as caught:
        rec.loads(b" " * (rec.MAX_BYTES + 1))
    assert "te groot" in caught.value.fouten[0]["melding"]


# --- the recheck ------------------------------------------------------------------------------------


def test_an_unchanged_record_is_reported_as_unchanged():
    record = rec.make(*QUOTUM)
    comparison = compare.recheck(rec.read(record))
    assert comparison["antwoord_gelijk"] is True and comparison["regelversie_gelijk"] is True
    assert comparison["conclusie"] == (
        "Het antwoord is nog hetzelfde onder de regels van vandaag. De regels zijn niet gewijzigd sinds het "
        f"verslag is gemaakt (regelversie {versie.current()})."
    )
    assert comparison["meldingen"] == []
    assert all(not value for value in comparison["verschillen"].values() if not isinstance(value, dict))
    assert comparison["verschillen"]["bronnen"] == {"nieuw": [], "vervallen": []}


def test_a_changed_parameter_is_reported_with_the_rule_that_differs(monkeypatch, tmp_path):
    record = rec.make(*BANEN)
    assert record["antwoord"]["banen"] == 1.0
    old_version = record["regels"]["versie"]
    new_version = change_rules(monkeypatch, tmp_path, "banen.urennorm", datetime.date(2024, 1, 1), 20.0)

    comparison = compare.recheck(rec.read(record))

    assert comparison["antwoord_gelijk"] is False
    assert comparison["regelversie_gelijk"] is False
    assert comparison["regels"]["verslag"]["versie"] == old_version
    assert comparison["regels"]["nu"]["versie"] == new_version != old_version
    fields = {item["veld"]: item for item in comparison["verschillen"]["antwoord"]}
    assert fields["banen"]["was"] == 1.0 and fields["banen"]["nu"] == 1.28
    assert fields["urennorm_uren_per_week"]["was"] == 25.5 and fields["urennorm_uren_per_week"]["nu"] == 20.0
    rules = {item["regel_id"]: item for item in comparison["verschillen"]["regels"]}
    urennorm = next(item for item in rules.values() if "uitkomst" in item["velden"])
    assert urennorm["wijziging"] == "gewijzigd"
    assert [bron["titel"] for bron in urennorm["bronnen_nieuw"]] == ["Regeling met een nieuwe waarde (test)"]
    assert comparison["conclusie"].startswith(
        "Het antwoord is veranderd onder de regels van vandaag: aantal banen nu 1,28 (was 1)"
    )
    assert f"regelversie {old_version}, nu {new_version}" in comparison["conclusie"]
    assert f"'{urennorm['regel']}'" in comparison["conclusie"]
    assert "Aantal banen: nu 1,28, was 1." in comparison["meldingen"]
    assert comparison["verslag"]["antwoord"]["banen"] == 1.28
    assert comparison["verslag"]["regels"]["versie"] == new_version


def test_a_new_source_for_the_same_value_changes_the_rules_but_not_the_answer(monkeypatch, tmp_path):
    record = rec.make(*BANEN)
    change_rules(
        monkeypatch, tmp_path, "banen.urennorm", datetime.date(2024, 1, 1), 25.5, "Nieuwe regeling (test)"
    )
    comparison = compare.recheck(rec.read(record))
    assert comparison["antwoord_gelijk"] is True
    assert comparison["regelversie_gelijk"] is False
    assert comparison["conclusie"].startswith(
        "Het antwoord is nog hetzelfde onder de regels van vandaag. De regels zijn wel gewijzigd"
    )
    changed = {item["regel_id"]: item for item in comparison["verschillen"]["regels"]}
    assert "urennorm" in changed  # and each rule that cites the urennorm: same outcome, another source
    assert all(item["velden"] == ["bronnen"] for item in changed.values())
    assert all("nieuwe bron: Nieuwe regeling (test)" in item["melding"] for item in changed.values())
    assert (
        f"{len(changed)} regels vallen anders uit of zijn anders onderbouwd: 'Urennorm'"
        in comparison["conclusie"]
    )


def test_a_value_dated_after_the_peildatum_changes_the_version_only(monkeypatch, tmp_path):
    """A rule change adds a dated value: an answer on an earlier peildatum keeps its rules."""
    record = rec.make(*BANEN)
    change_rules(monkeypatch, tmp_path, "banen.urennorm", datetime.date(2030, 1, 1), 20.0)
    comparison = compare.recheck(rec.read(record))
    assert comparison["antwoord_gelijk"] is True and comparison["regelversie_gelijk"] is False
    assert comparison["meldingen"] == []
    assert comparison["conclusie"].endswith(
        "De toegepaste regels, hun uitkomsten en hun bronnen zijn gelijk gebleven."
    )


def test_rule_changes_name_new_and_dropped_rules():
    was = [
        {"regel_id": "kader", "regel": "Kader", "uitkomst": "ja", "toelichting": "t", "bronnen": []},
        {"regel_id": "oud", "regel": "Oude regel", "uitkomst": "ja", "toelichting": "t", "bronnen": []},
    ]
    nu = [
        {"regel_id": "kader", "regel": "Kader", "uitkomst": "ja", "toelichting": "t", "bronnen": []},
        {"regel_id": "nieuw", "regel": "Nieuwe regel", "uitkomst": "nee", "toelichting": "t", "bronnen": []},
    ]
    changes = {item["regel_id"]: item for item in compare.rule_changes(was, nu)}
    assert changes["nieuw"]["wijziging"] == "nieuw" and "Nieuwe regel" in changes["nieuw"]["melding"]
    assert changes["oud"]["wijziging"] == "vervallen" and "niet meer toegepast" in changes["oud"]["melding"]
    assert "kader" not in changes


def test_onzekerheden_that_are_read_otherwise_are_named():
    was = [{"id": "u1", "onderwerp": "Jaarnorm", "vraag": "?", "lezingen": [], "gevolgd": "A"}]
    nu = [{"id": "u1", "onderwerp": "Jaarnorm", "vraag": "?", "lezingen": [], "gevolgd": "B"}]
    [change] = compare.onzekerheid_changes(was, nu)
    assert change["wijziging"] == "andere_lezing" and "andere lezing: B" in change["melding"]
    assert compare.onzekerheid_changes(was, [])[0]["wijziging"] == "vervallen"
