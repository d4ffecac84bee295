"""The metrics follow the Prometheus naming guide, keep their labels bounded, and move
with the events the services report; /metrics is served per command on its own port."""

from __future__ import annotations

import logging
import socket
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from prometheus_client import CollectorRegistry

from services.config import Settings
from services.observe import Metrics, metrics_port, serve_metrics
from services.observe.lag import partition_lags
from services.observe.metrics import LATENCY_BUCKETS, PORT_OFFSETS
from tests.unit.observe.deploy_files import exposed_names

#: Labels whose values come from small fixed sets; an id of any kind would be unbounded.
BOUNDED_LABELS = {
    "language",
    "reason",
    "outcome",
    "method",
    "kind",
    "stage",
    "result",
    "topic",
    "partition",
    "where",
}
BUILD_INFO_LABELS = {"version", "python_version", "command"}
UNIT_WORDS = ("millisecond", "_ms", "minute", "hour", "_percent", "kilobyte", "megabyte")


@pytest.fixture
def metrics() -> Metrics:
    return Metrics(CollectorRegistry())


def families(metrics: Metrics) -> list:
    return list(metrics.registry.collect())


def value(metrics: Metrics, name: str, **labels: str) -> float | None:
    return metrics.registry.get_sample_value(name, labels)


def series(metrics: Metrics) -> int:
    """Time series served (`*_created` twins aside: prometheus_client may or may not add them)."""
    return sum(1 for f in families(metrics) for s in f.samples if not s.name.endswith("_created"))


def test_every_metric_has_the_prefix_help_and_a_known_type(metrics: Metrics) -> None:
    for family in families(metrics):
        assert family.name.startswith("newsmon_"), family.name
        assert family.documentation.strip(), f"{family.name} has no help text"
        assert family.type in {"counter", "gauge", "histogram", "info"}, family.name


def test_counters_end_in_total_and_nothing_else_does(metrics: Metrics) -> None:
    for family in families(metrics):
        names = exposed_names(family)
        if family.type == "counter":
            assert names == {family.name + "_total"}, names
        else:
            assert not any(n.endswith("_total") for n in names), names


def test_durations_are_histograms_in_seconds(metrics: Metrics) -> None:
    for family in families(metrics):
        assert not any(word in family.name for word in UNIT_WORDS), f"{family.name}: use base units"
        if family.type == "histogram":
            assert family.name.endswith("_seconds"), family.name


def test_build_info_is_an_info_metric(metrics: Metrics) -> None:
    info = [f for f in families(metrics) if f.type == "info"]
    assert [f.name for f in info] == ["newsmon_build"]  # exposed as newsmon_build_info


def test_labels_are_bounded_never_ids(metrics: Metrics) -> None:
    for family in families(metrics):
        for sample in family.samples:
            allowed = BUILD_INFO_LABELS if family.type == "info" else BOUNDED_LABELS | {"le"}
            assert set(sample.labels) <= allowed, (sample.name, sample.labels)


def test_latency_buckets_resolve_the_250_ms_target() -> None:
    assert 0.25 in LATENCY_BUCKETS
    assert any(0.2 <= b < 0.25 for b in LATENCY_BUCKETS) and any(0.25 < b <= 0.3 for b in LATENCY_BUCKETS)
    assert tuple(sorted(LATENCY_BUCKETS)) == LATENCY_BUCKETS


def test_known_label_values_exist_at_zero_before_any_event(metrics: Metrics) -> None:
    """So rates and ratios read 0, not "no data", on a freshly started worker."""
    assert value(metrics, "newsmon_alerts_total", kind="figure_changed") == 0
    assert value(metrics, "newsmon_dead_letters_total", reason="invalid_json") == 0
    assert value(metrics, "newsmon_decisions_total", outcome="duplicate", method="cross_lingual") == 0
    assert value(metrics, "newsmon_stage_duration_seconds_count", stage="deliver") == 0


def test_untrusted_values_cannot_create_new_series(metrics: Metrics) -> None:
    before = series(metrics)
    for i in range(200):
        metrics.article_consumed(f"not-a-language-{i}")
        metrics.alert_raised(f"kind-{i}")
        metrics.dead_letter(f"Reason With Spaces {i}")
        metrics.decision(False, f"method-{i}")
    assert value(metrics, "newsmon_articles_consumed_total", language="other") == 200
    assert value(metrics, "newsmon_alerts_total", kind="other") == 200
    assert value(metrics, "newsmon_dead_letters_total", reason="other") == 200
    assert value(metrics, "newsmon_decisions_total", outcome="duplicate", method="other") == 200
    after = series(metrics)
    assert after - before <= 4  # one "other" series per metric, not one per value


def test_decisions_by_outcome_and_method(metrics: Metrics) -> None:
    metrics.decision(True, None)
    metrics.decision(False, None)
    metrics.decision(False, "near")
    assert value(metrics, "newsmon_decisions_total", outcome="new_story", method="none") == 1
    assert value(metrics, "newsmon_decisions_total", outcome="same_story", method="none") == 1
    assert value(metrics, "newsmon_decisions_total", outcome="duplicate", method="near") == 1


