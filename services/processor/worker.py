"""`newsmon worker`: run the Faust app until stopped (SIGINT/SIGTERM stop it cleanly)."""

from __future__ import annotations

import asyncio
import logging
import sys
import time

from faust import Worker

from services.config import Settings
from services.core import one_blas_thread
from services.embedded.broker import tuned_for_broker
from services.embedded.kafka_admin import answers, wait_until_answers
from services.login_check import check_logins
from services.observe import serve_metrics
from services.processor.app import create_app

KAFKA_WAIT_SECONDS = 30.0  # a broker still starting (compose, a restart) gets this long


def wait_for_kafka(settings: Settings, seconds: float = KAFKA_WAIT_SECONDS) -> Settings:
    """Return once a broker answers; raise BrokerStartError (one line) after `seconds`.
    Faust would otherwise exit at once with aiokafka's "Unable to bootstrap" traceback.
    Returns `settings` with the embedded broker's tuning when that is the broker (a worker
    pointed at `newsmon stack up` by its address alone)."""
    bootstrap = settings.kafka_bootstrap_servers or ""

    async def wait() -> Settings:
        if not await answers(bootstrap, settings):
            print(f"newsmon worker: waiting up to {seconds:.0f} s for Kafka at {bootstrap}", file=sys.stderr)
            await wait_until_answers(bootstrap, settings, time.monotonic() + seconds)
        return await tuned_for_broker(settings)

    return asyncio.run(wait())


def run_worker(settings: Settings) -> None:
    """Raises LoginRefused (a ValueError) or BrokerStartError before Faust starts."""
    one_blas_thread()
    logging.getLogger("newsmon").setLevel(settings.log_level)
    # Before the worker starts: /metrics answers (and `up` is 1) while Kafka is still being
    # reached, so "worker running but not consuming" is told apart from "worker down".
    serve_metrics(settings, "worker")
    check_logins(settings)
    settings = wait_for_kafka(settings)
    app = create_app(settings)
    worker = Worker(app, loglevel=settings.log_level.lower(), quiet=True)
    worker.execute_from_commandline()
