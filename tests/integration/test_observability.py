"""A real Prometheus scrapes a worker (and the replayer) while the seeds are replayed
through the embedded stack; then every panel query of the Grafana dashboard is evaluated
through Prometheus' HTTP API, the core panels must show data, and the alert rules must
load and evaluate without errors.

Prometheus is Debian's package (installed when missing, see tests/deploy/debian.py),
started on a free loopback port with a 1 s scrape interval."""

from __future__ import annotations

import asyncio
import json
import math
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from services.article_files import load_articles
from services.config import Settings
from services.embedded import Stack
from services.embedded.kafka_admin import ensure_topics
from services.embedded.process import ManagedProcess, free_port
from services.observe import MetricsServer, serve_metrics
from services.observe.metrics import PORT_OFFSETS
from services.processor.launch import AlertLog, spawn_worker
from services.replayer.publisher import Replayer, ReplayPlan
from tests.deploy.debian import debian_tool
from tests.unit.observe.deploy_files import RULES, grafana_to_promql, load_dashboard, panel_queries

pytestmark = pytest.mark.integration
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SCRAPE = "1s"
RATE_INTERVAL = "1m"  # what Grafana's $__rate_interval would be for this scrape interval and run
RANGE = "5m"
#: Panels that must show numbers after a replay: one per RED row, plus dedup and latency.
CORE_PANELS = ("Ingest rate", "Alerts by kind", "Publish → alert latency", "Dedup ratio by method")
POSITIVE_PANELS = ("Ingest rate", "Alerts by kind", "Dedup ratio by method", "Decisions by outcome")


def _get_json(url: str) -> dict[str, Any]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:  # a bad query: Prometheus explains it in the body
        return json.loads(error.read() or b"{}") | {"http_status": error.code}
    except urllib.error.URLError as error:  # not listening (yet)
        return {"status": "unreachable", "error": str(error.reason)}


class Prometheus:
    """A Prometheus process and the two API calls the test needs."""

    def __init__(self, process: ManagedProcess, url: str) -> None:
        self.process = process
        self.url = url

    async def get(self, path: str, **params: str) -> dict[str, Any]:
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        return await asyncio.to_thread(_get_json, f"{self.url}{path}{query}")

    async def query(self, expr: str) -> dict[str, Any]:
        return await self.get("/api/v1/query", query=expr)

    async def wait_until(self, expr: str, done: Callable[[list[float]], bool], timeout: float) -> None:
        """Poll an instant query until `done(values)`; fail with the worker-side story if not."""
        deadline = time.monotonic() + timeout
        values: list[float] = []
        while time.monotonic() < deadline:
            answer = await self.query(expr)
            values = [float(r["value"][1]) for r in answer.get("data", {}).get("result", [])]
            if done(values):
                return
            await asyncio.sleep(0.5)
        raise AssertionError(f"Prometheus never saw {expr!r} as expected (last values {values})")


def _config(worker_port: int, replay_port: int) -> str:
    return json.dumps(  # JSON is YAML: no YAML writer needed
        {
            "global": {"scrape_interval": SCRAPE, "scrape_timeout": SCRAPE, "evaluation_interval": SCRAPE},
            "rule_files": [str(RULES)],
            "scrape_configs": [
                {"job_name": "newsmon-worker", "static_configs": [{"targets": [f"127.0.0.1:{worker_port}"]}]},
                {"job_name": "newsmon-replay", "static_configs": [{"targets": [f"127.0.0.1:{replay_port}"]}]},
            ],
        },
        indent=2,
    )


@pytest.fixture
async def observed_settings(stack: Stack, unique_name: Callable[[str], str]) -> Settings:
    """Private topics, app id, stream and channel, and a free metrics port: this test's
    articles and decisions must not show up in another test's topics (nor theirs here)."""
    settings = stack.settings.model_copy(
        update={
            "articles_topic": unique_name("articles"),
            "dlq_topic": unique_name("dlq"),
            "alerts_topic": unique_name("alerts"),
            "app_id": unique_name("app"),
            "redis_stream": unique_name("stream"),
            "redis_channel": unique_name("channel"),
            "metrics_port": free_port(),
        }
    )
    topics = [settings.articles_topic, settings.dlq_topic, settings.alerts_topic]
    await ensure_topics(stack.bootstrap_servers, settings, topics, settings.topic_partitions)
    return settings


