import re

import pytest

from services.analysis.boilerplate import (
    _BOILERPLATE,
    _LINE_SHAPES,
    _NOTICE,
    _NOTICE_SHAPES,
    _TWO_CUES,
    _choices,
    _expand,
    _union,
    boilerplate_start,
    is_boilerplate,
    is_heading,
    strip_furniture,
)
from services.analysis.languages import LANGUAGES, SUPPORTED


@pytest.mark.parametrize(
    "line",
    [
        "Discover more from Some Outlet | World News Pictures",
        "Subscribe to get the latest posts sent to your email.",
        "Sign up for our daily newsletter",
        "Translation by Jane Doe",
        "Translated by the desk",
        "Traduction : Marie Curie",
        "Traducción de Juan Pérez",
        "Übersetzung von Hans Müller",
        "Share this article",
        "Follow us on Telegram",
        "Read more: the earlier report",
        "Lire aussi : notre dossier",
        "(Reporting by A. Reporter; Editing by B. Editor)",
        "© 2024 Some Agency. All rights reserved.",
        "Abonnez-vous à notre lettre d'information",
        "Advertisement",
    ],
)
def test_page_furniture_is_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "More than 300 people have been killed since the offensive began, a monitor said.",
        "The ministry said it would translate the report into English by Friday.",
        "Subscribers of the utility saw bills rise by 12 percent after regulators approved the plan, "
        "which critics said would hit low-income households hardest over the coming winter months.",
        "Plus de 300 personnes ont été tuées depuis le début de l'offensive.",
    ],
)
def test_news_sentences_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_headings_have_no_closing_punctuation() -> None:
    assert is_heading("IMPACT OF THE PORT STRIKE")
    assert is_heading("Floods: thousands flee as river bursts banks")
    assert not is_heading("Thousands fled as the river burst its banks.")


