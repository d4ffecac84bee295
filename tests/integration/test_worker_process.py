"""The worker's intake child process lives and dies with the worker."""

import asyncio
import os
import signal
from pathlib import Path

import pytest

from services.config import Settings
from services.processor.launch import spawn_worker

pytestmark = pytest.mark.integration


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found += [int(p) for p in task.read_text().split()]
    return found


def is_intake(pid: int) -> bool:
    try:
        return b"multiprocessing.spawn" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


async def test_a_killed_worker_leaves_no_intake_process_behind(settings: Settings, tmp_path: Path) -> None:
    worker = spawn_worker(settings, tmp_path / "worker.log")
    try:
        intake: list[int] = []
        for _ in range(300):  # the child starts while the app is built, before Kafka
            intake = [pid for pid in children(worker.pid) if is_intake(pid)]
            if intake:
                break
            await asyncio.sleep(0.1)
        assert intake, "the worker started no intake process"
        os.kill(worker.pid, signal.SIGKILL)
        worker.popen.wait()
        for _ in range(100):
            if not any(alive(pid) for pid in intake):
                break
            await asyncio.sleep(0.1)
        assert not any(alive(pid) for pid in intake), "the intake process outlived its worker"
    finally:
        worker.stop()
