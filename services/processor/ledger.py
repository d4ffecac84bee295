"""Which input offsets are done, kept by newsmon itself rather than by Faust.

faust-streaming (0.15.3, and its master at the time of writing) decides what to commit
from the acks of its agents, and commits past records that are still being processed:
with several actors on one agent (the intake runs four) an unacked record at the
committed offset is passed over (`Consumer._new_offset` tests `min(acked) - committed
> 1`), and before a partition's first commit every record still in flight is.  A worker
killed in that moment loses the record for good: its offset is committed, its output
never written (the chaos run's "input committed, never decided").  Acks of records
skipped in a rebalance can move the commit past unprocessed records too.

So the processor's topics are consumed without Faust acks and this ledger decides what
is committed.  Per partition and per assignment (an *epoch*), starting at the offset
the group had committed when the epoch began (`base`):

* every offset is admitted once: a record Faust delivers again, or below `base`, is
  skipped; offsets Faust never delivered ("missed") are admitted with the record after
  them, for the caller to read from the log and handle first;
* an offset is finished once its handler returned (its outputs handed to the producer);
* the committable offset is the end of the finished prefix — never past a record that
  is admitted but unfinished, whatever order handlers finish in.

Pure bookkeeping (no Kafka), so it is tested exhaustively on its own.
"""

from __future__ import annotations

import itertools
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Ticket:
    """One admitted offset; hand it back to `finish` once the record is handled."""

    tp: Hashable
    epoch: int
    offset: int


@dataclass(frozen=True, slots=True)
class Admission:
    """What to handle, in order: `missed` offsets (read them from the log), then the
    delivered one.  No tickets: nothing to do (a re-delivery)."""

    missed: range
    tickets: tuple[Ticket, ...]


SKIP = Admission(range(0), ())


@dataclass(slots=True)
class _Partition:
    epoch: int
    base: int
    admitted: int  # every offset below is admitted (or below base)
    watermark: int  # every offset below is finished
    committed: int  # the last offset committed, at least base
    finished: set[int] = field(default_factory=set)  # finished offsets above the watermark


class OffsetLedger:
    def __init__(self) -> None:
        self._partitions: dict[Hashable, _Partition] = {}
        self._epochs = itertools.count(1)

    def begin(self, tp: Hashable, base: int) -> None:
        """A new epoch for `tp`: the group's committed offset is `base`."""
        self._partitions[tp] = _Partition(next(self._epochs), base, base, base, base)

    def end(self, tp: Hashable) -> None:
        """The partition was revoked: tickets of its epoch are ignored from now on."""
        self._partitions.pop(tp, None)

    def owns(self, tp: Hashable) -> bool:
        return tp in self._partitions

    def owned(self) -> list[Hashable]:
        return list(self._partitions)

    def admit(self, tp: Hashable, offset: int) -> Admission:
        part = self._partitions.get(tp)
        if part is None or offset < part.admitted:
            return SKIP
        missed = range(part.admitted, offset)
        part.admitted = offset + 1
        return Admission(missed, tuple(Ticket(tp, part.epoch, at) for at in range(missed.start, offset + 1)))

    def admit_upto(self, tp: Hashable, end: int) -> Admission:
        """Admit every offset below `end` that is not yet: records to read from the log
        when Faust does not deliver them (all of them `missed`)."""
        part = self._partitions.get(tp)
        if part is None or end <= part.admitted:
            return SKIP
        missed = range(part.admitted, end)
        part.admitted = end
        return Admission(missed, tuple(Ticket(tp, part.epoch, at) for at in missed))

    def finish(self, ticket: Ticket) -> None:
        part = self._partitions.get(ticket.tp)
        if part is None or part.epoch != ticket.epoch or ticket.offset < part.watermark:
            return
        part.finished.add(ticket.offset)
        while part.watermark in part.finished:
            part.finished.discard(part.watermark)
            part.watermark += 1

    def committable(self, tps: list[Hashable] | None = None) -> dict[Hashable, int]:
        """{tp: offset to commit} where the finished prefix moved past the last commit."""
        chosen = self._partitions.keys() if tps is None else [tp for tp in tps if self.owns(tp)]
        return {
            tp: part.watermark for tp in chosen if (part := self._partitions[tp]).watermark > part.committed
        }

    def committed(self, offsets: Mapping[Hashable, int]) -> None:
        for tp, offset in offsets.items():
            part = self._partitions.get(tp)
            if part is not None:
                part.committed = max(part.committed, offset)

    def position(self, tp: Hashable) -> tuple[int, int, int] | None:
        """(committed, finished up to, admitted up to), or None when not owned."""
        part = self._partitions.get(tp)
        return None if part is None else (part.committed, part.watermark, part.admitted)
