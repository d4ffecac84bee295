"""The gazetteer: one key per country or region, whatever the language; its file's rules."""

import pytest

from services.analysis import gazetteer
from services.analysis.figures.lexicon import TOKEN_RE
from services.analysis.languages import SUPPORTED

ROW = 'en = ["Spain"], fr = ["Espagne"]'


def _find(text: str, language: str) -> list[str]:
    tokens = TOKEN_RE.findall(text)
    return [key for _, _, key in gazetteer.find(tokens, [gazetteer.fold_word(t) for t in tokens], language)]


def _load(countries: str, regions: str = "") -> None:
    gazetteer.load(f"[countries]\n{countries}\n[regions]\n{regions}\n".encode(), "test.toml")


def test_every_supported_language_has_a_column() -> None:
    assert set(SUPPORTED) <= set(gazetteer.TABLES)


@pytest.mark.parametrize(
    ("language", "text", "keys"),
    [
        ("en", "Floods in the United States and in Spain's east", ["US", "ES"]),
        ("fr", "Inondations aux États-Unis et dans le sud de l'Espagne", ["US", "ES"]),
        ("de", "Überschwemmungen in den Vereinigten Staaten und im Osten Spaniens", ["US", "ES"]),
        ("es", "Inundaciones en EE.UU. y en el este de España", ["US", "ES"]),
        ("it", "Alluvioni negli Stati Uniti e nella Spagna orientale", ["US", "ES"]),
        ("es", "Cuatro muertos en Gran Bretaña", ["GB"]),  # the longest name, not "Bretaña"
        ("fr", "Castellon, en Espagne", ["ES"]),  # accents or none
        ("en", "Flooding in New Mexico", ["US-NM"]),  # not Mexico
        ("de", "Ein Jahr ohne Kreta", ["GR-M"]),
        ("en", "Wildfires in the Peloponnese", ["GR-J"]),
        ("fr", "Incendies dans le Péloponnèse", ["GR-J"]),
        ("de", "Waldbrände auf dem Peloponnes", ["GR-J"]),
        ("es", "Incendios en el Peloponeso", ["GR-J"]),
        ("it", "Incendi nel Peloponneso", ["GR-J"]),
        ("de", "Der Gouverneur Kaliforniens", ["US-CA"]),  # the genitive
        ("fr", "Tempête en Nouvelle-Écosse", ["CA-NS"]),  # not Écosse
        ("it", "Dall'Olanda Settentrionale all'Olanda", ["NL-NH", "NL"]),
        ("en", "Hurricane nears Baja California", ["MX"]),  # the peninsula, not California
        ("en", "A boat capsized in eastern Democratic Republic of Congo", ["CD"]),  # with or without "the"
        ("en", "Measles kills nine in a Chadian refugee camp", ["TD"]),  # the demonym; "Chad" is a first name
    ],
)
def test_names_in_each_language_are_one_key(language: str, text: str, keys: list[str]) -> None:
    assert _find(text, language) == keys


@pytest.mark.parametrize(
    ("language", "text", "country"),
    [
        ("en", "Floods in Thessaly", "GR"),
        ("fr", "Grêle en Moravie-du-Sud", "CZ"),
        ("de", "Hochwasser in Niederschlesien", "PL"),
        ("es", "Incendios en Columbia Británica", "CA"),
        ("it", "Alluvioni in Tasmania", "AU"),
    ],
)
def test_a_region_found_lies_inside_its_country(language: str, text: str, country: str) -> None:
    [key] = _find(text, language)
    assert gazetteer.is_region(key) and gazetteer.country_of(key) == country


def test_a_name_used_in_another_sense_is_left_out() -> None:
    assert _find("Un anticyclone des Açores", "fr") == []  # the weather, not the islands
    assert _find("Aux îles des Açores", "fr") == ["PT-20"]
    assert _find("Floods in western Greece", "en") == ["GR"]  # a direction, not the region
    assert _find("Virginia Woolf and West Virginia", "en") == ["US-WV"]  # a first name
    assert _find("Storms in Georgia", "en") == ["GE"]  # the country; the state is left out


def test_a_name_counts_only_written_as_a_name() -> None:
    assert _find("the chile was hot", "en") == []
    assert _find("Chile was hot", "en") == ["CL"]
    assert _find("US-Präsident und Italien-Reise", "de") == []  # inside a hyphenated word


