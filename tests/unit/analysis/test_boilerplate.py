import re

import pytest

from services.analysis.boilerplate import (
    _BOILERPLATE,
    _LINE_SHAPES,
    _NOTICE,
    _NOTICE_SHAPES,
    _TWO_CUES,
    LEAD,
    _alternatives,
    _by_first_letter,
    _choices,
    _expand,
    _union,
    addresses_reader,
    boilerplate_start,
    is_boilerplate,
    is_caption,
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
            "Oil to outperform",
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


# Page furniture of the kinds added for the furniture corpus, per language, with the kind named.
FURNITURE_KINDS = {
    "en": [
        ("newsletter", "The Herald sends out a selection of the day's news every evening."),
        ("other", "Send us a correction"),
        ("live", "Our live coverage of the storm has ended."),
        ("other", "This article is more than 2 years old"),
        ("helpline", "If you or someone you know is struggling, call or text 988."),
        ("bio", "Anna Berg is the Herald's Baltic correspondent, based in Riga."),
        ("app", "Remember to download the free Valley Weather app."),
        ("credit", "Staff writers Tom Reyes and Ann Li contributed to this report"),
        ("newsletter", "Get the Valley Times' Morning Digest in your inbox every weekday."),
        ("follow", "Follow our live coverage on the Valley Times app."),
        ("other", "A version of this article appears in print on March 3, 2026, of The Valley Times."),
        (
            "appeal",
            "Thanks for reading the Valley Times. Local news costs money to make: chip in from $3 today.",
        ),
        ("helpline", "If you are struggling, Samaritans can be contacted free on 116 123."),
        ("ad", "-- Sponsored Content --"),
        ("ad", "Paid partnership"),
        ("comments", "All comments are subject to moderation."),
        ("comments", "Comments are closed for this article."),
        ("comments", "You must be signed in to leave a comment."),
        ("comments", "Let us know what you think in the comments below."),
        ("paywall", "This story is available to subscribers only."),
        ("paywall", "You have reached your monthly limit of free articles."),
        ("paywall", "Not a subscriber yet?"),
        ("consent", "Reject all"),
        ("consent", "Manage preferences"),
        ("consent", "By clicking “Accept”, you consent to our use of cookies and similar technologies."),
        ("app", "Stay informed: download the free Valley Times app."),
        ("app", "Download the new Courier app for iPhone and Android"),
        ("read-more", "More: How the storm unfolded"),
        ("read-more", "►Read more: Schools reopen after the floods"),
        ("credit-photo", "Photograph: Jane Roe/Reuters"),
        ("credit-photo", "(Photo by Jane Roe/Getty Images)"),
        ("credit", "With files from the Associated Press"),
        ("other", "This story was first published by the Valley Courier and is republished with permission."),
        ("credit-translation", "This interview has been translated from the Spanish by Ana Ruiz."),
        ("newsletter", "Our newsletter brings you the best of the week every Friday."),
        (
            "follow",
            "Follow the Valley Courier on Facebook, X, Instagram and TikTok for the latest news, videos and "
            "live coverage from across the region, and share your own photos and stories with us anytime.",
        ),
        ("other", "Sorry, this video could not be loaded."),
        ("membership", "Support independent journalism in Bristol: become a member."),
        ("briefing", "Good evening. Here's what you need to know tonight."),
        ("greeting", "Good morning."),
        ("sign-up", "Get our morning briefing: the day's news in your inbox."),
        ("video", "Video: firefighters battle the blaze overnight"),
    ],
    "fr": [
        ("app", "Suivez l'actualité en téléchargeant l'application Radio Sud."),
        ("byline", "Stagiaire Léa Martin"),
        ("credit", "Photo d'illustration Le Courrier / Paul Roux"),
        ("ad", "Contenu proposé par la Mutuelle du Val, en partenariat avec la rédaction."),
        ("live", "Suivez l'évolution de la situation dans notre direct."),
        ("other", "Lecture : 4 min."),
        ("byline", "(Paul Mercier | Le Courrier)"),
        ("comments", "Réagir à cet article"),
        ("credit", "Le Courrier du Val avec AFP"),
        ("follow", "Retrouvez-nous sur Facebook et sur Instagram."),
        ("comments", "Les commentaires sont fermés sur cet article."),
        ("read-more", "Pour aller plus loin : Inondations dans le Gard, le bilan s'alourdit"),
        (
            "credit",
            "Cet article est issu de notre partenaire Le Courrier du Val et publié avec son autorisation.",
        ),
        ("ad", "Contenu sponsorisé"),
        ("ad", "- Publicité -"),
        ("comments", "Les commentaires sont fermés."),
        ("comments", "Merci de rester respectueux dans vos échanges."),
        ("comments", "Dites-nous ce que vous en pensez en commentaire."),
        ("paywall", "Cet article est réservé aux abonnés."),
        ("paywall", "Il vous reste 60 % de l'article à lire."),
        ("paywall", "Vous devez être connecté pour commenter."),
        ("consent", "Tout refuser"),
        ("consent", "En cliquant sur « Tout accepter », vous acceptez le dépôt de cookies."),
        ("app", "Installez l'application gratuite pour recevoir nos alertes."),
        ("read-more", "Sur le même sujet"),
        ("read-more", "► À lire aussi : la crue de la Seine en chiffres"),
        ("credit-photo", "(Photo de Jean Dupont / AFP)"),
        ("credit-photo", "Texte et photos : Marie Curie"),
        ("other", "Cet article a été initialement publié sur le site de l'université."),
        ("credit-translation", "Cet article a été traduit de l'anglais."),
        ("newsletter", "Chaque matin, notre newsletter vous présente l'essentiel de l'actualité."),
        ("newsletter", "S'inscrire"),
        ("other", "Cette vidéo n'a pas pu être chargée."),
        ("share", "Envoyer l'article par e-mail"),
        ("share", "Partager Transférer Imprimer Copier le lien"),
        ("credit", "Avec AFP – Traduction : service étranger"),
        ("live notice", "Dépêche en cours d'actualisation"),
        ("player", "🎧 Écouter cet article (2 min)"),
        ("radio", "Écouter le direct"),
        ("station", "Radio Alpes Info, sur 101.2 FM partout dans la vallée."),
        ("offer", "Vous aimez nos reportages ? Soutenez-nous en vous abonnant dès 1 € par mois."),
        ("podcast", "Retrouvez nos émissions sur toutes les plateformes de podcast."),
    ],
    "es": [
        ("legal", "La ley de derechos de autor prohíbe copiar los materiales de este diario."),
        ("newsletter", "Reciba la edición diaria por correo electrónico."),
        ("follow", "Twitter – @diariodelsur Facebook – @DiarioDelSur"),
        ("credit", "Créditos: Agencia Sur"),
        ("bio", "Lucía Gómez es periodista de la sección de Sociedad y cubre temas de educación desde 2019."),
        ("follow", "Suscribite a nuestro canal de WhatsApp y recibí las noticias al instante."),
        ("read-more", "Leé también: Qué hacer ante una ola de calor"),
        ("other", "Este artículo se actualizó con nueva información sobre el incendio."),
        ("byline", "Por Marta Llorente | Corresponsal en Lisboa"),
        ("ad", "Contenido patrocinado"),
        ("ad", "- Publicidad -"),
        ("comments", "Los comentarios están cerrados."),
        ("comments", "No se publicarán comentarios ofensivos."),
        ("comments", "Déjanos tu opinión en los comentarios."),
        ("paywall", "Este artículo es exclusivo para suscriptores."),
        ("paywall", "Has alcanzado el límite de artículos gratuitos de este mes."),
        ("paywall", "¿Aún no eres suscriptor?"),
        ("consent", "Rechazar todo"),
        ("consent", "Al hacer clic en «Aceptar», usted acepta el uso de cookies."),
        ("app", "Descarga gratis nuestra aplicación y recibe las alertas."),
        ("read-more", "Te recomendamos"),
        ("read-more", "Noticias relacionadas"),
        ("read-more", "También te puede interesar: La sequía en cifras"),
        ("listen", "Escuchar noticia"),
        ("credit-photo", "(Foto de Ana Ruiz/EFE)"),
        ("credit-photo", "Texto y fotos: Ana Ruiz"),
        ("credit", "Con información de Reuters"),
        ("other", "Este artículo fue publicado originalmente en The Conversation."),
        ("follow", "Únete a nuestro canal de WhatsApp"),
        ("follow", "Sigue toda la actualidad de la provincia en nuestra web."),
        ("share", "Compartir en:"),
        ("share", "Compartir Correo electrónico Copiar enlace"),
        ("newsletter", "Recibe cada mañana nuestro boletín con las noticias del día."),
        ("live notice", "(Noticia en desarrollo)"),
        ("section", "Más noticias de Nacional"),
        ("follow", "Síguenos en Google Noticias y no te pierdas nada."),
        ("closing", "Seguiremos informando."),
    ],
    "de": [
        ("other", "Lesedauer: 3 Minuten"),
        ("other", "Aktuelle Meldungen finden Sie in unserem Verkehrsticker."),
        ("other", "Über dieses Thema berichtete Radio Süd am Montag um 12:00 Uhr."),
        ("credit", "(rot, APA, dpa, 3.4.2026)"),
        ("other", "Liveblog: Alle Entwicklungen im Überblick"),
        ("read-more", "Mehr Polizei-News finden Sie auf unserer Themenseite."),
        ("tip", "Sie haben einen Hinweis?"),
        ("tip", "Schreiben Sie unserer Redaktion über das Kontaktformular."),
        ("comments", "Hinweis: Die Redaktion hat die Kommentarfunktion unter diesem Artikel deaktiviert."),
        ("consent", "Externer Inhalt: Um ihn anzuzeigen, müssen Sie zustimmen."),
        ("other", "Korrekturhinweis: In einer früheren Fassung stand ein falsches Datum."),
        ("other", "Hinweise an die Redaktion gerne per E-Mail."),
        ("credit", "Symbolfoto: Archiv"),
        ("ad", "Transparenzhinweis: Dieser Text enthält Affiliate-Links."),
        ("credit", "mit dpa"),
        ("other", "Hinweis: Dieser Artikel wurde um 17.10 Uhr aktualisiert."),
        ("byline", "Von unserem Korrespondenten Lars Petersen, Flensburg"),
        ("helpline", "Hilfe bei Suizidgedanken bietet die Telefonseelsorge rund um die Uhr."),
        ("ad", "Gesponsert"),
        ("ad", "-- Anzeige --"),
        ("comments", "Die Kommentarfunktion wurde für diesen Artikel deaktiviert."),
        ("comments", "Kommentare (12)"),
        ("comments", "Sie müssen angemeldet sein, um kommentieren zu können."),
        ("paywall", "Dieser Beitrag ist nur für Abonnenten verfügbar."),
        ("paywall", "Jetzt 30 Tage gratis testen"),
        ("paywall", "Sie haben Ihr Limit an kostenlosen Artikeln für diesen Monat erreicht."),
        ("consent", "Alle ablehnen"),
        ("consent", "Einstellungen verwalten"),
        ("app", "Laden Sie sich jetzt die kostenlose App herunter."),
        ("read-more", "Hochwasser in Bayern – mehr zum Thema:"),
        ("read-more", "Weitere Meldungen aus der Region finden Sie hier."),
        ("read-more", "+++ Verfolgen Sie alle Entwicklungen zum Unwetter in unserem Newsblog +++"),
        ("credit", "Mit Material von dpa und AFP"),
        ("credit-photo", "Text und Fotos: Anna Keller"),
        ("other", "Dieser Artikel erschien zuerst bei der Süddeutschen Zeitung."),
        ("credit-translation", "Dieser Beitrag wurde aus dem Englischen übersetzt."),
        ("other", "*kreiszeitung.de ist Teil des bundesweiten Redaktionsnetzwerks."),
        ("newsletter", "Mit unserem Newsletter erhalten Sie jeden Morgen die wichtigsten Nachrichten."),
        ("other", "In dieser Bildergalerie: 15 Fotos"),
        ("other", "Das Video konnte nicht geladen werden."),
        ("share", "Auf WhatsApp teilen"),
        ("closing", "Wir berichten weiter."),
        ("section", "Weitere Meldungen aus dem Ressort Politik"),
        ("station", "Hören Sie uns auch im Livestream und in der App."),
        ("agency credit", "Dieser Beitrag wurde mit Material der Nachrichtenagentur dpa erstellt."),
        ("ad-free", "Sie lesen unser Angebot mit Werbung. Werbefrei lesen mit Plus."),
        ("e-paper", "Mehr aus der Region lesen Sie in unserer E-Paper-Ausgabe."),
    ],
    "it": [
        ("follow", "Ricevi le notizie di Pisa su Telegram: iscriviti gratis al nostro canale."),
        ("byline", "Dal nostro inviato Paolo Neri"),
        ("ad", "Informazione pubblicitaria"),
        ("follow", "Segui Il Corriere del Lago su Google News"),
        ("tip", "Hai una segnalazione? Scrivici."),
        ("credit", "Nella foto d'archivio, il porto di Livorno"),
        ("follow", "Per ricevere le nostre notizie, segui il canale WhatsApp del Corriere."),
        ("other", "Diretta · Aggiornamenti in tempo reale"),
        ("other", "articolo modificato il 3 marzo 2026 alle 10:12"),
        ("credit", "Questa immagine è stata utilizzata per scopi rappresentativi."),
        ("follow", "Seguimi su Instagram e Facebook."),
        ("credit", "In apertura, i vigili del fuoco al lavoro (foto d'archivio)"),
        ("credit", "L'Associated Press ha contribuito a questo articolo."),
        ("ad", "Questo articolo contiene link di affiliazione."),
        ("ad", "Sponsorizzato"),
        ("ad", "- Pubblicità -"),
        ("comments", "I commenti sono chiusi."),
        ("comments", "Fateci sapere cosa ne pensate nei commenti."),
        ("comments", "Devi essere registrato per commentare."),
        ("paywall", "Questo contenuto è riservato agli abbonati."),
        ("paywall", "Hai raggiunto il limite di articoli gratuiti."),
        ("paywall", "Non sei ancora abbonato?"),
        ("consent", "Rifiuta tutto"),
        ("consent", "Accetta e continua"),
        ("app", "Scarica gratis l'app del Corriere del Golfo"),
        ("read-more", "Correlati:"),
        ("read-more", "► Leggi anche: La frana in cifre"),
        ("credit-photo", "(Foto di Mario Rossi/Ansa)"),
        ("credit-photo", "Testo e foto: Mario Rossi"),
        ("other", "Questo articolo è stato pubblicato originariamente su The Conversation."),
        ("credit-translation", "Questo articolo è stato tradotto dall'inglese."),
        ("follow", "Resta aggiornato con le notizie della tua città."),
        (
            "newsletter",
            "Ogni mattina la nostra newsletter porta le notizie più importanti nella tua casella.",
        ),
        ("newsletter", "Ti invieremo ogni giorno le notizie più importanti."),
        ("other", "Il video non può essere riprodotto."),
        ("live credit", "Questa diretta è a cura di Marco Rossi."),
        ("player", "Ascolta l'articolo"),
        ("video", "Video: le immagini dall'elicottero"),
    ],
}

# Video and live pages (round 23): players, transcripts, live labels, gallery counters.
VIDEO_PAGE_FURNITURE = [
    ("en", "Autoplay: off"),
    ("en", "Tap play to keep watching"),
    ("en", "Photo 12 of 40"),
    ("en", "This video is no longer available."),
    ("fr", "Voir la transcription"),
    ("fr", "Image 3 sur 9"),
    ("es", "Reproducción automática: desactivada"),
    ("es", "Hay 3 entradas nuevas"),
    ("es", "Foto 2 de 11"),
    ("de", "Dieses Video ist nicht mehr verfügbar."),
    ("de", "Bild 7 / 20"),
    ("de", "Transkript lesen"),
    ("it", "Il video non è più disponibile"),
    ("it", "Ci sono 4 nuovi aggiornamenti"),
    ("it", "Foto 9 di 30"),
]
SHARING_FURNITURE = [
    ("en", "Link copied to clipboard"),
    ("en", "View all 58 replies"),
    ("en", "Flag comment"),
    ("fr", "Voir les 38 commentaires"),
    ("fr", "Signaler ce commentaire"),
    ("es", "¡Enlace copiado!"),
    ("es", "Ver los 71 comentarios"),
    ("de", "Alle 12 Kommentare anzeigen"),
    ("de", "Link kopiert"),
    ("it", "Leggi tutti i 15 commenti"),
    ("it", "Commenta (12)"),
]
DESK_NOTES = [
    ("en", "CLICK HERE to download the Metro Now app for alerts"),
    ("en", "Watch the video: rescuers reach the trapped miners"),
    ("fr", "Mise à jour à 7h15 : ajoute le témoignage du maire."),
    ("fr", "(Actualise avec le nouveau bilan des autorités)"),
    ("es", "(Actualiza con la cifra de heridos)"),
    ("de", "Dieser Artikel wurde mithilfe maschineller Übersetzung erstellt."),
    ("de", "Diese Meldung wurde am 03.05.2026 im Programm von Radio Nord gesendet."),
    ("it", "(Aggiorna con il bilancio della Protezione civile)"),
    ("it", "Questo articolo è stato tradotto automaticamente."),
    ("it", "AGGIORNAMENTO ORE 9.45 - aggiunte le dichiarazioni del sindaco."),
    ("it", "Traduzione a cura di Marco Bellini."),
    ("es", "Actualizamos esta noticia a medida que haya más datos."),
    ("de", "Hinweis: Dieser Artikel wurde um 14.20 Uhr aktualisiert."),
    ("de", "Unsere Korrespondentin Lena Vogt berichtet aus Nairobi."),
    ("en", "This article appears in the June 3 print edition of The Valley Times."),
]


SHARING_NEWS = [
    ("en", "A post shared by the mayor on Facebook showed the flooded square on Monday morning."),
    ("fr", "Une publication partagée par la préfecture montrait le pont effondré."),
    ("it", "Un post condiviso dal sindaco mostrava la piazza allagata lunedì mattina."),
]


VIDEO_PAGE_NEWS = [
    # live and video pages' own titles are news: a title that reads as furniture is dropped
    ("fr", "EN DIRECT – Séisme dans les Abruzzes : le bilan s'alourdit à 14 morts"),
    ("fr", "VIDÉO. Incendie à Toulon : les images des flammes au-dessus du port"),
    ("de", "LIVE-TICKER +++ Zahl der Toten nach dem Beben steigt auf zwölf +++"),
    ("en", "The court heard that the video could not be played because the file was damaged."),
    ("fr", "Le roman est lu par une voix de synthèse, une première pour la maison d'édition."),
    ("es", "Su partido denunció que una voz artificial imitó al candidato en un anuncio."),
    ("de", "Das Video der Überwachungskamera ist nach Angaben der Polizei nicht mehr verfügbar gewesen."),
]


@pytest.mark.parametrize(("language", "line"), VIDEO_PAGE_FURNITURE + SHARING_FURNITURE + DESK_NOTES)
def test_video_sharing_and_desk_furniture_is_boilerplate(language: str, line: str) -> None:
    assert is_boilerplate(line), (language, line)


@pytest.mark.parametrize(("language", "line"), VIDEO_PAGE_NEWS + SHARING_NEWS)
def test_news_about_videos_voices_and_shared_posts_stays(language: str, line: str) -> None:
    assert not is_boilerplate(line), (language, line)


# News on the same topics: a newsletter, cookies, comments, an app, subscribers, a first publication.
NEWS_KINDS = {
    "en": [
        "A new law requires newsletter publishers to label sponsored posts, the minister said on Tuesday.",
        "The watchdog fined the broadcaster £1.2 million for setting tracking cookies without consent.",
        "The company sent an internal newsletter to staff announcing 200 job cuts.",
        "“Read more books,” the minister told pupils at a school in Leeds.",
        "The report was first published in 2019 by the health ministry.",
        "Comments posted by the suspect on social media were shown to the jury.",
        "Officials urged residents to download the flood warning app before the storm arrived.",
        "Her novel, translated from the Italian by Ann Goldstein, won the prize on Thursday.",
    ],
    "fr": [
        "Le gouvernement veut obliger les éditeurs de newsletters à signaler les contenus sponsorisés.",
        "La CNIL a sanctionné un site pour avoir déposé des cookies publicitaires sans consentement.",
        "Une lettre d'information interne annonce la fermeture de deux usines.",
        "Les commentaires du ministre ont provoqué un tollé à l'Assemblée.",
        "Le quotidien réserve désormais la moitié de ses articles à ses abonnés.",
    ],
    "es": [
        "El boletín oficial publicó el martes el decreto sobre las tarifas eléctricas.",
        "Según un boletín interno, la empresa cerrará dos fábricas el próximo año.",
        "La agencia multó a una empresa por instalar cookies publicitarias sin consentimiento.",
        "Con información de la policía, los vecinos localizaron al niño en el monte.",
        "Sigue la búsqueda de los desaparecidos en la sierra, informó la Guardia Civil.",
    ],
    "de": [
        "Die Verbraucherzentrale kritisierte Werbe-Cookies, die ohne Einwilligung gesetzt werden.",
        "Das Ministerium verschickte einen Newsletter an alle Schulen im Land.",
        "Der Verlag hat die Kommentarfunktion auf seiner Webseite nach Drohungen abgeschaltet.",
        "Die Zeitung stellt ihre gedruckte Ausgabe ein und erscheint nur noch als E-Paper.",
    ],
    "it": [
        "Una newsletter interna annuncia 200 esuberi nello stabilimento di Taranto.",
        "Il Garante ha multato un editore per aver installato cookie pubblicitari senza consenso.",
        "Il ministro ha annunciato una legge sugli autori di newsletter a pagamento.",
        "I commenti del ministro hanno suscitato polemiche in Parlamento.",
        "Scarica la responsabilità sul governo il sindaco, dopo la frana di martedì.",
    ],
}


@pytest.mark.parametrize(
    ("language", "kind", "line"),
    [(lang, kind, line) for lang, lines in FURNITURE_KINDS.items() for kind, line in lines],
)
def test_furniture_of_the_corpus_kinds_is_boilerplate(language: str, kind: str, line: str) -> None:
    assert is_boilerplate(line), (language, kind, line)


@pytest.mark.parametrize(
    ("language", "line"), [(lang, line) for lang, lines in NEWS_KINDS.items() for line in lines]
)
def test_news_that_names_furniture_words_stays(language: str, line: str) -> None:
    assert not is_boilerplate(line), (language, line)


@pytest.mark.parametrize(
    "line",
    [
        "-- Advertisement --",
        "►Lire aussi : la crue de la Seine",
        "+++ Verfolgen Sie alle Entwicklungen in unserem Liveticker +++",
        "• Read more: the earlier report",
        "¡Suscríbete a nuestro boletín!",
    ],
)
def test_bullets_and_rules_before_a_line_are_skipped(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # the capital after an opening quote or a hyphen is inside the notice
        ("By clicking “Accept all”, you agree to the storing of cookies on your device.", "en"),
        ("Melden Sie sich hier für den Wetter-Newsletter an.", "de"),
        # a lower-case function word before the capital: one sentence
        (
            "Hinweis: Kommentare geben grundsätzlich die Meinung des jeweiligen Verfassers und nicht "
            "die der Redaktion wieder.",
            "de",
        ),
        # a capitalised noun is no sentence opener in German
        ("Für eine vollständige Nutzung der Webseite werden Cookies benötigt.", "de"),
        # a pair of cues is cut only at an opener
        ("In einem eigenen Newsletter informiert die Redaktion Sie zweimal am Tag.", "de"),
    ],
)
def test_a_notice_is_not_cut_inside_its_own_sentence(text: str, language: str) -> None:
    assert boilerplate_start(text, language) == len(text)
    assert is_boilerplate(text)


