"""Claims and figure changes against a story's memory, on an invented story."""

import random

import pytest

from services.analysis import story_state
from services.analysis.config import AnalysisConfig
from services.analysis.story_evidence import name_key
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
    novelty = _first(memory, make_prepared("a", FIRST))
    assert novelty.claims == () and novelty.figure_changes == ()
    assert len(memory.known) > 0 and memory.slots


def test_update_raises_the_new_claim_and_the_changed_toll_only(make_prepared) -> None:
    memory = StoryMemory("s", "Floods")
    _first(memory, make_prepared("a", FIRST))
    novelty = _then(memory, make_prepared("b", UPDATE))
    assert any("dam" in claim for claim in novelty.claims)
    assert not any("boats" in claim for claim in novelty.claims)  # a paraphrase is not news
    assert not any("Discover more" in claim for claim in novelty.claims)
    changes = [(c.measure, c.previous.value, c.current.value) for c in novelty.figure_changes]
    assert changes == [("killed", 12.0, 19.0)]
    assert novelty.figure_changes[0].previous.qualifier == "at_least"


def test_restating_the_same_figures_in_other_words_is_no_change(make_prepared) -> None:
    memory = StoryMemory("s", "Floods")
    _first(memory, make_prepared("a", FIRST))
    restated = make_prepared(
        "b", "The governor said twelve people had died and forty were hurt in the floods."
    )
    novelty = _then(memory, restated)
    assert novelty.figure_changes == ()


# --- one running value per measure ---------------------------------------------------------


def _first(memory: StoryMemory, prepared):  # type: ignore[no-untyped-def]
    """The story's first article: it seeds the memory."""
    return absorb(memory, prepared, AnalysisConfig(), first=True)


def _then(memory: StoryMemory, prepared):  # type: ignore[no-untyped-def]
    """A later article of the story, compared with what it said."""
    return absorb(memory, prepared, AnalysisConfig(), first=False)


def _changes(novelty) -> list[tuple[str, float, float]]:  # type: ignore[no-untyped-def]
    return [(c.measure, c.previous.value, c.current.value) for c in novelty.figure_changes]


def test_a_reading_in_another_language_and_phrasing_updates_the_same_value(make_prepared) -> None:
    memory = StoryMemory("s", "Quake")
    first = make_prepared(
        "a",
        "An earthquake struck the hill town of Varno on Monday.\n"
        "More than two hundred people were injured, officials said.",
    )
    _first(memory, first)
    french = make_prepared(
        "b",
        "Le séisme a frappé la ville de Varno lundi.\n"
        "Plus de 240 personnes ont été blessées, selon la préfecture.",
        language="fr",
    )
    assert _changes(_then(memory, french)) == [("injured", 200.0, 240.0)]


def test_an_older_value_repeated_by_a_slow_outlet_is_not_news(make_prepared) -> None:
    memory = StoryMemory("s", "Floods")
    _first(memory, make_prepared("a", "Floods hit the valley.\nAt least 12 people were killed."))
    _then(memory, make_prepared("b", "The death toll from the floods rose to 19 on Monday."))
    stale = make_prepared("c", "Twelve people were killed in the floods, a regional paper reported.")
    assert _changes(_then(memory, stale)) == []


def test_a_count_in_a_newly_named_place_keeps_its_own_value(make_prepared) -> None:
    memory = StoryMemory("s", "Floods")
    _first(memory, make_prepared("a", "Floods hit Varna province on Sunday.\n63 people have died."))
    elsewhere = make_prepared("b", "In the neighbouring province of Lomo, four people died in the floods.")
    assert _changes(_then(memory, elsewhere)) == []
    later = make_prepared("c", "In Lomo province, six people have now died, officials said.")
    assert _changes(_then(memory, later)) == [("killed", 4.0, 6.0)]
    main = make_prepared("d", "The death toll from the floods rose to 70 on Tuesday.")
    assert _changes(_then(memory, main)) == [("killed", 63.0, 70.0)]


def test_a_lower_count_beside_the_article_s_own_toll_is_a_part_not_a_fall(make_prepared) -> None:
    memory = StoryMemory("s", "Surfers")
    _first(memory, make_prepared("a", "Five surfers died off the Dutch coast on Monday, police said."))
    parts = make_prepared(
        "b",
        "Surfing tragedy off the Dutch coast\n"
        "Five people died while surfing off the coast, police said.\n"
        "Three surfers were found dead on Tuesday morning.",
    )
    assert _changes(_then(memory, parts)) == []
    alone = make_prepared("c", "Police now say four surfers died; a fifth death had been wrongly reported.")
    assert _changes(_then(memory, alone)) == [("killed", 5.0, 4.0)]


