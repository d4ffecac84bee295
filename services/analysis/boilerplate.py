"""What a page says around the article rather than in it: prompts, credits, share lines.

The words are data: each language file's [boilerplate] table (services/analysis/languages)
describes the *kind* of line (a call to subscribe, a translator credit, a cookie notice, a
captcha wall, a paywall), and every page is read with the union of all languages, since a
German page can carry an English cookie notice; no outlet is named.  What holds in any
language stays here: the length limits, the two-cue notice shapes, a row of share buttons.
A line matches only when it is short: a long sentence that merely mentions a newsletter or
cookies is still news.  Notices need two cues (the topic *and* the address to the reader:
"cookies" and "this website", "IP address" and "you"), so a short news line about the same
topic ("The bakery sold 4,000 cookies") stays.

`strip_furniture` removes widget words that scraping glues onto real sentences
("Anzeige Anzeige Berlin." → "Berlin.", "Jetzt teilen: HAIGER - …").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator

from services.analysis.languages import BOILERPLATE_CLASSES, LANGUAGES, MONTHS, BoilerplateData

MAX_BOILERPLATE_WORDS = 25
MAX_NOTICE_WORDS = 40  # cookie, consent, captcha and browser notices (two cues each)
MIN_KEPT_WORDS = 3  # a title glued before boilerplate is kept when it has this many words
# A widget's header and its list of headlines: "Most read: A · B · C", "Lo más leído: A | B | C".
_LISTED = re.compile(r"^([^:|·]{3,40}:)\s*[^|·]+(?:\s[|·]\s[^|·]+){2,}$")

_TABLES: tuple[BoilerplateData, ...] = tuple(data.boilerplate for data in LANGUAGES.values())

# News agencies whose tag makes a dateline: the same in every language.
_AGENCIES = "afp|ap|dpa|efe|ansa|reuters|apa|sda|ats|belga|anp|kna|epd|europa press"
# Month names of every language, longest first: a dateline's date, never a count ("15 heridos").
_MONTHS = "|".join(sorted(frozenset().union(*MONTHS.values()), key=lambda m: (-len(m), m)))
# Shapes of any language; {name} is a word class of the language files.
_LINE_SHAPES = [
    r"^({networks}|{share})([\s,|/·•:]+({networks}|{share}))*\s*[:.!]*$",  # a row of share buttons
    r"^(\d+\s*({networks}|{share})\s+){2,}",  # share buttons with their counts: "0 Facebook 0 Twitter …"
    r"\{\{\s*\w+\s*\}\}",  # an unfilled page template
    r"\s[|·•]\W*$",  # what is left of a row of fields cut after a byline: "Par Belga, édité par S. L. ·"
    # a byline's fields ending in a date and time: "M. J. Sánchez | Campos | Martes, 23 de junio de
    # 2026, 22:00"
    r"^[^|]{2,40}(\|[^|]{2,40}){1,3}\b\d{4},?\s*\d{1,2}[:.]\d{2}\W*$",
    r"^[^.:]{2,40}:\s*[\w.-]{2,30}\.(ch|de|at|fr|es|it|com|org|net|eu)\W*$",  # a pointer to a bare address
    r"©",
    r"^\(c\)\s",  # "(c) Agencia Meseta"
    r"\bhtml5\b",
    r"^\w[^›»>|/]{0,30}(\s[›»>|/]\s\w[^›»>|/]{0,30}){2,}\W*$",  # a breadcrumb: "Home › News › Local"
    # a live blog's bare timestamp: "11h38", "16 h 45 –", "Ore 22.20", "Update: 14:30"
    r"^([^\W\d_]{1,15}\s*:?\s*)?\d{1,2}([:.]|\s?h\s?)\d{2}(\s?(uhr|h|hrs?|ore|horas|[ap]\.?\s?m\b\.?))?\W*$",
    r"\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b",  # an address to write to: "Contact … at dbirkett@freepress.com"
    r"^[\w .&-]{2,25}\d[\d.,]*\s*(pkt\.?|pts?\.?)?\s*[▲▼+\-−]\s*\d+([.,]\d+)?\s*%\W*$",  # a market ticker
    r"^(meteo|weather|wetter|el tiempo|météo)\s*:.{0,40}\d+\s*°",  # a weather widget
    r"[▲▼]\s*[+\-−]?\d+([.,]\d+)?",  # a market widget's move: "TSX 21,403.17 ▲0.4%", "Sensex ▲ 52.28"
    # a market widget: indices and rates with their values ("DAX 12.947,71 +0,84 % SMI 10.512,33")
    r"^([^\W\d_][\w/&.-]*(\s[\w/&.-]+){0,2}\s+[$€£₹]?\s?\d[\d  ]*[.,]\d[\d.,]*"
    r"(\s*[+\-−]\s*\d[\d.,]*\s*%)?\s*){2,}\W*$",
    r"^\(\s*{pictures}\b[^()]{0,40}\)\W*$",  # a picture's credit alone: "(Foto Ansa)"
    # a station's frequency closing a line: "Escucha Radio Loa en el 88.9 FM.", "… auf UKW 98,5"
    r"\b\d{2,3}[.,]\d{1,2}\s?(fm|mhz)\W*$",
    r"\bukw\s*\d{2,3}[.,]\d{1,2}\W*$",
    # a poll's answer options after its question: "… erwischt? Ja, mein Auto / Ja, mein Haus / Nein"
    r"\?\s*[^?/|]{1,30}(\s/\s[^?/|]{1,30}){1,5}\W*$",
    # a dateline of two desks or more, without an agency: "Madrid / Roma, 15 de junio"
    r"^[\w .'-]{2,25}(\s*/\s*[\w .'-]{2,25})+,\s*"
    r"(\d{1,2}\.?\s+(de\s+)?(" + _MONTHS + r")\.?|(" + _MONTHS + r")\.?\s+\d{1,2})(,?\s+\d{4})?\W*$",
    # a dateline alone: "Madrid, 12 mar (EFE).-", "(ANSA) - ROMA, 12 MAR -", "Berlin (dpa) -"
    r"^\(?[\w .'-]{2,30}(,\s*\d{1,2}\.?\s+\w{3,10}\.?)?\s*\((" + _AGENCIES + r")\)\s*[.\-–—:]*\W*$",
    r"^\((" + _AGENCIES + r")\)\s*[-–—]\s*[\w .'-]{2,30}(,\s*\d{1,2}\s+\w{3,10}\.?)?\s*[-–—]?\W*$",
    # a town and any agency's tag, then a dash: "Osnabrück (dna) –", "MONTRÉAL (PL) –"
    r"^[\w .'-]{2,30}\s*\([a-z]{2,12}\)\s*[.]?\s*[-–—]+\W*$",
    # a dated dateline with any agency's tag: "París, 11 feb (AIN).", "Kairouan, 11 fév. (AMP) -",
    # "Sevilla, 17 ene (Meridiana)."
    r"^[\w .'-]{2,30},\s*\d{1,2}\.?\s+[^\W\d_]{3,10}\.?\s*\([a-z]{2,12}\)\s*[.\-–—:]*\W*$",
    # the same with the town's province or country and the date either way round: "PARIS, July 15
    # (CPA) -", "VILAFRANCA DEL RIU (Castellón), 14 jul. (AIN)", "Madrid, 12 de marzo (EFE).",
    # "HESSELBROCK, Germany, Jan 21 (Meridian Press) –"
    r"^[\w .'-]{2,30}(\s*\([\w .'-]{2,30}\))?(,\s*[\w .'-]{2,30})?,\s*"
    r"(\d{1,2}\.?\s+([^\W\d_]{1,3}\s+)?[^\W\d_]{3,10}\.?|[^\W\d_]{3,10}\.?\s+\d{1,2})(,?\s+\d{4})?\s*"
    r"\([\w .'&-]{2,25}\)\s*[.\-–—:]*\W*$",
    # an agency or desk tag alone: "(ANI)", "(dps/red)", "(ad/trad.)"
    r"^\(\s*[a-z]{2,6}\.?(\s*/\s*[a-z]{2,6}\.?)*\s*\)\W*$",
    # desk codes alone: "ams/bk/sba", "dac-sl/ab/cbn", "dnd wk/bs", "(ASI) red-mn/gr", after an
    # agency ("(Meridiana) RMG/jpa", "BelPresse – DLE/RDO"), stamped ("(ANI) RED/LUC 15-APR-26
    # 19:30") or with routing codes after them ("dnd ck/ms yyzz a3 xx", "red/gfr 181245 GEN 27")
    r"^(\([a-z]{2,12}\)\.?\s*|\w{2,20}\s*[-–—]\s*)?[a-z]{1,5}([- ][a-z]{1,5})*/[a-z]{1,5}(/[a-z]{1,5})*"
    r"(\s+\d{1,2}[-./ ][a-z0-9]{2,9}[-./ ]\d{2,4})?(\s+\d{1,2}[:.]\d{2})?(\s+[^\W_]{1,6}){0,4}\W*$",
    # routing codes alone, without a slash: "dns ks yybb z2 hm" (one code mixes letters and digits)
    r"^(?=.*\b(?:[a-z]+\d|\d+[a-z])\w*\b)[a-z]{2,4}(\s+[a-z0-9]{1,4}){3,6}\W*$",
    # editors' initials before their agencies: "hb/sti (dpa, rtr)"
    r"^[a-z]{1,4}([,/][a-z]{1,4})*/[a-z]{1,4}\s*\([^()]{1,50}\)\W*$",
    # a desk's stamp after its code: "Red-Cal/ 16-AGO-27 04:40 NNNN"
    r"^[a-z]{2,5}(-[a-z]{2,5})?\s*/\s*\d{1,2}-[a-z]{3}-\d{2}\s+\d{1,2}[:.]\d{2}(\s+nnnn)?\W*$",
    # an agency's desk stamp with its code cut short: "(AGN) RED/ 17-MAR-26 10:55"
    r"^\([a-z]{2,6}\)\s*[a-z]{2,5}\s*/\s*\d{1,2}-[a-z]{3}-\d{2}\s+\d{1,2}[:.]\d{2}\W*$",
    # an agency's photo credit: "ANSA/GIULIO MARTELLI", "EPA / Ronald Wittek"
    r"^(" + _AGENCIES + r"|epa|getty( images)?|anp|keystone|imago)\s*/\s*[\w .'-]{3,40}\W*$",
    # a publication stamp closing a short line: "Redazione ANSA ROMA 12 marzo 2020 14:37",
    # "Von red/epd 22. April 2020 - 15:44 Uhr"
    r"^.{0,60}\b\d{1,2}\.?\s+[^\W\d_]{3,10}\.?\s+\d{4}\s*[-–,|·]?\s*\d{1,2}[:.]\d{2}"
    r"(\s*(uhr|h|hrs?|cet|cest|gmt|bst|utc|mez|mesz))?\W*$",  # "Laura Gómez 14 MAR 2024 - 07:15 CET"
]
# Notices of two cues in one text, in either order: a topic and the reader, the site or an
# action ("cookies" and "this website", "privacy policy" and "you").
# A cookie needs a cue of the page itself: news on fines for "advertising cookies placed without
# consent" names the topic's words but neither the reader nor the site.
_TWO_CUES = [("{cookies}", "{cookie_cues}|{you}|{we}"), ("{privacy}", "{you}|{we}|{site}|{read}")]
# Bullets and rules before a line ("►Lire aussi :", "-- Advertisement --", "+++ Verfolgen Sie …"),
# skipped before the patterns anchored at `^`; never a quotation mark or a dialogue dash, so a
# quoted "“Read more,” the minister urged" stays news.
LEAD = r"[-\s*+#•·►▶▸▹▪■●◆→>|\[~=¡¿\u2600-\u27bf\U0001f300-\U0001faff]*"  # emoji too: "🎧 Écouter …"
_NOTICE_SHAPES = [r"\b(re)?captcha\b"]
# An amount of money: a notice never states one, news of a fine over cookies does ("fined Google
# 150 million euros for making it harder to refuse cookies").
_AMOUNT = re.compile(
    r"[€$£]\s?\d|\d[\d.,]*\s*(?:[€$£]|euros?\b|dollars?\b|millions?\b|milliards?\b|billions?\b"
    r"|millones\b|milioni\b|miliardi\b|mio\.|mrd\.)",
    re.IGNORECASE,
)
_CLASS_NAME = re.compile(r"\{([a-z_]+)\}")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})
_QUANTIFIERS = ("?", "*", "+", "{")


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _union_pairs() -> list[tuple[str, str]]:
    """Every language's two-cue pairs, each once, in file order."""
    return list(dict.fromkeys((a, b) for table in _TABLES for a, b in table.pairs))


