"""The Grafana dashboard, its provisioning and the Prometheus alert rules only ask for
metrics the code exports, and are complete enough for an operator (units, descriptions,
the alerts the issue lists)."""

from __future__ import annotations

import re

import pytest

from services.config import Settings
from services.observe import default_metrics
from tests.unit.observe.deploy_files import (
    DASHBOARD_PROVIDERS,
    DATASOURCES,
    PROMETHEUS_CONFIG,
    PROMETHEUS_SERIES,
    alert_rules,
    exported_names,
    load_dashboard,
    load_yaml,
    metric_names,
    panel_queries,
    panels,
)

QUERY_PANELS = {"timeseries", "stat", "gauge", "bargauge", "table", "heatmap"}


@pytest.fixture(scope="module")
def exported() -> set[str]:
    """Every sample name a newsmon process serves on /metrics (default registry: the
    newsmon metrics plus prometheus_client's process_* and python_* ones)."""
    return exported_names(default_metrics().registry)


def test_metric_name_parser() -> None:
    expr = (
        'histogram_quantile(0.99, sum by (le) (rate(a_bucket{job="x", k=~"y|z"}[$__rate_interval]))) > 0.25 '
        "and on() (b offset 5m) / ignoring(method) group_left sum(c) or vector(1e3)"
    )
    assert metric_names(expr) == {"a_bucket", "b", "c"}


def test_every_dashboard_query_uses_exported_metrics(exported: set[str]) -> None:
    unknown = {
        (title, name)
        for title, expr in panel_queries(load_dashboard())
        for name in metric_names(expr)
        if name not in exported | PROMETHEUS_SERIES
    }
    assert not unknown, f"dashboard queries metrics no code exports: {sorted(unknown)}"


def test_every_rule_uses_exported_metrics(exported: set[str]) -> None:
    unknown = {
        (rule["alert"], name)
        for rule in alert_rules()
        for name in metric_names(rule["expr"])
        if name not in exported | PROMETHEUS_SERIES
    }
    assert not unknown, f"alert rules query metrics no code exports: {sorted(unknown)}"


def test_every_exported_newsmon_metric_is_on_the_dashboard(exported: set[str]) -> None:
    """A metric nobody can see is a metric nobody maintains (build info is for queries)."""
    queried = {name for _, expr in panel_queries(load_dashboard()) for name in metric_names(expr)}
    families = {re.sub(r"_(bucket|count|sum|total|created)$", "", n) for n in queried}
    missing = {
        family.name
        for family in default_metrics().registry.collect()
        if family.name.startswith("newsmon_")
        and family.name != "newsmon_build"
        and family.name not in families
    }
    assert not missing, f"not on the dashboard: {sorted(missing)}"


def test_panels_have_descriptions_units_and_the_provisioned_datasource() -> None:
    dashboard = load_dashboard()
    uids = {source["uid"] for file in DATASOURCES.glob("*.yml") for source in load_yaml(file)["datasources"]}
    ids = [panel["id"] for panel in panels(dashboard)]
    assert len(ids) == len(set(ids)), "panel ids must be unique"
    for panel in panels(dashboard):
        if panel["type"] not in QUERY_PANELS:
            continue
        title = panel["title"]
        assert panel.get("description", "").strip(), f"{title}: no description"
        assert panel["fieldConfig"]["defaults"].get("unit"), f"{title}: no unit"
        assert panel["fieldConfig"]["defaults"]["thresholds"]["steps"], f"{title}: no thresholds"
        assert panel["datasource"]["uid"] in uids, f"{title}: datasource is not the provisioned one"
        assert all(t["datasource"]["uid"] in uids for t in panel["targets"])
        grid = panel["gridPos"]
        assert grid["x"] + grid["w"] <= 24, f"{title}: wider than the dashboard"


def test_dashboard_has_the_red_rows_and_core_panels() -> None:
    dashboard = load_dashboard()
    rows = [p["title"] for p in dashboard["panels"] if p["type"] == "row"]
    assert [r.split(" ")[0] for r in rows[1:4]] == ["Ingest", "Analysis", "Delivery"]
    titles = {p["title"] for p in panels(dashboard)}
    assert {"Ingest rate", "Alerts by kind", "Publish → alert latency", "Dedup ratio by method"} <= titles
    assert {"Consumer lag by partition", "Ingest errors", "Stories and index size"} <= titles
    latency = next(p for p in panels(dashboard) if p["title"] == "Publish → alert latency")
    assert latency["fieldConfig"]["defaults"]["unit"] == "s"
    assert {"value": 0.25, "color": "red"} in latency["fieldConfig"]["defaults"]["thresholds"]["steps"]


def test_dashboard_provider_points_where_compose_mounts_the_dashboards() -> None:
    providers = [p for file in DASHBOARD_PROVIDERS.glob("*.yml") for p in load_yaml(file)["providers"]]
    assert [p["options"]["path"] for p in providers] == ["/etc/grafana/dashboards"]


def test_rules_cover_the_issue_alerts() -> None:
    rules = {rule["alert"]: rule for rule in alert_rules()}
    assert {
        "NewsmonNoIngest",
        "NewsmonDeadLetters",
        "NewsmonAlertLatencyHigh",
        "NewsmonConsumerLagGrowing",
        "NewsmonRedisDeliveryRetrying",
        "NewsmonRedisDeliveryFailing",
    } <= rules.keys()
    assert "[10m]" in rules["NewsmonNoIngest"]["expr"]
    assert (
        "0.99" in rules["NewsmonAlertLatencyHigh"]["expr"]
        and "0.25" in rules["NewsmonAlertLatencyHigh"]["expr"]
    )
    for rule in rules.values():
        assert rule["labels"]["severity"] in {"warning", "critical"}
        assert rule["annotations"]["summary"] and rule["annotations"]["description"]


def test_prometheus_scrapes_the_worker_on_its_metrics_port() -> None:
    config = load_yaml(PROMETHEUS_CONFIG)
    jobs = {job["job_name"]: job for job in config["scrape_configs"]}
    worker = jobs["newsmon-worker"]["dns_sd_configs"][0]
    assert worker["port"] == Settings().metrics_port
    assert jobs["newsmon-replay"]["dns_sd_configs"][0]["port"] == Settings().metrics_port + 1
    assert config["rule_files"] == ["rules.yml"]
