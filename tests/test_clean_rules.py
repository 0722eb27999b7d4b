"""One test per cleaning rule, each on real sentences from the corpus (seed, moties, letters)."""
import re

import pytest

from conftest import CORPUS

import kamerstukken
from kamerstukken.clean import clean_lines, take_markers
from kamerstukken.clean.dehyphen import Dehyphenator, is_elision
from kamerstukken.clean.footnotes import MarkerScanner
from kamerstukken.clean.headers import is_footer, is_running_header
from kamerstukken.clean.paragraphs import is_element_layout
from kamerstukken.parse.metadata import (
    kind_from_heading, parse_dutch_date, parse_session_year, sender_from_heading, session_year_for,
    split_dossier,
)
from kamerstukken.sources.base import Block

D = Dehyphenator("")


def paragraphs(*lines: str) -> list[str]:
    blocks, _ = clean_lines([Block("line", l) for l in lines], element=False)
    return [b.text for b in take_markers(blocks) if b.kind == "para"]


@pytest.mark.parametrize("left,right,keep", [
    # seed: breaks inside words are joined …
    ("NAVO-verdrags", "gebied", False), ("geïntensi", "veerd", False), ("geruststel", "lende", False),
    ("samenge", "werkt", False), ("Montene", "grijnse", False), ("groepe", "ringen", False),
    ("toetredings", "kandidaten", False), ("veiligheids", "situatie", False),
    # … real hyphens are kept: a capital or acronym on either side
    ("Noord", "Atlantische", True), ("EU", "lidstaten", True), ("anti", "ISIS", True),
    ("NAVO", "Oekraïne", True),
    # the Dutch vowel clash in compounds (moties: defensie-uitgaven, media-aanbod, politie-inzet)
    ("defensie", "uitgaven", True), ("media", "aanbod", True), ("politie", "inzet", True),
    ("informatie", "uitwisseling", True),
    # a prefix written with a hyphen (seed: non-proliferatie)
    ("non", "proliferatie", True),
    # a chain of words (motie: lik-op-stukbeleid)
    ("lik-op", "stukbeleid", True),
])
def test_line_end_hyphen(left, right, keep):
    assert D.keep_hyphen(left, right) is keep


def test_the_documents_own_spelling_decides():
    """Motie 3355d24f: `EU-Israël-associatieakkoord` is printed whole earlier in the text."""
    text = ("constaterende dat artikel 2 van het EU-Israël-associatieakkoord de partijen verplicht; "
            "verzoekt het kabinet …")
    assert Dehyphenator(text).keep_hyphen("EU-Israël", "associatieakkoord") is True
    assert D.keep_hyphen("EU-Israël", "associatieakkoord") is False


def test_a_camelcase_name_printed_whole_is_rejoined():
    """Motie 94bab900: `NextGen Poortwachters` is printed whole; broken as `Next-`/`Gen` it is
    the same name, while `Noord-`/`Atlantische` keeps its hyphen."""
    text = ("overwegende dat de Minister in gesprek is met poortwachters van de Wwft aan de hand van "
            "een aantal concrete voorstellen die zijn gedaan onder het mom van NextGen Poortwachters;")
    assert Dehyphenator(text).keep_hyphen("Next", "Gen") is False
    assert Dehyphenator(text).keep_hyphen("Noord", "Atlantische") is True
    assert D.keep_hyphen("Next", "Gen") is True


def test_weglatingsstreepje_before_a_conjunction():
    assert is_elision("binnenland", "en") is True
    assert is_elision("zo", "als") is False  # zoals, broken as zo-/als
    assert paragraphs("respect voor mensenrechten in hun binnenland-",
                      "en buitenlandbeleid;") == ["respect voor mensenrechten in hun binnenland- en buitenlandbeleid;"]