@pytest.mark.parametrize(
    ("title", "first", "update", "change"),
    [
        pytest.param(
            "Kidnapping",
            "Eight aid workers were abducted near Kiwanja on Wednesday.",
            "Six aid workers were abducted in the Rutshuru territory on Wednesday, the charity said, "
            "correcting earlier reports.",
            ("aid workers kidnapped", 8.0, 6.0),
            id="a lower count that corrects the story updates it even where it names a new place",
        ),
        pytest.param(
            "Ferry",
            "A ferry capsized off the coast.\n15 people are missing.",
            "Ferry disaster: two missing found alive\n"
            "The number of people missing has been revised to 13, the coast guard said.",
            ("missing", 15.0, 13.0),
            id="a headline does not override what the text states",
        ),
        pytest.param(
            "Ferry",
            "A ferry capsized off the coast of Vetrana.\n15 people are missing, the coast guard said.",
            "Twelve people are still missing, a coast guard spokesman, Nikos Alexiou, said.",
            ("missing", 15.0, 12.0),
            id="a person named beside a lower count names no place it is counted in",
        ),
    ],
)
def test_a_revised_count_updates_the_story(
    make_prepared, title: str, first: str, update: str, change: tuple[str, float, float]
) -> None:
    memory = StoryMemory("s", title)
    _first(memory, make_prepared("a", first))
    assert _changes(_then(memory, make_prepared("b", update))) == [change]


def test_a_short_sentence_restating_known_counts_is_no_claim(make_prepared) -> None:
    memory = StoryMemory("s", "Ferry")
    _first(
        memory,
        make_prepared(
            "a",
            "A ferry capsized off the coast of Vetrana on Friday.\n"
            "Eight people are still missing, the coast guard said.",
        ),
    )
    note = make_prepared("b", "Huit personnes sont toujours portées disparues.", language="fr")
    assert _then(memory, note).claims == ()


def test_a_german_restatement_is_no_claim_for_its_capitalised_nouns_but_a_new_place_is(
    make_prepared,
) -> None:
    """German capitalises every noun: "Anwohner" names nothing, "Celje" does."""

    def story() -> StoryMemory:
        memory = StoryMemory("s", "Fire")
        _first(
            memory,
            make_prepared(
                "a",
                "A forest fire broke out near Orsanna on Monday.\n"
                "About 1,400 residents were evacuated, the prefecture said.",
            ),
        )
        return memory

    note = make_prepared("b", "Rund 1.400 Anwohner mussten evakuiert werden.", language="de")
    assert _then(story(), note).claims == ()
    elsewhere = make_prepared("c", "In Celje mussten rund 1.400 Anwohner evakuiert werden.", language="de")
    assert _then(story(), elsewhere).claims != ()


# --- memory for a story's whole life ---------------------------------------------------------

WHO = (
    "The mayor",
    "A union leader",
    "The fire chief",
    "A hospital spokeswoman",
    "The interior minister",
    "A local farmer",
    "The weather service",
    "An insurance company",
    "The railway operator",
    "A school principal",
    "The Red Cross",
    "A geologist",
)
DID = (
    "warned about",
    "criticised",
    "praised",
    "announced new funding for",
    "asked questions about",
    "described",
    "promised to rebuild",
    "inspected",
    "closed",
    "reopened",
)
WHAT = (
    "the old stone bridge",
    "the hospital in the north",
    "the levee near the harbour",
    "the main railway line",
    "the primary school",
    "the sewage plant",
    "the football stadium",
    "the power station",
    "the village church",
    "the market square",
    "the motorway junction",
    "the ferry terminal",
)
ANCHOR = "Rescue crews have been searching the collapsed warehouse on the eastern bank since Sunday."
LATE = "A court in the provincial capital opened an inquiry into how the levee was maintained."


