"""`newsmon story` and `newsmon stories`: read the alert stream (nothing else: no new
storage, so they work for any stream history) and show what the alerts tell.

The stream is read in pages with XRANGE.  For one story the entries are filtered on their
plain `story_id` field before any JSON is parsed, so a long stream costs one pass of
small reads.  Exit codes as services/exits.py: 2 for a story id the stream does not
hold (or a prefix that matches several), 3 when Redis does not answer.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import AsyncIterator, Callable, Coroutine, Mapping
from typing import Any

from redis.asyncio import Redis

from schemas import Alert
from services import exits
from services.alerts.reach import RedisUnreachable, answering_client
from services.alerts.story import active, build_story, story_json, summarize, summary_json
from services.alerts.story_text import stories_lines, story_lines
from services.alerts.subscriber import parse_entry, running_stack_hint, stream_at
from services.config import Settings
from services.login_check import LoginRefused, check_redis_login

PAGE = 1_000


class StoryNotFound(LookupError):
    """No alert of that story (or the prefix is ambiguous); the message says what exists."""


async def stream_entries(client: Redis, stream: str) -> AsyncIterator[tuple[str, Mapping[str, str]]]:
    """Every entry of `stream`, oldest first, one page at a time."""
    start = "-"
    while True:
        page = await client.xrange(stream, min=start, max="+", count=PAGE) or []
        for entry_id, fields in page:
            yield _text(entry_id), {_text(k): _text(v) for k, v in (fields or {}).items()}
        if len(page) < PAGE:
            return
        start = _after(str(page[-1][0]))


def _text(value: bytes | str | None) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _after(entry_id: str) -> str:
    """The smallest id after `entry_id` (XRANGE's exclusive "(" needs Redis 6.2)."""
    milliseconds, _, sequence = entry_id.partition("-")
    return f"{milliseconds}-{int(sequence or 0) + 1}"


async def story_alerts(client: Redis, stream: str, story_id: str, where: str | None = None) -> list[Alert]:
    """The story's alerts in stream order; a unique prefix of its id will do.  `where`
    names the stream in the message when there is none (default: its name)."""
    found = await _alerts_of(client, stream, story_id)
    if found:
        return found
    ids: dict[str, int] = {}
    async for _, fields in stream_entries(client, stream):
        key = fields.get("story_id", "")
        ids[key] = ids.get(key, 0) + 1
    matches = sorted(key for key in ids if key.startswith(story_id))
    if len(matches) == 1:
        return await _alerts_of(client, stream, matches[0])
    if matches:
        raise StoryNotFound(f"{story_id!r} matches {len(matches)} stories: {', '.join(matches[:5])}")
    raise StoryNotFound(
        f"no alert of story {story_id!r} in stream {where or stream} ({sum(ids.values())} alerts of "
        f"{len(ids)} stories there; `newsmon stories` lists them)"
    )


async def _alerts_of(client: Redis, stream: str, story_id: str) -> list[Alert]:
    alerts: list[Alert] = []
    async for entry_id, fields in stream_entries(client, stream):
        if fields.get("story_id") == story_id and (alert := parse_entry(entry_id, fields)) is not None:
            alerts.append(alert)
    return alerts


async def all_alerts(client: Redis, stream: str) -> list[Alert]:
    return [
        a async for entry_id, fields in stream_entries(client, stream) if (a := parse_entry(entry_id, fields))
    ]


# The commands ---------------------------------------------------------------------------


def run_story(settings: Settings, story_id: str, json_output: bool) -> int:
    """`newsmon story STORY_ID`: the view on stdout, problems on stderr (one line)."""

    async def read() -> list[Alert]:
        client = await _connect(settings)
        try:
            return await story_alerts(client, settings.redis_stream, story_id, stream_at(settings))
        finally:
            await client.aclose()

    alerts = _run("story", settings, read)
    if isinstance(alerts, int):
        return alerts
    view = build_story(alerts)
    assert view is not None  # story_alerts raises rather than return nothing
    if json_output:
        print(json.dumps(story_json(view), ensure_ascii=False))
    else:
        print("\n".join(story_lines(view)))
    return exits.OK


def run_stories(settings: Settings, every: bool, json_output: bool) -> int:
    """`newsmon stories`: the active stories (all with `every`), most recent first."""

    async def read() -> list[Alert]:
        client = await _connect(settings)
        try:
            return await all_alerts(client, settings.redis_stream)
        finally:
            await client.aclose()

    alerts = _run("stories", settings, read)
    if isinstance(alerts, int):
        return alerts
    stories = summarize(alerts)
    shown = stories if every else active(stories, settings.window_hours)
    if json_output:
        for story in shown:
            print(json.dumps(summary_json(story), ensure_ascii=False))
    elif not stories:
        _say("stories", f"no alerts in stream {stream_at(settings)} yet{running_stack_hint(settings)}")
    else:
        print("\n".join(stories_lines(shown, settings.redis_stream, every, settings.window_hours)))
    return exits.OK


async def _connect(settings: Settings) -> Redis:
    await check_redis_login(settings)
    return await answering_client(settings)


def _run(
    command: str, settings: Settings, read: Callable[[], Coroutine[Any, Any, list[Alert]]]
) -> list[Alert] | int:
    """Run `read`; an exit code (after one line on stderr) when it cannot.  A story not
    found may be in a running stack's stream that this shell has no exports for."""
    try:
        return asyncio.run(read())
    except LoginRefused as error:
        _say(command, str(error))
        return exits.USAGE
    except StoryNotFound as error:
        _say(command, f"{error}{running_stack_hint(settings)}")
        return exits.USAGE
    except RedisUnreachable as error:
        _say(command, str(error))
        return exits.UNAVAILABLE


def _say(command: str, message: str) -> None:
    print(f"newsmon {command}: {message}", file=sys.stderr, flush=True)