@pytest.mark.parametrize(
    "line",
    [
        # cookie and consent notices
        "We use cookies to ensure that we give you the best experience on our website.",
        "Durch die weitere Nutzung unserer Website erklären Sie sich mit dem Einsatz von Cookies "
        "einverstanden.",
        "Wir setzen auf unserer Website Cookies und andere Technologien ein, um Ihnen den vollen "
        "Funktionsumfang unseres Angebotes anzubieten.",
        "Ce site utilise des cookies pour améliorer votre expérience de navigation.",
        "Utilizamos cookies propias y de terceros para mejorar nuestros servicios.",
        "Questo sito utilizza cookie per migliorare la tua esperienza di navigazione.",
        "Ta strona używa plików cookies, aby świadczyć usługi na najwyższym poziomie.",
        "Um die Funktion unserer Website zu verbessern und die relevantesten Nachrichten und gezielte "
        "Werbung anzuzeigen, sammeln wir technische anonymisierte Informationen über Sie, einschließlich "
        "der Instrumente unserer Partner.",
        "Szczegółowy opis procesu przetwarzania danych można znaleźć w polityce prywatności.",
        "Indem Sie „Akzeptieren und schließen“ anklicken, stimmen Sie der Verarbeitung Ihrer Daten zu.",
        "OK",
        # captcha and bot walls
        'If you want to connect with us, select "I AM NOT A ROBOT".',
        'Jeśli chcesz połączyć się z nami zaznacz "NIE JESTEM ROBOTEM".',
        "We suspect that someone has misused the IP address you are using.",
        "Przykro nam, ale z adresu IP z którego się łączysz odnotowaliśmy ogromną ilość połączeń.",
        "Twój adres IP: 192.0.2.17",
        # browser requirements and ad blockers
        "Please enable JavaScript to view the comments powered by Disqus",
        "Para ver este video, habilite JavaScript y considere actualizar a un navegador web que admita "
        "video HTML5.",
        "Aby czytać nasze artykuły wyłącz AdBlocka/uBlocka lub dodaj wyjątek dla naszej domeny.",
        # paywalls and registration walls
        "Registered users can read up to 3 reports.",
        "Bitte registrieren!",
        "Registrieren Sie sich jetzt kostenlos, um fortzufahren.",
        "Sie haben noch keinen Zugang zum Archiv?",
        "Or purchase a subscription for unlimited access to real news you can count on.",
        "TT-ePaper gratis lesen Jetzt lesen Ich bin bereits Abonnent",
        "Den vollständigen Artikel lesen ...",
        "Lire l'article complet",
        # share widgets, ads, read-more links
        "Condividi questo: Email",
        "Jetzt teilen:",
        "Teilen Weiterleiten",
        "Facebook Twitter WhatsApp",
        "Anzeige",
        "REKLAMA",
        "Article continues below",
        "Zobacz też: Co jeśli kandydat przegra?",
        "Per saperne di più",
        "Kommentar-Profil anlegen Ich habe die NETIQUETTE und die DATENSCHUTZERKLÄRUNG gelesen.",
        # no letters at all
        "1.",
        "#$%&'()*+,-.",
    ],
)
def test_page_notices_in_six_languages_are_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "The bakery, which has used the same recipe since 1952, sold more than 4,000 cookies on Sunday.",
        "Facebook changed its privacy policy on Tuesday after regulators in Brussels opened an inquiry.",
        "Police said the hackers used an IP address registered in Moscow.",
        "Die Bewohner haben keinen Zugang zu sauberem Wasser.",
        "Inspectors were given full access to the site on Monday.",
        "Die Journalistin soll den Vorfall am Samstag zur Anzeige gebracht haben.",
        "Registration for the winter semester has been opened from January 1 to 5.",
        "Loading of the ship resumed on Monday after the strike ended.",
        "Un robot a remplacé les caissiers dans trois supermarchés de Lyon, selon la direction.",
        "La polizia ha condiviso le immagini delle telecamere di sorveglianza con la procura.",
        "Los legisladores aprobaron la ley de privacidad de datos con 210 votos a favor.",
        "Premier zapowiedział, że rząd przedstawi nową politykę prywatności dla urzędów w marcu.",
    ],
)
def test_news_about_the_same_topics_is_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anzeige Anzeige Berlin.", "Berlin."),
        (
            "Anzeige Der Journalist arbeitet nicht mehr für den Sender.",
            "Der Journalist arbeitet nicht mehr für den Sender.",
        ),
        (
            "Jetzt teilen: Jetzt teilen: FRANKFURT - Der Minister will prüfen.",
            "FRANKFURT - Der Minister will prüfen.",
        ),
        ("ADVERTISEMENT Protesters set up about 50 tents.", "Protesters set up about 50 tents."),
        ("REKLAMA Ustawa weszła w życie 1 marca.", "Ustawa weszła w życie 1 marca."),
        ("Teilen Teilen Weiterleiten Weiterleiten Drucken Von dpa Berlin.", "Von dpa Berlin."),
        (
            "Justin Bieber verkauft Tacos aus einem Truck Bitte registrieren!",
            "Justin Bieber verkauft Tacos aus einem Truck",
        ),
        # the German noun "Anzeige" (a criminal complaint) is not furniture
        ("Sie hat Anzeige erstattet.", "Sie hat Anzeige erstattet."),
        ("Die Polizei nahm die Anzeige auf.", "Die Polizei nahm die Anzeige auf."),
    ],
)
def test_strip_furniture_removes_widget_words_only(text: str, expected: str) -> None:
    assert strip_furniture(text) == expected


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Oil to outperform TAKE A FREE TRIAL Registered users can read up to 3 reports.",
            "Oil to outperform TAKE A FREE TRIAL",
        ),
        (
            "Schweiz schränkt Export von Schutzausrüstung ein Um die Funktion unserer Website zu "
            "verbessern und gezielte Werbung anzuzeigen, sammeln wir technische anonymisierte "
            "Informationen über Sie.",
            "Schweiz schränkt Export von Schutzausrüstung ein",
        ),
        (
            "Media: Negocjacje handlowe przełożone Aby poprawić swoją witrynę i wyświetlać dedykowane "
            "reklamy, zbieramy anonimowe informacje techniczne.",
            "Media: Negocjacje handlowe przełożone",
        ),
        (  # "İ" lower-cases to two characters: matched on the text itself, positions intact
            "İzmir'de liman grevi genişliyor We use cookies to improve your experience on our website.",
            "İzmir'de liman grevi genişliyor",
        ),
    ],
)
def test_a_title_glued_to_a_notice_is_kept(text: str, title: str) -> None:
    assert text[: boilerplate_start(text)].strip() == title


@pytest.mark.parametrize(
    "text", ["SUBSCRIBE TO OUR NEWSLETTER", "İstanbul desk: subscribe to our newsletter"]
)
def test_patterns_match_in_any_case(text: str) -> None:
    assert is_boilerplate(text)


@pytest.mark.parametrize(
    "text",
    [
        "We use cookies to ensure that we give you the best experience on our website.",
        "Przykro nam, ale z adresu IP, z którego się łączy, zauważyliśmy ogromną liczbę połączeń.",
        "Floods force thousands from their homes in northern Italy.",
    ],
)
def test_nothing_is_cut_without_a_glued_title(text: str) -> None:
    assert boilerplate_start(text) == len(text)


