"""What a page says around the article rather than in it: prompts, credits, share lines.

Patterns describe the *kind* of line (a call to subscribe, a translator credit, a
cookie notice, a captcha wall, a paywall), in the languages newsmon reads best (en, de,
fr, es, it, pl), so they hold for outlets never seen before; no outlet is named.  A
line matches only when it is short: a long sentence that merely mentions a newsletter
or cookies is still news.  Most patterns need two cues (the topic *and* the address
to the reader: "cookies" and "this website", "IP address" and "you"), so a short news
line about the same topic ("The bakery sold 4,000 cookies") stays.

`strip_furniture` removes widget words that scraping glues onto real sentences
("Anzeige Anzeige Berlin." → "Berlin.", "Jetzt teilen: HAIGER - …").
"""

from __future__ import annotations

import re

MAX_BOILERPLATE_WORDS = 25
MAX_NOTICE_WORDS = 40  # cookie, consent, captcha and browser notices (two cues each)
MIN_KEPT_WORDS = 3  # a title glued before boilerplate is kept when it has this many words

# Words addressing the reader or the page itself: half of the two-cue patterns below.
_YOU = (
    r"(you|your|sie|ihre[nrms]?|ihnen|vous|votre|vos|usted|su|sus|tu|tus|voi|vostr[aoie]|tuo|tua"
    r"|pa[ńn]stw[aou]?|tw[óo]j|twoj[aeiy])"
)
_SITE = (
    r"(web ?sites?|site|webseiten?|seiten?|sitios?|sito|portal\w*|stron\w*|serwis\w*|browser\w*"
    r"|navigat\w*|navegador\w*|przegl[aą]dar\w*)"
)
_PRIVACY = (
    r"(privacy (policy|notice|statement|settings)|datenschutz(erkl[aä]rung|richtlinie\w*|hinweis\w*"
    r"|bestimmung\w*)|politique de confidentialit[ée]|pol[ií]tica de privacidad|informativa (sulla )?privacy"
    r"|polity\w* prywatno[sś]ci)"
)
_READ = (
    r"(see|read|agree|accept|siehe|finden|lesen|gelesen|akzeptier\w*|voir|lire|acceptez|ver|lea|acepta\w*"
    r"|vedi|leggi|accett\w*|zobacz|przeczyta\w*|znajd\w*|znale\w*|akceptuj\w*|details?|informationen|information)"
)
_COOKIE_CUE = (
    rf"({_SITE}|consent\w*|einverstanden|zustimm\w*|akzept\w*|accept\w*"
    r"|experience|erfahrung|esperienza|experiencia|exp[ée]rience|do[sś]wiadcze\w*"
    r"|zgod\w*|settings|einstellungen|param[eè]tres|configuraci[oó]n|impostazioni|ustawie\w*"
    r"|enabled?|activ\w*|aktivier\w*|disabled?|deaktivier\w*|w[lł][aą]cz\w*|advertis\w*|werbung"
    r"|publicit\w*|pubblicit\w*|reklam\w*|partner\w*|personali[sz]\w*|track\w*|analy\w*"
    r"|third[- ]part\w*|drittanbieter\w*|tiers|terceros|terze parti|stron trzecich)"
)
_PATTERNS = [
    # Subscribe / newsletter / sign-up prompts.
    r"^discover more from\b",
    r"\bsubscribe\b.*\b(latest|posts|newsletter|email|inbox|updates|channel|free)\b",
    r"^(subscribe|sign up|register|join)\b",
    r"\b(sign up|signup) (for|to)\b.*\b(newsletter|briefing|alerts?|updates)\b",
    r"\bnewsletter\b",
    r"\bsent (straight )?to your (email|inbox)\b",
    r"\bdelivered to your inbox\b",
    r"^(abonnez-vous|inscrivez-vous|suscr[ií]bete|abonnieren sie|melden sie sich|iscriviti|abbonati"
    r"|zapisz si[eę]|zaprenumeruj)\b",
    r"\b(recevez|recibe|erhalten sie|ricevi)\b.*\b(newsletter|bolet[ií]n|lettre d'information)\b",
    r"\b(get|receive|recibe|erhalten sie|recevez)\b.*\b(e-?mail|correo electr[oó]nico)\b.*"
    r"\b(notifications?|alerts?|notificaciones|benachrichtigungen)\b",
    # Paywall and registration walls.
    r"\b(registered|logged[- ]in) (users|members|readers|subscribers) (can|may|only|have)\b",
    r"\bbitte (registrieren|anmelden|einloggen)\b",
    r"\b(registrieren|anmelden) sie sich\b",
    r"\b(register|sign in|log in|login)\b.*\b(to (continue|read|access|view|comment)|for free)\b",
    r"\bnoch keinen zugang\b|\bkeinen zugang zu(m|r)? (archiv|artikel|inhalt|beitrag)",
    r"^(anmeldung|anmelden|einloggen|login|log in|sign in|zaloguj( si[eę])?|se connecter"
    r"|iniciar sesi[oó]n|accedi|registrati|zarejestruj( si[eę])?)\b",
    r"\b(already|bereits|d[ée]j[aà]|ya|gi[aà]|ju[zż]) (a |an |ein |un |una )?(print |digital )?"
    r"(subscriber|abonnent|abonn[ée]|suscriptor|abbonat[oa]|prenumerator)",
    r"\b(subscri\w*|abonn\w*|suscri\w*|abbona\w*|prenumerat\w*|subskrypc\w*)\b.*"
    r"\b(unlimited|full|unbegrenzt\w*|illimit\w*|ilimitad\w*|nieograniczon\w*|access|zugang|zugriff"
    r"|acc[eè]s|acceso|accesso|dost[eę]p\w*|to continue|weiterlesen|fortzufahren)\b",
    r"\b(unlimited|unbegrenzt\w*|illimit\w*|ilimitad\w*|immediate) (digital )?(access|zugang|zugriff"
    r"|acc[eè]s|acceso|accesso)\b",
    r"\b(continue|keep) reading\b",
    r"\b(read|lesen sie|lire|leer|leggi|czytaj|przeczytaj)\b.{0,20}\b(the full|den vollst[aä]ndigen"
    r"|l'article complet|el art[ií]culo completo|l'articolo completo|ca[lł]o[sś][cć]|ca[lł]y artyku[lł])",
    r"^(den vollst[aä]ndigen artikel|weiterlesen|mehr lesen|lesen sie mehr|czytaj (wi[eę]cej|dalej)"
    r"|leggi (anche|tutto|di pi[uù])|per saperne di pi[uù]|leer (m[aá]s|art[ií]culo)|lire la suite"
    r"|en savoir plus|learn more|read next|most read|latest stories|more stories|top stories"
    r"|zobacz (te[zż]|tak[zż]e|wi[eę]cej)|themen folgen)\b",
    r"\b(article|story) continues (below|after)\b",
    r"\b(weiterlesen|weiter) nach der (anzeige|werbung)\b",
    r"\b(artikel|beitrag) wird (unter|nach) der (anzeige|werbung) fortgesetzt\b",
    # Comment rules and forms.
    r"\b(netiquette|pflichtfeld\w*|required fields?|campos obligatorios|champs obligatoires"
    r"|campi obbligatori|pola wymagane)\b",
    r"\b(comment (policy|form)|kommentar-?profil|leave a (comment|reply)|all comments are moderated)\b",
    r"\b(html5|video player|videoplayer|reproductor de v[ií]deo)\b",
    r"^(loading|cargando|wird geladen|l[aä]dt|chargement|caricamento|[lł]adowanie)(\W*$|\s+(reproducir"
    r"|play|video|abspielen|lire|riproduci|odtw[oó]rz))",
    r"\b(reproducir|play|abspielen|odtw[oó]rz|riproduci|lire la) (el |the |das |le |il )?"
    r"(video|v[ií]deo|wideo)\b.*\b(reproducir|play|abspielen|odtw[oó]rz|riproduci|lire)\b",
    # Share / follow / read-more furniture.
    r"^(share|tweet|email|print|copy link)( this)?( (article|story|page|on \w+))?\s*[:.!]?$",
    r"^share (on|via) \w+",
    r"^share this\b",
    r"^follow (us|@?\w+) on\b",
    r"^(suivez-nous|s[ií]guenos|folgen sie uns|seguici|obserwuj nas)\b",
    r"^(jetzt )?(teilen|partager|compartir|condividi|udost[eę]pnij)"
    r"(\s+(this|questo|diesen|cet|este|ten)\b.*)?\W*$",
    r"\b(condividi questo|teile diesen|partagez cet|comparte este|udost[eę]pnij ten)\b",
    r"^(facebook|twitter|whatsapp|telegram|linkedin|pinterest|instagram|messenger|reddit|xing|youtube"
    r"|tiktok|e-?mail|print|drucken|imprimer|imprimir|stampa|drukuj|weiterleiten|tweeten|teilen|share"
    r"|tweet|like|merken)([\s,|/·•:]+(facebook|twitter|whatsapp|telegram|linkedin|pinterest|instagram"
    r"|messenger|reddit|xing|youtube|tiktok|e-?mail|print|drucken|imprimer|imprimir|stampa|drukuj"
    r"|weiterleiten|tweeten|teilen|share|tweet|like|merken))*\s*[:.!]*$",
    r"^(read more|related|see also|more on this|lire aussi|[àa] lire aussi|leer m[aá]s|lea tambi[eé]n"
    r"|lesen sie auch|mehr zum thema|leggi anche|czytaj te[zż]|also read)\b",
    r"^(advertisement|advertising|advert|publicit[ée]|publicidad|pubblicit[aà]|anzeige|werbung|reklama"
    r"|sponsored|annuncio)s?\s*[:.!-]*$",
    r"^click here\b",
    r"\b(contact us|kontaktieren sie uns|contactez-nous|cont[aá]ctanos|contattaci"
    r"|skontaktuj si[eę] z nami)\b",
    r"^(ok|okay|i agree|agree|accept|akzeptieren|einverstanden|accepter|j'accepte|aceptar|acepto|accetta"
    r"|accetto|zgadzam si[eę]|akceptuj[eę])\W*$",  # a consent button
    r"\b(like this story|would you consider (contributing|donating)|support (our|independent|local)"
    r" journalism|unterst[uü]tzen sie (uns|unseren journalismus)|sostieni (il nostro|l'informazione)"
    r"|wesprzyj nas|soutenez (nous|notre)|ap[oó]yanos)\b",
    r"\b(donations? page|donate today|spenden sie)\b",
    r"\{\{\s*\w+\s*\}\}",  # an unfilled page template
    # Credits: translation, reporting, editing, photos, copyright.
    r"^(translation|translated|translator|traduction|traduit|traducci[oó]n|traducido|[üu]bersetzung"
    r"|[üu]bersetzt)\b.*\b(by|par|por|von|de)\b",
    r"^(translation|traduction|traducci[oó]n|[üu]bersetzung)\s*:",
    r"^\(?(reporting|writing|editing|additional reporting) by\b",
    r"^(photo|image|picture|foto|bild|source|quelle|fuente|fonte|[źz]r[óo]d[łl]o)\s*:",
    r"(©|\bcopyright\b|\ball rights reserved\b|\btous droits r[ée]serv[ée]s\b|\btodos los derechos\b"
    r"|\balle rechte vorbehalten\b|\btutti i diritti riservati\b|\bwszelkie prawa zastrze[zż]one\b)",
    r"\bmay not be (published|reproduced|redistributed)\b",
]
# Notices that need two cues (a topic and the reader, the site or an action), so they may be
# longer: cookie walls run to 40 words.
_NOTICE_PATTERNS = [
    # Cookie and consent notices, data-protection notices.
    rf"\bcookies?\b.*\b{_COOKIE_CUE}\b",
    rf"\b{_COOKIE_CUE}\b.*\bcookies?\b",
    rf"\b{_PRIVACY}\b.*\b({_YOU}|{_SITE}|{_READ})\b",
    rf"\b({_YOU}|{_SITE}|{_READ})\b.*\b{_PRIVACY}\b",
    r"\b(akzeptieren und schlie[sß]en|accept and close|accepter et fermer|aceptar y cerrar"
    r"|accetta e chiudi|zaakceptuj i zamknij)\b",
    r"\b(we collect|sammeln wir|nous collectons|recopilamos|raccogliamo|zbieramy)\b.*"
    r"\b(information\w*|informationen|informa\w*|data|daten|donn[ée]es|datos|dati|dane|danych)\b",
    # Captcha and bot walls.
    r"\b(i am not a robot|i'?m not a robot|nie jestem robotem|ich bin kein roboter"
    r"|je ne suis pas un robot|no soy un robot|non sono un robot)\b",
    r"\b(re)?captcha\b",
    rf"\b(ip[- ]address\w*|ip-adresse|adres\w* ip|adresse ip|direcci[oó]n ip|indirizzo ip)\b.*\b({_YOU}"
    r"|connect\w*|verbind\w*|[lł][aą]cz\w*|korzyst\w*|u[zż]ywa\w*|misused|nadu[zż]y\w*)\b",
    rf"\b({_YOU})\b.*\b(ip[- ]address\w*|ip-adresse|adres\w* ip|adresse ip|direcci[oó]n ip|indirizzo ip)\b",
    # Browser requirements, ad blockers, players.
    r"\bjavascript\b.*\b(enable\w*|activ\w*|aktivier\w*|habilit\w*|abilit\w*|attiv\w*|w[lł][aą]cz\w*"
    r"|disabled|deaktiviert|d[ée]sactiv\w*|browser\w*|navigat\w*|navegador\w*|przegl[aą]dar\w*)\b",
    r"\b(enable|activate|aktivieren sie|habilite|abilita|attiva|activez|w[lł][aą]cz)\b.*\bjavascript\b",
    r"\b(ad ?block\w*|ublock|werbeblocker|bloqueur de publicit\w*|bloqueador de anuncios|blocco annunci"
    r"|blocking ads|blocker reklam)\b",
]


