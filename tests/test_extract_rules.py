"""One test per rule, each on a real sentence from the corpus (seed letter, annotated letters, moties)."""
from __future__ import annotations

import hashlib

import pytest

from kamerstukken.extract import enrich
from kamerstukken.extract.dates import DATE, resolve
from kamerstukken.extract.sentences import spans
from kamerstukken.model import Document, Section, Source

# The seed's first paragraph: it makes the letter a report of a NATO meeting (its passives are NAVO's).
SEED_INTRO = ("Hierbij bied ik u het verslag aan van de bijeenkomst van de Noord-Atlantische Raad (NAR) op het "
              "niveau van de Ministers van Buitenlandse Zaken, die op 1 en 2 december jl. in Brussel bijeen kwam.")


def doc_of(*paragraphs: str, kind: str = "brief", date: str = "2015-12-16", heading: str | None = None,
           sender: str | None = "minister van Buitenlandse Zaken", intro: bool = True) -> Document:
    paras = ([SEED_INTRO] if intro else []) + list(paragraphs)
    return Document(id="t", source=Source(format="text", sha256=hashlib.sha256("".join(paras).encode()).hexdigest()),
                    chamber="TK", kind=kind, date=date, sender=sender, place="Den Haag",
                    sections=[Section(heading=heading, paragraphs=paras)])


def statements_of(*paragraphs: str, **kw) -> list[tuple[str, str]]:
    doc = enrich(doc_of(*paragraphs, **kw))
    skip = 1 if kw.get("intro", True) else 0
    return [(s.kind, s.actor) for s in doc.statements if s.paragraph >= skip]


# --- positions -----------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence,actor", [
    ("Nederland heeft het belang van deze missie onderstreept.", "Nederland"),
    ("Verschillende Bondgenoten stelden dat het nu urgent is dat ISIS wordt verslagen.", "Bondgenoten"),
    ("Velen stelden dat de strijd tegen ISIS moet worden geïntensiveerd, conform ook het gestelde in "
     "VNVR-resolutie 2249.", "Bondgenoten"),
    ("Minister Kerry stelde dat ook Rusland hiervan is overtuigd.", "Kerry"),
    ("Voorts benadrukte Nederland het grote belang van de totstandkoming van een politiek proces om een einde "
     "te maken aan de burgeroorlog in Syrië.", "Nederland"),  # inversion after an adverbial
    ("Engageren op deze onderwerpen is dus in het belang van NAVO-landen, zo onderschreef ook Nederland.",
     "Nederland"),
    ("Ook Nederland plaatste vraagtekens bij de toegevoegde waarde van een eventuele NAVO-rol in de anti-ISIS "
     "coalitie.", "Nederland"),
    ("Het kabinet hecht eraan dat het voorzitterschap van de Eurogroep wordt vervuld door een minister van "
     "Financiën.", "Nederland"),  # het kabinet in a minister's letter
])
def test_position(sentence, actor):
    assert ("position", actor) in statements_of(sentence)


def test_agentless_passive_position_is_the_writers():
    # "In een separaat gesprek … is steun uitgesproken": the Dutch contribution, no agent
    got = statements_of("In een separaat gesprek met de Afghaanse Minister van Buitenlandse Zaken is steun "
                        "uitgesproken voor de inspanningen van de Afghaanse regering om de veiligheidssituatie in "
                        "het land te verbeteren.")
    assert got == [("position", "Nederland")]


def test_passive_with_explicit_side():
    assert ("position", "NAVO") in statements_of(
        "Van de zijde van de NAVO werd steun uitgesproken voor de territoriale integriteit en soevereiniteit "
        "van Oekraïne, ook in relatie tot de illegale annexatie van de Krim door Rusland.")
    assert ("position", "Nederland") in statements_of(
        "Tijdens de sessie over Rusland is van Nederlandse zijde opnieuw aandacht gevraagd voor het belang van "
        "het op de politieke agenda houden van conventionele en nucleaire wapenbeheersing.")
    assert ("position", "Nederland") in statements_of(
        "Tegelijkertijd werd geconstateerd, ook door Nederland, dat samenwerking met Rusland essentieel is voor "
        "vraagstukken als non-proliferatie van kernwapens.")