def test_seed_lines_are_rejoined():
    assert paragraphs(
        "gehouden over de bedreigingen aan de zuidflank van het NAVO-verdrags-",
        "gebied en het bestrijden van hybride dreigingen. Tijdens het diner is",
    ) == ["gehouden over de bedreigingen aan de zuidflank van het NAVO-verdragsgebied en het "
          "bestrijden van hybride dreigingen. Tijdens het diner is"]


def test_hyphen_after_a_number_is_kept_without_space():
    # motie 1a01575a: `(36 600-VI, nr. 91)` broken after the hyphen
    assert paragraphs("overwegende dat de Kamer in de aangenomen motie-Van Nispen/Palmen (36 600-",
                      "VI, nr. 91) heeft uitgesproken dat er een landelijk dekkend netwerk") == [
        "overwegende dat de Kamer in de aangenomen motie-Van Nispen/Palmen (36 600-VI, nr. 91) "
        "heeft uitgesproken dat er een landelijk dekkend netwerk"]


def test_page_break_line_joins_or_starts_by_content():
    paras = paragraphs(
        "opnieuw steun uitgesproken aan Turkije, dat zich aan de eigen zuidgrens",
        "geconfronteerd ziet met militaire uitdagingen maar ook met terroristische",
        " dreigingen (zie bijlage 2)1. De Secretaris-Generaal van de NAVO zal op",
        "korte termijn met nadere voorstellen komen.",
        " De NAVO besloot de zogenaamde fase 1 van de missie (waarbij er in",
        "zowel Kaboel als de regio’s eenheden worden ontplooid) te verlengen.",
    )
    assert len(paras) == 2
    assert "maar ook met terroristische dreigingen (zie bijlage 2). De Secretaris-Generaal" in paras[0]
    assert paras[1].startswith("De NAVO besloot")


def test_running_headers_and_first_page_footer():
    assert is_running_header("Tweede Kamer, vergaderjaar 2015–2016, 28 676, nr. 235 2")
    assert is_running_header("Tweede Kamer, vergaderjaar 2024–2025, 21 501-30, nr. 654")
    assert not is_running_header("Tweede Kamer der Staten-Generaal 2")
    for line in ("kst-36600X-62", "kst-21501-30-654", "ISSN 0921 - 7371", "’s-Gravenhage 2025"):
        assert is_footer(line), line
    assert is_footer("2") and not is_footer("2", page_numbers=False)


def test_footnote_markers_follow_the_sequence():
    scan = MarkerScanner()
    text, found = scan.take("Dit besluit werd vastgelegd in een verklaring (zie bijlage 1)1.")
    assert text == "Dit besluit werd vastgelegd in een verklaring (zie bijlage 1)." and found == [("1", 61)]
    # letter 010: a marker glued to a word; NIB2 (an acronym with a number) is no marker
    text, found = scan.take("de Raad Justitie en Binnenlandse Zaken op 9 en 10 juni 2022 in Luxemburg2. "
                            "de Netwerk- en informatiebeveiligingsrichtlijn (NIB2)")
    assert "in Luxemburg." in text and "(NIB2)" in text and [m for m, _ in found] == ["2"]
    # motie 126c5111: CO2 is a formula, and 3 is not the next marker
    assert MarkerScanner().take("de daadwerkelijke uitstoot van CO2 in 2022")[1] == []
    # letter 036: marker 1 glued to a year; a Kamerstuk number is never split
    text, found = MarkerScanner().take("een geactualiseerd voortgangsoverzicht aan van de JBZ-dossiers voor "
                                       "het tweede kwartaal van 20211. Voorts informeren wij")
    assert "kwartaal van 2021. Voorts" in text and found == [("1", text.index(". Voorts"))]
    assert MarkerScanner().take("(Kamerstuk 21 501-02, nr. 20211)")[1] == []


