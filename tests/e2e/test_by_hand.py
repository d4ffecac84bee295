"""README, "Run it by hand", run as written: stack up → worker → subscribe → replay the
seeds twice, then as a new run → stories → the story with its 300 → 311 history → down.

The commands are the README's own (checked below: the README cannot show a command this
test does not run, nor this test run one the README does not show), run as the `newsmon`
script of the .venv the README has the user activate (its bin/ first on PATH); only the ports
(free ones instead of 19092/16379), the state directory and /metrics (off) differ, so the
test never touches a stack of the user's.  Real processes, real broker, real Redis.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from services.embedded.process import free_port

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
VENV_BIN = Path(sys.executable).parent  # .venv/bin: what `source .venv/bin/activate` puts on PATH
STORY = "story-9f9d771fc5d44bc1"  # the seeds' story: named after its first article
FIGURE = "killed: more than 300 (Wire service (EN), 06:00) → at least 311 (EFE (translated), 14:45)"

#: What the README's section shows, in its order; `{story}` is the id `stories` prints.
JOURNEY = [
    "newsmon stack up --detach",
    "newsmon worker",
    "newsmon subscribe --from-start",
    "newsmon replay seeds",
    "newsmon replay seeds",
    "newsmon replay seeds --as-new",
    "newsmon stories",
    f"newsmon story {STORY}",
    "newsmon stack down",
]


def readme_commands() -> list[str]:
    """The `newsmon …` lines of the code blocks in README's "Run it by hand"."""
    section = README.split("## Run it by hand", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, flags=re.DOTALL)
    return [line.strip() for block in blocks for line in block.splitlines() if line.startswith("newsmon ")]


def test_the_readme_shows_exactly_the_journey_tested_here() -> None:
    assert readme_commands() == JOURNEY


def test_the_readme_says_how_newsmon_gets_on_the_path() -> None:
    """A new user's first `newsmon stack up` was "command not found": the README had not
    said that `newsmon` lives in the .venv that `make install` creates."""
    section = README.split("## Run it by hand", 1)[1].split("\n## ", 1)[0]
    first_block = re.findall(r"```sh\n(.*?)```", section, flags=re.DOTALL)[0]
    assert [line.split("#")[0].strip() for line in first_block.splitlines()] == [
        "make install",
        "source .venv/bin/activate",
    ]
    assert (VENV_BIN / "newsmon").is_file(), f"no newsmon script next to {sys.executable}"


def readme_story_sample() -> list[str]:
    """The lines of README's `newsmon story` sample that do not depend on how many claims
    the analysis finds: title, the first article, the copy, the figures."""
    section = README.split("## Run it by hand", 1)[1].split("\n## ", 1)[0]
    sample = section.split(f"newsmon story {STORY}\n```\n\n```\n", 1)[1].split("```", 1)[0]
    lines = sample.splitlines()
    kept = ("new story", "translation of", "killed:")
    return lines[:1] + [line for line in lines if any(word in line for word in kept)]


@dataclass
class Shell:
    """The user's terminals: one environment, what `stack up` told them to export."""

    env: dict[str, str]
    workdir: Path

    def argv(self, command: str) -> list[str]:
        """The README's words as they are: `newsmon` is found on the PATH."""
        words = shlex.split(command)
        assert words[0] == "newsmon"
        return words

    def run(self, command: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            self.argv(command), capture_output=True, text=True, cwd=ROOT, env=self.env, timeout=timeout
        )

    def start(self, command: str, name: str) -> subprocess.Popen[str]:
        out = (self.workdir / f"{name}.out").open("w")
        err = (self.workdir / f"{name}.err").open("w")
        return subprocess.Popen(  # its own process group, as a terminal's foreground job
            self.argv(command),
            stdout=out,
            stderr=err,
            text=True,
            cwd=ROOT,
            env=self.env,
            start_new_session=True,
        )

    def output(self, name: str, stream: str = "out") -> str:
        return (self.workdir / f"{name}.{stream}").read_text(encoding="utf-8")

    def wait_for(
        self, name: str, text: str, count: int = 1, timeout: float = 120, stream: str = "out"
    ) -> None:
        deadline = time.monotonic() + timeout
        while self.output(name, stream).count(text) < count:
            assert time.monotonic() < deadline, (
                f"no {count}× {text!r} from {name}:\n{self.output(name, stream)}"
            )
            time.sleep(0.1)

    def settle(self, name: str, quiet: float = 2.0, timeout: float = 60) -> str:
        """The output once nothing was added to it for `quiet` seconds (a loaded machine
        delivers one article's alerts over a few hundred milliseconds)."""
        deadline = time.monotonic() + timeout
        seen, since = self.output(name), time.monotonic()
        while time.monotonic() - since < quiet:
            assert time.monotonic() < deadline, f"{name} never went quiet:\n{seen}"
            time.sleep(0.1)
            if (now := self.output(name)) != seen:
                seen, since = now, time.monotonic()
        return seen


