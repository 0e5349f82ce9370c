"""The `netiquette` command: a thin layer over the engine.

Each command parses its options, calls one library function, formats the result and turns
library errors into a clear message and exit code 2 (0: ok, 1: review or block).
"""

from __future__ import annotations

import json
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import click

from netiquette import scan as scanning
from netiquette.cli_format import (
    format_evaluation,
    format_policy,
    format_profile,
    format_result,
    print_summary,
    progress_bar,
    review_line,
)
from netiquette.engine import Engine
from netiquette.evaluate import evaluate as run_evaluation
from netiquette.evaluate import load_cases
from netiquette.importer.command import import_command
from netiquette.items import Item, ItemError
from netiquette.kinds import Channel, Role, RuleKind, Severity
from netiquette.policy import Policy, dump_policy_yaml, load_policy
from netiquette.profile import profile_file
from netiquette.resources import DEMO_POLICY, DEMO_SCHOOL, bundled
from netiquette.roster import RosterError, import_roster, parse_mapping
from netiquette.school import School, load_school
from netiquette.validation import ValidationError

EXIT_OK, EXIT_FLAGGED, EXIT_BAD_INPUT = 0, 1, 2

school_option = click.option(
    "--school",
    "school_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="School profile YAML (default: the bundled demo school).",
)
policy_option = click.option(
    "--policy",
    "policy_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Policy YAML (default: the bundled demo policy).",
)


def load_setup(policy_path: Path | None, school_path: Path | None) -> tuple[Policy, School]:
    """The policy and school to check against, or exit 2 naming what is wrong."""
    try:
        policy = load_policy(policy_path or bundled(DEMO_POLICY))
        school = load_school(school_path or bundled(DEMO_SCHOOL))
    except ValidationError as error:
        fail_with(error)
    return policy, school


