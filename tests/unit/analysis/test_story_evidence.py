"""Named evidence for the story decision, on invented places and people."""

from collections.abc import Iterable
from datetime import UTC, datetime

import pytest

from services.analysis.config import AnalysisConfig
from services.analysis.places import names_no_place
from services.analysis.similarity import load_model
from services.analysis.story_evidence import (
    Identity,
    StoryNames,
    Verdict,
    identity_of,
    keys,
    name_key,
    read,
    recall_at,
)
from services.analysis.story_index import StoryIndex

T0 = datetime(2025, 3, 1, tzinfo=UTC).timestamp()


def _identity(
    names: Iterable[str] = (),
    headline: Iterable[str] = (),
    places: Iterable[str] = (),
    nouns: Iterable[str] = (),
    noun_places: Iterable[str] = (),
) -> Identity:
    """An article naming `names` (its headline's names are names too)."""
    return Identity(
        frozenset(names) | frozenset(headline),
        frozenset(nouns),
        frozenset(headline),
        frozenset(places),
        frozenset(noun_places),
    )


LOMARA = _identity({"versa", "alina", "dores", "monda"}, headline={"lomar"}, places={"lomar", "castelbrun"})
TARVELLO = _identity({"sena", "paul", "hessner", "monda"}, headline={"tarvell"}, places={"tarvell"})


def test_the_identity_holds_places_the_headline_names_and_codes(make_prepared) -> None:
    article = make_prepared(
        "a",
        "Coach overturns on the A93 near Lomara\n"
        "One passenger died when a coach overturned on Saturday near Lomara, police said.\n"
        "Driver Paul Hessner was taken to hospital in Castelbrun.",
    )
    identity = identity_of(article)
    assert identity.headline == {"a93", "lomar"}  # not "Coach": the first word is capitalised by grammar
    assert {"a93", "lomar", "paul", "hessner", "castelbrun"} <= identity.names
    assert "93" not in identity.names  # a bare number is most often a count: only codes identify
    assert identity.places == {"lomar", "castelbrun"}


def test_names_compare_whole_but_for_their_last_vowels() -> None:
    assert name_key("Castelmora") != name_key("Castellón")  # a shared prefix is not a shared name
    assert name_key("Milano") == name_key("Milan") and name_key("Zürich") == name_key("Zurich")


def test_a_country_or_region_is_one_place_in_every_language() -> None:
    spain = {
        "en": "Violent storm kills four in eastern Spain",
        "fr": "Espagne : quatre morts après des pluies torrentielles",
        "de": "Nach den Unwettern im Osten Spaniens ist die Zahl der Toten gestiegen",
        "es": "Cuatro muertos por las lluvias torrenciales en España",
        "it": "Maltempo in Spagna: il bilancio sale a quattro morti",
    }
    for language, text in spain.items():
        reading = read(text, language)
        assert reading.keys == ["ES"], language
        assert not {"spain", "espagn", "spaniens", "espan", "spagn"} & set(reading.names + reading.places)
    liguria = {"en": "in the Liguria region", "fr": "la région Ligurie", "de": "in der Region Ligurien"}
    for language, text in liguria.items():
        assert set(read(text, language).keys) == {"IT-42", "IT"}, language  # a region tells its country


def test_a_name_inside_a_longer_name_or_a_hyphenated_word_is_not_the_place() -> None:
    assert read("Floods in New South Wales", "en").keys == ["AU"]  # not Wales
    assert read("im sachsen-anhaltischen Kressbach", "de").keys == []  # an adjective, not Saxony
    assert read("Kressbach liegt in Sachsen-Anhalt", "de").keys == ["DE-ST", "DE"]


def test_a_similar_article_naming_other_places_does_not_join() -> None:
    names = StoryNames()
    names.add("lomara", LOMARA)
    assert not names.may_join(TARVELLO, "lomara", stale=False)
    follow_up = _identity({"castelbrun", "tuesd"}, headline={"alina"}, places={"castelbrun"})
    assert names.verdict(follow_up, "lomara", stale=False) is Verdict.LINKED  # a shared place links
    by_headline = _identity({"lomar", "ermit"}, places={"ermit"})  # names the story's headline place
    assert names.may_join(by_headline, "lomara", stale=False)


def test_without_places_on_both_sides_nothing_conflicts_until_the_story_is_stale() -> None:
    names = StoryNames()
    names.add("lomara", LOMARA)
    unnamed = _identity({"tuesd"})
    assert names.verdict(unnamed, "lomara", stale=False) is Verdict.ALLOWED
    assert not names.may_join(unnamed, "lomara", stale=True)
    assert names.may_join(_identity({"lomar"}), "lomara", stale=True)  # names the story: it links


def test_what_several_live_stories_name_links_none_of_them() -> None:
    names = StoryNames()
    names.add("lomara", LOMARA)
    names.add("other", _identity({"tarvell"}, places={"tarvell"}))  # another story that named Tarvello
    tarvello_in_lomara = _identity({"tarvell"}, headline={"tarvell"}, places={"tarvell"})
    names.add("lomara", _identity({"tarvell"}, places={"tarvell"}))  # a Lomara article mentioned Tarvello
    assert not names.may_join(tarvello_in_lomara, "lomara", stale=True)
    names.drop("other")  # evicted: Tarvello is Lomara's own name again
    assert names.may_join(tarvello_in_lomara, "lomara", stale=True)


def test_a_name_another_story_mentions_once_still_links_the_story_that_names_it_twice() -> None:
    """A digest filed under the bus crash names the race's skipper in passing: the race, whose
    articles name him again and again, keeps his name as evidence; the bus crash gains none."""
    names = StoryNames()
    names.add("race", _identity({"arriet", "lorient"}, places={"FR"}))
    names.add("race", _identity({"arriet"}, places={"ES"}))
    names.add("bus", _identity({"vrbas", "arriet"}, places={"BA"}))  # the digest
    follow_up = _identity({"arriet"}, headline={"arriet"}, places={"FR"})
    assert names.verdict(follow_up, "race", stale=False) is Verdict.LINKED
    assert names.verdict(follow_up, "bus", stale=False) is not Verdict.LINKED
    copied = StoryNames()  # a copy of the one article that names him is no second article
    copied.add("race", _identity({"arriet", "lorient"}, places={"FR"}))
    copied.add("race", _identity({"arriet", "lorient"}, places={"FR"}), copy=True)
    copied.add("bus", _identity({"vrbas", "arriet"}, places={"BA"}))
    assert copied.verdict(follow_up, "race", stale=False) is not Verdict.LINKED


def test_the_same_country_links_nothing_and_two_regions_conflict() -> None:
    names = StoryNames()
    names.add("liguria", _identity({"brenz"}, places={"IT", "IT-42", "castelmor"}))
    sicily = _identity({"simeto"}, places={"IT", "IT-82"})
    assert names.verdict(sicily, "liguria", stale=False) is Verdict.REFUSED
    country_only = _identity({"rom"}, places={"IT"})  # "Maltempo in Italia": nothing contradicts it
    assert names.verdict(country_only, "liguria", stale=False) is Verdict.ALLOWED  # a country is too large
    assert names.verdict(_identity(places={"ES"}), "liguria", stale=False) is Verdict.REFUSED


def test_a_country_named_in_passing_does_not_make_a_story_agree() -> None:
    names = StoryNames()
    spain = _identity(places={"ES", "ES-AR", "torremolar"})
    for _ in range(3):
        names.add("aragon", spain)
    names.add("aragon", _identity(places={"ES", "IT"}))  # "... a day after the floods in Italy"
    names.add("piedmont", _identity(places={"IT", "IT-21"}))
    italy_only = _identity(places={"IT"})
    assert names.verdict(italy_only, "aragon", stale=False) is Verdict.REFUSED
    assert names.verdict(italy_only, "piedmont", stale=False) is not Verdict.REFUSED


def test_capitalised_german_nouns_link_only_to_a_sure_name() -> None:
    """Two German articles about two storms share "Unwetter", "Nacht" and "Hinterland": these
    are nouns, not names, and link nothing; a German article saying "in Kressbach" links to a
    story whose English article said "in Kressbach"."""
    names = StoryNames()
    names.add("italy", _german({"unwetter", "nacht"}, {"unwetter"}, {"hinterland"}, places={"IT"}))
    spain = _german({"unwetter", "nacht"}, {"unwetter"}, {"hinterland"}, places={"ES"})
    assert names.verdict(spain, "italy", stale=False) is Verdict.REFUSED
    names.add("chlorine", _identity({"kressbach", "german"}, places={"kressbach"}))
    kressbach = _german({"chlorgas", "evakuierung"}, {"chlorgas"}, {"kressbach"})
    assert names.verdict(kressbach, "chlorine", stale=True) is Verdict.LINKED
    elsewhere = _german({"chlorgas", "evakuierung"}, {"chlorgas"}, {"sicherheit"})
    assert names.verdict(elsewhere, "chlorine", stale=True) is Verdict.REFUSED


