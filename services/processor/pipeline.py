"""What the agents and timers share: topics, the story table and the plain objects that
do the work (stages.py, global_log.py, inputs.py), built once per app."""

from __future__ import annotations

from collections.abc import AsyncIterator, Hashable
from dataclasses import dataclass
from pathlib import Path

import faust
from faust.types import TP

from services.alerts.delivery import AlertDelivery
from services.analysis.config import AnalysisConfig
from services.analysis.similarity import load_model
from services.config import Settings
from services.core import analysis_config
from services.observe import Metrics
from services.processor import faust_compat, messages
from services.processor.alerts_topic import AlertsTopic
from services.processor.global_log import GapWatch, PreparedLog
from services.processor.group_offsets import GroupOffsets
from services.processor.inputs import Inputs
from services.processor.intake_process import IntakeProcess
from services.processor.log_reader import LogRecord, log_start, read_log
from services.processor.messages import AssignedRecord, Evict
from services.processor.snapshots import Snapshots, fingerprint
from services.processor.stages import GlobalStep
from services.processor.tables import StoryTable, stories_table

GLOBAL_KEY = b"global"
# A prepared article (150 sentence vectors, base64) and a story's memory stay well under
# 1 MB, but the internal topics allow 8 MB so an outlier is never a crash.
MAX_RECORD_BYTES = 8 * 1024 * 1024
INTERNAL_TOPIC_CONFIG = {"max.message.bytes": str(MAX_RECORD_BYTES)}


@dataclass
class Pipeline:
    settings: Settings
    metrics: Metrics
    config: AnalysisConfig
    articles: faust.TopicT
    dlq: faust.TopicT
    prepared: faust.TopicT
    assigned: faust.TopicT
    stories: StoryTable
    intake: IntakeProcess
    prepared_log: PreparedLog
    gaps: GapWatch
    offsets: GroupOffsets
    inputs: Inputs
    delivery: AlertDelivery
    alerts_log: AlertsTopic

    @property
    def global_step(self) -> GlobalStep:
        return self.prepared_log.step

    @property
    def prepared_tp(self) -> TP:
        return TP(self.prepared.get_topic_name(), 0)


def build(app: faust.App, settings: Settings, metrics: Metrics) -> Pipeline:
    config = analysis_config(settings)
    intake = IntakeProcess(config, settings.max_body_bytes, settings.intake_processes, metrics.embedding)
    # ignore: analysis's StorySimilarity protocol declares same_story_threshold settable, the
    # model has it read-only (listed for the analysis owners)
    step = GlobalStep(config, load_model(), intake.embed_later, settings.clock_tolerance_hours)
    snapshots = _snapshots(app, settings, step)
    prepared = _internal_topic(app, f"{settings.app_id}-prepared", 1)
    assigned = _internal_topic(app, f"{settings.app_id}-assigned", settings.topic_partitions)
    offsets = GroupOffsets(settings)

    async def emit(released: list[AssignedRecord]) -> None:
        """The global step's outputs, each to its story's partition."""
        for out in released:
            story = out.story_id if isinstance(out, Evict) else out.assignment["story_id"]
            await send(assigned, story.encode(), messages.dumps(out))

    def read_prepared(start: int, upto: int) -> AsyncIterator[LogRecord]:
        return read_log(settings, prepared.get_topic_name(), upto, start)

    async def prepared_start() -> int:
        return await log_start(settings, prepared.get_topic_name())

    async def commit(done: dict[Hashable, int]) -> bool:
        return await faust_compat.commit(app, done)  # type: ignore[arg-type]

    async def crash(exc: BaseException) -> None:
        await app.crash(exc)

    stories = StoryTable(stories_table(app, settings, INTERNAL_TOPIC_CONFIG))
    inputs = Inputs(settings, offsets, commit, crash, metrics.records_read_from_log)
    inputs.on_commit(stories.committed)
    return Pipeline(
        settings=settings,
        metrics=metrics,
        config=config,
        articles=app.topic(settings.articles_topic, internal=False, acks=False),
        dlq=app.topic(settings.dlq_topic, internal=False),
        prepared=prepared,
        assigned=assigned,
        stories=stories,
        intake=intake,
        prepared_log=PreparedLog(step, read_prepared, prepared_start, emit, snapshots),
        gaps=GapWatch(lambda run, numbers: offsets.holds_unprepared(settings.articles_topic, run, numbers)),
        offsets=offsets,
        inputs=inputs,
        delivery=AlertDelivery(settings, on_retry=metrics.redis_retry, on_failure=metrics.redis_failure),
        alerts_log=AlertsTopic(settings, MAX_RECORD_BYTES),
    )


async def send(
    topic: faust.TopicT, key: bytes | str | None, value: bytes | None, headers: dict[str, str] | None = None
) -> None:
    """Hand a record to the producer without waiting for the broker: every commit flushes
    the producer first (faust_compat.commit), so an input is only ever marked done after
    its outputs are written (at-least-once) — and sends stay pipelined."""
    key_bytes = key.encode() if isinstance(key, str) else key
    encoded = None if headers is None else [(k, str(v).encode()) for k, v in headers.items()]
    await topic.send(key=key_bytes, value=value, headers=encoded)


def _snapshots(app: faust.App, settings: Settings, step: GlobalStep) -> Snapshots:
    """Snapshots of the global step in the worker's data directory (snapshots.py); they
    hold only for this code, these settings and this app's prepared log."""
    relevant = (analysis_config(settings), settings.clock_tolerance_hours, settings.app_id)
    directory = Path(app.conf.datadir) / "snapshots" / f"{settings.app_id}-prepared"
    return Snapshots(directory, fingerprint(repr(relevant)), settings.snapshot_every, step.shared)


def _internal_topic(app: faust.App, name: str, partitions: int) -> faust.TopicT:
    """One of the processor's own topics: Faust delivers it, newsmon commits it (acks off)."""
    return app.topic(name, partitions=partitions, internal=True, config=INTERNAL_TOPIC_CONFIG, acks=False)


def log_record(event: faust.EventT) -> LogRecord:
    """A Faust event as the handlers see it (the same as a record read from the log)."""
    headers = dict(event.headers or {})
    return LogRecord(
        offset=event.message.offset,
        key=event.key if isinstance(event.key, bytes | None) else str(event.key).encode(),
        value=event.value if isinstance(event.value, bytes | None) else str(event.value).encode(),
        headers=tuple((str(k), v if isinstance(v, bytes) else str(v).encode()) for k, v in headers.items()),
        timestamp=event.message.timestamp,
    )
