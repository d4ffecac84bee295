"""Article similarity on invented stories (never the seed articles), with the real embedder."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import replace

import numpy as np
import pytest

from schemas import Article
from services.analysis.config import AnalysisConfig
from services.analysis.embedding import UniversalSentenceEncoder
from services.analysis.prepare import PreparedArticle, prepare
from services.analysis.similarity import (
    FEATURES,
    SIGNS,
    Lead,
    SimilarityModel,
    lead_features,
    lead_of,
    lead_terms,
    load_model,
    model_from_json,
    pair_features,
)

FLOOD_EN = (
    "Floods in northern Italy force thousands from their homes\n"
    "Heavy rain caused the Po river to burst its banks near Piacenza on Tuesday, forcing more than 4,000 "
    "people to leave their homes.\n"
    "Regional president Stefano Bonaccini said rescue teams had reached most of the flooded villages "
    "by evening.\n"
    "Two people are still missing after their car was swept away on a road outside Cremona.\n"
    "The civil protection agency warned that more rain is expected over the weekend."
)
FLOOD_DE = (
    "Überschwemmungen in Norditalien: Tausende verlassen ihre Häuser\n"
    "Starker Regen ließ den Po am Dienstag bei Piacenza über die Ufer treten, mehr als 4.000 Menschen "
    "mussten ihre Häuser verlassen.\n"
    "Regionalpräsident Stefano Bonaccini sagte, die Rettungsteams hätten bis zum Abend die meisten "
    "überfluteten Dörfer erreicht.\n"
    "Zwei Menschen werden noch vermisst, nachdem ihr Auto auf einer Straße bei Cremona weggerissen wurde.\n"
    "Der Zivilschutz warnte, dass am Wochenende weiterer Regen erwartet wird."
)
FLOOD_FOLLOW_UP = (
    "Italy counts the cost as Po floodwaters recede\n"
    "Farmers around Piacenza said on Thursday that the week's floods had destroyed much of the "
    "autumn harvest.\n"
    "The water level of the Po fell overnight, and most of the 4,000 evacuated residents were allowed home.\n"
    "Stefano Bonaccini asked the government in Rome for emergency funds for the region."
)
CHESS_EN = (
    "Teenager wins national chess championship in Oslo\n"
    "A 16-year-old from Bergen won the Norwegian chess championship on Sunday after a tense final round.\n"
    "She drew her last game against the defending champion, which was enough to secure first place.\n"
    "Her coach said she had trained for six hours a day over the summer."
)
RATES_ES = (
    "El banco central sube los tipos de interés por tercera vez este año\n"
    "El banco central elevó el jueves su tipo de interés de referencia en medio punto, hasta el 4,5 %.\n"
    "La institución justificó la decisión por una inflación que sigue muy por encima de su objetivo.\n"
    "Los analistas esperan que la subida encarezca las hipotecas en los próximos meses."
)

Make = Callable[..., PreparedArticle]


@pytest.fixture(scope="module")
def model() -> SimilarityModel:
    return load_model()


@pytest.fixture(scope="module")
def articles(make_prepared: Make) -> dict[str, PreparedArticle]:
    """Prepared once per module: the embedder is the expensive part."""
    return {
        "en": make_prepared("flood-en", FLOOD_EN),
        "de": make_prepared("flood-de", FLOOD_DE, language="de"),
        "follow_up": make_prepared("flood-later", FLOOD_FOLLOW_UP),
        "chess": make_prepared("chess", CHESS_EN),
        "rates": make_prepared("rates-es", RATES_ES, language="es"),
    }


def test_identical_article_scores_about_one(
    model: SimilarityModel, articles: dict[str, PreparedArticle]
) -> None:
    assert model.similarity(articles["en"], articles["en"]) >= 0.95
    assert model.same_story(articles["en"], articles["en"])


def test_translation_scores_higher_than_unrelated(
    model: SimilarityModel, articles: dict[str, PreparedArticle]
) -> None:
    translated = model.similarity(articles["en"], articles["de"])
    assert translated >= 0.8
    assert translated > model.similarity(articles["en"], articles["chess"]) + 0.5
    assert translated > model.similarity(articles["de"], articles["rates"]) + 0.5


def test_order_copy_then_same_story_then_unrelated(
    model: SimilarityModel, articles: dict[str, PreparedArticle]
) -> None:
    """A translation is closer than a follow-up on the same event, which is closer than
    another event altogether; only the first two are the same story."""
    en = articles["en"]
    translation = model.similarity(en, articles["de"])
    follow_up = model.similarity(en, articles["follow_up"])
    unrelated = model.similarity(en, articles["chess"])
    assert translation > follow_up > unrelated
    assert model.same_story(en, articles["follow_up"])
    assert not model.same_story(en, articles["chess"])
    assert not model.same_story(articles["chess"], articles["rates"])


def test_similarity_is_symmetric(model: SimilarityModel, articles: dict[str, PreparedArticle]) -> None:
    for a, b in [("en", "de"), ("en", "follow_up"), ("chess", "rates")]:
        assert model.similarity(articles[a], articles[b]) == pytest.approx(
            model.similarity(articles[b], articles[a]), abs=1e-6
        )


def test_feature_values_in_range(articles: dict[str, PreparedArticle]) -> None:
    for a in articles.values():
        for b in articles.values():
            features = pair_features(a, b)
            assert tuple(features) == FEATURES
            for name, value in features.items():
                assert math.isfinite(value), name
                if name.startswith("kernel_"):
                    assert 0.0 <= value <= math.log1p(max(len(a.sentences), len(b.sentences))) + 1e-6, name
                elif name.endswith("_gap"):
                    assert -1.0 <= value <= 1.0, name
                else:
                    assert 0.0 <= value <= 1.0 + 1e-6, name


def test_names_and_numbers_survive_translation(articles: dict[str, PreparedArticle]) -> None:
    en, de = lead_of(articles["en"]).terms, lead_of(articles["de"]).terms
    assert "4000" in en.numbers & de.numbers  # "4,000" and "4.000"
    assert {"stefa", "bonac", "piace", "cremo"} <= en.names & de.names
    features = pair_features(articles["en"], articles["de"])
    assert features["names_cross"] > 0.4 and features["numbers_cross"] > 0.0
    assert features["minhash"] == 0.0  # MinHash means nothing across languages
    # overlaps across languages and within one are separate signals (a shared word means more
    # within one language)
    assert features["names_same"] == features["numbers_same"] == features["words_same"] == 0.0
    same = pair_features(articles["en"], articles["follow_up"])
    assert same["names_same"] > 0.0 and same["names_cross"] == same["words_cross"] == 0.0


def test_the_headline_names_whom_and_where_not_the_kind_of_event() -> None:
    """The title's first word is capitalised by grammar and often names the kind of event,
    which two different events share: the headline keeps the names after it."""
    terms = lead_terms(["Floods in Lomara: Prefect Alina Dorescu orders evacuations", "Rain fell in Oria."])
    assert terms.headline == {"lomar", "prefe", "alina", "dores"}
    assert "flood" in terms.title_names and "oria" in terms.names - terms.headline
    other = lead_terms(["Floods in Tarvello: two dead", "Prefect Alina Dorescu visited Lomara."])
    alone = lead_terms(["Floods in Tarvello: two dead"])
    a, b, c = (Lead(np.zeros((t.count, 8), np.float32), t.count, t.chars, t) for t in (terms, other, alone))
    same = lead_features(a, b, same_language=True, minhash_jaccard=0.0)
    assert same["headline_same"] > 0.0 and same["headline_cross"] == 0.0  # Lomara, Alina Dorescu
    kind_only = lead_features(a, c, same_language=True, minhash_jaccard=0.0)  # "Floods" in both titles
    assert kind_only["title_names_same"] > 0.0 and kind_only["headline_same"] == 0.0


def test_article_without_sentences_scores_low(
    make_prepared: Make, model: SimilarityModel, articles: dict[str, PreparedArticle]
) -> None:
    empty = make_prepared("empty", "Subscribe to our newsletter.\nShare this article")
    assert len(empty.vectors) == 0
    score = model.similarity(empty, articles["en"])
    assert 0.0 <= score < model.same_story_threshold


def test_model_json_round_trip(model: SimilarityModel, articles: dict[str, PreparedArticle]) -> None:
    again = model_from_json(model.to_json())
    assert again.features == model.features
    np.testing.assert_array_equal(again.weights, model.weights)
    assert again.same_story_threshold == model.same_story_threshold
    features = pair_features(articles["en"], articles["follow_up"])
    assert again.score(features) == model.score(features)
    assert again.to_json() == model.to_json()


def test_model_json_rejects_unknown_features_and_bad_shapes(model: SimilarityModel) -> None:
    doc = json.loads(model.to_json())
    with pytest.raises(ValueError, match="unknown features"):
        model_from_json(json.dumps({**doc, "features": [*doc["features"][:-1], "no_such_feature"]}))
    with pytest.raises(ValueError, match="one entry per feature"):
        model_from_json(json.dumps({**doc, "weights": doc["weights"][:-1]}))


def test_shipped_model_matches_code_and_signs(model: SimilarityModel) -> None:
    """The JSON in the package is fitted for these features, and respects their signs
    (retrain with `python -m bench.semeval train` after changing features)."""
    assert model.features == FEATURES
    for name, weight in zip(model.features, model.weights, strict=True):
        assert np.all(np.asarray(weight) * SIGNS[name] >= -1e-9), name  # every hidden unit
    assert np.all(model.output >= 0.0)  # ...and the output combines them without flipping them
    assert 0.0 < model.same_story_threshold < 1.0


# The same scraped page furniture around two unrelated articles (SemEval has many): a cookie
# wall, a consent notice and a captcha prompt, in the article's language.
COOKIE_WALL_EN = (
    "We use cookies to ensure that we give you the best experience on our website.\n"
    "This includes cookies from third party social media websites and ad networks.\n"
    'If you want to continue, select "I AM NOT A ROBOT".\n'
)


def test_articles_behind_one_cookie_wall_are_not_one_story(
    make_prepared: Make, model: SimilarityModel
) -> None:
    """Identical notices on two pages say nothing about the stories: they are dropped as
    boilerplate, and what is left is compared."""
    flood = make_prepared("wall-flood", COOKIE_WALL_EN + FLOOD_EN + "\n" + COOKIE_WALL_EN)
    chess = make_prepared("wall-chess", COOKIE_WALL_EN + CHESS_EN + "\n" + COOKIE_WALL_EN)
    assert not any("cookies" in s.text or "ROBOT" in s.text for s in flood.sentences + chess.sentences)
    assert not model.same_story(flood, chess)
    assert model.similarity(flood, chess) < 0.2
    assert model.similarity(flood, flood) >= 0.95


def test_only_a_cookie_wall_is_not_a_story(make_prepared: Make, model: SimilarityModel) -> None:
    wall = make_prepared("only-wall", COOKIE_WALL_EN)
    other = make_prepared("only-wall-2", COOKIE_WALL_EN)
    assert len(wall.sentences) == 0
    assert not model.same_story(wall, other)


def test_model_is_monotone_in_every_signed_feature(
    model: SimilarityModel, articles: dict[str, PreparedArticle]
) -> None:
    """More agreement in any "more similar" signal never lowers the score (and more of the
    template signal never raises it), from every pair of the invented stories."""
    for a in articles.values():
        for b in articles.values():
            features = pair_features(a, b)
            base = model.score(features)
            for name, sign in SIGNS.items():
                if sign:
                    for step in (0.05, 0.3, 1.0):
                        bumped = model.score({**features, name: features[name] + sign * step})
                        assert bumped >= base - 1e-12, (a.article_id, b.article_id, name, step)


def test_model_json_rejects_a_non_monotone_model(model: SimilarityModel) -> None:
    doc = json.loads(model.to_json())
    weights = np.asarray(doc["weights"])
    row = doc["features"].index("centroid")
    weights[row] = -np.abs(weights[row]) - 0.1
    with pytest.raises(ValueError, match="monotone"):
        model_from_json(json.dumps({**doc, "weights": weights.tolist()}))
    if "output" in doc:
        with pytest.raises(ValueError, match="monotone"):
            model_from_json(json.dumps({**doc, "output": [-1.0, *doc["output"][1:]]}))


def test_cached_terms_give_the_same_features(articles: dict[str, PreparedArticle]) -> None:
    """`prepare` caches the lead's terms; without them `similarity` recomputes the same."""
    en, de = articles["en"], articles["de"]
    assert en.terms == lead_terms([s.text for s in en.sentences])
    bare = pair_features(replace(en, terms=None), replace(de, terms=None))
    assert bare == pair_features(en, de)


def test_a_separate_title_is_compared_as_the_first_sentence(
    embedder: UniversalSentenceEncoder, model: SimilarityModel, articles: dict[str, PreparedArticle]
) -> None:
    """A title given apart from the body is embedded as a first sentence, marked a heading; a
    body that already starts with its title does not get it twice."""
    title, _, body = FLOOD_EN.partition("\n")

    def make(article_id: str, article_title: str | None, text: str) -> PreparedArticle:
        article = Article(
            article_id=article_id, source="Test Wire", title=article_title, body=text, language="en"
        )
        return prepare(article, embedder, AnalysisConfig())

    titled = make("titled", title, body)
    assert titled.sentences[0].text == title and titled.sentences[0].heading
    assert titled.title == title
    assert [s.text for s in titled.sentences] == [s.text for s in articles["en"].sentences]
    again = make("again", title, FLOOD_EN)
    assert [s.text for s in again.sentences] == [s.text for s in articles["en"].sentences]
    assert model.similarity(titled, articles["en"]) >= 0.95
