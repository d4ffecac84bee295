from sentencex import segment

from services.analysis.sentences import split_sentences


def test_sentencex_still_joins_german_sentences_before_a_digit() -> None:
    """The workaround in sentences.py exists for this; when it fails, sentencex splits
    there itself and the workaround can go."""
    assert len([s for s in segment("de", "Zwölf werden vermisst. 48 Menschen überlebten.") if s.strip()]) == 1


def test_a_german_sentence_before_one_that_opens_with_a_count_is_split() -> None:
    text = "Etwa ein Dutzend Menschen wird noch vermisst. 48 Menschen hatten das Unglück überlebt."
    assert split_sentences(text, "de") == [
        "Etwa ein Dutzend Menschen wird noch vermisst.",
        "48 Menschen hatten das Unglück überlebt.",
    ]


def test_ordinals_and_abbreviations_before_a_digit_are_no_sentence_end() -> None:
    assert split_sentences("Das Spiel am 5. 48 Minuten lang.", "de") == ["Das Spiel am 5. 48 Minuten lang."]
    assert split_sentences("Der Preis inkl. 19 Prozent Steuer stieg.", "de") == [
        "Der Preis inkl. 19 Prozent Steuer stieg."
    ]


def test_a_german_sentence_ending_on_a_count_before_one_that_opens_with_a_count_is_split() -> None:
    """A number above any day of a month is no ordinal date ("am 5." stays whole, above)."""
    text = "Die Zahl der Verdachtsfälle stieg auf 730. 23 Menschen sind bislang gestorben."
    assert split_sentences(text, "de") == [
        "Die Zahl der Verdachtsfälle stieg auf 730.",
        "23 Menschen sind bislang gestorben.",
    ]
    assert split_sentences("Sie stieg auf 3.500. 12 Menschen starben.", "de") == [
        "Sie stieg auf 3.500.",
        "12 Menschen starben.",
    ]


def test_sentencex_still_splits_a_date_with_an_abbreviated_month() -> None:
    """The second workaround in sentences.py exists for this; when it fails, it can go."""
    pieces = [s for s in segment("fr", "LYON, 22 juil. 2026 (AAP) - Deux morts.") if s.strip()]
    assert len(pieces) == 2


def test_a_dateline_with_an_abbreviated_month_or_an_ordinal_day_stays_with_its_lead() -> None:
    assert split_sentences("VAL-D'ISÈRE (Savoie), 22 juil. 2026 (AAP) - Deux morts.", "fr") == [
        "VAL-D'ISÈRE (Savoie), 22 juil. 2026 (AAP) - Deux morts."
    ]
    assert split_sentences("Berlin, 3. Jan. 2026 - Zwei Tote.", "de") == ["Berlin, 3. Jan. 2026 - Zwei Tote."]
    # a full month name that ends a sentence before one opening with a year is a sentence end
    assert split_sentences("Il est arrivé le 3 juin. 2026 sera une année difficile.", "fr") == [
        "Il est arrivé le 3 juin.",
        "2026 sera une année difficile.",
    ]