def fail(message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(EXIT_BAD_INPUT)


def fail_with(error: ValidationError) -> NoReturn:
    """Exit 2 with one line for each problem, each naming its file (and line, where known)."""
    where = f"{error.source}: " if error.source else ""
    for problem in error.problems:
        click.echo(f"error: {where}{problem}", err=True)
    sys.exit(EXIT_BAD_INPUT)


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """A termination signal ends a scan like Ctrl-C does: cleaned up, no half file."""

    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def exit_code(verdict: Severity) -> int:
    return EXIT_OK if verdict is Severity.OK else EXIT_FLAGGED


@click.group()
@click.version_option(package_name="netiquette")
def main() -> None:
    """Check posts, comments and messages against a school's social media policy.

    \b
    Example:
      netiquette check "Well done Noah Fenwick!" --role parent --channel personal
      netiquette scan posts.jsonl --school school.yaml --output results.jsonl
    """


@main.command()
@click.argument("text", required=False)
@school_option
@policy_option
@click.option("--role", type=click.Choice([r.value for r in Role]), help="Who is posting.")
@click.option("--channel", type=click.Choice([c.value for c in Channel]), help="Where it goes.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
def check(
    text: str | None,
    school_path: Path | None,
    policy_path: Path | None,
    role: str | None,
    channel: str | None,
    output_format: str,
) -> None:
    """Check one post, given as TEXT or on standard input.

    Example: netiquette check "Well done Noah Fenwick!" --role parent --channel personal
    """
    if text is None:
        text = sys.stdin.read()
    if not text.strip():
        fail("nothing to check: give the text as an argument or on standard input")
    policy, school = load_setup(policy_path, school_path)
    try:
        item = Item(
            id="1",
            text=text,
            author_role=Role(role) if role else None,
            channel=Channel(channel) if channel else None,
        )
    except ItemError as error:
        fail(str(error))
    result = Engine(policy, school).check(item)
    if output_format == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_result(text, result))
    sys.exit(exit_code(result.verdict))


@main.command()
@click.argument("input_path", metavar="INPUT")
@click.option(
    "--school",
    "school_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="School profile YAML.",
)
@policy_option
@click.option("--output", "-o", required=True, help="Results file, or '-' for standard output.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["jsonl", "csv"]),
    help="Results format (default: from the output's extension, else the input's).",
)
@click.option(
    "--input-format",
    type=click.Choice(["jsonl", "csv"]),
    help="Input format (default: from its extension; standard input is JSON Lines).",
)
@click.option(
    "--workers", type=click.IntRange(min=1), help="Processes to check in (default: all cores)."
)
@click.option(
    "--batch-size", type=click.IntRange(min=1), default=scanning.BATCH_SIZE, show_default=True
)
@click.option("--skip-invalid", is_flag=True, help="Write bad lines to --errors and go on.")
@click.option(
    "--errors",
    "errors_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="With --skip-invalid: where the bad lines go (JSON Lines).",
)
def scan(
    input_path: str,
    school_path: Path,
    policy_path: Path | None,
    output: str,
    output_format: str | None,
    input_format: str | None,
    workers: int | None,
    batch_size: int,
    skip_invalid: bool,
    errors_path: Path | None,
) -> None:
    """Check every item in INPUT (JSON Lines or CSV, '-' for standard input).

    Results are written in input order, and only once the whole scan has worked: a bad
    line, an error or Ctrl-C leaves no output file. A bad line is named by file and line;
    with --skip-invalid it goes to the --errors file instead and the rest are checked.
    Three or more abusive items from one author (the `author` field) to one target (`to`,
    `target` or `recipient`, else the school people named) add one cyber-bullying finding,
    with the count and the item ids, to the last of them.

    Standard input is read as UTF-8 JSON Lines (CSV with --input-format csv). With
    '-o -' the results go to standard output once the whole input has been checked
    (nothing at all on bad input); the progress bar and the summary go to standard error.
    Exit 0: all ok; 1: something to review or block; 2: bad input; 130: interrupted.

    \b
    Example:
      netiquette scan posts.jsonl --school school.yaml --output results.jsonl
      netiquette scan posts.csv --school school.yaml -o - --skip-invalid --errors bad.jsonl
    """
    if skip_invalid and errors_path is None:
        fail("--skip-invalid needs --errors FILE for the lines it skips")
    if errors_path is not None and not skip_invalid:
        fail("--errors is for --skip-invalid: give both, or neither to stop at a bad line")
    in_format = scanning.Format(input_format or scanning.Format.for_path(input_path))
    out_format = scanning.Format(output_format or scanning.Format.for_path(output, in_format))
    policy, school = load_setup(policy_path, school_path)
    engine = Engine(policy, school)
    try:
        with terminate_as_interrupt(), progress_bar(input_path) as on_progress:
            summary = scanning.scan_file(
                engine,
                input_path,
                output,
                in_format=in_format,
                out_format=out_format,
                workers=workers or scanning.available_cores(),
                batch_size=batch_size,
                errors_path=errors_path,
                stdin=scanning.text_input(sys.stdin),
                stdout=sys.stdout,
                on_progress=on_progress,
            )
    except ValidationError as error:
        fail_with(error)
    except OSError as error:
        fail(f"cannot write the results: {error}")
    except KeyboardInterrupt:
        click.echo("interrupted: no results written", err=True)
        sys.exit(130)
    print_summary(summary)
    sys.exit(EXIT_FLAGGED if summary.flagged else EXIT_OK)


@main.command()
@click.argument("input_path", metavar="INPUT")
@school_option
@policy_option
@click.option(
    "--input-format",
    type=click.Choice(["jsonl", "csv"]),
    help="Input format (default: from its extension; standard input is JSON Lines).",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=20_000,
    show_default=True,
    help="Profile only the first items.",
)
def profile(
    input_path: str,
    school_path: Path | None,
    policy_path: Path | None,
    input_format: str | None,
    limit: int,
) -> None:
    """Show where checking time goes: microseconds per item for each detector and for the
    engine's own judging, measured on the items of INPUT ('-' for standard input) in one
    process. Use it to decide which detector to make faster.

    \b
    Example:
      netiquette profile posts.jsonl --school school.yaml --limit 5000
    """
    in_format = scanning.Format(input_format or scanning.Format.for_path(input_path))
    policy, school = load_setup(policy_path, school_path)
    try:
        measured = profile_file(
            Engine(policy, school),
            input_path,
            in_format=in_format,
            limit=limit,
            stdin=scanning.text_input(sys.stdin),
        )
    except ValidationError as error:
        fail_with(error)
    click.echo(format_profile(measured))


@main.command(name="eval")
@click.argument("cases_path", metavar="CASES", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--school",
    "school_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="School profile YAML the cases refer to.",
)
@policy_option
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
@click.option("--failures", is_flag=True, help="Also list every case that was not right.")
def evaluate(
    cases_path: Path,
    school_path: Path,
    policy_path: Path | None,
    output_format: str,
    failures: bool,
) -> None:
    """Measure the checks on labelled CASES: recall and precision per kind, verdict accuracy
    and false alarms on cases that should pass.

    A case's `optional` kinds count neither for nor against. In the table, "cases" is how
    many cases expect the kind and "extra" how many found it where the labels do not allow it.

    \b
    Example:
      netiquette eval ../shared/eval/cases.jsonl --school ../shared/eval/school.yaml --failures
    """
    policy, school = load_setup(policy_path, school_path)
    try:
        cases = load_cases(cases_path)
    except ValidationError as error:
        fail_with(error)
    evaluation = run_evaluation(Engine(policy, school), cases)
    if output_format == "json":
        data = evaluation.to_dict()
        if not failures:
            del data["failures"]
        click.echo(json.dumps(data, indent=2))
    else:
        click.echo(format_evaluation(evaluation, failures))


@main.group()
def policy() -> None:
    """Work with policy files: validate, show, import from a school's own document.

    \b
    Example:
      netiquette policy show policy.yaml
    """


@policy.command(name="validate")
@click.argument("path", metavar="FILE", type=click.Path(dir_okay=False, path_type=Path))
def policy_validate(path: Path) -> None:
    """Check that a policy FILE is valid; every problem is named by its place.

    \b
    Example:
      netiquette policy validate policy.yaml
    """
    try:
        loaded = load_policy(path)
    except ValidationError as error:
        fail_with(error)
    covered = loaded.kinds() | {RuleKind.CUSTOM}
    missing = [kind.value for kind in RuleKind if kind not in covered]
    click.echo(
        f"{path}: valid: {loaded.title!r}, {len(loaded.clauses)} clauses,"
        f" review {review_line(loaded)}"
    )
    if missing:
        click.echo(f"note: no clause of kind {', '.join(missing)}; those are never checked")


@policy.command(name="show")
@click.argument("path", metavar="FILE", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "yaml"]), default="text")
def policy_show(path: Path, output_format: str) -> None:
    """Show a policy FILE: governance and review status, clauses, procedure.

    \b
    Example:
      netiquette policy show policy.yaml --format yaml
    """
    try:
        loaded = load_policy(path)
    except ValidationError as error:
        fail_with(error)
    if output_format == "yaml":
        click.echo(dump_policy_yaml(loaded), nl=False)
    else:
        click.echo(format_policy(loaded))


