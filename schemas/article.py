"""The input contract: one news article as it arrives on `news.articles`."""

from __future__ import annotations

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StrictStr, field_validator

LANGUAGE_PATTERN = r"^[a-z]{2}$"
SEQ_HEADER = "newsmon-seq"
"""The Kafka header a replay numbers its records with, `<run>:<n>` in publish order: the
processor restores that order across partitions (optional; other producers leave it out)."""


class Article(BaseModel):
    """A news article.  `language` is detected when null; `published_at` orders replay."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    article_id: StrictStr = Field(min_length=1, max_length=256, description="Stable id; the Kafka key.")
    source: StrictStr = Field(min_length=1, max_length=256, description="Outlet or feed name.")
    url: StrictStr | None = Field(default=None, max_length=4096)
    title: StrictStr | None = Field(default=None, max_length=4096)
    body: StrictStr = Field(min_length=1, description="Article text; must contain non-space characters.")
    language: StrictStr | None = Field(
        default=None, pattern=LANGUAGE_PATTERN, description="ISO 639-1 code, or null to detect."
    )
    published_at: AwareDatetime | None = Field(default=None, description="RFC 3339 with offset.")

    @field_validator("body")
    @classmethod
    def _body_has_text(cls, body: str) -> str:
        if not body.strip():
            raise ValueError("body is blank (only whitespace)")
        return body

    @field_validator("article_id", "source")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value

    @field_validator("language", mode="before")
    @classmethod
    def _lowercase_language(cls, value: object) -> object:
        return value.lower() if isinstance(value, str) else value
