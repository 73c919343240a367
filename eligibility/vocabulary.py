"""The one vocabulary of facts: every fact a question can take, declared once.

A fact means the same in every question that takes it (``loon_betaald`` in ``telt_mee`` and in
``banen``, ``persoon_in_doelgroep`` in both, ``jaar`` in ``telt_mee`` and ``quotum``); each
question picks its facts with ``pick(...)`` in asking order. Labels and help texts are the
questions a checker asks; numbers and dates that the law sets are written as placeholders of the
dated parameters (``[[parameter:banen.urennorm]]``) so they follow the parameter in force.
"""

from eligibility.facts import BOOL, CHOICE, DATE, INT, NUMBER, NUMBER_LIST, TEXT, Fact

HOURS_IN_WEEK = 168
HOURS_IN_YEAR = 8784
EIGEN = "uw_organisatie"


def _jaar_van_de_peildatum(peildatum):
    return peildatum.year


FACTS = (
    # --- every question ----------------------------------------------------------------------
    Fact(
        "kader",
        CHOICE,
        "In welk kader wilt u het antwoord?",
        "Dezelfde vraag kan per kader een ander antwoord hebben. Het wettelijke quotum is de quotumregeling "
        "van de Wfsv (vanaf [[per:stelsel.wet_bqa_in_werking]] tot de inwerkingtreding van artikel 2 Wet "
        "banenafspraak); de monitor Rijk is de interne taakstelling van de Rijksoverheid (beleid, geen wet); "
        "de Wet banenafspraak 2025 is het nieuwe stelsel, waarvan de ingangsdatum nog niet bekend is.",
        choices=(
            ("wettelijk_quotum", "Wettelijke quotumregeling (Wfsv)"),
            ("monitor_rijk", "Monitor banenafspraak Rijk (beleid)"),
            ("wet_banenafspraak_2025", "Nieuw stelsel: Wet banenafspraak 2025 (voorwaardelijk)"),
        ),
        default="wettelijk_quotum",
        voorbeeld="wettelijk_quotum",
        begrippen=("quotumregeling", "monitor-banenafspraak-rijk", "wet-banenafspraak-2025"),
    ),
    Fact(
        "jaar",
        INT,
        "Over welk kalenderjaar gaat het?",
        "Het kalenderjaar waarover wordt geteld (bij het quotum: het heffingsjaar). Standaard: het jaar van "
        "de peildatum.",
        minimum=2013,
        maximum=2100,
        default=_jaar_van_de_peildatum,
        voorbeeld=2024,
        begrippen=("heffingsjaar",),
    ),
    # --- doelgroep: the exclusion and the register ---------------------------------------------
    Fact(
        "beschut_werk_vastgesteld",
        BOOL,
        "Heeft het college vastgesteld dat de persoon uitsluitend in beschut werk kan werken?",
        "Beschut werk volgens art. 10b Participatiewet. Wie alleen zo kan werken, hoort niet bij de "
        "doelgroep; een lopende registratie eindigt de dag na de vaststelling. Niet opgegeven: aangenomen "
        "dat het college dat niet heeft vastgesteld.",
        voorbeeld=False,
        begrippen=("beschut-werk",),
    ),
    Fact(
        "opgenomen_in_doelgroepregister",
        BOOL,
        "Staat de persoon in het doelgroepregister van het UWV?",
        "Een werkgever kan dit bij het UWV nagaan met het BSN (Wfsv art. 38d lid 7).",
        voorbeeld=True,
        begrippen=("doelgroepregister",),
    ),
    Fact(
        "voldoet_nog_aan_oorspronkelijke_grond",
        BOOL,
        "Voldoet de persoon nog aan de grond waarmee hij in het register kwam?",
        "Bijvoorbeeld: heeft hij nog recht op Wajong of een Wsw-indicatie?",
        toon_als=(("opgenomen_in_doelgroepregister", (True,)),),
        voorbeeld=False,
        begrippen=("blijfgrond", "t-plus-2-regel"),
    ),
    Fact(
        "jaar_niet_meer_voldaan",
        INT,
        "In welk jaar voldeed de persoon niet meer aan zijn grond?",
        "Alleen nodig voor een peildatum waarop de t+2-regel gold (zie 'Blijven in het register').",
        minimum=2013,
        maximum=2100,
        toon_als=(("voldoet_nog_aan_oorspronkelijke_grond", (False,)),),
        voorbeeld=2016,
        begrippen=("t-plus-2-regel",),
    ),
    Fact(
        "registratie_beeindigd_op_verzoek",
        BOOL,
        "Heeft de persoon zelf gevraagd om uit het register te worden gehaald?",
        "Beëindiging op eigen verzoek kan niet eerder ingaan dan [[parameter:doelgroep.beeindiging_op_verzoek_vanaf]].",
        toon_als=(("opgenomen_in_doelgroepregister", (True,)),),
        voorbeeld=False,
        begrippen=("doelgroepregister",),
    ),
    Fact(
        "aow_leeftijd_bereikt",
        BOOL,
        "Heeft de persoon de AOW-leeftijd bereikt?",
        "De registratie eindigt op de dag dat de persoon de AOW-leeftijd bereikt.",
        toon_als=(("opgenomen_in_doelgroepregister", (True,)),),
        voorbeeld=False,
        begrippen=("doelgroepregister",),
    ),
    # --- doelgroep: the grounds, in asking order -----------------------------------------------
    Fact(
        "heeft_wsw_indicatie",
        BOOL,
        "Heeft de persoon een Wsw-indicatie?",
        "Een indicatie volgens de Wet sociale werkvoorziening, ook een nog geldende indicatiebeschikking "
        "volgens art. 11 Wsw (zoals die wet luidde op 31 december 2014).",
        voorbeeld=True,
        begrippen=("wsw",),
    ),
    Fact(
        "wsw_indicatie_verlopen",
        BOOL,
        "Had de persoon op 31 december 2014 een geldende Wsw-indicatie die daarna is verlopen, zonder nieuwe "
        "indicatie?",
        "Een indicatiebeschikking volgens art. 11 Wsw (oud) waarvan de geldigheid op of na 1 januari 2015 "
        "is verstreken (Besluit Wfsv art. 2.25 lid 1 onder b).",
        voorbeeld=False,
    ),
    Fact(
        "heeft_wajong_recht",
        BOOL,
        "Heeft de persoon recht op Wajong (arbeidsondersteuning of een uitkering)?",
        "Oude Wajong, Wajong 2010 of Wajong 2015.",
        voorbeeld=True,
        begrippen=("wajong",),
    ),
    Fact(
        "wajong_regime",
        CHOICE,
        "Welke Wajong?",
        "De Wajong 2015 is er alleen voor wie duurzaam geen arbeidsvermogen heeft.",
        choices=(
            ("oude_wajong", "Oude Wajong (vóór 2010)"),
            ("wajong_2010", "Wajong 2010"),
            ("wajong_2015", "Wajong 2015"),
        ),
        toon_als=(("heeft_wajong_recht", (True,)),),
        voorbeeld="wajong_2010",
        begrippen=("oude-wajong", "wajong-2010", "wajong-2015"),
    ),
    Fact(
        "wajong_duurzaam_geen_arbeidsvermogen",
        BOOL,
        "Heeft het UWV vastgesteld dat de persoon duurzaam geen mogelijkheden tot arbeidsparticipatie heeft?",
        "Art. 1a:1 lid 1, 2:4 lid 1 of 3:8a lid 1 Wajong (duurzaam geen arbeidsvermogen). Ook van belang "
        "voor de overgangsgroep: wie toen onder de Wajong viel en nu duurzaam geen arbeidsvermogen heeft, "
        "valt daar niet onder, ook zonder Wajong-recht.",
        toon_als=(
            ("heeft_wajong_recht", (True,)),
            ("vso_pro_schoolverlater", ("vso", "pro")),
            ("overgangsgroep_wsw_of_wajong_2013_2015", (True,)),
        ),
        voorbeeld=False,
        begrippen=("duurzaam-geen-arbeidsvermogen",),
    ),
    Fact(
        "werkt_in_dienstbetrekking",
        BOOL,
        "Verricht de persoon arbeid in een dienstbetrekking?",
        "Vanaf [[per:doelgroep.wajong_duurzaam_met_dienstbetrekking]] hoort een Wajonger zonder "
        "arbeidsvermogen bij de doelgroep als hij in dienstbetrekking werkt.",
        toon_als=(("wajong_duurzaam_geen_arbeidsvermogen", (True,)),),
        voorbeeld=True,
        begrippen=("dienstbetrekking",),
    ),
    Fact(
        "overgangsgroep_wsw_of_wajong_2013_2015",
        BOOL,
        "Viel de persoon op of na [[parameter:doelgroep.overgangsgroep_vanaf]] onder de Wsw of de Wajong, maar "
        "op [[parameter:doelgroep.overgangsgroep_niet_meer_op]] niet meer?",
        "De overgangsgroep van Wfsv art. 38b lid 1 onder f. Wie toen onder de Wajong viel en nu duurzaam "
        "geen arbeidsvermogen heeft, valt er niet onder, ook als hij geen Wajong-recht meer heeft.",
        voorbeeld=False,
        begrippen=("wsw", "wajong"),
    ),
    Fact(
        "pwet_uwv_vastgesteld_geen_wml",
        BOOL,
        "Heeft het UWV vastgesteld dat de persoon (onder de Participatiewet) het wettelijk minimumloon niet "
        "zelfstandig kan verdienen?",
        "Bij iemand die het college naar werk toeleidt of ondersteunt, of voor wie loonkostensubsidie wordt "
        "verstrekt; op verzoek van het college of van de persoon zelf (Wfsv art. 38b lid 1 onder a en e; "
        "Besluit Wfsv art. 2.25 lid 1 onder d).",
        voorbeeld=True,
        begrippen=("participatiewet", "wml", "beoordeling-arbeidsvermogen"),
    ),
    Fact(
        "entreeopleiding_uwv_geen_wml",
        BOOL,
        "Hoorde de persoon aan het einde van zijn opleiding tot de doelgroep van de entreeopleiding, en heeft "
        "het UWV op zijn eigen verzoek vastgesteld dat hij het wettelijk minimumloon niet kan verdienen?",
        "De entreeopleiding van het mbo (art. 7.2.2 onder a Wet educatie en beroepsonderwijs); de "
        "beoordeling door het UWV op of na 18 juli 2015 (Besluit Wfsv art. 2.25 lid 1 onder a).",
        voorbeeld=False,
    ),
    Fact(
        "wajong_afgewezen_uwv_geen_wml",
        BOOL,
        "Heeft het UWV een Wajong-aanvraag afgewezen omdat de persoon geen jonggehandicapte is, en daarbij "
        "vastgesteld dat hij het wettelijk minimumloon niet kan verdienen?",
        "Een aanvraag op of na 1 juli 2015 voor een arbeidsongeschiktheidsuitkering (hoofdstuk 1A Wajong), "
        "afgewezen omdat de persoon geen jonggehandicapte is in de zin van art. 1a:1 Wajong (Besluit Wfsv "
        "art. 2.25 lid 1 onder c).",
        voorbeeld=False,
    ),
    Fact(
        "praktijkroute_loonwaarde_vastgesteld",
        BOOL,
        "Heeft het college een loonwaarde vastgesteld volgens de eisen van een loonwaardevaststelling "
        "(Praktijkroute)?",
        "Bijvoorbeeld bij loonkostensubsidie. Een opgegeven loonwaarde geldt als 'ja'.",
        voorbeeld=True,
    ),
    Fact(
        "praktijkroute_loonwaarde_pct",
        NUMBER,
        "Welke loonwaarde heeft het college vastgesteld (Praktijkroute), in procenten van het WML?",
        "Een loonwaarde lager dan 100 % van het wettelijk minimumloon, vastgesteld volgens de eisen van een "
        "loonwaardevaststelling, geeft vanaf [[per:doelgroep.praktijkroute_open]] toegang zonder "
        "UWV-beoordeling.",
        minimum=0,
        maximum=100,
        unit="procent",
        toon_als=(("praktijkroute_loonwaarde_vastgesteld", (True,)),),
        voorbeeld=70,
        begrippen=("praktijkroute", "loonwaarde"),
    ),
    Fact(
        "vso_pro_schoolverlater",
        CHOICE,
        "Behoorde de persoon tot de doelgroep van het voortgezet speciaal onderwijs of het "
        "praktijkonderwijs?",
        "VSO = voortgezet speciaal onderwijs, PRO = praktijkonderwijs.",
        choices=(("vso", "Ja, VSO"), ("pro", "Ja, praktijkonderwijs"), ("geen", "Nee")),
        voorbeeld="vso",
        begrippen=("vso-pro",),
    ),
    Fact(
        "aangemeld_bij_uwv",
        BOOL,
        "Heeft de schoolverlater zich schriftelijk bij het UWV gemeld?",
        "Met het aanmeldformulier (ABA-formulier) van het UWV (Besluit Wfsv art. 2.24).",
        toon_als=(("vso_pro_schoolverlater", ("vso", "pro")),),
        voorbeeld=True,
        begrippen=("aba-formulier", "uwv"),
    ),
    Fact(
        "wiw_id_baan",
        BOOL,
        "Werkt de persoon in een voormalige WIW- of ID-baan (dienstbetrekking volgens art. 78d "
        "Participatiewet)?",
        "Deze werknemers zijn gelijkgesteld met arbeidsbeperkten.",
        voorbeeld=False,
        begrippen=("wiw-id-baan",),
    ),
    Fact(
        "beperking_voor_18_of_tijdens_studie",
        BOOL,
        "Heeft de persoon volgens het UWV een beperking door ziekte of gebrek die is ontstaan vóór zijn 18e "
        "of tijdens zijn studie?",
        "De groep jonggehandicapten met een voorziening (Wfsv art. 38b lid 2).",
        voorbeeld=True,
        begrippen=("jonggehandicapte-met-voorziening",),
    ),
    Fact(
        "wml_alleen_met_voorziening",
        BOOL,
        "Kan de persoon zonder voorziening het wettelijk minimumloon niet verdienen?",
        "Een voorziening volgens art. 10 Participatiewet of art. 35 WIA, zoals vervoer, werkplekaanpassing "
        "of persoonlijke ondersteuning (Besluit Wfsv art. 2.26).",
        toon_als=(("beperking_voor_18_of_tijdens_studie", (True,)),),
        voorbeeld=True,
        begrippen=("voorziening", "wml"),
    ),
    Fact(
        "ontvangt_voorziening",
        BOOL,
        "Ontvangt de persoon zo'n voorziening?",
        "De tekst van art. 38b lid 2 Wfsv eiste dat de persoon de voorziening ontvangt, tot de tekst van "
        "[[per:doelgroep.voorziening_ontvangen_vereist=false]].",
        toon_als=(("beperking_voor_18_of_tijdens_studie", (True,)),),
        voorbeeld=True,
        begrippen=("voorziening",),
    ),
    Fact(
        "heeft_wia_uitkering",
        BOOL,
        "Heeft de persoon een WIA-uitkering?",
        "Een gewone WIA-uitkering is op zichzelf geen grond voor de doelgroep.",
        voorbeeld=False,
        begrippen=("wia",),
    ),
    Fact(
        "wia_experiment_wajong_instrument",
        BOOL,
        "Is bij de persoon in een experiment het Wajong-instrument ingezet?",
        "Een experiment volgens art. 82a Wet SUWI, waarin iemand met een WIA-uitkering ondersteuning krijgt "
        "zoals een Wajonger. Vanaf [[per:doelgroep.wia_experiment_grond]] is dat een grond voor de doelgroep "
        "(Wfsv art. 38b lid 1 onder g); daarvoor niet.",
        toon_als=(("heeft_wia_uitkering", (True,)),),
        voorbeeld=False,
        begrippen=("wia", "wajong"),
    ),
    # --- telt_mee and banen ---------------------------------------------------------------------
    Fact(
        "persoon_in_doelgroep",
        BOOL,
        "Hoort de persoon bij de doelgroep van de banenafspraak?",
        "Bijvoorbeeld omdat hij in het doelgroepregister staat. Weet u het niet zeker, gebruik dan eerst de "
        "vraag 'doelgroep'. Alleen uren van mensen uit de doelgroep tellen als banen.",
        voorbeeld=True,
        begrippen=("doelgroep", "doelgroepregister"),
    ),
    Fact(
        "constructie",
        CHOICE,
        "Hoe werkt de persoon bij u?",
        "De vorm van de arbeidsrelatie.",
        choices=(
            ("dienstverband", "In dienst (eigen dienstverband)"),
            ("begeleid_werken", "In dienst met een Wsw-indicatie (begeleid werken)"),
            ("inleen", "Ingeleend (bijvoorbeeld via de raamovereenkomst Arbeidsparticipanten)"),
            ("uitzending", "Via een uitzendbureau"),
            ("detachering", "Gedetacheerd door een andere werkgever of een SW-bedrijf"),
            ("wsw_ter_beschikking", "Wsw-er, door het SW-bedrijf ter beschikking gesteld"),
            ("wsw_intern", "Wsw-er in dienst van en werkzaam binnen het SW-bedrijf"),
            ("binnenwerk", "Via Binnenwerk (gemandateerd werkgever van het Rijk)"),
            ("inkoop_sroi", "Bij een leverancier (inkoop of Social Return)"),
            ("samenwerking", "In een samenwerkingsbaan met een andere werkgever"),
            ("stage_onbetaald", "Onbetaalde stage"),
            ("vrijwilligerswerk", "Vrijwilligerswerk"),
        ),
        voorbeeld="dienstverband",
        begrippen=("inleen", "detachering", "begeleid-werken", "binnenwerk", "inkoopbaan"),
    ),
    Fact(
        "loon_betaald",
        BOOL,
        "Wordt over de uren loon betaald (staan ze in de loonaangifte)?",
        "Alleen verloonde uren tellen (Wfsv art. 38b lid 4). Niet opgegeven: aangenomen dat er loon wordt "
        "betaald, behalve bij onbetaalde stage en vrijwilligerswerk.",
        voorbeeld=True,
        begrippen=("verloonde-uren", "loonaangifte"),
    ),
    Fact(
        "vraag_voor_werkgever",
        TEXT,
        "Voor welke werkgever wilt u het weten?",
        "De naam van de organisatie, bijvoorbeeld het ministerie van Infrastructuur en Waterstaat (of kort: "
        "IenW). Standaard: uw eigen organisatie.",
        default=EIGEN,
        voorbeeld="ministerie_van_lnv",
    ),
    Fact(
        "formele_werkgever",
        TEXT,
        "Wie is de formele werkgever (wie verloont de uren in zijn loonaangifte)?",
        "De naam van de organisatie, bijvoorbeeld UBR Binnenwerk, het SW-bedrijf of het schoonmaakbedrijf dat "
        "levert. Niet opgegeven: bij een dienstverband uw eigen organisatie.",
        voorbeeld="ubr_binnenwerk",
        begrippen=("gemandateerd-werkgever",),
    ),
    Fact(
        "opdrachtgever",
        TEXT,
        "Voor wie wordt het werk gedaan: wie leent de persoon in, of voor welk ministerie is Binnenwerk "
        "gemandateerd werkgever (het ministerie dat betaalt)?",
        "De naam van de organisatie, bijvoorbeeld het ministerie van Landbouw, Natuur en Voedselkwaliteit (of "
        "kort: LNV). Dit is 'voor wie', niet 'waar': werkt iemand via Binnenwerk voor LNV bij Staatsbosbeheer, "
        "dan is de opdrachtgever het ministerie van LNV.",
        toon_als=(
            (
                "constructie",
                ("inleen", "uitzending", "detachering", "wsw_ter_beschikking", "binnenwerk", "samenwerking"),
            ),
        ),
        voorbeeld="ministerie_van_lnv",
        begrippen=("inlener",),
    ),
    Fact(
        "werkplek",
        TEXT,
        "Bij welke organisatie werkt de persoon feitelijk (de werkplek)?",
        "De naam van de organisatie, bijvoorbeeld Staatsbosbeheer. Waar iemand werkt, beslist niet voor wie de baan "
        "telt; dat doen de formele werkgever en de opdrachtgever.",
        toon_als=(("constructie", ("binnenwerk", "samenwerking", "detachering", "inleen", "uitzending")),),
        voorbeeld="staatsbosbeheer",
    ),
    Fact(
        "via_raamovereenkomst",
        BOOL,
        "Loopt de inleen via de raamovereenkomst (Inhuur) Arbeidsparticipanten van het Rijk?",
        "De mantelovereenkomst van Rijk en Defensie uit 2017, opnieuw aanbesteed in 2021.",
        toon_als=(("constructie", ("inleen", "uitzending", "detachering")),),
        voorbeeld=True,
        begrippen=("raamovereenkomst-arbeidsparticipanten",),
    ),
    Fact(
        "uitlener_type",
        CHOICE,
        "Wie leent de persoon uit?",
        "Alleen een uitzendonderneming (ingeschreven met de activiteit 'ter beschikking stellen van "
        "arbeidskrachten') of de werkgever van een ter beschikking gestelde Wsw-er is een 'uitlener' die "
        "uren aan de inlener kan toerekenen (Besluit Wfsv art. 2.27). Niet opgegeven: aangenomen dat het "
        "zo'n uitlener is.",
        choices=(
            ("uitzendbureau", "Een uitzendonderneming"),
            ("sw_bedrijf", "Een SW-bedrijf (Wsw-er ter beschikking gesteld)"),
            ("overheidswerkgever", "Een andere overheidswerkgever"),
            ("andere_werkgever", "Een andere werkgever"),
        ),
        toon_als=(("constructie", ("inleen", "uitzending", "detachering")),),
        voorbeeld="sw_bedrijf",
        altijd_vragen=True,
        begrippen=("uitlener", "sw-bedrijf"),
    ),
    Fact(
        "uren_toegerekend_aan_inlener",
        BOOL,
        "Zijn uitlener en inlener het eens dat de uren aan de inlener worden toegerekend?",
        "Uitlener en inlener moeten het uiterlijk op [[parameter:telt_mee.toerekening_uiterlijk]] van het "
        "jaar na het heffingsjaar eens zijn over het aantal uren (Besluit Wfsv art. 2.28 lid 3). Zonder die "
        "afspraak tellen de uren voor niemand.",
        toon_als=(("constructie", ("inleen", "uitzending", "detachering", "wsw_ter_beschikking")),),
        voorbeeld=True,
        als=(
            (
                True,
                "als uitlener en inlener uiterlijk op [[parameter:telt_mee.toerekening_uiterlijk]] van het jaar na "
                "het heffingsjaar afspreken dat de uren aan de inlener worden toegerekend",
            ),
            (False, "zonder die afspraak"),
        ),
        begrippen=("inlener", "uitlener"),
    ),
    # --- banen ----------------------------------------------------------------------------------
    Fact(
        "uren_per_week",
        NUMBER,
        "Hoeveel verloonde uren per week werkt de persoon (of werken de personen samen)?",
        "Alleen uren waarover loon wordt betaald. Eén baan is [[parameter:banen.urennorm]] uur per week.",
        minimum=0,
        unit="uur per week",
        voorbeeld=25.5,
        begrippen=("baan", "verloonde-uren"),
    ),
    Fact(
        "uren_per_week_per_persoon",
        NUMBER_LIST,
        "Hoeveel verloonde uren per week werkt elke persoon?",
        "Een lijst met de uren per week van elke persoon; de uren tellen op.",
        minimum=0,
        maximum=HOURS_IN_WEEK,
        unit="uur per week",
        voorbeeld=[12.75, 12.75],
        begrippen=("baan", "verloonde-uren"),
    ),
    Fact(
        "fta",
        NUMBER,
        "Hoeveel FTA (fulltime arbeidsparticipanten) zijn het?",
        "Eén FTA is een baan van [[parameter:banen.uren_per_fta]] uur per week, de maat van Binnenwerk en "
        "het Rijk.",
        minimum=0,
        unit="FTA",
        voorbeeld=3,
    ),
    Fact(
        "weken_per_jaar",
        NUMBER,
        "Hoeveel weken per jaar wordt er gewerkt?",
        "Bijvoorbeeld 40 weken in het onderwijs, buiten de schoolvakanties. Dan wordt gerekend met uren per "
        "jaar en de jaarnorm.",
        minimum=0,
        maximum=53,
        unit="weken",
        voorbeeld=40,
        begrippen=("baan",),
    ),
    Fact(
        "uren_per_jaar",
        NUMBER,
        "Hoeveel verloonde uren per jaar zijn het (samen)?",
        "Verloonde uren in een kalenderjaar; gedeeld door de jaarnorm van [[parameter:banen.jaarnorm]] uur.",
        minimum=0,
        unit="uur per jaar",
        voorbeeld=1331,
        begrippen=("baan", "verloonde-uren"),
    ),
    Fact(
        "uren_per_jaar_per_persoon",
        NUMBER_LIST,
        "Hoeveel verloonde uren per jaar werkt elke persoon?",
        "Een lijst met de uren per jaar van elke persoon; de uren tellen op.",
        minimum=0,
        maximum=HOURS_IN_YEAR,
        unit="uur per jaar",
        voorbeeld=[665.5, 665.5],
        begrippen=("baan", "verloonde-uren"),
    ),
    Fact(
        "jaarnorm_uren",
        NUMBER,
        "Met hoeveel uur per jaar per baan wilt u rekenen?",
        "Standaard [[parameter:banen.jaarnorm]] uur, het gemiddeld aantal verloonde uren van een "
        "arbeidsbeperkte per jaar (Besluit Wfsv art. 2.32 onder d).",
        minimum=1,
        maximum=HOURS_IN_YEAR,
        unit="uur per jaar",
        voorbeeld=1331,
        begrippen=("baan",),
    ),
    # --- quotum ---------------------------------------------------------------------------------
    Fact(
        "sector",
        CHOICE,
        "In welke sector valt de werkgever?",
        "Overheidswerkgevers vallen in de sector overheid (Wfsv art. 38c).",
        choices=(("overheid", "Sector overheid"), ("markt", "Sector niet-overheid (markt)")),
        voorbeeld="overheid",
        begrippen=("sector-overheid", "sector-markt"),
    ),
    Fact(
        "aandeel_uren_sectorfonds_pct",
        NUMBER,
        "Welk deel van de verloonde uren is premieplichtig aan een sectorfonds (in procenten)?",
        "Een overheidswerkgever met ten minste [[parameter:quotum.sectorfonds_grens_pct]] % valt in de "
        "sector niet-overheid. De Regeling Wfsv meet dat in het laatste aangiftetijdvak van het voorgaande jaar "
        "(de wet zelf noemt geen peilmoment). Sinds de Wet arbeidsmarkt in balans zijn de sectorfondsen "
        "opgegaan in het Algemeen Werkloosheidsfonds.",
        minimum=0,
        maximum=100,
        unit="procent",
        toon_als=(("sector", ("overheid",)),),
        voorbeeld=0,
        begrippen=("sectorfonds",),
    ),
    Fact(
        "verloonde_uren_vorig_jaar",
        NUMBER,
        "Hoeveel verloonde uren had de werkgever in het jaar vóór het heffingsjaar?",
        "Alle uren in de eigen loonaangifte (ingeleende uren tellen niet mee voor de drempel), volgens de "
        "aangiften die uiterlijk op 1 mei zijn ingediend.",
        minimum=0,
        unit="uur",
        voorbeeld=1_500_000,
        begrippen=("verloonde-uren", "drempel-25-werknemers"),
    ),
    Fact(
        "verloonde_uren_jaar",
        NUMBER,
        "Hoeveel verloonde uren had de werkgever in het heffingsjaar zelf?",
        "Alle uren in de eigen loonaangifte: het totaal aantal verloonde uren van art. 38g lid 3 Wfsv.",
        minimum=0,
        unit="uur",
        voorbeeld=1_500_000,
        begrippen=("verloonde-uren", "drempel-25-werknemers"),
    ),
    Fact(
        "fte",
        NUMBER,
        "Hoeveel fte heeft de organisatie?",
        "Voor de doelbanen volgens de quotumcalculator van het Rijk.",
        minimum=0,
        unit="fte",
        voorbeeld=1000,
        begrippen=("quotumcalculator",),
    ),
    Fact(
        "uren_per_fte_per_week",
        NUMBER,
        "Hoeveel uur per week is één fte?",
        "Bij het Rijk 36 uur.",
        minimum=0,
        exclusive_minimum=True,
        maximum=HOURS_IN_WEEK,
        unit="uur per week",
        toon_als=(("fte", ("*",)),),
        voorbeeld=36,
        begrippen=("quotumcalculator",),
    ),
    Fact(
        "quotumpercentage",
        NUMBER,
        "Met welk quotumpercentage wilt u rekenen?",
        "Niet opgegeven: het vastgestelde percentage voor de sector en het jaar, als dat bekend is.",
        minimum=0,
        maximum=100,
        unit="procent",
        voorbeeld=2.76,
        begrippen=("quotumpercentage",),
    ),
    Fact(
        "gerealiseerde_banen",
        NUMBER,
        "Hoeveel banen (van [[parameter:banen.urennorm]] uur per week) heeft de werkgever gerealiseerd?",
        "Gebruik de vraag 'banen' om uren om te rekenen naar banen.",
        minimum=0,
        unit="banen",
        voorbeeld=30,
        begrippen=("baan",),
    ),
    Fact(
        "verloonde_uren_arbeidsbeperkten",
        NUMBER,
        "Hoeveel verloonde uren van arbeidsbeperkten had de werkgever in het heffingsjaar?",
        "De verloonde uren van arbeidsbeperkten in art. 38g lid 3 Wfsv, inclusief uren die een uitlener aan u "
        "heeft toegerekend.",
        minimum=0,
        unit="uur",
        voorbeeld=30_000,
        begrippen=("verloonde-uren", "arbeidsbeperkte"),
    ),
    Fact(
        "quotumtekort_berekend",
        NUMBER,
        "Welk quotumtekort is al berekend (in banen)?",
        "Als u het tekort (A x B - C) / D al kent; een negatief getal betekent een overschot.",
        minimum=-1e12,
        unit="banen",
        voorbeeld=3.47,
        begrippen=("quotumtekort",),
    ),
    Fact(
        "kleine_werkgever",
        BOOL,
        "Is de werkgever een kleine werkgever (voor de Aof-premie)?",
        "Kleine werkgevers betalen in het nieuwe stelsel geen inclusiviteitsopslag. Niet opgegeven: "
        "aangenomen dat de werkgever niet klein is.",
        toon_als=(("kader", ("wet_banenafspraak_2025",)),),
        voorbeeld=False,
        begrippen=("inclusiviteitsopslag", "aof-premie"),
    ),
    Fact(
        "activeringsbesluit_datum",
        DATE,
        "Op welke datum is de quotumregeling van het nieuwe stelsel geactiveerd (art. 5 Wet banenafspraak)?",
        "De inclusiviteitsopslag is verschuldigd vanaf 1 januari van het tweede kalenderjaar na het "
        "activeringsbesluit. Nog niet opgegeven: er is geen activeringsbesluit.",
        toon_als=(("kader", ("wet_banenafspraak_2025",)),),
        voorbeeld="2028-06-01",
        begrippen=("activering", "inclusiviteitsopslag"),
    ),
)

VOCABULARY = {fact.name: fact for fact in FACTS}
assert len(VOCABULARY) == len(FACTS), "a fact is declared once"


def pick(*names):
    """The facts of a question, in the asking order given."""
    return tuple(VOCABULARY[name] for name in names)
