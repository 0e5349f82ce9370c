"""Scanning many items: read JSON Lines or CSV, check them in batches, write results in order.

Checking is a pure function over a batch (`Engine.check_many`), so a batch can run in this
process, in a worker process or on another machine; this module only reads, batches, fans
batches out and writes. Memory stays flat whatever the input size: lines are read lazily,
at most a few batches are in flight, results are written as they come back, in input
order, and only the abusive items' authors and targets are kept, to find repeated abuse
across the whole input at the end (`netiquette.series`). Output is all or nothing
(`netiquette.scan_output`): a bad line, a crash or Ctrl-C never leaves a half file.
"""

from __future__ import annotations

import csv
import gc
import io
import json
import os
import re
import signal
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from netiquette.engine import Engine
from netiquette.findings import Result
from netiquette.items import AnyItem, parse_item
from netiquette.kinds import RuleKind
from netiquette.scan_output import (
    RESULT_COLUMNS,
    Format,
    amend_results,
    atomic_output,
    result_row,
    result_writer,
    staged_output,
)
from netiquette.series import Amendment, SeriesTracker
from netiquette.validation import ValidationError

__all__ = [
    "RESULT_COLUMNS",
    "Format",
    "InputError",
    "Summary",
    "atomic_output",
    "result_row",
    "result_writer",
    "scan",
    "scan_file",
]

BATCH_SIZE = 500
STDIN = "<stdin>"
# Columns of a CSV input whose cells hold JSON (a list of attachments, a labelled expectation).
JSON_COLUMNS = ("attachments", "expect")


class InputError(ValidationError):
    """A line of the input that is not a valid item; the source names file and line."""


@dataclass(frozen=True)
class Line:
    """One input record: its line number, and the item or why it is not one."""

    number: int
    item: AnyItem | None = None
    error: InputError | None = None
    raw: str = ""


class Source:
    """An input stream's lines, counting the characters read (for a progress bar).

    Files are read with undecodable bytes kept as lone surrogates, so such a line is an
    error naming it (and with --skip-invalid, skipped) rather than the end of the scan;
    a strict stream's decoding error still names the line it stopped at."""

    def __init__(self, stream: TextIO, name: str) -> None:
        self.stream = stream
        self.name = name
        self.chars = 0
        self.lines = 0

    def __iter__(self) -> Iterator[str]:
        lines = iter(self.stream)
        while True:
            try:
                line = next(lines)
            except StopIteration:
                return
            except UnicodeDecodeError as error:
                where = f"{self.name}:{self.lines + 1}"
                raise InputError([f"not UTF-8 text ({error.reason})"], where) from error
            self.lines += 1
            self.chars += len(line)
            yield line

    def close(self) -> None:
        if self.name != STDIN:
            self.stream.close()


def read_lines(source: Source, fmt: Format) -> Iterator[Line]:
    """Every record of the input, in order, parsed into an item or an error naming its line."""
    if fmt is Format.CSV:
        return _read_csv(source, source.name)
    return _read_jsonl(source, source.name)


# Undecodable bytes, as `surrogateescape` decoding leaves them.
_UNDECODABLE = re.compile("[\udc80-\udcff]")
NOT_UTF8 = "not UTF-8 text"
UNDECODED = "surrogateescape"


def _undecodable(text: str) -> bool:
    return not text.isascii() and _UNDECODABLE.search(text) is not None


