import pytest

from services.analysis.figures import extract_figures
from services.analysis.figures.numbers import find_numbers
from services.analysis.languages import LANGUAGES, SUPPORTED, LanguageFileError, _load


def test_a_language_with_only_page_furniture_is_known_but_not_supported() -> None:
    """Polish has a file with [boilerplate] only: its furniture is dropped, its figures are not
    read, and no stage that reads numbers or figures trips over the missing tables."""
    polish = LANGUAGES["pl"]
    assert polish.numbers is None and polish.figures is None and polish.boilerplate.lines
    assert "pl" not in SUPPORTED
    assert [n.value for n in find_numbers("Zginęło 12 osób.", "pl")] == [12]
    assert isinstance(extract_figures("W pożarze zginęło 12 osób.", "pl"), list)


def test_every_language_file_names_its_attribution_openers() -> None:
    for code in SUPPORTED:
        assert LANGUAGES[code].attribution, code


def _file(boilerplate: str) -> bytes:
    return f'code = "xx"\nname = "Test"\n[boilerplate]\n{boilerplate}\n'.encode()


def test_a_file_with_only_boilerplate_loads() -> None:
    data = _load("xx.toml", _file("lines = ['^lue aussi\\b']\npairs = [['{cookies}', '{you}']]"))
    assert data.boilerplate.lines == ["^lue aussi\\b"] and data.figures is None


@pytest.mark.parametrize(
    ("table", "complaint"),
    [
        ("lines = ['^Read more']", "upper case"),
        ("lines = ['{visitors} agree']", "unknown word classes"),
        ("notices = ['(unclosed']", "missing )"),
        ("pairs = [['cookies']]", "pairs"),
        ("openers = ['Wir']", "opener"),
        ("glued = ['Jetzt teilen:(']", "missing )"),
        ("readmore = ['x']", "readmore"),
    ],
)
def test_a_bad_boilerplate_table_fails_loudly_at_load(table: str, complaint: str) -> None:
    with pytest.raises(LanguageFileError, match=r"xx\.toml") as error:
        _load("xx.toml", _file(table))
    assert complaint in str(error.value)