# --- decisions -----------------------------------------------------------------------------------
def test_decision_subject_and_inversion():
    assert ("decision", "NAVO") in statements_of(
        "De NAVO besloot de zogenaamde fase 1 van de missie op het huidige niveau en binnen de huidige structuur "
        "te verlengen, gezien de fragiele veiligheidssituatie in het land.")
    assert ("decision", "NAVO") in statements_of(
        "Daarnaast heeft de NAVO een strategie aangenomen voor het tegengaan van hybride dreigingen.")
    assert ("decision", "Bondgenoten") in statements_of(
        "De Bondgenoten gingen tenslotte akkoord met een verklaring over het «open deur beleid» van de NAVO, "
        "waarin werd gesteld dat dit beleid onverkort van kracht zal blijven.")


def test_agentless_decision_is_the_meeting_body():
    assert ("decision", "NAVO") in statements_of(
        "In een korte ceremoniële bijeenkomst is Montenegro uitgenodigd om te beginnen met de "
        "toetredingsbesprekingen.")


def test_agentless_decision_without_a_meeting_is_the_writers():
    # corpus/letters/027: a letter on a Dutch contribution, not a report of a meeting
    got = statements_of("Het kabinet heeft besloten tot een aanvullende militaire bijdrage aan NMI van mei 2024 tot "
                        "en met mei 2025. Daarom is besloten de transporthelikopters ook in te zetten ten behoeve "
                        "van Operation Inherent Resolve (OIR).", intro=False)
    assert got == [("decision", "Nederland"), ("decision", "Nederland")]


def test_description_is_no_statement():
    assert statements_of("De bijeenkomst werd geopend in het bijzijn van de Resolute Support partners en de "
                         "Afghaanse Minister van Buitenlandse Zaken.") == []
    assert statements_of("Dit besluit werd vastgelegd in een verklaring (zie bijlage 1).") == []
    assert statements_of("Op 20 maart jl. vond de Raad Buitenlandse Zaken (RBZ) plaats.") == []
    assert statements_of("Op 3 maart nam ik deel aan het jaarlijkse high level segment.") == []


# --- commitments ---------------------------------------------------------------------------------
def test_commitment_zal_with_actor():
    assert ("commitment", "Secretaris-Generaal van de NAVO") in statements_of(
        "De Secretaris-Generaal van de NAVO zal op korte termijn met nadere voorstellen komen als het gaat om "
        "geruststellende maatregelen voor Turkije.")
    # the subject of a dat-clause: "… dat de VS … zal benaderen"
    assert ("commitment", "Verenigde Staten") in statements_of(
        "Hij kondigde aan dat de VS op korte termijn Bondgenoten individueel zal benaderen om steun te vragen "
        "voor de strijd tegen ISIS.")


@pytest.mark.parametrize("sentence", [
    "De toetredingsbesprekingen zullen enkele maanden duren.",
    "Uiteraard zullen de nationale parlementen hierover het laatste woord hebben.",
    "Op een nader te bepalen moment zal deze moeten overgaan naar fase 2 waarin uitsluitend eenheden in Kaboel "
    "worden ontplooid.",
    "Voor een adequaat antwoord op bepaalde hybride dreigingen zal ook een rol zijn weggelegd voor de Europese "
    "Commissie.",
])
def test_reported_future_is_no_commitment(sentence):
    assert not [k for k, _ in statements_of(sentence) if k == "commitment"]


def test_commitment_other_cues():
    assert ("commitment", "Nederland") in statements_of(
        "Nederland is (conform ook het gestelde in de artikel 100 brief terzake) tot eind 2016 gecommitteerd aan "
        "deze missie.")
    assert ("commitment", "Nederland") in statements_of(
        "Het is het voornemen van de Nederlandse regering hieraan tijdens het komende EU-Voorzitterschap een "
        "verdere impuls te geven.")
    # corpus/letters/007: a promise to inform the Kamer is the writer's
    assert ("commitment", "Nederland") in statements_of(
        "In Q1 2026 ontvangt uw Kamer de jaarlijkse voortgangsrapportage.", intro=False)


