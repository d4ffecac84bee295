import numpy as np
import pytest

from schemas import Article
from services.analysis.config import AnalysisConfig
from services.analysis.prepare import TITLE_CHARS, draft, draft_of, embed, headline


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


def test_a_prepared_article_gives_back_the_draft_it_was_embedded_from(make_prepared, embedder) -> None:
    """The stream strips a copy's vectors, or adds them to a draft, through `draft_of`."""
    untitled = make_prepared(
        "a",
        "On a grey morning, people gathered by the water.\n"
        "Floods killed at least 12 people in the river valley, the governor said.\n"
        "Floodwater cut off villages across the valley as the river burst its banks.",
    )
    titled = make_prepared("b", "FLOODS HIT THE VALLEY\nFloods killed at least 12 people, the governor said.")
    for prepared in (untitled, titled):
        drafted = draft_of(prepared)
        assert drafted.title != prepared.title or prepared.title_given
        again = embed(drafted, embedder)
        for name in ("article", "language", "title", "title_given", "sentences", "content_hash", "figures"):
            assert getattr(again, name) == getattr(prepared, name), name
        assert again.terms == prepared.terms
        assert np.array_equal(again.vectors, prepared.vectors)
        assert np.array_equal(again.minhash, prepared.minhash)
        assert embed(drafted, None).title == drafted.title  # a copy is named by its first line


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        ("D’après les secours, le bilan s’alourdit", "Le bilan s’alourdit"),
        ("Según la Guardia Civil, la carretera sigue cortada.", "La carretera sigue cortada"),
        ("Laut Polizei, die Brücke bleibt gesperrt.", "Die Brücke bleibt gesperrt"),
        ("Secondo la prefettura, i dispersi sono tre.", "I dispersi sono tre"),
        ("As reported by the agency, the port reopened.", "The port reopened"),
    ],
)
def test_headline_drops_a_leading_attribution_in_every_language(sentence: str, title: str) -> None:
    """The openers are each language file's `attribution` list."""
    assert headline(sentence) == title


@pytest.mark.parametrize(
    ("paragraph", "kept"),
    [
        # a short paragraph that opens with furniture is furniture throughout
        ("Already a subscriber? Log in. Continue reading for £1 for your first month.", []),
        ("Les commentaires sont modérés a priori. Merci de respecter notre charte.", []),
        # a numbered most-read box is a list of headlines, counts and all
        ("Most read: 1. Bus crash kills three – 2. Council approves budget – 3. Derby ends level", []),
        # a count after the furniture is news glued to a credit, and stays
        (
            "Foto: Polizei. Drei Menschen wurden bei dem Unfall verletzt.",
            ["Drei Menschen wurden bei dem Unfall verletzt."],
        ),
        # a sentence longer than any furniture line is news glued to a credit, and stays
        (
            "Foto: dpa. Die Feuerwehr war am Montagabend mit einem Großaufgebot vor Ort und löschte "
            "den Brand in der Lagerhalle nach mehreren Stunden, wie ein Sprecher der Stadt am Dienstag "
            "mitteilte.",
            [
                "Die Feuerwehr war am Montagabend mit einem Großaufgebot vor Ort und löschte den Brand "
                "in der Lagerhalle nach mehreren Stunden, wie ein Sprecher der Stadt am Dienstag mitteilte."
            ],
        ),
        # a long paragraph is an article body glued after a credit
        (
            "Foto: dpa. Die Feuerwehr war am Montagabend mit einem Großaufgebot vor Ort und "
            "löschte den Brand in der Lagerhalle nach mehreren Stunden, wie ein Sprecher der "
            "Stadt am Dienstag mitteilte, die Ursache ist noch völlig unklar und wird nun von "
            "der Kriminalpolizei untersucht.",
            [
                "Die Feuerwehr war am Montagabend mit einem Großaufgebot vor Ort und löschte den "
                "Brand in der Lagerhalle nach mehreren Stunden, wie ein Sprecher der Stadt am "
                "Dienstag mitteilte, die Ursache ist noch völlig unklar und wird nun von der "
                "Kriminalpolizei untersucht."
            ],
        ),
    ],
)
def test_a_short_paragraph_opening_with_furniture_is_dropped_whole(paragraph: str, kept: list[str]) -> None:
    body = "A fire destroyed a warehouse in the port district on Monday night.\n" + paragraph
    language = "de" if paragraph.startswith("Foto") else "en"
    article = Article(article_id="a", source="s", body=body, language=language)
    assert [s.text for s in draft(article, AnalysisConfig()).sentences][1:] == kept


