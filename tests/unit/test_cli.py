"""The command line describes itself, and unfinished commands say so instead of pretending.

Behaviour of the commands themselves is tested with the services they call.
"""

from __future__ import annotations

import re

import pytest
import typer
from typer.models import CommandInfo
from typer.testing import CliRunner

from services.cli import app, not_implemented

runner = CliRunner()


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


def test_the_six_documented_commands_exist() -> None:
    assert set(COMMANDS) >= {"analyze", "compare", "replay", "worker", "subscribe", "demo"}


def test_top_level_help_lists_every_command() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0, result.output
    for name in COMMANDS:
        assert name in result.output


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_help_describes_the_command(name: str) -> None:
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0, result.output
    text = plain(result.output)
    assert f"Usage: newsmon {name}" in text
    assert first_words(COMMANDS[name]) in text


def test_unfinished_commands_exit_2_with_a_message() -> None:
    """The contract of `not_implemented`, exercised through a real Typer command."""
    unfinished = typer.Typer()

    @unfinished.command()
    def later() -> None:
        not_implemented("later")

    result = runner.invoke(unfinished, [])
    assert result.exit_code == 2
    assert "newsmon later: not implemented yet" in result.stderr
    assert result.stdout == ""