def test_a_german_title_glued_to_a_notice_is_cut_at_the_opener() -> None:
    text = (
        "Schweiz schränkt Export von Schutzausrüstung ein Um die Funktion unserer Website zu verbessern, "
        "sammeln wir technische anonymisierte Informationen über Sie."
    )
    assert text[: boilerplate_start(text, "de")].strip() == "Schweiz schränkt Export von Schutzausrüstung ein"


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
        ("(Photo by Jane Roe/Getty Images) The bridge reopened.", "The bridge reopened."),
        ("(Foto di Mario Rossi/Ansa) Il ponte è stato riaperto.", "Il ponte è stato riaperto."),
        ("(Foto de Ana Ruiz/EFE) El puente fue reabierto.", "El puente fue reabierto."),
        ("(Photo de Jean Dupont / AFP) Le pont a rouvert.", "Le pont a rouvert."),
        ("(Foto von Anna Keller) Die Brücke ist wieder offen.", "Die Brücke ist wieder offen."),
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


@pytest.mark.parametrize(
    ("pattern", "alternatives"),
    [
        ("ab|cd", ["ab", "cd"]),
        ("a(b|c)d|e", ["a(b|c)d", "e"]),  # a bar inside a group is no alternative
        (r"[|]x|\|y", ["[|]x", r"\|y"]),  # nor one in a class or escaped
        ("abc", ["abc"]),
    ],
)
def test_a_pattern_is_split_at_its_top_level_bars(pattern: str, alternatives: list[str]) -> None:
    assert _alternatives(pattern) == alternatives


def test_patterns_grouped_by_first_letter_match_what_they_matched_apart() -> None:
    patterns = ["apple pie", "apricot", "banana|berry", "(re)?captcha", "a", "x?y"]
    grouped = re.compile(rf"\b(?:{_by_first_letter(patterns)})")
    apart = re.compile("|".join(rf"\b(?:{p})" for p in patterns))
    for text in ["an apricot", "berry jam", "recaptcha", "captcha", "y", "xy", "nothing", "apple pie", "b"]:
        assert bool(grouped.search(text)) == bool(apart.search(text)), text


def test_grouped_patterns_give_the_verdicts_of_one_alternation() -> None:
    """The speed-up (patterns grouped by how they open, leading choices split, pairs of cues
    checked apart) must not change a verdict."""
    pairs = [
        p
        for topic, cue in _TWO_CUES + _union("pairs")
        for p in (rf"\b(?:{topic})\b.*\b(?:{cue})\b", rf"\b(?:{cue})\b.*\b(?:{topic})\b")
    ]

    def one(pattern: str) -> str:  # bullets may precede a line anchored at ^
        expanded = _expand(pattern)
        return f"^{LEAD}(?:{expanded[1:]})" if expanded.startswith("^") else f"(?:{expanded})"

    lines = re.compile("|".join(map(one, _union("lines") + _LINE_SHAPES)))
    notices = re.compile("|".join(map(one, _union("notices") + _NOTICE_SHAPES + pairs)))
    samples = [
        line for lines_ in (*FURNITURE_BY_LANGUAGE.values(), *NEWS_BY_LANGUAGE.values()) for line in lines_
    ] + ["Weitere Informationen zu Cookies finden Sie in unserer Datenschutzerklärung.", "Plain news."]
    samples += [line for lines_ in FURNITURE_KINDS.values() for _, line in lines_]
    samples += [line for lines_ in NEWS_KINDS.values() for line in lines_]
    for text in samples:
        folded = text.replace("’", "'").lower()
        assert bool(lines.search(folded)) == _BOILERPLATE.search(text), text
        assert bool(notices.search(folded)) == _NOTICE.search(text), text


UPDATE_NOTICES = {
    "en": [
        "This story is being updated.",
        "This is a developing story.",
        "Never miss a story: get our alerts",
    ],
    "fr": [
        "Cet article sera mis à jour au fil de la journée.",
        "Cet article vous est offert par la rédaction.",
        "Pour soutenir notre travail, abonnez-vous.",
        "Ne manquez aucune information importante.",
    ],
    "es": [
        "La información se irá actualizando a lo largo del día.",
        "Noticia en desarrollo",
        "¿No quieres perderte nada?",
    ],
    "de": ["Dieser Artikel wird laufend aktualisiert.", "Möchten Sie keine Eilmeldung mehr verpassen?"],
    "it": [
        "Questo articolo è in continuo aggiornamento.",
        "Notizia in aggiornamento",
        "Non perderti le ultime notizie",
    ],
}
UPDATE_NEWS = {
    "en": ["The ministry said the death toll would be updated on Wednesday morning."],
    "fr": ["Le bilan de la préfecture a été mis à jour mardi soir : douze morts."],
    "es": ["Protección Civil actualiza cada hora la cifra de desalojados."],
    "de": ["Die Polizei hat die Zahl der Verletzten am Abend aktualisiert."],
    "it": ["La Protezione civile ha aggiornato il bilancio a sette vittime."],
}


TAIL = {  # the long tail of real sites: timestamps, corrections, appeals, synthetic audio, channels
    "en": [
        "Updated 9:15 a.m. ET",
        "Correction: An earlier version of this story misstated the mayor's name.",
        "Support local journalism: subscribe today.",
        "This article is read by an automated voice.",
        "Join our WhatsApp channel for breaking news.",
        "Share on Facebook (Opens in new window)",
    ],
    "fr": [
        "Publié le 03/02/2025 à 10h12",
        "Rectificatif : le maire s'appelle Jean Morel et non Jean Moreau.",
        "Soutenez un média indépendant.",
        "Cet article est lu par une voix de synthèse.",
        "Rejoignez notre chaîne Telegram pour ne rien manquer.",
    ],
    "es": [
        "Actualizado el 12/04/2025 a las 16:05",
        "Fe de errores: el puente se inauguró en 1987.",
        "Únete a nuestro canal de WhatsApp",
        "Este contenido es exclusivo para suscriptores.",
    ],
    "de": [
        "Aktualisiert am 02.05.2025, 08:30 Uhr",
        "Korrektur: In einer früheren Fassung hieß es, der Bürgermeister sei zurückgetreten.",
        "Dieser Artikel ist nur für Abonnenten verfügbar.",
        "Aktivieren Sie die Push-Benachrichtigungen.",
    ],
    "it": [
        "Ultimo aggiornamento: 22/02/2025, ore 11:37",
        "Rettifica: il sindaco si chiama Paolo Neri.",
        "I commenti a questo articolo sono stati chiusi.",
        "Entra nel canale WhatsApp del giornale",
    ],
}
TAIL_NEWS = {
    "en": ["Updated figures released on Monday showed 12 people had died."],
    "fr": ["Le bilan publié mardi par la préfecture fait état de 12 morts."],
    "es": ["El Gobierno publicó el martes el decreto de ayudas para los afectados."],
    "de": ["Die Polizei korrigierte am Abend die Zahl der Verletzten auf zwölf."],
    "it": ["Il Comune ha pubblicato il 3 marzo le graduatorie dei contributi."],
}


BYLINES_AND_NAVIGATION = {  # bylines, author bios, breadcrumbs, desk initials, video credits, appeals
    "en": [
        "This story was machine-translated from Spanish.",
        "By Laura Petit, Europe Correspondent",
        "By Sam Okafor and Jo Lind",
        "Dana Whitfield is the Courier's health reporter.",
        "He can be reached at dwhitfield@example.com.",
        "(Reuters Photo/Ana Costa)",
        "Spotted a mistake in this story? Tell us.",
        "Correction, 4 May: an earlier version of this article gave the wrong date.",
        "Send us your photos and videos of the storm.",
        "Video: Channel 9 Coast",
        "News › World › Europe",
        "jk/rs (AFP, dpa)",
    ],
    "fr": [
        "Texte traduit automatiquement de l'anglais.",
        "Par Jeanne Morel, correspondante à Bruxelles",
        "(Reportage de Paul Durand ; édité par Marc Petit)",
        "Journaliste au service Politique depuis 2015, il suit l'Élysée.",
        "Reproduction interdite sans l'accord de l'éditeur.",
        "Faites un don pour soutenir une presse libre.",
        "Lisez aussi : les chiffres de la semaine",
        "Cliquez ici pour afficher le contenu.",
        "Vidéo : France 3 Occitanie",
        "Accueil > Régions > Bretagne",
    ],
    "es": [
        "Noticia traducida automáticamente del inglés.",
        "Queda prohibida la reproducción total o parcial de este contenido.",
        "Redactor de la sección de Economía desde 2018.",
        "Actualizado: 03/05/2024 18:40h",
        "Lea más noticias de la región en nuestra web.",
        "Publicado en: Sucesos, Provincia",
        "Si puedes, apoya nuestro periodismo.",
        "Por Carmen Ruiz, corresponsal en Roma",
        "Vídeo: Telemadrid",
        "Inicio / Sociedad / Sanidad",
    ],
    "de": [
        "Dieser Text wurde maschinell übersetzt.",
        "Erste Meldung 10:12 Uhr",
        "Guter Journalismus kostet Geld.",
        "Unterstützen Sie unsere Arbeit mit einem Abo.",
        "In einer früheren Fassung dieses Artikels stand ein falsches Datum.",
        "Wir bitten, den Fehler zu entschuldigen.",
        "Von Anna Berg, Korrespondentin in Wien",
        "Laden Sie sich unsere kostenlose App herunter.",
        "Original-Content von: Feuerwehr Köln, übermittelt durch news aktuell",
        "Video: Regio TV",
        "Startseite › Lokales › Stadt",
        "dh/rb (dpa, AFP)",
    ],
    "it": [
        "Articolo tradotto automaticamente dal tedesco.",
        "Le donazioni sono sempre gradite e molto apprezzate.",
        "Visita la home page del nostro giornale.",
        "A cura della redazione",
        "Giornalista pubblicista, scrive di cronaca dal 2010.",
        "Foto: Marco Bianchi/Agenzia Fotogramma",
        "Chiudendo questo banner acconsenti ai cookie.",
        "Video: Rete Veneta",
        "Home / Politica / Regioni",
    ],
}

