"""Did a figure change?  Each story keeps *figure slots*: one per fact it has counted
("killed since the offensive began", "killed in the airstrike"), holding the latest
reading.  A new reading updates the slot it talks about, found by its measure and by
the context it is said in; different events in one story keep different slots.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from schemas import Observation
from services.analysis.figures import Figure

# Closeness in value breaks ties between slots whose contexts are alike: tolls move
# by tens of percent between versions, not by orders of magnitude.
VALUE_DISTANCE_WEIGHT = 0.1


@dataclass(slots=True)
class FigureSlot:
    measure: str
    unit: str | None
    context: NDArray[np.floating]  # float16 in a story's memory: half the table size
    latest: Observation


@dataclass(frozen=True, slots=True)
class Reading:
    figure: Figure
    context: NDArray[np.float32]
    observation: Observation


def family(measure: str) -> str:
    """ "civilians killed" and "killed" count the same kind of event."""
    return measure.rsplit(" ", 1)[-1]


def _score(slot: FigureSlot, reading: Reading) -> float:
    cosine = float(slot.context @ reading.context)
    ratio = abs(math.log(max(reading.figure.value, 1e-9) / max(slot.latest.value, 1e-9)))
    return cosine - VALUE_DISTANCE_WEIGHT * min(ratio, 5.0)


def already_known(slots: list[FigureSlot], reading: Reading, min_cosine: float) -> bool:
    """The same number for the same kind of event in a like context is a restatement,
    even when the phrasing shifts the measure ("four killed" / "four civilian deaths")."""
    fam = family(reading.figure.measure)
    return any(
        family(s.measure) == fam
        and s.latest.value == reading.figure.value
        and float(s.context @ reading.context) >= min_cosine
        for s in slots
    )


def matching_slot(slots: list[FigureSlot], reading: Reading, min_cosine: float) -> FigureSlot | None:
    """The slot this reading updates: same measure and unit, like context, closest value."""
    fig = reading.figure
    candidates = [
        s
        for s in slots
        if s.measure == fig.measure
        and s.unit == fig.unit
        and float(s.context @ reading.context) >= min_cosine
    ]
    return max(candidates, key=lambda s: _score(s, reading), default=None)


def changed(slot: FigureSlot, reading: Reading) -> bool:
    """A new value; a hedge alone ("about 300" → "300") is not news."""
    return slot.latest.value != reading.figure.value