def test_two_kinds_in_one_sentence():
    got = statements_of("Gezien de brede steun die hiervoor onder Bondgenoten bestaat, is besloten dat de "
                        "Secretaris-Generaal van de NAVO in de komende periode nadere voorstellen zal uitwerken op "
                        "welke wijze de dialoog met Rusland kan worden vorm gegeven.")
    assert ("decision", "NAVO") in got and ("commitment", "Secretaris-Generaal van de NAVO") in got


# --- requests and concerns -----------------------------------------------------------------------
def test_request_in_om_clause_takes_main_actor():
    got = statements_of("In een separaat gesprek is steun uitgesproken. Verder is van het gesprek gebruik gemaakt "
                        "om de Afghaanse regering op te roepen volledig samen te werken bij de terugkeer van in "
                        "Nederland uitgeprocedeerde Afghaanse migranten.")
    assert ("request", "Nederland") in got


def test_concern_waaronder_nederland():
    assert ("concern", "Nederland") in statements_of(
        "Verschillende Bondgenoten, waaronder Nederland, spraken hun zorg uit over het gebrek aan democratisch "
        "pluralisme in Rusland.")


def test_coordinated_states_are_one_actor():
    # corpus/letters/014
    got = statements_of("Oostenrijk, Kroatië, Tsjechië, Hongarije, Slowakije en Slovenië vroegen aandacht voor de "
                        "schade aan landbouwgewassen en fruitteelt door vorst en sneeuwval de afgelopen maanden en "
                        "vroegen de Europese Commissie om aanvullende maatregelen.")
    actor = "Oostenrijk, Kroatië, Tsjechië, Hongarije, Slowakije en Slovenië"
    assert ("concern", actor) in got and ("request", actor) in got


# --- moties --------------------------------------------------------------------------------------
MOTIE = ["De Kamer,", "gehoord de beraadslaging,",
         "overwegende dat in het regeerprogramma is opgenomen dat het kabinet ervoor gaat zorgen dat we de "
         "verschillende wetten en domeinen beter op elkaar gaan afstemmen;",
         "constaterende dat onderdeel hiervan is dat er wordt ingezet op arbitrage tussen de zorgwetten;",
         "verzoekt de regering ervoor te zorgen dat verschillende financiers van de verschillende wetten op "
         "regionaal niveau afspraken maken over een regionaal budget,",
         "en gaat over tot de orde van de dag."]


def test_motie_request_and_considerations():
    doc = enrich(doc_of(*MOTIE, kind="motie", intro=False, sender=None))
    assert [(s.kind, s.actor, s.paragraph) for s in doc.statements] == [("request", "Tweede Kamer", 4)]
    assert [c.kind for c in doc.considerations] == ["overwegende", "constaterende"]
    # "zal" and "gaat … zorgen" inside the grounds are no statements
    assert all(s.kind == "request" for s in doc.statements)


def test_motie_spreekt_uit_and_roept_op():
    doc = enrich(doc_of("De Kamer,", "gehoord de beraadslaging,",
                        "spreekt uit dat de Nederlandse inzet gericht moet zijn op de-escalatie,",
                        "roept de regering op zich in EU-verband in te zetten voor sancties,",
                        "en gaat over tot de orde van de dag.", kind="motie", intro=False, sender=None))
    assert [(s.kind, s.actor) for s in doc.statements] == [("position", "Tweede Kamer"), ("request", "Tweede Kamer")]


# --- entities ------------------------------------------------------------------------------------
def _entities(*paragraphs):
    doc = enrich(doc_of(*paragraphs, intro=False))
    return {(e.kind, e.name): e for e in doc.entities}


