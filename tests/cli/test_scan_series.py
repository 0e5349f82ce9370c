"""`netiquette scan` finds repeated abuse across the whole input, whatever the batches and
workers: the same results as one `check_many` over every item."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result as CliResult

from netiquette.engine import Engine
from netiquette.items import parse_item
from netiquette.policy import load_policy
from netiquette.resources import DEMO_POLICY, bundled
from netiquette.scan_output import result_row
from netiquette.school import load_school

Run = Callable[..., CliResult]
Jsonl = Callable[[Path, Sequence[object]], Path]

AT_GRACE = "Grace Oyelaran is a stupid cow"
AT_YOU = "you are a pathetic loser"
PLAIN = "Year 3 are collecting conkers for maths this week."


def records(abusive_at: Sequence[int], count: int = 30) -> list[dict[str, Any]]:
    """Plain posts from several authors, with Jay's abuse of Grace at the given positions,
    and some other abuse that is no series (two items, or no known target)."""
    out: list[dict[str, Any]] = []
    for n in range(count):
        record: dict[str, Any] = {"id": f"p{n}", "text": f"{PLAIN} {n}", "author": f"Parent {n}"}
        if n in abusive_at:
            record = {"id": f"a{n}", "text": AT_GRACE, "author": "Jay Morrow"}
        elif n in (3, 17):
            record = {"id": f"s{n}", "text": AT_GRACE, "author": "Sam Reed"}
        elif n in (5, 6, 7):
            record = {"id": f"u{n}", "text": AT_YOU, "author": "Jay Morrow", "channel": "direct"}
        out.append(record)
    return out


def whole_input_results(school_file: Path, data: list[dict[str, Any]]) -> list[dict[str, Any]]:
    engine = Engine(load_policy(bundled(DEMO_POLICY)), load_school(school_file))
    return [r.to_dict() for r in engine.check_many([parse_item(d) for d in data])]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def series_of(results: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    found = {r["id"]: [f for f in r["findings"] if f["detector"] == "series"] for r in results}
    return {item_id: findings for item_id, findings in found.items() if findings}


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_series_spread_over_batches_is_found_on_its_last_item(
    run: Run, jsonl: Jsonl, school_file: Path, tmp_path: Path, workers: str
) -> None:
    data = records(abusive_at=(1, 12, 26, 28))
    items = jsonl(tmp_path / "items.jsonl", data)
    out = tmp_path / "results.jsonl"
    args = ["scan", items, "--school", school_file, "-o", out, "--batch-size", "4"]
    result = run([*args, "--workers", workers])
    assert result.exit_code == 1, result.output
    results = read_jsonl(out)
    (finding,) = series_of(results)["a28"]
    assert list(series_of(results)) == ["a28"]
    assert finding["details"] == {
        "count": 4,
        "items": ["a1", "a12", "a26", "a28"],
        "target": "Grace Oyelaran",
    }
    assert results == whole_input_results(school_file, data)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["items.jsonl", "results.jsonl"]


def test_below_the_threshold_there_is_no_series(
    run: Run, jsonl: Jsonl, school_file: Path, tmp_path: Path
) -> None:
    data = records(abusive_at=(2, 25))
    items = jsonl(tmp_path / "items.jsonl", data)
    out = tmp_path / "results.jsonl"
    args = ["scan", items, "--school", school_file, "-o", out, "--batch-size", "4"]
    result = run([*args, "--workers", "2"])
    assert result.exit_code == 1
    results = read_jsonl(out)
    assert series_of(results) == {}
    assert results == whole_input_results(school_file, data)


def test_the_summary_counts_the_series_finding(
    run: Run, jsonl: Jsonl, school_file: Path, tmp_path: Path
) -> None:
    # Abuse that names a pupil without being aimed at her: each item alone is for review.
    about = "Grace's lot are vermin and should go back where they came from"
    data = [
        {"id": f"a{n}", "text": PLAIN if n % 2 else about, "author": "J", "author_role": "parent"}
        for n in range(5)
    ]
    items = jsonl(tmp_path / "items.jsonl", data)
    out = tmp_path / "results.jsonl"
    result = run(["scan", items, "--school", school_file, "-o", out, "--workers", "1"])
    assert [r["verdict"] for r in read_jsonl(out)] == ["review", "ok", "review", "ok", "block"]
    assert re.search(r"findings: cyberbullying\s*│\s*1\s*│", result.stderr)
    assert re.search(r"findings: abuse\s*│\s*3\s*│", result.stderr)
    assert re.search(r"verdict review\s*│\s*2\s*│", result.stderr)
    assert re.search(r"verdict block\s*│\s*1\s*│", result.stderr)


def test_csv_results_get_the_series_finding_too(
    run: Run, jsonl: Jsonl, school_file: Path, tmp_path: Path
) -> None:
    data = records(abusive_at=(0, 9, 21))
    items = jsonl(tmp_path / "items.jsonl", data)
    out = tmp_path / "results.csv"
    args = ["scan", items, "--school", school_file, "-o", out, "--batch-size", "5"]
    result = run([*args, "--workers", "2"])
    assert result.exit_code == 1
    with out.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    engine = Engine(load_policy(bundled(DEMO_POLICY)), load_school(school_file))
    expected = engine.check_many([parse_item(d) for d in data])
    assert rows == [result_row(r) for r in expected]
    assert '"detector": "series"' in rows[21]["findings"]


def test_standard_output_gets_the_series_too(run: Run, school_file: Path) -> None:
    data = records(abusive_at=(4, 8, 9), count=12)
    stdin = "".join(json.dumps(d) + "\n" for d in data)
    args = ["scan", "-", "--school", school_file, "-o", "-", "--batch-size", "2"]
    result = run([*args, "--workers", "1"], stdin)
    assert result.exit_code == 1
    results = [json.loads(line) for line in result.stdout.splitlines()]
    assert list(series_of(results)) == ["a9"]
    assert results == whole_input_results(school_file, data)
