"""Tripwires for services/processor/faust_compat.py: every Faust or aiokafka internal
newsmon relies on, and the Faust behaviour that made newsmon keep its own offsets.
A failure here after an upgrade means: re-check faust_compat.py against the new
version (and ledger.py's reasons), then update CHECKED_AGAINST."""

import inspect
from collections import defaultdict
from importlib.metadata import version
from types import SimpleNamespace

import faust
from aiokafka.consumer.fetcher import Fetcher
from faust.transport.consumer import Consumer, ThreadDelegateConsumer
from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread
from faust.types import TP
from intervaltree import IntervalTree

from services.processor import faust_compat


def test_the_installed_versions_are_the_checked_ones() -> None:
    installed = {name: version(name) for name in faust_compat.CHECKED_AGAINST}
    assert installed == faust_compat.CHECKED_AGAINST, (
        "Faust or aiokafka changed: re-check services/processor/faust_compat.py and this file"
    )
    assert faust_compat.unchecked_versions() == {}


def test_the_member_commit_newsmon_calls_is_still_there() -> None:
    commit = ThreadDelegateConsumer._commit
    assert inspect.iscoroutinefunction(commit)
    assert list(inspect.signature(commit).parameters) == ["self", "offsets"]
    assert inspect.iscoroutinefunction(AIOKafkaConsumerThread.commit)
    assert "_thread" in inspect.getsource(ThreadDelegateConsumer.__init__)


def test_the_fetch_wait_newsmon_tunes_is_still_read_per_request() -> None:
    assert hasattr(AIOKafkaConsumerThread, "_ensure_consumer")
    assert "_fetch_max_wait_ms" in inspect.getsource(Fetcher.__init__)
    assert "self._fetch_max_wait_ms" in inspect.getsource(Fetcher)


def test_a_topic_without_acks_is_never_committed_by_faust() -> None:
    """newsmon's topics are declared acks=False so that only newsmon commits them."""
    app = faust.App("compat-test", broker="kafka://localhost:1")
    topic = app.topic("t", acks=False)
    assert topic.acks is False
    source = inspect.getsource(Consumer.ack)
    assert "acks_enabled_for" in source


def test_faust_still_commits_past_a_record_in_flight() -> None:
    """Why ledger.py exists (faust-streaming 0.15.3 and master): with several actors, an
    unacked record at the committed offset is passed over, and before the first commit
    every record in flight is.  If this fails, Faust fixed it: ledger.py stays correct,
    but its docstring should say so."""
    tp = TP("t", 0)
    state = SimpleNamespace(
        _acked=defaultdict(list),
        _acked_index=defaultdict(set),
        _gap=defaultdict(IntervalTree),
        _committed_offset=defaultdict(lambda: None),
    )
    state._committed_offset[tp] = 27  # 0..26 done, 27 still being prepared
    state._acked[tp] = [28, 29, 30]
    assert Consumer._new_offset(state, tp) == 31  # type: ignore[arg-type]
    state._committed_offset[tp] = None  # no commit yet; 0..2 in flight
    state._acked[tp] = [3, 4, 5]
    assert Consumer._new_offset(state, tp) == 6  # type: ignore[arg-type]