def _german(
    nouns: set[str], headline: set[str], noun_places: set[str], places: Iterable[str] = ()
) -> Identity:
    """A German article: its capitalised words are nouns or names, its countries are sure."""
    return Identity(
        frozenset(), frozenset(nouns), frozenset(headline), frozenset(places), frozenset(noun_places)
    )


# Two invented storms of one night: Valdrena (Piedmont, Italy) and Torremolar (Aragon, Spain),
# told alike in five languages; follow-ups that name only the country.
PIEDMONT_IT = (
    "Nubifragio in Piemonte, quattro morti e due dispersi a Valdrena\n"
    "Quattro persone sono morte e due risultano disperse dopo il violento nubifragio che nella notte "
    "si è abbattuto su Valdrena, in provincia di Cuneo.\n"
    "Il torrente Orbella è esondato poco dopo la mezzanotte, invadendo il centro del paese.\n"
    "Il sindaco Marco Ferrante ha chiesto lo stato di emergenza."
)
PIEDMONT_EN = (
    "Flash floods kill four in northern Italy, two missing\n"
    "At least four people were killed and two were missing after flash floods swept through the "
    "Piedmont town of Valdrena overnight, regional authorities said on Tuesday.\n"
    "The Orbella river burst its banks shortly after midnight, flooding the town centre and sweeping "
    "away cars, said Mayor Marco Ferrante.\n"
    "About 500 residents were evacuated from homes near the river."
)
ARAGON_ES = (
    "Tres muertos y dos desaparecidos por la riada en Torremolar (Aragón)\n"
    "Al menos tres personas han muerto y otras dos están desaparecidas a causa de la riada que ha "
    "arrasado esta madrugada Torremolar, en la provincia de Zaragoza.\n"
    "El río Ribas se desbordó poco después de la medianoche y anegó el centro del pueblo.\n"
    "La alcaldesa, Lucía Serrano, ha pedido ayuda al Gobierno de Aragón."
)
ARAGON_EN = (
    "Flash floods kill three in northeastern Spain, two missing\n"
    "At least three people died and two are missing after flash floods tore through the Aragonese "
    "town of Torremolar before dawn, the regional government said on Tuesday.\n"
    "The Ribas river broke its banks soon after midnight, flooding the town centre and sweeping away "
    "cars, said Mayor Lucía Serrano.\n"
    "Some 600 residents were moved out of homes near the river."
)
PIEDMONT_DE = (
    "Sturzfluten in Italien: Zahl der Toten steigt auf fünf\n"
    "Nach den Sturzfluten im Norden Italiens ist die Zahl der Toten auf fünf gestiegen, wie die "
    "Regionalbehörden am Mittwoch mitteilten.\n"
    "Der Fluss war kurz nach Mitternacht über die Ufer getreten, hatte das Ortszentrum überflutet "
    "und Autos mitgerissen.\n"
    "Rettungskräfte bargen in der Nacht die Leiche eines Mannes, ein Mensch wird noch vermisst.\n"
    "Rund 500 Anwohner mussten ihre Häuser verlassen."
)
ARAGON_DE = (
    "Sturzfluten in Spanien: Zahl der Toten steigt auf vier\n"
    "Nach den Sturzfluten im Nordosten Spaniens ist die Zahl der Toten auf vier gestiegen, wie die "
    "Regionalregierung am Mittwoch mitteilte.\n"
    "Der Fluss war kurz nach Mitternacht über die Ufer getreten, hatte das Ortszentrum überflutet "
    "und Autos mitgerissen.\n"
    "Rettungskräfte bargen in der Nacht die Leiche einer Frau, ein Mensch wird noch vermisst.\n"
    "Rund 600 Anwohner mussten ihre Häuser verlassen."
)
PIEDMONT_FR = (
    "Italie : le bilan des inondations s'alourdit à six morts\n"
    "Le bilan des inondations qui ont frappé le nord de l'Italie s'est alourdi à six morts mercredi, "
    "après la découverte du corps d'une femme, ont annoncé les secours.\n"
    "Un homme est toujours porté disparu."
)
ARAGON_FR = (
    "Espagne : le bilan des inondations s'alourdit à cinq morts\n"
    "Le bilan des inondations qui ont frappé le nord-est de l'Espagne s'est alourdi à cinq morts "
    "mercredi, après la découverte du corps d'un homme, ont annoncé les secours.\n"
    "Une femme est toujours portée disparue."
)
ARAGON_IT = (
    "Maltempo in Spagna: sale a cinque il bilancio delle vittime\n"
    "È salito a cinque il numero dei morti per il maltempo che ha colpito la Spagna nordorientale.\n"
    "I soccorritori hanno trovato mercoledì il corpo di un uomo, mentre una donna risulta ancora dispersa."
)
PIEDMONT_ES = (
    "Italia declara el estado de emergencia tras las inundaciones que dejaron seis muertos\n"
    "El Gobierno italiano aprobó este miércoles el estado de emergencia y una primera partida de "
    "20 millones de euros para las zonas afectadas por las inundaciones.\n"
    "Los equipos de rescate siguen buscando a un hombre desaparecido."
)
STORMS = (  # (id, language, storm, text), in the order they arrive
    ("a-it", "it", "piedmont", PIEDMONT_IT),
    ("a-en", "en", "piedmont", PIEDMONT_EN),
    ("b-es", "es", "aragon", ARAGON_ES),
    ("b-en", "en", "aragon", ARAGON_EN),
    ("a-de", "de", "piedmont", PIEDMONT_DE),
    ("b-de", "de", "aragon", ARAGON_DE),
    ("a-fr", "fr", "piedmont", PIEDMONT_FR),
    ("b-fr", "fr", "aragon", ARAGON_FR),
    ("b-it", "it", "aragon", ARAGON_IT),
    ("a-es", "es", "piedmont", PIEDMONT_ES),
)


def test_two_storms_in_two_countries_told_in_five_languages_stay_two_stories(make_prepared) -> None:
    """The words of the two storms are alike, in every language (the model alone would merge
    them); their places are not, once "Spanien", "Espagne" and "Spagna" are one place.  Each
    follow-up that names only the country joins its own storm."""
    model = load_model()
    index = StoryIndex(AnalysisConfig(), model)
    prepared = {key: make_prepared(key, text, language=lang) for key, lang, _, text in STORMS}
    assert model.similarity(prepared["b-en"], prepared["a-en"]) >= model.same_story_threshold
    assert model.similarity(prepared["b-de"], prepared["a-de"]) >= model.same_story_threshold
    story_of: dict[str, str] = {}
    storm_of = {key: name for key, _, name, _ in STORMS}
    for step, (key, _, storm, _) in enumerate(STORMS):
        assignment = index.assign(prepared[key], T0 + 1800 * step)
        if assignment.duplicate is not None:  # a free translation of the same storm's report
            assert storm_of[assignment.duplicate.original] == storm, key
        story_of[key] = assignment.story_id
    for storm in ("piedmont", "aragon"):
        assert len({story_of[key] for key, _, name, _ in STORMS if name == storm}) == 1, storm
    assert index.story_count == 2


def test_a_town_named_without_a_preposition_still_links_to_the_story_that_placed_it() -> None:
    """ "Incendio a Creta, evacuati i villaggi di Kalodendri…" names the village as a plain
    name; the story's English article had "near Kalodendri".  Only while no other live story
    names it, and only a main place of the story (not one mentioned in passing)."""
    names = StoryNames()
    names.add("crete", _identity({"kalodendr"}, places={"GR", "GR-M", "chan", "kalodendr"}))
    italian = _identity({"can", "kalodendr", "elen"}, headline={"can"}, places={"GR", "GR-M", "can"})
    # linked by the village; contested, since "La Canea" is not "Chania" to the names: it joins
    # unless another story links to it without a conflict
    assert names.verdict(italian, "crete", stale=False) is Verdict.CONTESTED
    names.add("other", _identity({"kalodendr"}))  # a second story names the village too
    assert names.verdict(italian, "crete", stale=False) is Verdict.REFUSED
    names.drop("other")
    names.add("crete", _identity(places={"GR", "tavr"}))
    names.add("crete", _identity(places={"GR", "tavr"}))
    names.add("crete", _identity(places={"GR", "tavr"}))  # Kalodendri: now a passing mention
    assert names.verdict(italian, "crete", stale=False) is Verdict.REFUSED


