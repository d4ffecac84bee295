"""Where a count is said to be: names after a locative preposition, in five languages."""

import pytest

from services.analysis.places import places, scope


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Das Feuer brach in einer Schule in Leuna aus.", "de", {"leuna"}),
        ("Ein Mann wurde lebend in einem Olivenhain oberhalb des Flusses gefunden.", "de", set()),
        ("Die Flut erreichte in der Nacht die Provinz Elbasan.", "de", set()),
        ("Drei Personen werden vermisst, darunter ein Tourist aus Deutschland.", "de", set()),  # origin
        ("Zwei Tote in der italienischen Provinz Lomo.", "de", {"lomo"}),
        ("Two people died in Lomara on Monday.", "en", {"lomara"}),
        ("Deux morts à Castelbrun dans la nuit.", "fr", {"castelbrun"}),
        ("Pullman precipita sul Passo di Varenna: quattro morti.", "it", {"varenna"}),  # the name
        ("Frana nella Provincia di Lomo.", "it", {"lomo"}),
        # elided linking words: "d'", "l'", "dell'"
        ("Une avalanche au-dessus d'Arolla, dans le val d'Hérens.", "fr", {"arolla", "herens"}),
        ("Une crue dans la vallée de l'Ubaye.", "fr", {"ubaye"}),
        ("Sept ingénieurs enlevés dans l'État d'Ogbara.", "fr", {"ogbara"}),
        ("Una frana nella valle dell'Ossola.", "it", {"ossola"}),
        ("Si è aperta una voragine alla Balduina.", "it", {"balduina"}),
        # a town in capitals before its department in brackets (an agency's tag is not one)
        ("VAL-D'ISÈRE (Savoie) - Deux morts dans un incendie.", "fr", {"isere", "savoie"}),
        ("PARIS (AFP) - Deux morts dans un incendie.", "fr", set()),
    ],
)
def test_a_place_follows_a_preposition_and_a_thing_after_an_indefinite_article_is_none(
    text: str, language: str, expected: set[str]
) -> None:
    assert {p[:5] for p in places(text, language)} == {p[:5] for p in expected}


def test_a_count_s_scope_skips_a_dateline_and_acronyms_written_in_capitals() -> None:
    """ "MARSEILLE, 15 juil (AMP) - Un homme retient cinq personnes": the dateline's town and
    the agency's tag say where the desk is, not where the count was made."""
    text = "MARSEILLE, 15 juil (AMP) - Un homme armé retient cinq personnes au Panier, selon le RAID."
    assert {n[:5] for n in scope(text, "fr")} == {"panie"}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Un incendio en un centro de la isla de Ravessa deja 14 heridos.", "es", {"ravessa"}),
        ("Un incendio nel centro di accoglienza dell'isola di Ravessa.", "it", {"ravessa"}),
        ("Un incendie dans un centre de l'île de Ravessa a fait 14 blessés.", "fr", {"ravessa"}),
        ("A fire broke out at a centre on the island of Ravessa.", "en", {"ravessa"}),
        ("Ein Feuer brach in einem Zentrum auf der Insel Ravessa aus.", "de", {"ravessa"}),
    ],
)
def test_an_island_is_a_place_whatever_the_preposition_before_it(
    text: str, language: str, expected: set[str]
) -> None:
    """ "de la isla de Fuerteventura": the island's word says a place follows, where "de"
    alone does not."""
    assert {p[:5] for p in places(text, language)} >= {p[:5] for p in expected}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("One person was missing after a flash flood in an Austrian Alpine valley.", "en"),
        ("A chunk of glacier broke away in the Italian Alps on Tuesday.", "en"),
        ("Two hikers died in a Greek gorge.", "en"),
    ],
)
def test_a_nationality_after_a_preposition_names_no_place(text: str, language: str) -> None:
    """ "in an Austrian valley" names the country, which holds every town of the story: read
    as a place of its own, it would split a count told there from the same count in the town.
    (Where nationalities are written in lower case, they never read as places.)"""
    assert places(text, language) == frozenset()


def test_a_country_after_a_preposition_is_still_a_place() -> None:
    assert places("One person was missing after a flash flood in Austria.", "en") == frozenset({"austr"})


def test_a_spanish_city_or_department_named_after_de_is_a_place() -> None:
    """ "a unos 60 kilómetros de la ciudad de La Paz": the city named, though after "de"."""
    assert places("El bus cayó a unos 60 kilómetros de la ciudad de La Paz.", "es") == frozenset({"paz"})
    assert places("El alcalde del distrito de Lircay pidió ayuda.", "es") == frozenset({"lirca"})