def test_layout_is_told_by_wrapped_sentences():
    third_party = ["De Kamer,", "gehoord de beraadslaging,",
                   "verzoekt de regering de Spreidingswet per direct in te trekken,",
                   "en gaat over tot de orde van de dag.", "Baudet"]
    assert is_element_layout(third_party)
    printed = ["overwegende dat TBO's subsidie ontvangen voor natuurbeheer op gronden die",
               "zij zelf beheren uit hoofde van het SNL;", "",
               "constaterende dat de uitvoering van natuurbeheer op verpachte gronden veel-",
               "al wordt gedaan door boeren;"]
    assert not is_element_layout(printed)


def test_element_split_by_inline_markup_is_rejoined():
    blocks, _ = clean_lines([Block("line", l) for l in [
        "overwegende dat de Kamer bij motie (", "36 410-VI, nr. 87",
        ") in ruime meerderheid heeft uitgesproken dat het kabinet op EU-niveau frequent aandacht moet vragen;",
        "verzoekt de regering, in lijn met genoemde motie, bij de overleggen in te zetten,",
        "constaterende dat de daadwerkelijke uitstoot van CO", "2", "in 2022 11,3 megaton CO", "2", "bedroeg;"]],
        element=True)
    assert [b.text for b in blocks] == [
        "overwegende dat de Kamer bij motie (36 410-VI, nr. 87) in ruime meerderheid heeft uitgesproken "
        "dat het kabinet op EU-niveau frequent aandacht moet vragen;",
        "verzoekt de regering, in lijn met genoemde motie, bij de overleggen in te zetten,",
        "constaterende dat de daadwerkelijke uitstoot van CO2 in 2022 11,3 megaton CO2 bedroeg;"]


def test_metadata_rules():
    assert parse_dutch_date("Den Haag, 16 december 2015") == "2015-12-16"
    assert parse_dutch_date("Voorgesteld 31 februari 2024") is None
    assert parse_session_year("Vergaderjaar 2015–2016") == "2015-2016"
    assert split_dossier("21 501-20 Europese Raad") == ("21501", "20", "Europese Raad")
    assert split_dossier("36 410 VII") == ("36410", "VII", "")
    assert kind_from_heading("TWEEDE NADER GEWIJZIGDE MOTIE VAN HET LID EERDMANS") == "motie"
    assert kind_from_heading("GEWIJZIGE MOTIE VAN HET LID INGE VAN DIJK") == "motie"  # misprint
    assert kind_from_heading("VERSLAG VAN EEN SCHRIFTELIJK OVERLEG") == "verslag"
    assert kind_from_heading("NOTA NAAR AANLEIDING VAN HET VERSLAG") == "nota"
    assert sender_from_heading("BRIEF VAN DE MINISTER-PRESIDENT, MINISTER VAN ALGEMENE ZAKEN") == \
        "minister-president, minister van Algemene Zaken"
    # the vergaderjaar opens on Prinsjesdag, 20 September 2022
    assert session_year_for("2022-09-19") == "2021-2022" and session_year_for("2022-09-20") == "2022-2023"


def test_not_a_kamerstuk_gets_a_record_with_warnings():
    doc = kamerstukken.parse("Boodschappenlijst\nmelk\nbrood\n".encode(), extract=False)
    assert doc.kind == "other" and doc.id.startswith("sha256:")
    assert any("not recognisably a Kamerstuk" in w for w in doc.warnings)