def test_entities_abbreviations_adjectives_and_offsets():
    para = ("Hij kondigde aan dat de VS op korte termijn Bondgenoten individueel zal benaderen. De dialoog binnen de "
            "NAVO Rusland Raad (NRR) en de Afghaanse regering; in VNVR-resolutie 2249.")
    ents = _entities(para)
    assert ents[("country", "Verenigde Staten")].key == "US"
    assert ents[("country", "Afghanistan")].key == "AF"
    assert ("organisation", "NAVO-Rusland Raad") in ents
    assert ("organisation", "VN-Veiligheidsraad") in ents
    m = ents[("country", "Verenigde Staten")].mentions[0]
    assert para[m.start:m.end] == "VS" == m.text


def test_persons_with_roles():
    ents = _entities("SACEUR en de Commandant van Resolute Support, Generaal Campbell, gaven een getrouw beeld.",
                     "Minister Kerry stelde dat. Het regime van President Assad.",
                     "waarbij Oekraïne werd vertegenwoordigd door Pavlo Klimkin, Minister van Buitenlandse Zaken.",
                     "Aanwezig zijn vier leden der Kamer, te weten: Spies, Samsom, Elias en Jansen en minister "
                     "Verhoeven van Economische Zaken.")
    for name in ("Campbell", "Kerry", "Assad", "Pavlo Klimkin", "Spies", "Samsom", "Elias", "Jansen", "Verhoeven"):
        assert ("person", name) in ents, name
    assert ("person", "Zaken") not in ents and ("person", "Economische Zaken") not in ents
    assert ents[("person", "Campbell")].role == "Commandant van Resolute Support"
    assert ents[("person", "Pavlo Klimkin")].role == "Minister van Buitenlandse Zaken, Oekraïne"
    assert ents[("person", "Kerry")].role == "Minister"


def test_places_and_city_state():
    ents = _entities("De Raad kwam op 13–14 oktober a.s. in Luxemburg bijeen; Luxemburg steunde het voorstel. "
                     "De aanslagen in Parijs, Libanon en Sharm-el Sjeik; de Krim; Kaboel.")
    assert ("place", "Luxemburg") in ents and ("country", "Luxemburg") in ents
    for p in ("Parijs", "Sharm-el Sjeik", "Krim", "Kaboel"):
        assert ("place", p) in ents
    assert ("country", "Libanon") in ents


# --- events and references -----------------------------------------------------------------------
def test_dates_resolved_against_document_date():
    m = DATE.search("die op 1 en 2 december jl. in Brussel bijeen kwam")
    assert resolve(m, "2015-12-16") == ("2015-12-01", "2015-12-02")
    m = DATE.search("van 13–14 oktober a.s. in Luxemburg")
    assert resolve(m, "2025-10-01") == ("2025-10-13", "2025-10-14")
    m = DATE.search("op 28 december jl.")
    assert resolve(m, "2016-01-05")[0] == "2015-12-28"  # jl. looks back over the year end


def test_event_of_a_report():
    doc = enrich(doc_of())
    assert [(e.name, e.start, e.end, e.place) for e in doc.events] == [
        ("Noord-Atlantische Raad", "2015-12-01", "2015-12-02", "Brussel")]


def test_references():
    doc = enrich(doc_of(
        "Daarnaast is, conform ook de toezegging aan uw Kamer tijdens het Algemeen Overleg op 25 november jl., in "
        "deze sessie het belang van EU-NAVO samenwerking onderschreven.",
        "de brief van 24 juni 2022 inzake het verslag van de Raad Buitenlandse Zaken (Kamerstuk 21 501-02, nr. 2507) "
        "en (28 676, nr. 42); de motie van het lid Veltman; de moties Van der Burg c.s. en Erkens c.s.; de "
        "modernisering van het Weens Document; de akkoorden van Minsk; de Vreemdelingenwet 2000.", intro=False))
    refs = {(r.kind, r.target or r.date or r.text) for r in doc.references}
    assert ("kamerstuk", "kst-21501-02-2507") in refs and ("kamerstuk", "kst-28676-42") in refs
    assert ("meeting", "2015-11-25") in refs
    assert any(k == "commitment" for k, _ in refs)
    assert ("motie", "de motie van het lid Veltman") in refs
    assert ("treaty", "Weens Document") in refs and ("treaty", "akkoorden van Minsk") in refs
    assert ("law", "Vreemdelingenwet 2000") in refs