# Page furniture of each kind in each language newsmon reads (the words come from the language
# files, services/analysis/languages/<code>.toml, [boilerplate]).
FURNITURE_BY_LANGUAGE = {
    "en": [
        "Translated from the Portuguese by Ana Lima.",
        "(Translated by Mark Ellis)",
        "Photo: Jane Roe / Northern Herald",
        "Photo credit: City Council",
        "Sign up for our morning briefing newsletter, delivered to your inbox.",
        "Follow the Valley Courier on Facebook and X for live updates.",
        "Read more: How the dam was built",
        "Related: Five things to know about the strike",
        "We use cookies to personalise content and ads.",
        "By continuing to browse this site you agree to our use of cookies.",
        "Listen to this article",
        "Share this story",
        "Facebook Twitter Email",
    ],
    "fr": [
        "Traduit de l'allemand par Claire Dubois.",
        "Traduction : Paul Martin",
        "Photo : Jean Durand / La Voix du Nord",
        "Crédit photo : Mairie de Lille",
        "Inscrivez-vous à notre newsletter pour recevoir l'essentiel de l'actualité.",
        "Suivez-nous sur Instagram et TikTok.",
        "Suivez toute l'actualité de votre département sur notre site.",
        "Lire aussi : La crue de 2016 en chiffres",
        "À lire aussi : Les communes en alerte",
        "Nous utilisons des cookies pour mesurer l'audience de notre site.",
        "Écouter cet article",
        "Partager sur Facebook",
    ],
    "es": [
        "Traducción: Marta Gil",
        "Traducido del francés por la Redacción.",
        "Foto: Luis Ortega / El Heraldo del Sur",
        "Foto de archivo de la presa de Almendra.",
        "Suscríbete a nuestro boletín y recibe las noticias cada mañana.",
        "Síguenos en Instagram para no perderte nada.",
        "Lea también: Cómo se formó la tormenta",
        "Lee también: Las claves de la huelga",
        "Utilizamos cookies propias y de terceros para analizar la navegación.",
        "Escuchar este artículo",
        "Compartir en WhatsApp",
    ],
    "de": [
        "Übersetzung: Anna Keller",
        "Aus dem Spanischen übersetzt von Jonas Berg.",
        "Foto: Peter Lang / Rheinpfalz",
        "Bild: Stadtwerke Ulm",
        "Melden Sie sich für unseren Newsletter an.",
        "Nichts mehr verpassen: Folgen Sie uns auf Instagram.",
        "Folgen Sie dem Kreisanzeiger auch bei WhatsApp.",
        "Lesen Sie auch: Wie das Hochwasser entstand",
        "Mehr zum Thema: Die Chronik des Streiks",
        "Wir verwenden Cookies, um unser Angebot für Sie zu verbessern.",
        "Artikel anhören",
        "Artikel teilen",
    ],
    "it": [
        "Traduzione di Giulia Neri",
        "Tradotto dallo spagnolo da Luca Conti.",
        "Foto: Marco Bassi / La Provincia",
        "Foto d'archivio: il ponte sul Tanaro",
        "Iscriviti alla newsletter per ricevere le notizie della sera.",
        "Seguici su Facebook e Instagram.",
        "Per non perdere nessuna notizia, seguici su Telegram.",
        "Leggi anche: Come è nata la frana",
        "Utilizziamo i cookie per migliorare la tua esperienza di navigazione.",
        "Ascolta l'articolo",
        "Condividi su WhatsApp",
    ],
}

# News about the same topics (credits, photos, translations, cookies, followers) stays.
NEWS_BY_LANGUAGE = {
    "en": [
        "The translator who worked for the army was killed by a roadside bomb on Tuesday.",
        "A photo shared on social media showed the collapsed bridge and two buried cars.",
        "Follow-up inspections found 12 more cracked beams, the agency said.",
        "Police said they would read the suspect's messages before deciding on charges.",
        "The school sold cookies to raise money for the families who lost their homes.",
    ],
    "fr": [
        "Le photographe de l'agence a été blessé lors de la manifestation à Nantes.",
        "La traduction du rapport en anglais sera publiée vendredi, selon le ministère.",
        "Les secouristes ont suivi la rivière sur trois kilomètres avant de retrouver la voiture.",
    ],
    "es": [
        "La traducción del informe al inglés se publicará el viernes, según el ministerio.",
        "El fotógrafo resultó herido durante los disturbios en el centro de la ciudad.",
        "Los vecinos siguieron las noticias por la radio durante toda la noche.",
    ],
    "de": [
        "Die Übersetzung des Vertrags sorgt seit Wochen für Streit zwischen Berlin und Paris.",
        "Zeugen werden gebeten, sich bei der Polizei in Ulm zu melden.",
        "Der Fotograf wurde bei dem Einsatz leicht verletzt, teilte die Feuerwehr mit.",
    ],
    "it": [
        "Il fotografo è stato ferito durante gli scontri davanti alla prefettura.",
        "I soccorritori hanno seguito le tracce fino al torrente, dove hanno trovato l'auto.",
        "La traduzione del documento è stata consegnata al tribunale di Genova.",
    ],
}