def test_a_follow_up_that_names_the_story_s_town_joins_under_the_model_s_threshold(make_prepared) -> None:
    """A German update of an English report scores just under the model's threshold; the
    town that only this story names carries it down to `linked_story_similarity` (with that
    floor at the threshold, as before, the update started a story of its own)."""
    english = (
        "Regional train derails near Brannwick, two dead\n"
        "A regional train derailed near Brannwick in the Ostmark district at midday on Tuesday. "
        "Two people were killed and more than 40 were injured, police said.\n"
        "The train was carrying around 120 passengers when two carriages jumped the tracks on a bend."
    )
    german = (
        "Zugunglück bei Brannwick: 47 verletzte Personen\n"
        "Nach dem Zugunglück bei Brannwick ist die Zahl der Verletzten auf 47 gestiegen. "
        "Zwölf Menschen wurden mit Hubschraubern in Kliniken gebracht.\n"
        "Mehr als 300 Einsatzkräfte waren vor Ort."
    )
    model = load_model()
    follow_up = make_prepared("de", german, language="de")
    score = model.similarity(follow_up, make_prepared("en", english))
    assert AnalysisConfig().linked_story_similarity <= score < model.same_story_threshold
    linked_floor = AnalysisConfig().linked_story_similarity
    for floor, joins in ((linked_floor, True), (model.same_story_threshold, False)):
        index = StoryIndex(AnalysisConfig(linked_story_similarity=floor, best_linked_similarity=floor), model)
        first = index.assign(make_prepared("en", english), T0)
        assert (index.assign(follow_up, T0 + 3600).story_id == first.story_id) is joins, floor


def test_a_main_place_of_another_story_is_elsewhere_unless_it_is_this_story_s_own() -> None:
    """An article about the Crete fire says "in the Peloponnese, where four died": the
    Peloponnese is the other fire's main place, so its counts there are not Crete's news."""
    names = StoryNames()
    for _ in range(3):
        names.add("peloponnese", _identity({"tripol"}, places={"GR", "GR-J", "tripol"}))
    names.add("crete", _identity({"chan"}, places={"GR", "GR-M", "chan"}))
    names.add("crete", _identity({"chan"}, places={"GR", "GR-M", "chan", "GR-J"}))  # a passing mention
    names.add("crete", _identity({"chan"}, places={"GR", "GR-M", "chan"}))
    assert names.elsewhere("crete", {"GR-J", "tripol", "chan"}) == {"GR-J", "tripol"}
    assert names.elsewhere("crete", {"GR"}) == frozenset()  # both stories' country: not elsewhere
    assert names.elsewhere("peloponnese", {"GR-M", "GR-J"}) == {"GR-M"}
    names.drop("peloponnese")
    assert names.elsewhere("crete", {"GR-J", "tripol"}) == frozenset()  # gone with its story


def test_a_guessed_place_of_another_story_is_not_elsewhere() -> None:
    """German capitalises nouns, so a word after a preposition is only a guessed place:
    a bus crash whose German articles say "von vier Toten" must not make "Toten" another
    story's place and hide the ferry's "Zahl der Toten auf sieben gestiegen"."""
    names = StoryNames()
    for _ in range(3):
        names.add("bus", _identity(noun_places={"toten", "regensburg"}))
        names.add("ferry", _identity({"vetran"}, places={"vetran"}))
    assert names.elsewhere("ferry", {"toten", "zahl", "vetran"}) == frozenset()
    names.add("bus", _identity(places={"regensburg"}))
    names.add("bus", _identity(places={"regensburg"}))
    assert names.elsewhere("ferry", {"regensburg"}) == {"regensburg"}  # once named for sure


def test_the_words_a_toll_is_told_in_name_nothing() -> None:
    """German capitalises "Tote", "Verletzte", "Menschen", "Polizisten": two headlines of
    two disasters share them, so they must not link a train crash to a flood."""
    flood = keys("Unwetter in Südfrankreich: Vier Tote, Hunderte Menschen evakuiert", "de")
    train = keys("Regionalzug in Nordhessen entgleist – mehrere Tote und 30 Verletzte", "de")
    riot = keys("Krawalle in Lennstedt: elf Polizisten verletzt", "de")
    assert not (flood & train) and not (riot & train)
    assert {name_key("Nordhessen"), name_key("Lennstedt")} <= train | riot  # places still count
    fire = keys("Hochhausbrand in Burbach: Zahl der Toten steigt auf drei", "de")
    bus = keys("Busunglück am Stilfser Joch: Zahl der Toten auf sechs korrigiert", "de")
    assert not fire & bus  # "Zahl der …" counts, as "Bilanz" does


def test_an_epithet_names_no_place() -> None:
    """ "Alpine" in "a French Alpine lake" and "an Austrian Alpine hotel" linked a boat
    disaster to a hotel fire; epithets of large areas are language data that name nothing."""
    boat = keys("Five dead as tourist boat capsizes on French Alpine lake", "en")
    hotel = keys("Three dead, 17 injured in Austrian Alpine hotel fire", "en")
    assert not (boat & hotel)
    assert {"FR", "AT"} <= boat | hotel


def test_a_story_s_own_places_are_its_sure_main_places_no_other_story_has() -> None:
    """Riots in Castrovel, and a boat disaster whose victims were Spanish: "Police in the
    Spanish city of Castrovel arrested 19" names Spain (the boat story's main country) and
    Castrovel, the riot story's own place, so the count is the riots'."""
    names = StoryNames()
    for _ in range(3):
        names.add("boat", _identity({"orvann"}, places={"ES", "orvann"}))
        names.add("riots", _identity({"castrovel"}, places={"castrovel"}))
    assert names.elsewhere("riots", {"ES", "castrovel"}) == {"ES"}
    assert names.own("riots", {"ES", "castrovel"}) == {"castrovel"}
    names.add("boat", _identity({"orvann"}, places={"ES", "orvann", "castrovel"}))
    for _ in range(3):
        names.add("boat", _identity({"orvann"}, places={"castrovel"}))
    assert names.own("riots", {"castrovel"}) == frozenset()  # now the boat story's main place too


def test_a_place_both_twin_stories_name_is_neither_s_own() -> None:
    """Two avalanches a day apart, each story recalling the other: the Italian one names
    Savoie twice in passing ("Ieri … sette morti nella stazione delle Arcelles, in Savoia"),
    so a count said of Les Arcelles and Savoie is the French story's, not a Savoie of its own."""
    names = StoryNames()
    for _ in range(3):
        names.add("arcelles", _identity({"arcelles"}, places={"FR", "arcelles"}))
    names.add("arcelles", _identity({"arcelles"}, places={"FR", "arcelles", "savoie"}))
    for savoie in (True, True, False):
        places = {"IT", "valsavara"} | ({"savoie"} if savoie else set())
        names.add("valsavara", _identity({"valsavara"}, places=places))
    assert names.elsewhere("valsavara", {"arcelles", "savoie"}) == {"arcelles"}
    assert names.own("valsavara", {"arcelles", "savoie"}) == frozenset()
    assert names.own("valsavara", {"valsavara"}) == {"valsavara"}


def test_a_hyphenated_town_is_one_place_and_not_its_first_word() -> None:
    """Every "Saint-…" would otherwise share "Saint": a landslide above Saint-Michel-de-Maurienne
    and a blast in Saint-Étienne are two places.  Phrases like "au-dessus de", "entre" or
    "sopra" introduce places too."""
    reading = read("Un glissement de terrain au-dessus de Saint-Michel-de-Maurienne, loin de Lyon.", "fr")
    assert reading.places == ["saint-michel-de-maurienn"]
    assert read("Une explosion à Saint-Étienne", "fr").places == ["saint-etienn"]
    assert read("Una frana sopra Malesco", "it").places == ["malesc"]
    assert read("A landslide between Modane and Lanslebourg", "en").places == ["modan"]


def test_a_town_with_its_department_in_brackets_is_a_place_but_an_agency_or_party_is_not() -> None:
    """ "une usine de Brévilliers (Doubs)": French "de" introduces no place, the brackets do."""
    assert read("Un incendie a ravagé une usine de Brévilliers (Doubs) dans la nuit.", "fr").places == [
        "brevilliers",
        "doubs",
    ]
    assert read("PARIS (AFP) - Un incendie a ravagé une usine.", "fr").places == []
    assert read("Markus Brenner (CDU) ist zurückgetreten.", "de").places == []


def test_a_german_noun_in_one_headline_links_nothing() -> None:
    """ "Tornado in der Lombardei" heads one story; a German article about a tornado in Bavaria
    has "Tornado" as its headline's first word and names Italy in passing, so no place
    conflicts: the one capitalised noun both share names the kind of event, not the event.
    The same noun in both headlines is still a (guessed) link."""
    names = StoryNames()
    names.add(
        "lombardy", _german({"tornad", "lombard"}, {"tornad", "lombard"}, set(), places={"IT", "IT-25"})
    )
    bavaria = _german(
        {"tornad", "reichenbrunn"}, {"reichenbrunn"}, set(), places={"IT", "IT-25", "DE", "DE-BY"}
    )
    assert names.verdict(bavaria, "lombardy", stale=False) is Verdict.ALLOWED
    retold = _german({"tornad", "schaden"}, {"tornad"}, set(), places={"IT"})
    assert names.verdict(retold, "lombardy", stale=False) is Verdict.LINKED