@pytest.fixture
def shell(tmp_path: Path) -> Iterator[Shell]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSMON_") and k != "REDIS_URL"}
    env |= {
        "NEWSMON_STACK_DIR": str(tmp_path / "stack"),
        "NEWSMON_STACK_KAFKA_PORT": str(free_port()),
        "NEWSMON_STACK_REDIS_PORT": str(free_port()),
        "NEWSMON_METRICS_PORT": "0",
        "NEWSMON_INTAKE_PROCESSES": "1",  # one model copy is enough for five articles
        "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}",  # source .venv/bin/activate
    }
    shell = Shell(env, tmp_path)
    yield shell
    shell.run("newsmon stack down", timeout=60)  # also when the test failed half way


def stop(process: subprocess.Popen[str]) -> int | None:
    """Ctrl-C, as the README says: the terminal signals the whole process group (the
    worker's intake children too).  None, after killing the group, if it does not listen:
    a command left running would spoil every later test."""
    os.killpg(process.pid, signal.SIGINT)
    try:
        return process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return None


def test_run_it_by_hand(shell: Shell) -> None:
    up = shell.run(JOURNEY[0])
    assert up.returncode == 0, up.stderr
    exports = dict(re.findall(r"^export (NEWSMON_[A-Z_]+)=(\S+)$", up.stdout, flags=re.MULTILINE))
    assert set(exports) == {"NEWSMON_KAFKA_BOOTSTRAP_SERVERS", "NEWSMON_REDIS_URL"}
    shell.env |= exports  # the two lines, and nothing else

    worker = shell.start(JOURNEY[1], "worker")
    subscriber = shell.start(JOURNEY[2], "subscribe")
    try:
        shell.wait_for("subscribe", "following stream newsmon:alerts at redis://127.0.0.1:", stream="err")
        first = shell.run(JOURNEY[3])
        assert first.returncode == 0 and first.stdout.startswith("published 5, skipped 0"), first.stderr
        shell.wait_for("subscribe", "killed: more than 300 → at least 311")
        # the figure's alert comes first of its article's: its claims may still be on the way
        alerts = shell.settle("subscribe").count("\n")

        again = shell.run(JOURNEY[4])
        assert again.returncode == 0, again.stderr
        assert "note: all 5 articles were on news.articles already (same ids)" in again.stdout, again.stderr

        new_run = shell.run(JOURNEY[5])
        assert new_run.returncode == 0 and "note:" not in new_run.stdout, new_run.stdout
        shell.wait_for("subscribe", ": exact copy of ", count=5)
        time.sleep(1.0)  # anything else the two replays raised would be here by now
        lines = shell.output("subscribe").splitlines()
        assert len(lines) == alerts + 5 and all(line.startswith("COPY") for line in lines[alerts:]), lines
    finally:
        stopped = {"subscribe": stop(subscriber), "worker": stop(worker)}  # both, whatever failed
    assert stopped == {"subscribe": 0, "worker": 0}, shell.output("worker", "err")[-3000:]
    assert "KeyboardInterrupt" not in shell.output("worker", "err"), shell.output("worker", "err")[-3000:]

    stories = shell.run(JOURNEY[6])
    assert stories.returncode == 0 and stories.stdout.splitlines()[1].split()[0] == STORY, stories.stdout
    story = shell.run(JOURNEY[7])
    assert story.returncode == 0, story.stderr
    assert f"  {FIGURE}" in story.stdout.splitlines()
    sample = readme_story_sample()
    assert len(sample) == 5 and [line for line in sample if line not in story.stdout.splitlines()] == []
    assert "10 articles" in story.stdout.splitlines()[1]  # five, and five copies of the new run
    as_json = json.loads(shell.run(f"{JOURNEY[7]} --json").stdout)
    killed = next(f for f in as_json["figures"] if f["measure"] == "killed")
    assert [(h["value"], h["qualifier"], h["source"]) for h in killed["history"]] == [
        (300, "more_than", "Wire service (EN)"),
        (311, "at_least", "EFE (translated)"),
    ]

    down = shell.run(JOURNEY[8])
    assert down.returncode == 0 and "stopped newsmon stack" in down.stderr
    assert shell.run("newsmon stack status").returncode == 3
