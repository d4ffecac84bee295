from hypothesis import given
from hypothesis import strategies as st

from services.analysis.normalize import clean_text, words


def test_invisible_and_odd_spaces_are_removed() -> None:
    assert (
        clean_text("Hello\u200b   wor\u00adld\u00a0 now\r\n\r\n\r\nNext\x00line")
        == "Hello world now\nNext line"
    )


def test_words_are_case_folded_and_width_normalised() -> None:
    assert words("The ＵＮ said: “Stop”") == ["the", "un", "said", "stop"]


@given(st.text())
def test_clean_text_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once
