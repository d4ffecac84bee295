"""Claims and figure changes against a story's memory, on an invented story."""

from services.analysis.config import AnalysisConfig
from services.analysis.story_state import StoryMemory, absorb

FIRST = (
    "Floods forced thousands of residents from their homes in the river valley on Sunday.\n"
    "At least 12 people were killed and 40 injured, the regional governor said.\n"
    "Rescue teams used boats to reach villages cut off by the water.\n"
    "Subscribe to get the latest posts sent to your email."
)
UPDATE = (
    "Rescue teams in boats reached villages that the floods had cut off.\n"
    "The death toll rose to 19, with 40 people injured, the regional governor said on Monday.\n"
    "Engineers warned that the Kessbach dam upstream could fail if the rain continued.\n"
    "Discover more from The Valley Courier"
)


def test_first_article_seeds_the_story_and_raises_nothing(make_prepared) -> None:
    memory = StoryMemory("s", "Floods")
    novelty = absorb(memory, make_prepared("a", FIRST), AnalysisConfig(), first=True)
    assert novelty.claims == () and novelty.figure_changes == ()
    assert len(memory.known) > 0 and memory.slots


def test_update_raises_the_new_claim_and_the_changed_toll_only(make_prepared) -> None:
    memory = StoryMemory("s", "Floods")
    absorb(memory, make_prepared("a", FIRST), AnalysisConfig(), first=True)
    novelty = absorb(memory, make_prepared("b", UPDATE), AnalysisConfig(), first=False)
    assert any("dam" in claim for claim in novelty.claims)
    assert not any("boats" in claim for claim in novelty.claims)  # a paraphrase is not news
    assert not any("Discover more" in claim for claim in novelty.claims)
    changes = [(c.measure, c.previous.value, c.current.value) for c in novelty.figure_changes]
    assert changes == [("killed", 12.0, 19.0)]
    assert novelty.figure_changes[0].previous.qualifier == "at_least"


def test_restating_the_same_figures_in_other_words_is_no_change(make_prepared) -> None:
    memory = StoryMemory("s", "Floods")
    absorb(memory, make_prepared("a", FIRST), AnalysisConfig(), first=True)
    restated = make_prepared(
        "b", "The governor said twelve people had died and forty were hurt in the floods."
    )
    novelty = absorb(memory, restated, AnalysisConfig(), first=False)
    assert novelty.figure_changes == ()
