from services.analysis.prepare import TITLE_CHARS, headline


def test_headline_drops_a_leading_attribution_and_stays_short() -> None:
    assert headline("According to the ministry, the bridge will reopen on Monday.") == (
        "The bridge will reopen on Monday"
    )
    assert headline("Selon la police, le pont rouvrira lundi.") == "Le pont rouvrira lundi"
    long = "Officials said " + "the river kept rising " * 10
    cut = headline(long)
    assert len(cut) <= TITLE_CHARS and cut.endswith("…") and not cut.endswith(" …")


def test_untitled_article_is_named_after_a_central_statement(make_prepared) -> None:
    prepared = make_prepared(
        "a",
        "On a grey morning, people gathered by the water.\n"
        "Floods killed at least 12 people in the river valley, the governor said.\n"
        "Floodwater cut off villages across the valley as the river burst its banks.\n"
        "Rescue teams in boats reached families stranded by the floods.",
    )
    assert not prepared.title_given
    assert "grey morning" not in prepared.title