def _bavarian(headline_places: set[str]) -> Identity:
    """The Bavarian tornado's article: its lead names Italy and Lombardy in passing."""
    places = frozenset({"IT", "IT-25", "DE", "DE-BY"})
    return Identity(
        frozenset({"reichenbrunn"}),
        frozenset(),
        frozenset(),
        places,
        headline_places=frozenset(headline_places),
    )


def test_a_headline_naming_only_other_places_conflicts_whatever_the_lead_recalls() -> None:
    """A Bavarian tornado's article recalls "the tornado in Lombardy" in its lead, so its places
    share Italy and Lombardy with the Lombardy story; its headline names only Bavaria, so the
    two conflict, and without a link it does not join.  A headline naming the story's region
    (or none) leaves the decision to the lead."""
    names = StoryNames()
    names.add("lombardy", _identity({"borgonuov"}, places={"borgonuov", "IT", "IT-25"}))
    assert names.verdict(_bavarian({"DE", "DE-BY"}), "lombardy", stale=False) is Verdict.REFUSED
    assert names.verdict(_bavarian({"IT", "IT-25"}), "lombardy", stale=False) is Verdict.ALLOWED


def test_a_place_after_through_or_sur_is_a_place() -> None:
    assert (
        "reichenbrunn" in read("A tornado ripped through the village of Reichenbrunn on Monday.", "en").places
    )
    assert "reichenbrunn" in read("Une tornade s'est abattue sur le village de Reichenbrunn.", "fr").places


def test_an_institution_word_names_no_place() -> None:
    """Two hospital fires share "Hospital", "hôpital", "ospedale": the kind of building, not a
    place or a name that could link them."""
    assert "hospital" not in keys("Incendio en el Hospital Comarcal de Valdemora", "es")
    assert "hopital" not in keys("Incendie à l'Hôpital Saint-Roch de Nice", "fr")
    assert "ospedal" not in keys("Incendio all'Ospedale Maggiore di Lodi", "it")
    assert "valdemor" in keys("Incendio en el Hospital Comarcal de Valdemora", "es")


def test_a_german_time_word_after_a_preposition_names_no_place() -> None:
    """ "um 9 Uhr", "vor Unterrichtsbeginn", "im Herbst": times, not guessed places that would
    set two articles of one story apart."""
    assert names_no_place("uhr", "de") and names_no_place("unterrichtsbeginn", "de")
    assert names_no_place("herbst", "de") and names_no_place("dienstschluss", "de")
    assert not names_no_place("hagenbrück", "de")


def test_an_italian_port_or_industrial_area_of_a_town_places_it() -> None:
    """ "nell'area portuale di Livorno", "della zona industriale di Ancona": the area's name
    is the town, which tells two port fires of one night apart."""
    assert "livorn" in read("Un incendio è divampato nell'area portuale di Livorno.", "it").places
    assert "ancon" in read("Un incendio nella zona industriale di Ancona.", "it").places


def _second_collapse(opening: set[str]) -> Identity:
    """A collapse in Borgonero whose lead recalls the one in San Vitale a day earlier."""
    places = frozenset({"borgoner", "cosenz", "IT"})
    return Identity(frozenset({"borgoner", "cosenz", "san", "vital"}), frozenset(), frozenset(), places,
                    opening=frozenset(opening))  # fmt: skip


def test_a_lead_that_recalls_the_story_after_opening_on_another_town_does_not_join_it() -> None:
    """Its opening names its own town and nothing of the story: the link further down is the
    new event recalling the old one.  An opening naming the story too, by any form of the
    name ("Dalmazia" for "Dalmatian"), or naming no town at all, leaves the link to the lead."""
    names = StoryNames()
    names.add("san-vitale", _identity({"san", "vital", "dalmatian"}, places={"san", "vital", "salern", "IT"}))
    assert names.verdict(_second_collapse({"borgoner", "IT"}), "san-vitale", stale=False) is Verdict.REFUSED
    same_story = _second_collapse({"borgoner", "vital"})
    assert names.verdict(same_story, "san-vitale", stale=False) is Verdict.CONTESTED
    exonym = _second_collapse({"borgoner", "dalmaz"})
    assert names.verdict(exonym, "san-vitale", stale=False) is Verdict.CONTESTED
    no_town = _second_collapse({"IT", "collaps"})
    assert names.verdict(no_town, "san-vitale", stale=False) is Verdict.CONTESTED


def test_weekdays_and_months_name_no_story() -> None:
    """ "Sunday" and "March" are capitalised in English but two storms on the same Sunday
    share only a date."""
    assert (
        keys("Storms hit Rhodes on Sunday, March 3, local authorities said.", "en")
        & {
            name_key("Sunday"),
            name_key("March"),
        }
        == set()
    )
    assert name_key("Rhodes", "en") in keys("Storms hit Rhodes on Sunday, March 3.", "en")


def test_a_headline_naming_another_region_of_the_same_country_conflicts() -> None:
    """A blast in Murcia the day after one in Valencia: its headline names Murcia (and Spain),
    its lead recalls the Valencian town.  The shared country does not make the headline name
    the story; a headline whose only place besides the country is a guess ("the French Alps")
    still leaves the decision to the lead."""
    names = StoryNames()
    names.add("valencia", _identity({"benifaras"}, places={"benifaras", "ES-VC", "ES"}))
    murcia = Identity(
        frozenset({"albaran", "puebl", "benifaras"}),
        frozenset(),
        frozenset({"albaran", "puebl"}),
        frozenset({"albaran", "puebl", "benifaras", "ES-MC", "ES-VC", "ES"}),
        headline_places=frozenset({"albaran", "puebl", "ES-MC", "ES"}),
        headline_words=frozenset({"albaran", "puebl", "murc"}),
        opening=frozenset({"albaran", "puebl", "ES-MC", "ES"}),
    )
    assert names.verdict(murcia, "valencia", stale=False) is Verdict.REFUSED
    alps = Identity(
        frozenset({"benifaras", "alps"}),
        frozenset(),
        frozenset({"alps"}),
        frozenset({"alps", "benifaras", "ES"}),
        headline_places=frozenset({"alps", "ES"}),
        headline_words=frozenset({"alps"}),
        opening=frozenset({"alps", "ES"}),
    )
    assert names.verdict(alps, "valencia", stale=False) is not Verdict.REFUSED


def test_a_lead_sentence_that_recalls_another_event_names_nothing_of_this_one(make_prepared) -> None:
    """ "The collision came a day after nine died in Lomara": Lomara is the other event's town.
    The opening (headline and first sentence) always counts, whatever it says."""
    article = make_prepared(
        "b",
        "Ferry collides with catamaran near Brenvik\n"
        "One person died when a ferry hit a catamaran near Brenvik on Wednesday, police said.\n"
        "The collision came a day after nine people died in a ferry disaster near Lomara.",
    )
    identity = identity_of(article)
    assert "brenvik" in identity.places
    assert "lomar" not in identity.places | identity.names
    plain = make_prepared(
        "c",
        "Ferry collides with catamaran near Brenvik\n"
        "One person died when a ferry hit a catamaran near Brenvik on Wednesday, police said.\n"
        "Three passengers were treated in Lomara.",
    )
    assert "lomar" in identity_of(plain).places
    same_day = make_prepared(
        "d",
        "Ammonia leak at Brenvik port\n"
        "Eleven workers were taken to hospital after ammonia leaked at the port of Brenvik.\n"
        "The leak came on the same day as an acid leak at the port of Lomara.",
    )
    assert "lomar" not in identity_of(same_day).places


def test_an_italian_lead_sentence_recalling_an_event_hours_before_names_nothing_of_this_one(
    make_prepared,
) -> None:
    article = make_prepared(
        "b",
        "Diga crollata in Carinzia, sale a quattro il bilancio dei morti\n"
        "È salito a quattro morti il bilancio del cedimento della diga di Haselgraben, in Carinzia.\n"
        "La tragedia arriva a meno di 24 ore dalla rotta dell'argine del Lesa a San Vito.",
        language="it",
    )
    assert "san" not in identity_of(article).places