BYLINE_LOOKALIKE_NEWS = {
    "en": [
        "By Tuesday evening, 40 people had been evacuated from the valley.",
        "Evan Brooks is a reporter for the Ledger who was detained in March.",
        "A judge dismissed the copyright claims brought against the streaming service.",
        "The video showed police firing tear gas at protesters in the square.",
    ],
    "fr": [
        "Par ailleurs, trois personnes ont été interpellées dans la nuit.",
        "Le journaliste a été libéré après trois jours de détention.",
    ],
    "es": ["Por la tarde, los bomberos dieron por controlado el incendio en la sierra."],
    "de": [
        "Von den 40 Verletzten sind zwölf in Lebensgefahr.",
        "Lesen Sie mehr vor, appellierte die Ministerin an die Eltern.",
    ],
    "it": ["Il video mostra i soccorritori mentre estraggono un uomo dalle macerie."],
}

LIVE_BLOG_AND_FEEDBACK = {  # live-blog stamps, time-zone notes, reader-feedback and error prompts
    "en": [
        "Was this story helpful?",
        "This article was last updated at 09:12.",
        "All times are local time.",
        "14:05",
    ],
    "fr": [
        "Cette page est actualisée en continu.",
        "Les heures sont indiquées en heure de Paris.",
        "Cet article vous a plu ?",
        "Vous avez remarqué une erreur ?",
        "9h57",
    ],
    "es": ["¿Te ha parecido interesante esta noticia?", "Esta noticia se irá actualizando."],
    "de": ["Der Ticker wurde zuletzt um 8.10 Uhr aktualisiert.", "Alle Zeitangaben in MEZ.", "7.25 Uhr"],
    "it": ["Riproduzione riservata", "Aggiornamento ore 16.40", "Foto di Marco Neri / Agenzia Sud"],
}

LIVE_BLOG_LOOKALIKE_NEWS = {
    "en": ["The fire was reported at 14:05 and was under control by the evening."],
    "fr": ["Les heures supplémentaires des soignants ont été payées en retard."],
    "it": ["La riproduzione del dipinto è stata venduta all'asta per 12.000 euro."],
}

DISCLAIMERS_DESKS_AND_RULES = {
    "en": [
        "Get our alerts straight to your inbox.",
        "Staff and agencies",
        "Community guidelines apply to all comments.",
    ],
    "fr": ["Le site n'est pas responsable des commentaires publiés.", "La rédaction avec AFP"],
    "es": ["El diario no se hace responsable de las opiniones de los lectores.", "Redacción / Agencias"],
    "de": [
        "Die Redaktion übernimmt keine Haftung für Fehler.",
        "Redaktion / dpa",
        "Netiquette: Bitte bleiben Sie sachlich.",
    ],
    "it": ["La testata non è responsabile dei contenuti dei commenti.", "Redazione / Agenzie"],
}

DISCLAIMER_LOOKALIKE_NEWS = {
    "en": [
        "The ministry said it was not responsible for the errors in the voter rolls, blaming a contractor."
    ],
    "es": ["La empresa no se hace responsable del vertido, según su portavoz, y culpa a un subcontratista."],
}

WIDGETS_CONTACTS_AND_DATELINES = {  # tickers, weather, author contacts, datelines alone, appeals, live stamps
    "en": [
        "Contact Jane Holt at jholt@example-gazette.com.",
        "S&P 500 5,123.40 ▼ 0.21%",
        "Weather: Leeds 12° light rain",
        "LONDON (Reuters) -",
        "Sam Patel is editor of the Valley Courier.",
        "Comments on this story have been closed.",
        "Updated 12 minutes ago",
        "Quality journalism needs your support.",
        "Do you have information about this incident?",
    ],
    "fr": [
        "Mis à jour il y a 5 minutes",
        "Toute reproduction, même partielle, est strictement interdite.",
        "Ne ratez aucune info en activant les notifications.",
        "Ouest-Éclair avec AFP",
        "Réagissez à cet article",
    ],
    "es": [
        "Sevilla, 3 abr (EFE).-",
        "Noticia en desarrollo",
        "Síguenos en Instagram",
        "Contenido patrocinado por Banco Sur",
    ],
    "de": ["Hamburg (dpa) -", "DAX 17.980,12 Pkt. -0,35 %", "von dpa", "Sie haben einen Fehler entdeckt?"],
    "it": [
        "(ANSA) - MILANO, 4 APR -",
        "Hai notato un errore?",
        "Video di Paolo Rossi / Montaggio di Anna Bianchi",
        "Commenta la notizia",
        "di Giulia Conti, inviata a Napoli",
        "Ultimo aggiornamento ore 18:20",
    ],
}

WIDGET_LOOKALIKE_NEWS = {
    "en": [
        "The index fell 2.3% on Tuesday as investors weighed the central bank's decision.",
        "Weather forecasters said temperatures would reach 41° in Seville by the weekend.",
    ],
    "it": ["AGGIORNAMENTO ore 12.45: i morti sono saliti a 21, secondo la protezione civile."],
}

FOLLOW_CREDITS_AND_ARCHIVE_PHOTOS = {
    "en": ["(AP)", "File photo", "Follow the Daily Planet on social media."],
    "fr": [
        "Suivez Radio Sud sur Instagram.",
        "Suivez Ouest-Matin sur les réseaux sociaux.",
        "Avec AFP",
        "(Avec Reuters)",
        "Vous souhaitez réagir ?",
        "Photo d'illustration",
    ],
    "es": ["Sigue a Diario Norte en TikTok", "Imagen de archivo", "Sigue a Cadena Sur en redes sociales."],
    "de": ["Folgen Sie dem Tagesblatt auf Instagram", "dns/Übersetzung: mk", "Symbolbild"],
    "it": [
        "Segui Radio Lago anche su Instagram e TikTok.",
        "di Redazione Cronaca",
        "Foto d'archivio",
        "Segui Il Giornale di Lecco sui social.",
    ],
}

POINTERS_AND_ORIGIN_NOTES = {
    "fr": [
        "Avec Agence Centrale Presse",
        "Retrouvez toutes nos infos pratiques dans notre rubrique Météo.",
        "Vous pouvez modifier vos préférences à tout moment.",
        "Cet article est issu d'une dépêche de l'AFP.",
    ],
    "es": ["Recibe las noticias de tu ciudad en tu WhatsApp."],
    "de": ["Dieser Text wurde mit Hilfe einer Übersetzungssoftware erstellt."],
}
CREDIT_LOOKALIKE_NEWS = {
    "fr": ["Avec ses 300 habitants, le village a été entièrement évacué."],
    "it": ["Segui le indicazioni della protezione civile, ha detto il sindaco ai residenti."],
    "en": [
        "(AP) reporters were among those detained at the border.",
        "The video of the collapse spread quickly on social media.",
    ],
    "es": [
        "Los bomberos piden a la población que siga sus cuentas oficiales en redes sociales.",
    ],
}
SOURCES_TAGS_AND_APPEALS = {
    "en": [
        "(This story corrects the spelling of the minister's name in the second paragraph.)",
        "Continue reading for $1 for your first month.",
        "Cancel anytime.",
        "Want the day's headlines in your inbox every morning? Sign up here.",
        "Sources: Reuters, AP, local police",
        "Additional reporting by Jane Doe and Li Wei",
    ],
    "fr": [
        "Afficher la version source sur businesswire.com",
        "Par Julie Marchand (avec AFP)",
        "Sources : AFP, préfecture",
    ],
    "es": [
        "Noticia relacionada: Un incendio obliga a desalojar un hotel en Benidorm",
        "MÁS NOTICIAS DESTACADAS",
        "Su notificación se ha guardado.",
        "Recuerda, tú haces posible este periódico.",
        "Fuentes: EFE y Europa Press",
    ],
    "de": ["Quellen: dpa, AFP, Polizei Köln"],
    "it": [
        "LEGGI: Incendio nel porto di Genova, evacuate le banchine",
        "Foto d'archivio Ansa",
        "Illustrazione: Marco Riva",
        "Mi piace Caricamento...",
        "Fonti: Ansa, Adnkronos",
    ],
}
SOURCE_LOOKALIKE_NEWS = {
    "en": [
        "Sources say the driver had been awake for 20 hours.",
        "Sources close to the inquiry said two guards were arrested.",
    ],
    "de": ["Quellen: Die Polizei geht inzwischen von Brandstiftung aus."],
    "es": ["Más noticias llegaron a lo largo de la noche desde la zona afectada."],
}
SERIES_FEEDS_AND_LIVE_PROMPTS = {
    "en": [
        "This article is part of our series Climate in Focus.",
        "This story was automatically generated from a wire feed and has not been edited by our staff.",
    ],
    "fr": [
        "Suivez notre direct, mis à jour en continu.",
        "Cet article vous a été utile ? Abonnez-vous pour 1 € le premier mois.",
        "Image d'illustration : Maxppp",
        "ATS/réd.",
    ],
    "es": [
        "Escucha aquí el boletín informativo de las 14:00.",
        "Puedes seguir Radio Norte en directo desde nuestra web y nuestra app.",
    ],
    "de": [
        "Dieser Newsblog wird laufend aktualisiert.",
        "Dieser Text wurde automatisch aus einem Agenturfeed übernommen und nicht redaktionell bearbeitet.",
        "Mehr Nachrichten aus der Region lesen Sie hier.",
        "Alle Entwicklungen lesen Sie in unserem Liveticker.",
    ],
    "it": ["Questo testo non è stato modificato dalla redazione.", "Segui la nostra diretta."],
}
SERIES_LOOKALIKE_NEWS = {
    "en": ["The ferry is part of a series of vessels built for the island routes in 1998."],
    "fr": ["Suivez les consignes des secours, a martelé le préfet devant les habitants évacués."],
    "de": ["Die Feuerwehr hat die Wasserversorgung laufend überwacht, wie ein Sprecher sagte."],
}
SIGN_OFFS_AND_STAFF_BYLINES = {
    "en": [
        "By Daily Ledger staff and agencies",
        "For more news, follow the Coastal Chronicle on WhatsApp.",
        "This article was automatically translated from German.",
        "(ad/trad.)",
    ],
    "fr": [
        "Par La Rédaction, avec AFP",
        "16 h 45 – Ce direct est désormais terminé.",
        "Merci de l'avoir suivi.",
        "Retrouvez l'ensemble de notre couverture dans notre rubrique Faits divers.",
    ],
    "es": ["Por Redacción", "Sigue nuestra cobertura en directo.", "Redacción El Diario del Norte"],
    "de": ["Dieser Liveticker ist beendet.", "Danke fürs Mitlesen!"],
    "it": [
        "Guarda il video del servizio del Tg",
        "La diretta è terminata.",
        "Grazie per averci seguito.",
        "di Giulia Marchetti (ASP)",
        "Foto ASP/Davide Conti",
    ],
}
BYLINE_SHAPED_NEWS = {
    "en": [
        "By the time firefighters arrived, the roof had collapsed.",
        "By Monday, 12 people had died.",
        "By nightfall, rescuers had pulled 40 people from the rubble.",
    ],
    "fr": ["Par la suite, les pompiers ont évacué 40 personnes."],
    "es": ["Por la mañana, la policía detuvo a dos hombres."],
}
MORE_TO_FOLLOW_AND_REFRESH_PROMPTS = {
    "en": ["More to follow.", "Refresh the page for the latest updates."],
    "fr": [
        "Plus d'informations à suivre.",
        "Actualisez la page pour voir les derniers messages.",
        "Retrouvez toute l'actualité sur notre application.",
    ],
    "es": ["Ampliaremos información.", "Recarga la página para ver las últimas novedades."],
    "de": [
        "Weitere Informationen folgen.",
        "Aktualisieren Sie die Seite für die neuesten Einträge.",
        "Übersetzt aus dem Englischen.",
    ],
    "it": ["Seguiranno aggiornamenti.", "Aggiorna la pagina per seguire gli aggiornamenti."],
}
FOLLOW_LOOKALIKE_NEWS = {
    "en": ["More bodies were found on Tuesday, police said."],
    "de": ["Weitere Leichen wurden am Dienstag geborgen."],
    "fr": ["Retrouvez-les vite, a lancé le préfet aux secouristes."],
}
TEASERS_SUPPORT_AND_TIP_OFFS = {
    "en": [
        "Watch: Aerial footage shows the scale of the destruction",
        "If you have been affected by any of the issues in this article, support is available.",
    ],
    "es": [
        "Recibe cada mañana las noticias más importantes en tu correo.",
        "¿Tienes información sobre esta noticia?",
        "Contacta con nuestra redacción a través de WhatsApp.",
    ],
    "de": ["Sie können diesen Liveblog auch in unserer App verfolgen."],
}
TEASER_LOOKALIKE_NEWS = {
    "en": [
        "Watch out for falling debris, police warned residents.",
        "Residents affected by the floods can apply for support.",
    ],
    "es": ["Contactar con los familiares fue imposible durante horas, según la alcaldesa."],
}
STAMPED_BYLINES_AND_PLAYERS = {
    "en": ["By Tom Hadley | Published 8:10am, 3 March 2026", "Translated from French; with AMP."],
    "fr": ["Par Julie Ancelin · Publié le 15/01/2026 à 12h05", "(Traduit de l'espagnol, avec ASN)"],
    "de": ["Von Jana Petersen", "Audio: Beitrag anhören (1:30 Min.)"],
}
STAMPED_LOOKALIKE_NEWS = {
    "de": ["Von Montag an gilt die Sperre.", "Von den Verletzten schweben zwei in Lebensgefahr."],
    "en": ["Translated into plain terms, the ruling means 40 families must leave."],
}
LOAD_MORE_GIFTS_AND_TIP_LINES = {
    "en": [
        "Show 8 new updates",
        "Comments on this article are now closed.",
        "Our reporting is free to read because readers like you chip in.",
        "Jo Bell is the Gazette's court reporter, a post funded by the Community News Fund.",
        "Topics: Wildfires · Evacuations · Weather",
        "May 4, 2024 3 min read",
        "This report was published from a news agency feed without modifications to the text.",
        "This video is not available due to your cookie preferences.",
        "Gift this story to a friend",
        "More from Asia: Monsoon rains close schools in Kerala",
        "Keep up with every update: the Daily Ledger is on Facebook, Instagram and Threads.",
    ],
    "fr": [
        "Vous êtes témoin ? Écrivez-nous sur notre messagerie.",
        "Vous pouvez nous soutenir sur notre page de dons.",
        "Ajouter à mes favoris",
        "Radio Vallée vous apportera les dernières informations dès que possible",
        "Signaler un abus",
        "Mise à jour du lundi 3 mars 2025 :",
        "Cet article, initialement publié en allemand, a été adapté par notre rédaction.",
        "Reportage traduit de l'anglais par nos soins.",
    ],
    "de": [
        "Keine Meldung aus Ihrer Stadt mehr verpassen? Abonnieren Sie unseren Newsletter.",
        "Weitere Beiträge laden",
        "Unterstützen Sie unseren Regionaljournalismus mit einem Abo.",
        "Dieser Artikel wurde mithilfe von KI erstellt und redaktionell geprüft.",
        "Der Bericht wurde aus dem Französischen übersetzt.",
        "An dieser Stelle werden externe Inhalte angezeigt, wenn Sie zustimmen.",
    ],
    "es": [
        "Escucha la emisora en directo desde nuestra aplicación.",
        "Toda la última hora, en nuestro directo.",
        "Sigue minuto a minuto la jornada electoral",
        "Para crear párrafos, deje una línea en blanco.",
        "Los suscriptores de la edición impresa tienen acceso gratuito a la web.",
        "Enviar artículo por correo electrónico",
        "La ley de derechos de autor prohíbe reproducir este contenido.",
        "Última actualización: 09:12",
    ],
    "it": [
        "In foto: i vigili del fuoco al lavoro",
        "Il traghetto nel porto di Olbia (archivio)",
        "Scarica l'app per ricevere le notifiche",
        "Ricevi le ultime notizie sul tuo telefono",
        "Immagine 3 di 12",
    ],
}
APP_STORES_INBOXES_AND_CORRESPONDENTS = {
    "en": [
        "NewsDigest compiles the top stories from trusted sources.",
        "The Valley Herald is independent and free to read.",
        "If you value our reporting, support us from $3 a month.",
        "Get the app, available free on iOS and Android.",
    ],
    "fr": [
        "Recevez chaque soir l'essentiel de l'actualité régionale dans votre boîte mail.",
        "Avec notre correspondant à Madrid.",
        "Écoutez nos journaux en langues africaines sur nos fréquences FM et sur notre application.",
        "Toute l'actualité est aussi sur notre application, disponible sur iOS et Android.",
    ],
    "it": [
        "Approfondimenti: come prepararsi a un'alluvione",
        "Segui la redazione anche sul nostro canale Telegram.",
    ],
}
APP_LOOKALIKE_NEWS = {
    "en": ["The hackers targeted phones running older versions of Android, the agency said."],
    "fr": ["Notre correspondant a été blessé par des éclats de verre."],
    "it": ["Il canale di scolo era ostruito da detriti."],
}
LOAD_MORE_LOOKALIKE_NEWS = {
    "en": [
        "More from the survivors' accounts emerged on Tuesday as divers reached the hull.",
        "The mayor is on holiday in Greece and will return on Friday.",
        "Readers of the local paper raised 4,000 pounds for the families.",
    ],
    "fr": ["Les sauveteurs ont signalé une fuite de gaz dans le quartier."],
    "de": ["Die Feuerwehr hat weitere Einsatzkräfte angefordert."],
    "es": ["La emisora de radio local dejó de emitir durante el apagón."],
    "it": ["Le foto dei dispersi sono state diffuse dalla prefettura."],
}
CHANNELS_CREDITS_AND_CLOSED_COMMENTS = {  # written for the furniture of round-4 feeds, not copied from them
    "en": [
        "Originally published in German by Kieler Bote; translated by Euro Desk.",
        "Coast & Valley Weekly is a free weekly digest.",
        "Forward this email to a friend.",
        "We are wrapping up our live coverage for today.",
        "Follow @NorthDesk for updates.",
        "Listen: our Rome correspondent on the rescue (9 min)",
        "GLASGOW, Oct 3 (NWS)",
        "08:30 – Good morning and welcome to our live coverage of the storm.",
        "Listen: this week's podcast on the rail strike.",
        "World Digest aggregates reports from partner agencies.",
    ],
    "fr": [
        "(Version française Claire Dumas)",
        "Par Marc Lenoir Publié le 02/03/2026 à 18h05",
        "Les commentaires sont fermés sous cet article.",
        "Écoutez France Ouest en direct sur l'application.",
        "Abonnez-vous au Courrier du Nord dès 1,99 € par mois.",
        "Vidéo : le pont emporté par la crue (crédit : sapeurs-pompiers)",
        "Cet article a été généré automatiquement à partir d'une dépêche.",
        "Rennes, 2 avril 2026 (ANP)",
        "Les plus lus : Météo · Municipales · Football",
        "Il vous reste 45 % de cet article à lire.",
        "Erratum : une version précédente de cet article mentionnait un autre nom.",
        "Mis à jour le 3 mars 2026 à 9 h 40",
        "Par Anne Roux et Paul Martin, avec la rédaction de Lyon",
        "Notre dossier : les inondations dans le Sud",
        "Vous avez lu 5 articles gratuits ce mois-ci.",
    ],
    "de": [
        "Folgen Sie uns auf WhatsApp und abonnieren Sie unseren Kanal.",
        "Hören Sie Radio Ost auch im Livestream.",
        "Schicken Sie uns Ihre Hinweise und Fotos.",
        "Von Anna Brand, Lokalredaktion Kiel",
        "Mit KZ+ lesen Sie alle Artikel im ersten Monat gratis.",
        "Wir freuen uns über Ihre Kommentare.",
        "Dieser Text wurde automatisch aus Agenturmaterial erstellt.",
        "Zum Weiterlesen: Sturm über der Ostsee",
        "Artikel teilen: Facebook · E-Mail",
        "Kiel, 4. Mai 2026 (NDA)",
        "Push-Mitteilungen aktivieren und nichts mehr verpassen.",
        "Die KZ-App: Jetzt kostenlos herunterladen",
        "Dieser Text wurde von unserem Partnerportal übernommen.",
        "Ticker aktualisiert um 18.05 Uhr",
        "Korrektur: In einer früheren Version stand ein falscher Name.",
    ],
    "es": [
        "Lo más leído: El tiempo para el fin de semana",
        "Por Luis Ortega | Sevilla Actualizado a las 09.40",
        "Etiquetas: Incendios · Andalucía",
        "Sigue leyendo: Las claves del rescate",
        "Por Ana Ruiz, redactora de Internacional",
        "Bilbao, 9 de marzo de 2026 (AGN)",
        "Escucha nuestro pódcast diario en tu plataforma favorita.",
        "Fe de erratas: una versión anterior de esta nota daba otra fecha.",
        "Más noticias de ciencia en nuestra sección Futuro.",
        "Temas: Incendios · Galicia",
        "Mira la cobertura completa en nuestro noticiero de las 21:00.",
        "Elena Soto, redactora de Local",
        "Lo más leído: El tiempo para mañana | La Liga, jornada a jornada | Las rebajas empiezan hoy "
        "en todos los centros comerciales de la ciudad y la provincia",
    ],
    "it": [
        "I più letti: Meteo, arriva il freddo",
        "Hai assistito alla scena? Mandaci foto e video.",
        "Scrivi alla redazione per segnalare una notizia.",
        "Ascolta «Sera News», il nostro podcast quotidiano.",
        "Traduzione dall'inglese a cura della redazione",
        "I commenti a questo articolo sono chiusi.",
        "Tutte le notizie di Cronaca",
        "Bari, 3 agosto 2026 (AGN)",
        "Per commentare è necessario accedere.",
        "Ascolta il notiziario ogni ora sulla nostra app.",
        "Segui lo speciale del Tg alle 20 in diretta.",
        "Diretta a cura della redazione Cronaca",
        "Segui il nostro giornale anche sul canale Telegram.",
    ],
}
CHANNELS_LOOKALIKE_NEWS = {
    "en": ["The ferry was originally published in a timetable as a weekly service, officials said."],
    "fr": [
        "Les commentaires du préfet, publiés mardi, ont été vivement critiqués par les élus.",
        "Rennes, le 2 avril, trois personnes (dont un pompier) ont été blessées.",
    ],
    "de": ["Die Polizei bittet Zeugen, sich zu melden; Hinweise nimmt jede Dienststelle entgegen."],
    "es": [
        "Por la tarde, los bomberos dieron por controlado el incendio.",
        "Los vecinos dijeron: la calle se inundó | el agua entró en los bajos | los bomberos tardaron "
        "dos horas en llegar al barrio y achicar el agua de los garajes",
    ],
    "it": ["Tutte le persone soccorse sono state trasferite in ospedale."],
}