def _printable(text: str) -> str:
    """The text with each undecodable byte shown as U+FFFD, so it can be written out."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _read_jsonl(source: Iterable[str], name: str) -> Iterator[Line]:
    for number, raw in enumerate(source, start=1):
        if not raw.strip():
            continue
        where = f"{name}:{number}"
        if _undecodable(raw):
            error = InputError([NOT_UTF8], where)
            yield Line(number, error=error, raw=_printable(raw.rstrip("\n")))
            continue
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as error:
            problem = f"not valid JSON ({error.msg}, column {error.colno})"
            yield Line(number, error=InputError([problem], where), raw=raw.rstrip("\n"))
            continue
        yield _parsed(number, data, where, raw.rstrip("\n"))


def _read_csv(source: Iterable[str], name: str) -> Iterator[Line]:
    reader = csv.DictReader(iter(source))
    if reader.fieldnames is not None and "id" not in reader.fieldnames:
        yield Line(1, error=InputError(["the header has no 'id' column"], f"{name}:1"))
        return
    number = reader.line_num
    for row in reader:
        where = f"{name}:{number + 1}"
        raw = json.dumps(row, ensure_ascii=False)
        data, problems = _csv_record(row)
        if _undecodable(raw):
            problems, raw = [NOT_UTF8], _printable(raw)
        if problems:
            yield Line(number + 1, error=InputError(problems, where), raw=raw)
        else:
            yield _parsed(number + 1, data, where, raw)
        number = reader.line_num


def _csv_record(row: dict[str | Any, str | Any]) -> tuple[dict[str, Any], list[str]]:
    """A CSV row as an item object: empty cells are missing, JSON columns decoded."""
    data: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in row.items():
        if key is None:
            problems.append("the row has more cells than the header")
            continue
        if value is None or value == "":
            continue
        if key in JSON_COLUMNS:
            try:
                value = json.loads(value)
            except json.JSONDecodeError as error:
                problems.append(f"{key}: not valid JSON ({error.msg})")
                continue
        data[key] = value
    return data, problems


def _parsed(number: int, data: object, where: str, raw: str) -> Line:
    try:
        return Line(number, item=parse_item(data, source=where), raw=raw)
    except ValidationError as error:
        return Line(number, error=InputError(error.problems, where), raw=raw)


@dataclass
class Summary:
    """What a scan saw: items checked, lines skipped, verdicts and findings by kind."""

    items: int = 0
    skipped: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    # Abusive items recorded to find repeated abuse: the only state that grows with a scan.
    recorded: int = 0

    def add(self, result: Result) -> None:
        self.items += 1
        self.verdicts[result.verdict.value] += 1
        self.kinds.update(f.kind.value for f in result.findings)

    def amend(self, amendments: Mapping[int, Amendment]) -> None:
        """Count the series findings added after the results were written."""
        for amendment in amendments.values():
            self.verdicts[amendment.verdict.value] -= 1
            self.verdicts[amendment.new_verdict.value] += 1
            self.kinds[RuleKind.CYBERBULLYING.value] += len(amendment.findings)

    @property
    def flagged(self) -> int:
        return self.items - self.verdicts["ok"]


def batches(
    lines: Iterable[Line], size: int, on_error: Callable[[Line], None] | None
) -> Iterator[list[AnyItem]]:
    """Items in batches of `size`; a bad line raises, or goes to `on_error` when given."""
    batch: list[AnyItem] = []
    for line in lines:
        if line.error is not None:
            if on_error is None:
                raise line.error
            on_error(line)
            continue
        assert line.item is not None
        batch.append(line.item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


Checked = tuple[list[AnyItem], list[Result]]


def check_batches(
    engine: Engine, work: Iterable[list[AnyItem]], workers: int = 1
) -> Iterator[Checked]:
    """Each batch with its results, in order, without series (the caller finds those over
    the whole input); with workers > 1 batches run in worker processes."""
    if workers <= 1:
        before = gc.get_threshold()
        start_scanning(engine)
        try:
            for batch in work:
                yield batch, engine.check_many(batch, series=False)
        finally:
            gc.set_threshold(*before)
        return
    pending: deque[tuple[list[AnyItem], Future[list[Result]]]] = deque()
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(engine,)) as pool:
        try:
            for batch in work:
                pending.append((batch, pool.submit(_check_in_worker, batch)))
                if len(pending) >= 2 * workers:  # bounded: memory stays flat
                    batch, future = pending.popleft()
                    yield batch, future.result()
            while pending:
                batch, future = pending.popleft()
                yield batch, future.result()
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


_worker_engine: Engine | None = None
# The garbage collector's first threshold while scanning (Python's default is 700).
YOUNG_GENERATION = 50_000


def start_scanning(engine: Engine) -> None:
    """What a process does before it scans: warm the engine up (`Engine.warm_up`), and let
    the collector's youngest generation grow larger before it is collected.

    Checking a post makes and drops dozens of small objects (readings, candidates, spans),
    nearly all of them gone by the next post, so collecting every 700 new objects walks the
    survivors of a batch again and again for nothing: a larger threshold saves about a
    thirtieth of the time in `benchmarks/scan.py`. Reference counting still frees each
    object as it goes; only cycles wait longer. The setting is the process's: the
    single-process scan puts it back when it ends.
    """
    engine.warm_up()
    young, *older = gc.get_threshold()
    gc.set_threshold(max(young, YOUNG_GENERATION), *older)


def _start_worker(engine: Engine) -> None:
    # The parent handles Ctrl-C (and a termination) and cleans up; workers just stop with it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    global _worker_engine
    start_scanning(engine)
    _worker_engine = engine


def _check_in_worker(batch: list[AnyItem]) -> list[Result]:
    assert _worker_engine is not None
    return _worker_engine.check_many(batch, series=False)


def scan(
    engine: Engine,
    lines: Iterable[Line],
    write: Callable[[Result], None],
    *,
    workers: int = 1,
    batch_size: int = BATCH_SIZE,
    on_error: Callable[[Line], None] | None = None,
    on_batch: Callable[[int], None] | None = None,
    series: SeriesTracker | None = None,
) -> Summary:
    """Check every item and write each result, in input order; raises `InputError` on a bad
    line unless `on_error` takes it.

    Repeated abuse can only be judged once every item is in, so results are written
    without it; `series` is told about every item, and its `amendments()` say which
    results to add findings to afterwards (`scan_file` does that)."""
    summary = Summary()

    def skip(line: Line) -> None:
        summary.skipped += 1
        assert on_error is not None
        on_error(line)

    work = batches(lines, batch_size, skip if on_error else None)
    for items, results in check_batches(engine, work, workers):
        for item, result in zip(items, results, strict=True):
            if series is not None:
                series.add(summary.items, item, result)
            write(result)
            summary.add(result)
        if on_batch is not None:
            on_batch(len(results))
    summary.recorded = series.recorded if series is not None else 0
    return summary


def error_record(line: Line) -> dict[str, Any]:
    """A skipped line for the errors file: where it was, what was wrong, and the line itself."""
    assert line.error is not None
    return {"line": line.number, "error": "; ".join(line.error.problems), "raw": line.raw}


def error_writer(stream: TextIO) -> Callable[[Line], None]:
    def write(line: Line) -> None:
        stream.write(json.dumps(error_record(line), ensure_ascii=False) + "\n")

    return write


def text_input(stream: TextIO) -> TextIO:
    """Standard input read as a file is: UTF-8 (a byte-order mark skipped), newlines kept
    for CSV, undecodable bytes left for the line's error."""
    raw = getattr(stream, "buffer", None)
    if raw is None:
        return stream
    return io.TextIOWrapper(raw, encoding="utf-8-sig", errors=UNDECODED, newline="")


