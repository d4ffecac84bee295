"""Write the JSON Schema files that sit beside the models (`python -m schemas.generate`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from schemas import ALERT_ADAPTER, Article, Decision

HERE = Path(__file__).parent


def schemas() -> dict[str, dict[str, Any]]:
    """File name → JSON Schema, for every wire contract."""
    return {
        "article.schema.json": TypeAdapter(Article).json_schema(),
        "decision.schema.json": TypeAdapter(Decision).json_schema(),
        "alert.schema.json": ALERT_ADAPTER.json_schema(),
    }


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> None:
    for name, schema in schemas().items():
        (HERE / name).write_text(render(schema), encoding="utf-8")


if __name__ == "__main__":
    main()