class _AnyCase:
    """Lower-case patterns matched regardless of case.  Searching the lower-cased text with
    a case-sensitive compile is twice as fast as `re.IGNORECASE` (`is_boilerplate`: 227 ->
    104 us per sentence on 13.5k SemEval sentences, the same verdicts and match starts on
    every one); a text whose lower case changes its length ("İ")
    falls back to IGNORECASE, so match positions always refer to the text given."""

    def __init__(self, patterns: list[str]) -> None:
        source = "|".join(f"(?:{p})" for p in patterns)
        self._lower = re.compile(source)
        self._ignore_case = re.compile(source, re.IGNORECASE)

    def _pick(self, text: str) -> tuple[re.Pattern[str], str]:
        lower = text.lower()
        return (self._lower, lower) if len(lower) == len(text) else (self._ignore_case, text)

    def search(self, text: str) -> re.Match[str] | None:
        pattern, folded = self._pick(text)
        return pattern.search(folded)

    def starts(self, text: str) -> set[int]:
        pattern, folded = self._pick(text)
        return {m.start() for m in pattern.finditer(folded)}


_BOILERPLATE = _AnyCase(_PATTERNS)
_NOTICE = _AnyCase(_NOTICE_PATTERNS)
_HEADING_END = re.compile(r"[.!?…»”\"')\]]$")
_LETTER = re.compile(r"[^\W\d_]")

