"""Every command explains itself: --help works and shows an example."""

from __future__ import annotations

from collections.abc import Callable

import click
import pytest
from click.testing import Result

from netiquette.cli import main


def all_commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [prefix]
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            found += all_commands(command, (*prefix, name))
        else:
            found.append((*prefix, name))
    return found


Run = Callable[..., Result]
COMMANDS = all_commands(main)


def test_it_finds_the_commands_the_issue_asks_for() -> None:
    for expected in [("check",), ("scan",), ("eval",), ("policy", "validate"), ("policy", "show")]:
        assert expected in COMMANDS
    assert ("school", "validate") in COMMANDS
    assert ("school", "import-roster") in COMMANDS


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "netiquette")
def test_it_has_help_with_an_example(run: Run, path: tuple[str, ...]) -> None:
    result = run([*path, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output
    assert f"netiquette {' '.join(path)}".strip() in result.output.split("Example", 1)[1]