LONG_TAIL_FURNITURE = (
    UPDATE_NOTICES,
    TAIL,
    BYLINES_AND_NAVIGATION,
    LIVE_BLOG_AND_FEEDBACK,
    DISCLAIMERS_DESKS_AND_RULES,
    WIDGETS_CONTACTS_AND_DATELINES,
    FOLLOW_CREDITS_AND_ARCHIVE_PHOTOS,
    POINTERS_AND_ORIGIN_NOTES,
    SOURCES_TAGS_AND_APPEALS,
    SERIES_FEEDS_AND_LIVE_PROMPTS,
    SIGN_OFFS_AND_STAFF_BYLINES,
    MORE_TO_FOLLOW_AND_REFRESH_PROMPTS,
    TEASERS_SUPPORT_AND_TIP_OFFS,
    STAMPED_BYLINES_AND_PLAYERS,
    LOAD_MORE_GIFTS_AND_TIP_LINES,
    APP_STORES_INBOXES_AND_CORRESPONDENTS,
    CHANNELS_CREDITS_AND_CLOSED_COMMENTS,
)
LONG_TAIL_NEWS = (
    UPDATE_NEWS,
    TAIL_NEWS,
    BYLINE_LOOKALIKE_NEWS,
    LIVE_BLOG_LOOKALIKE_NEWS,
    DISCLAIMER_LOOKALIKE_NEWS,
    WIDGET_LOOKALIKE_NEWS,
    CREDIT_LOOKALIKE_NEWS,
    SOURCE_LOOKALIKE_NEWS,
    SERIES_LOOKALIKE_NEWS,
    BYLINE_SHAPED_NEWS,
    FOLLOW_LOOKALIKE_NEWS,
    TEASER_LOOKALIKE_NEWS,
    STAMPED_LOOKALIKE_NEWS,
    LOAD_MORE_LOOKALIKE_NEWS,
    APP_LOOKALIKE_NEWS,
    CHANNELS_LOOKALIKE_NEWS,
)


@pytest.mark.parametrize(
    ("language", "line"),
    [(lang, line) for kind in LONG_TAIL_FURNITURE for lang, lines in kind.items() for line in lines],
)
def test_the_long_tail_of_real_sites_is_boilerplate(language: str, line: str) -> None:
    """Live-update notices, timestamps, corrections, appeals, bylines, bios, breadcrumbs,
    feedback prompts, disclaimers, widgets, datelines alone, follow prompts, credits and
    origin notes, in five languages."""
    assert is_boilerplate(line), (language, line)


@pytest.mark.parametrize(
    ("language", "line"),
    [(lang, line) for kind in LONG_TAIL_NEWS for lang, lines in kind.items() for line in lines],
)
def test_news_that_opens_like_the_long_tail_stays(language: str, line: str) -> None:
    assert not is_boilerplate(line), (language, line)


# Live stamps, reader calls, tip-offs, closed comments, update promises, self-descriptions,
# funding notes and bylines, each in words other than the corpus's.
READER_FURNITURE = [
    "Live: updated 9.14am CET",
    "Send us your photos of the storm at news@example.org",
    "Were you there? Share your pictures with us.",
    "Do you have information about this incident? Get in touch.",
    "Comments are now closed.",
    "We will update this story as the situation develops.",
    "The Harbour Ledger is an independent, non-profit newsroom based in Hull.",
    "This reporting was supported by a grant from the Open Press Fund.",
    "By Marta Quiroga and Tom Hale, Madrid bureau",
    "Direct : mis à jour à 14h05",
    "Envoyez-nous vos photos et vidéos de l'orage.",
    "Les commentaires sont fermés.",
    "Par Jean-Luc Ferrand, correspondant à Bruxelles",
    "Rectificatif : une précédente version indiquait un mauvais bilan.",
    "Directo | Última actualización 16.20",
    "Mándanos tus vídeos de la tormenta.",
    "Los comentarios están cerrados.",
    "Por Lucía Ferrer | Zaragoza",
    "Liveticker – zuletzt aktualisiert um 15.10 Uhr",
    "Schicken Sie uns Ihre Fotos vom Unwetter.",
    "Die Kommentare unter diesem Beitrag wurden geschlossen.",
    "Von Katrin Albers, Wien",
    "In diretta – aggiornato alle 11.30",
    "Inviateci le vostre foto del maltempo.",
    "I commenti sono chiusi.",
    "Di Paolo Serra e Giulia Neri, inviati a Genova",
    "Translated from the Spanish by Ana Ruiz.",
    "Texte traduit de l'italien.",
    "Artículo traducido del inglés por la redacción.",
    "Aus dem Italienischen übersetzt von Jana Roth.",
    "Articolo tradotto dal tedesco.",
    "Listen to this article (3 min)",
    "Hören Sie diesen Beitrag",
    "This story was updated at 18.40 with the mayor's statement.",
    "Notizia aggiornata alle 18.40 con le parole del sindaco.",
    "We apologise to our readers for the error.",
    "Ci scusiamo con i lettori.",
]
READER_NEWS = [
    "Police asked witnesses to come forward with any footage of the attack.",
    "By Monday, more than 300 people had been evacuated from the valley.",
    "Par ailleurs, deux pompiers ont été légèrement blessés.",
    "Por orden del juez, la cárcel permanecerá cerrada hasta el lunes.",
    "Von Montag an gilt im ganzen Landkreis ein Badeverbot.",
    "Di notte, i soccorritori hanno estratto due persone vive dalle macerie.",
    "Les commentaires du préfet ont été vivement critiqués par l'opposition.",
    "The live broadcast was interrupted when the stage collapsed.",
    "Her memoir, translated from the Spanish, sold 40,000 copies.",
    "La traduction du rapport sera publiée vendredi.",
    "The minister apologised to the families of the victims on Tuesday.",
]


@pytest.mark.parametrize("line", READER_FURNITURE)
def test_live_stamps_reader_calls_and_bylines_are_boilerplate(line: str) -> None:
    assert is_boilerplate(line), line


@pytest.mark.parametrize("line", READER_NEWS)
def test_news_that_opens_like_a_byline_or_a_call_stays(line: str) -> None:
    assert not is_boilerplate(line), line


# Written for the furniture of the round-9 feeds, not copied from them.
DESK_CODES_FIELDS_AND_NOTES = [
    "jrh/ks/mb",
    "afx-ml/tk",
    "dnd rs/hl",
    "(ANP) red-ms/pk",
    "(ASR) RED/ 04-APR-26 18:40",
    "Ore 09.15",
    "Aggiornamento: 16.05",
    "(c) Agence Riviera Presse",
    "Lucía Ortega | Enviada especial a Oporto",
    "Redazione · Genova · 3 maggio 2026, 07:40",
    "di Marta Colombo",
    "Posted by Helen Ashworth",
    "De notre envoyée spéciale à Lisbonne, Anne Roux",
    "Von unserem Korrespondenten in Wien",
    "Dalla nostra inviata a Parigi",
    "This article may be updated as the situation develops.",
    "Our live coverage has now ended.",
    "Thank you for joining us this evening.",
    "Download the Valley News app for breaking news alerts.",
    "Watch the full report on Channel Four News tonight.",
    "Catch up: everything we know about the bridge collapse",
    "Nella precedente versione di questo articolo si parlava di cinque feriti.",
    "Lasciate un commento qui sotto.",
    "Cet article corrige une précédente version qui donnait un mauvais horaire.",
    "Merci de nous avoir suivis.",
    "Dieser Artikel wird laufend aktualisiert.",
    "Mehr Meldungen aus der Region finden Sie in unserem Newsticker.",
    "Alle Sendungen zum Nachhören finden Sie in der Radio-Nord-App.",
    "Unterstützen Sie unsere Arbeit mit einer Spende.",
    "Guten Morgen, liebe Leserinnen und Leser, hier ist der Überblick des Tages.",
    "Esta noticia ha sido actualizada con la última cifra de heridos.",
    "Información ampliada a las 18.30 horas.",
    "Puedes escuchar la entrevista completa en la sección de podcast.",
    "Síguenos en Instagram y TikTok.",
    "Únete a la conversación en nuestra comunidad.",
]
DESK_CODES_LOOKALIKE_NEWS = [
    "Ore di angoscia per i dispersi: le ricerche sono riprese all'alba.",
    "Update on the search: 14 people are still missing.",
    "Di Paolo, the mayor, said the road would reopen on Friday.",
    "Von der Brücke stürzten zwei Autos in den Fluss.",
    "The agency said the 24/7 hotline had taken 3,000 calls since Monday.",
    "Thank you for your courage, the mayor told the firefighters who saved 12 people.",
    "Watch out for falling debris, police warned residents on Sunday.",
    "Únete a la búsqueda, pidió el alcalde a los vecinos voluntarios.",
    "Esta noticia llegó a los familiares de madrugada, según la Guardia Civil.",
    "Mehr als 300 Menschen finden in der Turnhalle Platz.",
]


