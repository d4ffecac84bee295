"""Inputs without a broker: what Faust delivers (with holes, repeats and stalls) becomes
each record handled once, in order where it matters, and commits of the handled prefix."""

import asyncio
from collections.abc import AsyncIterator, Hashable

import pytest

from services.config import Settings
from services.processor.inputs import Inputs
from services.processor.log_reader import LogRecord

TOPIC = "news.articles"
TP = (TOPIC, 0)


class FakeOffsets:
    def __init__(self, committed: int = 0, end: int | None = None) -> None:
        self.committed = committed
        self.asked = 0
        self.log_end = end

    async def end(self, tp: Hashable) -> int | None:
        return self.log_end

    async def base(self, tp: Hashable) -> int:
        self.asked += 1
        await asyncio.sleep(0)
        return self.committed


class Rig:
    def __init__(
        self, monkeypatch: pytest.MonkeyPatch, ordered: bool, committed: int = 0, end: int | None = None
    ) -> None:
        self.log = [LogRecord(n, b"k", f"v{n}".encode()) for n in range(50)]
        self.handled: list[int] = []
        self.commits: list[dict[Hashable, int]] = []
        self.offsets = FakeOffsets(committed, end)
        self.read: list[tuple[int, int]] = []
        self.counted: list[tuple[str, int]] = []

        async def read_log(
            _: Settings, topic: str, upto: int, start: int, part: int
        ) -> AsyncIterator[LogRecord]:
            self.read.append((start, upto))
            for record in self.log[start:upto]:
                yield record

        async def commit(offsets: dict[Hashable, int]) -> bool:
            self.commits.append(dict(offsets))
            return True

        async def crash(exc: BaseException) -> None:
            raise AssertionError(f"crashed: {exc}")

        async def handle(tp: Hashable, record: LogRecord) -> None:
            await asyncio.sleep(0)
            self.handled.append(record.offset)

        monkeypatch.setattr("services.processor.inputs.read_log", read_log)
        self.inputs = Inputs(
            Settings(), self.offsets, commit, crash, lambda r, n: self.counted.append((r, n))
        )  # type: ignore[arg-type]
        self.inputs.consume(TOPIC, handle, ordered=ordered)
        self.inputs.assigned({TP})

    async def deliver(self, *offsets: int) -> None:
        for offset in offsets:
            await self.inputs.deliver(TP, self.log[offset])


async def test_a_hole_is_read_from_the_log_before_the_record_after_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rig = Rig(monkeypatch, ordered=True, committed=3)
    await rig.deliver(3, 4, 9, 7, 10)  # 5..8 never delivered; 7 comes late
    assert rig.handled == [3, 4, 5, 6, 7, 8, 9, 10]
    assert rig.read == [(5, 9)]
    assert rig.counted == [("hole", 4)]
    await rig.inputs.commit()
    assert rig.commits == [{TP: 11}]


async def test_records_below_the_committed_offset_are_not_handled_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rig = Rig(monkeypatch, ordered=True, committed=20)
    await rig.deliver(18, 19, 20, 21)
    assert rig.handled == [20, 21]


async def test_concurrent_handlers_commit_only_the_finished_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    rig = Rig(monkeypatch, ordered=False)
    slow = asyncio.Event()

    async def handle(tp: Hashable, record: LogRecord) -> None:
        if record.offset == 0:
            await slow.wait()  # the record at the committed offset takes long
        rig.handled.append(record.offset)

    rig.inputs.consume(TOPIC, handle, ordered=False)
    first = asyncio.create_task(rig.inputs.deliver(TP, rig.log[0]))
    await asyncio.gather(*(rig.inputs.deliver(TP, rig.log[n]) for n in (1, 2, 3)))
    await rig.inputs.commit()
    assert rig.commits == []  # Faust would have committed 4 here
    slow.set()
    await first
    await rig.inputs.commit()
    assert rig.commits == [{TP: 4}]


async def test_a_stalled_partition_is_read_up_to_its_end(monkeypatch: pytest.MonkeyPatch) -> None:
    rig = Rig(monkeypatch, ordered=True)
    await rig.deliver(0)
    rig.inputs.stalls.after_seconds = 0.0
    await rig.inputs.unstall(lambda tp: 6)  # watched: nothing yet
    await rig.inputs.unstall(lambda tp: 6)  # still nothing delivered: read 1..5
    assert rig.handled == [0, 1, 2, 3, 4, 5]
    assert rig.counted == [("stall", 5)]
    await rig.deliver(3, 6)  # Faust catches up: only what is new is handled
    assert rig.handled == [0, 1, 2, 3, 4, 5, 6]


async def test_a_rebalance_during_the_start_of_an_assignment_drops_the_record(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rig = Rig(monkeypatch, ordered=True, committed=5)
    delivering = asyncio.create_task(rig.deliver(5))
    await asyncio.sleep(0)  # it is reading the committed offset
    await rig.inputs.revoked({TP})
    await delivering
    assert rig.handled == []
    rig.inputs.assigned({TP})
    await rig.deliver(5)
    assert rig.handled == [5]


async def test_a_revoke_commits_what_was_handled(monkeypatch: pytest.MonkeyPatch) -> None:
    rig = Rig(monkeypatch, ordered=True)
    await rig.deliver(0, 1)
    await rig.inputs.revoked({TP})
    assert rig.commits == [{TP: 2}]
    await rig.deliver(2)  # not this worker's any more
    assert rig.handled == [0, 1]


async def test_a_partition_that_never_got_a_record_is_watched_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """Faust may drop everything it fetched for a partition at the end of a rebalance."""
    rig = Rig(monkeypatch, ordered=False, committed=2)
    rig.inputs.stalls.after_seconds = 0.0
    await rig.inputs.unstall(lambda tp: 5)  # starts the assignment at the committed offset, watches
    await rig.inputs.unstall(lambda tp: 5)
    assert sorted(rig.handled) == [2, 3, 4]
    assert rig.offsets.asked == 1


async def test_a_partition_faust_never_fetched_is_read_up_to_the_brokers_end(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """After a takeover Faust may never fetch a partition: it then has no highwater, and
    the broker's log end stands in for it."""
    rig = Rig(monkeypatch, ordered=True, committed=2, end=6)
    rig.inputs.stalls.after_seconds = 0.0
    await rig.inputs.unstall(lambda tp: None)
    await rig.inputs.unstall(lambda tp: None)
    assert rig.handled == [2, 3, 4, 5]
    assert rig.counted == [("stall", 4)]


async def test_no_highwater_anywhere_reads_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    rig = Rig(monkeypatch, ordered=True, committed=2, end=None)
    rig.inputs.stalls.after_seconds = 0.0
    await rig.inputs.unstall(lambda tp: None)
    await rig.inputs.unstall(lambda tp: None)
    assert rig.handled == [] and rig.offsets.asked == 0
