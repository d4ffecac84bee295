import random

from hypothesis import given
from hypothesis import strategies as st

from services.processor.sequencer import Sequencer, parse_seq


def test_out_of_order_arrivals_are_released_in_publish_order() -> None:
    seq: Sequencer[str] = Sequencer()
    assert seq.push(("r", 1), "b", 0.0) == []
    assert seq.push(("r", 2), "c", 0.0) == []
    assert seq.push(("r", 0), "a", 0.0) == ["a", "b", "c"]
    assert seq.push(None, "x", 0.0) == ["x"]
    assert seq.held == 0


@given(st.permutations(list(range(30))))
def test_any_arrival_order_gives_publish_order(order: list[int]) -> None:
    seq: Sequencer[int] = Sequencer()
    out: list[int] = []
    for n in order:
        out += seq.push(("run", n), n, 0.0)
    assert out == list(range(30))


def test_a_gap_that_never_closes_is_given_up_after_max_wait() -> None:
    seq: Sequencer[int] = Sequencer(max_wait=5.0)
    assert seq.push(("r", 1), 1, now=0.0) == []
    assert seq.tick(now=4.0) == []
    assert seq.tick(now=6.0) == [1]
    assert seq.push(("r", 0), 0, now=7.0) == [0]  # the straggler still gets through


def test_a_gap_is_given_up_when_too_much_is_held() -> None:
    seq: Sequencer[int] = Sequencer(max_held=3)
    numbers = [5, 6, 7, 8]
    out = [x for n in numbers for x in seq.push(("r", n), n, 0.0)]
    assert out == numbers


def test_runs_are_independent() -> None:
    seq: Sequencer[str] = Sequencer()
    rng = random.Random(1)
    items = [("a", n) for n in range(5)] + [("b", n) for n in range(5)]
    rng.shuffle(items)
    out = [x for run, n in items for x in seq.push((run, n), f"{run}{n}", 0.0)]
    assert [x for x in out if x[0] == "a"] == [f"a{n}" for n in range(5)]
    assert [x for x in out if x[0] == "b"] == [f"b{n}" for n in range(5)]


def test_parse_seq() -> None:
    assert parse_seq(b"abc:12") == ("abc", 12)
    assert parse_seq("x:y:3") == ("x:y", 3)
    assert parse_seq(b"nonsense") is None
    assert parse_seq(None) is None
    assert parse_seq(b"r:" + b"9" * 40) is None