def test_a_region_names_its_country() -> None:
    assert gazetteer.country_of("IT-42") == "IT" and gazetteer.country_of("ES") == "ES"
    assert gazetteer.is_region("FR-20R") and gazetteer.is_country("FR") and not gazetteer.is_country("FR-20R")


def test_the_file_rules_are_checked() -> None:
    _load(f"ES = {{ {ROW} }}")
    with pytest.raises(gazetteer.GazetteerError, match="under ES and XX"):
        _load(f'ES = {{ {ROW} }}\nXX = {{ en = ["Spain"], fr = ["Xland"] }}')
    with pytest.raises(gazetteer.GazetteerError, match="names"):
        _load(f'ES = {{ {ROW} }}\nIT = {{ en = ["Italy"] }}')  # a language missing
    with pytest.raises(gazetteer.GazetteerError, match="not an ISO 3166 code"):
        _load(f"Spain = {{ {ROW} }}")
    with pytest.raises(gazetteer.GazetteerError, match="not in"):
        _load(f"ES = {{ {ROW} }}", 'IT-42 = { en = ["Liguria"], fr = ["Ligurie"] }')
    with pytest.raises(gazetteer.GazetteerError, match="non-empty"):
        _load('ES = { en = [], fr = ["Espagne"] }')


def test_an_english_demonym_names_its_country() -> None:
    """English capitalises "German", "Austrian": read as names they were local places
    ("German rail crash" conflicted with a story set in Hesse, Germany)."""
    assert _find("German rail crash: Austrian hotel fire, a French Alpine lake", "en") == ["DE", "AT", "FR"]


def test_an_inflected_country_name_is_not_read_as_the_shorter_one_inside_it() -> None:
    """ "der Demokratischen Republik Kongo" holds "Republik Kongo" (Congo-Brazzaville)."""
    from services.analysis.story_evidence import read

    assert read("Im Osten der Demokratischen Republik Kongo", "de").keys == ["CD"]


def test_the_exonym_file_rules_are_checked() -> None:
    row = 'en = ["Padua"], fr = ["Padoue"], local = ["Padova"]'
    table = gazetteer.load_exonyms(f'[places]\n"Padova" = {{ {row} }}\n'.encode(), "test.toml")
    assert table["fr"]["padoue"] == table["en"]["padova"] == "padova"
    pavia = '"Pavia" = { en = ["Padua"], fr = [], local = ["Pavia"] }'
    with pytest.raises(gazetteer.GazetteerError, match="is padova and Pavia"):
        gazetteer.load_exonyms(f'[places]\n"Padova" = {{ {row} }}\n{pavia}\n'.encode())
    with pytest.raises(gazetteer.GazetteerError, match="needs names"):
        gazetteer.load_exonyms(f'[places]\n"Padova" = {{ {row} }}\n"X" = {{ en = ["X"] }}\n'.encode())
    with pytest.raises(gazetteer.GazetteerError, match="one \\[places\\] table"):
        gazetteer.load_exonyms(b'[cities]\n"Padova" = { en = ["Padua"], local = ["Padova"] }\n')


def test_every_exonym_row_reads_as_its_own_name_in_each_language() -> None:
    """The shipped table: the French, German and Spanish names of Antwerp are one place."""
    names = [("anvers", "fr"), ("antwerpen", "de"), ("amberes", "es")]
    assert {gazetteer.local_name(n, lang) for n, lang in names} == {"antwerpen"}
    assert gazetteer.local_name("lomara", "it") == "lomara"


def test_a_key_of_several_words_is_one_hyphenated_name() -> None:
    """Two lakes whose own names open alike ("Lago Trasimeno", "Lago di Garda") stay two
    places once places cut each name to its first letters."""
    rows = (
        '"Lago Trasimeno" = { en = ["Trasimeno"], local = ["Lago Trasimeno"] }\n'
        '"Lago di Garda" = { en = ["Garda"], local = ["Lago di Garda"] }\n'
    )
    table = gazetteer.load_exonyms(f"[places]\n{rows}".encode(), "test.toml")
    assert table["en"]["trasimeno"] == "lago-trasimeno"
    assert table["en"]["garda"] == "lago-di-garda"


def test_the_distinctive_word_of_a_sea_is_one_place_across_languages() -> None:
    names = [("biscay", "en"), ("gascogne", "fr"), ("biskaya", "de")]
    assert len({gazetteer.local_name(n, lang) for n, lang in names}) == 1
