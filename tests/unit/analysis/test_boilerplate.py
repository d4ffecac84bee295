import pytest

from services.analysis.boilerplate import boilerplate_start, is_boilerplate, is_heading, strip_furniture


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
