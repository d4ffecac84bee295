"""News digests: told by their headline or by paragraphs set in countries apart."""

from datetime import UTC, datetime

import pytest

from services.analysis.config import AnalysisConfig
from services.analysis.digests import is_digest, names_only_itself
from services.analysis.similarity import load_model
from services.analysis.story_evidence import identity_of
from services.analysis.story_index import StoryIndex

T0 = datetime(2025, 3, 1, tzinfo=UTC).timestamp()

ROUNDUP_BODY = (
    "Portugal: Firefighters contained two wildfires near Castelo Alto overnight.\n"
    "Algeria: Nine people were killed in a crush outside a stadium in Bordj Lamar.\n"
    "Colombia: Police freed the last hostages of a hijacked bus near Villa Serena.\n"
    "Italy: Three workers died in an explosion at a plant near Verano."
)


@pytest.mark.parametrize(
    ("title", "language"),
    [
        ("Morning Briefing: quake toll rises, rate decision day", "en"),
        ("Evening Europe briefing: farm protest ends with 31 arrests", "en"),
        ("Der Abend im Überblick: Streik, Hochwasser", "de"),
        ("Incendie à Lavaur, grève à Nantes : l'essentiel de la matinée", "fr"),
        ("Las noticias del día: huelga y riadas", "es"),
        ("Le notizie del giorno: sciopero, alluvione", "it"),
    ],
)
def test_a_headline_that_names_a_digest_makes_one(title: str, language: str) -> None:
    assert is_digest(title, "One paragraph about one event.", language)


def test_a_headline_listing_items_over_paragraphs_set_apart_makes_one() -> None:
    assert is_digest("Fires in Portugal, stadium crush in Algeria, bus siege ends", ROUNDUP_BODY, "en")
    # "A, B and C": the coordinator after the last comma closes a list of three
    assert is_digest("Fires in Portugal, stadium crush in Algeria and a bus siege", ROUNDUP_BODY, "en")
    assert not is_digest("Fires in Portugal and a stadium crush in Algeria", ROUNDUP_BODY, "en")


@pytest.mark.parametrize(
    ("title", "body"),
    [
        # one event abroad: its people come from several countries, but it lists no items
        (
            "Boat capsizes off Lampedusa: 22 rescued, three dead",
            "The boat had left Libya with migrants from Eritrea on board.\n"
            "Survivors from Sudan said it sank at dawn.\n"
            "Italy's coast guard searched for others from Somalia.",
        ),
        # a press briefing is no news digest
        ("Police briefing: two arrested after the Lomara blast", "Police briefed reporters on Monday."),
        # a list of counts in the headline, one country in the body
        (
            "Flood in Lomara: 12 dead, 40 injured, 300 evacuated",
            "Floods hit Spain's north.\nSpain sent troops.",
        ),
    ],
)
def test_one_event_is_no_digest(title: str, body: str) -> None:
    assert not is_digest(title, body, "en")


def test_a_digest_joins_the_story_it_leads_with_and_teaches_no_story_its_names(make_prepared) -> None:
    """The briefing names the flood first: it joins the flood, whichever story scores it
    higher; and the strike story, which it also names, learns none of the flood's names."""
    index = StoryIndex(AnalysisConfig(), load_model())
    flood = make_prepared(
        "flood",
        "Glacial lake flood kills 12 in Nepal's Sumdo valley\n"
        "A glacial lake burst its banks in Nepal's Sumdo valley on Monday night, killing 12 people.",
    )
    strike = make_prepared(
        "strike",
        "Workers strike at Hessler plant in Villanueva over job cuts\n"
        "Workers at the Hessler appliance plant in Villanueva, Spain, began an indefinite strike on "
        "Tuesday against 380 planned job cuts.",
    )
    briefing = make_prepared(
        "briefing",
        "Good morning.\n"
        "NEPAL FLOOD — Rescuers in Nepal's Sumdo valley resumed the search for 34 missing people.\n"
        "SPAIN STRIKE — Workers at the Hessler plant in Villanueva, Spain, enter the second day "
        "of their strike against 380 job cuts.\n"
        "FRANCE — Farmers blocked roads around Lyon, France.",
        title="Morning Briefing: Nepal flood search, Spanish factory strike, French farmers",
    )
    assert identity_of(briefing).digest
    flood_story = index.assign(flood, T0).story_id
    strike_story = index.assign(strike, T0 + 600).story_id
    assert index.assign(briefing, T0 + 1200).story_id == flood_story
    assert not index._names._stories[strike_story].marks & {"sumd", "nepal"}


@pytest.mark.parametrize(
    ("title", "language", "only_itself"),
    [
        ("Morning Briefing: Sunday, February 22", "en", True),
        ("Der Abend: Die Nachrichten des Tages", "de", True),
        ("Morning Brief: Bosporus reopens as search goes on; hail batters Andalusia", "en", False),
        (
            "Der Abend: Warnstreiks bei Kronwerk, Stadionunglück in Algerien, Waldbrand in Kalifornien",
            "de",
            False,
        ),
        (
            "Incendie à Gand, bilan alourdi à Liège, légionellose en Italie : l'essentiel de la matinée",
            "fr",
            False,
        ),
        ("Two dead in Lomara floods", "en", False),  # no digest
    ],
)
def test_a_digest_headline_listing_no_items_names_only_the_page(
    title: str, language: str, only_itself: bool
) -> None:
    """Its name and a date say what the page is, so the headline is no claim."""
    assert names_only_itself(title, language) is only_itself
