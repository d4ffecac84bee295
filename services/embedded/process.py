"""Child processes (broker, redis-server) that never outlive newsmon.

Three rules, each learned the hard way with test suites that spawn servers:

* output goes to a log file, so a failed start can show its tail instead of "exited 1";
* the child runs in its own session: a Ctrl-C in the terminal reaches only newsmon,
  which then stops its children in order (the broker after the clients using it);
* on Linux the child gets SIGKILL when newsmon dies (PR_SET_PDEATHSIG), so even a
  `kill -9` of pytest leaves no broker holding a port.  The signal follows the
  *thread* that spawned the child: spawn from the event-loop thread, not a pool.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import signal
import socket
import subprocess
import sys
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

_PR_SET_PDEATHSIG = 1


def free_port(host: str = "127.0.0.1") -> int:
    """A port that was free a moment ago; callers retry if a child loses the race."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def port_free(port: int, host: str = "127.0.0.1") -> bool:
    """True when a server could listen on `port` now.  SO_REUSEADDR as the servers set it:
    a port left in TIME_WAIT by a stack that just stopped is free, a listening one is not."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def port_holder(port: int) -> str | None:
    """ "pid 1234 (redis-server)" for the process listening on TCP `port`, when Linux's /proc
    tells (it does for our own processes); None otherwise.  Only makes an error clearer."""
    inodes = _listening_inodes(port)
    if not inodes:
        return None
    sockets = {f"socket:[{inode}]" for inode in inodes}
    for fd_dir in Path("/proc").glob("[0-9]*/fd"):
        if _links(fd_dir) & sockets:
            pid = fd_dir.parent.name
            try:
                name = (fd_dir.parent / "comm").read_text().strip()
            except OSError:
                name = "?"
            return f"pid {pid} ({name})"
    return None


def _links(fd_dir: Path) -> set[str]:
    """What a process's open files point at (fds come and go while we look: skip those)."""
    links: set[str] = set()
    try:
        fds = list(fd_dir.iterdir())
    except OSError:
        return links
    for fd in fds:
        try:
            links.add(os.readlink(fd))
        except OSError:
            continue
    return links


def _listening_inodes(port: int) -> set[str]:
    """Socket inodes in state LISTEN (0A) on `port`, from /proc/net/tcp and tcp6."""
    found: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            if len(fields) > 9 and fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                found.add(fields[9])
    return found


def _load_prctl() -> Callable[..., int] | None:
    """libc's prctl, resolved now: loading a library in a forked child can deadlock."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True).prctl
    except (OSError, AttributeError):
        return None


_PRCTL = _load_prctl()


def _die_with_parent(parent_pid: int) -> Callable[[], None] | None:
    """A pre-exec hook asking the kernel to SIGKILL the child when its parent dies."""
    prctl = _PRCTL
    if prctl is None:
        return None

    def hook() -> None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent_pid:  # the parent died before prctl took effect
            os._exit(1)

    return hook


@dataclass
class ManagedProcess:
    """A started server process, its log file, and the signal that stops it politely."""

    name: str
    popen: subprocess.Popen[bytes]
    log_path: Path
    stop_signal: signal.Signals = signal.SIGTERM

    @classmethod
    def spawn(
        cls,
        name: str,
        argv: Sequence[str],
        log_path: Path,
        *,
        stop_signal: signal.Signals = signal.SIGTERM,
        cwd: Path | None = None,
        env: Mapping[str, str] | None = None,
    ) -> ManagedProcess:
        """Start `argv` with stdout and stderr in `log_path`; raises OSError if it cannot run."""
        with log_path.open("ab") as log:
            popen = subprocess.Popen(
                list(argv),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=cwd,
                env=dict(env) if env is not None else None,
                start_new_session=True,
                preexec_fn=_die_with_parent(os.getpid()),
            )
        return cls(name=name, popen=popen, log_path=log_path, stop_signal=stop_signal)

    @property
    def pid(self) -> int:
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen.poll() is None

    def log_tail(self, lines: int = 15) -> str:
        """The last lines of the child's output: what a failure message should quote."""
        try:
            with self.log_path.open(encoding="utf-8", errors="replace") as log:
                return "".join(deque(log, maxlen=lines)).strip()
        except OSError:
            return ""

    def stop(self, grace: float = 5.0) -> int:
        """Polite signal, then SIGKILL after `grace` seconds; returns the exit code.

        Synchronous on purpose: it runs in `finally` blocks while the event loop is
        being cancelled (Ctrl-C), where awaiting is not reliable.
        """
        if self.alive():
            with contextlib.suppress(ProcessLookupError):
                self.popen.send_signal(self.stop_signal)
            try:
                return self.popen.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    self.popen.kill()
        return self.popen.wait()
