"""`netiquette scan` on bad input and interruptions: an error naming file and line, exit 2,
and no output at all; with --skip-invalid the bad lines are recorded and the rest checked."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from click.testing import Result

Run = Callable[..., Result]
Jsonl = Callable[[Path, Sequence[object]], Path]

PLAIN = "Year 3 are collecting conkers for maths this week."


def line(item_id: str, text: str = PLAIN) -> bytes:
    return json.dumps({"id": item_id, "text": text}).encode() + b"\n"


def test_standard_input_to_standard_output_gets_nothing_on_a_late_bad_line(
    run: Run, school_file: Path
) -> None:
    stdin = "".join(line(f"p{n}").decode() for n in range(6)) + '{"id": "late"}\n'
    args = ["scan", "-", "--school", school_file, "-o", "-", "--batch-size", "2"]
    result = run([*args, "--workers", "1"], stdin)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "<stdin>:7: text: is required" in result.stderr


def test_a_line_that_is_not_utf8_is_named(run: Run, school_file: Path, tmp_path: Path) -> None:
    items = tmp_path / "items.jsonl"
    items.write_bytes(line("a") + b'{"id": "b", "text": "caf\xe9"}\n' + line("c"))
    out = tmp_path / "out.jsonl"
    result = run(["scan", items, "--school", school_file, "-o", out, "--workers", "1"])
    assert result.exit_code == 2
    assert f"{items}:2: not UTF-8 text" in result.stderr
    assert not out.exists()


def test_skip_invalid_records_a_line_that_is_not_utf8_and_checks_the_rest(
    run: Run, school_file: Path, tmp_path: Path
) -> None:
    items = tmp_path / "items.jsonl"
    items.write_bytes(line("a") + b'{"id": "b", "text": "caf\xe9"}\n' + line("c"))
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    args = ["scan", items, "--school", school_file, "-o", out, "--workers", "1"]
    result = run([*args, "--skip-invalid", "--errors", errors])
    assert result.exit_code == 0, result.output
    assert [json.loads(row)["id"] for row in out.read_text().splitlines()] == ["a", "c"]
    (bad,) = [json.loads(row) for row in errors.read_text(encoding="utf-8").splitlines()]
    assert bad == {"line": 2, "error": "not UTF-8 text", "raw": '{"id": "b", "text": "caf\ufffd"}'}


def test_a_csv_row_that_is_not_utf8_is_skipped(run: Run, school_file: Path, tmp_path: Path) -> None:
    items = tmp_path / "items.csv"
    items.write_bytes(b"id,text\nc1,fine\nc2,caf\xe9\nc3,also fine\n")
    out, errors = tmp_path / "out.csv", tmp_path / "errors.jsonl"
    args = ["scan", items, "--school", school_file, "-o", out, "--workers", "1"]
    result = run([*args, "--skip-invalid", "--errors", errors])
    assert result.exit_code == 0, result.output
    assert [row.split(",")[0] for row in out.read_text().splitlines()[1:]] == ["c1", "c3"]
    assert json.loads(errors.read_text(encoding="utf-8"))["line"] == 3


def test_a_lone_surrogate_escape_is_written_back_as_it_came(
    run: Run, school_file: Path, tmp_path: Path
) -> None:
    items = tmp_path / "items.jsonl"
    items.write_text('{"id": "s", "text": "half an emoji \\ud83d here"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run(["scan", items, "--school", school_file, "-o", out, "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["redacted"] == "half an emoji \ud83d here"


def test_errors_without_skip_invalid_is_refused(
    run: Run, jsonl: Jsonl, school_file: Path, tmp_path: Path
) -> None:
    items = jsonl(tmp_path / "items.jsonl", [{"id": "a", "text": PLAIN}])
    args = ["scan", items, "--school", school_file, "-o", tmp_path / "o.jsonl"]
    result = run([*args, "--errors", tmp_path / "e.jsonl"])
    assert result.exit_code == 2
    assert "--skip-invalid" in result.stderr
    assert list(tmp_path.iterdir()) == [items]


def test_help_says_how_standard_input_and_output_work(run: Run) -> None:
    text = " ".join(run(["scan", "--help"]).output.split())
    assert "'-' for standard input" in text
    assert "'-o -' the results go to standard output once the whole input has been checked" in text
    assert "summary go to standard error" in text


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "term"])
def test_an_interrupted_scan_leaves_no_file(
    school_file: Path, tmp_path: Path, signum: signal.Signals
) -> None:
    items = tmp_path / "items.jsonl"
    items.write_bytes(b"".join(line(f"p{n}", f"{PLAIN} {n}") for n in range(200_000)))
    out = tmp_path / "results.jsonl"
    command = "from netiquette.cli import main; main()"
    args = ["scan", str(items), "--school", str(school_file), "-o", str(out), "--workers", "2"]
    process = subprocess.Popen(
        [sys.executable, "-c", command, *args, "--batch-size", "50"],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    deadline = time.monotonic() + 120
    while not any(p.stat().st_size for p in tmp_path.glob(".results.jsonl.*.part")):
        assert process.poll() is None and time.monotonic() < deadline, "no results were written"
        time.sleep(0.05)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert "interrupted: no results written" in stderr
    assert list(tmp_path.iterdir()) == [items]