@pytest.mark.parametrize(
    ("language", "line"), [(lang, line) for lang, lines in FURNITURE_BY_LANGUAGE.items() for line in lines]
)
def test_furniture_of_every_kind_in_every_language_is_boilerplate(language: str, line: str) -> None:
    assert is_boilerplate(line), (language, line)


@pytest.mark.parametrize(
    ("language", "line"), [(lang, line) for lang, lines in NEWS_BY_LANGUAGE.items() for line in lines]
)
def test_news_on_the_same_topics_in_every_language_stays(language: str, line: str) -> None:
    assert not is_boilerplate(line), (language, line)


def test_every_language_with_figures_knows_its_page_furniture() -> None:
    assert set(FURNITURE_BY_LANGUAGE) == set(SUPPORTED)
    for code in SUPPORTED:
        table = LANGUAGES[code].boilerplate
        assert table.lines and table.notices and table.cookies and table.openers, code


def test_a_typographic_apostrophe_reads_as_a_plain_one() -> None:
    assert is_boilerplate("Lire l’article complet")
    assert is_boilerplate("Ascolta l’articolo")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(Photo: AP) The minister resigned on Friday.", "The minister resigned on Friday."),
        ("Die Polizei (Foto: dpa) sperrte die Straße.", "Die Polizei sperrte die Straße."),
        ("(Foto: Ansa) Il ponte è stato chiuso.", "Il ponte è stato chiuso."),
    ],
)
def test_a_photo_credit_glued_to_a_sentence_is_cut_and_the_sentence_kept(text: str, expected: str) -> None:
    assert strip_furniture(text) == expected
    assert not is_boilerplate(text)
    assert is_boilerplate(text[text.index("(") : text.index(")") + 1])  # the credit alone


@pytest.mark.parametrize(
    ("pattern", "choices"),
    [
        (
            r"(sent|delivered) to your (email|inbox)",
            [r"sent to your (email|inbox)", r"delivered to your (email|inbox)"],
        ),
        (r"(?:a|(b|c)d)e", ["ae", "bde", "cde"]),
        (r"([(|]x|y)z", [r"[(|]xz", "yz"]),  # a bracket or bar inside a class is no choice
        (r"(a|b)?c", [r"(a|b)?c"]),  # an optional group stays
        (r"(?=a|b)c", [r"(?=a|b)c"]),  # so does a lookahead
        (r"abc", ["abc"]),
    ],
)
def test_a_leading_group_is_split_into_its_choices(pattern: str, choices: list[str]) -> None:
    assert _choices(pattern) == choices


def test_grouped_patterns_give_the_verdicts_of_one_alternation() -> None:
    """The speed-up (patterns grouped by how they open, leading choices split, pairs of cues
    checked apart) must not change a verdict."""
    pairs = [
        p
        for topic, cue in _TWO_CUES + _union("pairs")
        for p in (rf"\b(?:{topic})\b.*\b(?:{cue})\b", rf"\b(?:{cue})\b.*\b(?:{topic})\b")
    ]
    lines = re.compile("|".join(f"(?:{_expand(p)})" for p in _union("lines") + _LINE_SHAPES))
    notices = re.compile("|".join(f"(?:{_expand(p)})" for p in _union("notices") + _NOTICE_SHAPES + pairs))
    samples = [
        line for lines_ in (*FURNITURE_BY_LANGUAGE.values(), *NEWS_BY_LANGUAGE.values()) for line in lines_
    ] + ["Weitere Informationen zu Cookies finden Sie in unserer Datenschutzerklärung.", "Plain news."]
    for text in samples:
        folded = text.replace("’", "'").lower()
        assert bool(lines.search(folded)) == _BOILERPLATE.search(text), text
        assert bool(notices.search(folded)) == _NOTICE.search(text), text
