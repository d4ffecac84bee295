"""`newsmon subscribe`: follow alerts from the Redis stream.

XREAD BLOCK on the stream rather than pub/sub: the stream is both the history and the
live feed, so `--from-start` cannot miss or repeat an alert at the seam between them,
and after a lost connection reading resumes after the last entry seen.  Without
`--from-start` the current end of the stream is looked up once and used as a concrete
id — XREAD's `$` would mean "the end at the time of this call" and skip whatever
arrived while Redis was away.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from collections.abc import AsyncIterator, Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any, get_args

from pydantic import ValidationError
from redis.asyncio import Redis
from redis.exceptions import ResponseError
from rich.console import Console
from rich.text import Text

from schemas import ALERT_ADAPTER, Alert, AlertKind, DuplicateAlert, FigureChangedAlert, NewClaimAlert
from schemas.alert import Observation
from services import exits
from services.alerts.delivery import TRANSIENT_ERRORS, Backoff, redis_client, redis_url
from services.alerts.reach import RedisUnreachable, answering_client
from services.analysis.alerts import QUALIFIER_WORDS
from services.config import Settings, redact_url
from services.embedded.local import read_state
from services.login_check import LoginRefused, check_redis_login
from services.observe import Metrics, default_metrics, serve_metrics

log = logging.getLogger(__name__)

KINDS: tuple[str, ...] = get_args(AlertKind)
_READ_COUNT = 100
_RECONNECT = Backoff(initial=0.2, cap=10.0)


@dataclass
class HistoryEnd:
    """Calls `report(shown)` once, when reading has passed the entry that was the last one
    when following began: the moment "the history" turns into "live"."""

    report: Callable[[int], None]
    last: tuple[int, int] | None = None  # None: not looked up yet
    shown: int = 0
    done: bool = False

    async def look_up(self, client: Redis, stream: str) -> None:
        if self.last is None:
            entries = await client.xrevrange(stream, count=1)
            self.last = _id_tuple(str(entries[0][0])) if entries else (0, 0)

    def passed(self, last_id: str) -> None:
        if not self.done and self.last is not None and _id_tuple(last_id) >= self.last:
            self.done = True
            self.report(self.shown)


def _id_tuple(entry_id: str) -> tuple[int, int]:
    milliseconds, _, sequence = entry_id.partition("-")
    return int(milliseconds), int(sequence or 0)


async def follow(
    settings: Settings,
    from_start: bool = False,
    kinds: Collection[str] | None = None,
    story: str | None = None,
    *,
    block_ms: int = 5_000,
    backoff: Backoff = _RECONNECT,
    metrics: Metrics | None = None,
    history: HistoryEnd | None = None,
) -> AsyncIterator[Alert]:
    """Alerts from the stream, oldest first, forever: the history first when `from_start`,
    then live ones.  Only `kinds` (all when empty) and only `story` (all when None).
    Survives Redis restarts: retries with backoff (logged, counted) and resumes after the last id.
    `history` (with `from_start`) is told when the history has been read."""
    metrics = metrics or default_metrics()
    stream = settings.redis_stream
    url = redact_url(redis_url(settings))
    client = redis_client(settings)
    wanted = frozenset(kinds or ())
    last_id: str | None = "0-0" if from_start else None
    history = history if from_start else None
    attempt = 0
    try:
        while True:
            try:
                if last_id is None:
                    last_id = await _stream_end(client, stream)
                if history is not None:
                    await history.look_up(client, stream)
                    history.passed(last_id)  # an empty history ends before the first (blocking) read
                response = await client.xread({stream: last_id}, count=_READ_COUNT, block=block_ms)
            except TRANSIENT_ERRORS as exc:
                metrics.subscriber_reconnect()
                wait = backoff.delay(attempt)
                attempt += 1
                reason = f"{type(exc).__name__}: {str(exc).rstrip('.')}"
                log.warning("Redis at %s: %s; reconnecting in %.1f s", url, reason, wait)
                await asyncio.sleep(wait)
                continue
            if attempt:
                log.warning("Redis at %s answers again; resuming after %s", url, last_id)
                attempt = 0
            for entry_id, fields in _entries(response):
                last_id = entry_id
                alert = _matching(entry_id, fields, wanted, story)
                if alert is not None:
                    metrics.alert_received(alert.kind)
                    if history is not None and not history.done:
                        history.shown += 1
                    yield alert
    finally:
        await client.aclose()


async def _stream_end(client: Redis, stream: str) -> str:
    """The id of the last entry ever added (not only the last one left), or 0-0."""
    try:
        info = await client.xinfo_stream(stream)
    except ResponseError as exc:
        if "no such key" in str(exc).lower():
            return "0-0"
        raise
    return str(info["last-generated-id"])


def _entries(response: Any) -> list[tuple[str, Mapping[str, str]]]:
    """XREAD's answer as (id, fields), for RESP2 (a list) and RESP3 (a dict) alike."""
    if not response:
        return []
    streams = response.items() if isinstance(response, Mapping) else response
    out: list[tuple[str, Mapping[str, str]]] = []
    for _, entries in streams:
        if entries and isinstance(entries[0], list) and len(entries) == 1:  # RESP3 nests once more
            entries = entries[0]
        out.extend((str(entry_id), fields) for entry_id, fields in entries)
    return out