def test_an_initial_misprinted_with_a_comma_is_an_indiener():
    """Motie 34465b2a ends `Eerdmans` / `D, van Dijk`: both are indieners, not a paragraph."""
    import kamerstukken
    text = ("Tweede Kamer der Staten-Generaal 2\nVergaderjaar 2024–2025 \n\n32 317 JBZ-Raad \n\n"
            "Nr. 895  MOTIE VAN DE LEDEN EERDMANS EN DIEDERIK VAN DIJK \n\nVoorgesteld 9 oktober 2024 \n\n"
            "De Kamer, \n\ngehoord de beraadslaging, \n\nconstaterende dat meerdere Europese landen werken aan "
            "returnhubs waarmee \nkansloze asielzoekers effectiever kunnen worden uitgezet; \n\n"
            "verzoekt het kabinet samen met gelijkgestemde Europese landen voor de vol-\ngende JBZ-Raad met "
            "een plan voor returnhubs te komen, \n\nen gaat over tot de orde van de dag. \n\nEerdmans \n\n"
            "D, van Dijk \n")
    doc = kamerstukken.parse(text.encode(), name="kst-32317-895.txt", extract=False)
    assert [s.name for s in doc.signatories] == ["B.J. Eerdmans", "D. van Dijk"]
    assert [p for _, _, p in doc.paragraphs()][-1] == "en gaat over tot de orde van de dag."


def _blocks(text: str, element=None):
    blocks, _ = clean_lines([Block("line", l) for l in text.split("\n")], element=element)
    return [(b.kind, b.text) for b in take_markers(blocks)]


def test_hanging_indent_continues_a_web_paragraph():
    """Letter 32 317 nr. 948 as a web page sets each paragraph with a hanging indent."""
    got = _blocks("Hierbij bieden wij uw Kamer de geannoteerde agenda aan van de Raad Justitie en Binnenlandse\n"
                  "                  Zaken (JBZ-Raad) op 12 en 13 juni in Luxemburg. De Minister van Asiel en Migratie\n"
                  "                  en de Staatssecretaris Rechtsbescherming zullen hieraan deelnemen.\n"
                  "Toezeggingen\n"
                  "In lijn met de toezegging die de Minister-President deed tijdens de Algemene Politieke\n"
                  "                  Beschouwingen van 18 en 19 september 2024, informeert het kabinet u over de voortgang.",
                  element=True)
    assert got == [
        ("para", "Hierbij bieden wij uw Kamer de geannoteerde agenda aan van de Raad Justitie en Binnenlandse "
                 "Zaken (JBZ-Raad) op 12 en 13 juni in Luxemburg. De Minister van Asiel en Migratie en de "
                 "Staatssecretaris Rechtsbescherming zullen hieraan deelnemen."),
        ("heading", "Toezeggingen"),
        ("para", "In lijn met de toezegging die de Minister-President deed tijdens de Algemene Politieke "
                 "Beschouwingen van 18 en 19 september 2024, informeert het kabinet u over de voortgang.")]


def test_speaker_and_members_present_join_their_words():
    """Verslagen 21 501-08 nr. 558 and a Handelingen debate: the speaker's label and the list of
    members present go on in the next element."""
    got = _blocks("Aanwezig zijn vier leden der Kamer, te weten: Van Veldhoven, Remco Dijkstra, Ouwehand, Jan Vos,\n\n"
                  "en Staatssecretaris Mansveld van Infrastructuur en Milieu, die vergezeld is van enkele ambtenaren "
                  "van haar ministerie.\n\nAanvang 16.00 uur.\n\nDe voorzitter:\n\n"
                  "Ik heet minister Bot van harte welkom in dit huis.\n\nDe heer Jurgens (PvdA):\n\n"
                  "Voorzitter. Vanwege een akelige gebeurtenis in ons midden hebben wij het debat uitgesteld.",
                  element=True)
    assert [t for _, t in got] == [
        "Aanwezig zijn vier leden der Kamer, te weten: Van Veldhoven, Remco Dijkstra, Ouwehand, Jan Vos, "
        "en Staatssecretaris Mansveld van Infrastructuur en Milieu, die vergezeld is van enkele ambtenaren "
        "van haar ministerie.",
        "Aanvang 16.00 uur.",
        "De voorzitter: Ik heet minister Bot van harte welkom in dit huis.",
        "De heer Jurgens (PvdA): Voorzitter. Vanwege een akelige gebeurtenis in ons midden hebben wij het "
        "debat uitgesteld."]