def test_a_lead_sentence_told_meanwhile_or_as_the_first_of_two_names_nothing_of_this_one(
    make_prepared,
) -> None:
    """Twin events recall each other in the lead: "The riot was the first of two in German
    prisons …", "Unterdessen ermittelt die Polizei auch nach der Revolte in …"."""
    english = make_prepared(
        "b",
        "Inquiry ordered after prison hostage-taking in Saxony\n"
        "The justice minister ordered an inquiry into the riot at Eichenried prison.\n"
        "The riot was the first of two in German prisons over the weekend: on Sunday, inmates at "
        "Moorhausen set fire to mattresses.",
    )
    assert "moorhausen" not in identity_of(english).places | identity_of(english).names
    german = make_prepared(
        "c",
        "Nach der Revolte in der Justizvollzugsanstalt Eichenried ist die Zahl der Toten auf zwei "
        "gestiegen.\nEr war einer der vier Beamten, die als Geiseln genommen worden waren.\n"
        "Unterdessen ermittelt die Polizei auch nach der Revolte in der JVA Moorhausen.",
        language="de",
        title="Zweiter Toter nach Revolte in JVA Eichenried",
    )
    assert "moorhausen" not in identity_of(german).noun_places | identity_of(german).nouns


def test_a_wire_dateline_with_its_country_guesses_its_town_and_a_second_blaze_recalls_the_first(
    make_prepared,
) -> None:
    """ "AVILES, Spain, May 13 (CP) - …": the town of a dateline that names its country too;
    "The fire was the second to hit … within hours: … in Torrelavega" recalls the other fire."""
    article = make_prepared(
        "b",
        "Worker killed in fire at Spanish foundry\n"
        "ALMERAL, Spain, May 13 (Continental Press) - One worker was killed and six people were "
        "injured when fire swept through a foundry on Wednesday.\n"
        "Firefighters found the body of the missing man inside the furnace hall.\n"
        "The fire was the second to hit an industrial plant in northern Spain within hours: late on "
        "Tuesday, a blaze at a resin plant near Vallerosa injured five workers.",
    )
    identity = identity_of(article)
    assert "almeral" in identity.noun_places
    assert "valleros" not in identity.places | identity.names


def test_an_institution_before_a_german_town_is_no_place(make_prepared) -> None:
    """ "in der Justizvollzugsanstalt Moorhausen", "im Krankenhaus Nienburg": the town tells
    one prison riot from another, the institution is every riot's."""
    article = make_prepared(
        "b",
        "In der Justizvollzugsanstalt Moorhausen ist es zu einer Revolte gekommen.\n"
        "Zwei Verletzte wurden im Krankenhaus Nienburg behandelt.",
        language="de",
        title="Revolte in JVA Moorhausen",
    )
    identity = identity_of(article)
    assert {"moorhausen", "nienburg"} <= identity.noun_places
    assert not {"justizvollzugsanstalt", "jva", "krankenhaus"} & identity.noun_places


def test_an_italian_place_after_negli_is_a_place() -> None:
    reading = read("Sono stati ricoverati negli ospedali di Salerno e negli Abruzzi.", "it")
    assert "abruzz" in reading.places or "IT-65" in reading.keys


def test_a_german_dateline_town_is_a_guessed_place(make_prepared) -> None:
    """A regional paper names its town only in the dateline ("Hattenbrück – Nach der …")."""
    article = make_prepared(
        "b",
        "Hattenbrück – Nach der Kohlenmonoxidvergiftung bei einer Hochzeitsfeier sind 63 Menschen in "
        "Krankenhäuser gebracht worden.\nDie Polizei ermittelt gegen den Betreiber.",
        language="de",
        title="CO-Drama bei Hochzeit: 63 Gäste in Kliniken",
    )
    identity = identity_of(article)
    assert "hattenbruck" in identity.noun_places
    assert "hattenbruck" not in identity.places


def test_a_headline_naming_another_country_refuses_a_link_found_only_further_down() -> None:
    """A ferry collision in Norway whose lead recalls the Greek one: its headline names Norway
    and nothing of the Greek story, so the shared strait of the recall does not join them."""
    names = StoryNames()
    names.add("greece", _identity({"kafireas"}, headline={"kafireas"}, places={"kafireas", "GR"}))
    norway = Identity(
        frozenset({"kafireas", "sognefjord"}),
        frozenset(),
        frozenset({"sognefjord"}),
        frozenset({"GR", "NO"}),
        headline_places=frozenset({"NO"}),
        headline_words=frozenset({"norway", "sognefjord"}),
        opening=frozenset({"NO", "sognefjord", "oslo"}),
    )
    assert names.verdict(norway, "greece", stale=False) is Verdict.REFUSED
    about_greece = Identity(
        norway.names, norway.nouns, norway.headline, norway.places,
        headline_places=norway.headline_places, headline_words=norway.headline_words,
        opening=norway.opening | {"kafireas"},
    )  # fmt: skip
    assert names.verdict(about_greece, "greece", stale=False) is Verdict.CONTESTED


def test_a_place_other_languages_name_otherwise_is_one_place() -> None:
    """ "Anvers", "Amberes", "Antwerp" and "Antwerpen" are one port; "Padoue" and "Padova" one
    town; a name the table does not know compares as it always did."""
    names = [("Anvers", "fr"), ("Amberes", "es"), ("Antwerp", "en"), ("Antwerpen", "de")]
    port = {name_key(n, lang) for n, lang in names}
    assert len(port) == 1
    assert name_key("Padoue", "fr") == name_key("Padova", "it") == name_key("Padua", "de")
    assert "lomar" in read("Un incendie a éclaté à Lomara.", "fr").places
    assert read("Heurts à Anvers.", "fr").places == read("Clashes in Antwerp.", "en").places == ["antwerpen"]


def test_a_headline_telling_a_second_event_elsewhere_refuses_the_first(make_prepared) -> None:
    """ "Arnesia, esonda anche l'Arnesco": the headline names its own town and a word of a
    second event ("anche"), while its first sentence recalls the first flood by its river.  The
    link the river makes does not join them; the same headline without "anche" leaves the
    decision to the lead, and a follow-up naming the story's town in its headline still joins."""
    names = StoryNames()
    first = make_prepared(
        "a",
        "Esonda il Sorda a Pievebella: due morti e quattro dispersi\n"
        "Il fiume Sorda è esondato nella notte a Pievebella, travolgendo auto e case.",
        language="it",
        title="Esonda il Sorda a Pievebella: due morti e quattro dispersi",
    )
    names.add("sorda", identity_of(first))
    body = (
        "Non c'è solo il Sorda: nella notte è esondato il torrente Arnesco a Montecroce, "
        "dove un uomo di 81 anni è morto."
    )
    second = make_prepared("b", body, language="it", title="Esonda anche l'Arnesco a Montecroce: un morto")
    assert identity_of(second).another
    assert names.verdict(identity_of(second), "sorda", stale=False) is Verdict.REFUSED
    plain = make_prepared("c", body, language="it", title="Esonda l'Arnesco a Montecroce: un morto")
    assert names.verdict(identity_of(plain), "sorda", stale=False) is not Verdict.REFUSED
    follow_up = make_prepared(
        "d",
        "Il fiume Sorda resta sorvegliato: trovato un disperso a Pievebella.",
        language="it",
        title="Anche a Pievebella si contano i danni",
    )
    assert names.verdict(identity_of(follow_up), "sorda", stale=False) is not Verdict.REFUSED
    # "new" and "again" tell a development as often as a second event ("Nuova scossa a …")
    assert not identity_of(make_prepared("e", body, language="it", title="Nuova piena a Montecroce")).another


def test_a_place_one_article_of_another_story_recalls_is_not_elsewhere() -> None:
    """The second flood's first report recalls "the Sorda in the neighbouring province of
    Valsorda" in its opening sentence: one mention makes Valsorda no place of that story, so the
    Valsorda story's own count ("five dead in the province of Valsorda") is still its news.  Once
    a second article of the other story names it, a count said of it is that story's."""
    names = StoryNames()
    names.add("valsorda", _identity({"sord", "valsord"}, places={"pievebell", "IT"}))
    names.add("arnesia", _identity({"arnesc"}, places={"arnes", "montecroc", "valsord", "IT"}))
    assert names.elsewhere("valsorda", {"valsord", "IT"}) == frozenset()
    names.add("arnesia", _identity({"arnesc"}, places={"arnes", "valsord"}))
    assert names.elsewhere("valsorda", {"valsord", "IT"}) == {"valsord"}


def test_a_place_another_story_names_in_its_headline_is_elsewhere_from_one_article() -> None:
    """The Czech mine story recalls "Bierzów, in Poland, where the collapse killed seven": the
    Polish story named Bierzów as a place in one article only, but in its headline, so a count
    said of it is the Polish story's."""
    names = StoryNames()
    names.add("czech", _identity({"stonavk"}, places={"karvin", "CZ"}))
    names.add("poland", _identity({"kowalsk"}, places={"bierzow", "PL"}))
    assert names.elsewhere("czech", {"bierzow", "PL"}) == frozenset()
    names.add("poland", _identity({"kowalsk"}, headline={"bierzow"}))
    assert names.elsewhere("czech", {"bierzow", "PL"}) == {"bierzow"}


