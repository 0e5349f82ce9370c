"""`netiquette eval`: the metrics on a small labelled file whose answers are known."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from click.testing import Result

Run = Callable[..., Result]
Jsonl = Callable[[Path, Sequence[object]], Path]

STAFF_TO_PUPIL = {"type": "friend-request", "from": "Hannah Vickery", "to": "Finley Brockhurst"}
STAFF_TO_PARENT = {"type": "friend-request", "from": "Sarah Achterberg", "to": "Claire Fenwick"}
PARENT_TO_PARENT = {"type": "friend-request", "from": "Claire Fenwick", "to": "Imran Rahman"}


def expect(verdict: str, kinds: Sequence[str] = (), optional: Sequence[str] = ()) -> dict:
    return {"verdict": verdict, "kinds": list(kinds), "optional": list(optional)}


# Labels chosen so every figure is known: one right block, one right review, one right ok,
# a staff-to-pupil request wrongly labelled ok (a false alarm), a parent-to-parent request
# wrongly labelled block (a miss), and a request the labels allow as optional.
CASES = [
    {"id": "e1", **STAFF_TO_PUPIL, "expect": expect("block", ["friend-request"])},
    {"id": "e2", **STAFF_TO_PARENT, "expect": expect("review", ["friend-request"])},
    {"id": "e3", "text": "Year 3 are collecting conkers.", "expect": expect("ok")},
    {"id": "e4", **STAFF_TO_PUPIL, "expect": expect("ok"), "note": "wrongly labelled"},
    {"id": "e5", **PARENT_TO_PARENT, "expect": expect("block", ["friend-request"])},
    {"id": "e6", **STAFF_TO_PARENT, "expect": expect("ok", optional=["friend-request"])},
]


def evaluate(run: Run, jsonl: Jsonl, school: Path, tmp_path: Path, *extra: str) -> Result:
    cases = jsonl(tmp_path / "cases.jsonl", CASES)
    return run(["eval", cases, "--school", school, *extra])


def test_it_reports_the_metrics_as_json(
    run: Run, jsonl: Jsonl, school_file: Path, tmp_path: Path
) -> None:
    result = evaluate(run, jsonl, school_file, tmp_path, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["cases"] == 6
    assert data["verdict_accuracy"] == round(3 / 6, 4)
    assert (data["ok_cases"], data["false_alarms"]) == (3, 1)
    assert data["false_alarm_rate"] == round(1 / 3, 4)
    friend = data["kinds"]["friend-request"]
    assert (friend["true_positives"], friend["false_positives"], friend["false_negatives"]) == (
        2,
        1,
        1,
    )
    assert friend["recall"] == round(2 / 3, 4)
    assert friend["precision"] == round(2 / 3, 4)
    assert data["kinds"]["abuse"]["recall"] is None
    assert "failures" not in data


def test_it_prints_a_table_and_the_failures(
    run: Run, jsonl: Jsonl, school_file: Path, tmp_path: Path
) -> None:
    result = evaluate(run, jsonl, school_file, tmp_path, "--failures")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert any(line.split()[:4] == ["friend-request", "3", "66.7%", "66.7%"] for line in lines)
    assert "verdict accuracy: 50.0% (3/6)" in result.stdout
    assert "false alarms on ok cases: 33.3% (1/3)" in result.stdout
    assert "3 cases not right:" in result.stdout
    failures = lines[lines.index("3 cases not right:") + 1 :]
    assert failures == [
        "  e4: expected ok, got block; also found friend-request (wrongly labelled)",
        "  e5: expected block, got ok; missed friend-request",
        "  e6: expected ok, got review",  # a wrong verdict, but an allowed kind: no false alarm
    ]


def test_a_case_without_expect_names_file_and_line(
    run: Run, jsonl: Jsonl, school_file: Path, tmp_path: Path
) -> None:
    cases = jsonl(tmp_path / "cases.jsonl", [CASES[0], {"id": "x", "text": "hi"}])
    result = run(["eval", cases, "--school", school_file])
    assert result.exit_code == 2
    assert f"{cases}:2: expect: is required for a labelled case" in result.stderr


def test_a_bad_expected_kind_is_named(
    run: Run, jsonl: Jsonl, school_file: Path, tmp_path: Path
) -> None:
    bad = {"id": "x", "text": "hi", "expect": expect("ok", ["defame"])}
    cases = jsonl(tmp_path / "cases.jsonl", [bad])
    result = run(["eval", cases, "--school", school_file])
    assert result.exit_code == 2
    assert f"{cases}:1: expect.kinds[0]: unknown kind 'defame'" in result.stderr
