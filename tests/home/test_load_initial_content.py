"""load_initial_content: the real content loads completely, once; broken files are refused whole."""

import datetime
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision

from home.models import LoadedContentFile
from knowledge import models as km

CONTENT = Path(__file__).resolve().parents[2] / "content"

pytestmark = pytest.mark.django_db


def load(path=CONTENT):
    call_command("load_initial_content", "--path", str(path), "--no-index", verbosity=0)


@pytest.fixture
def small_content(tmp_path):
    """A minimal, valid content tree: one of each kind."""
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root, ignore=shutil.ignore_patterns("*.md"))
    files = {
        "bronnen/wfsv-38b.md": "---\ntype: bron\nslug: wfsv-38b\ntitel: Wfsv artikel 38b\nsoort: wet\njaar: 2026\n---\nDe doelgroep.\n",
        "organisaties/duo.md": "---\ntype: organisatie\nslug: duo\nnaam: Dienst Uitvoering Onderwijs\nsector: rijk\n---\nUitvoerder.\n",
        "begrippen/doelgroepregister.md": "---\ntype: begrip\nterm: Doelgroepregister\nslug: doelgroepregister\nafkorting: LDR\nsynoniemen: [register]\nbronnen: [wfsv-38b]\n---\nZie [het artikel](artikel:wat-telt-mee).\n",
        "artikelen/wat-telt-mee.md": '---\ntype: artikel\ntitel: Wat telt mee\nslug: wat-telt-mee\nsamenvatting: Kort.\nthema: [meetellen]\nbronnen: [wfsv-38b]\nlaatst_gecontroleerd: 2026-11-24\ngerelateerd: [vraag:telt-inleen-mee]\n---\nHet [register](begrip:doelgroepregister) telt.\n\n::parameter banen.urennorm "1 baan ="\n\nMeer tekst.\n',
        "vragen/telt-inleen-mee.md": "---\ntype: vraag\ntitel: Telt inleen mee?\nslug: telt-inleen-mee\nkort_antwoord: Soms.\nthema: [meetellen]\nbronnen: [wfsv-38b]\nlaatst_gecontroleerd: 2026-11-24\ngerelateerd: [artikel:wat-telt-mee]\n---\nLees [wat telt mee](artikel:wat-telt-mee).\n",
        "praktijkvoorbeelden/duo.md": "---\ntype: praktijkvoorbeeld\ntitel: DUO\nslug: duo\nsamenvatting: Banen bij DUO.\norganisatie: duo\nsector: [rijk]\naantal_banen: null\nthema: []\nbronnen: [wfsv-38b]\nlaatst_gecontroleerd: 2026-11-24\n---\nIntro.\n\n## Aanpak\nA.\n\n## Wat werkte\nB.\n\n## Lessen\nC.\n",
    }
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_small_content_loads_with_links_resolved(small_content, client):
    load(small_content)
    article = km.ArticlePage.objects.get(slug="wat-telt-mee")
    question = km.QuestionPage.objects.get(slug="telt-inleen-mee")
    assert article.live and question.live
    assert [b.block_type for b in article.body] == ["paragraph", "parameter", "paragraph"]
    assert f'linktype="page" id="{article.pk}"' in question.body[0].value.source
    assert [link.target_id for link in article.related_links.all()] == [question.pk]
    assert km.PracticeExamplePage.objects.get(slug="duo").lessen == "<p>C.</p>"
    assert km.Begrip.objects.get(slug="doelgroepregister").synoniemen == "register"
    html = client.get(question.url).content.decode()
    assert f'href="{article.url}"' in html
    article_html = client.get(article.url).content.decode()
    assert "1 baan = <strong>25,5 uur per week</strong>" in article_html


