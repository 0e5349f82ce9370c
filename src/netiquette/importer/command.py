"""`netiquette policy import`: the CLI layer over `import_policy`.

Both files are written to temporary names next to their targets and renamed into place only
when both are ready, so a failed import never leaves a half-written policy behind.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path
from typing import NoReturn

import click

from netiquette.importer.api import LOW_CONFIDENCE, import_policy
from netiquette.importer.document import PolicyImportError
from netiquette.importer.result import ImportResult
from netiquette.policy import dump_policy_yaml
from netiquette.validation import ValidationError

EXIT_BAD_INPUT = 2


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the policy YAML.",
)
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the review report (Markdown); without it the report is printed.",
)
def import_command(file: Path, output: Path, report: Path | None) -> None:
    """Turn a school's own policy (text, web page, Markdown, Word .docx or PDF) into a policy file.

    Every clause gets a rule kind, roles, a strength and a confidence; the review report lists
    them least certain first. Check it before using the policy.

    \b
    Example:
      netiquette policy import social-media-policy.docx --output policy.yaml --report review.md
    """
    try:
        result = import_policy(file)
        policy_text = _header(result) + dump_policy_yaml(result.policy)
    except (PolicyImportError, ValidationError) as error:
        _fail(str(error))
    files = {output: policy_text, **({report: result.report} if report else {})}
    try:
        write_atomically(files)
    except OSError as error:
        _fail(f"cannot write {error.filename or output}: {error.strerror or error}")
    click.echo(_summary(result, output, report))
    if report is None:
        click.echo()
        click.echo(result.report, nl=False)


def _header(result: ImportResult) -> str:
    return (
        f"# Imported from {result.source_name} by `netiquette policy import`.\n"
        "# A draft: check each clause's kind, roles and strength before relying on it.\n"
    )


def _summary(result: ImportResult, output: Path, report: Path | None) -> str:
    custom = sum(c.needs_mapping for c in result.clauses)
    low = sum(c.confidence < LOW_CONFIDENCE for c in result.clauses)
    line = (
        f"Wrote {output}: {len(result.clauses)} clauses, {custom} need a kind chosen, "
        f"{low} below {LOW_CONFIDENCE:.0%} confidence."
    )
    return line + (f" Review: {report}" if report else "")


def write_atomically(files: dict[Path, str]) -> None:
    """Write every file or none: all go to temporary files first, then are renamed."""
    staged: list[tuple[str, Path]] = []
    try:
        for target, text in files.items():
            handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
            staged.append((temporary, target))
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
        for temporary, target in staged:
            os.replace(temporary, target)
    finally:
        for temporary, _ in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)


def _fail(message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(EXIT_BAD_INPUT)