def test_a_german_common_noun_in_the_opening_names_no_story_that_has_surer_names() -> None:
    """A Czech mine collapse told in German a day after the Polish one: its lead recalls the
    Polish mine further down, and its opening shares only "Einsturz" with the Polish story,
    a noun German capitalises like a name.  A guess on both sides is no name of the story when
    the story has sure names; the Polish mine's own name in the opening is."""
    names = StoryNames()
    names.add(
        "poland",
        Identity(
            frozenset({"bierzow", "kowalsk"}),
            frozenset({"einsturz", "grubenungluck"}),
            frozenset({"bierzow"}),
            frozenset({"bierzow", "PL"}),
        ),
    )

    def czech(opening: set[str]) -> Identity:
        return Identity(
            frozenset(),
            frozenset({"einsturz", "bierzow", "karvin"}),
            frozenset(),
            frozenset({"PL", "CZ"}),
            frozenset({"karvin"}),
            headline_places=frozenset({"CZ"}),
            headline_words=frozenset({"tschechien", "grubenungluck"}),
            opening=frozenset(opening),
        )

    told_in_german = czech({"einsturz", "PL", "CZ", "tschechien"})
    assert names.verdict(told_in_german, "poland", stale=False) is Verdict.REFUSED
    assert names.verdict(czech({"bierzow", "PL", "CZ"}), "poland", stale=False) is Verdict.CONTESTED


@pytest.mark.parametrize(
    ("title", "language", "another"),
    [
        ("A second flood hits Arnesia", "en", True),
        ("Arnesia, esonda anche l'Arnesco", "it", True),
        ("Second death in Italian spa hotel outbreak", "en", False),
        ("Zweites Todesopfer nach Legionellen-Ausbruch in Montebruno", "de", False),
        ("Montebruno, un altro morto per la legionella", "it", False),
    ],
)
def test_a_second_event_is_told_apart_from_a_second_victim(
    make_prepared, title: str, language: str, another: bool
) -> None:
    article = make_prepared("a", "The outbreak was first reported on Monday.", language=language, title=title)
    assert identity_of(article).another is another


def test_a_report_of_two_events_side_by_side_is_led_by_the_one_its_headline_names_first(
    make_prepared,
) -> None:
    """ "Incendies dans deux hôtels, aux Menuires et en Andorre": both fires' stories are
    named; the headline names Les Menuires first, so that is the story it leads with.  A
    word both stories have (the Alps) tells them apart nowhere."""
    names = StoryNames()
    names.add("menuires", _identity({"menuires"}, headline={"menuires"}, places={"FR", "alps"}))
    names.add("soldeu", _identity({"sold"}, headline={"sold"}, places={"AD", "sold", "alps"}))
    report = make_prepared(
        "r",
        "Des incendies ont ravagé deux hôtels.",
        title="Incendies aux Menuires et en Andorre",
        language="fr",
    )
    identity = identity_of(report)
    assert identity.headline_order.index("menuires") < identity.headline_order.index("AD")
    assert names.led_by(identity, ["soldeu", "menuires"]) == "menuires"
    flipped = identity_of(
        make_prepared(
            "s", "Deux hôtels ont brûlé.", title="Incendies en Andorre et aux Menuires", language="fr"
        )
    )
    assert names.led_by(flipped, ["soldeu", "menuires"]) == "soldeu"
    alps = identity_of(
        make_prepared("a", "Un hôtel a brûlé.", title="Incendie dans les Alpes", language="fr")
    )
    assert names.led_by(alps, ["soldeu", "menuires"]) is None


def test_a_place_the_other_story_names_only_in_passing_still_tells_a_side_by_side_report_apart(
    make_prepared,
) -> None:
    """One article of the Menuires story recalls the fire in Andorra; Andorra is still the
    Soldeu story's place, so a report headlined "Incendies en Andorre et aux Menuires" leads
    with Soldeu."""
    names = StoryNames()
    for _ in range(2):
        names.add("menuires", _identity({"menuires"}, headline={"menuires"}, places={"FR", "menuires"}))
    names.add("menuires", _identity({"menuires"}, places={"FR", "menuires", "AD"}))
    names.add("soldeu", _identity({"sold"}, headline={"sold"}, places={"AD", "sold"}))
    report = make_prepared(
        "r", "Deux hôtels ont brûlé.", title="Incendies en Andorre et aux Menuires", language="fr"
    )
    assert names.led_by(identity_of(report), ["menuires", "soldeu"]) == "soldeu"


def test_a_story_that_names_no_place_yet_does_not_give_its_country_away() -> None:
    """A chlorine leak told "dans l'usine de Saint-Julien-sur-Aube" (no locative preposition:
    no place read), while a strike in Nice has France as its main country: the English report
    "evacuated in Saint-Julien-sur-Aube, in north-eastern France" states the leak's count, not
    the strike's.  Once the story names a place of its own, France is the other story's again."""
    names = StoryNames()
    for _ in range(2):
        names.add("strike", _identity({"nice"}, places={"FR", "nice"}))
    names.add("leak", _identity({"aube"}))
    assert names.elsewhere("leak", {"FR", "saint-julien"}) == frozenset()
    names.add("leak", _identity({"aube"}, places={"troyes"}))
    assert names.elsewhere("leak", {"FR", "saint-julien"}) == {"FR"}


@pytest.mark.parametrize(
    ("french", "italian"),
    [
        (
            "Une avalanche fait sept morts dans les Alpes, aux Arcelles",
            "Valanga nelle Alpi, quattro morti a Valsavara",
        ),
        ("Hélicoptère écrasé dans les Dolomites", "Elicottero precipitato nelle Dolomiti, in Val di Fassa"),
    ],
)
def test_a_mountain_range_names_no_place(french: str, italian: str) -> None:
    """Two avalanches a day apart, both "in the Alps": a range is too large to tell events
    apart, and a report "in the Dolomites" is no other place than its valley's."""
    shared = keys(french, "fr") & keys(italian, "it")
    assert not shared


def test_a_german_guess_the_story_names_surely_links_it() -> None:
    """Italian reports name the spa town surely ("a Castelverde Terme"); the German one can
    only guess it, every noun being capitalised ("im Kurort Castelverde"), and names Bavaria,
    whose guests fell ill.  The other side agrees the guess is a name: linked, not refused."""
    names = StoryNames()
    names.add("spa", _identity({"castelverd", "veron"}, places={"veron"}))
    names.add("fire", _identity({"gent"}, places={"gent", "BE"}))
    german = _identity(
        places={"DE", "DE-BY"}, nouns={"castelverd", "kurort"}, noun_places={"castelverd", "kurort"}
    )
    assert names.verdict(german, "spa", stale=False) is Verdict.LINKED
    elsewhere = _identity(places={"DE", "DE-BY"}, nouns={"kurort"}, noun_places={"kurort"})
    assert names.verdict(elsewhere, "spa", stale=False) is Verdict.REFUSED


@pytest.mark.parametrize(
    ("title", "language", "recalled"),
    [
        ("Polonia, dopo la Bassa Slesia tocca alla Precarpazia", "it", "bass"),
        ("Floods hit Subcarpathia after Lower Silesia", "en", "PL-02"),
        ("Tras la Baja Silesia, el agua llega a la Subcarpacia", "es", "PL-02"),
    ],
)
def test_a_headline_does_not_lead_with_the_earlier_event_it_recalls(
    make_prepared, title: str, language: str, recalled: str
) -> None:
    """ "After Lower Silesia, Subcarpathia": the report of the second flood names the first one
    first, but it leads with the second."""
    identity = identity_of(
        make_prepared("r", "Rivers burst their banks overnight.", title=title, language=language)
    )
    assert recalled not in identity.headline_order
    names = StoryNames()
    names.add("silesia", _identity(places={"PL", "PL-02"}, headline={"PL-02"}))
    names.add("subcarpathia", _identity(places={"PL", "PL-18"}, headline={"PL-18"}))
    if "PL-18" in identity.headline_order:
        assert names.led_by(identity, ["silesia", "subcarpathia"]) == "subcarpathia"


def test_a_digest_whose_headline_names_no_story_is_led_by_its_first_item(make_prepared) -> None:
    """ "Morning Briefing: Sunday, February 22" names no story (weekdays and months are no
    names); its first item does.  A digest whose headline names a story, even one not among
    the candidates, is not read by its items."""
    names = StoryNames()
    names.add("dam", _identity({"haselgrab", "untertal"}, headline={"haselgrab"}, places={"AT"}))
    names.add("prison", _identity({"saint-aurel"}, headline={"saint-aurel"}, places={"FR"}))
    names.add("vote", _identity({"kovacic"}, headline={"kovacic"}, places={"SI"}))
    body = (
        "Good morning. Here is what you need to know to start your Sunday.\n"
        "Austria dam breach. The Haselgraben dam burst above Untertal; two people are dead.\n"
        "French jailbreak. Nine inmates who escaped from Saint-Aurèle are back in custody."
    )
    briefing = identity_of(make_prepared("d", body, title="Morning Briefing: Sunday, February 22"))
    assert briefing.digest
    assert names.led_by(briefing, ["prison", "dam"]) == "dam"
    led = identity_of(make_prepared("e", body, title="Morning Briefing: Kovacic seeks a majority"))
    assert names.led_by(led, ["prison", "dam"]) is None