def test_a_long_story_keeps_learning_and_raises_no_claim_for_a_restated_sentence(make_prepared) -> None:
    """300 articles, three new statements each: far more than memory holds, so the least
    recently matched are dropped.  A fact restated now and then stays known however old it
    is, and a fact first told late in the story is known when it is repeated."""
    statements = [f"{who} {did} {what}." for who in WHO for did in DID for what in WHAT]
    random.Random(7).shuffle(statements)
    memory = StoryMemory("s", "Floods")
    _first(memory, make_prepared("a0", "Floods hit the river valley on Sunday."))
    raised: list[tuple[int, str]] = []
    for n in range(1, 300):
        body = statements[3 * n : 3 * n + 3]
        if n % 10 == 1:
            body.append(ANCHOR)
        if n >= 249:
            body.append(LATE)
        novelty = _then(memory, make_prepared(f"a{n}", "\n".join(body)))
        raised += [(n, c) for c in novelty.claims if c in (ANCHOR, LATE)]
    assert raised == [(1, ANCHOR), (249, LATE)]  # each told once as news, never again
    assert len(memory.known) == story_state.MAX_KNOWN_SENTENCES  # memory was full: old rows went


def test_a_count_said_of_another_story_s_place_is_not_this_story_s_change(make_prepared) -> None:
    """ "In Tarvello, where another flood struck, 30 people were killed" in an article of this
    story: with Tarvello a main place of another live story (the index says so:
    `elsewhere`), the 30 moves nothing here; without that knowledge it reads as this
    story's new toll."""
    aside = (
        "Rescue teams in boats reached villages that the floods had cut off.\n"
        "In Tarvello, where another flood struck on Monday, 30 people were killed."
    )
    for elsewhere, expected in (
        (frozenset({name_key("Tarvello")}), []),
        (frozenset(), [("killed", 12.0, 30.0)]),
    ):
        memory = StoryMemory("s", "Floods")
        _first(memory, make_prepared("a", FIRST))
        novelty = absorb(
            memory, make_prepared("b", aside), AnalysisConfig(), first=False, elsewhere=elsewhere
        )
        assert [(c.measure, c.previous.value, c.current.value) for c in novelty.figure_changes] == expected


def _after_tarvello(make_prepared, first: str, text: str):  # type: ignore[no-untyped-def]
    """`text` in a story whose first article is `first`, with Tarvello another live story's place."""
    memory = StoryMemory("s", "Floods")
    _first(memory, make_prepared("a", first))
    elsewhere = frozenset({name_key("Tarvello")})
    return absorb(memory, make_prepared("b", text), AnalysisConfig(), first=False, elsewhere=elsewhere)


def test_every_count_of_a_sentence_recalling_another_story_is_said_of_its_places(make_prepared) -> None:
    """ "…, a day after floods in Tarvello, where 2 died and 3,400 were evacuated": the 3,400 stands
    after the place its sentence recalls, yet is that event's count too."""
    aside = "The floods came a day after a river burst its banks in Tarvello, where two died and 3,400 fled."
    first = FIRST + "\nAbout 1,200 residents were forced to leave their homes."
    assert _after_tarvello(make_prepared, first, aside).figure_changes == ()


def test_a_count_before_the_words_recalling_another_event_is_this_story_s(make_prepared) -> None:
    """ "Floods in the valley killed 15 people on Sunday, a day after a river burst its banks in
    Tarvello": the 15 stands before the recall, so the other event's place does not claim it;
    the count after the recall (in Tarvello, where two died) is still that event's."""
    recall = (
        "Floods in the river valley killed 15 people on Sunday, a day after a river burst its banks "
        "in Tarvello, where two died."
    )
    assert _changes(_after_tarvello(make_prepared, FIRST, recall)) == [("killed", 12.0, 15.0)]


def test_a_hospital_or_school_named_in_capitals_is_no_other_place(make_prepared) -> None:
    """ "Au CHRR de Miarinarivo, … redescendu à 89": the hospital's acronym after "au" is where
    the count was taken, not another place whose count would be a part of the story's."""
    memory = StoryMemory("s", "Intoxication")
    first = "Après une intoxication à la cantine d'un collège, 147 élèves ont été hospitalisés lundi."
    _first(memory, make_prepared("a", first, language="fr"))
    update = "Au CHRR de Miarinarivo, 89 élèves étaient encore hospitalisés mardi soir."
    novelty = absorb(memory, make_prepared("b", update, language="fr"), AnalysisConfig(), first=False)
    assert [(c.previous.value, c.current.value) for c in novelty.figure_changes] == [(147.0, 89.0)]


