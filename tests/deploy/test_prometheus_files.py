"""`promtool` accepts the Prometheus config and the alert rules, and the rules fire when
they should (`promtool test rules` over synthetic series in rules_test.yml)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import yaml

from tests.unit.observe.deploy_files import PROMETHEUS_CONFIG, RULES, load_yaml

RULES_TEST = Path(__file__).with_name("rules_test.yml")


def run(*argv: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, capture_output=True, text=True, timeout=60, cwd=cwd)


def test_promtool_accepts_the_config_and_its_rule_files(promtool: str) -> None:
    result = run(promtool, "check", "config", str(PROMETHEUS_CONFIG))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 rule files found" in result.stdout + result.stderr


def test_promtool_accepts_the_rules(promtool: str) -> None:
    result = run(promtool, "check", "rules", str(RULES))
    assert result.returncode == 0, result.stdout + result.stderr


def test_promtool_rejects_a_broken_rule(promtool: str, tmp_path: Path) -> None:
    """The check above means something: a PromQL syntax error fails it."""
    broken = tmp_path / "rules.yml"
    broken.write_text("groups:\n  - name: x\n    rules:\n      - alert: X\n        expr: sum(rate(a[5m]\n")
    assert run(promtool, "check", "rules", str(broken)).returncode != 0


def test_the_rules_fire_on_synthetic_series(promtool: str, tmp_path: Path) -> None:
    """Annotations are left out of the copy under test: promtool would compare their prose
    (checked above) word for word; what matters here is when each alert fires."""
    rules = load_yaml(RULES)
    for group in rules["groups"]:
        for rule in group["rules"]:
            rule.pop("annotations", None)
    (tmp_path / "rules.yml").write_text(yaml.safe_dump(rules), encoding="utf-8")
    shutil.copy(RULES_TEST, tmp_path / RULES_TEST.name)
    result = run(promtool, "test", "rules", RULES_TEST.name, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
