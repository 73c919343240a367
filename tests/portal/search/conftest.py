"""Fixtures for the search tests: an empty index per test and a small set of Dutch content.

Every test here runs on the configured backend: Whoosh by default, Wagtail's database backend
with PORTAL_SEARCH_BACKEND=database (the second run of `make test`).
"""

import contextlib
import logging
import signal
import threading

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.rich_text import RichText

WHOOSH = settings.PORTAL_SEARCH_BACKEND == "whoosh"


def body(*paragraphs):
    return [("paragraph", RichText("".join(f"<p>{p}</p>" for p in paragraphs)))]


@pytest.fixture
def clean_index(db):
    """Start from an empty index (the Whoosh folder outlives each test's database rollback)."""
    from modelsearch.backends import get_search_backend

    get_search_backend("default").reset_indexes()
    yield
    get_search_backend("default").reset_indexes()


@pytest.fixture
def content(site_tree, clean_index):
    """Pages and begrippen as an employer would search them; indexed like `make run` does."""
    from tests.factories import (
        ArticlePageFactory,
        BegripFactory,
        PracticeExamplePageFactory,
        QuestionPageFactory,
        SectorFactory,
        SpoorFactory,
        ThemaFactory,
    )

    quotum = ThemaFactory(slug="banen-en-quotum", naam="Banen, quotum en heffing")
    doelgroep = ThemaFactory(slug="doelgroep", naam="Doelgroep en register")
    rijk = SectorFactory(slug="rijk", naam="Rijksoverheid")
    gemeenten = SectorFactory(slug="gemeenten", naam="Gemeenten")
    sroi = SpoorFactory(slug="inkoop-sroi", naam="Spoor 3: inkoop en Social Return")

    pages = {}
    pages["quotumheffing"] = ArticlePageFactory(
        parent=site_tree["kennisbank"],
        title="De quotumheffing en het uitstel ervan",
        slug="quotumheffing-en-uitstel",
        samenvatting="Wat een werkgever betaalt als het quotum niet wordt gehaald.",
        body=body("Haalt u het quotum niet, dan betaalt u een heffing van 5.000 euro per ontbrekende baan."),
    )
    pages["register"] = ArticlePageFactory(
        parent=site_tree["kennisbank"],
        title="Het doelgroepregister raadplegen",
        slug="doelgroepregister-raadplegen",
        samenvatting="Zo ziet u of een sollicitant in het register staat.",
        body=body(
            "Werkgevers kijken in het werkgeversportaal van het UWV of iemand in het doelgroepregister staat."
        ),
    )
    pages["uitzendkracht"] = QuestionPageFactory(
        parent=site_tree["vragen"],
        title="Telt een uitzendkracht uit de doelgroep mee?",
        slug="telt-uitzendkracht-mee",
        kort_antwoord="Ja. Ingeleende medewerkers tellen mee voor de organisatie waar zij werken.",
        samenvatting="Over inleen en detachering.",
        body=body("Uren van uitzendkrachten en gedetacheerden uit de doelgroep tellen mee bij de inlener."),
    )
    pages["social-return"] = PracticeExamplePageFactory(
        parent=site_tree["praktijkvoorbeelden"],
        title="Banen via inkoop bij een schoonmaakbedrijf",
        slug="inkoop-schoonmaak",
        samenvatting="Een ministerie vroeg bij een aanbesteding om social return.",
        body=body("De leverancier nam vier mensen uit de doelgroep in dienst."),
    )
    for page in pages.values():
        page.thema.set([quotum if page is pages["quotumheffing"] else doelgroep])
        page.sector.set([rijk, gemeenten] if page is pages["quotumheffing"] else [rijk])
        if page is pages["social-return"]:
            page.spoor.set([sroi])
        page.save()

    begrippen = {
        "ldr": BegripFactory(
            term="Doelgroepregister",
            slug="doelgroepregister",
            afkorting="LDR",
            synoniemen="landelijk doelgroepregister",
            omschrijving="Het register van het UWV met iedereen die bij de doelgroep hoort.",
        ),
        "wml": BegripFactory(
            term="Wettelijk minimumloon",
            slug="wettelijk-minimumloon",
            afkorting="WML",
            synoniemen="minimumloon",
            omschrijving="Het laagste loon dat een werkgever mag betalen.",
        ),
    }
    # As `make run` does: build the index from the database.
    call_command("update_index", verbosity=0)
    return {"pages": pages, "begrippen": begrippen, "thema": {"quotum": quotum, "doelgroep": doelgroep}}


@pytest.fixture
def search_fn():
    from portal.search.service import search

    def run(q, **kwargs):
        kwargs.setdefault("log", False)
        return search(q, **kwargs)

    return run


def titles(response):
    return [r.title for r in [*response.promotions, *response.results]]


# -- failing on the search's own error log ------------------------------------------------------


class SearchErrors(logging.Handler):
    """Collects the ERROR records of the search's loggers: ``service`` logs and swallows a
    backend error (the visitor gets an empty list, not a 500), so a test must look here."""

    LOGGERS = ("portal.search", "modelsearch", "wagtail.search")

    def __init__(self):
        super().__init__(logging.ERROR)
        self.records = []

    def emit(self, record):
        self.records.append(record)

    def check(self, what=""):
        records, self.records = self.records, []
        assert not records, f"the search logged errors{f' for {what!r}' if what else ''}: " + "; ".join(
            r.getMessage() for r in records
        )

    def __enter__(self):
        for name in self.LOGGERS:
            logging.getLogger(name).addHandler(self)
        return self

    def __exit__(self, *exc):
        for name in self.LOGGERS:
            logging.getLogger(name).removeHandler(self)


@pytest.fixture
def search_errors():
    """Fails the test when the search logs an error; ``search_errors.check(q)`` checks at once."""
    with SearchErrors() as errors:
        yield errors
    errors.check()


# -- a watchdog against hangs -------------------------------------------------------------------


class SearchHung(Exception):
    """A search did not come back within the watchdog's time (a hang, not a slow query)."""


@contextlib.contextmanager
def watchdog(seconds, what=""):
    """Interrupt the code inside after ``seconds`` with ``SearchHung`` (tests only: SIGALRM in
    the main thread interrupts a pure-Python endless loop such as Whoosh's skip_to_quality)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def fire(signum, frame):
        raise SearchHung(f"no answer after {seconds} s: {what!r}")

    previous = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
