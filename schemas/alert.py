"""Alerts: what newsmon tells its users.  `alert_id` is the idempotency key everywhere."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, TypeAdapter

from schemas.decision import DuplicateMethod

Qualifier = Literal["exact", "about", "at_least", "more_than", "at_most", "less_than"]
AlertKind = Literal["new_story", "duplicate", "new_claim", "figure_changed"]


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Observation(_Frozen):
    """One reading of a figure: the number, how it was hedged, and where it was said."""

    value: float
    qualifier: Qualifier
    text: str = Field(description="The sentence the figure was read from.")
    article_id: str
    source: str


class FigureChange(_Frozen):
    measure: str = Field(description='Canonical English measure, e.g. "killed".')
    unit: str | None = None
    previous: Observation
    current: Observation


class _AlertBase(_Frozen):
    record: Literal["alert"] = "alert"
    alert_id: str
    story_id: str
    story_title: str
    article_id: str
    source: str
    language: str
    published_at: AwareDatetime | None
    detected_at: AwareDatetime
    summary: str = Field(description="One human-readable line.")


class NewStoryAlert(_AlertBase):
    kind: Literal["new_story"] = "new_story"


class DuplicateAlert(_AlertBase):
    kind: Literal["duplicate"] = "duplicate"
    duplicate_of: str
    method: DuplicateMethod
    similarity: float = Field(ge=0.0, le=1.0)


class NewClaimAlert(_AlertBase):
    kind: Literal["new_claim"] = "new_claim"
    claim: str = Field(description="The claim's sentence as written in the article.")


class FigureChangedAlert(_AlertBase):
    kind: Literal["figure_changed"] = "figure_changed"
    figure: FigureChange


Alert = Annotated[
    NewStoryAlert | DuplicateAlert | NewClaimAlert | FigureChangedAlert,
    Field(discriminator="kind"),
]
ALERT_ADAPTER: TypeAdapter[Alert] = TypeAdapter(Alert)
