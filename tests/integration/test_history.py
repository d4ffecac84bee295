"""`newsmon story` and `newsmon stories` read the Redis alert stream only: alerts
delivered the way the worker delivers them, then the real commands.  Every test has its
own stream."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
import redis.asyncio as aioredis

from schemas import Alert
from services.alerts import history
from services.alerts.delivery import AlertDelivery
from services.config import Settings
from services.embedded.local import state_path
from services.embedded.process import free_port
from tests.unit.alerts.test_story import STORY, alert, seed_like
from tests.unit.embedded.test_local import state

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
async def mine(settings: Settings, unique_name: Callable[[str], str]) -> AsyncIterator[Settings]:
    """A stream of the test's own, holding the seed-like story and one other."""
    names = {"redis_stream": unique_name("stream"), "redis_channel": unique_name("ch")}
    mine = settings.model_copy(update=names)
    other = alert("new_story", "x0", "Other", 1, story_id="story-0ther", title="Port strike")
    async with AlertDelivery(mine) as delivery:
        await delivery.deliver_all([*seed_like(), other])
    yield mine


async def newsmon(
    mine: Settings, *args: str, redis_url: str | None = None, stack_dir: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """The command, with the stream's settings and the test session's stack directory (a
    user's running stack would otherwise add its exports to the messages)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSMON_")} | {
        "NEWSMON_REDIS_URL": redis_url or mine.redis_url_value() or "",
        "NEWSMON_REDIS_STREAM": mine.redis_stream,
        "NEWSMON_STACK_DIR": str(stack_dir or os.environ["NEWSMON_STACK_DIR"]),
    }
    argv = [sys.executable, "-m", "services.cli", *args]
    return await asyncio.to_thread(
        subprocess.run, argv, capture_output=True, text=True, cwd=ROOT, env=env, timeout=60
    )


async def test_story_shows_the_figure_history_from_the_stream(mine: Settings) -> None:
    run = await newsmon(mine, "story", STORY)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "Aleppo bombings"
    assert "  killed: more than 300 (Wire, 06:00) → at least 311 (EFE, 14:45)" in lines
    assert "Port strike" not in run.stdout  # the other story stays out


async def test_story_json_and_a_prefix(mine: Settings) -> None:
    run = await newsmon(mine, "story", STORY[:10], "--json")
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    assert doc["story_id"] == STORY
    assert [h["value"] for h in doc["figures"][0]["history"]] == [300, 311]
    assert [a["article_id"] for a in doc["articles"]] == ["a0", "a1", "a2", "a4"]


async def test_an_unknown_or_ambiguous_story_is_one_line_and_exit_2(mine: Settings) -> None:
    unknown = await newsmon(mine, "story", "story-nope")
    assert unknown.returncode == 2 and unknown.stdout == ""
    assert unknown.stderr == (
        f"newsmon story: no alert of story 'story-nope' in stream {mine.redis_stream} at "
        f"{mine.redis_url_value()} (7 alerts of 2 "
        "stories there; `newsmon stories` lists them)\n"
    )
    ambiguous = await newsmon(mine, "story", "story-")
    assert ambiguous.returncode == 2 and "matches 2 stories" in ambiguous.stderr


async def test_stories_lists_them_most_recent_first(mine: Settings) -> None:
    run = await newsmon(mine, "stories", "--json")
    assert run.returncode == 0, run.stderr
    listed = [json.loads(line) for line in run.stdout.splitlines()]
    assert [(s["story_id"], s["articles"]) for s in listed] == [(STORY, 4), ("story-0ther", 1)]
    text = await newsmon(mine, "stories")
    assert text.stdout.splitlines()[1].split()[0] == STORY


async def test_an_empty_stream_names_its_redis_and_a_running_stacks_exports(
    mine: Settings, tmp_path: Path
) -> None:
    """The usual mistake: a stack runs, but this shell has not run its export lines, so
    `stories` and `story` read another Redis or stream and find nothing."""
    empty = mine.model_copy(update={"redis_stream": f"{mine.redis_stream}:empty"})
    url = mine.redis_url_value()
    alone = await newsmon(empty, "stories", stack_dir=tmp_path)
    assert alone.returncode == 0 and alone.stdout == ""
    assert alone.stderr == f"newsmon stories: no alerts in stream {empty.redis_stream} at {url} yet\n"

    stack = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", "newsmon"])
    try:
        deadline = time.monotonic() + 5
        while not Path(f"/proc/{stack.pid}/cmdline").read_bytes() and time.monotonic() < deadline:
            time.sleep(0.01)
        state_path(Settings(stack_dir=str(tmp_path))).write_text(
            json.dumps(state(stack.pid).__dict__), encoding="utf-8"
        )
        hint = (
            f" (a running newsmon stack (pid {stack.pid}): Kafka 127.0.0.1:19092, Redis "
            "redis://127.0.0.1:16379/0 writes to stream newsmon:alerts: export "
            "NEWSMON_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:19092; export NEWSMON_REDIS_URL=redis://127.0.0.1:16379/0)\n"
        )
        stories = await newsmon(empty, "stories", stack_dir=tmp_path)
        assert stories.returncode == 0
        assert (
            stories.stderr == f"newsmon stories: no alerts in stream {empty.redis_stream} at {url} yet{hint}"
        )
        story = await newsmon(empty, "story", STORY, stack_dir=tmp_path)
        assert story.returncode == 2 and story.stdout == ""
        assert story.stderr.startswith(
            f"newsmon story: no alert of story '{STORY}' in stream {empty.redis_stream}"
        )
        assert story.stderr.endswith(f"`newsmon stories` lists them){hint}")
    finally:
        stack.kill()
        stack.wait()


async def test_without_redis_story_fails_in_one_line(mine: Settings) -> None:
    url = f"redis://127.0.0.1:{free_port()}/0"
    run = await newsmon(mine, "story", STORY, redis_url=url)
    assert run.returncode == 3 and run.stdout == ""
    assert run.stderr.startswith(f"newsmon story: Redis at {url} does not answer (")
    assert run.stderr.count("\n") == 1


async def test_long_streams_are_read_page_by_page(
    mine: Settings, redis_client: aioredis.Redis, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(history, "PAGE", 2)  # 7 entries: four pages, the last one short
    alerts: list[Alert] = await history.story_alerts(redis_client, mine.redis_stream, STORY)
    assert [a.alert_id for a in alerts] == [a.alert_id for a in seed_like()]
    assert len(await history.all_alerts(redis_client, mine.redis_stream)) == 7
