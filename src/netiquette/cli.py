"""The `netiquette` command: a thin layer over the engine.

Each command parses its options, calls one library function, formats the result and turns
library errors into a clear message and exit code 2 (0: ok, 1: review or block).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from netiquette.engine import Engine
from netiquette.findings import Result
from netiquette.items import Item, ItemError
from netiquette.kinds import Channel, Role, Severity
from netiquette.policy import Policy, load_policy
from netiquette.resources import DEMO_POLICY, DEMO_SCHOOL, bundled
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
        fail(str(error))
    return policy, school


def fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(EXIT_BAD_INPUT)


def exit_code(verdict: Severity) -> int:
    return EXIT_OK if verdict is Severity.OK else EXIT_FLAGGED


@click.group()
@click.version_option(package_name="netiquette")
def main() -> None:
    """Check posts, comments and messages against a school's social media policy."""


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


def format_result(text: str, result: Result) -> str:
    """The text with each finding's span marked [like this], then the findings in plain English."""
    marked = text
    for finding in sorted(result.findings, key=lambda f: f.start, reverse=True):
        if finding.end > finding.start:
            marked = (
                marked[: finding.start]
                + "["
                + marked[finding.start : finding.end]
                + "]"
                + marked[finding.end :]
            )
    lines = [marked.rstrip(), "", f"Verdict: {result.verdict.value.upper()}"]
    for number, finding in enumerate(result.findings, start=1):
        lines.append(
            f"{number}. {finding.kind.value} ({finding.severity.value}, clause {finding.clause})"
        )
        lines.append(f"   {finding.message}")
        lines.append(f"   Suggestion: {finding.suggestion}")
    for note in result.notes:
        lines.append(f"Note: {note.message}")
    if result.redacted is not None and result.redacted != text:
        lines += ["", "Safe version:", result.redacted]
    return "\n".join(lines)


@main.group()
def policy() -> None:
    """Work with policy files: validate, show, import from a school's own document."""


@main.group()
def school() -> None:
    """Work with school profiles: validate, import a roster from an MIS export."""
