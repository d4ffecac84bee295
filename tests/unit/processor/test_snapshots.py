"""Snapshots of the global step: a new owner restores the newest one and folds only the
records after it, with the outputs an uninterrupted owner gives; a snapshot of another
log, or of other code or settings, is not used."""

import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from services.analysis.config import AnalysisConfig
from services.analysis.embedding import UniversalSentenceEncoder
from services.analysis.prepare import Draft, PreparedArticle, embed, prepare
from services.analysis.similarity import load_model
from services.processor import messages
from services.processor.global_log import PreparedLog
from services.processor.log_reader import LogRecord
from services.processor.messages import AssignedRecord
from services.processor.snapshots import Snapshots
from services.processor.stages import GlobalStep, prepared_message
from tests.unit.processor.test_stages import ELECTION, FLOODS, article

T0 = datetime(2025, 3, 1, tzinfo=UTC)
CONFIG = AnalysisConfig()
BODIES = [FLOODS, ELECTION, FLOODS.replace("12", "19"), ELECTION + "\nA recount was ordered.", FLOODS]


def encoded_log(embedder: UniversalSentenceEncoder, count: int) -> list[bytes]:
    out = []
    for n in range(count):
        at = T0 + timedelta(minutes=n)
        prepared = prepare(article(f"a{n}", BODIES[n % len(BODIES)] + f"\nUpdate {n}.", at), embedder, CONFIG)
        out.append(messages.dumps(prepared_message(prepared, f"run:{n}", at.timestamp())))
    return out


class Owner:
    """A PreparedLog over an in-memory log, collecting what it emits."""

    def __init__(
        self, embedder: UniversalSentenceEncoder, log: list[bytes], directory: Path, code: str = "code-1"
    ) -> None:
        async def embed_later(drafted: Draft) -> PreparedArticle:
            return embed(drafted, embedder)

        self.step = GlobalStep(CONFIG, load_model(), embed_later)  # type: ignore[arg-type]
        self.snapshots = Snapshots(directory, code, 4, self.step.shared)
        self.log = log
        self.emitted: list[AssignedRecord] = []
        self.reads: list[tuple[int, int]] = []
        self.prepared_log = PreparedLog(self.step, self._read, self._start, self._emit, self.snapshots)

    async def _read(self, start: int, upto: int) -> AsyncIterator[LogRecord]:
        self.reads.append((start, upto))
        for offset in range(start, min(upto, len(self.log))):
            yield LogRecord(offset, b"global", self.log[offset])

    async def _start(self) -> int:
        return 0

    async def _emit(self, released: list[AssignedRecord]) -> None:
        self.emitted += released

    async def run(self, base: int) -> None:
        await self.prepared_log.begin(base)
        for offset in range(base, len(self.log)):
            await self.prepared_log.take(offset, self.log[offset])


async def test_a_new_owner_restores_the_snapshot_and_folds_the_rest(
    embedder: UniversalSentenceEncoder, tmp_path: Path
) -> None:
    log = encoded_log(embedder, 9)
    first = Owner(embedder, log, tmp_path)
    await first.run(0)
    first.snapshots.stop()
    # the one at 8 is skipped when the child writing the one at 4 is still at it (a busy machine)
    assert "snapshot-000000000000004.pickle" in {p.name for p in tmp_path.glob("*.pickle")}
    second = Owner(embedder, log, tmp_path)
    await second.run(6)  # committed at 6: the snapshot at 4, then records 4 and 5 folded
    assert second.reads == [(3, 4), (4, 6)]  # the snapshot's last record checked, then 4 and 5
    assert second.emitted == [out for out in first.emitted if _offset_of(first, out) >= 6]


async def test_a_snapshot_of_another_log_or_other_code_is_not_used(
    embedder: UniversalSentenceEncoder, tmp_path: Path
) -> None:
    log = encoded_log(embedder, 5)
    first = Owner(embedder, log, tmp_path)
    await first.run(0)
    first.snapshots.stop()
    same = Owner(embedder, log, tmp_path)
    await same.run(5)
    assert same.reads == [(3, 4), (4, 5)]  # the control: this one is used
    other_code = Owner(embedder, log, tmp_path, code="code-2")
    await other_code.run(5)
    assert other_code.reads == [(0, 5)]
    recreated = Owner(embedder, [*log[:3], log[0], *log[4:]], tmp_path)  # offset 3 holds another record
    await recreated.run(5)
    assert recreated.reads == [(3, 4), (0, 5)]


def _offset_of(owner: Owner, out: AssignedRecord) -> int:
    """The log offset whose record released `out` (articles are released in order here)."""
    ids = [messages.loads_prepared_log(v).prepared["article"]["article_id"] for v in owner.log]  # type: ignore[union-attr]
    target = getattr(out, "prepared", {}).get("article", {}).get("article_id")
    return ids.index(target) if target in ids else -1


class Slow:
    """Takes a second to pickle: the child writing it is still busy a moment later."""

    def __reduce__(self) -> tuple[type, tuple[()]]:
        time.sleep(1.0)
        return Slow, ()


def test_a_snapshot_due_while_the_last_is_being_written_waits_for_the_next(tmp_path: Path) -> None:
    snaps = Snapshots(tmp_path, "code-1", 10, {})
    snaps.save(Slow(), 10, b"a")
    assert not snaps.due(10)
    snaps.save(Slow(), 20, b"b")  # the first child is still pickling: skipped, still due
    assert snaps.due(20)
    snaps.stop()
    snaps.save(Slow(), 21, b"c")
    snaps.stop()
    assert sorted(p.name for p in tmp_path.glob("*.pickle")) == [
        "snapshot-000000000000010.pickle",
        "snapshot-000000000000021.pickle",
    ]