def test_sentences_keep_abbreviations_and_initials():
    text = "De Minister van Buitenlandse Zaken, A.G. Koenders stelde o.a. dat het kan. De VS. Kan dat?"
    got = [text[s:e] for s, e in spans(text)]
    assert got == ["De Minister van Buitenlandse Zaken, A.G. Koenders stelde o.a. dat het kan.", "De VS.", "Kan dat?"]


# --- later rules, each on a corpus sentence ----------------------------------------------------------
def test_writer_voice_evaluation():
    # corpus/letters/019 and 004: the letter's own evaluation is the government's position
    assert ("position", "Nederland") in statements_of(
        "Dit verdient de voorkeur, aangezien verdergaande stappen tegen Iran op dit moment niet opportuun zijn.",
        intro=False)
    # not in a verslag: there the writer is no actor
    assert statements_of("Dit verdient de voorkeur.", intro=False, kind="verslag", sender=None) == []


def test_volgens_names_the_actor():
    # corpus/letters/076
    got = statements_of("Volgens de Raad WSB moet de focus in de Lissabonstrategie komend jaar liggen op "
                        "implementatie en uitvoering.", intro=False)
    assert got and got[0][0] == "position" and got[0][1].startswith("Raad")


def test_question_is_a_request_of_the_askers():
    # corpus/letters/021: "Vragen van het lid …" names the askers of the questions that follow
    doc = enrich(doc_of("Vragen van het lid Eppink (BBB) en Van der Staaij (SGP) aan de Minister van Buitenlandse "
                        "Zaken over het gesprek met zijn Iraanse ambtgenoot.",
                        "Waarom bent u in gesprek gegaan met de Iraanse Minister van Buitenlandse Zaken, kunt u "
                        "gespreksnotities sturen van wat er besproken is?1", intro=False, kind="antwoord"))
    assert [(s.kind, s.actor) for s in doc.statements] == [("request", "Eppink en Van der Staaij")]


def test_passive_future_needs_an_agent_or_the_kamer():
    # corpus/letters/070: the Kamer will be informed — the writer's promise
    assert ("commitment", "Nederland") in statements_of(
        "De Kamer zal zoals gebruikelijk worden geïnformeerd over het Nederlandse standpunt terzake.", intro=False)
    # seed: a body's own plan in a passive, no agent, no Kamer: no promise
    assert not [k for k, _ in statements_of(
        "Bovendien zal bij het bestrijden van hybride dreigingen nog nauwer met de EU moeten worden "
        "samengewerkt.") if k == "commitment"]


def test_informing_now_is_no_commitment():
    # corpus/letters/071, 066: the letter itself, or an earlier letter, is no promise
    assert statements_of("Met deze brief wil ik uw Kamer informeren over een aantal wijzigingen in de agenda van "
                         "de Milieuraad die op 18 juni plaatsvindt.", intro=False) == []
    assert statements_of("Eerder werd uw Kamer reeds separaat geïnformeerd over de ontwikkelingen in de Derde "
                         "Commissie van de 64e AVVN.", intro=False) == []


def test_reference_back_and_schedule_are_no_statements():
    # corpus/letters/064, 070
    assert statements_of("De voorlopige agenda van de Raad voor Concurrentievermogen wordt op 13 november "
                         "vastgesteld.") == []
    assert not [k for k, _ in statements_of(
        "In deze brief informeren wij u, zoals toegezegd, over de uitkomsten van de Europese onderhandelingen.",
        intro=False) if k == "commitment"]
    # an attributive participle is an adjective: corpus/letters/044
    assert statements_of("De vervroegd aangenomen Agenda voor Migratie bouwt deels voort op de besluiten van de "
                         "Europese Raad.") == []


