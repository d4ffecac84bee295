"""The figure lexicon: words and phrasings per language, canonicalised to English.

Data only — the rules that use it live in :mod:`services.analysis.figures`.  Every table is
keyed by ISO 639-1 code (``en``, ``fr``, ``es``, ``de``).  Phrase tables map a canonical label
to ``"|"``-separated phrases (lower case; multi-word phrases are matched token by token, so
``"lost their lives"`` and ``"s'élève"`` work as written).  Nothing here names a person, a
place, a story or a figure: only general vocabulary.

Canonical measures (one English name per thing counted): killed, injured, missing,
evacuated, displaced, arrested, rescued, affected, hospitalized, kidnapped, homeless,
casualties.  A subgroup ("civilians", "children", ...) prefixes the measure:
"civilians killed".
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

Table = Mapping[str, Mapping[str, str]]
"""language -> canonical label -> "phrase|phrase|..."."""
WordSets = Mapping[str, frozenset[str]]
"""language -> set of single lower-case tokens."""


def _table(data: dict[str, dict[str, str]]) -> Table:
    """Freeze a nested table so no caller can mutate the lexicon at run time."""
    return MappingProxyType({lang: MappingProxyType(rows) for lang, rows in data.items()})


def _words(data: dict[str, str]) -> WordSets:
    """Freeze whitespace-separated word lists into frozensets."""
    return MappingProxyType({lang: frozenset(words.split()) for lang, words in data.items()})


def _set(words: str) -> frozenset[str]:
    """Freeze one whitespace-separated word list."""
    return frozenset(words.split())


QUALIFIERS: Final = ("exact", "about", "at_least", "more_than", "at_most", "less_than")

# What a count measures, when the phrase follows the number ("20 dead", "six injuries") or
# is the predicate of its subject ("300 people ... have been killed", "12 Menschen kamen ums
# Leben").  Bare verbs are fine here because figures.py only looks for them after a number.
MEASURE_PHRASES: Final[Table] = _table(
    {
        "en": {
            "killed": "killed|dead|died|die|deaths|death|fatalities|fatality|perished|lost their lives"
            "|lost their life|lost his life|lost her life|slain|murdered|among the dead|confirmed dead"
            "|dead bodies",
            "injured": "injured|wounded|hurt|injuries|seriously injured|among the injured"
            "|among the wounded|sustained injuries|suffered injuries",
            "missing": "missing|unaccounted for|unaccounted|still missing",
            "evacuated": "evacuated|evacuees",
            "displaced": "displaced|forced to flee|fled their homes|forced from their homes|uprooted",
            "arrested": "arrested|detained|arrests|detentions|taken into custody|apprehended",
            "rescued": "rescued|pulled from the rubble|pulled alive",
            "affected": "affected",
            "hospitalized": "hospitalized|hospitalised|taken to hospital|in hospital|treated in hospital",
            "kidnapped": "kidnapped|abducted|taken hostage|held hostage|hostages",
            "homeless": "homeless|left homeless",
            "casualties": "casualties",
        },
        "fr": {
            "killed": "mort|morts|morte|mortes|tué|tués|tuée|tuées|décès|péri|ont péri|perdu la vie"
            "|trouvé la mort|décédé|décédés|décédée|décédées|parmi les morts|sont morts|sont mortes",
            "injured": "blessé|blessés|blessée|blessées|parmi les blessés|grièvement blessés",
            "missing": "disparu|disparus|disparue|disparues|portés disparus|portées disparues"
            "|porté disparu|portée disparue",
            "evacuated": "évacué|évacués|évacuée|évacuées",
            "displaced": "déplacé|déplacés|déplacée|déplacées|déplacés internes|ont fui leurs foyers",
            "arrested": "arrêté|arrêtés|arrêtée|arrêtées|interpellé|interpellés|interpellée|interpellées"
            "|arrestations|interpellations|placés en garde à vue",
            "rescued": "secouru|secourus|secourue|secourues|sauvés|sauvées",
            "affected": "touché|touchés|touchée|touchées|affectés|affectées|sinistrés|sinistrées",
            "hospitalized": "hospitalisé|hospitalisés|hospitalisée|hospitalisées",
            "kidnapped": "enlevé|enlevés|enlevée|enlevées|kidnappés|kidnappées|pris en otage|otages",
            "homeless": "sans-abri|sans abri",
        },
        "es": {
            "killed": "muerto|muertos|muerta|muertas|murieron|murió|han muerto|fallecido|fallecidos"
            "|fallecida|fallecidas|fallecieron|falleció|han fallecido|perdieron la vida|perdido la vida"
            "|perdió la vida|asesinados|asesinadas|víctimas mortales|muertes|decesos|entre los muertos",
            "injured": "herido|heridos|herida|heridas|lesionados|lesionadas|entre los heridos"
            "|resultaron heridos|resultaron heridas",
            "missing": "desaparecido|desaparecidos|desaparecida|desaparecidas",
            "evacuated": "evacuado|evacuados|evacuada|evacuadas",
            "displaced": "desplazado|desplazados|desplazada|desplazadas|huyeron de sus hogares",
            "arrested": "detenido|detenidos|detenida|detenidas|arrestado|arrestados|arrestada|arrestadas"
            "|detenciones|arrestos",
            "rescued": "rescatado|rescatados|rescatada|rescatadas",
            "affected": "afectados|afectadas|damnificados|damnificadas",
            "hospitalized": "hospitalizado|hospitalizados|hospitalizada|hospitalizadas",
            "kidnapped": "secuestrado|secuestrados|secuestrada|secuestradas|rehenes",
            "homeless": "sin hogar",
        },
        "de": {
            "killed": "tot|tote|toter|toten|getötet|getötete|getöteten|ums leben|starben|gestorben"
            "|umgekommen|todesopfer|todesopfern|verstorben|verstarben|unter den toten|todesfälle|todesfällen",
            "injured": "verletzt|verletzte|verletzter|verletzten|verwundet|verwundete|verwundeten"
            "|schwerverletzte|schwerverletzten|leichtverletzte|leichtverletzten|unter den verletzten",
            "missing": "vermisst|vermisste|vermissten|werden vermisst",
            "evacuated": "evakuiert|in sicherheit gebracht",
            "displaced": "vertrieben|vertriebene|vertriebenen",
            "arrested": "festgenommen|verhaftet|inhaftiert|festnahmen|festgenommene|in gewahrsam genommen",
            "rescued": "gerettet",
            "affected": "betroffen|betroffene|betroffenen",
            "hospitalized": "ins krankenhaus|im krankenhaus|hospitalisiert",
            "kidnapped": "entführt|verschleppt|geiseln|als geiseln",
            "homeless": "obdachlos|obdachlose|obdachlosen",
        },
    }
)

# Phrases that come *before* the number they measure: active verbs ("killing 20 people",
# "the attack killed 20") and tolls ("the death toll rose to 311").
ACTIVE_PHRASES: Final[Table] = _table(
    {
        "en": {
            "killed": "killed|killing|kills|claimed the lives of|claiming the lives of|took the lives of"
            "|death toll|toll|number of dead|number of deaths|number of people killed|number of fatalities",
            "injured": "injured|injuring|wounded|wounding|number of injured|number of wounded",
            "evacuated": "evacuated|evacuating",
            "displaced": "displaced|displacing",
            "arrested": "arrested|arresting|detained|detaining|number of arrests",
            "rescued": "rescued|rescuing",
            "kidnapped": "kidnapped|kidnapping|abducted|abducting",
        },
        "fr": {
            "killed": "a tué|ont tué|tuant|coûté la vie à|coûtant la vie à|bilan|nombre de morts"
            "|nombre de tués|nombre de victimes|bilan des morts|nombre de décès",
            "injured": "a blessé|ont blessé|blessant|nombre de blessés",
            "evacuated": "a évacué|ont évacué|évacuant",
            "arrested": "a arrêté|ont arrêté|a interpellé|ont interpellé|arrêtant",
            "rescued": "a secouru|ont secouru",
            "kidnapped": "a enlevé|ont enlevé",
        },
        "es": {
            "killed": "mató|mataron|matando|acabó con la vida de|costó la vida a|cobró la vida de"
            "|cifra de muertos|número de muertos|balance de muertos|cifra de fallecidos"
            "|número de fallecidos|cifra de víctimas mortales|número de víctimas mortales"
            "|balance de víctimas",
            "injured": "hirió|hirieron|hiriendo|cifra de heridos|número de heridos",
            "evacuated": "evacuó|evacuaron|evacuando",
            "arrested": "detuvo|detuvieron|arrestó|arrestaron|deteniendo",
            "rescued": "rescató|rescataron",
            "kidnapped": "secuestró|secuestraron",
        },
        "de": {
            "killed": "tötete|töteten|zahl der toten|zahl der todesopfer|totenzahl|opferzahl",
            "injured": "zahl der verletzten",
            "evacuated": "evakuierte|evakuierten",
            "rescued": "rettete|retteten",
        },
    }
)

# Who was counted, when it is a part of the whole: "20 civilians have been killed" gives
# "civilians killed".  Nouns start a subject; adjectives only combine with a measure noun
# ("four civilian fatalities", "20 morts civils").
SUBGROUP_NOUNS: Final[Table] = _table(
    {
        "en": {
            "civilians": "civilians",
            "children": "children|child|kids|minors|babies|infants",
            "women": "women",
            "soldiers": "soldiers|soldier|troops|servicemen|service members|military personnel",
            "police officers": "police officers|police officer|policemen|policeman|police personnel",
            "journalists": "journalists|journalist|reporters|media workers",
            "fighters": "fighters|militants|rebels|insurgents|combatants|jihadists|gunmen",
            "protesters": "protesters|protestors|demonstrators",
            "migrants": "migrants|asylum seekers",
            "refugees": "refugees",
            "passengers": "passengers",
            "students": "students|pupils|schoolchildren",
            "aid workers": "aid workers|humanitarian workers",
            "health workers": "health workers|healthcare workers|medics|paramedics|doctors|nurses",
            "firefighters": "firefighters",
            "tourists": "tourists",
            "prisoners": "prisoners|inmates|detainees",
        },
        "fr": {
            "civilians": "civils",
            "children": "enfants|enfant|mineurs|bébés",
            "women": "femmes",
            "soldiers": "soldats|soldat|militaires",
            "police officers": "policiers|policier|gendarmes|agents de police",
            "journalists": "journalistes|journaliste",
            "fighters": "combattants|rebelles|insurgés|djihadistes|jihadistes|miliciens",
            "protesters": "manifestants|manifestantes",
            "migrants": "migrants|migrantes|demandeurs d'asile",
            "refugees": "réfugiés|réfugiées",
            "passengers": "passagers|passagères",
            "students": "élèves|étudiants|étudiantes|écoliers",
            "aid workers": "humanitaires|travailleurs humanitaires",
            "health workers": "soignants|médecins|infirmiers|secouristes",
            "firefighters": "pompiers",
            "tourists": "touristes",
            "prisoners": "prisonniers|détenus",
        },
        "es": {
            "civilians": "civiles",
            "children": "niños|niñas|niño|niña|menores",
            "women": "mujeres",
            "soldiers": "soldados|soldado|militares|efectivos",
            "police officers": "policías|policía|agentes|agentes de policía",
            "journalists": "periodistas|periodista",
            "fighters": "combatientes|rebeldes|insurgentes|yihadistas|milicianos",
            "protesters": "manifestantes",
            "migrants": "migrantes",
            "refugees": "refugiados|refugiadas",
            "passengers": "pasajeros|pasajeras",
            "students": "estudiantes|alumnos|alumnas|escolares",
            "aid workers": "cooperantes|trabajadores humanitarios",
            "health workers": "sanitarios|médicos|enfermeros|enfermeras",
            "firefighters": "bomberos",
            "tourists": "turistas",
            "prisoners": "presos|prisioneros|reclusos",
        },
        "de": {
            "civilians": "zivilisten|zivilistinnen|zivilpersonen",
            "children": "kinder|kind|minderjährige|jugendliche",
            "women": "frauen",
            "soldiers": "soldaten|soldat|soldatinnen|militärangehörige",
            "police officers": "polizisten|polizist|polizeibeamte|polizeibeamten|beamte",
            "journalists": "journalisten|journalistinnen|reporter",
            "fighters": "kämpfer|rebellen|aufständische|aufständischen|dschihadisten|milizionäre",
            "protesters": "demonstranten|demonstrantinnen",
            "migrants": "migranten|migrantinnen",
            "refugees": "flüchtlinge|geflüchtete",
            "passengers": "passagiere|fahrgäste|insassen",
            "students": "schüler|schülerinnen|studenten|studierende",
            "aid workers": "helfer|hilfskräfte|entwicklungshelfer",
            "health workers": "ärzte|sanitäter|pflegekräfte",
            "firefighters": "feuerwehrleute",
            "tourists": "touristen|urlauber",
            "prisoners": "häftlinge|gefangene",
        },
    }
)

SUBGROUP_ADJECTIVES: Final[Table] = _table(
    {
        "en": {"civilians": "civilian", "children": "child", "soldiers": "military|troop"},
        "fr": {"civilians": "civils|civiles", "soldiers": "militaires", "children": "enfants"},
        "es": {"civilians": "civiles", "soldiers": "militares", "children": "menores"},
        "de": {"civilians": "zivile|zivilen|ziviler", "soldiers": "militärische"},
    }
)

# Generic heads of a counted group of people: they take the measure of their predicate.
PEOPLE_NOUNS: Final[WordSets] = _words(
    {
        "en": "people persons person individuals others residents inhabitants villagers victims men citizens",
        "fr": "personnes personne individus habitants autres gens victimes hommes",
        "es": "personas persona individuos habitantes otros otras víctimas vecinos hombres",
        "de": "menschen mensch personen person einwohner bewohner weitere andere opfer opfern leute männer",
    }
)

# After a number these make it a quantity of something else (time, distance, money, ...).
UNIT_PHRASES: Final[Table] = _table(
    {
        "en": {
            "time": "second|seconds|minute|minutes|min|mins|hour|hours|hr|hrs|day|days|night|nights|week"
            "|weeks|weekend|weekends|month|months|year|years|yr|yrs|decade|decades|century|centuries"
            "|a . m .|p . m .|am|pm|o ' clock|gmt|utc|times|year-old|years-old|round|rounds|session",
            "measure": "km|kilometres|kilometers|kilometre|kilometer|mile|miles|m|metres|meters|metre|meter"
            "|cm|mm|ft|feet|foot|inch|inches|kg|kilograms|kilos|tonnes|tons|ton|tonne|pounds|lb|lbs"
            "|hectares|acres|sq|square|degrees|degree|°|litres|liters|gallons|barrels|mw|gw|kw|mph|knots"
            "|percent|per cent|percentage|%|points|goals|votes|seats|euros|euro|dollars|dollar|usd|eur"
            "|gbp|yen|yuan|rubles|roubles|pesos|francs|rupees|pounds sterling",
        },
        "fr": {
            "time": "seconde|secondes|minute|minutes|min|heure|heures|h|jour|jours|journée|journées|nuit"
            "|nuits|semaine|semaines|mois|an|ans|année|années|décennie|décennies|siècle|siècles|fois",
            "measure": "km|kilomètres|kilomètre|mètres|mètre|m|cm|mm|kg|kilos|tonnes|tonne|hectares|degrés"
            "|°|litres|barils|mw|gw|pour cent|pourcent|%|points|buts|voix|sièges|euros|euro|dollars"
            "|dollar|francs|livres",
        },
        "es": {
            "time": "segundo|segundos|minuto|minutos|min|hora|horas|h|día|días|dia|dias|noche|noches|semana"
            "|semanas|mes|meses|año|años|ano|anos|década|décadas|siglo|siglos|veces|vez",
            "measure": "km|kilómetros|kilómetro|metros|metro|m|cm|mm|kg|kilos|toneladas|tonelada|hectáreas"
            "|grados|°|litros|barriles|mw|gw|por ciento|%|puntos|goles|votos|escaños|euros|euro|dólares"
            "|dólar|pesos",
        },
        "de": {
            "time": "sekunde|sekunden|minute|minuten|min|stunde|stunden|std|uhr|tag|tage|tagen|tages|nacht"
            "|nächte|nächten|woche|wochen|monat|monate|monaten|jahr|jahre|jahren|jahres|jahrzehnt"
            "|jahrzehnte|jahrhundert|jahrhunderte|mal|jährige|jährigen|jähriger|jährig",
            "measure": "km|kilometer|meter|m|cm|mm|kg|kilo|tonnen|tonne|hektar|grad|°|liter|barrel|mw|gw"
            "|prozent|%|punkte|tore|stimmen|sitze|euro|dollar|franken",
        },
    }
)

# Before a number these make it an age, a rank, an identifier or a date, not a count.
NOT_A_COUNT_BEFORE: Final[Table] = _table(
    {
        "en": {
            "age": "aged|age|ages|age of",
            "identifier": "no|nr|number|#|article|page|chapter|resolution|flight|route|line|level|phase"
            "|category|grade|gate|room|section|paragraph|version|model|vol|volume|episode|season|act",
            "money": "$|€|£|¥|₹|us$|usd|eur|gbp",
        },
        "fr": {
            "age": "âgé de|âgée de|âgés de|âgées de|âge de|l'âge de",
            "identifier": "n|no|n°|nº|numéro|article|page|chapitre|résolution|vol|ligne|niveau|phase"
            "|catégorie|porte|salle|section|version|épisode|saison",
            "money": "$|€|£|¥",
        },
        "es": {
            "age": "edad de|edades de",
            "identifier": "n|nº|n°|número|artículo|página|capítulo|resolución|vuelo|línea|nivel|fase"
            "|categoría|puerta|sala|sección|versión|episodio|temporada",
            "money": "$|€|£|¥",
        },
        "de": {
            "age": "alter von|im alter von",
            "identifier": "nr|nummer|artikel|seite|kapitel|resolution|flug|linie|stufe|phase|kategorie"
            "|tor|raum|abschnitt|version|folge|staffel|paragraf|paragraph|§",
            "money": "$|€|£|¥",
        },
    }
)

MONTHS: Final[WordSets] = _words(
    {
        "en": "january february march april may june july august september october november december "
        "jan feb mar apr jun jul aug sep sept oct nov dec",
        "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre "
        "janv févr avr juil sept oct nov déc",
        "es": "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre "
        "diciembre ene feb mar abr jun jul ago sep oct nov dic",
        "de": "januar jänner februar märz april mai juni juli august september oktober november dezember "
        "jan feb mär apr jun jul aug sep sept okt nov dez",
    }
)

# A bare four-digit year after these is a date, never a head count.
YEAR_PREPOSITIONS: Final[WordSets] = _words(
    {
        "en": "in since by until till from of before after during between early late mid summer winter year",
        "fr": "en depuis dès jusqu avant après de fin début mi an année",
        "es": "en desde hasta antes después de durante entre finales principios año",
        "de": "im in seit bis vor nach von ab anfang ende mitte jahr jahres",
    }
)

# Qualifiers written right before the number.
QUALIFIER_PHRASES: Final[Table] = _table(
    {
        "en": {
            "more_than": "more than|over|upwards of|in excess of|well over|just over|greater than"
            "|well above|above",
            "at_least": "at least|no fewer than|no less than|a minimum of|not less than|not fewer than"
            "|at the very least",
            "about": "about|around|nearly|almost|roughly|some|approximately|an estimated|estimated"
            "|close to|approx.|approx|circa|ca.|an approximate|just about|around about",
            "at_most": "up to|at most|no more than|as many as|a maximum of|not more than",
            "less_than": "fewer than|less than|under|below|just under|just below",
        },
        "fr": {
            "more_than": "plus de|plus d'|un peu plus de|bien plus de|davantage de|au-delà de",
            "at_least": "au moins|pas moins de|au minimum|au bas mot",
            "about": "environ|près de|presque|quelque|approximativement|autour de|quasiment|à peu près"
            "|une estimation de",
            "at_most": "jusqu'à|au plus|au maximum|pas plus de|tout au plus",
            "less_than": "moins de|un peu moins de|moins d'",
        },
        "es": {
            "more_than": "más de|poco más de|por encima de",
            "at_least": "al menos|por lo menos|como mínimo|no menos de|un mínimo de",
            "about": "unos|unas|cerca de|casi|alrededor de|aproximadamente|aproximadamente unos"
            "|en torno a|unos aproximadamente",
            "at_most": "hasta|como máximo|no más de|un máximo de",
            "less_than": "menos de|poco menos de",
        },
        "de": {
            "more_than": "mehr als|über|gut|weit über|knapp über",
            "at_least": "mindestens|wenigstens|zumindest|nicht weniger als",
            "about": "etwa|rund|fast|knapp|ungefähr|circa|ca.|annähernd|nahezu|beinahe|schätzungsweise"
            "|an die",
            "at_most": "bis zu|höchstens|maximal|nicht mehr als",
            "less_than": "weniger als|unter|knapp unter",
        },
    }
)

# Qualifiers written right after the number ("300 or more").
POST_QUALIFIER_PHRASES: Final[Table] = _table(
    {
        "en": {"at_least": "or more|and more|and counting|at least", "about": "or so|odd"},
        "fr": {"at_least": "ou plus|au moins|au minimum", "about": "environ"},
        "es": {"at_least": "o más|al menos|como mínimo", "about": "aproximadamente"},
        "de": {"at_least": "oder mehr|mindestens", "about": "etwa"},
    }
)

# A comma-delimited aside that names a part of a group: "300 people, including 20 civilians,
# have been killed".  The forward search skips it; a subgroup inside inherits the measure.
INCLUSION_PHRASES: Final[Table] = _table(
    {
        "en": {"incl": "including|among them|among whom|of whom|of which|among those|incl"},
        "fr": {"incl": "dont|parmi lesquels|parmi lesquelles|parmi eux|parmi elles|y compris|notamment"},
        "es": {
            "incl": "entre ellos|entre ellas|entre los que|entre las que|incluidos|incluidas|incluyendo"
            "|de los cuales|de las cuales|entre quienes"
        },
        "de": {"incl": "darunter|davon|einschließlich|inklusive|unter ihnen"},
    }
)

# Words allowed between an active phrase and its number ("the death toll has risen to 311").
LINK_WORDS: Final[WordSets] = _words(
    {
        "en": "to at of has have had rose risen climbed reached stood stands stand is was now increased "
        "jumped hit reportedly another additional further total a an the already since",
        "fr": "à a de d ' s élève élevé est était atteint passé passe désormais maintenant au total "
        "alourdi porté grimpe grimpé monte monté",
        "es": "a de asciende ascendió ascienda es era alcanza alcanzó llega llegó ya sube subió eleva elevó "
        "se situó sitúa total",
        "de": "auf bei liegt lag stieg steigt ist war beträgt betrug nun inzwischen mittlerweile insgesamt "
        "weitere",
    }
)

# Grammatical words: a head scan stops at them (the number is then used as a pronoun, as in
# "six were injured").
FUNCTION_WORDS: Final[WordSets] = _words(
    {
        "en": "the a an and or but nor of in on at to from by with for as into onto over after before "
        "during since about who whom whose which that these those this there their his her its they "
        "them we were was are is be been being have has had will would could should may might can did "
        "do does not no than also if when while where so out up per via across against among between",
        "fr": "le la les l un une des de du d au aux et ou à en dans par pour sur avec sans sous qui que "
        "qu dont ont a été sont est était étaient ce ces cet cette se s leur leurs ne pas n y ils elles "
        "il elle depuis selon lors après avant entre chez vers contre mais restent demeurent seraient "
        "auraient avaient toujours encore",
        "es": "el la los las lo un una unos unas de del al a en y o u e que quien quienes cuyo por para "
        "con sin sobre entre han ha fueron fue son es era eran sido se su sus le les no este esta "
        "estos estas desde según tras durante hacia contra pero están estaban siguen permanecen "
        "quedaron habrían habían todavía aún",
        "de": "der die das den dem des ein eine einer einen einem und oder in im an am auf aus bei mit "
        "nach von vom zu zum zur für über unter durch gegen seit sind ist war waren wurden wurde haben "
        "hat hatten hatte sein werden es sie er wir ihr nicht auch noch als wie dass laut während "
        "aber",
    }
)

# A measure word right after these is an object ("treated the injured"), not a predicate.
DETERMINERS: Final[WordSets] = _words(
    {
        "en": "the these those its their his her our a an my your",
        "fr": "les le la ces leurs des",
        "es": "los las el la sus",
        "de": "die den der dem",
    }
)

# Words that end the forward search: a new group of people is being talked about, or the
# predicate is negated ("could not be rescued").
BLOCKERS: Final[WordSets] = _words(
    {
        "en": "those whose mourn mourned mourning commemorate honour honor not never no nobody none "
        "they he she we",
        "fr": "ceux celles ne n pas jamais aucun aucune ils elles il elle on",
        "es": "aquellos aquellas no nunca ningún ninguno ninguna nadie ellos ellas",
        "de": "jene deren nicht kein keine keiner niemand nie sie er wir",
    }
)

COORDINATORS: Final[WordSets] = _words({"en": "and plus as well", "fr": "et", "es": "y e", "de": "und sowie"})

# Ranges: "between 20 and 30", "20 to 30", "20-30", "from 20 to 30".
RANGE_OPENERS: Final[WordSets] = _words({"en": "between", "fr": "entre", "es": "entre", "de": "zwischen"})
RANGE_FROM: Final[WordSets] = _words({"en": "from", "fr": "de", "es": "de", "de": "von"})
RANGE_CONNECTORS: Final[WordSets] = _words(
    {"en": "to - – — or", "fr": "à - – — ou", "es": "a - – — o u", "de": "bis - – — oder"}
)
RANGE_AND: Final[WordSets] = _words({"en": "and", "fr": "et", "es": "y e", "de": "und"})

# Generic fallback for counted things outside the lexicon (English): "2,000 workers on
# strike", "300 homes were destroyed", "40 flights have been cancelled".
FALLBACK_AUXILIARIES: Final = _set(
    "were was are is have has had been being be got get remain remained went gone still now"
)
FALLBACK_IRREGULAR_PARTICIPLES: Final = _set(
    "shut cut lost built sold hit taken stolen seized sent made given brought held set "
    "struck torn burnt burned shot freed laid put left stranded grounded trapped sunk "
    "destroyed damaged flooded razed"
)
FALLBACK_PARTICLES: Final = frozenset({"off", "out", "down", "up", "away", "back", "open", "free"})
FALLBACK_STATE_PHRASES: Final = (
    "on strike",
    "without power",
    "without electricity",
    "without water",
    "out of work",
    "in quarantine",
    "under evacuation orders",
)
FALLBACK_NOUN_STOPWORDS: Final = _set(
    "others times ones things cases ways reasons years days months weeks hours minutes "
    "percent points per is was has as its this thus yes us his hers ours yours theirs always "
    "perhaps plus whereas besides towards afterwards sometimes less unless across news"
)
