"""News digests: one article that tells several stories, a paragraph each.

A morning briefing or an evening round-up ("Der Abend: Warnstreiks bei Kronwerk,
Stadionunglück in Algerien, Waldbrand in Kalifornien") is filed under the story it leads
with.  Its headline often says what it is ("Morning Briefing:", "l'essentiel de la
matinée"); otherwise its shape gives it away, whatever its layout (labels in capitals,
"Romania:", "In Kalifornien …"): a headline listing items, and paragraphs set in different
countries, none of which the others name.  A report of one event abroad names its country
again and again, and lists no items in its headline ("22 salvati, tre morti" is one list of
counts); a side-by-side report of twin events names two.
"""

from __future__ import annotations

from typing import Final

from services.analysis import gazetteer
from services.analysis.figures.lexicon import LEXICONS, TOKEN_RE
from services.analysis.languages import phrase_patterns
from services.analysis.places import CALENDAR

DIGEST_COUNTRIES: Final = 3  # paragraphs, each in a country none of the others names
LISTED_ITEMS: Final = 3  # a headline listing this many items ("A, B, C", "A; B; C")
_NAMED: Final = phrase_patterns("digests")


def is_digest(title: str, body: str, language: str) -> bool:
    """Whether the article is a digest: its headline names one, or lists LISTED_ITEMS items
    while DIGEST_COUNTRIES paragraphs of `body` are each set in countries that no other
    paragraph names."""
    named = _NAMED.get(language)
    if named is not None and named.search(title):
        return True
    return _listed_items(title, language) >= LISTED_ITEMS and _set_apart(body, language)


def _listed_items(title: str, language: str) -> int:
    """Items a headline lists: "A, B, C", "A; B; C", or "A, B y C" (a coordinator after the
    last comma closes the list)."""
    separators = title.count(",") + title.count(";")
    if not separators:
        return 1
    lex = LEXICONS.get(language)
    tail = title[max(title.rfind(","), title.rfind(";")) + 1 :]
    closed = lex is not None and any(w.lower() in lex.coordinators for w in TOKEN_RE.findall(tail))
    return separators + 1 + closed


def _set_apart(body: str, language: str) -> bool:
    paragraphs = [_countries(p, language) for p in body.split("\n") if p.strip()]
    named = [countries for countries in paragraphs if countries]
    apart = 0
    for k, countries in enumerate(named):
        others = set().union(*(c for j, c in enumerate(named) if j != k))
        apart += not (countries & others)
    return apart >= DIGEST_COUNTRIES


def _countries(paragraph: str, language: str) -> frozenset[str]:
    """The countries a paragraph names, a region standing for its country."""
    tokens = TOKEN_RE.findall(paragraph)
    spans = gazetteer.find(tokens, [gazetteer.fold_word(t) for t in tokens], language)
    return frozenset(gazetteer.country_of(key) for _, _, key in spans)


def names_only_itself(title: str, language: str) -> bool:
    """A digest's headline that lists fewer than two items after its name ("Morning Briefing:
    Sunday, February 22", "Der Abend: Die Nachrichten des Tages"): it says what the page is,
    not what happened ("Morning Brief: Bosporus reopens; hail batters Andalusia" lists two)."""
    named = _NAMED.get(language)
    found = named.search(title) if named is not None else None
    if found is None:
        return False
    calendar = CALENDAR.get(language, frozenset())
    before = title[: found.start()]
    listed = before if "," in before or ";" in before else ""  # "Incendie à Gand, …, … : l'essentiel"
    rest = (listed + "," + title[found.end() :]).replace(";", ",").split(",")
    items = [p for p in rest if any(w.isalpha() and w.lower() not in calendar for w in TOKEN_RE.findall(p))]
    return len(items) < 2