@pytest.fixture
def replay_metrics(observed_settings: Settings) -> AsyncIterator[MetricsServer]:
    """This test process replays in-process, so it serves the replay metrics itself, on a
    free port (the documented offset scheme applied backwards)."""
    port = free_port()
    settings = observed_settings.model_copy(update={"metrics_port": port - PORT_OFFSETS["replay"]})
    server = serve_metrics(settings, "replay")
    assert server is not None, f"cannot serve replay metrics on {port}"
    yield server
    server.close()


@pytest.fixture
async def prometheus(
    observed_settings: Settings, replay_metrics: MetricsServer, tmp_path: Path
) -> AsyncIterator[Prometheus]:
    binary = debian_tool("prometheus", "prometheus")
    config = tmp_path / "prometheus.yml"
    config.write_text(_config(observed_settings.metrics_port, replay_metrics.port), encoding="utf-8")
    port = free_port()
    argv = [
        binary,
        f"--config.file={config}",
        f"--storage.tsdb.path={tmp_path / 'tsdb'}",
        f"--web.listen-address=127.0.0.1:{port}",
        "--log.level=warn",
    ]
    process = ManagedProcess.spawn("prometheus", argv, tmp_path / "prometheus.log")
    server = Prometheus(process, f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 30
        while (await server.get("/api/v1/status/buildinfo")).get("status") != "success":
            assert process.alive() and time.monotonic() < deadline, (
                f"Prometheus did not start:\n{process.log_tail()}"
            )
            await asyncio.sleep(0.2)
        yield server
    finally:
        process.stop()


def _values(answer: dict[str, Any]) -> list[float]:
    return [float(r["value"][1]) for r in answer["data"]["result"]]


async def test_every_dashboard_panel_query_evaluates_and_core_panels_show_data(
    observed_settings: Settings, prometheus: Prometheus, tmp_path: Path
) -> None:
    settings = observed_settings
    worker = spawn_worker(settings, tmp_path / "worker.log")
    try:
        # A first scrape before any article: counters start from a sample at 0, so rates see the rise.
        await prometheus.wait_until('up{job="newsmon-worker"}', lambda v: v == [1.0], timeout=90)
        articles, _ = load_articles([SEEDS])
        result = await Replayer(articles, settings, ReplayPlan()).run()
        assert result.published == len(articles), result.error
        async with AlertLog(settings) as log:
            done = await log.wait_for([a.article_id for a in articles], timeout=120)
        assert done, f"worker did not finish; log tail:\n{worker.log_tail(40)}"
        # Until the final state has been scraped (the replay counter is process-wide: >=).
        count = float(len(articles))
        await prometheus.wait_until("sum(newsmon_decisions_total)", lambda v: v == [count], timeout=30)
        await prometheus.wait_until(
            "sum(newsmon_articles_published_total)", lambda v: v >= [count], timeout=30
        )
        await prometheus.wait_until(
            "count(newsmon_consumer_lag_records)", lambda v: v and v[0] > 0, timeout=30
        )

        answers: dict[str, list[dict[str, Any]]] = {}
        for title, expr in panel_queries(load_dashboard()):
            answer = await prometheus.query(grafana_to_promql(expr, RATE_INTERVAL, RANGE))
            assert answer.get("status") == "success", f"{title}: {expr}\n{answer}"
            answers.setdefault(title, []).append(answer)

        for title in CORE_PANELS:
            values = [v for answer in answers[title] for v in _values(answer)]
            assert any(math.isfinite(v) for v in values), f"{title} shows no data: {answers[title]}"
        for title in POSITIVE_PANELS:
            values = [v for answer in answers[title] for v in _values(answer)]
            assert any(v > 0 for v in values if math.isfinite(v)), f"{title} stays at 0: {values}"
        latency = [v for a in answers["Publish → alert latency"] for v in _values(a) if math.isfinite(v)]
        assert latency and all(v > 0 for v in latency)

        rules = await prometheus.get("/api/v1/rules")
        loaded = [rule for group in rules["data"]["groups"] for rule in group["rules"]]
        assert len(loaded) >= 6
        assert not [r for r in loaded if r.get("health") == "err"], [r.get("lastError") for r in loaded]
    finally:
        worker.stop()