def test_latency_is_observed_on_first_delivery_only(metrics: Metrics) -> None:
    metrics.alert_delivered("new_claim", written=True, publish_time=100.0, now=100.2)
    metrics.alert_delivered("new_claim", written=False, publish_time=100.0, now=500.0)  # a re-delivery
    metrics.alert_delivered("new_claim", written=True, publish_time=None, now=500.0)  # no timestamp
    assert value(metrics, "newsmon_alert_latency_seconds_count", kind="new_claim") == 1
    assert value(metrics, "newsmon_alert_latency_seconds_bucket", kind="new_claim", le="0.25") == 1
    assert value(metrics, "newsmon_alert_deliveries_total", result="written") == 2
    assert value(metrics, "newsmon_alert_deliveries_total", result="already_delivered") == 1


def test_stage_times_the_block_and_counts_unexpected_errors_only(metrics: Metrics) -> None:
    class BadInputLike(Exception):
        pass

    with metrics.stage("intake"):
        pass
    with pytest.raises(BadInputLike), metrics.stage("intake", expected=(BadInputLike,)):
        raise BadInputLike
    with pytest.raises(RuntimeError), metrics.stage("intake"):
        raise RuntimeError
    assert value(metrics, "newsmon_stage_duration_seconds_count", stage="intake") == 3
    assert value(metrics, "newsmon_stage_errors_total", stage="intake") == 1


def test_delivery_hooks_count_retries_and_failures(metrics: Metrics) -> None:
    metrics.redis_retry(ConnectionError())
    metrics.redis_retry(TimeoutError())
    metrics.redis_failure(ValueError())
    assert value(metrics, "newsmon_redis_delivery_retries_total") == 2
    assert value(metrics, "newsmon_redis_delivery_failures_total") == 1


def test_lag_of_revoked_partitions_is_removed(metrics: Metrics) -> None:
    metrics.set_consumer_lag({("news.articles", 0): 5, ("news.articles", 1): 7})
    metrics.set_consumer_lag({("news.articles", 1): 2})
    assert value(metrics, "newsmon_consumer_lag_records", topic="news.articles", partition="0") is None
    assert value(metrics, "newsmon_consumer_lag_records", topic="news.articles", partition="1") == 2


@dataclass(frozen=True)
class TP:
    topic: str
    partition: int


def test_partition_lag_is_highwater_minus_committed_else_read() -> None:
    a0, a1, a2, a3, other = TP("in", 0), TP("in", 1), TP("in", 2), TP("in", 3), TP("changelog", 0)
    highwaters = {a0: 10, a1: 10, a2: None, a3: 0, other: 50}
    lags = partition_lags(
        [a0, a1, a2, a3, other],
        {"in"},
        highwaters.get,
        committed={a0: 4, a1: None},
        read={a1: 7, a2: 3},
    )
    # a0: committed; a1: not committed yet, read up to 7; a2: highwater unknown; a3: empty;
    # the changelog was not asked for.
    assert lags == {("in", 0): 6, ("in", 1): 2, ("in", 3): 0}


def test_ports_follow_the_documented_scheme() -> None:
    settings = Settings(metrics_port=9464)
    assert {c: metrics_port(settings, c) for c in PORT_OFFSETS} == {
        "worker": 9464,
        "replay": 9465,
        "subscribe": 9466,
        "demo": 9467,
    }
    assert metrics_port(Settings(metrics_port=0), "replay") == 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served(metrics: Metrics) -> Iterator[tuple[Settings, list]]:
    settings = Settings(metrics_port=_free_port(), metrics_host="127.0.0.1")
    servers: list = []
    yield settings, servers
    for server in servers:
        server.close()


def test_serve_metrics_exposes_the_registry_with_build_info(
    metrics: Metrics, served: tuple[Settings, list]
) -> None:
    settings, servers = served
    server = serve_metrics(settings, "worker", metrics)
    assert server is not None
    servers.append(server)
    assert server.port == settings.metrics_port
    body = urllib.request.urlopen(server.url, timeout=5).read().decode()
    assert 'newsmon_build_info{command="worker"' in body
    assert "newsmon_alerts_total" in body


def test_a_taken_port_or_port_zero_means_no_server_not_a_crash(
    metrics: Metrics, served: tuple[Settings, list], caplog: pytest.LogCaptureFixture
) -> None:
    settings, servers = served
    first = serve_metrics(settings, "worker", metrics)
    assert first is not None
    servers.append(first)
    with caplog.at_level(logging.WARNING):
        assert serve_metrics(settings, "worker", metrics) is None
    assert "NEWSMON_METRICS_PORT" in caplog.text
    assert serve_metrics(settings.model_copy(update={"metrics_port": 0}), "worker", metrics) is None