def test_an_older_value_is_news_again_when_the_count_is_said_to_be_corrected(make_prepared) -> None:
    """ "Die Polizei hat die Zahl der Toten nach unten korrigiert: zwei, nicht drei" returns
    to a value the story held; the correction says it is news, a plain repeat does not."""
    for text, expected in (
        ("The death toll was corrected to 12 after a recount.", [("killed", 19.0, 12.0)]),
        ("Twelve people were killed in the floods, a regional paper reported.", []),
    ):
        memory = StoryMemory("s", "Floods")
        _first(memory, make_prepared("a", "Floods hit the valley.\nAt least 12 people were killed."))
        _then(memory, make_prepared("b", "The death toll from the floods rose to 19 on Monday."))
        assert _changes(_then(memory, make_prepared("c", text))) == expected


def test_a_sentence_that_moves_a_count_and_says_something_new_is_also_a_claim(make_prepared) -> None:
    """The embedding sits on the sentence a count update rewrites; words the story never used
    beside the new count are news of their own."""
    memory = StoryMemory("s", "Floods")
    lead = "Five people died in the floods in the Ravèze valley on Monday night, the prefecture said."
    _first(memory, make_prepared("a", lead))
    plain = make_prepared("b", lead.replace("Five", "Seven"))
    assert _then(memory, plain).claims == ()
    news = make_prepared(
        "c",
        "Nine people died in the floods in the Ravèze valley, the prefecture said, as forecasters "
        "lifted the regional weather warning.",
    )
    novelty = _then(memory, news)
    assert _changes(novelty) == [("killed", 7.0, 9.0)]
    assert novelty.claims == (news.sentences[0].text,)


def test_people_told_to_leave_their_homes_and_evacuees_are_one_count(make_prepared) -> None:
    """A story that first counts those "forced to leave their homes" (displaced) and later its
    evacuees moves one value, and names it evacuated; either way round."""
    memory = StoryMemory("s", "Fire")
    first = make_prepared(
        "a",
        "A forest fire raged near the village of Varno on Monday.\n"
        "About 600 people were forced to leave their homes, the prefect said.",
    )
    _first(memory, first)
    later = make_prepared(
        "b",
        "The forest fire near Varno spread overnight.\n"
        "More than 1,000 residents have been evacuated, officials said.",
    )
    assert _changes(_then(memory, later)) == [("evacuated", 600.0, 1000.0)]


def test_an_intensive_care_unit_is_no_new_place(make_prepared) -> None:
    """ "dos de ellas en la UCI": the unit of a hospital, not a place where a second count of
    the hospitalised is kept; the count falls from 23 to 11."""
    memory = StoryMemory("s", "Avalancha")
    first = (
        "Una avalancha en el estadio de Valdemora dejó 57 heridos.\n23 personas siguen ingresadas en Toledo."
    )
    _first(memory, make_prepared("a", first, language="es"))
    later = make_prepared("b", "Once personas permanecen ingresadas, dos de ellas en la UCI.", language="es")
    assert _changes(_then(memory, later)) == [("hospitalized", 23.0, 11.0)]


def test_a_count_that_becomes_a_part_after_the_article_moved_its_toll_is_read(make_prepared) -> None:
    """The article first corrects the toll up from one to six, then says two died in hospital:
    against six, two is a part (the neighbouring village's slot is closest), a slot the article's
    first look, made against the old toll, never saw.  It is read, not a crash."""
    memory = StoryMemory("s", "Cable car")
    _first(memory, make_prepared("a", "Five people died when a cable car fell near Gamskar."))
    _then(memory, make_prepared("b", "In the neighbouring village of Lenz, three people died."))
    _then(memory, make_prepared("c", "Police corrected the toll: one person died, not five."))
    later = make_prepared("d", "The toll was revised up to six dead.\nTwo people died in hospital.")
    assert ("killed", 1.0, 6.0) in _changes(_then(memory, later))


