"""`netiquette check`: exit codes and bad input."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

Run = Callable[..., Result]


def test_a_plain_post_is_ok_and_exits_0(run: Run) -> None:
    result = run(["check", "Year 3 are collecting conkers.", "--role", "staff"])
    assert result.exit_code == 0
    assert "Verdict: OK" in result.stdout


def test_it_reads_standard_input_and_prints_json(run: Run) -> None:
    result = run(["check", "--format", "json", "--channel", "school"], "Sports day is Friday.")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["id"], data["verdict"], data["findings"]) == ("1", "ok", [])


def test_nothing_to_check_is_exit_2(run: Run) -> None:
    result = run(["check"], "   \n")
    assert result.exit_code == 2
    assert "nothing to check" in result.stderr


def test_a_bad_policy_is_exit_2_naming_the_file(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text("title: T\nclauses:\n  - {id: a, kind: abuse, strength: maybe, text: T}\n")
    result = run(["check", "hello", "--policy", path])
    assert result.exit_code == 2
    assert f"{path}: clauses[0].strength: unknown strength 'maybe'" in result.stderr
