import random

from hypothesis import given
from hypothesis import strategies as st

from services.processor.sequencer import Sequencer, parse_seq


def test_out_of_order_arrivals_are_released_in_publish_order() -> None:
    seq: Sequencer[str] = Sequencer()
    assert seq.push(("r", 1), "b") == []
    assert seq.push(("r", 2), "c") == []
    assert seq.push(("r", 0), "a") == ["a", "b", "c"]
    assert seq.push(None, "x") == ["x"]
    assert seq.held == 0


@given(st.permutations(list(range(30))))
def test_any_arrival_order_gives_publish_order(order: list[int]) -> None:
    seq: Sequencer[int] = Sequencer()
    out: list[int] = []
    for n in order:
        out += seq.push(("run", n), n)
    assert out == list(range(30))


def test_a_gap_is_given_up_where_a_give_up_record_says_so() -> None:
    seq: Sequencer[int] = Sequencer()
    assert seq.push(("r", 1), 1) == []
    assert seq.push(("r", 3), 3) == []
    assert seq.gaps() == [("r", 0)]
    assert seq.give_up("r", 5) == []  # not the open gap: nothing happens
    assert seq.give_up("r", 0) == [1]  # released up to the next gap
    assert seq.gaps() == [("r", 2)]
    assert seq.give_up("r", 0) == []  # a second record for the same gap is a no-op
    assert seq.push(("r", 0), 0) == [0]  # the straggler still gets through
    assert seq.push(("r", 2), 2) == [2, 3]


def test_a_gap_is_given_up_when_too_much_is_held() -> None:
    seq: Sequencer[int] = Sequencer(max_held=3)
    numbers = [5, 6, 7, 8]
    out = [x for n in numbers for x in seq.push(("r", n), n)]
    assert out == numbers


def test_runs_are_independent() -> None:
    seq: Sequencer[str] = Sequencer()
    rng = random.Random(1)
    items = [("a", n) for n in range(5)] + [("b", n) for n in range(5)]
    rng.shuffle(items)
    out = [x for run, n in items for x in seq.push((run, n), f"{run}{n}")]
    assert [x for x in out if x[0] == "a"] == [f"a{n}" for n in range(5)]
    assert [x for x in out if x[0] == "b"] == [f"b{n}" for n in range(5)]


def test_parse_seq() -> None:
    assert parse_seq(b"abc:12") == ("abc", 12)
    assert parse_seq("x:y:3") == ("x:y", 3)
    assert parse_seq(b"nonsense") is None
    assert parse_seq(None) is None
    assert parse_seq(b"r:" + b"9" * 40) is None
