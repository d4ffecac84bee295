"""The global step's decisions on invented articles (never the seeds)."""

from datetime import UTC, datetime

from services.analysis.config import AnalysisConfig
from services.analysis.prepare import draft_of, embed
from services.analysis.similarity import load_model
from services.analysis.story_evidence import identity_of
from services.analysis.story_index import StoryIndex, _placeless_retelling
from tests.unit.analysis.test_duplicates import STRIKE_EN, STRIKE_FR

FLOODS = (
    "Floods forced thousands of residents from their homes in the river valley on Sunday.\n"
    "At least 12 people were killed and 40 injured, the regional governor said."
)
FLOODS_LATER = (
    "The death toll from the valley floods rose to 19 on Monday, the regional governor said.\n"
    "Engineers warned that a dam upstream could fail if the rain continued."
)
ELECTION = (
    "Voters in the capital elected a new mayor on Sunday after a campaign dominated by housing costs.\n"
    "Turnout was the highest in two decades, the electoral commission said."
)
T0 = datetime(2025, 3, 1, tzinfo=UTC).timestamp()
# Two floods of one night, in two invented provinces: alike in every word but the names.
LOMARA = (
    "Flash floods kill five in the province of Lomara\n"
    "At least five people died and eight are missing after the Versa river burst its banks overnight "
    "in the province of Lomara, the prefecture said on Monday.\n"
    "Rescue teams evacuated 1,200 residents from Castelbrun and Oria, where streets were under two "
    "metres of water.\n"
    "Prefect Alina Dorescu said more rain was expected over the next two days."
)
TARVELLO = (
    "Flash floods kill three in the province of Tarvello\n"
    "At least three people died and six are missing after the Sena river burst its banks overnight "
    "in the province of Tarvello, emergency services said on Monday.\n"
    "Rescue teams evacuated 900 residents from Mirande and Belcourt, where streets were under a metre "
    "of water.\n"
    "Governor Paul Hessner said more rain was expected over the next two days."
)
LOMARA_LATER = (
    "Death toll from the Lomara floods rises to seven\n"
    "Two more bodies were found on Tuesday near Castelbrun, bringing the death toll from the floods in "
    "the province of Lomara to seven, the prefecture said.\n"
    "Prefect Alina Dorescu said three people were still missing and that the Versa river was slowly receding."
)
LOMARA_FR = (
    "Inondations dans la province de Lomara : l'état de catastrophe naturelle reconnu\n"
    "Le gouvernement a reconnu mercredi l'état de catastrophe naturelle pour douze communes de la "
    "province de Lomara, touchées dans la nuit de dimanche à lundi par la crue de la Versa.\n"
    "Les habitants de Castelbrun pourront demander des aides d'urgence dès jeudi, a précisé la préfète "
    "Alina Dorescu."
)
UNNAMED = (  # like a follow-up of either, naming nothing
    "Flash floods: two more bodies found\n"
    "Rescuers found two more bodies on Wednesday after the floods that hit the province overnight on "
    "Sunday, emergency services said.\n"
    "More rain was expected over the next two days, and residents were told to stay away from the river."
)


def test_a_redelivered_article_gets_its_first_decision(make_prepared) -> None:
    index = StoryIndex(AnalysisConfig(), load_model())
    first = index.assign(make_prepared("a", FLOODS), T0)
    again = index.assign(make_prepared("a", FLOODS), T0 + 60)
    assert again.duplicate is None and again.story_id == first.story_id and again.new_story
    copy = index.assign(make_prepared("b", FLOODS), T0 + 120)
    assert copy.duplicate is not None and copy.duplicate.original == "a"


def test_follow_up_joins_the_story_and_unrelated_starts_another(make_prepared) -> None:
    index = StoryIndex(AnalysisConfig(), load_model())
    floods = index.assign(make_prepared("a", FLOODS), T0)
    later = index.assign(make_prepared("b", FLOODS_LATER), T0 + 3600)
    other = index.assign(make_prepared("c", ELECTION), T0 + 7200)
    assert later.story_id == floods.story_id and not later.new_story
    assert other.new_story and other.story_id != floods.story_id


