"""One decision per processed article: which story it joined and whether it is a copy."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

DuplicateMethod = Literal["exact", "near", "cross_lingual"]


class Decision(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    record: Literal["decision"] = "decision"
    article_id: str
    story_id: str
    language: str
    duplicate_of: str | None = None
    method: DuplicateMethod | None = None
    similarity: float | None = Field(default=None, ge=0.0, le=1.0)
    # published_at was far ahead of the feed's clock: processed at the clock instead
    event_time_clamped: bool = False
