"""Where a scan's results go: formats, all-or-nothing files, and the late series findings.

Results are written to a temporary file beside the target (or in the system's temporary
directory for standard output). Only when the whole scan has worked is that file moved into
place, or copied to standard output, so a bad line, a crash or Ctrl-C never leaves a half
file. Repeated abuse is known only at the end, so when a series reached its threshold the
temporary file is streamed once more into a fresh one with the findings added: memory stays
flat whatever the size of the scan.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from enum import StrEnum
from pathlib import Path
from typing import Any, TextIO

from netiquette.findings import Result
from netiquette.series import Amendment

RESULT_COLUMNS = ("id", "verdict", "kinds", "clauses", "findings", "redacted")


class Format(StrEnum):
    JSONL = "jsonl"
    CSV = "csv"

    @classmethod
    def for_path(cls, path: str | Path, default: Format | None = None) -> Format:
        """The format a file name implies: `.csv` is CSV, anything else JSON Lines."""
        if str(path).lower().endswith(".csv"):
            return cls.CSV
        return default or cls.JSONL


def result_row(result: Result) -> dict[str, str]:
    """A result flattened for CSV: kinds and clauses joined, the findings kept as JSON."""
    return {
        "id": result.id,
        "verdict": result.verdict.value,
        "kinds": ";".join(sorted({f.kind.value for f in result.findings})),
        "clauses": ";".join(sorted({f.clause for f in result.findings})),
        "findings": json.dumps([f.to_dict() for f in result.findings], ensure_ascii=False),
        "redacted": result.redacted or "",
    }


def result_writer(stream: TextIO, fmt: Format) -> Callable[[Result], None]:
    """A function that writes one result to the stream in the chosen format."""
    if fmt is Format.CSV:
        writer = csv.DictWriter(stream, fieldnames=RESULT_COLUMNS, lineterminator="\n")
        writer.writeheader()
        return lambda result: writer.writerow(result_row(result))

    def write(result: Result) -> None:
        stream.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")

    return write


class Stage:
    """A temporary file that becomes the output only when `commit` or `copy_to` is called."""

    def __init__(self, directory: Path | None, name: str) -> None:
        self.directory = directory
        self.name = name
        self.path, self.stream = self._open()

    def _open(self) -> tuple[str, TextIO]:
        handle, path = tempfile.mkstemp(dir=self.directory, prefix=f".{self.name}.", suffix=".part")
        # A lone surrogate (from a JSON escape in the input) is written as that same escape.
        stream = os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace", newline="")
        return path, stream

    def rewrite(self, amend: Callable[[TextIO, TextIO], None]) -> None:
        """Stream what was written through `amend` into a fresh temporary file."""
        self.stream.close()
        old = self.path
        self.path, self.stream = self._open()
        try:
            with open(old, encoding="utf-8", newline="") as source:
                amend(source, self.stream)
        finally:
            os.unlink(old)

    def commit(self, target: Path) -> None:
        """Move the file into place, with the permissions a new file would have."""
        self.stream.flush()
        os.fsync(self.stream.fileno())
        self.stream.close()
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(self.path, 0o666 & ~mask)
        os.replace(self.path, target)

    def copy_to(self, out: TextIO) -> None:
        """Copy the file to a stream: its bytes, where the stream has them, so the results
        stay UTF-8 whatever the terminal's encoding."""
        self.stream.close()
        out.flush()
        raw = getattr(out, "buffer", None)
        if raw is not None:
            with open(self.path, "rb") as source:
                shutil.copyfileobj(source, raw)
            raw.flush()
        else:
            with open(self.path, encoding="utf-8", newline="") as text:
                shutil.copyfileobj(text, out)
            out.flush()
        os.unlink(self.path)

    def discard(self) -> None:
        self.stream.close()
        with suppress(FileNotFoundError):
            os.unlink(self.path)


@contextmanager
def staged_output(output: str, stdout: TextIO | None = None) -> Iterator[Stage]:
    """A stage for `output` ('-': `stdout`), committed only if the block completes."""
    to_stdout = output == "-"
    if to_stdout and stdout is None:
        raise ValueError("give stdout to write results to '-'")
    target = Path(output)
    stage = Stage(None if to_stdout else target.parent, "netiquette" if to_stdout else target.name)
    try:
        yield stage
        if stdout is not None and to_stdout:
            stage.copy_to(stdout)
        else:
            stage.commit(target)
    except BaseException:
        stage.discard()
        raise


@contextmanager
def atomic_output(path: Path) -> Iterator[TextIO]:
    """A file that appears at `path` only if the block completes; otherwise nothing changes."""
    with staged_output(str(path)) as stage:
        yield stage.stream


def amend_results(
    source: TextIO, target: TextIO, fmt: Format, amendments: Mapping[int, Amendment]
) -> None:
    """Copy a results file, adding each amendment's findings to the result at its position."""
    if fmt is Format.CSV:
        _amend_csv(source, target, amendments)
        return
    for index, line in enumerate(source):
        amendment = amendments.get(index)
        if amendment is None:
            target.write(line)
            continue
        data = json.loads(line)
        _amend_record(data, amendment)
        target.write(json.dumps(data, ensure_ascii=False) + "\n")


def _amend_csv(source: TextIO, target: TextIO, amendments: Mapping[int, Amendment]) -> None:
    reader = csv.reader(source)
    writer = csv.writer(target, lineterminator="\n")
    header = next(reader, None)
    if header is None:
        return
    writer.writerow(header)
    for index, row in enumerate(reader):
        amendment = amendments.get(index)
        if amendment is not None:
            record = dict(zip(header, row, strict=True))
            data = {"verdict": record["verdict"], "findings": json.loads(record["findings"])}
            _amend_record(data, amendment)
            record["verdict"] = data["verdict"]
            record["findings"] = json.dumps(data["findings"], ensure_ascii=False)
            record["kinds"] = ";".join(sorted({f["kind"] for f in data["findings"]}))
            record["clauses"] = ";".join(sorted({f["clause"] for f in data["findings"]}))
            row = [record[column] for column in header]
        writer.writerow(row)


def _amend_record(data: dict[str, Any], amendment: Amendment) -> None:
    """The same change as `engine.with_findings`, made to a result already written out."""
    findings = [*data["findings"], *(f.to_dict() for f in amendment.findings)]
    findings.sort(key=lambda f: (f["start"], f["end"]))
    data["findings"] = findings
    data["verdict"] = amendment.new_verdict.value