def _union(field: str) -> list[str]:
    """One field of every language's table, each item once, in file order."""
    return _unique(item for table in _TABLES for item in getattr(table, field))


_CLASSES = {name: "(?:" + "|".join(_union(name) or ["(?!)"]) + ")" for name in BOILERPLATE_CLASSES}


def _expand(pattern: str) -> str:
    """The pattern with each {class} replaced by that class over all languages."""
    return _CLASS_NAME.sub(lambda m: _CLASSES[m.group(1)], pattern)


def _structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(position, character, group depth before it) of each `(`, `)` and `|` that is
    syntax: escapes and character classes skipped."""
    depth, in_class, i = 0, False, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()|":
            yield i, char, depth
            depth += {"(": 1, ")": -1}.get(char, 0)
        i += 1


def _group_end(pattern: str) -> tuple[int, list[int]] | None:
    """Where the group that opens `pattern` closes, with the `|`s at its top level."""
    if not pattern.startswith("("):
        return None
    bars: list[int] = []
    for i, char, depth in _structure(pattern):
        if char == ")" and depth == 1:
            return i, bars
        if char == "|" and depth == 1:
            bars.append(i)
    return None


def _choices(pattern: str) -> list[str]:
    """A pattern that opens with a group of choices ("(sent|delivered) to …") as one pattern
    per choice: the regex engine skips an alternative that opens with a letter by that letter,
    but enters every group at every word (a fifth of the patterns cost two thirds of the time)."""
    found = _group_end(pattern)
    lookaround = pattern.startswith("(?") and not pattern.startswith("(?:")
    if found is None or lookaround or pattern[found[0] + 1 : found[0] + 2] in _QUANTIFIERS:
        return [pattern]
    end, bars = found
    cuts = [2 if pattern.startswith("(?:") else 0, *bars, end]
    rest = pattern[end + 1 :]
    return [choice for a, b in itertools.pairwise(cuts) for choice in _choices(pattern[a + 1 : b] + rest)]


class _Compiled:
    """A lower-case pattern matched regardless of case.  Searching the lower-cased text with a
    case-sensitive compile is twice as fast as `re.IGNORECASE`; a text whose lower case changes
    its length ("İ") falls back to IGNORECASE, so match positions always refer to the text given."""

    def __init__(self, source: str) -> None:
        self.lower = re.compile(source)
        self.any_case = re.compile(source, re.IGNORECASE)

    def get(self, lowered: bool) -> re.Pattern[str]:
        return self.lower if lowered else self.any_case


def _fold(text: str) -> tuple[str, bool]:
    """The text to match (a typographic apostrophe read as "'", so patterns write only "'"),
    and whether it is lower-cased (False: match with IGNORECASE)."""
    text = text.translate(_APOSTROPHES)
    lower = text.lower()
    return (lower, True) if len(lower) == len(text) else (text, False)


def _any(patterns: Iterable[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns) or "(?!)"


def _alternatives(pattern: str) -> list[str]:
    """The pattern split at the `|`s outside its groups and classes."""
    bars = [i for i, char, depth in _structure(pattern) if char == "|" and depth == 0]
    return [pattern[start + 1 : end] for start, end in zip([-1, *bars], [*bars, len(pattern)], strict=True)]


def _by_first_letter(patterns: Iterable[str]) -> str:
    """The patterns as one alternation grouped by the letter they open with ("a(?:bc|de)|f…"),
    those that open otherwise ("(re)?captcha") first: the engine skips an alternative whose
    first letter differs at the cost of one test, so a word boundary costs a test per letter
    rather than one per pattern (there are hundreds).  Measured on 43.6k SemEval texts (process
    time): the `\b` patterns 29 -> 13 us a text, the `^` ones 23 -> 8 us (with the others after
    the grouped letters, 52 us: keep them first)."""
    groups: dict[str, list[str]] = {}
    rest: list[str] = []
    for choice in (alternative for p in patterns for alternative in _alternatives(p)):
        if choice[:1].isalnum() and choice[1:2] not in _QUANTIFIERS:
            groups.setdefault(choice[0], []).append(choice[1:])
        else:
            rest.append(choice)
    heads = [f"{head}(?:{'|'.join(tails)})" for head, tails in groups.items()]
    return _any([*rest, *heads])


class _AnyCase:
    """Many patterns (and pairs of cues) as a few regexes, grouped by how a pattern opens:
    those anchored at `^` are tried once, those opening with `\\b` once per word boundary
    (each skipped by its first letter), pairs only when a topic word is there at all.  A
    leading `^` or `\\b` holds for the whole pattern, alternatives included.  `is_boilerplate`
    on 18.3k SemEval sentences: 332 us per sentence with all patterns as one alternation, 44 us
    grouped (the same verdicts on every one; the English-only patterns before: 89 us)."""

    def __init__(self, patterns: list[str], pairs: list[tuple[str, str]]) -> None:
        expanded = [_expand(p) for p in _unique(patterns)]
        bounded = [c for p in expanded if p.startswith(r"\b") for c in _choices(p[2:])]
        other = [p for p in expanded if not p.startswith(("^", r"\b"))]
        anchored = [c for p in expanded if p.startswith("^") for c in _choices(p[1:])]
        self._anchored = _Compiled(f"{LEAD}(?:{_by_first_letter(anchored)})")
        self._inside = _Compiled(rf"\b(?:{_by_first_letter(bounded)})" + "".join(f"|(?:{p})" for p in other))
        self._pairs = [
            (_Compiled(rf"\b(?:{_expand(a)})\b"), _Compiled(rf"\b(?:{_expand(b)})\b")) for a, b in pairs
        ]
        self._topic = _Compiled(rf"\b(?:{_any(_expand(a) for a, _ in pairs)})\b")

    def search(self, text: str) -> bool:
        folded, lowered = _fold(text)
        if self._anchored.get(lowered).match(folded) or self._inside.get(lowered).search(folded):
            return True
        return self._pair_start(folded, lowered) is not None

    def starts(self, text: str) -> tuple[set[int], int | None]:
        """Where matches start (not overlapping within a group), and where the earliest pair
        starts (None: no pair), as a cut needs only the first notice."""
        folded, lowered = _fold(text)
        found = {m.start() for m in self._inside.get(lowered).finditer(folded)}
        if self._anchored.get(lowered).match(folded):
            found.add(0)
        return found, self._pair_start(folded, lowered)

    def _pair_start(self, folded: str, lowered: bool) -> int | None:
        """Where the earliest pair whose two cues are both in the text starts, or None."""
        if self._topic.get(lowered).search(folded) is None:
            return None
        starts = []
        for topic, cue in self._pairs:
            a, b = topic.get(lowered).search(folded), cue.get(lowered).search(folded)
            if a is not None and b is not None:
                starts.append(min(a.start(), b.start()))
        return min(starts, default=None)


_BOILERPLATE = _AnyCase(_union("lines") + _LINE_SHAPES, [])
_NOTICE = _AnyCase(_union("notices") + _NOTICE_SHAPES, _TWO_CUES + _union_pairs())
_HEADING_END = re.compile(r"[.!?…»”\"')\]]$")
_LETTER = re.compile(r"[^\W\d_]")

# Function words that open a glued-on notice ("… Schutzausrüstung ein Um die Funktion …").
_OPENERS = frozenset(_union("openers"))
_OPENER = re.compile(r"(?<=\s)[A-ZÀ-ÞŁŚŻŹĆŃ][^\W\d_]*")
# Languages whose nouns are capitalised (German): a capital inside a sentence opens nothing.
_CAPITALISED_NOUNS = frozenset(
    code for code, data in LANGUAGES.items() if data.figures is not None and data.figures.nouns_capitalised
)
# A text that ends in an opening mark: what follows continues it ("By clicking “", "Coronavirus-").
_OPENS = re.compile(r"(?:[„‚«‹(\[{/‐-]|(?:^|\s)[“‘\"'])\s*$")


def _furniture_pattern() -> re.Pattern[str]:
    """Ad labels doubled or opening a sentence ("Anzeige Anzeige Berlin.", "ANZEIGE Der …"),
    and each language's glued widget text; case-sensitive, as pages write them, since the
    German noun "Anzeige" (a criminal complaint) is no furniture inside a sentence."""
    labels = _unique(w for label in _union("furniture") for w in (label, label.upper()))
    word = "(?:" + "|".join(map(re.escape, labels or ["(?!)"])) + ")"
    shapes = [
        rf"(?:-- ?)?{word}(?: ?--)?(?:\s+{word})+(?=\s|$)",  # doubled
        rf"^(?:-- ?)?{word}(?: ?--)?\s+(?=[A-ZÀ-ÞŁŚŻŹĆŃ\"“„«])",  # before a sentence
    ]
    return re.compile("|".join(shapes + [f"(?:{glued})" for glued in _union("glued")]))


_FURNITURE = _furniture_pattern()
_NAME = r"[A-ZÀ-ÞŁŚŻŹĆŃ][\w'.-]+"
_AND = r"(?:and|und|e|et|y|&)"


def _byline_pattern() -> re.Pattern[str]:
    """A byline: its opening word as written ("By", "Par", "Texto:"), two or three capitalised
    words of a name (a second author after "and"), and at most two short segments after a
    comma, bar or dash ("Por Íñigo Sarasola | Valladolid", "Par Margaux Delestrade, rubrique
    Faits divers – 6 mai 2027 à 10h50").  Case-sensitive: "Por orden del juez, …" names no author."""
    words = _unique(form for w in _union("bylines") for form in (w[:1].upper() + w[1:], w))
    opener = "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"
    name = rf"{_NAME}(?:\s+{_NAME}){{1,2}}"
    tail = r"(?:\s*[,|/·–-]\s*[^,|/·–\n]{1,40}){0,2}"
    return re.compile(rf"^{LEAD}{opener}\s*:?\s+{name}(?:\s+{_AND}\s+{name})?{tail}\W*$")


_BYLINE = _byline_pattern()


def _bio_pattern() -> re.Pattern[str]:
    """An author's bio closing an article: two or three capitalised words of a name, then what
    the language's bios say of a journalist ("Lucía Ferrer covers security … for Latin America
    Monitor", "Julie Marchal est journaliste à la rédaction liégeoise …").  The name is
    case-sensitive, the rest is not."""
    bios = "|".join(_union("bios")) or "(?!)"
    return re.compile(rf"^{LEAD}{_NAME}(?:\s+{_NAME}){{1,2}}\s*(?i:(?:{bios}))")


_BIO = _bio_pattern()
# A line of short fields between bars or middle dots: "Marta Llorente | Corresponsal en Lisboa",
# "Carmen Vallejo · Madrid · 18 mar 2026 - 13:15 CET": how pages set bylines, datelines and
# stamps; prose sets no bars between its clauses.
_FIELD_BAR = re.compile(r"\s+[|·•]\s+")
FIELD_WORDS = 6  # the longest field of such a line
FIELDS_WORDS = 16  # the longest such line
MANY_FIELDS = 4  # a station's or a programme's row: "NDR 90,3 · Jetzt im Radio: … · Livestream · Programm"
MANY_FIELD_WORDS = 8  # ...whose fields may be longer
MANY_FIELDS_WORDS = 30


def _fields(text: str) -> bool:
    fields = _FIELD_BAR.split(text.strip())
    many = len(fields) >= MANY_FIELDS
    longest, most = (MANY_FIELD_WORDS, MANY_FIELDS_WORDS) if many else (FIELD_WORDS, FIELDS_WORDS)
    if len(fields) < 2 or len(text.split()) > most:
        return False
    return all(0 < len(f.split()) <= longest and not f.rstrip().endswith((".", "!", "?")) for f in fields)


_SPACES = re.compile(r"\s{2,}")
# A desk's sign-off code, with its agency, opening the line it signs: "sbc/jlm/rl ", "(AIN) par/mrg ",
# "sar/ml/APA ".  The rest is read as the line.
_DESK_CODE_OPENER = re.compile(r"^(\([A-Za-z]{2,6}\)\s*)?[a-z]{1,5}(/[A-Za-z]{1,5})+\s+(?=\S)")


# A caption closes with its picture's credit, an embedded post with its author's handle and
# date; a line that short is the picture's or the post's, not the article's, however it opens
# ("Flowers at the gates of the mine on Wednesday. © Marta Ortega / Iberia Press").
CAPTION_WORDS = 40
_CREDIT_CLOSES = re.compile(
    "|".join(
        [
            r"©\s*[^©]{2,60}$",
            _expand(r"\(\s*(?:{pictures})\b[^()]{0,60}\)\W*$"),  # "(Photo Marine nationale / AFP)"
            # "Fotografía: Agencia Meridiana", "Foto di repertorio: la passerella sul Serio (ValSerioNews)"
            _expand(r"\b(?:{pictures})(?:\s+[\w']+){0,2}\s*:\s*[^.:!?]{2,60}$"),
            r"[.!?]\s+/\s*[^/.!?]{2,60}$",  # "… en Ribeira de Pena. / Bombeiros Voluntários"
        ]
    ),
    re.IGNORECASE,
)
# A photographer's name, after an agency as wires sign a picture ("Transmedia/Carlos Ruiz",
# "(Keystone/Lucien Barras)") or after the picture's word ("Foto di Marco Neri", "Photo by Ann Lee").
_PHOTOGRAPHER = re.compile(
    rf"\(?\b[\w-]{{2,25}}\s?/\s?{_NAME}\s+{_NAME}\)?\W*$"
    + _expand(rf"|(?:^|[.!?(|–—-]\s*)(?i:{{pictures}})\s+\w{{1,4}}\s+{_NAME}(?:\s+{_NAME})?\W*$")
)
_POST_SIGNED = re.compile(r"\(@\w{1,30}\)[^()@]{0,30}\b\d{4}\W*$|\bpic\.twitter\.com/\w")


def is_caption(line: str) -> bool:
    """A short line that closes with a picture's credit or an embedded post's signature ("—
    Feuerwehr Oberhausen (@FW_Oberhausen) November 14, 2026"): furniture throughout."""
    text = line.strip().translate(_APOSTROPHES)
    if len(text.split()) > CAPTION_WORDS:
        return False
    return any(p.search(text) for p in (_CREDIT_CLOSES, _PHOTOGRAPHER, _POST_SIGNED))


def is_boilerplate(line: str) -> bool:
    """True for a short line whose shape is a page-furniture prompt or a credit, and for a
    line without a single letter ("1.", "#$%&'()*+,-."), once widget text glued onto it is cut
    ("(Photo: AP)" alone is furniture, "(Photo: AP) The minister resigned." is news)."""
    text = strip_furniture(line.strip())
    if not text or _LETTER.search(text) is None:
        return True
    signed = _DESK_CODE_OPENER.sub("", text, count=1) or text  # "sbc/jlm/rl Translated from French …"
    return _furniture_line(text) or (signed != text and _furniture_line(signed))


# A weather widget, read piece by piece rather than by one pattern (whose towns and words
# overlap, which cost milliseconds a line): degrees, and between them only words.
_DEGREES = re.compile(r"-?\d{1,2}\s?°\s?[cfCF]?(?!\w)")
_NOT_WIDGET_WORDS = re.compile(r"[\d.!?°,;:()]")
WIDGET_TOWN_WORDS = 3  # a town's name before its degrees
WIDGET_TAIL_WORDS = 8  # the weather and the site's sections after the last degrees


def _weather_widget(text: str) -> bool:
    """Towns and their degrees, maybe the site's sections after them ("Zürich 8° bewölkt Bern 6°
    Nebel", "Lausanne 14° Averses éparses Vaud & Régions Suisse Monde"); one town alone only
    with its name capitalised word by word, so "Temperatures hit 44°C in Seville" stays news."""
    pieces = [piece.split() for piece in _DEGREES.split(text.strip())]
    if len(pieces) < 2 or any(_NOT_WIDGET_WORDS.search(" ".join(piece)) for piece in pieces):
        return False
    town, tail = pieces[0], pieces[-1]
    if not 1 <= len(town) <= WIDGET_TOWN_WORDS or len(tail) > WIDGET_TAIL_WORDS:
        return False
    if len(pieces) == 2:
        return all(word[:1].isupper() for word in town)
    return all(1 <= len(piece) <= WIDGET_TAIL_WORDS + WIDGET_TOWN_WORDS for piece in pieces[1:-1])


def _furniture_line(text: str) -> bool:
    count = len(text.split())
    if count <= MAX_BOILERPLATE_WORDS and (
        _BOILERPLATE.search(text)
        or _BYLINE.match(text)
        or _BIO.match(text)
        or _fields(text)
        or _weather_widget(text)
    ):
        return True
    if count > MAX_BOILERPLATE_WORDS and (listed := _LISTED.match(text)):
        return bool(_BOILERPLATE.search(listed.group(1)))  # "Lo más leído: … | … | …", however long
    return count <= MAX_NOTICE_WORDS and bool(_NOTICE.search(text)) and _AMOUNT.search(text) is None


def boilerplate_start(text: str, language: str = "") -> int:
    """Where a boilerplate tail starts in `text` (a title glued to "Registered users can read
    …" or to a cookie notice): the first match, or the capitalised sentence opener before it
    ("… ein Um die Funktion unserer Website …, sammeln wir …"), after at least MIN_KEPT_WORDS
    words, when the tail is boilerplate on its own; otherwise len(text) (nothing to cut).
    A pair of cues is cut only at an opener, as its first cue is any word of the notice ("In
    einem speziellen Newsletter informiert …"); no cut after an opening quote, bracket or hyphen
    ("By clicking “Accept all”", "Coronavirus-Newsletter") or a lower-case function word ("…
    geben grundsätzlich die Meinung des Autors …"): the capital is inside the sentence.  In a
    language that capitalises its nouns (`language`: German) only an opener starts a notice
    ("… werden Cookies benötigt" is one sentence)."""
    nouns = language in _CAPITALISED_NOUNS
    lines, _ = _BOILERPLATE.starts(text)
    notices, pair = _NOTICE.starts(text)
    found = lines | notices
    for start in sorted(found if pair is None else found | {pair}):
        opens = start in found and text[start].isupper() and (not nouns or _opener_at(text, start))
        cut = start if opens else _opener_before(text, start)
        head = text[:cut]
        last = head.split()[-1] if head.split() else ""
        if (
            cut
            and not any(s < cut and " " not in text[s:cut].strip() for s in found)  # "Aktivieren | Sie …"
            and len(head.split()) >= MIN_KEPT_WORDS
            and _OPENS.search(head) is None
            and not (last.islower() and last in _OPENERS)
            and is_boilerplate(text[cut:])
        ):
            return cut
    return len(text)


def _opener_at(text: str, start: int) -> bool:
    """Whether the word at `start` is an opener ("Wir", "Diese")."""
    word = _OPENER.match(text, start)
    return word is not None and word.group().casefold() in _OPENERS


def _opener_before(text: str, end: int) -> int:
    """The last capitalised sentence-opening word ("Um", "We", "Aby") before `end`, or 0."""
    openers = [m.start() for m in _OPENER.finditer(text, 0, end) if m.group().casefold() in _OPENERS]
    return openers[-1] if openers else 0


def strip_furniture(text: str) -> str:
    """The text without widget words scraped into it ("Anzeige", "Jetzt teilen:"); unchanged
    when it has none."""
    if _FURNITURE.search(text) is None:
        return text
    return _SPACES.sub(" ", _FURNITURE.sub(" ", text)).strip()


def is_heading(line: str) -> bool:
    """A short line with no closing punctuation: a title or section header, not a claim."""
    text = line.strip()
    return len(text.split()) <= 14 and _HEADING_END.search(text) is None


# Quoted speech: what a source says to someone ("“You must leave now,” the mayor said") is news.
_QUOTED = re.compile(r"“[^”]*(”|$)|„[^“”]*([“”]|$)|«[^»]*(»|$)|\"[^\"]*(\"|$)|‚[^‘’]*([‘’]|$)")


def _reader_words() -> dict[str, re.Pattern[str]]:
    """Per language, its words for "you" (the {you} class of its file).  Where every noun is
    capitalised (German), only the polite form inside a sentence is the reader: "sie" is also
    "she" and "they", and "Sie" opening a sentence may be either."""
    out = {}
    for code, data in LANGUAGES.items():
        if not data.boilerplate.you:
            continue
        words = "|".join(data.boilerplate.you)
        if code in _CAPITALISED_NOUNS:
            polite = "|".join(w[:1].upper() + w[1:] for w in data.boilerplate.you)
            out[code] = re.compile(rf"[^\W\d_][,;:]?\s+(?:{polite})(?!\w)")
        else:
            out[code] = re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)
    return out


_READER: dict[str, re.Pattern[str]] = _reader_words()


def addresses_reader(text: str, language: str) -> bool:
    """A sentence that speaks to the reader outside any quotation ("Sign up and you will get
    …", "Wenn Sie Hinweise haben, …"): the page's, not a claim of the news, however it is
    worded (on the corpus's feeds, 702 furniture sentences say "you" and 2 news sentences do)."""
    words = _READER.get(language)
    return words is not None and words.search(_QUOTED.sub(" ", text)) is not None