def test_a_guessed_place_links_only_from_the_article_s_opening() -> None:
    """ "Das Auswärtige Amt in Berlin richtete einen Krisenstab ein", in a report of a coach
    crash abroad, shares a guessed place with a fire story that named Berlin: a capital's
    ministry, not the event's town.  In the opening, a guessed town does link."""
    names = StoryNames()
    names.add("fire", _identity(nouns={"saarbruck"}, noun_places={"saarbruck", "berlin"}))

    def coach(opening: set[str]) -> Identity:
        return Identity(
            frozenset(),
            frozenset({"rosenheim"}),
            frozenset(),
            frozenset(),
            frozenset({"berlin"}),
            opening=frozenset(opening),
        )

    assert names.verdict(coach({"stilfser", "joch"}), "fire", stale=False) is not Verdict.LINKED
    assert names.verdict(coach({"berlin"}), "fire", stale=False) is Verdict.LINKED


def test_a_capitalised_place_noun_before_its_name_names_nothing() -> None:
    """ "Lake Kivu", "Lake Victoria": the name tells the two lakes apart, "Lake" is both's."""
    assert "lak" not in read("Rescuers on Lake Kivu found 19 bodies", "en").names
    assert "kiv" in read("Rescuers on Lake Kivu found 19 bodies", "en").names
    assert "lak" in read("Rescuers searched the Lake all night", "en").names


def test_a_sentence_told_separately_recalls_another_event(make_prepared) -> None:
    lead = make_prepared(
        "k",
        "Nineteen people died when a boat capsized on Lake Kivu near Idjwi island. "
        "Rescuers from Kalehe searched the shore. "
        "Separately, at least seven people died when a boat capsized in Uganda.",
        title="Boat disaster on Lake Kivu",
        language="en",
    )
    assert "UG" not in identity_of(lead).places


def test_towns_do_not_conflict_where_both_share_two_countries_of_the_event() -> None:
    """A heatwave over the Balkans: each report names other towns, all name its countries."""
    names = StoryNames()
    for town in ("beograd", "split"):
        names.add("heat", _identity(places={"RS", "MK", "BA", town}))
    podgorica = _identity(places={"RS", "MK", "ME", "podgoric"})
    assert names.verdict(podgorica, "heat", stale=False) is Verdict.ALLOWED
    one_country = _identity(places={"RS", "nis"})  # one country shared: another town, maybe another event
    assert names.verdict(one_country, "heat", stale=False) is Verdict.REFUSED


def test_a_first_word_many_place_names_share_names_no_place() -> None:
    """ "Santa Lucía" and "San Vito" share no place, nor does "Sankt Gallen" with "Sankt Anton"."""
    assert read("Rioting inmates at the prison in Santa Lucía held 14 guards", "en").places == ["luc"]
    assert "sant" not in keys("The levee broke at San Vito, in Friuli", "it")
    assert read("Hochwasser in Sankt Gallen", "de").places != read("Lawine in Sankt Anton", "de").places


def test_a_digest_whose_first_listed_item_names_no_story_is_led_by_its_first_item(make_prepared) -> None:
    """ "Morning Briefing: Cruise outbreak spreads, Tanzania school fire": the headline names
    Tanzania first, but its first item names nothing; the body's first item is the cruise."""
    names = StoryNames()
    names.add("cruise", _identity({"auror", "seren"}, headline={"auror"}, places={"HR"}))
    names.add("fire", _identity({"mbeya"}, headline={"mbeya"}, places={"TZ", "mbeya"}))
    body = (
        "Cruise ship outbreak: norovirus has spread on the Aurora Serena, with 131 passengers ill.\n"
        "Tanzania school fire: five students were killed in a dormitory fire in Mbeya."
    )
    title = "Morning Briefing: Cruise outbreak spreads, Tanzania school fire, Huesca flood, Lyon blast"
    briefing = identity_of(make_prepared("d", body, title=title))
    assert briefing.digest and briefing.first_listed == ("cruis",)  # a word no story is about
    assert names.led_by(briefing, ["fire", "cruise"]) == "cruise"


def test_only_the_name_of_an_institution_after_a_preposition_is_a_place() -> None:
    """ "at Nyahururu County Referral Hospital": Nyahururu; "County", "Referral" are every
    county's.  Where every noun is capitalised, the first word may be a noun, so all stay."""
    assert read("She was treated at Nyahururu County Referral Hospital", "en").places == ["nyahurur"]
    german = read("Die Impfstoffe kamen im Flüchtlingslager Am-Tiné an", "de")
    assert "am-tin" in german.places


def test_a_sentence_about_an_event_a_day_before_recalls_another(make_prepared) -> None:
    lead = make_prepared(
        "k",
        "Ten students died in the dormitory fire at Kagumo Ridge school. "
        "Police in Nyandarua questioned the night watchman. "
        "The fire came a day before a blaze at a girls' school in Tanzania killed eight.",
        title="Kagumo Ridge fire toll rises to ten",
        language="en",
    )
    assert "TZ" not in identity_of(lead).places


def test_a_digest_is_led_by_its_first_listed_item_not_the_words_of_its_own_name(make_prepared) -> None:
    """ "Evening Briefing: Indonesia ferry death toll rises to 17": "Evening" is the digest's
    name, and a story whose articles said "Evening" is not what it leads with."""
    names = StoryNames()
    names.add("ferry", _identity({"sulawes"}, headline={"sulawes"}, places={"ID"}))
    names.add("blast", _identity({"ashuli", "evening"}, headline={"ashuli"}, places={"BD"}))
    body = (
        "INDONESIA FERRY: The toll from the sinking off Sulawesi rose to 17.\n"
        "BANGLADESH: Eleven workers were killed when a boiler exploded near Dhaka."
    )
    briefing = identity_of(
        make_prepared("d", body, title="Evening Briefing: Indonesia ferry death toll rises to 17")
    )
    assert briefing.digest and briefing.first_listed == ("ID",)
    assert names.led_by(briefing, ["blast", "ferry"]) == "ferry"


def test_a_wire_dateline_is_a_guessed_place_where_the_lead_names_no_town(make_prepared) -> None:
    """ "MODENA, 3 OTT – Quattordici studenti …" names no town after a preposition: its
    dateline tells it from a poisoning the day before in schools around Bari."""
    names = StoryNames()
    names.add("bari", _identity({"casamassim"}, places={"IT", "casamassim", "acquavi"}))
    modena = make_prepared(
        "m",
        "MODENA, 3 OTT – Quattordici studenti di un convitto sono stati ricoverati dopo il pranzo.",
        title="Intossicazione alimentare in un convitto, 14 studenti in ospedale",
        language="it",
    )
    identity = identity_of(modena)
    assert identity.noun_places == {name_key("MODENA", "it")}
    assert names.verdict(identity, "bari", stale=False) is Verdict.REFUSED
    bureau = make_prepared(
        "b",
        "MILAN, 13 oct 2026 (AFD) – La crue du Sorda a fait cinq morts à Castelrotto, selon la préfecture.",
        language="fr",
    )
    assert identity_of(bureau).noun_places == frozenset()  # the lead names its town: a bureau's dateline


def test_a_headline_recalling_a_twin_event_a_day_earlier_does_not_name_it(make_prepared) -> None:
    """ "…, a day after deadly Łódź blast": Łódź is the other explosion's; a cause told after
    "after" alone is this story's ("stocks slide after surprise SNB rate hike")."""
    brno = make_prepared(
        "b",
        "A gas explosion wrecked part of a block of flats in the Czech city of Brno on Tuesday.",
        title="Gas explosion hits Brno apartment block, two dead, a day after deadly Łódź blast",
        language="en",
    )
    identity = identity_of(brno)
    assert name_key("Łódź", "en") not in identity.names | identity.headline
    snb = make_prepared(
        "s",
        "The Swiss franc rose sharply after the central bank raised its policy rate.",
        title="Swiss franc jumps, stocks slide after surprise SNB rate hike",
        language="en",
    )
    assert name_key("SNB", "en") in identity_of(snb).names