def test_a_second_load_changes_nothing_and_a_changed_file_makes_a_revision(small_content):
    load(small_content)
    revisions = Revision.objects.count()
    load(small_content)
    assert Revision.objects.count() == revisions
    path = small_content / "artikelen" / "wat-telt-mee.md"
    path.write_text(path.read_text().replace("Meer tekst.", "Andere tekst."))
    load(small_content)
    article = km.ArticlePage.objects.get(slug="wat-telt-mee")
    assert Revision.objects.count() == revisions + 1
    assert "Andere tekst." in article.body[2].value.source


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "artikelen/wat-telt-mee.md",
            "thema: [meetellen]",
            "thema: [bestaat-niet]",
            "artikelen/wat-telt-mee.md: veld 'thema'",
        ),
        ("artikelen/wat-telt-mee.md", "titel: Wat telt mee\n", "", "veld 'titel': ontbreekt"),
        (
            "artikelen/wat-telt-mee.md",
            "laatst_gecontroleerd: 2026-11-24",
            "laatst_gecontroleerd: gisteren",
            "veld 'laatst_gecontroleerd'",
        ),
        ("artikelen/wat-telt-mee.md", "slug: wat-telt-mee", "slug: Wat Telt Mee", "veld 'slug'"),
        (
            "artikelen/wat-telt-mee.md",
            "samenvatting: Kort.",
            "samenvatting: [kapot",
            "veld 'front matter': geen geldige YAML",
        ),
        (
            "vragen/telt-inleen-mee.md",
            "(artikel:wat-telt-mee)",
            "(artikel:bestaat-niet)",
            "vragen/telt-inleen-mee.md: veld 'tekst': verwijzing naar 'artikel:bestaat-niet'",
        ),
        ("vragen/telt-inleen-mee.md", "[artikel:wat-telt-mee]", "[vraag:weg]", "veld 'gerelateerd'"),
        (
            "artikelen/wat-telt-mee.md",
            "::parameter banen.urennorm",
            "::parameter banen.bestaat_niet",
            "veld 'tekst': onbekende parameter 'banen.bestaat_niet'",
        ),
        ("praktijkvoorbeelden/duo.md", "## Lessen", "## Conclusie", "veld 'tekst': verwacht de kopjes"),
        ("praktijkvoorbeelden/duo.md", "organisatie: duo", "organisatie: onbekend", "veld 'organisatie'"),
        ("begrippen/doelgroepregister.md", "bronnen: [wfsv-38b]", "bronnen: [geen-bron]", "veld 'bronnen'"),
    ],
)
def test_broken_files_stop_the_load_with_file_and_field_and_leave_nothing(
    small_content, file, old, new, message
):
    path = small_content / file
    assert old in path.read_text()
    path.write_text(path.read_text().replace(old, new))
    pages_before = Page.objects.count()
    with pytest.raises(CommandError) as error:
        load(small_content)
    assert message in str(error.value)
    assert Page.objects.count() == pages_before
    assert not LoadedContentFile.objects.exists()
    assert not km.Bron.objects.exists()


def test_a_failure_while_writing_rolls_everything_back(small_content, monkeypatch):
    from home.management.commands import load_initial_content as command

    def explode(self, item):
        raise RuntimeError("disk full")

    monkeypatch.setattr(command.Loader, "upsert_begrip", explode)
    with pytest.raises(RuntimeError):
        load(small_content)
    assert not km.ArticlePage.objects.exists()
    assert not LoadedContentFile.objects.exists()


def test_if_empty_skips_a_loaded_database(small_content):
    load(small_content)
    path = small_content / "artikelen" / "wat-telt-mee.md"
    path.write_text(path.read_text().replace("Meer tekst.", "Andere tekst."))
    call_command(
        "load_initial_content", "--path", str(small_content), "--no-index", "--if-empty", verbosity=0
    )
    assert "Andere tekst." not in km.ArticlePage.objects.get().body[2].value.source


