"""A story's memory goes when a commit passes its eviction — never before, and not never
(it used to stay for good when the commit at the eviction failed: "story kept")."""

from services.processor.messages import StoryState
from services.processor.tables import StoryTable

TP = ("app-assigned", 1)


def table_with(*keys: bytes) -> tuple[dict[bytes, bytes], StoryTable]:
    raw: dict[bytes, bytes] = {}
    stories = StoryTable(raw)
    for key in keys:
        stories.set(key, StoryState({"story_id": key.decode()}, {}))
    return raw, stories


def test_a_memory_goes_once_a_commit_passes_its_eviction() -> None:
    raw, stories = table_with(b"a", b"b")
    stories.evict_after_commit(TP, 10, b"a")
    stories.evict_after_commit(TP, 20, b"b")
    stories.committed({TP: 10})  # the eviction at 10 is not below the commit yet
    assert set(raw) == {b"a", b"b"}
    stories.committed({("app-assigned", 0): 99})  # another partition's commit
    assert set(raw) == {b"a", b"b"}
    stories.committed({TP: 11})
    assert set(raw) == {b"b"} and stories.pending_evictions == 1
    stories.committed({TP: 25})
    assert raw == {} and stories.pending_evictions == 0


def test_a_revoked_partition_leaves_its_evictions_to_the_next_owner() -> None:
    raw, stories = table_with(b"a")
    stories.evict_after_commit(TP, 10, b"a")
    stories.revoked([TP])
    stories.committed({TP: 11})
    assert set(raw) == {b"a"} and stories.pending_evictions == 0
    assert stories.get(b"a") == StoryState({"story_id": "a"}, {})
