from bench.quality.corpus import GoldSentence
from bench.quality.feeds import match_sentence, quoted_whole

GOLD = [
    GoldSentence("a", 'The minister said: "There is no excuse for this.', "new"),
    GoldSentence("a", "It's a disgrace.\"", "new"),
    GoldSentence("a", "Police made three more arrests.", "known"),
]


def test_a_claim_quoting_several_gold_sentences_raises_each() -> None:
    """The splitter keeps a quotation of two sentences together; the annotator listed two."""
    claim = 'The minister said: "There is no excuse for this. It\'s a disgrace."'
    assert match_sentence(claim, GOLD) == GOLD[0]  # the longest it contains
    assert quoted_whole(claim, GOLD) == GOLD[:2]


def test_a_claim_that_only_overlaps_a_sentence_does_not_raise_it() -> None:
    assert quoted_whole("Police made three more arrests on Friday night.", GOLD) == [GOLD[2]]
    assert quoted_whole("Police made arrests.", GOLD) == []