# Written for the furniture lines of round 10, not copied from them.
CREDITS_STAMPS_AND_PROMOTIONS = [
    "Pinterest Tumblr WhatsApp Twitter",
    "EPA/MARIA SCHULZ",
    "Redazione Torino 4 maggio 2026 09:12",
    "Von dpa/lnw 3. Mai 2026 - 08:40 Uhr",
    "This piece is republished from The Dialogue under a Creative Commons licence.",
    "The article Storm warning for the coast first appeared on Coastal Weekly",
    "The reporter travelled as a guest of Visit Malta.",
    "Try the app for breaking news alerts in Leeds.",
    "Diario Norte / Agencias",
    "Le Courrier / Agences",
    "Ce reportage a été réalisé dans le cadre d'un partenariat avec la région.",
    "L'abus d'alcool est dangereux pour la santé.",
    "Suivez toute l'actualité de votre département en vous abonnant.",
    "Este contenido es exclusivo para suscriptores.",
    "Suscribite para leer sin límites.",
    "Conforme a los criterios de calidad de la redacción",
    "Pressekontakt: Lausitzer Rundschau, Telefon 0355 4810",
    "Schickt uns eure Fotos über die App.",
    "Alle früheren Meldungen lesen Sie in unserem vorherigen Liveblog.",
    "Hier finden Sie aktuelle Nachrichten, Videos und Gewinnspiele.",
    "I commenti sono moderati e pubblicati entro 12 ore.",
    "Le opinioni espresse sono quelle dell'autore.",
    "Inviaci le tue foto del maltempo.",
    "Podéis volver a ver el reportaje completo del telediario de las 21.00 en nuestra web.",
    "Scriveteci: pubblicheremo le vostre foto.",
    "Il meglio della settimana ogni domenica: iscriviti alla newsletter «Il Punto».",
    "Newsüberblick – Stand: 04.05.2026, 18:00 Uhr",
    "Rectificatif : une version précédente de cet article donnait un mauvais prénom.",
    "Fe de errores: en una versión anterior se citó mal al alcalde.",
]
CREDITS_LOOKALIKE_NEWS = [
    "The mayor said the EPA/state agreement would be signed on Monday.",
    "The report first appeared to show a rise in cases, but the ministry corrected it.",
    "Police asked residents to send them photos of the flooded road.",
    "Il sindaco ha commentato le opinioni espresse dai residenti durante l'assemblea.",
    "La fiscalía pidió a los suscriptores del seguro que presentaran sus reclamaciones.",
    "Die Polizei bittet Zeugen, sich unter der Nummer 110 zu melden.",
    "Stand der Ermittlungen: Der Fahrer ist weiter flüchtig.",
    "Scrivici ha detto il sindaco ai cittadini, e centinaia hanno risposto con le loro "
    "testimonianze sul crollo del ponte.",
]


# Written for round 9's copies, not copied from them.
FOLLOW_UP_PROMISES = ["Weitere Einzelheiten folgen.", "Seguirán más datos.", "Meldung wird ergänzt."]
FOLLOW_UP_LOOKALIKE_NEWS = ["Weitere Festnahmen könnten folgen, sagte die Staatsanwältin."]

# Written for round 10's copies, not copied from them.
LABELS_APPS_AND_STAMPS = [
    "Breaking News",
    "Eilmeldung +++",
    "Alerte info",
    "Última hora",
    "Ultima ora",
    "Follow the rescue live on our free app.",
    "Sign up for breaking news alerts from the Tribune.",
    "Alle Nachrichten aus der Region direkt aufs Handy.",
    "Jetzt die Kreisbote-App kostenlos herunterladen",
    "Téléchargez gratuitement notre application pour suivre l'info en direct.",
    "Descárgate nuestra app y recibe las noticias al momento.",
    "Scarica la nostra app per restare aggiornato.",
    "(AIB) RED/MAR 03-MAY-26 08:15",
    "hbk/ts/AFP Aus dem Französischen übersetzt.",
    "(AIB) mar/lo Traduit de l'espagnol.",
    "gl/pt Tradotto dall'inglese.",
    "Bruselas, 4 mar (AIB).",
    "Lyon, 2. März (ZP) -",
    # briefings and page prompts
    "Here is what you need to know this Thursday, May 7.",
    "You're receiving this newsletter because you subscribed at Coast News.",
    "Update your preferences or unsubscribe at any time.",
    "Voici ce qu'il faut retenir de la journée.",
    "Vous recevez cette newsletter car vous êtes inscrit sur notre site.",
    "Plus d'informations dans notre rubrique Monde.",
    "Nos lecteurs ont également lu : deux blessés dans un accident à Colmar",
    "Les commentaires sont fermés.",
    "Votre abonnement vous permet d'offrir cet article à un proche.",
    "Esto es lo que necesitas saber hoy.",
    "Recibes este boletín porque te suscribiste en nuestra web.",
    "Más noticias sobre el incendio en nuestra sección de Sucesos.",
    "Los comentarios están cerrados.",
    "Ecco cosa c'è da sapere oggi.",
    "Ricevi questa newsletter perché ti sei iscritto al nostro sito.",
    "Gli aggiornamenti sulla diretta anche sulla nostra app.",
    "Sostieni il giornalismo locale: abbonati a 2 euro al mese.",
    "Guarda il video del salvataggio.",
    "Was Sie heute wissen müssen.",
    "Sie erhalten diesen Newsletter, weil Sie sich angemeldet haben.",
    "Die Kommentarfunktion unter diesem Artikel ist deaktiviert.",
    "Alle Entwicklungen im Liveticker auf kreisblatt.de",
]
LABELS_LOOKALIKE_NEWS = [
    "Breaking news of the collapse reached the village at noon.",
    "The victims had been lured through a dating app, police said.",
    "Die Polizei warnt davor, die gefälschte App herunterzuladen.",
    "Urgente, ha detto il sindaco, è ora mettere in sicurezza la scuola.",
    "he/she said the fire had been put out by midnight.",
    "Rome, 3 dead (AP) in the fire at the depot.",
    "Here is what you need to know about the toll: 12 dead.",
    "Watch the report of the fire chief on Monday.",
    "Die Kommentare der Anwohner wurden von der Polizei geschlossen ausgewertet.",
    "The fire started in our kitchen section, the owner said.",
]
FURNITURE_OF_ROUND_11B = [
    "dnd kt yyzz a3 hm",
    "Red-Nap/ 12-SET-27 08:15 NNNN",
    "Avec La Gazzetta del Sud – traduction : Paul Martin",
    "Recevez chaque matin l'essentiel de l'actualité : inscrivez-vous gratuitement.",
    "Article en cours de mise à jour – actualisez la page.",
    "Dieser Artikel erscheint auch in unserer Printausgabe am Samstag.",
    "Mitarbeit: Lokalredaktion Passau",
    "dpa ab/cd – aus dem Französischen",
    "That's all for today.",
    "Forward this newsletter to a friend, or sign up at dailybrief.eu.",
    "Recibe las noticias de Galicia en nuestro canal de WhatsApp.",
    "Aggiornamento in corso.",
    "Hai visto qualcosa? Segnalacelo su Telegram.",
]
LOOKALIKE_NEWS_OF_ROUND_11B = [
    "The mayor said two of the 12 men in the boat had been rescued by the coast guard.",
    "Die Feuerwehr übersetzte die Warnung aus dem Englischen in zwölf Sprachen, sagte ein Sprecher.",
    "Die Mitarbeit der Anwohner bei der Suche sei vorbildlich gewesen, sagte der Bürgermeister.",
]


DESK_CODES_OF_ROUND_11 = [  # routing codes after the initials, agencies in front, a stamp after a code
    "Sevilla, 17 ene (Meridiana).",  # and a dated dateline whose agency has a long name
    "Kairouan, 11 fév. (AMP) -",
    "dnd kt/ab yyzz a3 xx",
    "(ASC) red/mrc 181245 GEN 27",
    "(Agenzia) RED/tb",
    "(AGN). RED/ms 15-FEB-27 20:38",
    "zp ber/mkl/bsc 090740 Mär 27",
    "NordPresse – KLM/ROT",
]
DESK_CODES_OF_ROUND_11_LOOKALIKE_NEWS = [
    "Sevilla, 17 ene (Meridiana).- La granizada dejó 16 heridos en Écija.",
    "The and/or clause in the contract was disputed by the union in court on Monday morning.",
    "Police – who arrived at 9/11 Market Street – found two injured.",
]


@pytest.mark.parametrize(
    "line",
    DESK_CODES_FIELDS_AND_NOTES + CREDITS_STAMPS_AND_PROMOTIONS + FOLLOW_UP_PROMISES + LABELS_APPS_AND_STAMPS,
)
def test_desk_codes_credits_stamps_and_notes_of_rounds_9_and_10_are_boilerplate(line: str) -> None:
    assert is_boilerplate(line), line


@pytest.mark.parametrize(
    "line",
    DESK_CODES_LOOKALIKE_NEWS + CREDITS_LOOKALIKE_NEWS + FOLLOW_UP_LOOKALIKE_NEWS + LABELS_LOOKALIKE_NEWS,
)
def test_news_that_opens_like_a_desk_code_a_credit_or_a_note_stays(line: str) -> None:
    assert not is_boilerplate(line), line


FURNITURE_OF_ROUND_12 = [
    "Argomenti: Francia, incendi, protezione civile",  # topic lists
    "Testo tradotto dal francese.",  # translated-article notes
    "Per commentare è necessario accedere al proprio profilo.",
    "Radiogiornale delle 13.00 – Radio Lago",  # radio bulletins and players
    "Ascolta il servizio (2'05'')",
    "Vos commentaires sont modérés par la rédaction avant publication.",
    "Commentaires désactivés : cet article traite d'une affaire judiciaire en cours.",
    "L'article a été rédigé à partir de dépêches des agences AFP et Belga.",
    "▶ Écouter la chronique de Marc Perrin (2 min 30)",
    "Ver vídeo: los bomberos trabajan entre los escombros",
    "(apa/dpa, Übersetzung aus dem Italienischen: kna)",
    "Sie lesen einen Beitrag aus unserem Abo-Angebot.",
    "Lesen Sie jetzt zwei Monate gratis.",
    "This article was produced using reporting from wire agencies and local police.",
    "Our editorial standards: how we report.",
    "Our reporting is supported by readers.",
    "Support the Valley Courier from just $2 a month.",
    "LISBON, March 3 (Wirepress) -",  # datelines: month first, a province, a country, an agency's name
    "PUERTO LLANO (Ciudad Real), 4 mar. (AIN)",
    "KIRUNA, Sweden, Feb 2 (Nordic Press) –",
    "Sevilla, 3 de marzo (EFE).",
    "Retrouvez La Voix du Jura sur Google Actualités.",  # news-app channels, self-updating pages
    "Questa pagina si aggiorna automaticamente.",
    "Cette page se met à jour automatiquement.",
    "Dieser Liveblog wird automatisch aktualisiert.",
    "This live blog updates automatically.",
    "Vídeos relacionados: la crecida del río a su paso por Lorca",
    "Dieser Beitrag basiert auf Meldungen der Agenturen dpa und AFP.",  # agency notes, embeds
    "An dieser Stelle finden Sie einen Beitrag von X.",
    "Um den Inhalt anzuzeigen, müssen Sie der Datenverarbeitung zustimmen.",
    "You're reading the Evening Digest newsletter.",
    # correction notices, up to a notice's length
    "Rectificatif : une version précédente de cet article indiquait que le pont se trouvait dans "
    "la commune voisine, ce qui était inexact ; nous présentons nos excuses à nos lecteurs.",
    "Fe de erratas: una versión anterior de esta noticia situaba el accidente en la provincia de Teruel.",
    "Rettifica: una precedente versione di questo articolo indicava un numero errato di feriti.",
    "Korrektur: In einer früheren Version dieses Artikels war der Ort falsch angegeben.",
    "Der Beitrag ist eine Übersetzung aus dem Italienischen.",
    "(Updates with rescue operation, adds quote from mayor in paragraph 5)",
    "Comentarios (12)",
    "Foto correlate: il ponte crollato sulla statale",
]
LOOKALIKE_NEWS_OF_ROUND_12 = [
    "Gli argomenti del ministro non hanno convinto i sindacati, che confermano lo sciopero.",
    "Vos commentaires ont-ils été lus ? Le maire promet une réunion publique jeudi.",
    "L'article de loi a été rédigé en une nuit par les députés de la majorité.",
    "Ver a los rescatistas trabajar toda la noche conmovió a los vecinos de Jaca.",
    "Our reporters saw 12 bodies in the morgue, the agency said.",
    "Support for the strike grew on Tuesday as 3,000 workers joined the walkout.",
    "Paris, July 15 (Reuters) - Some 450 residents were evacuated on Wednesday.",
    "You're reading a story about how 40 families lost their homes in the flood.",
    "La corrección del balance llegó por la tarde: son ocho los muertos, no nueve.",
    "The minister issued a correction to her earlier statement on the toll.",
    "Adds 12 new beds to the ward, the hospital said.",
]


CAPTIONS = [
    "Rescuers search the rubble on Thursday morning. © Luca Bruni / Agenzia Nord",
    "Les pompiers devant l'immeuble effondré, jeudi soir. (Photo Le Courrier / Anne Roy)",
    "Bomberos en la nave siniestrada. Fotografía: Agencia Meridiana",
    "Einsatzkräfte am Unglücksort am Donnerstag. (Foto: Feuerwehr Lahr)",
    "Soccorritori tra le macerie della palazzina a Bari. Foto di Marco Neri",
    "Residents wait outside the sports hall in Jaca, Spain, October 13, 2026. Transmedia/Carlos Ruiz",
    "Rauch über dem Hafen. Bitte Fenster geschlossen halten. — Feuerwehr Kiel (@FW_Kiel) 14. Mai 2026",
    "Smoke everywhere, people running pic.twitter.com/Ab12Cd34",
    "A water bomber over the hills of Ribeira de Pena. / Bombeiros Voluntários",
    "Foto di repertorio: la passerella sul Serio (ValSerioNews)",
    "Photo d'archives : la passerelle sur le Serio",
]
NOT_CAPTIONS = [
    "Five people died in the blast, police said (AFP).",
    "Die Polizei sprach von fünf Toten (sda/ats).",
    "Ein Sprecher der Polizei bestätigte dies. (dpa/lnw)",
    "The ministry posted photos of the damaged school on its website on Tuesday.",
    "Las fotos del derrumbe circularon por las redes durante toda la noche, según la policía local.",
    "Police released a photo of Karim Benali.",
    "The ceasefire held overnight. / The talks resume on Monday in Geneva.",
    "Photos of the scene showed rescuers: at least 20 people were carried out.",
]


@pytest.mark.parametrize(
    ("line", "caption"), [(line, True) for line in CAPTIONS] + [(line, False) for line in NOT_CAPTIONS]
)
def test_a_short_line_closing_with_a_picture_credit_or_a_post_signature_is_a_caption(
    line: str, caption: bool
) -> None:
    """News with an agency tag or about photos is no caption."""
    assert is_caption(line) is caption, line


