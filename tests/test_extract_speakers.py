"""Statements in Handelingen and verslagen are the speaker's: the turn label says who has the floor;
and what other kinds of papers (a memorie van toelichting) say in their own voice."""
from __future__ import annotations

import pytest

from conftest import CORPUS
from kamerstukken.pipeline import parse

pytestmark = pytest.mark.usefixtures("shared")


def _stated(path, start):
    doc = parse(path)
    return {(s.kind, s.actor) for s in doc.statements if s.text.startswith(start)}


def test_a_member_speaks_for_herself_a_minister_for_the_government():
    plenary = CORPUS / "handelingen" / "03686ab6.xml"
    # after `De heer Pechtold (D66):` and `De heer Van Hijum (CDA):`
    assert _stated(plenary, "Ik heb daar vorige week naar gevraagd.") == {("request", "Pechtold")}
    assert _stated(plenary, "Ik heb al aangegeven dat mijn fractie de intentie van de minister") == {
        ("position", "Van Hijum")}
    # after `Minister De Jonge:`
    assert ("commitment", "Nederland") in _stated(
        CORPUS / "handelingen" / "h-tk-20172018-70-4.xml", "Nogmaals, ik heb al toegezegd om bij de brief")


def test_the_chair_of_a_committee_speaks_for_the_committee():
    """corpus/letters/052, a commissiedebat: `De voorzitter: … We gaan kijken wat we nog kunnen
    organiseren.` — the label opens the paragraph of the words spoken."""
    assert _stated(CORPUS / "letters" / "052.txt", "We gaan kijken wat we nog kunnen organiseren.") == {
        ("commitment", "vaste commissie voor Buitenlandse Zaken")}


def test_no_statement_of_a_speech_is_left_without_actor():
    for f in sorted((CORPUS / "handelingen").iterdir()):
        doc = parse(f)
        assert len([s for s in doc.statements if not s.actor]) <= 1, f.name


@pytest.mark.parametrize("path,start", [
    ("h-tk-20172018-61-10.xml", "Voorzitter, ik ontraad deze motie."),
    ("h-tk-20172018-70-4.xml", "De motie op stuk nr. 254 van de leden Dijksma en Segers zou ik willen ontraden."),
    ("h-tk-20172018-70-4.xml", "Maar deze motie wil ik ontraden."),
    ("h-tk-20172018-70-11.xml", "Daarmee is deze motie ondersteuning van het beleid en laat ik het oordeel aan de Kamer."),
])
def test_a_ministers_appreciation_of_a_motie_is_a_position(path, start):
    """`ontraden` and `oordeel (aan de) Kamer`: the government's view of a motie, not a promise."""
    assert _stated(CORPUS / "handelingen" / path, start) == {("position", "Nederland")}


def test_a_motie_read_out_in_a_debate_is_the_kamers():
    """Handelingen quote each motie whole (`De Kamer, gehoord de beraadslaging, … verzoekt de regering
    …`): its clauses are the Kamer's requests and considerations, not the speaker's."""
    doc = parse(CORPUS / "handelingen" / "h-tk-20172018-70-4.xml")
    found = [(s.kind, s.actor) for s in doc.statements if s.text.startswith("verzoekt de regering om zich in te zetten")]
    assert found == [("request", "Tweede Kamer")]
    assert any(c.kind == "constaterende" and c.text.startswith("constaterende dat de onafhankelijke cliëntondersteuner")
               for c in doc.considerations)


def test_the_government_named_by_a_member_stays_the_government():
    """`het kabinet` in Klaver's turn is the government, his `ik` is himself."""
    assert _stated(CORPUS / "handelingen" / "03686ab6.xml",
                   "Uit de brief die het kabinet afgelopen maandag aan de Kamer heeft gestuurd") == {
        ("commitment", "Nederland")}


def test_de_vraag_of_is_a_noun_ik_vraag_a_request():
    plenary = CORPUS / "handelingen" / "03686ab6.xml"
    assert "request" not in {k for k, _ in _stated(plenary, "Het gaat om de vraag of de heer Koolmees de wet steunt")}
    # in the turn of `De heer Pechtold (D66):`
    assert _stated(plenary, "Ik vraag de heer Verheijen dan ook of hij net de premier opriep") == {("request", "Pechtold")}


def test_a_vote_the_chair_announces_is_the_chambers_decision():
    found = _stated(CORPUS / "handelingen" / "h-tk-20172018-70-6.xml",
                    "Ik constateer dat de leden van de fracties van de SP, de PvdA, GroenLinks, de PvdD, DENK en "
                    "50PLUS voor deze gewijzigde motie hebben gestemd en de leden van de overige fracties ertegen, "
                    "zodat zij is verworpen.")
    assert found == {("decision", "Tweede Kamer")}


def test_ik_vind_is_the_speakers_position():
    assert _stated(CORPUS / "handelingen" / "03686ab6.xml", "Ik vind dat een gek standpunt.") == {
        ("position", "Jasper van Dijk")}


@pytest.mark.parametrize("path,start", [
    ("03686ab6.xml", "Ik wil graag ingaan op drie onderwerpen"),  # what the speech will be about
    ("h-tk-20172018-70-10.xml", "Ik wil de minister ook graag bedanken voor haar toezegging"),
    ("h-tk-20172018-70-10.xml", "Hierbij wil ik het laten, voorzitter."),
    ("03686ab6.xml", "De heren van rechts zeggen: Frankrijk moet doen wat wij willen"),  # what we want, in a relative clause
])
def test_ik_wil_about_the_speech_itself_is_no_promise(path, start):
    """A member who wants to discuss, thank, ask or stop speaks about the speech, not a deed to come."""
    assert "commitment" not in {k for k, _ in _stated(CORPUS / "handelingen" / path, start)}


def test_ik_wil_with_a_deed_is_the_ministers_promise():
    assert _stated(CORPUS / "handelingen" / "h-tk-20172018-61-10.xml",
                   "Ik wil daar ook zeker op terugkomen bij de Kamer.") == {("commitment", "Nederland")}


def test_ik_wil_een_vraag_stellen_is_no_promise():
    assert "commitment" not in {k for k, _ in _stated(CORPUS / "handelingen" / "h-tk-20172018-70-12.xml",
                                                       "Anders wil ik deze vraag ook wel aan de minister stellen.")}


def test_vinden_after_a_modal_is_to_find_but_zich_erin_kunnen_vinden_is_to_agree():
    plenary = CORPUS / "handelingen" / "03686ab6.xml"
    assert _stated(plenary, "De staatssecretaris zei dat mensen daar een aantal statistische gegevens in kunnen vinden") == set()
    assert ("position", "Nederland") in _stated(plenary, "Ik zeg nogmaals dat Nederland zich er echt niet in kan vinden")


def test_what_an_article_of_a_law_says_is_nobodys_statement():
    """A memorie van toelichting (xml-varied/kst_24138_3) describes the bill: "in artikel 52a … is
    aangegeven" is what the text provides; the government's own "Ook is besloten …" still counts."""
    mvt = CORPUS / "xml-varied" / "kst_24138_3.xml"
    assert _stated(mvt, "Zo is in artikel 52a, tweede lid, aangegeven dat een school") == set()
    assert _stated(mvt, "Ook is besloten het aan de Raad van State voorgelegde wetsvoorstel te splitsen") == {
        ("decision", "Nederland")}
