"""Duplicate rules on invented stories (never the seed articles)."""

from services.analysis.config import AnalysisConfig
from services.analysis.duplicates import duplicate_method, figures_conflict
from services.analysis.figures import Figure

STRIKE_EN = (
    "Dock workers walked out at the country's largest container port on Monday, halting most traffic.\n"
    "About 2,000 workers joined the strike, the union said, demanding higher pay after a year of inflation.\n"
    "The port authority said ships were being diverted to smaller harbours along the coast.\n"
    "Talks between the union and employers are due to resume on Thursday, according to the labour ministry."
)
STRIKE_FR = (
    "Les dockers ont cessé le travail lundi dans le plus grand port à conteneurs du pays, bloquant "
    "l'essentiel du trafic.\nEnviron 2 000 travailleurs ont rejoint la grève, a indiqué le syndicat, qui "
    "réclame des hausses de salaire après une année d'inflation.\nL'autorité portuaire a déclaré que les "
    "navires étaient détournés vers de plus petits ports le long de la côte.\nLes discussions entre le "
    "syndicat et les employeurs doivent reprendre jeudi, selon le ministère du Travail."
)


def test_exact_copy_with_other_spacing_and_case(make_prepared) -> None:
    a = make_prepared("a", STRIKE_EN)
    b = make_prepared("b", STRIKE_EN.upper().replace(" ", "  "))
    match = duplicate_method(b, a, AnalysisConfig())
    assert match is not None and match.method == "exact" and match.similarity == 1.0


def test_near_copy_with_a_newsletter_line(make_prepared) -> None:
    a = make_prepared("a", STRIKE_EN)
    b = make_prepared(
        "b", STRIKE_EN.replace("on Monday", "on Monday morning") + "\nSubscribe to our newsletter."
    )
    match = duplicate_method(b, a, AnalysisConfig())
    assert match is not None and match.method == "near"


def test_translation_is_a_cross_lingual_duplicate(make_prepared) -> None:
    a = make_prepared("a", STRIKE_EN)
    b = make_prepared("b", STRIKE_FR, language="fr")
    match = duplicate_method(b, a, AnalysisConfig())
    assert match is not None and match.method == "cross_lingual" and match.similarity >= 0.8


def test_a_changed_figure_is_not_a_duplicate(make_prepared) -> None:
    a = make_prepared("a", STRIKE_EN)
    b = make_prepared("b", STRIKE_EN.replace("About 2,000 workers", "More than 5,000 workers"))
    assert duplicate_method(b, a, AnalysisConfig()) is None


def test_a_rewrite_of_the_same_event_is_not_a_duplicate(make_prepared) -> None:
    a = make_prepared("a", STRIKE_EN)
    b = make_prepared(
        "b",
        "Shipping ground to a halt at the main container terminal as dockers began an open-ended strike. "
        "Union leaders said pay had failed to keep up with prices. Employers called the action illegal "
        "and said they would seek a court injunction.",
    )
    assert duplicate_method(b, a, AnalysisConfig()) is None


def test_figures_conflict_only_on_the_same_measure() -> None:
    killed_4 = Figure("killed", None, 4.0, "exact", 0, 1)
    killed_5 = Figure("killed", None, 5.0, "exact", 0, 1)
    injured_5 = Figure("injured", None, 5.0, "exact", 0, 1)
    assert figures_conflict((killed_4,), (killed_5,))
    assert not figures_conflict((killed_4,), (injured_5,))
    assert not figures_conflict((killed_4, killed_5), (killed_5,))
