"""The README is the user's reference: it must name every setting and every command."""

import re
from pathlib import Path

from services.cli import app
from services.config import Settings

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented() -> None:
    missing = []
    for name in Settings.model_fields:
        variable = f"NEWSMON_{name.upper()}"
        # TLS file settings share one row: NEWSMON_KAFKA_SSL_CAFILE / _CERTFILE / _KEYFILE
        short = "_" + variable.rsplit("_", 1)[-1]
        if variable not in README and not (variable.startswith("NEWSMON_KAFKA_SSL_") and short in README):
            missing.append(variable)
    assert missing == []


def test_every_command_is_documented() -> None:
    commands = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    assert commands
    assert [c for c in commands if f"newsmon {c}" not in README] == []


ROOT = Path(__file__).resolve().parents[2]
#: Files whose comments send readers elsewhere (tests are left out: they name made-up files).
REFERRING = [
    "pyproject.toml",
    "docker-compose.yml",
    "Dockerfile",
    "Makefile",
    "README.md",
    "services",
    "bench",
]


def _texts() -> list[tuple[Path, str]]:
    found: list[tuple[Path, str]] = []
    for name in REFERRING:
        path = ROOT / name
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        found += [(f, f.read_text(encoding="utf-8")) for f in files]
    return found


def test_referenced_files_exist() -> None:
    """`docs/x.md`, `BENCHMARKS.md`, … named in the code or docs exist (from the repository
    root, docs/, or the naming file's directory)."""
    missing = {
        (str(path.relative_to(ROOT)), name)
        for path, text in _texts()
        for name in re.findall(r"\b((?:docs/)?[A-Za-z_-]+\.md)\b", text)
        if not any((base / name).exists() for base in (ROOT, ROOT / "docs", path.parent))
    }
    assert missing == set()


def test_referenced_readme_sections_exist() -> None:
    """`README.md, "Section"` in a comment names a heading the README has."""
    headings = {line.lstrip("#").strip() for line in README.splitlines() if line.startswith("#")}
    named = {
        (str(path.relative_to(ROOT)), " ".join(section.replace("#", " ").split()))
        for path, text in _texts()
        for section in re.findall(r'README(?:\.md)?, "([^"]+)"', text, flags=re.DOTALL)
    }
    assert named and {(where, section) for where, section in named if section not in headings} == set()


def _section(heading: str) -> str:
    return README.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]


def test_make_test_says_which_debian_packages_it_installs_and_how_long_it_takes() -> None:
    """`make test` installs Debian packages for the deployment tests: the README says which
    (every package tests/deploy asks apt-get for), that it needs root, and the duration."""
    conftest = (ROOT / "tests" / "deploy" / "conftest.py").read_text(encoding="utf-8")
    packages = re.findall(r'debian_tool\("[^"]+", "([^"]+)"', conftest)
    text = " ".join(_section("Two commands").split())
    assert packages and [p for p in packages if f"`{p}`" not in text] == []
    assert "apt-get" in text and "needs root" in text
    assert re.search(r"`make test` takes about \d+ minutes", text)


def test_the_demo_sample_is_marked_as_an_excerpt() -> None:
    """The demo prints about 30 alert lines; the README shows a few and says so."""
    text = _section("Two commands")
    intro, sample = text.split("and the alerts appear", 1)[1].split("```\n", 2)[:2]
    assert "An excerpt" in intro and "about 30 alert lines" in " ".join(intro.split())
    assert any(line.lstrip().startswith("…") for line in sample.splitlines())