def test_relative_die_takes_its_antecedent():
    # corpus/letters/018
    got = statements_of("De leden van de VVD-fractie zijn wel bezorgd over de opmerking van Eurocommissaris Ciolos, "
                        "die aangeeft dat een «zachte landing» het openbreken van het politiek akkoord betekent.",
                        intro=False, kind="verslag", sender=None)
    assert ("concern", "VVD-fractie") in got and ("position", "Ciolos") in got


def test_bare_surname_after_titled_mention():
    # corpus/letters/020: "Kuleba riep op" after "de Oekraïense Minister van Buitenlandse Zaken Kuleba"
    got = statements_of("De Raad sprak met de Oekraïense Minister van Buitenlandse Zaken Kuleba. Kuleba riep op tot "
                        "snellere levering van meer ammunitie. Hij verwelkomde de arrestatiebevelen van het "
                        "Internationaal Strafhof.", intro=False)
    assert ("request", "Kuleba") in got and ("position", "Kuleba") in got


def test_asyndetic_clause_after_comma():
    # corpus/letters/081
    got = statements_of("De Raad sprak vooral over Afghanistan en de betrekkingen met China, Nederland bracht kort "
                        "de verkiezingen in Suriname onder de aandacht.")
    assert ("position", "Nederland") in got


def test_council_name_normalised_and_nested_bodies():
    ents = _entities("De Raad voor Werkgelegenheid en Sociaal Beleid, Volksgezondheid en Consumentenzaken kwam "
                     "bijeen. De 74ste zitting van de Algemene Vergadering van de Verenigde Naties. Het Kroatisch "
                     "voorzitterschap van de Raad van de EU.")
    assert ("organisation", "Raad Werkgelegenheid, Sociaal Beleid, Volksgezondheid en Consumentenzaken") in ents
    assert ("organisation", "Algemene Vergadering van de Verenigde Naties") in ents
    assert ("organisation", "Verenigde Naties") in ents
    assert ("country", "Kroatië") in ents


def test_named_organisations_by_head_noun():
    # corpus/letters/062: bodies not in any lexicon, named by a capitalised run with a head noun
    ents = _entities("Het Transitiecomité Binnenvaart bestaat uit de Binnenvaart Branche Unie, Koninklijke "
                     "Schuttevaer en het Centraal Bureau voor de Rijn- en Binnenvaart.")
    for name in ("Transitiecomité Binnenvaart", "Binnenvaart Branche Unie", "Koninklijke Schuttevaer",
                 "Centraal Bureau voor de Rijn- en Binnenvaart"):
        assert ("organisation", name) in ents, name
    assert ("organisation", "Europese Unie") not in ents  # "Unie" inside a longer name is not the EU
    # a known name is never displaced by a run around it: corpus/letters/024
    assert ("organisation", "Green Growth Group") in _entities("De Green Growth Group Ministers kwamen bijeen.")


def test_intention_and_het_continuing_the_actor():
    # corpus/letters/012: "wenst … te" is an intention
    assert ("commitment", "Europese Commissie") in statements_of(
        "De Commissie wenst daarom voor het einde van 2026 de onderhandelingen met de VS over de kaderovereenkomst "
        "af te ronden.", intro=False)
    # corpus/letters/034: "Het zal …" continues the paragraph's actor (the Finnish presidency)
    got = statements_of("Finland signaleert dat de uitbreiding institutionele hervormingen vergt. Het zal daarom de "
                        "voorbereidingen starten voor een IGC.", intro=False)
    assert ("commitment", "Finland") in got
    # but "Het zal niet …"/"Het is …" are no such subject
    assert statements_of("Het zal niet eenvoudig zijn.", intro=False) == []


def test_ministers_of_a_meeting_decide_for_it_but_promise_nothing():
    # corpus/letters/056 and 019
    assert ("decision", "Eurogroep") in statements_of(
        "Tijdens de Eurogroep van 20 februari hebben de ministers van Financiën een voorlopig akkoord bereikt over "
        "een pakket voor Griekenland.", intro=False)
    assert statements_of("Tijdens de Raad Buitenlandse Zaken op 14 november a.s. zullen de ministers van Buitenlandse "
                         "Zaken spreken over het proces.", intro=False) == []