def test_the_same_kind_of_event_elsewhere_is_another_story(make_prepared) -> None:
    """Similar words do not make one story of two floods: the second names other places and
    nothing of the first.  Follow-ups that name the first flood's places join it."""
    model = load_model()
    index = StoryIndex(AnalysisConfig(), model)
    lomara, tarvello = make_prepared("a", LOMARA), make_prepared("b", TARVELLO)
    assert model.similarity(tarvello, lomara) >= model.same_story_threshold  # the words alone would merge
    first = index.assign(lomara, T0)
    other = index.assign(tarvello, T0 + 1800)
    assert other.new_story and other.story_id != first.story_id
    later = index.assign(make_prepared("c", LOMARA_LATER), T0 + 3600)
    translated = index.assign(make_prepared("d", LOMARA_FR, language="fr"), T0 + 5400)
    assert later.story_id == translated.story_id == first.story_id and translated.duplicate is None


def test_a_story_quiet_for_a_day_is_joined_only_by_an_article_that_names_it(make_prepared) -> None:
    model = load_model()
    unnamed = make_prepared("u", UNNAMED)
    assert model.similarity(unnamed, make_prepared("a", LOMARA)) >= model.same_story_threshold
    soon = StoryIndex(AnalysisConfig(), model)
    first = soon.assign(make_prepared("a", LOMARA), T0)
    assert soon.assign(unnamed, T0 + 3 * 3600).story_id == first.story_id  # no place contradicts it
    late = StoryIndex(AnalysisConfig(stale_story_hours=24.0), model)
    first = late.assign(make_prepared("a", LOMARA), T0)
    assert late.assign(unnamed, T0 + 30 * 3600).new_story
    named = late.assign(make_prepared("c", LOMARA_LATER), T0 + 31 * 3600)
    assert named.story_id == first.story_id


def test_idle_stories_are_evicted_after_the_window(make_prepared) -> None:
    config = AnalysisConfig(window_hours=1.0)
    index = StoryIndex(config, load_model())
    floods = index.assign(make_prepared("a", FLOODS), T0)
    later = index.assign(make_prepared("c", ELECTION), T0 + 2 * 3600)
    assert later.evicted == (floods.story_id,)
    assert len(index) == 1 and index.story_count == 1
    back = index.assign(make_prepared("b", FLOODS_LATER), T0 + 2 * 3600 + 60)
    assert back.new_story  # the old story is gone: its follow-up starts a new one


def test_an_untitled_story_takes_the_first_real_headline(make_prepared) -> None:
    index = StoryIndex(AnalysisConfig(), load_model())
    first = index.assign(make_prepared("a", FLOODS), T0)
    assert first.story_title.startswith(("Floods forced", "At least 12 people"))
    titled = make_prepared("b", "Valley floods: death toll rises to 19\n" + FLOODS_LATER)
    assert titled.title_given and titled.title == "Valley floods: death toll rises to 19"
    later = index.assign(titled, T0 + 3600)
    assert later.story_id == first.story_id and later.story_title == titled.title


def test_a_late_redelivery_is_recognised_after_its_story_left_the_window(make_prepared) -> None:
    index = StoryIndex(AnalysisConfig(window_hours=1.0), load_model())
    index.assign(make_prepared("a", FLOODS), T0)
    assert not index.is_retired(make_prepared("a", FLOODS))  # still in the window: a plain re-delivery
    index.assign(make_prepared("c", ELECTION), T0 + 2 * 3600)
    assert index.is_retired(make_prepared("a", FLOODS))
    assert not index.is_retired(make_prepared("a", FLOODS_LATER))  # a new version under the id
    assert not index.is_retired(make_prepared("c", ELECTION))


def test_a_repost_of_a_translation_is_an_exact_copy_found_without_vectors(make_prepared) -> None:
    index = StoryIndex(AnalysisConfig(), load_model())
    original = index.assign(make_prepared("en", STRIKE_EN), T0)
    translation = index.assign(make_prepared("fr", STRIKE_FR, language="fr"), T0 + 60)
    assert translation.duplicate is not None and translation.duplicate.method == "cross_lingual"
    repost = make_prepared("fr-again", STRIKE_FR, language="fr")
    match = index.copy_of(repost)  # what batch asks before it embeds anything
    assert match is not None and (match.original, match.method) == ("fr", "exact")
    assert index.assign(repost, T0 + 120).story_id == original.story_id


def test_a_copy_whose_original_leaves_before_it_is_assigned_starts_a_story(make_prepared) -> None:
    """Batch and the stream take a text for a copy (and skip its embedding) before `assign`,
    whose eviction may then remove the original: without vectors, it starts a story of its own."""
    index = StoryIndex(AnalysisConfig(max_stories=1), load_model())
    index.assign(make_prepared("a", FLOODS), T0)
    index.assign(make_prepared("c", ELECTION), T0 + 60)  # two stories: the next assign evicts the first
    repost = draft_of(make_prepared("b", FLOODS + "\nSign up for our newsletter."))
    assert index.copy_of(repost) is not None
    late = index.assign(embed(repost, None), T0 + 120)
    assert late.new_story and late.duplicate is None and late.evicted
    follow_up = index.assign(make_prepared("d", FLOODS_LATER), T0 + 180)  # not compared with "b": no vectors
    assert follow_up.duplicate is None