def test_a_count_told_of_a_group_updates_the_story_s_plain_count_of_the_same_people(make_prepared) -> None:
    """A school outbreak first counts "23 people in hospital", then "41 students": one count,
    told as the outlet names it, and the group's later counts follow it.  A smaller count of a
    group the story never tied to its count is a part of it, not a fall."""
    memory = StoryMemory("s", "Outbreak")
    first = make_prepared(
        "a",
        "Food poisoning at a boarding school in Varno sent dozens to hospital on Monday.\n"
        "Twenty-three people were taken to hospital after lunch, the health board said.",
    )
    _first(memory, first)
    later = make_prepared(
        "b",
        "The food poisoning outbreak at the Varno boarding school spread on Tuesday.\n"
        "Forty-one students are now in hospital, the health board said.",
    )
    assert _changes(_then(memory, later)) == [("students hospitalized", 23.0, 41.0)]
    fewer = make_prepared(
        "c",
        "Inspectors closed the kitchen of the Varno boarding school on Wednesday.\n"
        "Thirty-eight students remain in hospital, the health board said.",
    )
    assert _changes(_then(memory, fewer)) == [("students hospitalized", 41.0, 38.0)]
    part = make_prepared(
        "d",
        "Inspectors found the kitchen of the Varno boarding school dirty on Thursday.\n"
        "Nine women are among those in hospital, the health board said.",
    )
    assert _changes(_then(memory, part)) == []


def test_a_sentence_that_counts_what_the_story_never_counted_is_a_claim(make_prepared) -> None:
    """Its other words restate the story and it embeds near what the story said, but the
    arrests are a fact no earlier article told; the same toll restated alone is no claim."""
    memory = StoryMemory("s", "Floods")
    _first(memory, make_prepared("a", FIRST))
    restated = _then(
        memory, make_prepared("b", "At least 12 people were killed and 40 injured in the floods.")
    )
    assert restated.claims == ()
    counted = _then(
        memory,
        make_prepared(
            "c", "At least 12 people were killed and 40 injured in the floods, and two looters were arrested."
        ),
    )
    assert any("arrested" in claim for claim in counted.claims)


CRUISE = (
    "A norovirus outbreak has sickened 190 passengers and crew aboard the cruise ship Nordic Aurelia, "
    "which is being held in the port of Kiel, health authorities said on Monday.\n"
    "The ship will stay in port while it is cleaned."
)
HELD = (
    "The cruise ship Nordic Aurelia has been held in the port of Kiel since Monday because of a "
    "norovirus outbreak, health authorities said."
)


def test_a_headline_only_partly_like_the_story_with_words_of_its_own_is_a_claim(make_prepared) -> None:
    """A headline tells its article's news in a few words: "Cruise ship operator apologises to
    passengers quarantined in Kiel" embeds close to what the story said (it names nothing new)
    but three of its words are new to the story; a retitled restatement is no claim."""
    memory = StoryMemory("s", "Cruise")
    _first(
        memory, make_prepared("a", CRUISE, title="Norovirus outbreak sickens 190 on cruise ship held in Kiel")
    )
    retitled = make_prepared("b", HELD, title="Cruise ship held in Kiel after norovirus outbreak")
    assert _then(memory, retitled).claims == ()
    headline = "Cruise ship operator apologises to passengers quarantined in Kiel"
    news = make_prepared("c", HELD, title=headline)
    assert _then(memory, news).claims == (headline,)


def test_people_counted_by_nationality_are_parts_of_the_story_s_count(make_prepared) -> None:
    """ "Drei Italiener, zwei Franzosen und ein Spanier" are among the eight hostages: parts,
    each with its own running value, never the eight's new value.  One nationality alone may
    be the whole group, as any group is."""
    memory = StoryMemory("s", "Kidnapping")
    _first(memory, make_prepared("a", "Eight foreign engineers were kidnapped at a building site in Niger."))
    parts = make_prepared(
        "b", "The hostages are three Italians, two Frenchmen and a Spaniard, the company said."
    )
    assert _changes(_then(memory, parts)) == []
    alone = make_prepared("c", "Six Italian engineers are still held by the kidnappers, the company said.")
    assert _changes(_then(memory, alone)) == [("kidnapped", 8.0, 6.0)]


def test_counts_listed_place_by_place_keep_their_own_values(make_prepared) -> None:
    """ "38 in hospital: 15 in Seville, 12 in Córdoba and 11 in Jaén": each province's count is
    its own running value, which the next breakdown moves; the total is the story's."""
    memory = StoryMemory("s", "Heatwave")
    _first(
        memory,
        make_prepared(
            "a",
            "A heatwave hit Andalusia on Friday.\n"
            "Some 38 people are in hospital: 15 in Seville, 12 in Córdoba and 11 in Jaén.",
        ),
    )
    later = make_prepared(
        "b", "The number in hospital rose to 47 on Saturday: 15 in Seville, 20 in Córdoba and 12 in Jaén."
    )
    assert sorted(_changes(_then(memory, later))) == [
        ("hospitalized", 11.0, 12.0),
        ("hospitalized", 12.0, 20.0),
        ("hospitalized", 38.0, 47.0),
    ]


