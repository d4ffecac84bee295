"""`newsmon worker`: run the Faust app until stopped (SIGINT/SIGTERM stop it cleanly)."""

from __future__ import annotations

import logging

from faust import Worker

from services.config import Settings
from services.core import one_blas_thread
from services.observe import serve_metrics
from services.processor.app import create_app


def run_worker(settings: Settings) -> None:
    one_blas_thread()
    app = create_app(settings)
    logging.getLogger("newsmon").setLevel(settings.log_level)
    # Before the worker starts: /metrics answers (and `up` is 1) while Kafka is still being
    # reached, so "worker running but not consuming" is told apart from "worker down".
    serve_metrics(settings, "worker")
    worker = Worker(app, loglevel=settings.log_level.lower(), quiet=True)
    worker.execute_from_commandline()
