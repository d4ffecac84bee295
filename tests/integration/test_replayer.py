"""`newsmon replay` against the embedded broker: what lands on the topic, in which order,
how fast, and what the command says when input or Kafka is bad.

The command runs as a subprocess (the real CLI, exit codes and all) and the topic is
read back with a plain aiokafka consumer.  Every test has its own topic.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.errors import KafkaError
from aiokafka.structs import ConsumerRecord

from schemas import Article
from services.article_files import load_articles
from services.config import Settings
from services.embedded import Stack
from services.embedded.broker import start_broker
from services.embedded.process import free_port
from services.kafka_options import kafka_client_options
from services.replayer import seen
from services.replayer.publisher import SEQ_HEADER, Replayer, ReplayPlan

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
SEED_IDS = [a.article_id for a in load_articles([SEEDS])[0]]


def replay_cli(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    """`newsmon replay ARGS` with only the given NEWSMON_* variables set."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("NEWSMON_")}
    return subprocess.run(
        [sys.executable, "-m", "services.cli", "replay", *args],
        capture_output=True, text=True, cwd=ROOT, timeout=120, env=clean | env,
    )  # fmt: skip


async def run_replay_cli(settings: Settings, topic: str, args: list[str], **env: str):
    """The CLI pointed at the session broker and `topic`, off the event loop."""
    kafka = {"NEWSMON_KAFKA_BOOTSTRAP_SERVERS": str(settings.kafka_bootstrap_servers)}
    return await asyncio.to_thread(replay_cli, args, NEWSMON_ARTICLES_TOPIC=topic, **kafka, **env)


async def read_topic(settings: Settings, topic: str, expected: int, timeout: float = 20.0):
    """Every record on `topic` once `expected` have arrived (plus a short wait for extras),
    and the topic's partition count."""
    consumer = AIOKafkaConsumer(
        topic, **kafka_client_options(settings), auto_offset_reset="earliest", enable_auto_commit=False
    )
    await consumer.start()
    records: list[ConsumerRecord] = []
    try:
        deadline = time.monotonic() + timeout
        while len(records) < expected and time.monotonic() < deadline:
            for batch in (await consumer.getmany(timeout_ms=300)).values():
                records.extend(batch)
        for batch in (await consumer.getmany(timeout_ms=500)).values():  # nothing more should come
            records.extend(batch)
        partitions = len(consumer.partitions_for_topic(topic) or ())
    finally:
        await consumer.stop()
    return records, partitions


def seq(record: ConsumerRecord) -> tuple[str, int]:
    value = dict(record.headers)[SEQ_HEADER].decode()
    run, _, number = value.rpartition(":")
    return run, int(number)


def in_publish_order(records: list[ConsumerRecord]) -> list[ConsumerRecord]:
    return sorted(records, key=lambda r: seq(r)[1])


async def test_replays_the_seeds_keyed_and_numbered_in_published_order(
    settings: Settings, unique_name: Callable[[str], str]
) -> None:
    topic = unique_name("articles")
    result = await run_replay_cli(settings, topic, [str(SEEDS)], NEWSMON_TOPIC_PARTITIONS="3")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("published 5, skipped 0 in "), result.stdout

    records, partitions = await read_topic(settings, topic, expected=5)
    assert partitions == 3  # created by the replayer with the configured count, not auto-created
    assert len(records) == 5
    ordered = in_publish_order(records)
    assert [r.key.decode() for r in ordered] == SEED_IDS
    assert [seq(r)[1] for r in ordered] == [0, 1, 2, 3, 4]
    assert len({seq(r)[0] for r in records}) == 1  # one run id for the whole replay
    articles, _ = load_articles([SEEDS])
    assert [Article.model_validate_json(r.value) for r in ordered] == articles