def test_dash_items_of_a_list_lose_their_bullet():
    """Verslag 21 501-02 nr. 3253: the letters discussed, one per dash, in print and as elements."""
    text = ("De vaste commissie voor Buitenlandse Zaken heeft op 10 september 2025 overleg gevoerd\n"
            "met de heer Van Weel, Minister van Buitenlandse Zaken, over:\n"
            "– de brief van de Minister van Buitenlandse Zaken d.d. 9 september 2025 inzake tweestatenoplossing\n"
            "en multilaterale ontwikkelingen (Kamerstuk 21 501-02, nr. 3228);\n"
            "– de brief van de Minister van Buitenlandse Zaken d.d. 8 september 2025 inzake verslag\n"
            "informele Raad Buitenlandse Zaken van 29 en 30 augustus 2025 (Kamerstuk 21 501-02, nr. 3227);")
    assert [t for _, t in _blocks(text, element=False)][1:] == [
        "de brief van de Minister van Buitenlandse Zaken d.d. 9 september 2025 inzake tweestatenoplossing "
        "en multilaterale ontwikkelingen (Kamerstuk 21 501-02, nr. 3228);",
        "de brief van de Minister van Buitenlandse Zaken d.d. 8 september 2025 inzake verslag informele "
        "Raad Buitenlandse Zaken van 29 en 30 augustus 2025 (Kamerstuk 21 501-02, nr. 3227);"]
    # a gedachtestreepje that a wrap puts first stays where it is
    assert paragraphs("Van de gelegenheid wordt gebruikgemaakt om, naast deze wijzigingen",
                      "– en dat is nodig – ook een aantal technische wijzigingen voor te stellen.") == [
        "Van de gelegenheid wordt gebruikgemaakt om, naast deze wijzigingen – en dat is nodig – ook een "
        "aantal technische wijzigingen voor te stellen."]


def test_a_line_ending_in_a_preposition_is_no_heading():
    """Geannoteerde agenda Milieuraad 21 oktober 2009: `… de klimaatconferentie in` / `Kopenhagen …`."""
    got = _blocks("1. Voorbereiding Kopenhagen\n"
                  "In oktober wordt de voorbereiding van de klimaatconferentie in\n"
                  "Kopenhagen in verschillende Raadsformaties besproken (Ecofin op 20 oktober).", element=True)
    assert got == [("heading", "1. Voorbereiding Kopenhagen"),
                   ("para", "In oktober wordt de voorbereiding van de klimaatconferentie in Kopenhagen in "
                            "verschillende Raadsformaties besproken (Ecofin op 20 oktober).")]


def test_long_lines_that_still_wrap_are_print():
    """Letter 34 919 nr. 89 as a web page kept the print's line breaks but joined a few lines."""
    lines = ("Uw Kamer is de afgelopen kabinetsperiode geïnformeerd over de urgente en omvangrijke\n"
             "vastgoedproblematiek bij Defensie (Kamerstuk 34 919, nr. 77 en Kamerstuk 34 919, nr. 79). Ondanks de "
             "extra inspanningen in de vorige kabinetsperiode, werkt en slaapt het\n"
             "Defensiepersoneel nog vaak in gebouwen die in slechte staat zijn en die onvoldoende\n"
             "de operationele inzetbaarheid van de krijgsmacht ondersteunen. In mijn Kamerbrief\n"
             "van 1 maart jl. heb ik aangegeven dat er ingrijpende keuzes moeten worden gemaakt\n"
             "op vastgoedgebied met het oog op de doorontwikkeling van onze krijgsmacht.").split("\n")
    assert is_element_layout(lines) is False