def _matching(
    entry_id: str, fields: Mapping[str, str], kinds: frozenset[str], story: str | None
) -> Alert | None:
    """Filter on the plain fields first: no JSON parsing for alerts nobody asked for."""
    if kinds and fields.get("kind") not in kinds:
        return None
    if story is not None and fields.get("story_id") != story:
        return None
    return parse_entry(entry_id, fields)


def parse_entry(entry_id: str, fields: Mapping[str, str]) -> Alert | None:
    """The alert in a stream entry; None (logged) for an entry that holds none."""
    try:
        return ALERT_ADAPTER.validate_json(fields.get("json", ""))
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        log.warning("stream entry %s is not an alert, skipped: %s", entry_id, first["msg"])
        return None


# Human output ------------------------------------------------------------------------

_TAGS: dict[str, tuple[str, str]] = {
    "figure_changed": ("FIGURE", "bold yellow"),
    "new_claim": ("CLAIM", "bold cyan"),
    "new_story": ("NEW", "bold green"),
    "duplicate": ("COPY", "dim"),
}
_TAG_WIDTH = 8
COPY_METHODS = {"exact": "exact copy", "near": "near copy", "cross_lingual": "translation"}


def _one_line(text: str) -> str:
    """Sentences and titles may carry line breaks; an alert is one line."""
    return " ".join(text.split())


def format_number(value: float) -> str:
    """2000.0 → "2,000"; 2.5 → "2.5": the way a reader writes figures."""
    if value.is_integer():
        return f"{int(value):,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def format_observation(observation: Observation, unit: str | None) -> str:
    """The figure as a reporter writes it: "more than 5,000", "about 3.5 percent"."""
    text = QUALIFIER_WORDS[observation.qualifier] + format_number(observation.value)
    return f"{text} {unit}" if unit else text


def format_alert(alert: Alert) -> Text:
    """One readable line: a tag (coloured on a terminal), then what is new, from the
    alert's fields.  `format_alert(a).plain` is the line without colour."""
    tag, style = _TAGS[alert.kind]
    line = Text()
    line.append(tag.ljust(_TAG_WIDTH), style=style)  # a span: Text(style=) would colour the whole line
    title = _one_line(alert.story_title)
    source = _one_line(alert.source)
    if isinstance(alert, FigureChangedAlert):
        figure = alert.figure
        before, after = figure.previous, figure.current
        sources = before.source if before.source == after.source else f"{before.source} → {after.source}"
        line.append(title, style="bold")
        line.append(f" · {figure.measure}: ")
        line.append(format_observation(before, figure.unit))
        line.append(" → ")
        line.append(format_observation(after, figure.unit), style="bold")
        line.append(f" ({sources})", style="dim")
    elif isinstance(alert, NewClaimAlert):
        line.append(title, style="bold")
        line.append(f" · {source}: ")
        line.append(_one_line(alert.claim))
    elif isinstance(alert, DuplicateAlert):
        what = COPY_METHODS.get(alert.method, "copy")
        line.append(f"{source}: {what} of {alert.duplicate_of} ({alert.similarity:.2f})")
    else:
        line.append(title, style="bold")
        line.append(f" ({source})", style="dim")
    return line


