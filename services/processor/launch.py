"""Start `newsmon worker` as a child process, and watch the alert log to know when a
set of articles has been fully processed (used by the demo, the tests and chaos)."""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from collections.abc import Collection
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer

from schemas import ALERT_ADAPTER, Alert, Decision
from services.config import Settings, settings_env
from services.embedded.process import ManagedProcess
from services.kafka_options import kafka_client_options


def spawn_worker(settings: Settings, log_path: Path, name: str = "worker") -> ManagedProcess:
    """A worker process configured exactly like `settings` (passed through the env)."""
    env = {**os.environ, **settings_env(settings)}
    argv = [sys.executable, "-m", "services.cli", "worker"]
    return ManagedProcess.spawn(name, argv, log_path, stop_signal=signal.SIGTERM, env=env)


class AlertLog:
    """Reads news.alerts from the start: every decision and alert the workers wrote."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self.decisions: dict[str, Decision] = {}
        # article id -> when its first decision record was written (its Kafka timestamp)
        self.decided_at: dict[str, float] = {}
        self.alerts: dict[str, Alert] = {}
        self._consumer: AIOKafkaConsumer | None = None

    async def __aenter__(self) -> AlertLog:
        self._consumer = AIOKafkaConsumer(
            self._settings.alerts_topic,
            group_id=None,
            auto_offset_reset="earliest",
            enable_auto_commit=False,
            **kafka_client_options(self._settings),
        )
        await self._consumer.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._consumer is not None:
            await self._consumer.stop()

    async def wait_for_more(self, than: int, timeout: float) -> bool:
        """True once more than `than` articles have a decision; False after `timeout` seconds."""
        assert self._consumer is not None, "use `async with AlertLog(...)`"
        deadline = time.monotonic() + timeout
        while len(self.decisions) <= than:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            await self._read(min(left, 1.0))
        return True

    async def wait_for(self, article_ids: Collection[str], timeout: float) -> bool:
        """True once a decision for every id has been read; False after `timeout` seconds."""
        assert self._consumer is not None, "use `async with AlertLog(...)`"
        wanted = set(article_ids)
        deadline = time.monotonic() + timeout
        while not wanted <= self.decisions.keys():
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            await self._read(min(left, 1.0))
        return True

    async def _read(self, seconds: float) -> None:
        assert self._consumer is not None
        batch = await self._consumer.getmany(timeout_ms=int(seconds * 1000))
        for records in batch.values():
            for record in records:
                self._take(record.value, record.timestamp / 1000.0)

    def _take(self, value: bytes | None, written_at: float) -> None:
        doc: dict[str, Any] = json.loads(value or b"{}")
        if doc.get("record") == "decision":
            decision = Decision.model_validate(doc)
            self.decisions[decision.article_id] = decision
            self.decided_at.setdefault(decision.article_id, written_at)
        elif doc.get("record") == "alert":
            alert = ALERT_ADAPTER.validate_python(doc)
            self.alerts[alert.alert_id] = alert
