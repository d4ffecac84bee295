"""Why the embedded stack could not start, as one line a user can act on.

The command line prints `str(error)` and exits non-zero; a stack trace would only
bury the one fact that matters (no binary, port taken, broker never answered).
"""

from __future__ import annotations


class StackStartError(RuntimeError):
    """Kafka or Redis could not be started or reached; the message is one line."""


class BrokerStartError(StackStartError):
    """The Kafka-compatible broker could not be started or did not answer."""


class RedisStartError(StackStartError):
    """No Redis answered and none could be started."""


class PortInUse(StackStartError):
    """A server asked to listen on a fixed port found it taken."""