# Function words that open a glued-on notice ("… Schutzausrüstung ein Um die Funktion …").
_OPENER_WORDS = (
    "the we to if this our you by please in for with your um wir die der das sie bitte mit für durch wenn"
    " ihre diese unsere indem auf hier pour nous en si ce cette vous votre nos afin avec le la les para si"
    " este esta usted utilizamos usamos al con el los per noi se questo questa utilizziamo usiamo il aby my"
    " jeśli ten ta używamy korzystamy w na klikając twoje"
)
_OPENERS = frozenset(_OPENER_WORDS.split())
_OPENER = re.compile(r"(?<=\s)[A-ZÀ-ÞŁŚŻŹĆŃ][^\W\d_]*")

# Widget words glued onto a real sentence by scraping, removed from the text (case-sensitive,
# written as pages show them: "Anzeige Anzeige Berlin.", "Jetzt teilen: Jetzt teilen: HAIGER").
_FURNITURE_WORD = (
    r"(?:Anzeige|ANZEIGE|Advertisement|ADVERTISEMENT|Advertising|ADVERTISING|Werbung|WERBUNG|Reklama"
    r"|REKLAMA|Publicidad|PUBLICIDAD|Pubblicità|PUBBLICITÀ|Publicité|PUBLICITÉ)"
)
_FURNITURE = re.compile(
    "|".join(
        [
            rf"(?:-- ?)?{_FURNITURE_WORD}(?: ?--)?(?:\s+{_FURNITURE_WORD})+(?=\s|$)",  # doubled
            rf"^(?:-- ?)?{_FURNITURE_WORD}(?: ?--)?\s+(?=[A-ZÀ-ÞŁŚŻŹĆŃ\"“„«])",  # before a sentence
            r"(?:Jetzt teilen:\s*)+",
            r"(?:(?:Teilen|Weiterleiten|Tweeten|Drucken|Merken)\s+){2,}(?:Drucken|Merken)?",
            r"Weiterlesen nach der (?:Anzeige|Werbung)",
            r"Bitte (?:registrieren|anmelden)!",
            r"(?:Article|Story) continues below(?: advertisement)?",
        ]
    )
)
_SPACES = re.compile(r"\s{2,}")


def is_boilerplate(line: str) -> bool:
    """True for a short line whose shape is a page-furniture prompt or a credit, and for a
    line without a single letter ("1.", "#$%&'()*+,-.")."""
    text = line.strip()
    if not text or _LETTER.search(text) is None:
        return True
    count = len(text.split())
    if count <= MAX_BOILERPLATE_WORDS and _BOILERPLATE.search(text) is not None:
        return True
    return count <= MAX_NOTICE_WORDS and _NOTICE.search(text) is not None


def boilerplate_start(text: str) -> int:
    """Where a boilerplate tail starts in `text` (a title glued to "Registered users can read
    …" or to a cookie notice): the first match, or the capitalised sentence opener before it
    ("… ein Um die Funktion unserer Website …, sammeln wir …"), after at least MIN_KEPT_WORDS
    words, when the tail is boilerplate on its own; otherwise len(text) (nothing to cut)."""
    starts = sorted(_BOILERPLATE.starts(text) | _NOTICE.starts(text))
    for start in starts:
        cut = start if text[start].isupper() else _opener_before(text, start)
        if cut and len(text[:cut].split()) >= MIN_KEPT_WORDS and is_boilerplate(text[cut:]):
            return cut
    return len(text)


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
