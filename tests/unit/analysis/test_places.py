"""Where a count is said to be: names after a locative preposition, in five languages."""

import pytest

from services.analysis.places import places


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Das Feuer brach in einer Schule in Leuna aus.", "de", {"leuna"}),
        ("Ein Mann wurde lebend in einem Olivenhain oberhalb des Flusses gefunden.", "de", set()),
        ("Die Flut erreichte in der Nacht die Provinz Elbasan.", "de", set()),
        ("Zwei Tote in der italienischen Provinz Lomo.", "de", {"lomo"}),
        ("Two people died in Lomara on Monday.", "en", {"lomara"}),
        ("Deux morts à Castelbrun dans la nuit.", "fr", {"castelbrun"}),
    ],
)
def test_a_place_follows_a_preposition_and_a_thing_after_an_indefinite_article_is_none(
    text: str, language: str, expected: set[str]
) -> None:
    assert {p[:5] for p in places(text, language)} == {p[:5] for p in expected}
