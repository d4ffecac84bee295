"""One exit-code rule (services/exits.py), documented in the README as it is in the code."""

from __future__ import annotations

import re
from pathlib import Path

from services import exits

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_readme_table_is_the_rule() -> None:
    section = README.split("### Exit codes", 1)[1].split("\n#", 1)[0]
    rows = dict(re.findall(r"^\| `(\d+)` \| (.+?) \|$", section, flags=re.MULTILINE))
    assert {int(code): text for code, text in rows.items()} == exits.MEANINGS


def test_inputs_rule() -> None:
    assert exits.for_inputs(used=5, skipped=0) == exits.OK
    assert exits.for_inputs(used=5, skipped=1) == exits.PARTIAL
    assert exits.for_inputs(used=0, skipped=3) == exits.USAGE
    assert exits.for_inputs(used=0, skipped=0) == exits.USAGE