def test_attributive_words_before_the_actor():
    # corpus/letters/046
    assert ("position", "Wereldbank") in statements_of(
        "De recent uitgebrachte fragiliteitsstrategie van de Wereldbank wijst op de aanzienlijke negatieve "
        "economische effecten van gewelddadig conflict.", intro=False)


def test_event_date_belongs_to_the_meeting_not_the_letter():
    # corpus/letters/003: "de brief van 24 juni 2022 inzake het verslag van de Raad … van 20 juni 2022"
    doc = enrich(doc_of("De vaste commissie voor Buitenlandse Zaken heeft vragen voorgelegd over de brief van 6 juli "
                        "2022 inzake de geannoteerde agenda Raad Buitenlandse Zaken (Kamerstuk 21 501-02, nr. 2510) en "
                        "over de brief van 24 juni 2022 inzake het verslag van de Raad Buitenlandse Zaken van 20 juni "
                        "2022 (Kamerstuk 21 501-02, nr. 2507).", intro=False, kind="verslag", date="2022-07-26"))
    assert [(e.name, e.start) for e in doc.events] == [("Raad Buitenlandse Zaken", "2022-06-20")]


def test_a_question_states_nothing_but_asks():
    # corpus/handelingen/03686ab6.xml
    assert statements_of("Waarom steunen we de Commissie niet?", intro=False) == []
    assert statements_of("Zal zij de Europese diplomatieke dienst echt laten werken?", intro=False) == []


def test_weekday_only_dates():
    from kamerstukken.extract.dates import WEEKDAY, resolve_weekday

    # 2015-12-16 is a Wednesday
    assert resolve_weekday(WEEKDAY.search("op maandag jl."), "2015-12-16") == "2015-12-14"
    assert resolve_weekday(WEEKDAY.search("aanstaande maandag"), "2015-12-16") == "2015-12-21"
    assert WEEKDAY.search("op maandag 14 december") is None  # a full date is DATE's
    doc = enrich(doc_of("Op maandag jl. vond de Raad Buitenlandse Zaken plaats.", intro=False))
    assert [(e.name, e.start) for e in doc.events] == []  # the date precedes the name: not "dated by"
    doc = enrich(doc_of("Hierbij bied ik u het verslag aan van de Raad Buitenlandse Zaken van maandag jl.",
                        intro=False))
    assert [(e.name, e.start) for e in doc.events] == [("Raad Buitenlandse Zaken", "2015-12-14")]


def test_kamerleden_from_open_data():
    # corpus/letters/053: the members present are Kamerleden of the open data; the griffier is not
    ents = _entities("Voorzitter: Van der Lee", "Griffier: Dekker",
                     "Aanwezig zijn twaalf leden der Kamer, te weten: Van Baarle, Boswijk, Van der Burg en Dobbe, "
                     "en de heer Van Weel.")
    assert ents[("person", "Van Baarle")].role == "Tweede Kamerlid"
    assert ents[("person", "Dekker")].role == "griffier"
    assert ents[("person", "Van der Lee")].role == "voorzitter"


def test_aankaarten_is_a_concern():
    # corpus/letters/021
    assert ("concern", "Nederland") in statements_of(
        "Net als mijn voorgangers in de voorgaande jaren, heb ik het gesprek met mijn Iraanse ambtsgenoot "
        "aangegrepen om de mensenrechtensituatie in Iran en militaire steun aan Rusland aan te kaarten.", intro=False)


def test_motie_grounds_variants():
    doc = enrich(doc_of("De Kamer,", "gehoord de beraadslaging,",
                        "van oordeel dat de regering de Kamer tijdig moet informeren;",
                        "overwegend dat dit ook in eerdere moties is gevraagd;",
                        "verzoekt de regering de Kamer voor de zomer te informeren,",
                        "en gaat over tot de orde van de dag.", kind="motie", intro=False, sender=None))
    assert [c.kind for c in doc.considerations] == ["van oordeel", "overwegende"]
    assert [(s.kind, s.paragraph) for s in doc.statements] == [("request", 4)]