def test_vowel_clash_takes_a_hyphen_only_where_vowels_would_merge():
    """Moties print `informatie-uitwisseling`, `politie-inzet`, `zonne-energie` but
    `medeoverheden`, `coalitieonderhandelingen`; letter 21 501-20 nr. 760 breaks
    `terrorisme-` / `onderwerpen` at a line end, which is `terrorismeonderwerpen`."""
    for left, right in [("informatie", "uitwisseling"), ("politie", "inzet"), ("zonne", "energie")]:
        assert D.keep_hyphen(left, right) is True, (left, right)
    for left, right in [("mede", "overheden"), ("coalitie", "onderhandelingen"), ("terrorisme", "onderwerpen"),
                        ("co", "öperatie"), ("mili", "eu"), ("financi", "eel")]:
        assert D.keep_hyphen(left, right) is False, (left, right)


def test_a_paragraph_without_its_full_stop_still_ends(shared):
    """Letter 068 (Landbouw- en Visserijraad) prints a paragraph without its full stop
    (`… gewasbeschermingsmiddelen`); laid out for print, the blank line after its short last
    line ends it."""
    import json

    from conftest import GOLD
    from kamerstukken.layout import Stuk, layout_text

    gold = json.loads((GOLD / "letters" / "068.json").read_text(encoding="utf-8"))
    text = layout_text(Stuk(session_year="2023-2024", dossiers=[("21 501-32", "Landbouw- en Visserijraad")],
                            number="1576", heading=gold["heading"], date_line="Den Haag, 28 september 2023",
                            paragraphs=gold["paragraphs"])).text
    doc = kamerstukken.parse(text.encode(), name="kst-21501-32-1576.txt", extract=False)
    got = [p for _, _, p in doc.paragraphs()]
    assert gold["paragraphs"][0].endswith("gewasbeschermingsmiddelen") and gold["paragraphs"][0] in got
    assert gold["paragraphs"][1] in got


@pytest.mark.usefixtures("shared")
def test_direct_word_frequency_equals_wordfreq():
    """The dehyphenator's direct look-up gives wordfreq's own Zipf value for every word of the seed
    (and for words absent from the list, and for accented ones it passes on to wordfreq)."""
    from wordfreq import zipf_frequency

    from kamerstukken.clean.dehyphen import zipf

    text = (CORPUS / "seed" / "kst-28676-235.txt").read_text("utf-8").lower()
    words = set(re.findall(r"[^\W\d_]+", text)) | {"verdragsgebied", "navoverdragsgebied", "oekraïne"}
    assert len(words) > 500
    assert {w: zipf(w) for w in words} == {w: zipf_frequency(w, "nl") for w in words}


def test_kind_from_the_fixed_opening_of_an_advies():
    """corpus/letters/033 reaches us without its head; its first sentence is the standard opening
    of an advies en nader rapport."""
    from kamerstukken.parse.metadata import kind_from_opening

    assert kind_from_opening(
        "Hieronder zijn opgenomen het advies van de Afdeling advisering van de Raad van State d.d. 23 "
        "november 2018 en het nader rapport d.d. 22 februari 2019, aangeboden aan de Koning door de "
        "Minister van Buitenlandse Zaken") == "advies-raad-van-state"
    assert kind_from_opening("Hierbij bied ik u het advies van de Raad van State aan.") == "other"


@pytest.mark.usefixtures("shared")
def test_a_short_line_without_full_stop_before_a_capital_ends_a_heading():
    """corpus/letters/012: a two-line title and `Aanleiding` run straight into the text in print; a
    wrapped line stops short only where a heading (or paragraph) ends."""
    lines = (CORPUS / "letters" / "012.txt").read_text("utf-8").splitlines()
    start = next(i for i, l in enumerate(lines) if l.startswith("agenda aan van de Raad Justitie"))
    blocks, _ = clean_lines([Block("line", l) for l in lines[start:start + 9]], element=False)
    texts = [(b.kind, b.text[:40]) for b in blocks]
    assert ("heading", "Aanleiding") in texts
    assert ("para", "Kabinetsappreciatie Aanbeveling onderhan") in texts
    assert ("para", "De Verenigde Staten van Amerika (VS) hee") in texts
