"""`netiquette school validate` and `school import-roster`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import Result

from netiquette.roster import parse_consent, parse_year
from netiquette.school import load_school

Run = Callable[..., Result]

PROFILE = """\
school:
  name: Testbrook Primary
  websites: [testbrook.example]
people:
  - {name: Ada Brook, role: pupil, year: 3, nicknames: [Ads], consent: {name: false, photo: false}}
  - {name: Old Leaver, role: pupil, year: 6}
  - {name: Ben Brook, role: parent, children: [Ada Brook, Old Leaver]}
  - {name: Cara Dunn, title: Mrs, role: staff}
"""

ROSTER = """\
Legal Forename,Preferred Forename,Legal Surname,NC Year,Reg Group,Name Consent,Photo OK
Ada,,Brook,Year 4,4B,Y,yes
Evan,Ev,Stone,R,RA,no,
Fay,Fay,Lin,Yr 6,6C,TRUE,0
"""


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    path = tmp_path / "school.yaml"
    path.write_text(PROFILE, encoding="utf-8")
    return path


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER, encoding="utf-8-sig")  # MIS exports often start with a BOM
    return path


def import_args(roster: Path, profile: Path, out: Path, *extra: str) -> list[object]:
    return ["school", "import-roster", roster, "--school", profile, "--output", out, *extra]


def test_validate_counts_people_and_consent(run: Run, profile: Path) -> None:
    result = run(["school", "validate", profile])
    assert result.exit_code == 0
    assert "Testbrook Primary, 4 people (2 pupil, 1 staff, 0 governor, 1 parent" in result.stdout
    assert "without name consent: 2, without photo consent: 2" in result.stdout


def test_validate_names_the_bad_place(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "school.yaml"
    path.write_text(PROFILE.replace("role: parent", "role: carer"))
    result = run(["school", "validate", path])
    assert result.exit_code == 2
    assert f"{path}: people[2].role: unknown role 'carer'" in result.stderr


def test_it_merges_a_roster(run: Run, profile: Path, roster: Path, tmp_path: Path) -> None:
    out = tmp_path / "new.yaml"
    result = run(import_args(roster, profile, out, "--map", "photo_consent=Photo OK"))
    assert result.exit_code == 0, result.output
    assert "2 pupils added, 1 updated, 0 removed" in result.stdout
    school = load_school(out)
    ada = school.person("Ada Brook")
    assert ada is not None
    assert (ada.year, ada.registration_group, ada.nicknames) == ("4", "4B", ("Ads",))
    assert (ada.consent.name, ada.consent.photo) == (True, True)
    evan = school.person("Evan Stone")
    assert evan is not None
    assert (evan.preferred, evan.year, evan.consent.photo) == ("Ev", "Reception", False)
    fay = school.person("Fay Lin")
    assert fay is not None and fay.preferred == "" and fay.consent.name and not fay.consent.photo
    assert school.person("Old Leaver") is not None
    assert school.person("Cara Dunn") is not None


def test_it_can_drop_leavers(run: Run, profile: Path, roster: Path, tmp_path: Path) -> None:
    out = tmp_path / "new.yaml"
    args = import_args(roster, profile, out, "--map", "photo_consent=Photo OK", "--drop-leavers")
    result = run(args)
    assert result.exit_code == 0, result.output
    assert "1 removed" in result.stdout
    school = load_school(out)
    assert school.person("Old Leaver") is None
    parent = school.person("Ben Brook")
    assert parent is not None and parent.children == ("Ada Brook",)


def test_bad_rows_are_named_and_nothing_is_written(run: Run, profile: Path, tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    rows = ["Forename,Surname,Year,Photo consent"]
    rows += [f"Kid{n},Smith,{n % 6 + 1},yes" for n in range(5)]
    rows += ["Zed,Jones,Yr 14,no", ",Nobody,3,maybe"]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "new.yaml"
    result = run(import_args(path, profile, out))
    assert result.exit_code == 2
    assert f"error: {path}:7: year: 'Yr 14' is not a year group" in result.stderr
    assert f"error: {path}:8: forename: is required" in result.stderr
    assert f"error: {path}:8: photo_consent: 'maybe' is not yes or no" in result.stderr
    assert not out.exists()


def test_a_missing_column_asks_for_a_mapping(
    run: Run, profile: Path, roster: Path, tmp_path: Path
) -> None:
    out = tmp_path / "new.yaml"
    result = run(import_args(roster, profile, out, "--map", "surname=Family"))
    assert result.exit_code == 2
    assert f"{roster}:1: no column 'Family'" in result.stderr
    result = run(import_args(roster, profile, out, "--map", "shoe_size=NC Year"))
    assert result.exit_code == 2
    assert "unknown field 'shoe_size'" in result.stderr
    assert not out.exists()


def test_a_repeated_pupil_is_an_error(run: Run, profile: Path, tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("Forename,Surname,Year\nAl,Ray,2\nBo,Ray,3\nal,ray,2\n")
    result = run(import_args(path, profile, tmp_path / "new.yaml"))
    assert result.exit_code == 2
    assert f"{path}:4: 'al ray' is already on line 2" in result.stderr


def test_the_output_keeps_the_profile_shape(
    run: Run, profile: Path, roster: Path, tmp_path: Path
) -> None:
    out = tmp_path / "new.yaml"
    run(import_args(roster, profile, out))
    data = yaml.safe_load(out.read_text())
    assert data["school"] == {"name": "Testbrook Primary", "websites": ["testbrook.example"]}
    assert data["people"][-1] == {
        "name": "Fay Lin",
        "role": "pupil",
        "year": 6,
        "registration_group": "6C",
        "consent": {"name": True, "photo": False},
    }


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("5", 5),
        ("Year 5", 5),
        ("Y5", 5),
        ("yr 13", 13),
        ("NC Year 7", 7),
        ("R", "Reception"),
        ("Reception", "Reception"),
        ("YR", "Reception"),
        ("N2", "Nursery"),
        ("Yr 14", None),
        ("0", None),
        ("", None),
        ("Year Five", None),
    ],
)
def test_year_groups(text: str, year: int | str | None) -> None:
    assert parse_year(text) == year


@pytest.mark.parametrize(
    ("text", "consent"),
    [
        ("Yes", True),
        ("y", True),
        ("TRUE", True),
        ("1", True),
        ("No", False),
        ("N", False),
        ("false", False),
        ("0", False),
        ("", False),
        ("maybe", None),
        ("2", None),
    ],
)
def test_consent_values(text: str, consent: bool | None) -> None:
    assert parse_consent(text) is consent