def test_counts_listed_after_a_colon_move_their_places_values_and_the_total(make_prepared) -> None:
    """A headline names the places of the total ("12 arrested in Milan and Rome"); the counts
    listed after the body's colon are each place's own, and the next list moves each."""
    memory = StoryMemory("s", "Strike")
    _first(
        memory,
        make_prepared(
            "a",
            "Strike protests: 12 arrested in Milan and Rome\n"
            "Police arrested 12 people on Saturday: seven in Milan and five in Rome.",
        ),
    )
    later = make_prepared("b", "Arrests rose to 14 on Sunday: eight in Milan and six in Rome.")
    assert sorted(_changes(_then(memory, later))) == [
        ("arrested", 5.0, 6.0),
        ("arrested", 7.0, 8.0),
        ("arrested", 12.0, 14.0),
    ]


def test_a_tally_over_a_period_keeps_its_own_value_apart_from_the_event_s_count(make_prepared) -> None:
    """Background statistics ("1,800 have died on the route so far this year") count many
    events: they neither move the story's toll nor are moved by it, but a later tally of
    the same period is a change of that tally."""
    memory = StoryMemory("s", "Shipwreck")
    _first(memory, make_prepared("a", "A migrant boat capsized off Lampedusa.\nNine people died."))
    background = make_prepared(
        "b", "More than 1,800 people have died or gone missing on the route so far this year, the IOM said."
    )
    assert _changes(_then(memory, background)) == []
    update = make_prepared("c", "The death toll from the shipwreck rose to 12 on Tuesday.")
    assert _changes(_then(memory, update)) == [("killed", 9.0, 12.0)]
    later = make_prepared("d", "Some 1,900 people have died on the route so far this year, the agency said.")
    assert _changes(_then(memory, later)) == [("killed", 1800.0, 1900.0)]


def test_a_copy_s_counts_seed_the_values_its_original_left_unread(make_prepared) -> None:
    """A translation states what its original stated, in words that may be read where the
    original's were not: its counts open the story's missing values, so the next update is a
    change; a copy never moves a value the story already holds (it may be an older version)."""
    memory = StoryMemory("s", "Shipwreck")
    _first(memory, make_prepared("a", "A boat sank off Lampedusa.\n48 migrants were rescued overnight."))
    copy = make_prepared(
        "b",
        "A boat sank off Lampedusa.\n48 migrants were rescued overnight.\nThree bodies have been recovered.",
    )
    story_state.seed_from_copy(memory, copy)
    stale = make_prepared("c", "A boat sank off Lampedusa.\n40 migrants were rescued, officials said first.")
    story_state.seed_from_copy(memory, stale)
    update = make_prepared("d", "Five people have died in the shipwreck, 48 migrants were rescued.")
    assert _changes(_then(memory, update)) == [("killed", 3.0, 5.0)]


def test_a_count_that_falls_back_to_a_value_it_once_had_is_a_change(make_prepared) -> None:
    """In hospital: 23, then 31, then 27, then 23 again as patients go home: the last move
    goes on the way the one before went, so it is news, not an old figure repeated; a slow
    outlet's 31 after 27 would turn the count back, and is not."""
    memory = StoryMemory("s", "Poisoning")
    _first(memory, make_prepared("a", "Food poisoning at a school canteen.\n23 children are in hospital."))
    for article_id, value in (("b", 31), ("c", 27)):
        text = f"Food poisoning at the school: {value} children are in hospital."
        _then(memory, make_prepared(article_id, text))
    stale = make_prepared("d", "Food poisoning at the school: 31 children are in hospital.")
    assert _changes(_then(memory, stale)) == []
    back = make_prepared("e", "Food poisoning at the school: 23 children are in hospital.")
    assert _changes(_then(memory, back)) == [("children hospitalized", 27.0, 23.0)]


def test_a_source_speaking_from_another_story_s_place_still_counts_here(make_prepared) -> None:
    """ "according to the interior ministry in Tarvello": the source speaks from there (the
    capital, say, where another story happens), but the count it gives is this story's."""
    text = "According to the interior ministry in Tarvello, the death toll from the floods has risen to 19."
    changes = _after_tarvello(make_prepared, FIRST, text).figure_changes
    assert [(c.measure, c.previous.value, c.current.value) for c in changes] == [("killed", 12.0, 19.0)]
