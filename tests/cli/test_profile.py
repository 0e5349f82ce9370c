"""`netiquette profile`: time per item for every detector and the engine's own share."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from click.testing import Result as CliResult

from netiquette.engine import Engine
from netiquette.items import AnyItem, parse_item
from netiquette.profile import Profiler, profile

Run = Callable[..., CliResult]
Jsonl = Callable[[Path, Sequence[object]], Path]

RECORDS: list[dict[str, object]] = [
    {"id": "p1", "text": "Well done Noah Fenwick! Call 07700 900123.", "author_role": "parent"},
    {"id": "p2", "text": "Grace Oyelaran is a stupid cow", "author": "J", "channel": "direct"},
    {"id": "p3", "text": "See www.willowbank.example for the photos", "channel": "personal"},
    {"id": "f1", "type": "friend-request", "from": "Hannah Vickery", "to": "Noah Fenwick"},
    # Staff on school email: the only place the work-time clause binds, so its detector runs.
    {
        "id": "p4",
        "text": "Paying for my holiday cottage",
        "author_role": "staff",
        "channel": "school-system",
    },
]


def items() -> list[AnyItem]:
    return [parse_item(record) for record in RECORDS]


def test_it_prints_every_detector_and_the_engine(
    run: Run, jsonl: Jsonl, school_file: Path, tmp_path: Path, engine: Engine
) -> None:
    path = jsonl(tmp_path / "items.jsonl", RECORDS)
    result = run(["profile", path, "--school", school_file])
    assert result.exit_code == 0, result.output
    rows = dict(re.findall(r"^(\S[^\n]*?)\s+(\d+\.\d)\s", result.output, re.MULTILINE))
    names = [d.name for d in engine.detectors]
    assert len(names) > 10
    for name in [*names, "engine (judging and rest)", "total"]:
        assert name in rows, name
    assert "5 items" in result.output


def test_every_detector_is_timed_and_the_parts_add_up(engine: Engine) -> None:
    measured = profile(engine, [items(), items()])
    assert measured.items == 10
    assert [name for name, _us in measured.detectors] == [d.name for d in engine.detectors]
    assert all(us > 0 for _name, us in measured.detectors)
    parts = sum(us for _name, us in measured.detectors) + measured.engine
    assert abs(parts - measured.total) < 1e-6 and measured.engine > 0


def test_the_stopwatches_do_not_change_the_results(engine: Engine) -> None:
    assert Profiler(engine).check_many(items()) == engine.check_many(items())


def test_a_bad_line_is_exit_2_naming_it(run: Run, school_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "items.jsonl"
    path.write_text('{"id": "1", "text": "fine"}\n{"id": "2"}\n', encoding="utf-8")
    result = run(["profile", path, "--school", school_file])
    assert result.exit_code == 2
    assert f"{path}:2: text: is required" in result.stderr
