"""Wire contracts (pydantic v2).  The committed *.schema.json files are generated from
these models by `python -m schemas.generate`; a test keeps them in step."""

from schemas.alert import (
    ALERT_ADAPTER,
    Alert,
    AlertKind,
    DuplicateAlert,
    FigureChange,
    FigureChangedAlert,
    NewClaimAlert,
    NewStoryAlert,
    Observation,
    Qualifier,
)
from schemas.article import SEQ_HEADER, Article
from schemas.decision import Decision, DuplicateMethod

__all__ = [
    "ALERT_ADAPTER",
    "SEQ_HEADER",
    "Alert",
    "AlertKind",
    "Article",
    "Decision",
    "DuplicateAlert",
    "DuplicateMethod",
    "FigureChange",
    "FigureChangedAlert",
    "NewClaimAlert",
    "NewStoryAlert",
    "Observation",
    "Qualifier",
]