FURNITURE_OF_ROUND_14 = [
    "Image copyright Reuters Image caption Crowds outside the station on Monday",  # captions with credits
    "(Foto Ansa)",
    "(Photo AFP)",
    "Paris 9°C Cloudy CAC 40 7,512.30 ▼1.2%",  # a market widget
    "Posted Tue 3 Mar 2026 at 9:05am, updated Tue 3 Mar 2026 at 11:40am",
    "Dieser Liveticker wird nicht mehr aktualisiert.",  # live pages and refresh prompts
    "Vielen Dank für Ihr Interesse.",
    "Aggiornamento continuo – ricarica la pagina per le ultime notizie",
    "Live: refresh the page for the latest updates",
    "EN DIRECTO | Esta página se actualiza con las últimas noticias",
    "Media playback is unsupported on your device",  # players and audio versions
    "La riproduzione dei contenuti multimediali non è supportata sul tuo dispositivo",
    "Questo articolo è disponibile anche in versione audio nell'app.",
    "Cet article est disponible en version audio.",
    "Listen to this episode on the Daily Brief podcast, wherever you listen.",
    "We have no paywall. If you value our reporting, please support us.",  # appeals and sponsors
    "Thanks for reading. Local news costs money: chip in from $3 today.",
    "Paid partner content from Northwind Energy.",
    "The newsroom was not involved in the creation of this content.",
    "Colabora desde 3 euros al mes.",
    "Diskutieren Sie mit: Die Kommentarfunktion ist von 8 bis 20 Uhr geöffnet.",  # comments, buttons
    "Merken Mail an die Redaktion",
    "Condividi su Facebook Condividi su WhatsApp",
    "The author is a freelance correspondent based in Nairobi.",  # author bios
    "Die Autorin ist Korrespondentin in Rom.",
    "L'autrice è giornalista e scrive di ambiente.",
    "Periodista especializada en sucesos y tribunales.",
    "If you have been affected by the issues in this article, help is available.",  # helplines
    "Hinweis: Hilfe bei Suizidgedanken gibt es bei der Telefonseelsorge unter 0800 111 0 111.",
    "Rejoignez notre communauté sur WhatsApp et recevez nos alertes.",
    "Rectificatif : une erreur s'est glissée dans la première version de cet article.",
    "Zur Datenschutzerklärung",
    "Good morning. Here is what you need to know on Friday.",  # briefings and live blogs
    "Guten Morgen, hier ist der Überblick über die Nachrichten der Nacht.",
    "Buongiorno, ecco le notizie più importanti di oggi.",
    "Mehr zu diesen Themen finden Sie in unserer App.",
    "Entries are posted in reverse chronological order.",
    "Este blog se actualiza de forma continua.",
    "Pulsa aquí para actualizar.",
    "11:20 p.m.",
    "Dieser Beitrag ist Teil unseres Plus-Angebots.",  # premium and gift notices
    "Notre rédaction vous offre cet article.",
    "Giulia Neri è corrispondente da Madrid per il quotidiano.",
    "This page is no longer being updated.",  # round 14b
    "Publicité – La suite de l'article après cette publicité",
    "Tous droits réservés.",
    "Sie möchten unsere Arbeit unterstützen?",
    "Teilen auf Facebook",
    "Zur Person: Jan Berg ist Redakteur im Ressort Politik.",
    "Has alcanzado el límite de artículos gratuitos.",
    "Por: Redacción Internacional",
    "(ANSA) Leggi anche: sciopero dei treni",
    "Alle Rückrufe finden Sie in unserer Rückruf-Datenbank.",
    "Dana Whitcombe covers transportation and the environment for the Ridgeport Sentinel.",  # bios
    "Julie Marchal est journaliste à la rédaction de La Gazette depuis 2019.",
    "Lucía Ferrer es corresponsal de Monitor en Quito.",
    "Anna Huber ist Redakteurin im Ressort Wirtschaft.",
    "Marco Bellandi è corrispondente da Berlino per Euronotizie.",
    "Osnabrück (dna) –",  # datelines with any agency's tag, notes, pointers
    "MONTRÉAL (PL) –",
    "Cet article est en cours d'actualisation.",
    "(Weitere Informationen folgen)",
    "Zur Startseite",
    "(Korrigiert: Zahl der Toten in der Überschrift berichtigt.)",
    "D'après Heraldo del Pirineo.",
    "The Valley Dispatch is reader-funded.",
    "Retrouvez Le point du matin chaque jour à 6h30 sur Radio Monde.",
    "El Eco del Valle es un periódico local e independiente.",
    "Genève 12° Averses — Lausanne 14° Éclaircies",  # round 14d: widgets
    "Bern 6° Nebel Basel 9° Regen",
    "New York 21° Sunny",
    "DAX 12.947,71 +0,84 % SMI 10.512,33 -0,12 % EUR/CHF 1,0642",
    "Nifty 12,168.45 ▲ 14.05 Gold 39,780 ▼ 110",
    "PUBLICITÉ Passer la publicité",  # ads, sponsors, comments, live pages
    "Pubblicità - Continua a leggere sotto",
    "– Werbung –",
    "Contenu sponsorisé par La Loterie",
    "Comments are moderated according to our guidelines.",
    "Los comentarios publicados son responsabilidad de sus autores.",
    "Leggi le regole della community prima di commentare",
    "Diretta — questa pagina si aggiorna automaticamente ogni 60 secondi",
    "Siga aquí en vivo el minuto a minuto.",
    "Mise à jour 29/03/2020 13 h 05",
    "Publiziert: 14.03.2020, 18:22 Uhr",
    "Fehler gefunden? Jetzt melden.",
    "Um diesen Inhalt von X anzuzeigen, benötigen wir Ihre Zustimmung.",
    "— With files from The Canadian Press",
    "This story was produced in partnership with the Pulitzer Center.",
    "Hazte socio desde 6 euros al mes.",
]
LOOKALIKE_NEWS_OF_ROUND_14 = [
    "The image of the flooded square was shared 40,000 times, the council said.",
    "The stock market fell 3% after the blast closed the refinery.",
    "Police posted an update at 4:15pm saying two men had been arrested.",
    "The author of the letter is a former police officer, prosecutors said.",
    "Les pompiers ont publié une photo de l'immeuble effondré.",
    "Die Autorin des Buches wurde am Montag festgenommen.",
    "The newsroom was evacuated after the bomb threat, staff said.",
    "Los vecinos colaboran con los bomberos desde el lunes.",
    "Il sindaco ha invitato i cittadini a condividere le informazioni con la polizia.",
    "Good morning, the mayor told residents gathered at the shelter.",
    "Mehr als 300 Menschen verloren ihre Wohnungen.",
    "Il ministro è arrivato da Roma in mattinata con i soccorritori.",
    "At 4:15 p.m. the police stormed the building.",
    "Maria Lopez covers her face as rescuers arrive.",
    "Le journaliste Paul Martin est mort à l'hôpital.",
    "D'après les pompiers, le feu est parti d'une cuisine au rez-de-chaussée.",
    "Retrouvez-les vivants, ont supplié les familles devant la mine.",
    "The regulator fined the publisher 1.2 million euros over cookie banners that pushed readers to accept.",
    "Die Telefonseelsorge ist rund um die Uhr unter 0800 111 0 111 erreichbar, teilte das Ministerium mit.",
    "Madrid recorded 44° on Tuesday, the highest temperature since records began.",
    "Temperatures hit 44°C in Seville on Tuesday",
    "Rescuers pulled 12 people from the rubble.",
]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Sign up today and you will never miss a story from the valley.", "en"),
        ("Wenn Sie Hinweise zum Unfall haben, schreiben Sie uns.", "de"),
        ("Vous pouvez retrouver tous nos articles sur notre site.", "fr"),
        ("Si usted tiene información, escríbanos a la redacción.", "es"),
        ("Ricevi le ultime notizie direttamente sul tuo telefono.", "it"),
    ],
)
def test_a_sentence_speaking_to_the_reader_addresses_the_reader(text: str, language: str) -> None:
    assert addresses_reader(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("“You must leave your homes now,” the mayor told residents.", "en"),
        ("Sie wurde mit schweren Verletzungen ins Krankenhaus gebracht.", "de"),  # she, not you
        ("Die Polizei sagte, sie habe drei Männer festgenommen.", "de"),
        ("Die Feuerwehr bat die Anwohner: „Schließen Sie die Fenster.“", "de"),
        ("« Vous devez partir tout de suite », a lancé le préfet.", "fr"),
        ("Two people died when the roof of the sports hall collapsed.", "en"),
    ],
)
def test_quoted_speech_and_third_persons_do_not_address_the_reader(text: str, language: str) -> None:
    assert not addresses_reader(text, language)


@pytest.mark.parametrize(
    "line", DESK_CODES_OF_ROUND_11 + FURNITURE_OF_ROUND_11B + FURNITURE_OF_ROUND_12 + FURNITURE_OF_ROUND_14
)
def test_desk_codes_and_furniture_of_rounds_11_to_14_are_boilerplate(line: str) -> None:
    assert is_boilerplate(line), line


@pytest.mark.parametrize(
    "line",
    DESK_CODES_OF_ROUND_11_LOOKALIKE_NEWS
    + LOOKALIKE_NEWS_OF_ROUND_11B
    + LOOKALIKE_NEWS_OF_ROUND_12
    + LOOKALIKE_NEWS_OF_ROUND_14,
)
def test_news_like_round_11_to_14_furniture_stays(line: str) -> None:
    assert not is_boilerplate(line), line


AUTHOR_BOXES_STAMPS_AND_POINTERS = {
    "en": [
        "About the author: Kavita Rao is a senior correspondent with The Indian Chronicle in Bhopal.",
        "By Daniel Okafor | Daniel Okafor is the Herald's Andes correspondent.",
    ],
    "fr": [
        "Par Claire Mathieu, journaliste au service Métropole du Phare du Sud.",
        "Claire Dumoulin est journaliste santé.",
        "Dernière mise à jour : 01h50",
    ],
    "es": [
        "Esta noticia se actualizó a las 09.10 con nuevas cifras de la Guardia Costera griega.",
        "Más información en nuestra sección Internacional.",
        "Escucha la última hora de Sevilla cada 30 minutos en Radio Sur Andalucía.",
    ],
    "it": [
        "Questo articolo è tratto dall'edizione cartacea di oggi.",
        "Edizione cartacea di lunedì 11 maggio – chiusa in redazione domenica sera",
    ],
    "de": [
        "Über den Autor: Jonas Weidinger berichtet für den Süddeutschen Kurier aus Mittelamerika.",
        "Den „Abend“ gibt es auch als Podcast – überall, wo es Podcasts gibt.",
    ],
}
AUTHOR_BOX_LOOKALIKE_NEWS = {
    "en": ["John Smith, a reporter for the Herald, was among the injured."],
    "it": ["Il quotidiano sospenderà l'edizione cartacea del lunedì, ha comunicato l'editore."],
    "es": ["Escucha atentamente: la radio local informó de nuevas evacuaciones en la zona."],
}


PRINT_NOTES_DISCLAIMERS_AND_PROMPTS = {
    "en": [
        "A version of this article appears in print on Sunday, Section B, Page 4 of the national edition.",
        "Listen to today's episode of The Briefing wherever you get your podcasts.",
        "This summary was generated with the help of AI tools and reviewed by our editors.",
        "This article is for informational purposes only and does not constitute financial advice.",
        "Live — 11 new updates since you last refreshed. Tap to load latest posts.",
    ],
    "fr": [
        "Cet article est paru dans l'édition du Monde du 13 avril.",
        "Article publié en partenariat avec Ouest-France. Toute reproduction interdite sans autorisation.",
        "Les tribunes publiées engagent la seule responsabilité de leurs auteurs.",
        "Météo Lyon : 14 °C, averses en fin de journée",
    ],
    "es": [
        "Esta noticia se publicó en la edición impresa del 16 de mayo, en la página 22.",
        "Este contenido fue publicado originalmente por BBC News Mundo y se reproduce con autorización.",
        "Hacemos periodismo independiente gracias a nuestros socios. Hazte socio.",
        "¿Has visto algún error en esta noticia? Avísanos y lo corregiremos.",
        "MADRID, 5 (EUROPA PRESS)",
    ],
    "de": [
        "Dieser Artikel erschien in der Printausgabe der Sonntagszeitung vom 25. Februar.",
        "Dieser Text stammt aus dem Angebot der dpa und wurde redaktionell nicht bearbeitet.",
        "Gastbeiträge geben nicht unbedingt die Meinung der Redaktion wieder.",
        "Wetter Hamburg: 8 °C, bedeckt",
    ],
    "it": [
        "Giulia Rossi è giornalista professionista dal 2012.",
        "Articolo pubblicato sull'edizione cartacea del Corriere della Sera del 19 ottobre.",
        "LIVE – Diretta aggiornata alle 21:10. Ricarica la pagina per leggere gli ultimi aggiornamenti.",
        "Le opinioni espresse sono responsabilità esclusiva dei singoli autori.",
    ],
}
PRINT_NOTE_LOOKALIKE_NEWS = {
    "en": ["The paper said a version of the report had been shared with the ministry before publication."],
    "de": [
        "Die Redaktion der Zeitung wies den Vorwurf zurück, sie habe die Meinung der Regierung übernommen."
    ],
    "it": ["Un giornalista professionista è stato aggredito davanti al tribunale di Palermo."],
}

# Round 16: gift articles, sign-up confirmations, author pages, grants, membership appeals,
# share counts, channel prompts and advice disclaimers.
GIFTS_SIGNUPS_GRANTS_AND_APPEALS = {
    "en": [
        "0 Facebook 12 Twitter 3 WhatsApp",
        "Get breaking news on Telegram: join the Valley Times channel.",
        "The Ledger does not provide investment advice.",
        "Listen to this briefing (4 min)",
        "The Morning Digest is sent every weekday at 7am.",
    ],
    "fr": [
        "Votre inscription à la newsletter du soir a bien été prise en compte.",
        "Tous les articles de Marie Dufour",
        "Ce reportage a été réalisé avec le soutien du Fonds pour le journalisme.",
        "Notre rédaction adhère à la charte d'éthique professionnelle des journalistes.",
        "Direct animé par Paul Girard et Léa Marchand",
        "Ces informations ne constituent pas un conseil en investissement.",
        "Restez informé : activez les notifications de notre application.",
    ],
    "es": [
        "Más artículos de Pedro Salas",
        "Regala esta noticia: te quedan 2 artículos este mes.",
        "Si estás de acuerdo, dona hoy y apoya nuestro trabajo.",
        "Sin tu apoyo no hay periodismo local.",
        "Este análisis no constituye una recomendación de inversión.",
        "Este artículo se actualizará a medida que haya más información.",
    ],
    "de": [
        "Artikel verschenken: Sie können noch 3 Artikel verschenken.",
        "Vielen Dank für Ihre Anmeldung zum Newsletter!",
        "Laden Sie sich jetzt unsere kostenlose Nachrichten-App herunter.",
        "Nur für Abonnenten: exklusiv für Abonnenten des Tagblatts.",
        "Diese Reportage wurde von der Stiftung Lokaljournalismus gefördert.",
        "Unabhängigen Journalismus unterstützen: jetzt mitmachen.",
        "Wir starten unseren Newsblog zum Unwetter im Allgäu.",
        "Die Angaben stellen keine Anlageberatung dar.",
        "Hinweis: In diesem Newsblog stehen die neuesten Einträge oben.",
        "Hinweis: Wir nennen keine Namen von Verdächtigen.",
        "Kommentare werden vor der Veröffentlichung von der Redaktion geprüft.",
        "Dieser Beitrag wurde zuerst im Radioprogramm des Senders gesendet.",
        "Dieser Artikel ist in der Printausgabe vom 3. März erschienen.",
    ],
    "it": [
        "Regala questo articolo a chi vuoi.",
        "Altri articoli di Marco Bellini",
        "Grazie per esserti iscritta! La newsletter arriva ogni sera.",
        "Il Giornale del Lago esiste grazie ai suoi abbonati. Abbonati anche tu.",
        "Questo articolo è stato pubblicato nell'edizione cartacea di domenica.",
        "Inizia la diretta: seguiamo minuto per minuto la piena del Po.",
        "Questo articolo è apparso per la prima volta su Radio Valle.",
        "Sostieni il Giornale del Lago: con una donazione ci aiuti a raccontare la valle.",
    ],
}
GIFT_AND_GRANT_LOOKALIKE_NEWS = {
    "en": [
        "The government does not provide financial advice to farmers, the minister said.",
        "Rescuers joined the fishermen's search on Lake Victoria at dawn.",
        "The ferry is sent every day to the island.",
    ],
    "fr": ["Tous les articles de loi seront réexaminés par le Conseil d'État en janvier."],
    "es": ["El alcalde regala bicicletas a los vecinos que perdieron su coche en la riada."],
    "de": [
        "Die Stiftung hat 40 Familien unterstützt, deren Häuser zerstört wurden.",
        "Die Polizei hat die Kommentare unter dem Video geprüft.",
    ],
    "it": ["Altri articoli del codice penale sono stati contestati ai tre arrestati."],
}


def _lines(*tables: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(lang, line) for table in tables for lang, lines in table.items() for line in lines]


@pytest.mark.parametrize(
    ("language", "line"),
    _lines(
        AUTHOR_BOXES_STAMPS_AND_POINTERS,
        PRINT_NOTES_DISCLAIMERS_AND_PROMPTS,
        GIFTS_SIGNUPS_GRANTS_AND_APPEALS,
    ),
)
def test_author_boxes_print_notes_stamps_and_prompts_are_boilerplate(language: str, line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    ("language", "line"),
    _lines(AUTHOR_BOX_LOOKALIKE_NEWS, PRINT_NOTE_LOOKALIKE_NEWS, GIFT_AND_GRANT_LOOKALIKE_NEWS),
)
def test_news_about_reporters_papers_and_opinions_stays(language: str, line: str) -> None:
    assert not is_boilerplate(line)


