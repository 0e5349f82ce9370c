"""`netiquette scan`: formats, order, exit codes, bad input and atomic output."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from pathlib import Path

from click.testing import Result

Run = Callable[..., Result]
Jsonl = Callable[[Path, Sequence[object]], Path]

PLAIN = "Year 3 are collecting conkers for maths this week."
STAFF_TO_PUPIL = {"type": "friend-request", "from": "Hannah Vickery", "to": "Finley Brockhurst"}
PARENT_TO_PARENT = {"type": "friend-request", "from": "Claire Fenwick", "to": "Imran Rahman"}


def plain_items(count: int) -> list[dict[str, str]]:
    return [
        {"id": f"p{n}", "text": f"{PLAIN} Note {n}.", "author_role": "staff"} for n in range(count)
    ]


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_it_writes_one_result_per_item(
    run: Run, jsonl: Jsonl, school_file: Path, tmp_path: Path
) -> None:
    items = jsonl(tmp_path / "items.jsonl", plain_items(3))
    out = tmp_path / "results.jsonl"
    result = run(["scan", items, "--school", school_file, "--output", out, "--workers", "1"])
    assert result.exit_code == 0, result.output
    results = read_jsonl(out)
    assert [r["id"] for r in results] == ["p0", "p1", "p2"]
    assert {r["verdict"] for r in results} == {"ok"}
    assert "items checked" in result.stderr and "3" in result.stderr


def test_it_exits_1_when_something_is_flagged(
    run: Run, jsonl: Jsonl, school_file: Path, tmp_path: Path
) -> None:
    records = [*plain_items(1), {"id": "f1", **STAFF_TO_PUPIL}, {"id": "f2", **PARENT_TO_PARENT}]
    items = jsonl(tmp_path / "items.jsonl", records)
    out = tmp_path / "results.jsonl"
    result = run(["scan", items, "--school", school_file, "-o", out, "--workers", "1"])
    assert result.exit_code == 1
    verdicts = {r["id"]: r["verdict"] for r in read_jsonl(out)}
    assert verdicts == {"p0": "ok", "f1": "block", "f2": "ok"}
    assert "findings: friend-request" in result.stderr


def test_it_keeps_input_order_with_two_workers(
    run: Run, jsonl: Jsonl, school_file: Path, tmp_path: Path
) -> None:
    records: list[dict[str, str]] = []
    for n in range(40):
        request = STAFF_TO_PUPIL if n % 3 == 0 else PARENT_TO_PARENT
        records.append({"id": f"r{n}", **request})
    items = jsonl(tmp_path / "items.jsonl", records)
    out = tmp_path / "results.jsonl"
    args = ["scan", items, "--school", school_file, "-o", out, "--workers", "2"]
    result = run([*args, "--batch-size", "3"])
    assert result.exit_code == 1
    results = read_jsonl(out)
    assert [r["id"] for r in results] == [f"r{n}" for n in range(40)]
    assert [r["verdict"] for r in results] == ["block" if n % 3 == 0 else "ok" for n in range(40)]


def test_a_bad_line_names_file_and_line_and_writes_nothing(
    run: Run, jsonl: Jsonl, school_file: Path, tmp_path: Path
) -> None:
    records: list[object] = [*plain_items(16), {"id": "late", "author_role": "parent"}]
    items = jsonl(tmp_path / "items.jsonl", records)
    out = tmp_path / "results.jsonl"
    args = ["scan", items, "--school", school_file, "-o", out, "--batch-size", "2"]
    result = run([*args, "--workers", "1"])
    assert result.exit_code == 2
    assert f"{items}:17: text: is required" in result.stderr
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [items]  # no temporary file left behind either


def test_a_failed_scan_leaves_an_existing_output_untouched(
    run: Run, jsonl: Jsonl, school_file: Path, tmp_path: Path
) -> None:
    items = tmp_path / "items.jsonl"
    items.write_text(json.dumps(plain_items(1)[0]) + "\n{not json\n", encoding="utf-8")
    out = tmp_path / "results.jsonl"
    out.write_text("previous results\n", encoding="utf-8")
    result = run(["scan", items, "--school", school_file, "-o", out, "--workers", "2"])
    assert result.exit_code == 2
    assert f"{items}:2: not valid JSON" in result.stderr
    assert out.read_text(encoding="utf-8") == "previous results\n"


def test_skip_invalid_checks_the_rest_and_records_the_bad_lines(
    run: Run, school_file: Path, tmp_path: Path
) -> None:
    items = tmp_path / "items.jsonl"
    lines = [
        json.dumps({"id": "a", "text": PLAIN}),
        json.dumps({"id": "b", "text": PLAIN, "channel": "telegram"}),
        "",
        json.dumps({"id": "c", "text": PLAIN}),
        "[1, 2",
    ]
    items.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    args = ["scan", items, "--school", school_file, "-o", out, "--workers", "1"]
    result = run([*args, "--skip-invalid", "--errors", errors])
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in read_jsonl(out)] == ["a", "c"]
    bad = read_jsonl(errors)
    assert [e["line"] for e in bad] == [2, 5]
    assert "channel: unknown channel 'telegram'" in str(bad[0]["error"])
    assert bad[1]["raw"] == "[1, 2"
    assert "invalid lines skipped" in result.stderr


def test_skip_invalid_needs_an_errors_file(
    run: Run, jsonl: Jsonl, school_file: Path, tmp_path: Path
) -> None:
    items = jsonl(tmp_path / "items.jsonl", plain_items(1))
    args = ["scan", items, "--school", school_file, "-o", tmp_path / "o.jsonl", "--skip-invalid"]
    result = run(args)
    assert result.exit_code == 2
    assert "--errors" in result.stderr


def test_it_reads_and_writes_csv(run: Run, school_file: Path, tmp_path: Path) -> None:
    items = tmp_path / "items.csv"
    with items.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["id", "text", "author_role", "type", "from", "to", "unknown column"])
        writer.writerow(["c1", "A line, with a comma\nand a newline", "parent", "", "", "", "x"])
        writer.writerow(["c2", "", "", "friend-request", "Hannah Vickery", "Noah Fenwick", ""])
    out = tmp_path / "results.csv"
    result = run(["scan", items, "--school", school_file, "-o", out, "--workers", "1"])
    assert result.exit_code == 1, result.output
    with out.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [(r["id"], r["verdict"]) for r in rows] == [("c1", "ok"), ("c2", "block")]
    assert rows[0]["redacted"] == "A line, with a comma\nand a newline"
    assert rows[1]["kinds"] == "friend-request"
    assert json.loads(rows[1]["findings"])[0]["clause"] == "wb-4.1"


def test_a_bad_csv_row_names_its_line(run: Run, school_file: Path, tmp_path: Path) -> None:
    items = tmp_path / "items.csv"
    items.write_text('id,text\nc1,"two\nlines"\nc2,\n', encoding="utf-8")
    result = run(["scan", items, "--school", school_file, "-o", tmp_path / "out.csv"])
    assert result.exit_code == 2
    assert f"{items}:4: text: is required" in result.stderr


def test_it_writes_to_standard_output_and_reads_standard_input(run: Run, school_file: Path) -> None:
    stdin = "".join(json.dumps(r) + "\n" for r in plain_items(2))
    result = run(["scan", "-", "--school", school_file, "-o", "-", "--workers", "1"], stdin)
    assert result.exit_code == 0
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["p0", "p1"]
    assert "Scan summary" in result.stderr


def test_standard_output_gets_nothing_from_a_bad_file(
    run: Run, jsonl: Jsonl, school_file: Path, tmp_path: Path
) -> None:
    items = jsonl(tmp_path / "items.jsonl", [*plain_items(5), {"text": "no id"}])
    result = run(["scan", items, "--school", school_file, "-o", "-", "--batch-size", "1"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"{items}:6: id: is required" in result.stderr


def test_a_missing_input_or_school_is_exit_2(run: Run, school_file: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nope.jsonl"
    result = run(["scan", missing, "--school", school_file, "-o", tmp_path / "o.jsonl"])
    assert result.exit_code == 2
    assert str(missing) in result.stderr
    bad_school = tmp_path / "school.yaml"
    bad_school.write_text("school: {name: X}\npeople: [{name: A B, role: head}]\n")
    result = run(["scan", missing, "--school", bad_school, "-o", tmp_path / "o.jsonl"])
    assert result.exit_code == 2
    assert f"{bad_school}: people[0].role: unknown role 'head'" in result.stderr


def test_an_interrupted_write_leaves_no_file(tmp_path: Path) -> None:
    from netiquette.scan import atomic_output

    target = tmp_path / "results.jsonl"
    try:
        with atomic_output(target) as stream:
            stream.write('{"id": "1"}\n')
            raise KeyboardInterrupt
    except KeyboardInterrupt:
        pass
    assert list(tmp_path.iterdir()) == []


def test_a_scan_in_one_process_puts_the_collector_back_as_it_was() -> None:
    """A scan raises the collector's first threshold while it runs (`start_scanning`) and
    the single-process scan restores it, even when the caller stops early."""
    import gc

    from netiquette.engine import Engine
    from netiquette.items import Item
    from netiquette.policy import load_policy
    from netiquette.resources import DEMO_POLICY, DEMO_SCHOOL, bundled
    from netiquette.scan import YOUNG_GENERATION, check_batches
    from netiquette.school import load_school

    engine = Engine(load_policy(bundled(DEMO_POLICY)), load_school(bundled(DEMO_SCHOOL)))
    before = gc.get_threshold()
    work = [[Item("a", "Lovely trip today")], [Item("b", "Call me on 07700 900123")]]
    checked = check_batches(engine, work, workers=1)
    _, results = next(checked)
    assert [r.verdict.value for r in results] == ["ok"]
    assert gc.get_threshold()[0] == max(before[0], YOUNG_GENERATION)
    checked.close()  # stopped after the first batch
    assert gc.get_threshold() == before
