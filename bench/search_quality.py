"""Search quality on the portal's own content: success@3 and MRR for both backends.

    .venv/bin/python bench/search_quality.py              # both backends
    .venv/bin/python bench/search_quality.py --stemmers   # Whoosh with each Dutch stemmer
    .venv/bin/python bench/search_quality.py --verbose    # every query with its top 3

Builds a throwaway SQLite database in a temporary folder, loads the content files
(``load_initial_content``), indexes it with each backend and runs the queries below through the
portal search (``portal.search.service.search``, as /zoeken/ and the API do). A query succeeds
when one of its expected pages is in the top three; MRR counts the rank of the first expected
page in the top ten.

The queries are written as an employer would type them: questions in their own words,
single keywords, abbreviations (LDR, SROI, WML, FTA, LKV), typos and missing accents.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, bench/ comes first on sys.path and bench/rules.py would shadow django-rules.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]

#: (query, [expected "type:slug", ...]) -- any of the expected results counts as a hit.
QUERIES = [
    # Questions in plain words
    (
        "telt een uitzendkracht mee?",
        ["vraag:v1-telt-een-uitzendkracht-mee", "artikel:inleen-uitzending-detachering"],
    ),
    ("wat kost het als we het quotum niet halen", ["vraag:v1-wat-kost-het-als-we-het-quotum-niet-halen"]),
    (
        "wie hoort bij de doelgroep",
        ["vraag:v1-wie-hoort-bij-de-doelgroep", "artikel:doelgroep-banenafspraak"],
    ),
    (
        "hoe weet ik of iemand in het register staat",
        [
            "vraag:v1-hoe-weet-ik-of-een-sollicitant-in-het-register-staat",
            "artikel:doelgroepregister-raadplegen",
        ],
    ),
    ("telt een stagiair mee", ["vraag:v1-telt-een-onbetaalde-stage-mee"]),
    ("onbetaalde stage banenafspraak", ["vraag:v1-telt-een-onbetaalde-stage-mee"]),
    ("hoeveel banen is 20 uur per week", ["vraag:v1-hoeveel-banen-is-iemand-die-20-uur-werkt"]),
    (
        "uren omrekenen naar banen",
        ["vraag:v1-hoe-reken-ik-uren-per-jaar-om-naar-banen", "artikel:banen-en-de-urennorm"],
    ),
    ("mag ik naar de diagnose vragen", ["vraag:v1-mag-ik-vragen-naar-bsn-of-diagnose"]),
    ("bsn vragen sollicitant", ["vraag:v1-mag-ik-vragen-naar-bsn-of-diagnose"]),
    (
        "vanaf hoeveel werknemers moet ik betalen",
        ["vraag:v1-vanaf-hoeveel-werknemers-geldt-de-heffing", "begrip:drempel-25-werknemers"],
    ),
    ("wie betaalt de jobcoach", ["vraag:v2-wie-betaalt-de-jobcoach", "begrip:jobcoach"]),
    (
        "medewerker uit de doelgroep wordt ziek",
        ["vraag:v2-wat-als-een-medewerker-uit-de-doelgroep-ziek-wordt", "begrip:no-riskpolis"],
    ),
    ("wat als een plaatsing mislukt", ["vraag:v2-wat-als-een-plaatsing-mislukt"]),
    ("collega's voorbereiden op nieuwe medewerker", ["vraag:v2-hoe-bereid-ik-het-team-voor"]),
    ("leidinggevenden zijn bang", ["vraag:v2-hoe-neem-ik-koudwatervrees-bij-leidinggevenden-weg"]),
    ("management overtuigen", ["vraag:v2-hoe-krijg-ik-het-management-mee"]),
    (
        "geschikte kandidaten vinden",
        ["vraag:v2-hoe-vind-ik-geschikte-kandidaten", "artikel:matching-en-werving"],
    ),
    (
        "werk vinden in een kennisorganisatie",
        ["vraag:v2-hoe-vind-ik-geschikt-werk-in-een-kennisintensieve-organisatie"],
    ),
    (
        "schoonmaak weer zelf doen",
        [
            "vraag:v2-moeten-we-uitbesteed-werk-inbesteden",
            "vraag:v1-telt-inbesteed-werk-mee",
            "praktijkvoorbeeld:provincie-noord-brabant",
        ],
    ),
    ("telt een wsw-er van het sw-bedrijf mee", ["vraag:v1-telt-een-wsw-er-van-het-sw-bedrijf-mee"]),
    (
        "gedetacheerde van een andere overheid",
        ["vraag:v1-telt-een-gedetacheerde-van-een-andere-overheid-mee"],
    ),
    ("invallers voor zieke collega's", ["vraag:v1-tellen-vervangers-van-zieken-mee-in-de-noemer"]),
    (
        "wapendragend personeel",
        ["vraag:v1-telt-wapendragend-personeel-mee-voor-het-quotum", "begrip:wapendragend-personeel"],
    ),
    (
        "wordt de heffing echt opgelegd",
        ["vraag:v1-wordt-de-quotumheffing-echt-opgelegd", "artikel:quotumheffing-en-uitstel"],
    ),
    (
        "wat verandert er in 2026 voor wajongers",
        ["vraag:v1-wat-verandert-er-per-1-januari-2026-voor-wajongers"],
    ),
    (
        "nieuwe wet banenafspraak",
        [
            "artikel:wet-banenafspraak-2025",
            "vraag:v1-wat-verandert-er-met-de-wet-banenafspraak-2025",
            "begrip:wet-banenafspraak-2025",
        ],
    ),
    (
        "hoe staat het rijk ervoor",
        [
            "vraag:v2-hoe-staat-het-rijk-ervoor-met-de-banenafspraak",
            "artikel:sector-rijk",
            "artikel:cijfers-door-de-jaren",
        ],
    ),
    (
        "hulp voor gemeenten",
        [
            "vraag:v2-waar-vind-ik-hulp-als-gemeente-provincie-of-onderwijsinstelling",
            "artikel:sector-decentrale-overheden",
        ],
    ),
    (
        "advies voor een rijksorganisatie",
        [
            "vraag:v2-waar-kan-ik-als-rijksorganisatie-terecht-voor-advies",
            "artikel:ondersteuning-voor-werkgevers",
        ],
    ),
    (
        "hoogopgeleide met een beperking",
        [
            "vraag:v1-hoort-een-hoogopgeleide-met-een-beperking-bij-de-doelgroep",
            "vraag:v2-kan-ik-hoogopgeleiden-met-een-beperking-aannemen",
            "praktijkvoorbeeld:swom",
            "praktijkvoorbeeld:talenttraject-arnhem-nijmegen",
        ],
    ),
    # Keywords
    (
        "quotumheffing",
        [
            "artikel:quotumheffing-en-uitstel",
            "begrip:quotumheffing",
            "vraag:v1-wordt-de-quotumheffing-echt-opgelegd",
        ],
    ),
    (
        "quotumpercentage overheid",
        ["vraag:v1-wat-is-het-quotumpercentage-voor-de-overheid", "begrip:quotumpercentage"],
    ),
    ("loonkostensubsidie aanvragen", ["vraag:v2-wat-is-loonkostensubsidie", "begrip:loonkostensubsidie"]),
    ("proefplaatsing", ["vraag:v2-hoe-werkt-een-proefplaatsing", "begrip:proefplaatsing"]),
    ("jobcarving", ["vraag:v2-wat-is-jobcarving-en-hoe-begin-ik", "begrip:jobcarving"]),
    ("omgekeerd matchen", ["vraag:v2-wat-is-omgekeerd-matchen", "begrip:omgekeerd-matchen"]),
    ("binnenwerk kosten", ["vraag:v2-wat-doet-binnenwerk-en-wat-kost-het", "artikel:binnenwerk"]),
    (
        "vier sporen",
        ["vraag:v2-welke-sporen-gebruikt-het-rijk", "artikel:vier-sporen", "begrip:viersporenaanpak"],
    ),
    (
        "raamovereenkomst inhuur",
        [
            "artikel:raamovereenkomst-inhuur-arbeidsparticipanten",
            "vraag:v2-wat-is-de-raamovereenkomst-inhuur-arbeidsparticipanten",
            "begrip:raamovereenkomst-arbeidsparticipanten",
        ],
    ),
    ("centraal budget", ["vraag:v2-wat-is-een-centraal-budget", "begrip:centraal-budget"]),
    ("beschut werk", ["vraag:v1-hoort-iemand-in-beschut-werk-bij-de-doelgroep", "begrip:beschut-werk"]),
    ("praktijkroute", ["artikel:doelgroep-participatiewet-en-praktijkroute", "begrip:praktijkroute"]),
    ("peildatum", ["vraag:v1-wat-is-een-peildatum", "begrip:peildatum"]),
    (
        "werkgeversservicepunt",
        ["vraag:v2-wat-kan-het-werkgeversservicepunt-voor-mij-doen", "begrip:werkgeversservicepunt"],
    ),
    ("groepsdetachering onderwijs", ["praktijkvoorbeeld:pantar", "begrip:groepsdetachering"]),
    ("umc", ["artikel:sector-umcs", "vraag:v2-wat-is-anders-in-onderwijs-en-umcs"]),
    (
        "subsidies bij aannemen",
        ["vraag:v2-welke-subsidies-en-regelingen-zijn-er", "artikel:geld-en-regelingen"],
    ),
    (
        "inclusief werkklimaat",
        ["artikel:inclusief-werkklimaat", "vraag:v2-hoe-werk-ik-aan-een-inclusief-werkklimaat"],
    ),
    ("duurzaam in dienst houden", ["vraag:v2-hoe-houd-ik-een-medewerker-duurzaam-in-dienst"]),
    # Abbreviations
    ("LDR", ["begrip:doelgroepregister", "artikel:doelgroepregister-raadplegen"]),
    (
        "SROI",
        [
            "begrip:social-return",
            "artikel:inkoop-en-social-return",
            "vraag:v2-hoe-zet-ik-social-return-in-bij-inkoop",
            "vraag:v1-tellen-sroi-banen-bij-onze-leverancier-mee",
        ],
    ),
    ("WML", ["begrip:wml", "artikel:doelgroep-jonggehandicapten-met-voorziening"]),
    ("FTA", ["begrip:fta", "begrip:baan", "artikel:banen-en-de-urennorm"]),
    ("LKV", ["vraag:v2-hoe-werkt-het-loonkostenvoordeel-lkv", "begrip:lkv"]),
    ("wsw", ["begrip:wsw", "artikel:doelgroep-wsw"]),
    (
        "wajong",
        ["begrip:wajong", "artikel:doelgroep-wajong", "vraag:v1-hoort-een-wajonger-altijd-bij-de-doelgroep"],
    ),
    ("sroi banen leverancier", ["vraag:v1-tellen-sroi-banen-bij-onze-leverancier-mee"]),
    (
        "vso pro schoolverlaters",
        [
            "artikel:doelgroep-vso-pro-schoolverlaters",
            "begrip:vso-pro",
            "vraag:v1-telt-een-schoolverlater-van-het-praktijkonderwijs-mee",
        ],
    ),
    ("wia uitkering doelgroep", ["vraag:v1-hoort-iemand-met-een-wia-uitkering-bij-de-doelgroep"]),
    # Typos and missing accents
    (
        "quotumheffnig",
        [
            "artikel:quotumheffing-en-uitstel",
            "begrip:quotumheffing",
            "vraag:v1-wordt-de-quotumheffing-echt-opgelegd",
        ],
    ),
    ("doelgroepregistr", ["begrip:doelgroepregister", "artikel:doelgroepregister-raadplegen"]),
    ("uitzendkracth", ["vraag:v1-telt-een-uitzendkracht-mee", "artikel:inleen-uitzending-detachering"]),
    (
        "wajnog",
        ["begrip:wajong", "artikel:doelgroep-wajong", "vraag:v1-hoort-een-wajonger-altijd-bij-de-doelgroep"],
    ),
    ("loonkostensubsdie", ["vraag:v2-wat-is-loonkostensubsidie", "begrip:loonkostensubsidie"]),
    ("jobcoch betalen", ["vraag:v2-wie-betaalt-de-jobcoach", "begrip:jobcoach"]),
    (
        "praktijkonderwys",
        [
            "artikel:doelgroep-vso-pro-schoolverlaters",
            "vraag:v1-telt-een-schoolverlater-van-het-praktijkonderwijs-mee",
            "begrip:vso-pro",
        ],
    ),
    ("detachring", ["begrip:detachering", "artikel:inleen-uitzending-detachering"]),
]


def setup_django(workdir):
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.dev"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ["PORTAL_INDEX_DIR"] = f"{workdir}/whoosh"
    os.environ.setdefault("PORTAL_SEARCH_BACKEND", "whoosh")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def load_content():
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_initial_content", verbosity=0)


def backend_settings(name, workdir):
    if name == "whoosh":
        return {"default": {"BACKEND": "portal.search.backend", "PATH": f"{workdir}/whoosh"}}
    return {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "dutch"}}


def key_of(result):
    slug = result.url.rstrip("/").rsplit("/", 1)[-1]
    return f"{result.type}:{slug}"


def evaluate(verbose=False):
    from portal.search.service import search

    hits3 = 0
    reciprocal = 0.0
    times = []
    misses = []
    for query, expected in QUERIES:
        started = time.perf_counter()
        response = search(query, log=False)
        times.append(time.perf_counter() - started)
        keys = [key_of(r) for r in [*response.promotions, *response.results]][:10]
        rank = next((i + 1 for i, k in enumerate(keys) if k in expected), None)
        if rank and rank <= 3:
            hits3 += 1
        else:
            misses.append((query, keys[:3], expected))
        if rank:
            reciprocal += 1 / rank
        if verbose:
            print(f"  {'OK ' if rank and rank <= 3 else 'MIS'} {rank or '-':>2}  {query!r:45} -> {keys[:3]}")
    times.sort()
    return {
        "success@3": hits3 / len(QUERIES),
        "mrr": reciprocal / len(QUERIES),
        "p50_ms": times[len(times) // 2] * 1000,
        "p95_ms": times[int(len(times) * 0.95)] * 1000,
        "misses": misses,
    }


def run_backend(name, workdir, verbose=False):
    from django.core.management import call_command
    from django.test import override_settings

    conf = backend_settings(name, workdir)
    with override_settings(WAGTAILSEARCH_BACKENDS=conf):
        started = time.perf_counter()
        call_command("update_index", verbosity=0)
        index_seconds = time.perf_counter() - started
        result = evaluate(verbose=verbose)
    result["index_s"] = index_seconds
    return result


def report(label, result):
    print(
        f"{label:28} success@3 {result['success@3']:.3f}  MRR {result['mrr']:.3f}  "
        f"query p50 {result['p50_ms']:.0f} ms  p95 {result['p95_ms']:.0f} ms  "
        f"(index {result['index_s']:.1f} s)"
    )


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--stemmers", action="store_true", help="compare the Dutch stemmers on Whoosh")
    parser.add_argument("--verbose", action="store_true", help="show every query")
    parser.add_argument("--backend", choices=["whoosh", "database"], help="only this backend")
    parser.add_argument(
        "--or-scale", type=float, default=None, help="Whoosh coordination bonus for OR (0 = none)"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="search-quality-") as workdir:
        setup_django(workdir)
        from django.db import connection

        if args.or_scale is not None:
            from portal.search.backend import WhooshSearchQueryCompiler

            WhooshSearchQueryCompiler.OR_SCALE = args.or_scale or None

        started = time.perf_counter()
        load_content()
        print(
            f"{len(QUERIES)} queries; content loaded in {time.perf_counter() - started:.1f} s "
            f"({connection.vendor} database)"
        )
        if args.stemmers:
            from portal.search import analysis

            for stemmer in ("dutch_porter", "dutch"):
                analysis.STEMMER = stemmer
                analysis._stemmer.cache_clear()
                import shutil

                shutil.rmtree(f"{workdir}/whoosh", ignore_errors=True)
                result = run_backend("whoosh", workdir, verbose=args.verbose)
                report(f"whoosh, stemmer {stemmer}", result)
            return
        for name in [args.backend] if args.backend else ["whoosh", "database"]:
            result = run_backend(name, workdir, verbose=args.verbose)
            report(f"{name} ({connection.vendor})" if name == "database" else name, result)
            for query, top3, expected in result["misses"]:
                print(f"    missed {query!r}: top 3 {top3}, expected one of {expected}")


if __name__ == "__main__":
    main()
