"""The processor's internal records, typed: what goes on newsmon-prepared, on
newsmon-assigned and into the story table.

Each is JSON with a version field `v` (see codec.py for why JSON).  A reader refuses a
version newer than it knows, loudly, instead of guessing at fields; records written
before the field existed have the layout of version 1 and are read as such (a new
owner folds the prepared log from its start, old records included).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from services.processor import codec

VERSION = 1


class BadRecord(ValueError):
    """An internal record this worker cannot read: a newer version, or a broken one."""


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article the intake prepared.  `embedded` is False for a draft the intake took
    for a copy (the global step embeds it if it is none); `publish_time` (the input
    record's timestamp) only travels along, to the latency metric."""

    seq: str | None
    received_at: float
    publish_time: float | None
    embedded: bool
    prepared: dict[str, Any]  # codec.prepared_to_dict
    type: str = field(default="prepared", init=False)


@dataclass(frozen=True, slots=True)
class Skip:
    """Keeps the publish numbering gap-free when an input was dead-lettered."""

    seq: str | None
    type: str = field(default="skip", init=False)


@dataclass(frozen=True, slots=True)
class GiveUp:
    """The owner's decision, written into the log, to stop waiting for number `expected`
    of run `run`: the fold releases what it holds there when it reads this record, so a
    rebuild makes the same decision at the same place (the wall clock is not folded)."""

    run: str
    expected: int
    type: str = field(default="give_up", init=False)


PreparedLogRecord = Prepared | Skip | GiveUp


@dataclass(frozen=True, slots=True)
class Assigned:
    """An article with its global decision, for its story's partition."""

    received_at: float
    publish_time: float | None
    prepared: dict[str, Any]  # codec.prepared_to_dict
    assignment: dict[str, Any]  # codec.assignment_to_dict
    clamped: bool = False  # its published_at was far ahead of the feed's clock (clock.py)
    type: str = field(default="article", init=False)


@dataclass(frozen=True, slots=True)
class Evict:
    """The story left the window: its memory may go (once nothing before this can be
    processed again)."""

    story_id: str
    type: str = field(default="evict", init=False)


AssignedRecord = Assigned | Evict


@dataclass(frozen=True, slots=True)
class StoryState:
    """A story's table value: its memory and the records of its last articles."""

    memory: dict[str, Any]  # codec.memory_to_dict
    outputs: dict[str, list[dict[str, Any]]]  # article id -> its records, oldest first
    type: str = field(default="story", init=False)


Record = PreparedLogRecord | AssignedRecord | StoryState

_KINDS: dict[str, type[Record]] = {
    "prepared": Prepared,
    "skip": Skip,
    "give_up": GiveUp,
    "article": Assigned,
    "evict": Evict,
    "story": StoryState,
}


def dumps(record: Record) -> bytes:
    """Shallow: the prepared article inside is already plain JSON (asdict would copy it)."""
    return codec.dumps({"v": VERSION, **{f.name: getattr(record, f.name) for f in fields(record)}})


def loads_prepared_log(data: bytes) -> PreparedLogRecord:
    record = _loads(data, default_type=None)
    if not isinstance(record, Prepared | Skip | GiveUp):
        raise BadRecord(f"not a prepared-log record: {type(record).__name__}")
    return record


def loads_assigned(data: bytes) -> AssignedRecord:
    record = _loads(data, default_type=None)
    if not isinstance(record, Assigned | Evict):
        raise BadRecord(f"not an assigned record: {type(record).__name__}")
    return record


def loads_story(data: bytes) -> StoryState:
    """Table values written before versioning had no `type`: they are story states."""
    record = _loads(data, default_type="story")
    if not isinstance(record, StoryState):
        raise BadRecord(f"not a story state: {type(record).__name__}")
    return record


def _loads(data: bytes, default_type: str | None) -> Record:
    try:
        doc = codec.loads(data)
    except ValueError as exc:
        raise BadRecord(f"not JSON: {exc}") from None
    if not isinstance(doc, dict):
        raise BadRecord("not a JSON object")
    version = doc.pop("v", 1)
    if not isinstance(version, int) or version > VERSION:
        raise BadRecord(f"record version {version!r}: this worker reads up to {VERSION} (upgrade it)")
    kind = _KINDS.get(doc.pop("type", default_type))
    if kind is None:
        raise BadRecord("unknown record type")
    try:
        return kind(**doc)
    except TypeError as exc:
        raise BadRecord(f"{kind.__name__}: {exc}") from None
