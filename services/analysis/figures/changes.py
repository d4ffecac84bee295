"""Did a figure change?  Within a story each measure is one running value.

A story keeps one *slot* per measure ("killed", "civilians killed", "missing"), holding
the latest reading, whatever the language, outlet or phrasing that stated it: "more than
two hundred people injured" and a later "Plus de 240 personnes ont été blessées" are one
value that moved.  A measure is split into further slots only on evidence in the text:
a reading whose part of its sentence names a place the story never named before (a
neighbouring province, another country) counts that place, and keeps its own running
value, which later readings naming that place update.  A tally over a period ("1,800
have died on the route so far this year") is a statistic of many events: it keeps its own
running value too, apart from the event's count.  Daily counts and increments never reach
this stage (the extraction drops them), and a different group is a different measure
("civilians killed").  People "forced to leave their homes" and evacuees are one running
value (KIN): outlets tell one evacuation both ways.

A reading that restates a value the slot already had (an outlet repeating an older
toll) is not news, unless its sentence says the count was corrected ("revised down");
neither is a hedge alone ("about 300" -> "300").
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Final

from schemas import FigureChange, Observation
from services.analysis.figures.extract import Figure


@dataclass(slots=True)
class FigureSlot:
    """One running value of a story: a measure, where it was counted, and its history."""

    measure: str
    unit: str | None
    places: frozenset[str]  # folded place names of the readings it holds
    latest: Observation
    values: list[float] = field(default_factory=list)  # every value it held, oldest first
    groups: set[str] = field(default_factory=set)  # other names it was told under (_group_kin)
    tally: bool = False  # it counts a period's events ("so far this year"), not the story's event


@dataclass(frozen=True, slots=True)
class Reading:
    figure: Figure
    places: frozenset[str]  # folded places named in the figure's part of its sentence
    observation: Observation
    corrected: bool = False  # its sentence says a count was corrected ("revised down to 2")


CUMULATIVE: Final = frozenset({"killed", "injured", "casualties", "arrested", "rescued", "affected"})
"""Counts that only grow as a story unfolds; missing, evacuated or hospitalized also fall."""
KIN: Final = {"displaced": "evacuated", "evacuated": "displaced"}
"""A reading updates its kin's slot when the story has none of its own; the slot is then
counted as evacuated (see update): what outlets that saw people leave in a disaster say."""
PART_RATIO: Final = 0.5  # a cumulative count below half the running value is a part of it
NATIONALITY_MARK: Final = "@"  # before a nationality among a reading's places: "@italiens" counts Italians


def slot_for(slots: list[FigureSlot], reading: Reading, known: frozenset[str]) -> FigureSlot | None:
    """The slot a reading updates, or None when it opens a new one.

    A reading is matched to the slot counted in a place it names.  Otherwise it updates
    the measure's first slot, unless it is a *part* of it: a count below that slot's said
    in a place the story never named (after a preposition: "in the neighbouring province
    of Lomo"; a spokesman's or a ministry's name says nothing of where), or a count that
    only grows falling below half the running total ("four civilians killed in the
    airstrike" in a story of 20).  A part updates the part slot closest in value, or
    opens one.  (A higher count naming a new place is read as an update: the names of
    regions and countries differ between languages, "Bayern"/"Baviera".)"""
    fig = reading.figure
    slots = [s for s in slots if s.tally == fig.tally]  # a period's tally is never the event's count
    same = [s for s in slots if fig.measure in (s.measure, *s.groups) and s.unit == fig.unit]
    if not same and (kin := _kin(fig.measure)) is not None:
        same = [s for s in slots if s.measure == kin and s.unit == fig.unit]
    if not same:
        same = _group_kin(slots, fig)
    if not same:
        return None
    located = next((s for s in same if s.places & reading.places), None) if reading.places else None
    if located is not None:
        return located
    main = same[0]
    if not _part_of(main, reading, known):
        return main
    parts = [s for s in same[1:] if not s.places or not reading.places]
    return min(parts, key=lambda s: _distance(s.latest.value, fig.value), default=None)


def base_measure(measure: str) -> str:
    """The measure without its group: "students hospitalized" -> "hospitalized"."""
    return measure.rsplit(" ", 1)[-1]


def _kin(measure: str) -> str | None:
    """The other name a story may count the same people under: "forced to leave their homes"
    (displaced) and "evacuated" are one count in a flood, a fire or a leak, whichever an
    outlet wrote first."""
    group, _, base = measure.rpartition(" ")
    kin = KIN.get(base)
    return None if kin is None else f"{group} {kin}".strip()


def _group_kin(slots: list[FigureSlot], fig: Figure) -> list[FigureSlot]:
    """The story's only slot of the same measure under another group (or none), when the
    reading is not below it: outlets name the people of one count as they please ("23
    students in hospital" after "23 in hospital", "16 rescued" after "seven children
    rescued").  A smaller count is a part of it, not a new value of it."""
    if " " not in fig.measure:
        return []  # a plain count after a group's is most often the whole, another count
    base = base_measure(fig.measure)
    kin = [s for s in slots if base_measure(s.measure) == base and s.unit == fig.unit]
    if len(kin) != 1 or kin[0].measure != base or fig.value < kin[0].latest.value:
        return []
    return kin


def _part_of(main: FigureSlot, reading: Reading, known: frozenset[str]) -> bool:
    value, total = reading.figure.value, main.latest.value
    if value >= total or reading.corrected:
        return False  # a count said to correct the running value is that value ("… not eight")
    new_place = bool(reading.places) and not reading.places <= known  # not any name: a spokesman's
    base = base_measure(reading.figure.measure)
    return new_place or (base in CUMULATIVE and value < PART_RATIO * total)


def _continues(slot: FigureSlot, value: float) -> bool:
    """A count that falls and rises (missing, in hospital, evacuated) may come back to a value
    it once had: when it moves on the way its last move went ("23 in hospital" after 23, 31,
    27), that is its course, not an older figure repeated (which would turn it back)."""
    if base_measure(slot.measure) in CUMULATIVE or len(slot.values) < 2:
        return False
    last, before = slot.values[-1], slot.values[-2]
    return (value - last) * (last - before) > 0


def _evacuated(slot: str, reading: str) -> str:
    """The name of a count told both as evacuated and as displaced: evacuated."""
    return slot if slot.endswith("evacuated") else reading


def _distance(a: float, b: float) -> float:
    return abs(math.log(max(a, 1.0) / max(b, 1.0)))


def update(
    slots: list[FigureSlot], slot: FigureSlot | None, reading: Reading, limit: int
) -> FigureChange | None:
    """Fold one reading into its slot (from `slot_for`; None opens one); the change, if news."""
    value = reading.figure.value
    if slot is None:
        if len(slots) < limit:
            fig = reading.figure
            slots.append(
                FigureSlot(
                    fig.measure, fig.unit, reading.places, reading.observation, [value], tally=fig.tally
                )
            )
        return None
    slot.places |= reading.places  # where this value is counted, as outlets name it
    named = reading.figure.measure
    if named != slot.measure and base_measure(named) == base_measure(slot.measure):
        slot.groups.add(named)  # its group kin: the change is told as the outlet names it
    elif named != slot.measure:  # its kin: "displaced" and "evacuated" are one count
        slot.measure = named = _evacuated(slot.measure, named)
    if value == slot.latest.value:
        return None  # the current value again
    if value in slot.values and not (reading.corrected or _continues(slot, value)):
        return None  # an older value an outlet repeats (not corrects)
    change = FigureChange(measure=named, unit=slot.unit, previous=slot.latest, current=reading.observation)
    slot.latest = reading.observation
    slot.values.append(value)
    return change
