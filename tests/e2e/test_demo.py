"""`newsmon demo --once --json`: the embedded default end to end, as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

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
