"""`netiquette policy validate` and `policy show`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from netiquette.resources import DEMO_POLICY, bundled

Run = Callable[..., Result]

OVERDUE = """\
title: Social Media Policy
school: Testbrook Primary
governance: {accepted: Autumn 2018, review: Spring 2020, owner: Governors}
procedure:
  steps: [{id: "1", text: Talk to the class teacher first.}]
  escalations: [{id: complaints, label: Complaints procedure, policy: complaints}]
related: [{id: complaints, title: Complaints Policy}]
clauses:
  - {id: c1, kind: abuse, strength: must-not, text: Never post abuse., section: Everyone}
  - {id: c2, kind: friend-request, strength: must-not, text: No pupil friends., roles: [staff]}
"""


def test_it_validates_the_demo_policy(run: Run) -> None:
    result = run(["policy", "validate", bundled(DEMO_POLICY)])
    assert result.exit_code == 0
    assert "valid" in result.stdout and "15 clauses" in result.stdout
    assert "note:" not in result.stdout  # the demo has a clause of every kind


def test_it_names_each_problem_by_place(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text(OVERDUE.replace("kind: abuse", "kind: defame").replace("title: S", "titel: S"))
    result = run(["policy", "validate", path])
    assert result.exit_code == 2
    assert f"error: {path}: title: is required" in result.stderr
    assert f"error: {path}: clauses[0].kind: unknown kind 'defame'" in result.stderr
    assert result.stdout == ""


def test_it_reports_unreadable_yaml(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text("title: [unclosed\n")
    result = run(["policy", "validate", path])
    assert result.exit_code == 2
    assert "not valid YAML" in result.stderr


def test_validate_notes_kinds_without_a_clause(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text(OVERDUE)
    result = run(["policy", "validate", path])
    assert result.exit_code == 0
    assert "review overdue (Spring 2020, from 2020-01-01)" in result.stdout
    assert "no clause of kind" in result.stdout and "personal-data" in result.stdout
    assert "abuse," not in result.stdout.split("no clause of kind")[1]


def test_show_gives_governance_clauses_and_procedure(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text(OVERDUE)
    result = run(["policy", "show", path])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Social Media Policy"
    assert "Accepted by governors: Autumn 2018" in lines
    assert "Review: overdue (Spring 2020, from 2020-01-01)" in lines
    assert "  c2 [must-not] friend-request (staff)" in lines
    assert "    Never post abuse." in lines
    assert "  escalate: Complaints procedure" in lines


def test_show_as_yaml_round_trips(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text(OVERDUE)
    result = run(["policy", "show", path, "--format", "yaml"])
    again = tmp_path / "again.yaml"
    again.write_text(result.stdout)
    assert run(["policy", "show", again, "--format", "yaml"]).stdout == result.stdout
    assert "review: Spring 2020" in result.stdout