# The command -------------------------------------------------------------------------


def run_subscribe(
    settings: Settings,
    kinds: Collection[str] | None,
    story: str | None,
    from_start: bool,
    json_output: bool,
) -> int:
    """`newsmon subscribe`: alerts on stdout until Ctrl-C (exit 0); on stderr, where it
    listens, when the history ends, and Redis trouble (exit 3 when Redis does not answer
    at start; later outages are waited out)."""
    unknown = sorted(set(kinds or ()) - set(KINDS))
    if unknown:
        _say(f"unknown kind {', '.join(unknown)} (one of: {', '.join(KINDS)})")
        return exits.USAGE
    logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="newsmon subscribe: %(message)s")
    serve_metrics(settings, "subscribe")
    try:
        asyncio.run(_subscribe(settings, kinds, story, from_start, json_output))
    except LoginRefused as exc:
        _say(str(exc))
        return exits.USAGE
    except RedisUnreachable as exc:
        _say(str(exc))
        return exits.UNAVAILABLE
    except KeyboardInterrupt:
        return exits.OK
    except BrokenPipeError:  # `newsmon subscribe | head`: the reader is done, so are we
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return exits.OK
    return exits.OK


def _say(message: str) -> None:
    print(f"newsmon subscribe: {message}", file=sys.stderr, flush=True)


async def _subscribe(
    settings: Settings, kinds: Collection[str] | None, story: str | None, from_start: bool, json_output: bool
) -> None:
    await check_redis_login(settings)  # a wrong password is a setup error, not an outage
    client = await answering_client(settings)  # nothing there: one line, exit 3
    try:
        held = int(await client.xlen(settings.redis_stream))
    finally:
        await client.aclose()
    _say(listening_line(settings, kinds, story, from_start))
    if not from_start:
        _say(
            f"new alerts only: the stream holds {held} (--from-start shows them first)"
            if held
            else empty_stream_note(settings)
        )
    history = HistoryEnd(lambda shown: _say(_history_note(settings, shown, held)))
    console = Console(highlight=False, soft_wrap=True)
    async for alert in follow(settings, from_start, kinds, story, history=history):
        if json_output:
            sys.stdout.write(alert.model_dump_json() + "\n")
            sys.stdout.flush()
        else:
            console.print(format_alert(alert))


def listening_line(
    settings: Settings, kinds: Collection[str] | None, story: str | None, history: bool
) -> str:
    """The first line: which Redis, which stream, which alerts."""
    which = ", ".join(sorted(kinds)) if kinds else "all kinds"
    stories = f"story {story}" if story else "all stories"
    start = "history first, then live" if history else "live"
    url = redact_url(redis_url(settings))
    return f"following stream {settings.redis_stream} at {url} ({which}, {stories}; {start})"


def _history_note(settings: Settings, shown: int, held: int) -> str:
    if shown:
        return f"history: {shown} alert(s) above; waiting for new ones (Ctrl-C stops)"
    if held:
        return f"history: none of the {held} alerts in the stream matches; waiting for new ones"
    return empty_stream_note(settings)


def empty_stream_note(settings: Settings) -> str:
    """An empty stream is often the wrong stream: point at a running stack or demo's one."""
    note = f"the stream {settings.redis_stream} is empty: no alert yet; waiting for new ones"
    return note + running_stack_hint(settings)


def running_stack_hint(settings: Settings) -> str:
    """ " (a running newsmon stack … writes to stream …: export …)" when a stack or demo runs
    on another Redis or stream than `settings` name (the exports were forgotten), else ""."""
    running = read_state(settings)
    if running is None:
        return ""
    same_redis = running.redis_url is None or running.redis_url == redis_url(settings)
    if same_redis and running.stream == settings.redis_stream:
        return ""
    exports = "; ".join(running.exports())
    return f" (a running {running.describe()} writes to stream {running.stream}: {exports})"


def stream_at(settings: Settings) -> str:
    """ "newsmon:alerts at redis://127.0.0.1:16379/0": which stream on which Redis (masked)."""
    return f"{settings.redis_stream} at {redact_url(redis_url(settings))}"
