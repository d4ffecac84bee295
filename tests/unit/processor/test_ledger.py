"""The offset ledger: nothing is committed past a record still being handled, whatever
Faust delivers (holes, re-deliveries) and in whatever order handlers finish."""

import random

from hypothesis import given
from hypothesis import strategies as st

from services.processor.ledger import OffsetLedger, Ticket

TP = ("articles", 2)


def test_a_record_in_flight_at_the_committed_offset_holds_the_commit() -> None:
    """The case Faust gets wrong: 27 is being prepared while 28-30 are done."""
    ledger = OffsetLedger()
    ledger.begin(TP, 27)
    tickets = [ledger.admit(TP, n).tickets[0] for n in (27, 28, 29, 30)]
    for ticket in tickets[1:]:
        ledger.finish(ticket)
    assert ledger.committable() == {}
    ledger.finish(tickets[0])
    assert ledger.committable() == {TP: 31}
    ledger.committed({TP: 31})
    assert ledger.committable() == {}


def test_records_faust_never_delivered_are_admitted_before_the_next_one() -> None:
    ledger = OffsetLedger()
    ledger.begin(TP, 5)
    admission = ledger.admit(TP, 9)
    assert admission.missed == range(5, 9)
    assert [t.offset for t in admission.tickets] == [5, 6, 7, 8, 9]
    assert ledger.admit(TP, 7).tickets == ()  # delivered late: already admitted
    assert ledger.admit(TP, 3).tickets == ()  # below the committed offset: done before


def test_tickets_of_an_earlier_assignment_are_ignored() -> None:
    ledger = OffsetLedger()
    ledger.begin(TP, 0)
    old = ledger.admit(TP, 0).tickets[0]
    ledger.end(TP)
    ledger.begin(TP, 0)
    ledger.finish(old)
    assert ledger.committable() == {}
    assert ledger.admit(TP, 0).tickets[0].epoch != old.epoch


def test_admit_upto_takes_what_faust_holds_back() -> None:
    ledger = OffsetLedger()
    ledger.begin(TP, 10)
    ledger.admit(TP, 10)
    admission = ledger.admit_upto(TP, 14)
    assert admission.missed == range(11, 14)
    assert ledger.admit(TP, 12).tickets == ()
    assert ledger.position(TP) == (10, 10, 14)


def test_a_partition_not_owned_is_skipped() -> None:
    ledger = OffsetLedger()
    assert ledger.admit(TP, 0).tickets == ()
    ledger.finish(Ticket(TP, 1, 0))
    assert ledger.committable() == {}


@given(
    base=st.integers(0, 50),
    steps=st.lists(st.integers(-5, 4), min_size=1, max_size=60),
    seed=st.integers(0, 2**32 - 1),
)
def test_the_commit_never_passes_an_unfinished_record(base: int, steps: list[int], seed: int) -> None:
    """Deliveries jump ahead (holes), repeat or go back; handlers finish in any order.
    Every offset from the base is admitted exactly once, and at every moment the
    committable offset is at most the smallest admitted offset not yet finished."""
    rng = random.Random(seed)
    ledger = OffsetLedger()
    ledger.begin(TP, base)
    offset, admitted, pending = base, [], []
    for step in steps:
        offset = max(0, offset + step)
        admission = ledger.admit(TP, offset)
        admitted += [t.offset for t in admission.tickets]
        pending += admission.tickets
        rng.shuffle(pending)
        for _ in range(rng.randrange(len(pending) + 1)):
            ledger.finish(pending.pop())
        commit = ledger.committable().get(TP)
        if commit is not None:
            assert all(commit <= t.offset for t in pending)
            ledger.committed({TP: commit})
    assert admitted == list(range(base, base + len(admitted)))  # each once, none skipped
    for ticket in pending:
        ledger.finish(ticket)
    position = ledger.position(TP)
    assert position is not None
    assert ledger.committable().get(TP, position[0]) == base + len(admitted)
