"""The command line describes itself: every command's --help, the settings each one reads,
`--version`, and usage errors that stay on one line outside a terminal.

Behaviour of the commands themselves is tested with the services they call.
"""

from __future__ import annotations

import fnmatch
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from typer.models import CommandInfo
from typer.testing import CliRunner

from services.cli import SETTINGS_READ, app
from services.config import Settings

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]


def command_name(command: CommandInfo) -> str:
    """The name Typer gives a command: explicit, else the function name with dashes."""
    if command.name:
        return command.name
    assert command.callback is not None
    return command.callback.__name__.replace("_", "-")


COMMANDS: dict[str, CommandInfo] = {command_name(command): command for command in app.registered_commands}


def plain(text: str) -> str:
    """Help text without rich's boxes and line wrapping, so phrases can be searched."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", text).split())


def first_words(command: CommandInfo, count: int = 6) -> str:
    docstring = command.callback.__doc__ if command.callback else None
    assert docstring, "every command needs a docstring: it is its --help text"
    return " ".join(docstring.split()[:count])


def test_the_documented_commands_exist() -> None:
    assert set(COMMANDS) >= {
        "analyze",
        "compare",
        "replay",
        "worker",
        "subscribe",
        "demo",
        "story",
        "stories",
    }


def test_top_level_help_lists_every_command_and_where_settings_come_from() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0, result.output
    for name in [*COMMANDS, "stack"]:
        assert name in result.output
    text = plain(result.output)
    assert "NEWSMON_*" in text and "Exit codes: 0 done" in text


@pytest.mark.parametrize("group", [[], ["stack"]])
def test_command_lists_show_each_summary_on_one_line(group: list[str]) -> None:
    """Rich keeps a docstring's line breaks in `newsmon --help`'s list of commands, which
    cut sentences mid-way ("no gap between history" / "and live)"): one row each."""
    result = runner.invoke(app, [*group, "--help"], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    rows = [" ".join(line.strip("│ ").split()) for line in result.output.splitlines()]
    typers = [app] if not group else [g.typer_instance for g in app.registered_groups if g.name == group[0]]
    commands = [c for t in typers for c in t.registered_commands if c.callback and c.callback.__doc__]
    assert commands
    for command in commands:
        assert command.callback is not None and command.callback.__doc__ is not None
        summary = " ".join(command.callback.__doc__.split("\n\n")[0].split())
        assert any(row.endswith(summary) for row in rows), (summary, result.output)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_help_describes_the_command(name: str) -> None:
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0, result.output
    text = plain(result.output)
    assert f"Usage: newsmon {name}" in text
    assert first_words(COMMANDS[name]) in text


ALL_COMMANDS = [*COMMANDS, "stack up", "stack down", "stack status", "stack env"]


@pytest.mark.parametrize("name", ALL_COMMANDS)
def test_every_help_names_the_settings_the_command_reads(name: str) -> None:
    result = runner.invoke(app, [*name.split(), "--help"])
    assert result.exit_code == 0, result.output
    text = plain(result.output).replace(" ", "")
    assert "Settingsitreads:" in text
    for setting in SETTINGS_READ[name]:
        assert setting in text, f"{setting} not in `newsmon {name} --help`"


def test_the_settings_named_are_real() -> None:
    """Each name or pattern in SETTINGS_READ matches a Settings field, and every command
    has an entry: a renamed setting fails here, not in a user's shell."""
    variables = [f"NEWSMON_{field.upper()}" for field in Settings.model_fields]
    for command, names in SETTINGS_READ.items():
        for name in names:
            assert fnmatch.filter(variables, name), f"{command}: {name} matches no setting"
    assert set(SETTINGS_READ) == set(ALL_COMMANDS)


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"newsmon {version('newsmon')}\n"


def test_usage_errors_are_one_plain_line_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    """Rich draws a box 80 columns wide outside a terminal, cutting long paths in two."""
    missing = tmp_path / ("a-directory-name-long-enough-to-wrap-" * 3) / "seeds"
    run = subprocess.run(
        [sys.executable, "-m", "services.cli", "replay", str(missing)],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert run.returncode == 2
    errors = [line for line in run.stderr.splitlines() if line.startswith("Error:")]
    assert errors == [f"Error: Invalid value for 'paths': path '{missing}' does not exist."], run.stderr
    assert "╭" not in run.stderr


def test_worker_without_a_broker_says_how_to_get_one() -> None:
    result = runner.invoke(app, ["worker"], env={"NEWSMON_KAFKA_BOOTSTRAP_SERVERS": None})
    assert result.exit_code == 2
    assert result.stderr == (
        "newsmon worker: set NEWSMON_KAFKA_BOOTSTRAP_SERVERS (`newsmon stack up` starts a local Kafka "
        "and prints the line to export) or use `newsmon demo`\n"
    )
