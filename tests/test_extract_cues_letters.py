"""Cue families found missing on the annotated letters, each on its real sentence (corpus/letters)."""
from __future__ import annotations

import pytest

from test_extract_rules import statements_of


@pytest.mark.parametrize("sentence,expected", [
    # 057: a proposal put to the Kamer (`geef … in overweging`) is a request
    ("Gezien het feit dat de bijeenkomst van Regeringsleiders en Staatshoofden op donderdag is gepland en de "
     "ambtelijke voorbereiding daartoe op woensdagavond tot mogelijk donderdagochtend vroeg zal plaatsvinden, geef "
     "ik uw Kamer in overweging, er vanuit gaande dat er uiterlijk om 10.00 een conceptvoorstel ligt ten behoeve "
     "van de Europese Raad, een Algemeen Overleg met mij te plannen op donderdagochtend over de Nederlandse inzet.",
     ("request", "Nederland")),
    # 048: `idealiter` is the writer's view
    ("Idealiter wordt het Nederlandse voorbeeld gevolgd door andere VN-lidstaten.", ("position", "Nederland")),
    # 017: what `wij` commit to in a relative clause (`waarop wij … inzetten`)
    ("Zoals ook naar voren komt in het Regeerprogramma, zijn mest, pulsvisserij en de herijking van de Natura "
     "2000-gebieden de specifieke dossiers waarop wij met voorrang in Europees verband inzetten.",
     ("position", "Nederland")),
])
def test_new_cue_families(sentence, expected):
    assert expected in statements_of(sentence, intro=False)


def test_onder_de_aandacht_brengen_with_the_verb_last():
    """054: the infinitive after `willen` stands last: `… onder de aandacht brengen`."""
    found = statements_of(
        "Met dit initiatief willen Denemarken, Estland, Finland, Ierland, Letland, Litouwen, Zweden en Nederland "
        "hun gezamenlijke denkbeelden en waarden in de discussie over de EMU onder de aandacht brengen.", intro=False)
    assert [k for k, _ in found] == ["position"]


def test_stelt_op_draws_up_and_is_no_position():
    """035: separable `stelt … op` (draws up an agenda) is not `stellen` (to state)."""
    assert statements_of(
        "Hiertoe stelt de RAZEB vier weken van tevoren een geannoteerde agenda op die vervolgens evolueert naar een "
        "optie-papier of ontwerp-conclusies, waarop de Europese Raad zijn besprekingen kan baseren.",
        intro=False) == []


@pytest.mark.parametrize("sentence", [
    # 040, 057: a passive future addressed to the Kamer is the writer's promise
    "In het coalitieakkoord zijn de stappen beschreven om in 2010 tot een kabinetsbesluit te komen dat aan de "
    "Tweede Kamer zal worden voorgelegd.",
    "Zoals ik meermaals heb aangegeven in de debatten met de Tweede Kamer, zal voordat er een definitief besluit "
    "wordt genomen over een aanvullend programma voor Griekenland, de Tweede Kamer de gelegenheid worden gegeven "
    "zich hierover uit te spreken.",
    # 078, 040: an agentless future in a document still to come is the writer's plan
    "Inzet van Nederlandse militairen gestart na 31 december 2014 zal worden opgenomen in de evaluatie over 2015.",
    "Hetzelfde geldt voor het personeelsbeleid; ook dat zal in de brief ruimschoots aan de orde komen.",
])
def test_agentless_future_for_the_kamer_is_the_writers_commitment(sentence):
    assert ("commitment", "Nederland") in statements_of(sentence, intro=False)


@pytest.mark.parametrize("sentence", [
    # 025: a consequence (`zullen hebben`), 084: an agenda (`zal stilstaan bij`) — nobody's promise
    "Maar dit zouden maar een paar procenten meer zijn dan de prognoses die stellen dat we in 2040 al 88% procent "
    "reductie zullen hebben.",
    "De Raad zal stilstaan bij de actuele ontwikkelingen in Hongkong, in het bijzonder de impact van de Nationale "
    "Veiligheidswet voor Hongkong die op 30 juni jl. is ingevoerd, en de uitvoering van de Raadsconclusies over "
    "Hongkong van 24 juli jl.",
])
def test_a_reported_future_is_no_commitment(sentence):
    assert "commitment" not in [k for k, _ in statements_of(sentence, intro=False)]