PODCASTS_TAGS_AND_CLOSED_COMMENTS = {
    "en": [
        "MarketBuzz Podcast with Ekta Batra: Sensex, Nifty likely to open flat",
        "Facebook Comments",
        "Free webinar on pension reform, Tuesday 6pm: register now",
        "This report is a translation of an article by El Diario de Bogotá.",
        "(ASA English Service – translated from the Italian original)",
    ],
    "fr": [
        "PODCAST. « Le Fil du matin » – épisode 412 : dans les coulisses de la réforme",
        "Les commentaires sont fermés.",
        "Mots-clés : inondations, Gard, vigilance rouge",
        "Cet article est une traduction d'un article du Diario de Bogotá.",
        "Cet article est la traduction d'une dépêche de l'agence Global Wire Service.",
    ],
    "es": [
        "Pódcast | 'La brújula de la mañana', episodio 218: la sequía en el campo andaluz",
        "Comentarios cerrados",
        "Hazte socio y apoya el periodismo local.",
        "Este artículo es una traducción de un texto de la agencia ASA.",
    ],
    "de": [
        "Podcast „Nachtschicht“ – Folge 87: Wie sicher sind unsere Brücken?",
        "Schlagworte: Hochwasser, Donau, Katastrophenschutz, Passau",
        "Eilmeldungen aufs Handy: Aktivieren Sie jetzt die Push-Benachrichtigungen in unserer App.",
        "Kommentare deaktiviert",
    ],
    "it": [
        "Commenti disattivati per questo articolo",
        "Vuoi ricevere le notifiche sulle ultime notizie? Sì, grazie | No",
        "Webinar gratuito «Bonus casa 2026: istruzioni per l'uso» – martedì 17 marzo ore 18. Registrati qui",
        "I più letti di oggi: 1.",
        "Questo articolo è una traduzione dall'inglese.",
    ],
}
PODCAST_AND_COMMENT_LOOKALIKE_NEWS = {
    "en": [
        "In the podcast, the minister said the dam had been inspected in May.",
        "Join the search for the missing hikers, the mayor urged residents on Sunday.",
        "The minister's speech was translated from the Spanish original by the embassy.",
    ],
    "fr": ["Les commentaires du préfet ont été publiés mardi soir."],
    "es": ["Los socios de la cooperativa votaron a favor del cierre."],
    "de": ["Die Themen der Sitzung waren Hochwasserschutz und Deiche."],
    "it": ["I commenti del sindaco sono stati diffusi in serata."],
}