SPAIN_LOMARA = LOMARA.replace(
    "in the province of Lomara, the prefecture", "in the province of Lomara, in eastern Spain, the prefecture"
)
ITALY_TARVELLO = TARVELLO.replace(
    "in the province of Tarvello, emergency", "in the province of Tarvello, in northern Italy, emergency"
)
TARVELLO_NAMING_LOMARA = (
    "Tarvello floods: toll rises to four, a day after the deadly floods in Lomara\n"
    "The death toll from the floods in Tarvello, in northern Italy, rose to four on Tuesday, "
    "emergency services said, a day after five people died in Lomara.\n"
    "Governor Paul Hessner said the Sena river was slowly receding near Mirande."
)


def test_a_passing_mention_of_a_look_alike_story_does_not_take_the_article_there(make_prepared) -> None:
    """Both stories' places link to the follow-up, but only Tarvello's agree with all of it
    (Lomara is in another country than the one it names): it joins Tarvello, whichever story
    the words put first."""
    index = StoryIndex(AnalysisConfig(), load_model())
    lomara = index.assign(make_prepared("a", SPAIN_LOMARA), T0)
    tarvello = index.assign(make_prepared("b", ITALY_TARVELLO), T0 + 1800)
    assert tarvello.story_id != lomara.story_id
    follow_up = index.assign(make_prepared("c", TARVELLO_NAMING_LOMARA), T0 + 86_000)
    assert follow_up.story_id == tarvello.story_id


def test_a_repost_reworded_sentence_by_sentence_is_found_as_a_copy_in_the_index(make_prepared) -> None:
    """Few shingles survive a local site's rewording, so the MinHash bands do not nominate it;
    its gist is close enough that the index tries the copy test all the same."""
    from tests.unit.analysis.test_duplicates import FIRE_EN

    reworded = (
        "Firefighters fought a blaze on Tuesday at a warehouse storing chemicals in Valmora's port "
        "district, and nearby homes had to be evacuated.\n"
        "According to the regional health service, eight workers were hospitalised with breathing "
        "difficulties.\n"
        "As a precaution, some 600 residents spent the night in a sports hall, the mayor's office said.\n"
        "Police have launched an investigation; what caused the fire is not yet known.\n"
        "A spokesman said firefighters hoped to have the blaze under control by Wednesday morning."
    )
    index = StoryIndex(AnalysisConfig(), load_model())
    first = index.assign(make_prepared("a", "\n".join(FIRE_EN)), T0)
    repost = index.assign(make_prepared("b", reworded), T0 + 600)
    assert repost.duplicate is not None and repost.duplicate.original == "a"
    assert repost.story_id == first.story_id


RATE_CUT_DE = (
    "FRANKFURT (DNA) – Die Europäische Zentralbank (EZB) senkt ihren Einlagenzins um 0,25 "
    "Prozentpunkte auf 1,75 Prozent. Das teilte die Notenbank am Donnerstag nach der Sitzung ihres "
    "Rates in Frankfurt mit.\n\nEs ist die erste Zinssenkung seit mehr als einem Jahr. Die "
    "Währungshüter begründeten den Schritt mit der nachlassenden Inflation im Euroraum.\n\n"
    "Der Euro gab nach der Entscheidung um 0,4 Prozent auf 1,1630 Dollar nach."
)
RATE_CUT_EN = (
    "The European Central Bank cut its deposit rate by a quarter of a percentage point to 1.75% on "
    "Thursday, its first reduction in more than a year, as inflation in the eurozone slipped below "
    'its 2% target.\n\n"This is a dovish cut," said Clara Pfeiffer, chief European economist at '
    "Halberg Capital in London.\n\nThe euro fell 0.4% to $1.1630 after the announcement."
)


def test_a_close_retelling_whose_opening_names_no_place_joins_across_places_further_down(
    make_prepared,
) -> None:
    """The rate cut in Frankfurt, retold in English: its opening names no place, and "in London"
    (where an economist works) is no other event.  An opening that names a place keeps its
    places' say."""
    index = StoryIndex(AnalysisConfig(), load_model())
    first = index.assign(make_prepared("a", RATE_CUT_DE, language="de", title="EZB senkt Leitzins"), 0.0)
    retold = make_prepared("b", RATE_CUT_EN, title="ECB cuts rates to 1.75% and signals more easing")
    assert index.assign(retold, 60.0).story_id == first.story_id
    opening_on_london = make_prepared("c", "In London, the Bank of England cut its rate on Thursday.")
    assert not _placeless_retelling(identity_of(opening_on_london), 0.99, AnalysisConfig())


