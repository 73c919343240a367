"""A change in a rules parameter file flags exactly the pages that cite it, and checking the page
again closes the flag."""

import datetime

import pytest
from django.core.management import call_command
from wagtail.rich_text import RichText

from editorial import rule_changes
from editorial.models import ParameterSnapshot, ReviewFlag, RuleChange
from tests.factories import ArticlePageFactory, BronFactory, PracticeExamplePageFactory, QuestionPageFactory

pytestmark = pytest.mark.django_db

NEW_HEFFING = """
  2027-01-01:
    value: 6000
    reference:
      - titel: Wet financiering sociale verzekeringen, artikel 38h, lid 3 en 4
        url: https://wetten.overheid.nl/jci1.3:c:BWBR0017745&artikel=38h
        bron: wfsv-38h
"""


def parameter_block(name):
    return [("parameter", {"parameter": name, "label": "Waarde:"}), ("paragraph", RichText("<p>Tekst.</p>"))]


@pytest.fixture
def pages(site_tree):
    """Pages that cite quotum.heffing_per_baan in each of the four ways, and pages that do not."""
    wfsv_38h = BronFactory(slug="wfsv-38h")
    wfsv_38b = BronFactory(slug="wfsv-38b")
    other = BronFactory(slug="praktijkgids")
    kb, vragen, voorbeelden = site_tree["kennisbank"], site_tree["vragen"], site_tree["praktijkvoorbeelden"]
    return {
        "kennisartikel": ArticlePageFactory(parent=kb, slug="quotumheffing-en-uitstel", bronnen=[other]),
        "blok": QuestionPageFactory(
            parent=vragen, body=parameter_block("quotum.heffing_per_baan"), bronnen=[other]
        ),
        "tekst": PracticeExamplePageFactory(
            parent=voorbeelden,
            aanpak="<p>De heffing is [[parameter:quotum.heffing_per_baan]] euro per baan.</p>",
            bronnen=[other],
        ),
        "bron": ArticlePageFactory(parent=kb, slug="over-de-heffing", bronnen=[wfsv_38h]),
        # Not citing it: another parameter, another bron, an article with another slug.
        "ander_blok": ArticlePageFactory(parent=kb, body=parameter_block("banen.urennorm"), bronnen=[other]),
        "andere_bron": QuestionPageFactory(parent=vragen, bronnen=[wfsv_38b]),
        "ander_artikel": ArticlePageFactory(parent=kb, slug="banen-en-de-urennorm", bronnen=[other]),
    }


def add_heffing_value(rules_dir, text=NEW_HEFFING):
    path = rules_dir / "quotum" / "heffing_per_baan.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").rstrip("\n") + "\n" + text.strip("\n") + "\n", encoding="utf-8"
    )


def flagged(result=None):
    return {flag.page.specific for flag in ReviewFlag.objects.filter(resolved_at__isnull=True)}


def test_the_first_check_stores_a_baseline_and_flags_nothing(rules_dir, pages):
    result = rule_changes.check()
    assert result.baseline
    assert ParameterSnapshot.objects.count() == result.files > 20
    assert not ReviewFlag.objects.exists()
    assert rule_changes.check().changes == []


def test_a_new_dated_value_flags_exactly_the_pages_that_cite_it(rules_dir, pages):
    rule_changes.check()
    add_heffing_value(rules_dir)
    result = rule_changes.check()

    assert result.changed_files == ["parameters/quotum/heffing_per_baan.yaml"]
    [change] = result.changes
    assert (change.parameter, change.kind) == ("quotum.heffing_per_baan", RuleChange.Kind.ADDED)
    assert (change.old, change.new) == ("5.000 euro", "6.000 euro")
    assert change.takes_effect == datetime.date(2027, 1, 1)
    assert flagged() == {pages[k] for k in ("kennisartikel", "blok", "tekst", "bron")}
    how = {flag.page_id: flag.cited_as for flag in ReviewFlag.objects.all()}
    assert how[pages["kennisartikel"].pk] == "kennisartikel van de regel"
    assert how[pages["blok"].pk] == "parameterblok"
    assert how[pages["tekst"].pk] == "waarde in de tekst"
    assert how[pages["bron"].pk] == "bron wfsv-38h"
    # Seen once: the next check finds nothing new.
    assert rule_changes.check().changes == []
    assert ReviewFlag.objects.count() == 4