@pytest.mark.parametrize(("language", "line"), _lines(PODCASTS_TAGS_AND_CLOSED_COMMENTS))
def test_podcasts_tags_closed_comments_and_push_prompts_are_boilerplate(language: str, line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(("language", "line"), _lines(PODCAST_AND_COMMENT_LOOKALIKE_NEWS))
def test_news_about_podcasts_comments_and_members_stays(language: str, line: str) -> None:
    assert not is_boilerplate(line)


def test_a_notice_is_not_cut_after_the_first_word_of_its_own_match() -> None:
    # "Aktivieren Sie …" matches at "Aktivieren": a cut at the later "Sie" would keep half of it
    text = "Eilmeldungen aufs Handy: Aktivieren Sie jetzt die Push-Benachrichtigungen in unserer App."
    assert boilerplate_start(text, "de") == len(text)


DESKS_STAMPS_AND_CREDITS = {
    "en": [
        "By the Meridian News desk",
        "The newest posts appear at the top.",
        "This article is based on reporting by the Italian news agency ASA.",
        "Mon 18 Jan 2027 11.20 GMT",
        "Our journalists are verifying information as it comes in.",
        "(Corrects death toll to three from four in headline)",
        "By Priya Ramaswamy, Transport Correspondent, and Tom Ellery in Leeds",
        "Ellen Vos, EU Correspondent, in Brussels",
    ],
    "fr": [
        "Par Étienne Morvan Temps de lecture : 3 min",
        "Marie Dupont, correspondante à Rome",
        "Par Margaux Delestrade, rubrique Faits divers – 6 mai 2027 à 10h50",
    ],
    "es": [
        "Esta nota fue actualizada a las 8:55 horas.",
        "Por Álvaro Medina (con agencias)",
        "Redacción Nación | 2 de octubre de 2026, 11:30 a. m.",
        "Carmen Ruiz, corresponsal en Roma",
    ],
    "de": [
        "Von unserem Frankreich-Korrespondenten Tobias Lenz, Paris",
        "Dieses Thema im Programm: Alpenfunk 24 – Nachrichten, 03.10.2026, 18:00 Uhr",
        "Zum Abspielen bitte Cookies für den Audioplayer zulassen.",
        "Diese Meldung wurde um 9.30 Uhr aktualisiert.",
        "Tobias Lenz, Korrespondent in Paris",
    ],
    "it": [
        "dal corrispondente a Bruxelles, Luca Ferri",
        "Luca Ferri, inviato a Bruxelles",
        "(Testo tradotto da un dispaccio in francese)",
        "07.45 – Buongiorno dalla redazione.",
        "Buongiorno, è domenica 22 novembre: ecco le notizie da sapere per iniziare la giornata.",
    ],
}
DESK_LOOKALIKE_NEWS = {
    "en": [
        "By the time the desk officer arrived, the fire had spread to the roof.",
        "Police corrected the toll on Monday.",
    ],
    "es": [
        "La redacción del decreto se cerró el lunes, dijo el ministro.",
        "Pedro Sánchez, presidente del Gobierno, dijo que no habrá más cortes.",
    ],
    "de": ["Die Korrespondenten der Agentur wurden am Flughafen festgehalten."],
    "it": ["Il corrispondente è stato ferito lievemente durante gli scontri."],
}


@pytest.mark.parametrize(("language", "line"), _lines(DESKS_STAMPS_AND_CREDITS))
def test_desks_stamps_reporting_credits_and_bylines_with_roles_are_boilerplate(
    language: str, line: str
) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(("language", "line"), _lines(DESK_LOOKALIKE_NEWS))
def test_news_about_desks_correspondents_and_corrections_stays(language: str, line: str) -> None:
    assert not is_boilerplate(line)


PROVENANCE_AND_LIVE_NOTICES = {
    "en": [
        "This article was supplied by the Harbour News Agency wire service.",
        "Translated and adapted from the Gazzetta di Lomellina.",
        "Enjoying The Lake Courier?",
        "Support independent local news from Lombardy.",
    ],
    "fr": [
        "(Article traduit de l'italien – Rédaction Sud)",
        "Cette dépêche vous est proposée par l'agence Presse Rhône.",
        "Par la rédaction avec AFR Publié le 03/02/2026 à 18h40",
    ],
    "es": [
        "Esta información ha sido facilitada por la agencia Noticias del Sur.",
        "Última hora: esta noticia se está actualizando.",
        "Escúchanos en directo en el 101.3 FM y en nuestra web.",
    ],
    "it": ["Questo articolo è stato fornito dall'agenzia Notizie Adriatiche."],
    "de": ["Dieser Artikel wurde von der Nachrichtenagentur Nordpress bereitgestellt."],
}
PROVENANCE_LOOKALIKE_NEWS = {
    "en": [
        "This account was provided by a survivor who swam to the shore.",
        "Enjoying the sunshine, hundreds of tourists crowded the beach before the storm.",
        "Support for the strike grew on Monday as local news outlets reported new walkouts.",
        "Translated into six languages, the appeal reached millions within a day.",
    ],
    "es": ["La información fue facilitada por los vecinos a la Guardia Civil."],
    "de": ["Die Unterkünfte wurden von der Gemeinde bereitgestellt."],
}


CHANNELS_LIVE_BLOGS_AND_STAMPED_BYLINES = {
    "en": [
        "Get the latest news from the Valley on Telegram — join our channel.",
        "Follow The Coastal Herald on Google News for the latest updates.",
        "Harbour Fire Live Updates: Follow this page for the latest news.",
    ],
    "es": [
        "Lea también: Cómo actúan los equipos de rescate en una mina",
        "Mira el informe completo en nuestra señal en vivo.",
    ],
    "fr": [
        "Notre couverture : Les incendies de l'été, ce qu'il faut savoir",
        "Regardez notre journal spécial à partir de 19 heures sur Région 3.",
        "Faits divers : retrouvez tous nos articles dans la rubrique Justice.",
    ],
    "de": [
        "Von Lena Haas Aktualisiert am 02.03.2026, 08:15 Uhr",
        "Mehr aus Bayern: Streit um die neue Stromtrasse",
        "Sie sehen einen Ausschnitt aus unserem Ticker.",
        "Dieser Artikel ist Teil unseres Abonnements Plus.",
    ],
    "it": ["di Giulia Neri Aggiornato alle 08.40"],
}
CHANNEL_LOOKALIKE_NEWS = {
    "en": ["Follow the river north for two miles and you reach the flooded camp."],
    "de": [
        "Von den Verletzten wurden zwei am Abend entlassen.",
        "Mehr aus Sicherheitsgründen wurde die Straße gesperrt.",
    ],
    "it": ["Di questi, tre sono stati pubblicati ieri dal ministero."],
}


PROGRAMME_NOTES_LIVE_HEADERS_AND_PROMPTS = {
    "en": [
        "Question Time is on BBC One at 10.40pm and on BBC iPlayer.",
        "📲 Stay informed – download the Valley Post app for iPhone and Android",
        "LIVE | Storm Ciarán: the latest – last updated 16:20",
    ],
    "fr": [
        "« Envoyé spécial », le jeudi à 21h10 sur France 2 et en replay sur france.tv",
        "EN DIRECT | Inondations dans le Gard : les dernières informations – Mis à jour à 09h40",
    ],
    "es": [
        "El programa 'Comando Actualidad' se emite los miércoles en La 1.",
        "DIRECTO | Última hora del temporal en Galicia · Actualizado hace 2 minutos",
        "Marta Gil | Sevilla - 3 feb 2026 - 08:10 CET | Actualizado: 10:02 CET",
        "MÁS INFORMACIÓN → El Congreso aprueba la reforma de la ley de vivienda",
    ],
    "de": [
        "Die Sendung „Hart aber fair“ läuft montags um 21.00 Uhr im Ersten und ist in der "
        "ARD-Mediathek abrufbar.",
        "Wir und unsere Partner speichern und verarbeiten Daten, um Werbung zu personalisieren.",
        "LIVE | Hochwasser in Bayern: alle Entwicklungen – aktualisiert 11:05 Uhr",
    ],
    "it": [
        "«Report» va in onda la domenica alle 20.55 su Rai 3 e in streaming su RaiPlay.",
        "DIRETTA | Maltempo in Emilia-Romagna, la situazione · ultimo aggiornamento 18:02",
        "Guarda la fotogallery (8 foto)",
    ],
}
PROGRAMME_LOOKALIKE_NEWS = {
    "en": ["The minister is on a visit to Kyiv at the invitation of the Ukrainian government."],
    "es": ["El programa de ayudas se aprobó el martes y beneficiará a 12.000 familias."],
    "de": ["Wir und unsere Kollegen wurden von dem Unwetter völlig überrascht, sagte der Bürgermeister."],
    "it": ["Guarda caso, il ponte era stato ispezionato solo due settimane fa."],
}


ROUND_18_FURNITURE = (
    PROVENANCE_AND_LIVE_NOTICES,
    CHANNELS_LIVE_BLOGS_AND_STAMPED_BYLINES,
    PROGRAMME_NOTES_LIVE_HEADERS_AND_PROMPTS,
)
ROUND_18_LOOKALIKE_NEWS = (PROVENANCE_LOOKALIKE_NEWS, CHANNEL_LOOKALIKE_NEWS, PROGRAMME_LOOKALIKE_NEWS)


PRESENTERS_ADVERTS_AUTOMATION_AND_MOST_READ = {
    "en": [
        "Presented by Sarah Lind and Tom Okafor.",
        "Available on Radio Plus for 28 days.",
        "Advertisement — scroll to continue",
        "Most read 1. Harbour closed 2. Council tax rise",
        "Sponsored stories by Outbrain",
    ],
    "fr": [
        "Par Louis Arnaud - Le Courrier Modifié le 03/05/2026 à 10h12 Publié le 03/05/2026 à 08h40",
        "Le magazine de 20h, présenté par Anne Roy, tous les soirs sur France 3 et en replay sur france.tv",
        "PUBLICITÉ : la suite de l'article après cette publicité",
        "Imprimer E-mail Ajouter à mes favoris",
        "Cet article a été généré automatiquement à partir d'une dépêche de l'agence.",
        "Les plus partagés 1. Grève à la SNCF 2. Météo du week-end",
    ],
    "es": [
        "Pablo Ruiz Bilbao 3 MAY 2026 - 09:20 CEST Actualizado: 3 MAY 2026 - 11:45 CEST",
        "Presentado por Lucía Martín y Jorge Sanz.",
        "Esta información ha sido redactada de forma automática a partir de datos oficiales.",
        "Ha sido revisada por la redacción.",
        "Lo más visto 1. Atasco en la M-30 2. Nueva línea de metro",
    ],
    "de": [
        "Weiterlesen mit Abo Plus",
        "Alle Inhalte lesen: 3 Monate für 1 Euro.",
        "Hier anmelden",
        "heute journal, 21:45 Uhr, ZDF – Sendung verpasst? Hier geht es zur Wiederholung",
        "Dieser Beitrag wurde automatisch aus einer Agenturmeldung erstellt.",
        "Das Original ist auf Französisch erschienen.",
        "Inhalt anzeigen",
        "Meistgelesen 1. Stau auf der A8 2. Neues Freibad",
    ],
    "it": [
        "Tg3 ore 19:00 su Rai 3 — Rivedi la puntata su RaiPlay",
        "Pubblicità: continua a leggere dopo la pubblicità",
        "Questo articolo è stato generato automaticamente dai dati della Protezione civile.",
        "I più visti 1. Sciopero dei treni 2. Caldo record",
    ],
}
PRESENTER_AND_AUTOMATION_LOOKALIKE_NEWS = {
    "en": ["Presented by the mayor on Monday, the plan would rebuild the bridge within two years."],
    "fr": [
        "Le quotidien régional affirme que sa newsletter compte désormais 90 000 inscrits.",
        "Le tribunal a établi que le texte avait été généré automatiquement, sans relecture humaine.",
    ],
    "es": ["El informe fue presentado por la consejera de Sanidad en el Parlamento regional."],
    "de": ["Der Text wurde nach Angaben des Gerichts automatisch erstellt."],
    "it": ["I più anziani sono stati portati in ospedale per precauzione."],
}


TIPS_CREDITS_AND_STAMPS = {
    "en": [
        "Story originally published by the Northern Wire Service.",
        "Audio version available in the Coast News app.",
        "Got pictures of the storm? Email them to our newsdesk.",
        "Send us your photos on WhatsApp or by email to our newsroom.",
        "More details to follow.",
    ],
    "fr": [
        "Avec AFP | Mis à jour le 3 mai 2026 à 09h15",
        "France Bleu Isère – rédaction de Grenoble, avec Paul Simon",
        "Le Courrier – avec nos correspondants à Quito et Lima",
        "Cet article a été modifié à 18h40.",
        "Il vous reste 3 articles à lire ce mois-ci.",
        "Nous utilisons des traceurs pour améliorer votre navigation.",
    ],
    "es": [
        "P. Gómez | Cartagena | Lunes, 4 de mayo de 2026, 08:15",
        "¿Tienes fotos del incendio? Mándalas a nuestro WhatsApp.",
        "Escríbenos y sé parte de la noticia.",
        "Más información sobre la sequía en nuestra sección Sociedad.",
        "Acepta o rechaza las cookies de terceros.",
    ],
    "de": [
        "Spendenkonto: Stadt Lindau, Stichwort „Hochwasserhilfe“",
        "Plus testen: zwei Wochen für 1 Euro",
        "Folgen Sie uns auch auf Mastodon.",
        "Danke, dass Sie unsere Zeitung lesen!",
        "Weitere Einträge laden",
        "Kursdaten mit 20 Minuten Verzögerung.",
        "Pegelstände aktuell: hnd.bayern.de",
    ],
    "it": [
        "La pagina si aggiorna automaticamente.",
        "La diretta è a cura di Marta Rossi.",
        "(ANSA) Notizia in aggiornamento.",
    ],
}
TIPS_LOOKALIKE_NEWS = {
    "en": ["More details of the rescue emerged on Tuesday as divers reached the hull."],
    "fr": ["Le Courrier a été vendu à un groupe belge, avec ses correspondants à l'étranger."],
    "es": ["El alcalde aceptó y firmó el acuerdo con los vecinos el lunes."],
    "de": ["Die Polizei dankte den Helfern, die das Dorf gesichert hatten."],
    "it": ["La diretta televisiva è stata interrotta per il maltempo."],
}


STATIONS_APPEALS_AND_STAMPED_ROWS = {
    "en": [
        "LIVE Flood updates: roads closed across the county | Last updated 5 minutes ago",
        "Author: WXYZ Staff | Published: 6:10 PM EST March 3, 2026 | Updated: 7:02 PM EST March 3, 2026",
        "Coming up on Channel Six News: 6pm Local news and weather · 10.30pm Late bulletin",
        "Download it free on the App Store.",
        "Share Copy link Facebook X WhatsApp Email Comments (8) Most Read",
        "Radio Kent | On air now: Breakfast with Anna Price | Listen live | Schedule | Travel news",
    ],
    "fr": [
        "EN DIRECT - Crues dans le Gard : suivez la situation | Actualisé à 18h05",
        "Par AFP, édité par Marc Roux · Publié le mardi 03 mars 2026 à 10h40 · Temps de lecture : 3 min",
        "Publié aujourd'hui à 09:12",
        "Un média indépendant financé par ses lecteurs : nous avons besoin de vous.",
        "Retrouvez tous nos podcasts sur votre plateforme préférée.",
        "Ce soir sur France 2 : 20h00 Le journal · 21h10 Documentaire",
    ],
    "es": [
        "DIRECTO | Temporal en Galicia: última hora · Actualizado a las 12:40",
        "Para comentar es necesario estar registrado.",
        "A continuación en La 2: 20.30 Noticias · 21.00 El tiempo",
    ],
    "de": [
        "Liveticker zur Wahl in Bremen: Ergebnisse und Reaktionen – zuletzt aktualisiert um 21:05 Uhr",
        "Sendung: Abendschau, 03.03.2026, 19:30 Uhr",
        "MDR Aktuell, 03.03.2026, 06:00 Uhr",
        "Weitere Podcasts finden Sie in der ARD Audiothek.",
        "Unabhängiger Journalismus ist nicht umsonst.",
        "Mehr von diesem Autor",
        "Radio Bremen · Jetzt im Radio: Der Morgen · Livestream · Programm · Verkehr",
    ],
    "it": [
        "DIRETTA Maltempo in Liguria, la situazione: aggiornato alle 16.20",
        "Stasera su Rai 3: 19.30 Tgr · 20.15 Meteo",
        "Ascolta la puntata su tutte le piattaforme.",
        "Se vuoi sostenerlo, abbonati.",
    ],
}
STATION_LOOKALIKE_NEWS = {
    "en": ["Downloads of the app fell after regulators ordered it removed from the App Store."],
    "fr": ["Le journal régional affirme que sa newsletter compte désormais 90 000 inscrits."],
    "de": ["Die App wurde nach Angaben des Gerichts aus dem App Store entfernt."],
    "it": ["Il giornalista è stato ascoltato dai magistrati come testimone."],
}


PLAYERS_STAMPS_AND_PARTNER_COPY = {
    "en": [
        "Image source, Reuters",
        "Video duration 01 minutes 05 seconds 01:05",
        "35m ago 09.12 GMT",
        "This feature was paid for by Harbour Homes and produced by our commercial team.",
        "It is not the work of our editorial staff.",
        "Media player",
        "Your browser does not support the video player.",
        "Live updates as they happen.",
        "Updates from our foreign desk as they come in.",
    ],
    "fr": [
        "Il y a 3 heures",
        "La vidéo est en cours de chargement",
        "Voir la vidéo - Durée : 02:40",
        "Ce contenu est proposé par notre partenaire Énergies du Sud.",
        "La rédaction n'a pas participé à sa réalisation.",
    ],
    "es": [
        "Hace 25 minutos",
        "Patrocinado por",
        "Sigue toda la actualidad en nuestro perfil de Instagram.",
        "Escucha Radio Andes en el 101.3 FM.",
        "Última hora: ampliaremos la información en breve.",
    ],
    "de": [
        "Um das Video abzuspielen, müssen Sie der Nutzung externer Inhalte zustimmen.",
        "Sie sind bereits Abonnent? Hier einloggen",
        "Der Inhalt wurde von unserem Kooperationspartner erstellt.",
        "Dieser Text ist nicht Teil des redaktionellen Angebots.",
        "Hören Sie uns auf UKW 98,5",
        "Sie haben Bilder vom Hochwasser?",
        "Der Abend-Überblick per E-Mail – hier kostenlos abonnieren",
    ],
    "it": [
        "Il video in caricamento…",
        "Informazione pubblicitaria a cura di Cantine Riunite del Po",
        "Approfondisci: perché le frane sono più frequenti in autunno",
    ],
}
PLAYER_AND_PARTNER_LOOKALIKE_NEWS = {
    "en": [
        "Viewers complained after the video player crashed during the final minutes of the count.",
        "Updates to the toll came in overnight as rescuers reached the village.",
        "The new law requires every website to let readers refuse cookies as easily as it accepts them.",
    ],
    "fr": [
        "Le journal a annoncé que ses enquêtes seraient réservées aux abonnés à partir de lundi prochain.",
        "Il y a 3 heures, les pompiers ont retrouvé deux corps dans les décombres.",
    ],
    "es": [
        "Hace 25 minutos que los bomberos entraron en el edificio, según la alcaldesa.",
        "La emisora, que emite desde 1998, fue la primera en informar del derrumbe.",
    ],
    "de": [
        "Der Verlag teilte mit, der Beitrag sei von einem Werbepartner bezahlt worden, ohne Kennzeichnung."
    ],
    "it": ["Il video in cui si vede l'esplosione è stato diffuso dai vigili del fuoco."],
}


AI_NOTES_REPUBLISHING_AND_OFFERS = {
    "en": [
        "This summary was generated with the help of AI and checked by an editor.",
        "This article was produced with the help of artificial intelligence tools and reviewed by our staff.",
        "Key event 9.40am BST",
    ],
    "fr": [
        "Cet article a été rédigé avec l'aide d'un outil d'intelligence artificielle.",
        "Cet article est republié à partir du site de nos confrères sous licence libre.",
        "Offre découverte : 2 € par mois pendant 6 mois",
        "Formule numérique : 3,99 € par mois, sans engagement",
        "Écoutez « Le Journal de 8h » sur Deezer ou Spotify.",
    ],
    "es": ["Este artículo ha sido redactado con ayuda de inteligencia artificial."],
    "de": ["Der Artikel wurde mit Unterstützung künstlicher Intelligenz verfasst und redaktionell geprüft."],
    "it": [
        "Questo testo è stato generato con l'aiuto dell'intelligenza artificiale.",
        "Offerta speciale: 4,99€ al mese per un anno",
        "Puoi disdire quando vuoi? Sì, disdici in qualsiasi momento",
        "Il giornale è libero grazie ai lettori: sostienici con una donazione.",
    ],
}
NEWSLETTER_GREETINGS_AND_RADIO_PROMPTS = {
    "en": ["Hello, readers.", "Listen to the full interview below", "See you tomorrow, Sam"],
    "fr": ["Bonjour à tous,", "Écoutez ci-dessous l'entretien intégral", "À la semaine prochaine, Claire"],
    "es": [
        "Estás leyendo «Mañanas del Sur», el boletín diario de El Faro.",
        "Si te la han reenviado, apúntate aquí.",
        "¿Te ha gustado esta newsletter?",
        "Hola, queridos lectores",
        "Escuche acá la entrevista completa",
        "Hasta la próxima semana, Marta",
    ],
    "de": ["Bis nächste Woche, Ihre Anna Berger"],
    "it": [
        "Stai leggendo «Il Mattino di Bari», la newsletter della redazione.",
        "Ti è piaciuta questa newsletter? Inoltrala a un amico.",
        "Buongiorno a tutti e a tutte,",
        "Ascolta qui sotto l'intervista al sindaco",
        "Alla prossima settimana, Luca",
    ],
}
GREETING_LOOKALIKE_NEWS = {
    "en": ["See you in court, the mayor told the developers after the vote on Tuesday."],
    "fr": ["Bonjour à tous ceux qui nous ont aidés, a lancé le maire devant les sinistrés."],
    "es": ["Hasta la semana que viene no se reabrirá la carretera, según la Diputación."],
    "de": ["Bis nächste Woche sollen alle Evakuierten in ihre Häuser zurückkehren können."],
    "it": ["Alla prossima settimana è rinviata l'udienza per i tre arrestati."],
}
SIGNATURES_POLLS_AND_DATELINES = {
    "en": ["Should the council close the beach? Yes / No / Not sure", "London / Brussels, March 4"],
    "fr": [
        "Le Courrier du Matin avec AFP",
        "Par La Voix de l'Est avec Reuters et AFP",
        "Faut-il interdire les feux ? Oui / Non",
    ],
    "es": ["Madrid / Lisboa, 2 de mayo", "¿Debería cerrarse el puerto? Sí / No / No sabe"],
    "de": [
        "Jetzt in der Kurier-App: alle Eilmeldungen aufs Handy",
        "UMFRAGE: Soll die Brücke neu gebaut werden? Ja / Nein",
    ],
    "it": ["Roma / Parigi, 12 marzo 2026", "Chiudere la strada? Sì / No"],
}
SIGNATURE_LOOKALIKE_NEWS = {
    "en": ["London / Brussels, 40 injured in twin protests"],
    "fr": ["Le ministre de l'Intérieur avec les sinistrés de Vaison", "Le maire est reparti avec sa femme."],
    "es": ["Sevilla / Córdoba, 15 heridos en los disturbios"],
    "de": ["Jetzt ist in der Kurier-Druckerei ein Feuer ausgebrochen, zwei Arbeiter wurden verletzt."],
    "it": ["Roma / Parigi, 12 arresti dopo gli scontri"],
}
SKIP_LINKS_VERSIONS_AND_COUNTERS = {
    "en": [
        "More stories from Yorkshire",
        "Was your street flooded? Yes, badly / Yes, a little / No",
        "Skip to content",
        "View full version",
        "3.4K shares",
        "Press Enter to play the audio player",
        "Wed 6 Mar 2026 09.15 GMT",
    ],
    "fr": [
        "Plus d'actualités sur la Bretagne",
        "Aller au contenu",
        "Voir la version classique du site",
        "2 310 partages",
        "Accessibilité : non conforme",
    ],
    "es": [
        "Más noticias de Galicia",
        "Ir al contenido principal",
        "Ver la versión de escritorio",
        "Compartido 812 veces",
        "Ver comentarios (7)",
    ],
    "de": [
        "Mehr Nachrichten aus Kärnten",
        "UMFRAGE: Waren Sie betroffen? Ja, mein Keller / Nein",
        "Zum Hauptinhalt springen",
        "Zur Web-Version",
        "1.204-mal geteilt",
        "vor 12 Min.",
        "02.05.2026, 17:45 Uhr",
    ],
    "it": [
        "Altre notizie dalla Sardegna",
        "Vai al contenuto",
        "Vai alla versione desktop",
        "3,2 mila condivisioni",
        "5 minuti fa",
        "Segui su Instagram @giulia.neri",
    ],
}
COUNTER_LOOKALIKE_NEWS = {
    "en": [
        "More news from the front came on Tuesday, when the army said it had retaken the town.",
        "Was it arson? Police / fire service disagree, the mayor said.",
        "The school will continue reading lessons through the summer, the head teacher said.",
    ],
    "fr": ["Le 3 octobre 2024 à 11h30, le bilan faisait encore état de deux morts."],
    "es": ["Compartido por miles de vecinos, el vídeo muestra la riada arrastrando coches."],
    "de": ["Vor 12 Jahren war der Damm schon einmal gebrochen, sagte der Bürgermeister."],
    "it": ["Vai alla versione definitiva del piano di evacuazione, ha detto il prefetto ai sindaci."],
}
STAMPED_NEWS_AND_AI_NEWS = {
    "en": [
        "The paper admitted that its obituaries were written with the help of AI in secret.",
        "Updated at 10:15, the toll now stands at nine dead and more than forty injured, police said.",
    ],
    "fr": ["Mis à jour à 7h20, le bilan officiel fait état de huit morts et d'une trentaine de blessés."],
    "es": ["Actualizado a las 11:05, el balance de Protección Civil eleva a nueve el número de muertos."],
    "de": ["Der Text über künstliche Intelligenz wurde am Montag im Bundestag kritisiert."],
    "it": ["Aggiornato alle 8:30, il bilancio della Protezione civile sale a undici morti e venti feriti."],
}


ROUND_19_FURNITURE = (
    PRESENTERS_ADVERTS_AUTOMATION_AND_MOST_READ,
    TIPS_CREDITS_AND_STAMPS,
    STATIONS_APPEALS_AND_STAMPED_ROWS,
)
ROUND_19_LOOKALIKE_NEWS = (
    PRESENTER_AND_AUTOMATION_LOOKALIKE_NEWS,
    TIPS_LOOKALIKE_NEWS,
    STATION_LOOKALIKE_NEWS,
)
ROUND_20_FURNITURE = (PLAYERS_STAMPS_AND_PARTNER_COPY,)
ROUND_20_LOOKALIKE_NEWS = (PLAYER_AND_PARTNER_LOOKALIKE_NEWS,)
ROUND_21_FURNITURE = (
    AI_NOTES_REPUBLISHING_AND_OFFERS,
    NEWSLETTER_GREETINGS_AND_RADIO_PROMPTS,
    SIGNATURES_POLLS_AND_DATELINES,
    SKIP_LINKS_VERSIONS_AND_COUNTERS,
)
ROUND_21_LOOKALIKE_NEWS = (
    STAMPED_NEWS_AND_AI_NEWS,
    GREETING_LOOKALIKE_NEWS,
    SIGNATURE_LOOKALIKE_NEWS,
    COUNTER_LOOKALIKE_NEWS,
)


@pytest.mark.parametrize(
    ("language", "line"),
    _lines(*ROUND_18_FURNITURE, *ROUND_19_FURNITURE, *ROUND_20_FURNITURE, *ROUND_21_FURNITURE),
)
def test_furniture_of_rounds_18_to_21_is_boilerplate(language: str, line: str) -> None:
    """Round 18: wire provenance and translation credits, channel and app prompts, stamped
    bylines, programme notes and live-blog headers.  Round 19: presenters and catch-up
    windows, advertising breaks, machine-written notes, most-read lists, calls for readers'
    pictures, donation accounts, live-blog curators, stations' rows of fields, live headers
    with their update stamp, readers' appeals, podcast and app prompts.  Round 20: picture
    sources, video players and their durations, relative stamps ("35m ago", "Hace 25
    minutos"), partners' and commercial teams' copy.  Round 21: notes that a text was written
    or translated with AI, republication notes, subscription offers and podcast prompts, a
    live blog's key-event stamps, a newsletter's greetings and sign-offs, a radio site's
    prompts to listen, an outlet's signature "avec AFP", polls' answer options, a dateline
    of two desks, skip links, a page's other versions, share and comment counters.  Five
    languages."""
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    ("language", "line"),
    _lines(
        *ROUND_18_LOOKALIKE_NEWS, *ROUND_19_LOOKALIKE_NEWS, *ROUND_20_LOOKALIKE_NEWS, *ROUND_21_LOOKALIKE_NEWS
    ),
)
def test_news_that_starts_like_such_furniture_stays(language: str, line: str) -> None:
    """An update stamp that opens a sentence of news ("Mis à jour à 7h20, le bilan …") leaves
    it news: only a stamp with a short tail, or an editor's note, is furniture."""
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Tom Reyes is the Valley Post's courts correspondent and has covered the court since 2015.", "en"),
        ("Anna Keller ist Gerichtsreporterin und berichtet seit 2012 aus dem Landgericht.", "de"),
        ("Giulia Ferri è cronista giudiziaria.", "it"),
        ("Claire Morel — Journaliste au service Justice", "fr"),
    ],
)
def test_an_author_s_bio_is_boilerplate(line: str, language: str) -> None:
    assert is_boilerplate(line)
