"""Debian tools the deployment tests run (promtool, prometheus, docker-compose), installed
on first use when missing — the development and CI machines are Debian and the tests
run as root there.  Where apt cannot install them the tests are skipped, saying why."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from functools import cache

import pytest

APT_TIMEOUT_SECONDS = 600


@cache
def _install(package: str) -> str | None:
    """Install `package` with apt-get; None on success, else why it could not be done."""
    if shutil.which("apt-get") is None:
        return "apt-get is not available (not a Debian machine)"
    if os.geteuid() != 0:
        return "installing Debian packages needs root"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-q", "--no-install-recommends", package]
    for attempt in range(2):
        result = subprocess.run(install, env=env, capture_output=True, text=True, timeout=APT_TIMEOUT_SECONDS)
        if result.returncode == 0:
            return None
        if attempt == 0:  # stale or missing package lists: refresh once, then retry
            subprocess.run(
                ["apt-get", "update", "-q"], env=env, capture_output=True, timeout=APT_TIMEOUT_SECONDS
            )
    return f"apt-get install {package} failed: {result.stderr.strip()[-300:]}"


def debian_tool(binary: str, package: str, say: Callable[[str], None] = print) -> str:
    """Path of `binary`, installing Debian's `package` first when it is missing (and saying
    so through `say`: an install is never silent); skips the test with the reason when
    that is impossible."""
    found = shutil.which(binary)
    if found is None:
        say(f"installing Debian package {package} for `{binary}` (deployment tests, first run only)…")
        problem = _install(package)
        found = shutil.which(binary)
        if found is None:
            pytest.skip(f"needs `{binary}` from Debian's {package} package: {problem or 'not on PATH'}")
    return found
