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
