"""Decisions of a committee's besluitenlijst, on the four real besluitenlijsten in corpus/pdf."""
from __future__ import annotations

import pytest

from conftest import CORPUS
from kamerstukken.pipeline import parse

PDF = CORPUS / "pdf"


@pytest.fixture(scope="module")
def lists(shared):
    return {i: parse(PDF / f"besluitenlijst_example{i}.pdf") for i in range(1, 5)}


def _by_text(doc, start: str):
    return [s for s in doc.statements if s.text.startswith(start)]


def test_a_besluit_field_is_the_committees_decision_without_a_cue_word(lists):
    doc = lists[2]
    found = _by_text(doc, "Besluit: Betrekken bij de verdere behandeling van het wetsvoorstel.")
    assert found and all((s.kind, s.actor, s.cue) == ("decision", "vaste commissie voor Financiën", "Besluit")
                          for s in found)
    [s] = _by_text(lists[3], "Besluit: Het voorstel van mevrouw Karabulut heeft derhalve niet kunnen rekenen")
    assert (s.kind, s.actor) == ("decision", "vaste commissie voor Binnenlandse Zaken")
    # every Besluit field of the list is a decision of the committee
    fields = [(si, pi) for si, pi, p in doc.paragraphs() if p.startswith("Besluit:")]
    decided = {(s.section, s.paragraph) for s in doc.statements if s.kind == "decision"}
    assert fields and set(fields) <= decided


def test_a_request_in_a_besluit_field_is_the_committees(lists):
    found = _by_text(lists[2], "Besluit: De staatssecretaris zal worden verzocht nog openstaande vragen")
    assert {(s.kind, s.actor) for s in found} == {("decision", "vaste commissie voor Financiën"),
                                                 ("request", "vaste commissie voor Financiën")}


def test_an_agentless_passive_in_a_note_is_the_committees(lists):
    [s] = _by_text(lists[2], "Noot: Door middel van een e-mailprocedure is op 21 oktober 2016 besloten tot")
    assert (s.kind, s.actor, s.cue) == ("decision", "vaste commissie voor Financiën", "besloten")


def test_a_document_title_is_not_a_statement(lists):
    """`Zaak: … Verzoek van het lid Karabulut (SP) om de minister-president uit te nodigen …` names
    a document; its `Verzoek` is nobody's request in this list."""
    for doc in lists.values():
        assert not [s for s in doc.statements if s.text.startswith(("Zaak:", "Volgcommissie", "Document:"))]


def test_a_decision_runs_through_the_list_it_opens(lists):
    [s] = _by_text(lists[1], "Besluit: Opzet gesprek: 1.")
    assert "2. Centraal Administratiekantoor (half uur)" in s.text and "3. Jeugdzorg" in s.text


def test_besloten_after_an_article_is_the_adjective(lists):
    """`in een besloten gedeelte` is a closed session, not a decision."""
    assert not _by_text(lists[2], "Dit agendapunt is besproken in een besloten gedeelte")


def test_the_meeting_the_list_records(lists):
    """Dated from the `Document:` field where the heading was cut (`… van woensdag 26`), and a
    date without a year taken nearest the list's own date."""
    first = {i: d.events[0] for i, d in lists.items()}
    assert (first[2].name, first[2].start) == ("procedurevergadering van de vaste commissie voor Financiën", "2016-10-26")
    assert (first[4].name, first[4].start) == (
        "extra procedurevergadering van de vaste commissie voor Buitenlandse Zaken", "2011-03-08")
    assert (first[3].kind, first[3].start) == ("procedure", "2015-03-26")


def test_besloten_before_a_noun_is_the_adjective(shared):
    """xml-varied/kst_34468_3 defines woonruimte as `… verstaan: besloten ruimte`: no decision."""
    doc = parse(CORPUS / "xml-varied" / "kst_34468_3.xml")
    assert not [s for s in doc.statements if "besloten ruimte" in s.text]
    assert "besloten ruimte" in doc.text