@pytest.mark.parametrize("sentence,expected", [
    # 076: each state's decision apart; `melding maken van het besluit` and V2 `behouden de …`
    ("Naar aanleiding van de presentatie van de Commissiemededeling over overgangsmaatregelen inzake het vrij "
     "verkeer van werknemers maakten Spanje, Finland en Portugal melding van het besluit per 1 mei a.s. over te gaan "
     "tot een volledig vrij verkeer.", [("decision", "Spanje"), ("decision", "Finland"), ("decision", "Portugal")]),
    ("Duitsland en Oostenrijk behouden de maatregelen.", [("decision", "Duitsland"), ("decision", "Oostenrijk")]),
    ("Italië continueert de bestaande quotumregeling, maar heeft het plafond hiervoor aanzienlijk verruimd.",
     [("decision", "Italië")]),
    # 054: the writer's country among others is the writer's statement
    ("Met dit initiatief willen Denemarken, Estland, Finland, Ierland, Letland, Litouwen, Zweden en Nederland hun "
     "gezamenlijke denkbeelden en waarden in de discussie over de EMU onder de aandacht brengen.",
     [("position", "Nederland")]),
    # 004: a Kamerlid's request that the writer answers
    ("In deze brief ga ik in op het verzoek van het lid Van Dijck gedaan bij de regeling van werkzaamheden van 15 "
     "januari jl. tot een brief van het kabinet over het mogelijke voorzitterschap van de Eurogroep door de "
     "Nederlandse minister van Financiën, diens beschikbaarheid, de Nederlandse visie en de gevolgen van deze "
     "positie voor Nederland.", [("request", "Van Dijck")]),
])
def test_coordinated_actors_and_reported_requests(sentence, expected):
    assert statements_of(sentence, intro=False) == expected


@pytest.mark.parametrize("sentence", [
    # a motie's consideration: `behouden` after a modal is an infinitive, no decision
    "overwegende dat Nederland als soevereine lidstaat binnen de NAVO de ruimte moet behouden om eigen afwegingen "
    "te maken in het bepalen van defensie-uitgaven;",
    # 032, a list of papers: `het verzoek van het lid Alkaya` that nobody answers here
    "de brief van de Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking d.d. 20 maart 2018 met de "
    "reactie op het verzoek van het lid Alkaya, gedaan tijdens de Regeling van Werkzaamheden van 15 maart 2018, "
    "over de Amerikaanse importtarieven op staal en aluminium en het effect op Nederlandse bedrijven (Kamerstuk "
    "33 625, nr. 256);",
])
def test_no_decision_or_request_without_its_verb_or_answer(sentence):
    assert [k for k, _ in statements_of(sentence, intro=False) if k in ("decision", "request")] == []


@pytest.mark.parametrize("sentence,expected", [
    # moties' considerations (corpus/moties): sanctions imposed, a treaty change or a bill rejected
    ("constaterende dat de EU in 2021 sancties heeft opgelegd tegen Chinese functionarissen voor het schenden van "
     "de mensenrechten door China van de Oeigoeren;", [("decision", "Europese Unie")]),
    ("constaterende dat Italië de wijziging van het ESM-verdrag heeft verworpen, waarin schuldhoudbaarheid een "
     "belangrijk criterium is voor het verlenen van financiële bijstand door het ESM aan een lidstaat in "
     "betalingsproblemen;", [("decision", "Italië")]),
    # the om-clause closes with its `te` infinitive: the subject is the Eerste Kamer's
    ("constaterende dat de Eerste Kamer recent een wetsvoorstel om de salderingsregeling zorgvuldig en geleidelijk "
     "af te bouwen heeft verworpen;", [("decision", "Eerste Kamer")]),
])
def test_decisions_to_impose_sanctions_or_reject(sentence, expected):
    assert statements_of(sentence, intro=False) == expected


def test_opgeheven_without_sanctions_is_no_decision():
    """handelingen/03686ab6: `met opgeheven vingertje` (a raised finger)."""
    assert statements_of(
        "Hij heeft namelijk gezegd dat een doelstelling van 27% duurzame energie niet realistisch is en dat het, als "
        "men elders in Europa, in Oost-Europese landen, niet meegaat in die bindende doelstellingen, toch geen zin "
        "heeft als Nederland met opgeheven vingertje komt zeggen dat het toch moet.", intro=False) == []
