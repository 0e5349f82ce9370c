"""Running the `netiquette` command in-process with click's CliRunner, on real files."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from netiquette.cli import main
from netiquette.resources import DEMO_SCHOOL, bundled

Run = Callable[..., Result]


@pytest.fixture
def run() -> Run:
    """Invoke the command line; exceptions propagate so a crash is never read as an exit code."""
    runner = CliRunner()

    def invoke(args: Sequence[str], stdin: str | None = None) -> Result:
        return runner.invoke(
            main, [str(a) for a in args], stdin, prog_name="netiquette", catch_exceptions=False
        )

    return invoke


@pytest.fixture
def school_file() -> Path:
    return bundled(DEMO_SCHOOL)


def write_jsonl(path: Path, records: Sequence[object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def jsonl() -> Callable[[Path, Sequence[object]], Path]:
    """Write records to a JSON Lines file and return its path."""
    return write_jsonl
