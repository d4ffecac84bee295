"""`newsmon demo`: the embedded default end to end, as a user runs it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from schemas import ALERT_ADAPTER
from services.alerts.subscriber import format_alert
from services.embedded.process import free_port

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.integration


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "services.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )


def test_demo_once_json_prints_exactly_the_batch_alerts() -> None:
    demo = _run("demo", "--once", "--json")
    assert demo.returncode == 0, demo.stderr[-3000:]
    streamed = [json.loads(line) for line in demo.stdout.splitlines()]
    assert streamed and all(record["record"] == "alert" for record in streamed)
    batch = _run("analyze", str(ROOT / "seeds"))
    assert batch.returncode == 0, batch.stderr[-2000:]
    expected = [json.loads(x)["alert_id"] for x in batch.stdout.splitlines() if '"record":"alert"' in x]
    assert sorted(r["alert_id"] for r in streamed) == sorted(expected)
    assert "worker: stopped" in demo.stderr and "stopped" in demo.stderr.splitlines()[-1]
    shown = {format_alert(ALERT_ADAPTER.validate_python(record)).plain for record in streamed}
    excerpt = readme_demo_excerpt()
    assert excerpt and [line for line in excerpt if line not in shown] == []


def readme_demo_excerpt() -> list[str]:
    """The README's sample of `make demo` output: its alert lines (claims, the part of the
    output that changes most as the analysis improves, are left out; "…" lines are elisions)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("and the alerts appear", 1)[1].split("```\n", 2)[1]
    return [line for line in block.splitlines() if line[:1].isupper() and not line.startswith("CLAIM")]


def test_a_running_demo_takes_a_replay_from_another_terminal(tmp_path: Path) -> None:
    """The demo is a local stack: it prints the lines to export, `newsmon replay` reaches it
    with them, its alerts show in the demo, and `newsmon stack down` stops it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSMON_") and k != "REDIS_URL"}
    env |= {
        "NEWSMON_STACK_DIR": str(tmp_path),
        "NEWSMON_STACK_KAFKA_PORT": str(free_port()),
        "NEWSMON_STACK_REDIS_PORT": str(free_port()),
        "NEWSMON_METRICS_PORT": "0",
    }
    out = tmp_path / "demo.out"
    with out.open("w") as sink:
        demo = subprocess.Popen(
            [sys.executable, "-m", "services.cli", "demo"], stdout=sink, stderr=subprocess.STDOUT,
            text=True, cwd=ROOT, env=env,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 240
        while "newsmon subscribe --from-start" not in out.read_text():
            assert demo.poll() is None and time.monotonic() < deadline, out.read_text()[-3000:]
            time.sleep(0.2)
        exports = dict(re.findall(r"export (NEWSMON_[A-Z_]+)=(\S+)", out.read_text()))
        assert exports["NEWSMON_KAFKA_BOOTSTRAP_SERVERS"] == f"127.0.0.1:{env['NEWSMON_STACK_KAFKA_PORT']}"
        replay = _run_with(env | exports, "replay", str(ROOT / "seeds"), "--as-new")
        assert replay.returncode == 0, replay.stderr
        while out.read_text().count("exact copy of") < 5:
            assert demo.poll() is None and time.monotonic() < deadline, out.read_text()[-3000:]
            time.sleep(0.2)
        down = _run_with(env, "stack", "down")
        assert down.returncode == 0 and "stopped newsmon demo" in down.stderr, down.stderr
        assert demo.wait(timeout=30) == 130  # stopped as by Ctrl-C
    finally:
        if demo.poll() is None:
            demo.kill()
            demo.wait()
    assert out.read_text().endswith("interrupted: everything the demo started has been stopped\n")


def _run_with(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "services.cli", *args], capture_output=True, text=True, cwd=ROOT, env=env,
        timeout=120,
    )  # fmt: skip
