"""Messages keep to one line when stderr is not a terminal (pipes, logs, grep)."""

from __future__ import annotations

import io

from services import terminal


def test_a_long_message_is_not_wrapped_outside_a_terminal() -> None:
    console = terminal.console(stderr=True)
    assert not console.is_terminal  # pytest captures stderr
    console.file = io.StringIO()
    message = "skipped /a/very/long/path/" + "x" * 150 + ".json: too_large: 5000123 bytes > limit 1000000"
    console.print(message)
    assert console.file.getvalue() == message + "\n"