class _Scores:
    """A similarity model that answers from a table (article ids, in either order)."""

    same_story_threshold = 0.5

    def __init__(self, table: dict[tuple[str, str], float]) -> None:
        self.table = {**table, **{(b, a): s for (a, b), s in table.items()}}

    def similarity(self, a, b) -> float:  # type: ignore[no-untyped-def]
        return self.table.get((a.article_id, b.article_id), 0.0)


def test_of_two_linked_stories_scored_alike_the_one_whose_place_the_headline_names_wins(
    make_prepared,
) -> None:
    """A roundup of two tower fires joined the Saint-Aurel story and took Sombreval's names
    along; a Sombreval follow-up that recalls Saint-Aurel scores alike on both.  Its headline
    names Sombreval, the place the other story's articles name, so it joins that one."""
    scores = _Scores(
        {("b2", "b"): 0.9, ("c", "a"): 0.9, ("c", "b"): 0.6, ("d", "c"): 0.835, ("d", "b"): 0.833}
    )
    index = StoryIndex(AnalysisConfig(), scores)  # type: ignore[arg-type]
    aurel = index.assign(
        make_prepared("a", "Fire in a tower in Saint-Aurel kills three.", title="Fire in Saint-Aurel"), T0
    )
    sombreval = index.assign(
        make_prepared(
            "b",
            "Fire in a tower in Sombreval kills one.\nThe blaze hit the Tilleuls estate in Sombreval.",
            title="Fire in Sombreval",
        ),
        T0 + 60,
    )
    more = make_prepared(
        "b2", "Residents of the Tilleuls estate in Sombreval mourn.", title="Sombreval mourns"
    )
    assert index.assign(more, T0 + 90).story_id == sombreval.story_id
    roundup = make_prepared(
        "c", "Two tower fires in one night, in Saint-Aurel and in Sombreval.", title="Two tower fires"
    )
    assert index.assign(roundup, T0 + 120).story_id == aurel.story_id
    follow_up = make_prepared(
        "d",
        "Two people have now died after the fire at the Tilleuls estate in Sombreval, "
        "hours after the one in Saint-Aurel.",
        title="Fire in Sombreval: two dead",
    )
    assert index.assign(follow_up, T0 + 180).story_id == sombreval.story_id


def test_an_article_no_name_links_joins_only_at_the_join_similarity(make_prepared) -> None:
    """The model's pair threshold says two texts share a topic; an article that names
    nothing of a story joins it only at `same_story_similarity` (a derby riot scored 0.517
    with a prison-convoy ambush, both in Spanish with injured and arrests)."""
    scores = _Scores({("b", "a"): 0.52})
    for join, joins in ((0.5, True), (AnalysisConfig().same_story_similarity, False)):
        index = StoryIndex(AnalysisConfig(same_story_similarity=join), scores)  # type: ignore[arg-type]
        ambush = index.assign(make_prepared("a", "Gunmen ambushed a prison convoy, killing eight."), T0)
        riot = make_prepared("b", "Fans clashed with police after the derby; 14 were injured and six held.")
        assert (index.assign(riot, T0 + 60).story_id == ambush.story_id) is joins, join


def test_the_best_scoring_story_the_names_link_is_joined_at_a_lower_score(make_prepared) -> None:
    """A local paper's report of a hailstorm in Valdoria and the wire's of the same storm
    score 0.36: under `linked_story_similarity`, but the town links them and no other story
    is nearer, so the wire report joins (down to `best_linked_similarity`)."""
    scores = _Scores({("b", "a"): 0.36})
    for floor, joins in ((AnalysisConfig().best_linked_similarity, True), (0.4, False)):
        index = StoryIndex(AnalysisConfig(best_linked_similarity=floor), scores)  # type: ignore[arg-type]
        local = index.assign(
            make_prepared(
                "a", "Hail the size of golf balls fell on the market in Valdoria.", title="Hail in Valdoria"
            ),
            T0,
        )
        wire = make_prepared(
            "b", "A hailstorm injured 16 people in Valdoria, officials said.", title="16 hurt by hail"
        )
        assert (index.assign(wire, T0 + 3600).story_id == local.story_id) is joins, floor