@pytest.mark.parametrize(
    ("first", "second", "language"),
    [
        (
            "El Ministerio de Salud Pública confirmó 11 muertos por licor adulterado en Los Ríos.",
            "El Ministerio de Salud informó de cuatro muertos por licor adulterado en Huánuco.",
            "es",
        ),
        (
            "The Ministry of Health said 11 people died after drinking tainted liquor in Quevedo.",
            "The National Police and the Health Ministry said four died in Tingo Maria.",
            "en",
        ),
        (
            "Il ministero della Salute e la Protezione civile contano 11 morti a Quevedo.",
            "Secondo il Ministero della Salute e la Polizia nazionale i morti sono quattro a Tingo.",
            "it",
        ),
    ],
)
def test_an_institution_s_generic_words_name_nothing(first: str, second: str, language: str) -> None:
    """Every country has a ministry of health and a national police: their words link no
    poisoning in Ecuador to one in Peru."""
    assert not (keys(first, language) & keys(second, language))


def test_a_twin_storm_an_hour_earlier_is_recalled_not_named(make_prepared) -> None:
    """ "The storm came less than an hour after a tornado … around Mantua": the other storm,
    told in the lead of this one's report, names nothing of this one; nor does a headline's
    "on heels of Italy storm"."""
    article = make_prepared(
        "b",
        "Tornado hits southern Germany on heels of Italy storm\n"
        "A tornado swept through villages near Burgwald on Tuesday, injuring 12 people.\n"
        "The storm came less than an hour after a tornado struck the plain around Cremolo in "
        "northern Italy.",
    )
    identity = identity_of(article)
    assert "cremol" not in identity.places | identity.names
    assert "burgwald" in identity.places | identity.names


def test_a_headline_telling_a_new_event_in_another_province_does_not_join_the_first(make_prepared) -> None:
    """ "Un nouvel incendie … dans la province d'Aydın, voisine de celle de Muğla": the
    headline tells a new event of the kind, and names nothing of the Muğla fire but Turkey,
    which the country alone does not make the same story.  The same headline without "new"
    leaves the decision to the lead (a follow-up may name a new town of the country)."""
    first = make_prepared(
        "a",
        "Turquie : l'incendie de forêt de Milas gagne du terrain\n"
        "Un incendie de forêt qui ravage les collines près de Milas, dans le sud-ouest de la Turquie, a "
        "forcé les autorités à évacuer 1 400 habitants, selon le gouverneur.",
        language="fr",
        title="Turquie : l'incendie de forêt de Milas gagne du terrain",
    )
    names = StoryNames()
    names.add("milas", identity_of(first))
    lead = (
        "Un incendie de forêt s'est déclaré mardi près de Söke, dans la province d'Aydın, à une "
        "soixantaine de kilomètres de l'incendie de Milas, obligeant les autorités à évacuer 350 habitants."
    )
    new_fire = "Turquie : un nouvel incendie de forêt dans la province d'Aydın"
    fresh = identity_of(make_prepared("b", f"{new_fire}\n{lead}", language="fr", title=new_fire))
    assert fresh.fresh
    assert names.verdict(fresh, "milas", stale=False) is Verdict.REFUSED
    plain_title = "Turquie : incendie de forêt dans la province d'Aydın"
    plain = identity_of(make_prepared("c", f"{plain_title}\n{lead}", language="fr", title=plain_title))
    assert not plain.fresh
    assert names.verdict(plain, "milas", stale=False) is not Verdict.REFUSED


@pytest.mark.parametrize(
    ("headline", "language"),
    [
        ("New York fire kills three", "en"),
        ("Nouvelle-Calédonie : trois morts dans un glissement de terrain", "fr"),
        ("Nouveau bilan : 12 morts à Milas", "fr"),
        ("Nuevo balance: 14 muertos en Lircay", "es"),
    ],
)
def test_new_before_a_name_or_a_toll_tells_no_new_event(make_prepared, headline: str, language: str) -> None:
    article = make_prepared("a", f"{headline}\nThree people died.", language=language, title=headline)
    assert not identity_of(article).fresh


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Hours earlier in Rafina, a second ferry caught fire on its car deck.", "en"),
        ("Au Portugal, à près de 3 000 kilomètres de là, plus de 400 personnes ont été évacuées.", "fr"),
        ("Horas antes, en San Albino, se había precipitado un autocar por un barranco.", "es"),
        ("Poche ore prima, a Roma, si era aperta una voragine in via Tiburtina.", "it"),
        ("Rund 300 Kilometer entfernt, in Tirol, war ein Bus verunglückt.", "de"),
        ("El de Torrelavega fue el primero de los dos incendios; en Avilés murió un operario.", "es"),
        ("C'était le second des deux incendies de la nuit dans la région.", "fr"),
    ],
)
def test_hours_earlier_far_away_or_one_of_two_recalls_another_event(sentence: str, language: str) -> None:
    assert recall_at(sentence, language) is not None


@pytest.mark.parametrize(
    ("language", "headline"),
    [
        ("fr", "EN DIRECT - Fusillade à Villeneuve-les-Ormes : un mort"),
        ("es", "EN DIRECTO | Incendio en Vigo: dos heridos"),
        ("it", "IN DIRETTA - Incendio a Genova, due feriti"),
    ],
)
def test_a_live_label_names_no_place(language: str, headline: str) -> None:
    """ "EN DIRECT", "EN DIRECTO", "IN DIRETTA": a live page's label after a place preposition,
    shared by every live page of the feed, so never a place two stories could share."""
    assert not any(key.startswith("direct") or key.startswith("dirett") for key in keys(headline, language))


def test_a_sentence_told_at_the_same_hour_recalls_another_event(make_prepared) -> None:
    """ "Fast zeitgleich war im Kanton Uri eine Lawine niedergegangen", "Auch vor Kreta kenterte am
    selben Morgen ein Boot": twin events of one morning, told side by side."""
    german = make_prepared(
        "k",
        "Lawine im Valbeller Tal: Drei Tote\n"
        "Die Zahl der Todesopfer nach dem Lawinenabgang im Valbeller Tal ist auf drei gestiegen.\n"
        "Fast zeitgleich war im Schweizer Kanton Graubünden eine Lawine niedergegangen.",
        language="de",
    )
    assert not {"CH", "CH-GR"} & identity_of(german).places
    english = make_prepared(
        "e",
        "Migrant boat capsizes off Lampedusa\n"
        "Fourteen people died when a migrant boat capsized off Lampedusa, the coast guard said.\n"
        "A boat carrying 60 people capsized off Crete the same morning.",
    )
    assert not {"GR", "GR-M"} & identity_of(english).places


def test_an_opening_names_nothing_of_a_later_clause_that_recalls_another_event(make_prepared) -> None:
    """A live blog's key events: "…; a separate boat capsized off Crete on the same morning"."""
    blog = make_prepared(
        "b",
        "Key events: survivors say 86 people set off from Sfax; three children are among the dead; "
        "a separate boat capsized off Crete on the same morning.",
        title="Lampedusa shipwreck: live updates",
    )
    assert not {"GR", "GR-M"} & identity_of(blog).places
    plain = make_prepared(
        "c",
        "Key events: survivors say 86 people set off from Sfax; the boat capsized off Crete.",
        title="Shipwreck: live updates",
    )
    assert "GR-M" in identity_of(plain).places


def test_a_river_both_countries_name_does_not_link_a_headline_abroad(make_prepared) -> None:
    """Floods on the Sava in Bosnia, then "Serbie : la Save déborde" with a town of its own:
    the river is both countries', no link across their conflict; a recall of a product named in
    another country's headline, with no town of its own, still links."""
    names = StoryNames()
    for k, body in enumerate(
        (
            "Floods on the Sava kill four in Bosnia\nFour people died in Doboj, Bosnia, as the Sava "
            "and the Bosna burst their banks.",
            "Bosnia floods: toll rises to five\nA fifth body was found in Maglaj, Bosnia, as the Sava "
            "kept rising, officials said.",
        )
    ):
        names.add("bosnia", identity_of(make_prepared(f"b{k}", body)))
    serbia = identity_of(
        make_prepared(
            "s",
            "Une personne est morte près de Šabac, en Serbie, où la Save est sortie de son lit.",
            title="Serbie : la Save déborde, un mort et 2 000 évacués",
            language="fr",
        )
    )
    assert names.verdict(serbia, "bosnia", stale=False) is Verdict.REFUSED
    drug = StoryNames()
    for _ in range(2):
        drug.add("recall", _identity({"veltrax", "corvalan"}, headline={"veltrax"}, places={"CH"}))
    spain = _identity({"veltrax", "corvalan", "aemps"}, headline={"veltrax"}, places={"ES"})
    spain = Identity(
        spain.names, spain.nouns, spain.headline, spain.places, headline_places=frozenset({"ES"})
    )
    assert drug.verdict(spain, "recall", stale=False) is not Verdict.REFUSED


def test_a_stock_exchange_names_no_place() -> None:
    assert "bols" not in read("Las acciones de Veltrax cayeron un 12 % en Bolsa este martes.", "es").places
    assert "bours" not in read("Le titre a chuté de 9 % à la Bourse de Zurich.", "fr").places