async def test_each_run_has_its_own_run_id(settings: Settings, unique_name: Callable[[str], str]) -> None:
    topic = unique_name("articles")
    for _ in range(2):
        result = await run_replay_cli(settings, topic, [str(SEEDS), "--count", "2"])
        assert result.returncode == 0, result.stderr
    records, _ = await read_topic(settings, topic, expected=4)
    runs = {seq(r)[0] for r in records}
    assert len(runs) == 2
    assert sorted(seq(r)[1] for r in records) == [0, 0, 1, 1]


async def test_count_stops_and_loop_gives_new_ids(
    settings: Settings, unique_name: Callable[[str], str]
) -> None:
    topic = unique_name("articles")
    result = await run_replay_cli(settings, topic, [str(SEEDS), "--loop", "--count", "7"])
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("published 7, skipped 0"), result.stdout
    records, _ = await read_topic(settings, topic, expected=7)
    assert [r.key.decode() for r in in_publish_order(records)] == [
        *SEED_IDS,
        f"{SEED_IDS[0]}#loop1",
        f"{SEED_IDS[1]}#loop1",
    ]
    values = [Article.model_validate_json(r.value).article_id for r in in_publish_order(records)]
    assert values[5] == f"{SEED_IDS[0]}#loop1"  # the id in the record, not only the key

    topic = unique_name("articles")
    result = await run_replay_cli(settings, topic, [str(SEEDS), "--count", "2"])
    assert result.returncode == 0, result.stderr
    records, _ = await read_topic(settings, topic, expected=2)
    assert [r.key.decode() for r in in_publish_order(records)] == SEED_IDS[:2]


async def test_rate_paces_the_records(settings: Settings, unique_name: Callable[[str], str]) -> None:
    topic = unique_name("articles")
    result = await run_replay_cli(settings, topic, [str(SEEDS), "--rate", "8", "--count", "4"])
    assert result.returncode == 0, result.stderr
    records, _ = await read_topic(settings, topic, expected=4)
    stamps = [r.timestamp for r in in_publish_order(records)]  # producer create time, ms
    span = (stamps[-1] - stamps[0]) / 1000
    assert 0.36 <= span <= 1.5, stamps  # 3 gaps of 1/8 s


async def test_speedup_follows_the_published_at_gaps(
    settings: Settings, unique_name: Callable[[str], str]
) -> None:
    topic = unique_name("articles")
    result = await run_replay_cli(settings, topic, [str(SEEDS), "--speedup", "18000"])
    assert result.returncode == 0, result.stderr
    records, _ = await read_topic(settings, topic, expected=5)
    ordered = in_publish_order(records)
    published = [Article.model_validate_json(r.value).published_at for r in ordered]
    expected = [(b - a).total_seconds() / 18000 for a, b in itertools.pairwise(published)]
    actual = [(b.timestamp - a.timestamp) / 1000 for a, b in itertools.pairwise(ordered)]
    assert expected == pytest.approx([0.5, 0.15, 0.35, 0.75])
    for want, got in zip(expected, actual, strict=True):
        assert want - 0.02 <= got <= want + 0.4, (expected, actual)


async def test_invalid_file_is_reported_and_skipped(
    settings: Settings, unique_name: Callable[[str], str], tmp_path: Path
) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    (inputs / "broken.json").write_text('{"article_id": "x"}', encoding="utf-8")
    topic = unique_name("articles")
    result = await run_replay_cli(settings, topic, [str(inputs)])
    assert result.returncode == 1, result.stderr  # done in part (services/exits.py)
    assert "broken.json" in result.stderr and "body" in result.stderr
    assert result.stdout.startswith("published 5, skipped 1 in "), result.stdout
    records, _ = await read_topic(settings, topic, expected=5)
    assert sorted(r.key.decode() for r in records) == sorted(SEED_IDS)