def open_input(path: str, stdin: TextIO | None = None) -> Source:
    """The input's lines, named as errors will name them ('-' is standard input)."""
    if path == "-" and stdin is not None:
        return Source(stdin, STDIN)
    try:
        return Source(open(path, encoding="utf-8-sig", errors=UNDECODED, newline=""), path)
    except OSError as error:
        raise InputError([f"cannot read the file: {error.strerror}"], path) from error


def scan_file(
    engine: Engine,
    input_path: str,
    output: str,
    *,
    in_format: Format,
    out_format: Format,
    workers: int = 1,
    batch_size: int = BATCH_SIZE,
    errors_path: Path | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> Summary:
    """Scan a file ('-': `stdin`) into a results file ('-': `stdout`), all or nothing.

    Results, series of repeated abuse included, are the same as one `check_many` over the
    whole input. Bad lines raise `InputError` unless `errors_path` is given, where they are
    recorded instead. Standard output, too, gets the results only once the whole input has
    been checked. `on_progress` is told how many characters of the input have been read."""
    with ExitStack() as stack:
        source = open_input(input_path, stdin)
        stack.callback(source.close)
        on_error = None
        if errors_path is not None:
            on_error = error_writer(stack.enter_context(atomic_output(errors_path)))
        stage = stack.enter_context(staged_output(output, stdout))
        tracker = SeriesTracker(engine)
        summary = scan(
            engine,
            read_lines(source, in_format),
            result_writer(stage.stream, out_format),
            workers=workers,
            batch_size=batch_size,
            on_error=on_error,
            on_batch=None if on_progress is None else lambda _n: on_progress(source.chars),
            series=tracker,
        )
        amendments = tracker.amendments()
        if amendments:
            stage.rewrite(lambda old, new: amend_results(old, new, out_format, amendments))
            summary.amend(amendments)
        return summary


def available_cores() -> int:
    """The cores this process may run on (a container or `taskset` may allow fewer)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1