def test_placeholders_are_filled_with_the_value_in_force_everywhere_a_visitor_reads(small_content):
    path = small_content / "vragen" / "telt-inleen-mee.md"
    text = path.read_text()
    text = text.replace("kort_antwoord: Soms.", "kort_antwoord: Vanaf [[parameter:quotum.drempel_uren]] uur.")
    text = text.replace(
        "Lees [wat",
        "In 2019 gold [[parameter:quotum.percentage_overheid@2019-12-31|%]], in 2023 "
        "[[parameter:quotum.percentage_overheid@2023-12-31|%]] en in 2014 "
        "[[parameter:quotum.percentage_overheid@2014-12-31|%]], sinds "
        "[[sinds:quotum.activering_overheid@2019-06-01]]; Praktijkroute per [[per:doelgroep.praktijkroute_open]]. "
        "Lees [wat",
    )
    path.write_text(text)
    load(small_content)
    question = km.QuestionPage.objects.get(slug="telt-inleen-mee")
    assert question.kort_antwoord == "Vanaf 40.575 uur."
    assert question.samenvatting == "Vanaf 40.575 uur."
    assert (
        "In 2019 gold 2,14 %, in 2023 2,76 % (voorlopig) en in 2014 onbekend, sinds 1 januari 2018; "
        "Praktijkroute per 1 januari 2017." in question.body[0].value.source
    )
    assert "[[" not in question.body[0].value.source


@pytest.mark.parametrize(
    ("placeholder", "message"),
    [
        ("[[parameter:banen.bestaat_niet]]", "onbekende parameter 'banen.bestaat_niet'"),
        ("[[parameter:quotum.heffing_uitstel]]", "kies een veld"),
        ("[[parameter:quotum.drempel_uren.jaar]]", "geen veld 'jaar'"),
        ("[[parameter:quotum.drempel_uren@2020]]", "onbekende plaatshouder"),
        ("[[parametr:quotum.drempel_uren]]", "onbekende plaatshouder"),
        ("[[sinds:quotum.drempel_uren@2010-01-01]]", "geen begindatum"),
    ],
)
def test_a_placeholder_that_cannot_be_filled_stops_the_load(small_content, placeholder, message):
    path = small_content / "vragen" / "telt-inleen-mee.md"
    path.write_text(path.read_text().replace("Lees [wat", f"Zie {placeholder}. Lees [wat"))
    with pytest.raises(CommandError) as error:
        load(small_content)
    assert "vragen/telt-inleen-mee.md: veld 'tekst'" in str(error.value)
    assert message in str(error.value)
    assert not LoadedContentFile.objects.exists()


def test_a_parameter_that_changes_makes_a_new_revision_on_the_next_load(small_content, monkeypatch):
    from home.management.commands import load_initial_content as command

    path = small_content / "artikelen" / "wat-telt-mee.md"
    path.write_text(
        path.read_text().replace("Meer tekst.", "Geactiveerd: [[parameter:quotum.activering_overheid]].")
    )
    monkeypatch.setattr(command.timezone, "localdate", lambda: datetime.date(2017, 6, 1))
    load(small_content)
    revisions = Revision.objects.count()
    load(small_content)
    assert Revision.objects.count() == revisions
    monkeypatch.setattr(command.timezone, "localdate", lambda: datetime.date(2018, 6, 1))
    load(small_content)
    assert Revision.objects.count() == revisions + 1
    assert "Geactiveerd: ja." in km.ArticlePage.objects.get(slug="wat-telt-mee").body[2].value.source


@pytest.mark.parametrize(
    ("configured", "shown"), [("", "nog in te stellen"), ("beheer@portaal.test", "beheer@portaal.test")]
)
def test_a_setting_placeholder_shows_the_configured_contact_address_or_its_fallback(
    small_content, settings, client, configured, shown
):
    settings.PORTAL_CONTACT_EMAIL = configured
    (small_content / "paginas" / "contact.md").write_text(
        "---\ntype: pagina\nslug: contact\ntitel: Contact\n---\n"
        "Mail ons: [[instelling:contact_email|nog in te stellen]].\n",
        encoding="utf-8",
    )
    load(small_content)
    html = client.get("/contact/").content.decode()
    assert f"Mail ons: {shown}." in html
    assert "[[" not in html
