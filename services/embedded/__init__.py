"""A Kafka and a Redis for the demo and the tests, started here when none is configured.

`embedded_stack(settings)` is the entry point; the modules behind it each do one job:
process.py (child processes), broker.py (tansu), kafka_admin.py (readiness, topics),
redis_server.py (find or start Redis), stack.py (putting it together), local.py (the
same on fixed ports with a state file: `newsmon stack up` and the demo).
"""

from services.embedded.errors import BrokerStartError, RedisStartError, StackStartError
from services.embedded.stack import Stack, StepReporter, embedded_stack

__all__ = [
    "BrokerStartError",
    "RedisStartError",
    "Stack",
    "StackStartError",
    "StepReporter",
    "embedded_stack",
]
