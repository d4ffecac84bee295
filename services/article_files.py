"""Articles from files: `.txt` (one article, id = file name), `.json` (one Article),
`.jsonl` (one Article per line), and directories of them.

A directory may carry `manifest.json` ({file name: {source, language, title,
published_at, url}}) for the `.txt` files that cannot say these things themselves.
Articles come back in published order: manifest position, then published_at, then name.
A file or line that is not an article is reported, never silently dropped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from schemas import Article

SUFFIXES = {".txt", ".json", ".jsonl"}
MANIFEST = "manifest.json"
_LATEST = datetime.max.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class LoadError:
    location: str  # "path" or "path:line"
    reason: str


@dataclass(frozen=True, slots=True)
class _Entry:
    article: Article
    manifest_position: int | None
    name: str


def load_articles(paths: Iterable[Path]) -> tuple[list[Article], list[LoadError]]:
    """All articles under `paths` in published order, and what could not be read."""
    located, errors = load_located(paths)
    return [article for _, article in located], errors


def load_located(paths: Iterable[Path]) -> tuple[list[tuple[str, Article]], list[LoadError]]:
    """`load_articles`, each article with where it came from ("path" or "path:line"), so a
    later check can name the file."""
    entries: list[_Entry] = []
    errors: list[LoadError] = []
    for file, manifest in _files(paths, errors):
        _read_file(file, manifest, entries, errors)
    entries.sort(key=_order)
    return [(e.name, e.article) for e in entries], errors


def _order(entry: _Entry) -> tuple[float, datetime, str]:
    position = float("inf") if entry.manifest_position is None else float(entry.manifest_position)
    return position, entry.article.published_at or _LATEST, entry.name


def _files(paths: Iterable[Path], errors: list[LoadError]) -> Iterable[tuple[Path, dict]]:
    for path in paths:
        if path.is_dir():
            manifest = _manifest(path, errors)
            found = [p for p in sorted(path.rglob("*")) if p.is_file() and _is_article_file(p)]
            if not found:  # an empty directory is a mistake (wrong path?), never a quiet success
                errors.append(LoadError(str(path), "no .txt, .json or .jsonl files in this directory"))
            for file in found:
                yield file, manifest if file.parent == path else _manifest(file.parent, errors)
        elif path.is_file():
            yield path, _manifest(path.parent, errors)
        else:
            errors.append(LoadError(str(path), "no such file or directory"))


def _is_article_file(path: Path) -> bool:
    return path.suffix in SUFFIXES and path.name != MANIFEST


def _manifest(directory: Path, errors: list[LoadError]) -> dict:
    file = directory / MANIFEST
    if not file.is_file():
        return {}
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        errors.append(LoadError(str(file), f"unreadable manifest: {exc}"))
        return {}
    if not isinstance(data, dict):
        errors.append(LoadError(str(file), "manifest must be a JSON object keyed by file name"))
        return {}
    return data


def _read_file(file: Path, manifest: dict, entries: list[_Entry], errors: list[LoadError]) -> None:
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        errors.append(LoadError(str(file), f"unreadable: {exc}"))
        return
    position = list(manifest).index(file.name) if file.name in manifest else None
    if file.suffix == ".txt":
        _add(
            lambda: _txt_article(file, text, manifest.get(file.name, {})),
            str(file),
            position,
            entries,
            errors,
        )
    elif file.suffix == ".json":
        _add(lambda: Article.model_validate_json(text), str(file), position, entries, errors)
    else:
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                where = f"{file}:{number}"
                _add(lambda line=line: Article.model_validate_json(line), where, None, entries, errors)


def _txt_article(file: Path, text: str, meta: dict) -> Article:
    if not isinstance(meta, dict):
        raise ValueError(f"manifest entry for {file.name} must be an object")
    fields = {k: meta[k] for k in ("source", "url", "title", "language", "published_at") if k in meta}
    fields.setdefault("source", file.parent.name or "local")
    return Article.model_validate({"article_id": file.stem, "body": text, **fields})


def _add(build, where: str, position: int | None, entries: list[_Entry], errors: list[LoadError]) -> None:
    try:
        article = build()
    except ValidationError as exc:
        errors.append(LoadError(where, describe_validation_error(exc)))
        return
    except ValueError as exc:
        errors.append(LoadError(where, str(exc)))
        return
    entries.append(_Entry(article, position, where))


def describe_validation_error(exc: ValidationError) -> str:
    """One line per problem, naming the field: what a user needs to fix the input."""
    parts = []
    for err in exc.errors(include_url=False):
        field = ".".join(str(p) for p in err["loc"]) or "article"
        parts.append(f"{field}: {err['msg']}")
    return "; ".join(parts)
