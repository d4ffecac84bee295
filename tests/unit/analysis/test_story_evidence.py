"""Named evidence for the story decision, on invented places and people."""

from collections.abc import Iterable

from services.analysis.story_evidence import Identity, StoryNames, identity_of


def _identity(marks: Iterable[str], headline: Iterable[str] = (), places: Iterable[str] = ()) -> Identity:
    """An article naming `marks` (its headline's names are marks too)."""
    return Identity(frozenset(marks) | frozenset(headline), frozenset(headline), frozenset(places))


LOMARA = _identity({"versa", "alina", "dores", "monda"}, headline={"lomar"}, places={"lomar", "caste"})
TARVELLO = _identity({"sena", "paul", "hessn", "monda"}, headline={"tarve"}, places={"tarve"})


def test_the_identity_holds_places_the_headline_names_and_codes(make_prepared) -> None:
    article = make_prepared(
        "a",
        "Coach overturns on the A93 near Lomara\n"
        "One passenger died when a coach overturned on Saturday near Lomara, police said.\n"
        "Driver Paul Hessner was taken to hospital in Castelbrun.",
    )
    identity = identity_of(article)
    assert identity.headline == {"a93", "lomar"}  # not "Coach": the first word is capitalised by grammar
    assert {"a93", "lomar", "paul", "hessn", "caste"} <= identity.marks
    assert "93" not in identity.marks  # a bare number is most often a count: only codes identify
    assert identity.places == {"lomar", "caste"}


def test_a_similar_article_naming_other_places_does_not_join() -> None:
    names = StoryNames()
    names.add("lomara", LOMARA)
    assert not names.may_join(TARVELLO, "lomara", stale=False)
    follow_up = _identity({"caste", "tuesd"}, headline={"alina"}, places={"caste"})
    assert names.may_join(follow_up, "lomara", stale=False)  # a shared place links
    by_headline = _identity({"lomar", "ermit"}, places={"ermit"})  # names the story's headline place
    assert names.may_join(by_headline, "lomara", stale=False)


def test_without_places_on_both_sides_nothing_conflicts_until_the_story_is_stale() -> None:
    names = StoryNames()
    names.add("lomara", LOMARA)
    unnamed = _identity({"tuesd"})
    assert names.may_join(unnamed, "lomara", stale=False)
    assert not names.may_join(unnamed, "lomara", stale=True)
    assert names.may_join(_identity({"lomar"}), "lomara", stale=True)  # names the story: it links


def test_what_several_live_stories_name_links_none_of_them() -> None:
    names = StoryNames()
    names.add("lomara", LOMARA)
    names.add("other", _identity({"tarve"}, places={"tarve"}))  # another story that named Tarvello
    tarvello_in_lomara = _identity({"tarve"}, headline={"tarve"}, places={"tarve"})
    names.add("lomara", _identity({"tarve"}, places={"tarve"}))  # a Lomara article mentioned Tarvello
    assert not names.may_join(tarvello_in_lomara, "lomara", stale=True)
    names.drop("other")  # evicted: Tarvello is Lomara's own name again
    assert names.may_join(tarvello_in_lomara, "lomara", stale=True)
