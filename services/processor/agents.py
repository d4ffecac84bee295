"""The Faust agents: each hands its records to `Inputs.deliver`, which calls the handler
below once per record and offset (holes and stalls read from the log), and commits.

    news.articles ─► intake (parse, validate, prepare: stateless, any worker, 2 per child)
                   ─► newsmon-prepared (1 partition) ─► assign (the global fold, one owner)
                   ─► newsmon-assigned (key story_id) ─► compare with the story (table)
                   ─► news.alerts + Redis
"""

from __future__ import annotations

import logging
import time
from collections.abc import Hashable
from datetime import UTC, datetime

import faust

from schemas import SEQ_HEADER, Decision
from services.processor import messages
from services.processor.log_reader import LogRecord
from services.processor.messages import Evict
from services.processor.pipeline import GLOBAL_KEY, Pipeline, log_record, send
from services.processor.stages import BadInput, dead_letter, skip_message, story_step

log = logging.getLogger("newsmon.worker")


def register(app: faust.App, p: Pipeline) -> None:
    inputs = p.inputs
    inputs.consume(p.articles.get_topic_name(), lambda tp, r: intake(p, r), ordered=False)
    inputs.consume(p.prepared.get_topic_name(), lambda tp, r: assign(p, r), True, lambda tp, b: begin(p, b))
    inputs.consume(p.assigned.get_topic_name(), lambda tp, r: compare(p, tp, r), ordered=True)

    @app.agent(p.articles, concurrency=p.intake.in_flight)
    async def intake_agent(stream: faust.StreamT) -> None:
        async for event in stream.events():
            await p.inputs.deliver(event.message.tp, log_record(event))

    @app.agent(p.prepared)
    async def assign_agent(stream: faust.StreamT) -> None:
        async for event in stream.events():
            await p.inputs.deliver(event.message.tp, log_record(event))

    @app.agent(p.assigned)
    async def compare_agent(stream: faust.StreamT) -> None:
        async for event in stream.events():
            await p.inputs.deliver(event.message.tp, log_record(event))


async def intake(p: Pipeline, record: LogRecord) -> None:
    """An input record → one prepared record (or a dead letter and a skip record)."""
    seq = _header(record, SEQ_HEADER)
    try:
        with p.metrics.stage("intake", expected=(BadInput,)):
            language, message = await p.intake.prepare(record.value, seq, record.timestamp)
        p.metrics.article_consumed(language)
    except BadInput as bad:
        await _dead_letter(p, record, bad)
        message = messages.dumps(skip_message(seq))
        log.warning("dead-lettered message at offset %s: %s", record.offset, bad.reason)
    try:
        await send(p.prepared, GLOBAL_KEY, message)
    except faust.exceptions.ProducerSendError as exc:  # e.g. a record over the size limit
        await _dead_letter(p, record, BadInput("internal_error", f"prepared record not sent: {exc}"[:500]))
        await send(p.prepared, GLOBAL_KEY, messages.dumps(skip_message(seq)))


async def _dead_letter(p: Pipeline, record: LogRecord, bad: BadInput) -> None:
    p.metrics.dead_letter(bad.reason)
    value, headers = dead_letter(record.value, bad)
    await send(p.dlq, record.key, value, headers)


async def begin(p: Pipeline, base: int) -> None:
    """This worker now holds the prepared log: fold it up to the committed offset."""
    await p.prepared_log.begin(base)
    p.metrics.index_size(p.global_step.index.story_count, len(p.global_step.index))


async def assign(p: Pipeline, record: LogRecord) -> None:
    with p.metrics.stage("assign"):
        await p.prepared_log.take(record.offset, record.value)
    p.metrics.index_size(p.global_step.index.story_count, len(p.global_step.index))


async def compare(p: Pipeline, tp: Hashable, record: LogRecord) -> None:
    message = messages.loads_assigned(record.value or b"")
    key = record.key or b""
    if isinstance(message, Evict):
        p.stories.evict_after_commit(tp, record.offset, key)
        return
    with p.metrics.stage("compare"):
        new_state, records = story_step(p.stories.get(key), message, p.config, datetime.now(UTC))
    if new_state is None:  # a replayed article of an evicted story: already done
        return
    duplicate = message.assignment["duplicate"]  # [original, method, similarity] | None
    p.metrics.decision(message.assignment["new_story"], duplicate[1] if duplicate else None)
    if message.clamped:
        p.metrics.event_time_clamped()
    alerts = [r for r in records if not isinstance(r, Decision)]
    for alert in alerts:
        p.metrics.alert_raised(alert.kind)
    if alerts:  # the deliver stage is timed for articles that raise something
        with p.metrics.stage("deliver"):
            written = await p.delivery.deliver_all(alerts)
        delivered_at = time.time()
        for alert, fresh in zip(alerts, written, strict=True):
            p.metrics.alert_delivered(alert.kind, fresh, message.publish_time, delivered_at)
    await p.alerts_log.write(key, [r.model_dump_json().encode() for r in records])
    p.stories.set(key, new_state)


def _header(record: LogRecord, name: str) -> str | None:
    for key, value in record.headers:
        if key == name:
            return value.decode("utf-8", "replace")
    return None