@main.group()
def school() -> None:
    """Work with school profiles: validate, import a roster from an MIS export.

    \b
    Example:
      netiquette school validate school.yaml
    """


@school.command(name="validate")
@click.argument("path", metavar="FILE", type=click.Path(dir_okay=False, path_type=Path))
def school_validate(path: Path) -> None:
    """Check that a school profile FILE is valid and count its people.

    \b
    Example:
      netiquette school validate school.yaml
    """
    try:
        loaded = load_school(path)
    except ValidationError as error:
        fail_with(error)
    counts = ", ".join(
        f"{sum(p.role is role for p in loaded.people)} {role.value}" for role in Role
    )
    pupils = [p for p in loaded.people if p.role is Role.PUPIL]
    click.echo(f"{path}: valid: {loaded.name}, {len(loaded.people)} people ({counts})")
    click.echo(
        f"pupils without name consent: {sum(not p.consent.name for p in pupils)},"
        f" without photo consent: {sum(not p.consent.photo for p in pupils)}"
    )


@school.command(name="import-roster")
@click.argument("roster_path", metavar="CSV", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--school",
    "school_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The school profile to merge the pupils into.",
)
@click.option(
    "--map", "mappings", multiple=True, metavar="FIELD=COLUMN", help="Which column holds a field."
)
@click.option("--drop-leavers", is_flag=True, help="Remove pupils who are not in the export.")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path))
def import_roster_command(
    roster_path: Path,
    school_path: Path,
    mappings: tuple[str, ...],
    drop_leavers: bool,
    output: Path,
) -> None:
    """Merge the pupils of an MIS export (CSV) into a school profile, written to a new file.

    Fields: forename, preferred, surname, year, registration_group, name_consent,
    photo_consent. Common headers are recognised; map others with --map. A blank consent
    cell means no consent. Pupils are matched by full name; comments in the profile are
    not kept.

    \b
    Example:
      netiquette school import-roster pupils.csv --school school.yaml \\
        --map forename="Legal Forename" --map photo_consent="Photo OK" --output new.yaml
    """
    try:
        text, report = import_roster(
            school_path, roster_path, parse_mapping(mappings), drop_leavers=drop_leavers
        )
        with scanning.atomic_output(output) as stream:
            stream.write(text)
    except (RosterError, ValidationError) as error:
        fail_with(error)
    except OSError as error:
        fail(f"cannot write {output}: {error.strerror}")
    click.echo(
        f"{output}: {report.added} pupils added, {report.updated} updated, {report.removed} removed"
    )


policy.add_command(import_command)