@pytest.mark.parametrize(
    ("paragraph", "language", "kept"),
    [
        ("Planning a cruise this summer? Sign up for our weekly Travel Deals newsletter.", "en", []),
        ("Sie möchten täglich die wichtigsten News? Abonnieren Sie unseren Newsletter.", "de", []),
        ("Vous avez été témoin de l'incendie ? Contactez notre rédaction.", "fr", []),
        # a question the article answers is news
        (
            "Why did the dam fail? Engineers say the spillway was blocked.",
            "en",
            ["Why did the dam fail?", "Engineers say the spillway was blocked."],
        ),
    ],
)
def test_a_question_to_the_reader_that_leads_into_furniture_is_furniture(
    paragraph: str, language: str, kept: list[str]
) -> None:
    body = "A fire destroyed a warehouse in the port district on Monday night.\n" + paragraph
    article = Article(article_id="a", source="s", body=body, language=language)
    assert [s.text for s in draft(article, AnalysisConfig()).sentences][1:] == kept


@pytest.mark.parametrize(
    ("paragraph", "language", "kept"),
    [
        (
            "Leserforum „Wohnen in Leipzig“ am 24. März, 19 Uhr, im Verlagshaus. Jetzt kostenlos anmelden!",
            "de",
            [],
        ),
        ("LIVE – Diretta aggiornata alle 21:10. Ricarica la pagina per gli ultimi aggiornamenti.", "it", []),
        ("Article publié en partenariat avec Ouest-France. Toute reproduction interdite.", "fr", []),
        # a count before the furniture is news the furniture was glued to
        (
            "Twelve people were injured. Follow us on Facebook.",
            "en",
            ["Twelve people were injured."],
        ),
        # so is a sentence longer than a widget's lead-in
        (
            "The mayor said the old bridge would stay shut until engineers had inspected it. Follow us on X.",
            "en",
            ["The mayor said the old bridge would stay shut until engineers had inspected it."],
        ),
    ],
)
def test_a_short_paragraph_closing_with_furniture_is_dropped_whole(
    paragraph: str, language: str, kept: list[str]
) -> None:
    body = "A fire destroyed a warehouse in the port district on Monday night.\n" + paragraph
    article = Article(article_id="a", source="s", body=body, language=language)
    assert [s.text for s in draft(article, AnalysisConfig()).sentences][1:] == kept


def test_a_caption_names_the_story_but_claims_and_counts_nothing() -> None:
    body = (
        "Three people died when a fire destroyed a warehouse in the port of Livorno on Monday night.\n"
        "Firefighters at the warehouse where three workers died, on Monday. © Luca Bruni / Agenzia Nord\n"
        "The cause of the fire is not yet known, the fire brigade said on Tuesday."
    )
    article = Article(article_id="a", source="s", body=body, language="en")
    sentences = draft(article, AnalysisConfig()).sentences
    caption = sentences[1]
    assert caption.text == "Firefighters at the warehouse where three workers died, on Monday."
    assert not caption.claimable and caption.figures == ()
    assert sentences[0].figures and sentences[2].claimable
    assert all("©" not in s.text for s in sentences)


_BLAST = (
    "A gas explosion tore through a tower block in Lodz on Sunday, killing three people.\n\n"
    "Firefighters evacuated 120 residents, the city said."
)


@pytest.mark.parametrize(
    "tail",
    [
        "\n\nWhy old gas pipes are a hidden danger in tower blocks\n\nCity orders checks after leaks",
        "\n\nMore on this story\n\nWhy old gas pipes are a hidden danger\n\nCity orders checks after leaks"
        "\n\nSign up to our free daily newsletter",
    ],
)
def test_links_to_other_stories_closing_a_body_are_dropped(tail: str) -> None:
    """Two headline-shaped lines after the last statement, with or without a header: links."""
    article = Article(article_id="a", source="s", body=_BLAST + tail, language="en")
    texts = [s.text for s in draft(article, AnalysisConfig()).sentences]
    assert texts[-1] == "Firefighters evacuated 120 residents, the city said."
    assert not any("gas pipes" in t or "orders checks" in t for t in texts)


def test_a_body_of_headlines_alone_keeps_them() -> None:
    """A title-only update (its body the headline again, then a subhead) has no list of links."""
    body = "Lodz blast: toll rises to four\n\nRescuers find a fourth body in the rubble"
    article = Article(article_id="a", source="s", body=body, language="en")
    assert len(draft(article, AnalysisConfig()).sentences) == 2


def test_a_trade_named_anywhere_in_the_article_makes_its_group_word_a_trades_workers() -> None:
    """ "mineurs" are minors, or miners beside a mine: in a report of a mine blast, the
    sentence "Six mineurs sont toujours portés disparus" counts miners, not children."""
    body = (
        "Un coup de grisou a tué huit personnes dans la mine de Valréas lundi.\n"
        "Six mineurs sont toujours portés disparus, selon la préfecture."
    )
    mine = draft(Article(article_id="a", source="s", body=body, language="fr"), AnalysisConfig())
    assert [f.measure for f in mine.sentences[1].figures] == ["missing"]
    school = "Un incendie a touché un internat lundi.\nSix mineurs sont toujours portés disparus."
    minors = draft(Article(article_id="b", source="s", body=school, language="fr"), AnalysisConfig())
    assert [f.measure for f in minors.sentences[1].figures] == ["children missing"]
