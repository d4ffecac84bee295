import json
from pathlib import Path

from services.article_files import load_articles


def test_manifest_gives_metadata_and_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second story body.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First story body.", encoding="utf-8")
    manifest = {
        "b.txt": {"source": "Wire", "language": "en", "published_at": "2024-01-01T00:00:00Z"},
        "a.txt": {"source": "Paper", "language": "fr", "published_at": "2024-01-02T00:00:00Z"},
    }
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    articles, errors = load_articles([tmp_path])
    assert errors == []
    assert [(a.article_id, a.source, a.language) for a in articles] == [
        ("b", "Wire", "en"),
        ("a", "Paper", "fr"),
    ]


def test_bad_lines_are_reported_and_good_ones_kept(tmp_path: Path) -> None:
    good = {"article_id": "x", "source": "s", "body": "text", "published_at": "2024-01-01T00:00:00+00:00"}
    lines = [json.dumps(good), "not json", json.dumps({**good, "article_id": "y", "body": "  "})]
    (tmp_path / "in.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"\xff\xfe bad utf8 \xff")
    articles, errors = load_articles([tmp_path])
    assert [a.article_id for a in articles] == ["x"]
    where = sorted(e.location.rsplit("/", 1)[-1] for e in errors)
    assert where == ["broken.txt", "in.jsonl:2", "in.jsonl:3"]
    assert any("body" in e.reason for e in errors)


def test_published_at_orders_files_without_manifest(tmp_path: Path) -> None:
    for name, day in (("late", 3), ("early", 1)):
        doc = {"article_id": name, "source": "s", "body": "b", "published_at": f"2024-01-0{day}T00:00:00Z"}
        (tmp_path / f"{name}.json").write_text(json.dumps(doc), encoding="utf-8")
    articles, _ = load_articles([tmp_path])
    assert [a.article_id for a in articles] == ["early", "late"]


def test_a_directory_without_articles_is_reported_not_quietly_fine(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "readme.md").write_text("not an article", encoding="utf-8")
    articles, errors = load_articles([tmp_path / "empty", tmp_path / "notes"])
    assert articles == []
    assert [(e.location, e.reason) for e in errors] == [
        (str(tmp_path / "empty"), "no .txt, .json or .jsonl files in this directory"),
        (str(tmp_path / "notes"), "no .txt, .json or .jsonl files in this directory"),
    ]