async def test_nothing_valid_exits_non_zero(settings: Settings, tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text("not json", encoding="utf-8")
    result = await run_replay_cli(settings, "unused", [str(tmp_path)])
    assert result.returncode == 2
    assert "broken.json" in result.stderr and "nothing to publish" in result.stderr


async def test_ctrl_c_says_what_was_published_and_exits_130(
    settings: Settings, unique_name: Callable[[str], str]
) -> None:
    """A replay stopped before it is done exits 130 (README, "Exit codes"), after saying
    how far it got."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("NEWSMON_")}
    env = clean | {
        "NEWSMON_KAFKA_BOOTSTRAP_SERVERS": str(settings.kafka_bootstrap_servers),
        "NEWSMON_ARTICLES_TOPIC": unique_name("ctrl-c"),
        "NEWSMON_METRICS_PORT": "0",
    }
    replay = subprocess.Popen(
        [sys.executable, "-m", "services.cli", "replay", str(SEEDS), "--rate", "5", "--loop"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env,
    )  # fmt: skip
    await asyncio.sleep(4)  # connected, and publishing one article every 0.2 s
    assert replay.poll() is None, replay.communicate()
    replay.send_signal(signal.SIGINT)
    out, err = await asyncio.to_thread(replay.communicate, timeout=30)
    assert replay.returncode == 130, err
    assert out.startswith("published ") and out.rstrip().endswith("; interrupted"), out
    assert "newsmon replay: interrupted: published " in err


async def test_without_a_broker_address_it_says_what_to_set() -> None:
    result = await asyncio.to_thread(replay_cli, [str(SEEDS)])
    assert result.returncode == 2
    assert "set NEWSMON_KAFKA_BOOTSTRAP_SERVERS (`newsmon stack up` starts a local Kafka" in result.stderr


async def test_unreachable_broker_fails_clearly() -> None:
    address = f"127.0.0.1:{free_port()}"
    result = await asyncio.to_thread(replay_cli, [str(SEEDS)], NEWSMON_KAFKA_BOOTSTRAP_SERVERS=address)
    assert result.returncode == 3
    assert f"cannot reach Kafka at {address}" in result.stderr
    assert "Traceback" not in result.stderr


async def test_broker_dying_mid_replay_says_how_many_were_published(
    settings: Settings, tmp_path: Path
) -> None:
    broker = await start_broker(tmp_path, settings)
    try:
        mine = settings.model_copy(update={"kafka_bootstrap_servers": broker.bootstrap})
        articles, _ = load_articles([SEEDS])
        replayer = Replayer(
            articles, mine, ReplayPlan(rate=20, loop=True), request_timeout_ms=2000,
            producer_options={"max_batch_size": 1},
        )  # fmt: skip
        task = asyncio.create_task(replayer.run())
        deadline = time.monotonic() + 15
        while replayer.result.published < 5 and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        broker.process.popen.kill()
        result = await asyncio.wait_for(task, timeout=30)
    finally:
        broker.stop()
    assert result.published >= 5
    assert result.error is not None
    assert f"Published {result.published} article(s) before the failure" in result.error
    assert result.sent >= result.published


async def test_embedded_broker_refuses_the_idempotent_producer(stack: Stack, settings: Settings) -> None:
    """Why the replayer runs with enable_idempotence=False: tansu 0.6 answers InitProducerId
    with an unknown error.  When this test fails, the broker learned it: turn it on."""
    if not stack.embedded_broker:
        pytest.skip("checks the embedded broker only")
    producer = AIOKafkaProducer(**kafka_client_options(settings), acks="all", enable_idempotence=True)
    try:
        with pytest.raises(KafkaError):
            await asyncio.wait_for(producer.start(), timeout=20)
    finally:
        await producer.stop()


async def test_replayer_api_with_one_record_batches(
    stack: Stack, settings: Settings, unique_name: Callable[[str], str]
) -> None:
    """The way `newsmon demo` calls it: in process, with the stack's producer options."""
    mine = settings.model_copy(update={"articles_topic": unique_name("articles")})
    articles, _ = load_articles([SEEDS])
    published: list[int] = []
    replayer = Replayer(
        articles, mine, ReplayPlan(count=3), producer_options=stack.producer_options,
        on_published=lambda: published.append(1),
    )  # fmt: skip
    result = await replayer.run()
    assert (result.published, result.sent, result.error) == (3, 3, None)
    assert len(published) == 3
    records, _ = await read_topic(mine, mine.articles_topic, expected=3)
    assert [r.key.decode() for r in in_publish_order(records)] == SEED_IDS[:3]


async def test_a_second_replay_of_the_same_ids_says_so(
    settings: Settings, unique_name: Callable[[str], str]
) -> None:
    """Same ids, same alert ids: a worker raises nothing new, and the summary says why."""
    topic = unique_name("articles")
    first = await run_replay_cli(settings, topic, [str(SEEDS)])
    assert first.returncode == 0 and "note:" not in first.stdout, first.stdout
    again = await run_replay_cli(settings, topic, [str(SEEDS)])
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[1] == (
        f"note: all 5 articles were on {topic} already (same ids): a worker takes them for articles it "
        "has seen and raises no new alerts for them; --as-new publishes them as a new run"
    )
    partly = await run_replay_cli(settings, topic, [str(SEEDS), "--loop", "--count", "7"])
    assert "note: all 5 articles were on" in partly.stdout  # the first pass; the loop ids are new


async def test_a_new_run_publishes_the_same_files_under_new_ids(
    settings: Settings, unique_name: Callable[[str], str]
) -> None:
    topic = unique_name("articles")
    await run_replay_cli(settings, topic, [str(SEEDS)])
    named = await run_replay_cli(settings, topic, [str(SEEDS), "--run", "second"])
    assert named.returncode == 0, named.stderr
    assert "note:" not in named.stdout
    assert "publishing as run 'second': article ids get #second appended" in named.stderr
    fresh = await run_replay_cli(settings, topic, [str(SEEDS), "--as-new"])
    assert fresh.returncode == 0 and "note:" not in fresh.stdout
    records, _ = await read_topic(settings, topic, expected=15)
    keys = sorted(r.key.decode() for r in records)
    assert [k for k in keys if k.endswith("#second")] == [f"{i}#second" for i in sorted(SEED_IDS)]
    assert len({k.split("#", 1)[1] for k in keys if "#run-" in k}) == 1  # one fresh name for the run
    bad = await run_replay_cli(settings, topic, [str(SEEDS), "--run", "two words"])
    assert bad.returncode == 2 and "--run takes" in bad.stderr


async def test_a_too_large_article_is_skipped_with_the_streams_reason(
    settings: Settings, unique_name: Callable[[str], str], tmp_path: Path
) -> None:
    """Replay applies NEWSMON_MAX_BODY_BYTES as the worker does, instead of letting Kafka's
    own record limit (or the dead-letter topic) decide."""
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    big = Article(article_id="big", source="Wire", body="word " * 5_000)
    (inputs / "big.json").write_text(big.model_dump_json(), encoding="utf-8")
    topic = unique_name("articles")
    result = await run_replay_cli(settings, topic, [str(inputs)], NEWSMON_MAX_BODY_BYTES="20000")
    assert result.returncode == 1
    size = len(big.model_dump_json().encode())
    assert (
        f"newsmon replay: skipped {inputs / 'big.json'}: too_large: {size} bytes > limit 20000 "
        "(NEWSMON_MAX_BODY_BYTES)"
    ) in result.stderr.splitlines()
    assert result.stdout.startswith("published 5, skipped 1 in ")


async def test_the_id_lookup_reads_small_topics_only(
    settings: Settings, unique_name: Callable[[str], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A test stream is scanned; a topic over SCAN_LIMIT records (production) is not."""
    mine = settings.model_copy(update={"articles_topic": unique_name("articles")})
    assert await seen.published_before(mine, SEED_IDS) == 0  # no such topic yet
    await run_replay_cli(settings, mine.articles_topic, [str(SEEDS)])
    assert await seen.published_before(mine, [*SEED_IDS, "never-published"]) == 5
    monkeypatch.setattr(seen, "SCAN_LIMIT", 4)
    assert await seen.published_before(mine, SEED_IDS) is None
