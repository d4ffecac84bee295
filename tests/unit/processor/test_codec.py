"""The processor's wire format must round-trip exactly: the stream recomputes nothing."""

from dataclasses import fields

import numpy as np

from services.analysis.config import AnalysisConfig
from services.analysis.duplicates import DuplicateMatch
from services.analysis.story_index import Assignment
from services.analysis.story_state import StoryMemory, absorb
from services.processor import codec

BODY = (
    "At least 12 people were killed and 40 injured when floods hit the valley, officials said.\n"
    "Rescue teams used boats to reach villages cut off by the water."
)


def test_prepared_article_round_trips_exactly(make_prepared) -> None:
    prepared = make_prepared("a", BODY)
    back = codec.prepared_from_dict(codec.loads(codec.dumps(codec.prepared_to_dict(prepared))))
    for field in fields(prepared):
        ours, theirs = getattr(prepared, field.name), getattr(back, field.name)
        if isinstance(ours, np.ndarray):
            assert ours.dtype == theirs.dtype and np.array_equal(ours, theirs), field.name
        else:
            assert ours == theirs, field.name


def test_assignment_round_trips() -> None:
    assignment = Assignment(
        "story-1", False, "Floods", DuplicateMatch("a", "near", 0.91), 0.91, ("story-0",), frozenset({"GR-J"})
    )
    assert (
        codec.assignment_from_dict(codec.loads(codec.dumps(codec.assignment_to_dict(assignment))))
        == assignment
    )


def test_story_memory_round_trips(make_prepared) -> None:
    memory = StoryMemory("story-1", "Floods")
    absorb(memory, make_prepared("a", BODY), AnalysisConfig(), first=True)
    back = codec.memory_from_dict(codec.loads(codec.dumps(codec.memory_to_dict(memory))))
    assert np.array_equal(back.known, memory.known) and np.array_equal(back.recency, memory.recency)
    assert list(back.vocabulary) == list(memory.vocabulary)  # the order is the recency of use
    assert (back.places, back.articles) == (memory.places, memory.articles)
    assert back.slots == memory.slots


def test_a_story_s_tallies_and_group_names_round_trip(make_prepared) -> None:
    """A slot's group names and its period tally decide which slot a later reading updates."""
    memory = StoryMemory("story-1", "Shipwreck")
    absorb(memory, make_prepared("a", "A boat capsized.\nNine people died."), AnalysisConfig(), first=True)
    for article_id, text in [
        ("b", "More than 1,800 people have died on the route so far this year."),
        ("c", "Twelve migrants have died, officials said."),
    ]:
        absorb(memory, make_prepared(article_id, text), AnalysisConfig(), first=False)
    assert any(s.tally for s in memory.slots) and any(s.groups for s in memory.slots)
    back = codec.memory_from_dict(codec.loads(codec.dumps(codec.memory_to_dict(memory))))
    assert back.slots == memory.slots


def test_prepared_article_caches_its_lead_terms_and_reads_older_messages(make_prepared) -> None:
    """The lead's terms (for similarity) travel with the article; a message written before they
    were cached decodes with `terms=None`, and similarity then recomputes them."""
    prepared = make_prepared("a", BODY)
    doc = codec.loads(codec.dumps(codec.prepared_to_dict(prepared)))
    assert prepared.terms is not None and doc["terms"]["numbers"] == sorted(prepared.terms.numbers)
    del doc["terms"]["headline"]  # written before the headline was one of the cached sets
    assert codec.prepared_from_dict(doc).terms is None
    del doc["terms"]
    assert codec.prepared_from_dict(doc).terms is None
