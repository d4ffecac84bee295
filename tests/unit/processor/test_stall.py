from services.processor.stall import StallDetector


def test_a_partition_with_lag_and_no_progress_is_reported_once_per_period() -> None:
    detector = StallDetector(after_seconds=30)
    key = ("news.articles", 2)
    assert detector.stalled({key: (1, 19)}, now=0) == []
    assert detector.stalled({key: (1, 19)}, now=29) == []
    assert detector.stalled({key: (1, 19)}, now=30) == [key]
    assert detector.stalled({key: (1, 19)}, now=40) == []  # watched afresh after a report
    assert detector.stalled({key: (1, 19)}, now=60) == [key]


def test_progress_or_no_lag_is_not_a_stall() -> None:
    detector = StallDetector(after_seconds=30)
    moving, idle = ("a", 0), ("b", 0)
    for t in range(0, 100, 5):
        assert detector.stalled({moving: (t, 5), idle: (7, 0)}, now=t) == []


def test_a_revoked_partition_is_forgotten() -> None:
    detector = StallDetector(after_seconds=30)
    key = ("a", 0)
    detector.stalled({key: (1, 3)}, now=0)
    detector.stalled({}, now=20)  # revoked
    assert detector.stalled({key: (1, 3)}, now=35) == []  # a new episode starts at 35
