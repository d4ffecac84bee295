"""What `newsmon subscribe` says on stderr: where it listens (password masked), and a
pointer to the right stream when the one it follows is empty."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from services.alerts.subscriber import empty_stream_note, listening_line
from services.config import Settings
from services.embedded.local import state_path
from tests.unit.embedded.test_local import state


def test_the_first_line_names_redis_without_its_password_and_the_stream() -> None:
    settings = Settings(redis_url="redis://:S3cr3tPW@cache:6380/2", redis_stream="newsmon:alerts")
    line = listening_line(settings, ["new_claim", "figure_changed"], "story-1", True)
    assert line == (
        "following stream newsmon:alerts at redis://:***@cache:6380/2 "
        "(figure_changed, new_claim, story story-1; history first, then live)"
    )
    assert "S3cr3tPW" not in line


@pytest.fixture
def live_newsmon() -> Iterator[int]:
    """A live process whose command line says newsmon (as a running stack's does)."""
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", "newsmon"])
    deadline = time.monotonic() + 5
    while not Path(f"/proc/{holder.pid}/cmdline").read_bytes() and time.monotonic() < deadline:
        time.sleep(0.01)
    yield holder.pid
    holder.kill()
    holder.wait()


def test_an_empty_stream_points_at_the_stream_a_running_demo_writes(
    tmp_path: Path, live_newsmon: int
) -> None:
    settings = Settings(stack_dir=str(tmp_path), redis_url="redis://127.0.0.1:16379/0")
    demo = state(live_newsmon, kind="demo", stream="newsmon:demo-ab12cd:alerts")
    state_path(settings).write_text(json.dumps(demo.__dict__), encoding="utf-8")
    assert empty_stream_note(settings) == (
        "the stream newsmon:alerts is empty: no alert yet; waiting for new ones (a running newsmon demo "
        f"(pid {live_newsmon}): Kafka 127.0.0.1:19092, Redis redis://127.0.0.1:16379/0 writes to stream "
        "newsmon:demo-ab12cd:alerts: export NEWSMON_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:19092; export "
        "NEWSMON_REDIS_URL=redis://127.0.0.1:16379/0; export NEWSMON_REDIS_STREAM=newsmon:demo-ab12cd:alerts)"
    )


def test_an_empty_stream_that_is_the_stacks_own_is_just_empty(tmp_path: Path, live_newsmon: int) -> None:
    settings = Settings(stack_dir=str(tmp_path), redis_url="redis://127.0.0.1:16379/0")
    state_path(settings).write_text(json.dumps(state(live_newsmon).__dict__), encoding="utf-8")
    assert (
        empty_stream_note(settings)
        == "the stream newsmon:alerts is empty: no alert yet; waiting for new ones"
    )
