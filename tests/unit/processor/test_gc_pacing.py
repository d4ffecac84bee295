"""GC pacing: survivors are frozen out of the collector's sight, and the scheduled full
collection still frees a reference cycle that became garbage after its freeze."""

import gc
import weakref

from services.processor.gc_pacing import GcPacing


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_survivors_are_frozen_and_the_full_collection_frees_frozen_cycles() -> None:
    now = [0.0]
    pacing = GcPacing(full_every=60.0, clock=lambda: now[0])
    try:
        kept, dropped = Cycle(), Cycle()
        gone = weakref.ref(dropped)
        pacing.tick()
        assert not any(obj is kept for obj in gc.get_objects())  # out of every generation
        del dropped
        gc.collect()
        assert gone() is not None  # frozen: no ordinary collection looks at it
        now[0] = 61.0
        pacing.tick()  # the full collection, due now
        assert gone() is None
        assert gc.get_freeze_count() > 0  # and the rest is frozen again
    finally:
        gc.unfreeze()
