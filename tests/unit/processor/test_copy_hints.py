"""The intake's copy hints: an earlier exact or same-language near copy, nothing else."""

from datetime import UTC, datetime

from schemas import Article
from services.analysis.config import AnalysisConfig
from services.analysis.prepare import Draft, draft
from services.processor.copy_hints import CopyHints

CONFIG = AnalysisConfig()
STORY = (
    "Floods forced thousands of residents from their homes in the river valley on Sunday. "
    "At least 12 people were killed and 40 injured, the regional governor said. "
    "Rescue teams in boats reached families stranded on rooftops across the valley. "
    "The river rose three metres overnight after a week of heavy rain in the hills. "
    "Schools and the main hospital were evacuated as the water reached the town centre."
)


def drafted(article_id: str, body: str = STORY, language: str = "en") -> Draft:
    article = Article(
        article_id=article_id, source="Wire", body=body, language=language,
        published_at=datetime(2025, 3, 1, tzinfo=UTC),
    )  # fmt: skip
    return draft(article, CONFIG)


def test_a_later_repost_and_a_near_copy_are_hinted() -> None:
    hints = CopyHints(CONFIG)
    hints.add(drafted("a"), "run:1")
    assert hints.is_copy(drafted("b"), "run:2")
    near = STORY.replace("Rescue teams in boats", "Rescuers in boats") + " Subscribe to our newsletter."
    assert hints.is_copy(drafted("c", near), "run:3")


def test_what_the_global_step_might_not_call_a_copy_is_not_hinted() -> None:
    hints = CopyHints(CONFIG)
    hints.add(drafted("a"), "run:5")
    assert not hints.is_copy(drafted("b"), "run:4")  # published before its "original"
    assert not hints.is_copy(drafted("a"), "run:6")  # the same article again: a re-delivery
    assert not hints.is_copy(drafted("b", STORY.replace("At least 12", "At least 19")), "run:6")  # new figure
    near = STORY.replace("Rescue teams in boats", "Rescuers in boats")
    assert hints.is_copy(drafted("b", near), "run:6")
    assert not hints.is_copy(drafted("b", near, "de"), "run:6")  # a near copy in its own language only
    assert not hints.is_copy(drafted("b", "Voters elected a new mayor on Sunday in the capital."), "run:6")


def test_without_a_shared_numbering_the_order_of_sending_counts() -> None:
    hints = CopyHints(CONFIG)
    hints.add(drafted("a"), None)
    assert hints.is_copy(drafted("b"), None)
    assert hints.is_copy(drafted("b"), "run:1")
    hints.add(drafted("c"), "run:7")
    assert hints.is_copy(drafted("d"), "again:0")  # a feed published again


def test_only_the_most_recent_drafts_are_kept() -> None:
    hints = CopyHints(CONFIG, kept=2)
    for n, article_id in enumerate(("a", "x", "y")):
        body = STORY if article_id == "a" else f"Unrelated report {article_id} about a local council vote."
        hints.add(drafted(article_id, body), f"run:{n}")
    assert len(hints) == 2
    assert not hints.is_copy(drafted("b"), "run:9")  # "a" was forgotten
    hints.add(drafted("a"), "run:10")
    hints.add(drafted("a"), "run:11")  # the same id again replaces its entry
    assert len(hints) == 2 and hints.is_copy(drafted("b"), "run:12")


def test_ordinary_wire_edits_are_hinted_and_a_new_count_is_not() -> None:
    paragraphs = STORY.replace(". ", ".\n").split("\n")
    hints = CopyHints(CONFIG)
    hints.add(drafted("a", "\n".join(paragraphs)), "run:1")
    edited = [p.replace("At least 12 people", "At least twelve people") for p in paragraphs]
    dropped = edited[:3] + edited[4:]  # "The river rose three metres" left out
    assert hints.is_copy(drafted("b", "\n".join(dropped)), "run:2")
    recount = [p.replace("At least 12 people", "At least 14 people") for p in paragraphs]
    assert not hints.is_copy(drafted("c", "\n".join(recount[:3] + recount[4:])), "run:3")
