"""`netiquette policy import`: files written whole or not at all, exit 2 on a bad file."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from netiquette.cli import main
from netiquette.policy import load_policy

FIXTURES = Path(__file__).parent / "fixtures"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["policy", "import", *args])
    return result.exit_code, result.stdout, result.stderr


def test_it_writes_a_valid_policy_and_a_report(tmp_path: Path) -> None:
    output, report = tmp_path / "policy.yaml", tmp_path / "review.md"
    code, out, _ = run(
        str(FIXTURES / "numbered-sections.txt"), "-o", str(output), "--report", str(report)
    )
    assert code == 0, out
    policy = load_policy(output)
    assert len(policy.clauses) == 9 and policy.school == "Hollin Brook Academy"
    assert output.read_text(encoding="utf-8").startswith("# Imported from numbered-sections.txt")
    assert "9 clauses" in out and str(report) in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["policy.yaml", "review.md"]


def test_the_report_lists_every_clause_least_certain_first(tmp_path: Path) -> None:
    output, report = tmp_path / "policy.yaml", tmp_path / "review.md"
    run(str(FIXTURES / "staff-must-not.html"), "-o", str(output), "--report", str(report))
    rows = [
        line for line in report.read_text(encoding="utf-8").splitlines() if re.match(r"\| \d", line)
    ]
    policy = load_policy(output)
    assert len(rows) == len(policy.clauses)
    confidences = [float(row.split("|")[1]) for row in rows]
    assert confidences == sorted(confidences)
    for row in rows:
        clause = policy.clause(row.split("|")[2].strip())
        assert clause is not None
        assert f"| {clause.kind.value} | {clause.strength.value} |" in row


def test_without_report_it_prints_the_report(tmp_path: Path) -> None:
    code, out, _ = run(str(FIXTURES / "parental-protocol.md"), "--output", str(tmp_path / "p.yaml"))
    assert code == 0
    assert "# Import review: Parental Protocol for Social Media" in out


def test_a_bad_file_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    scanned = tmp_path / "scan.pdf"
    scanned.write_bytes(b"%PDF-1.4 not really")
    output = tmp_path / "policy.yaml"
    output.write_text("existing: true\n", encoding="utf-8")
    code, _, err = run(str(scanned), "-o", str(output), "--report", str(tmp_path / "r.md"))
    assert code == 2
    assert "scan.pdf" in err and "PDF" in err
    assert output.read_text(encoding="utf-8") == "existing: true\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["policy.yaml", "scan.pdf"]


def test_a_missing_file_exits_2(tmp_path: Path) -> None:
    code, _, err = run(str(tmp_path / "absent.docx"), "-o", str(tmp_path / "p.yaml"))
    assert code == 2 and "absent.docx" in err
    assert not (tmp_path / "p.yaml").exists()


def test_an_unwritable_output_exits_2_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    code, _, err = run(
        str(FIXTURES / "numbered-sections.txt"), "-o", str(tmp_path / "missing-dir" / "p.yaml")
    )
    assert code == 2 and "cannot write" in err
    assert list(tmp_path.iterdir()) == []


def test_it_has_help_with_an_example() -> None:
    result = CliRunner().invoke(main, ["policy", "import", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output