def test_a_changed_value_and_a_changed_reference_are_told_apart(rules_dir, pages):
    rule_changes.check()
    path = rules_dir / "banen" / "urennorm.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 25.5", "value: 26"), encoding="utf-8")
    [change] = rule_changes.check().changes
    assert (change.kind, change.old, change.new) == (
        RuleChange.Kind.CHANGED,
        "25,5 uur per week",
        "26 uur per week",
    )
    assert change.takes_effect == datetime.date(2013, 1, 1)
    assert pages["ander_blok"] in flagged() and pages["ander_artikel"] in flagged()
    assert pages["blok"] not in flagged()

    path.write_text(path.read_text(encoding="utf-8").replace("par. 2.2", "paragraaf 2.2"), encoding="utf-8")
    [change] = rule_changes.check().changes
    assert change.kind == RuleChange.Kind.REFERENCE
    assert "paragraaf 2.2" in change.new and "par. 2.2" in change.old


def test_a_removed_file_flags_its_pages_and_a_broken_file_keeps_its_snapshot(rules_dir, pages):
    rule_changes.check()
    (rules_dir / "quotum" / "heffing_per_baan.yaml").unlink()
    (rules_dir / "banen" / "urennorm.yaml").write_text("values: [unclosed", encoding="utf-8")
    result = rule_changes.check()
    assert [(c.parameter, c.kind, c.old) for c in result.changes] == [
        ("quotum.heffing_per_baan", RuleChange.Kind.REMOVED, "5.000 euro")
    ]
    [error] = result.errors
    assert error.startswith("parameters/banen/urennorm.yaml: geen geldige YAML")
    assert ParameterSnapshot.objects.filter(path="parameters/banen/urennorm.yaml").exists()
    assert not ParameterSnapshot.objects.filter(path="parameters/quotum/heffing_per_baan.yaml").exists()


def test_a_changed_question_module_flags_the_kennisartikelen_of_its_rules(rules_dir, pages):
    questions = rules_dir.parent / "questions"
    questions.mkdir()
    module = questions / "quotum.py"
    module.write_text('RULE = Rule("heffing", artikel="quotumheffing-en-uitstel")\n', encoding="utf-8")
    rule_changes.check()
    module.write_text(
        'RULE = Rule("heffing", artikel="quotumheffing-en-uitstel", nieuw=True)\n', encoding="utf-8"
    )
    [change] = rule_changes.check().changes
    assert (change.parameter, change.kind) == ("questions.quotum", RuleChange.Kind.FILE)
    assert flagged() == {pages["kennisartikel"]}
    assert "Rule(" not in str(ParameterSnapshot.objects.get(path="questions/quotum.py").content)


def test_a_placeholder_in_the_content_file_of_a_page_cites_the_parameter(rules_dir, pages):
    folder = rules_dir.parent / "content" / "artikelen"
    folder.mkdir(parents=True)
    (folder / "banen-en-de-urennorm.md").write_text(
        "---\nslug: banen-en-de-urennorm\n---\nDe heffing: [[parameter:quotum.heffing_per_baan@2024-01-01]].\n",
        encoding="utf-8",
    )
    rule_changes.check()
    add_heffing_value(rules_dir)
    rule_changes.check()
    assert pages["ander_artikel"] in flagged()
    assert ReviewFlag.objects.get(page=pages["ander_artikel"]).cited_as == "waarde in de tekst"


def test_a_provisional_value_made_final_is_a_change(rules_dir, pages):
    rule_changes.check()
    path = rules_dir / "quotum" / "percentage_overheid.yaml"
    text = path.read_text(encoding="utf-8")
    assert "voorlopig: true" in text
    path.write_text(text.replace("voorlopig: true", "voorlopig: false", 1), encoding="utf-8")
    [change] = rule_changes.check().changes
    assert change.kind == RuleChange.Kind.CHANGED
    assert change.old == change.new + " (voorlopig)"


def next_check_date(page):
    return max(datetime.date.today(), page.laatst_gecontroleerd) + datetime.timedelta(days=1)


def test_saving_a_page_with_a_new_check_date_closes_its_flag(rules_dir, pages):
    rule_changes.check()
    add_heffing_value(rules_dir)
    rule_changes.check()

    article = pages["kennisartikel"]
    article.laatst_gecontroleerd = next_check_date(article)
    article.save_revision()  # a draft with the new date is enough
    question = pages["blok"]
    question.title = "Alleen de titel veranderd"
    question.save_revision().publish()  # same date: still to check

    assert pages["kennisartikel"] not in flagged()
    assert pages["blok"] in flagged()

    example = pages["tekst"]
    example.laatst_gecontroleerd = next_check_date(example)
    example.save_revision().publish()
    assert flagged() == {pages["blok"], pages["bron"]}


def test_the_command_reports_what_changed(rules_dir, pages, capsys):
    call_command("check_parameter_changes")
    assert "Eerste momentopname" in capsys.readouterr().out
    add_heffing_value(rules_dir)
    call_command("check_parameter_changes")
    out = capsys.readouterr().out
    assert "1 wijzigingen, 4 pagina's te controleren" in out
    assert "quotum.heffing_per_baan: 5.000 euro → 6.000 euro" in out
