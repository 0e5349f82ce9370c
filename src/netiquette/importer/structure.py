"""The policy around its rules: title, school, governance dates and aims.

Governance is written many ways ("Date accepted by governors: Spring 2021", "ratified 10th
November 2021", "Next review: 01/09/2024", "reviewed annually"); each date is tied to the
nearest word before it that says what the date is, and read with `parse_school_date`, so a
term such as "Spring 2024" means the first day of that term.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from netiquette.dates import DateError, SchoolDate, parse_school_date
from netiquette.importer.document import Block, BlockKind, sentences
from netiquette.importer.vocabulary import ROLE_WORDS
from netiquette.kinds import Role

_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
)
DATE = re.compile(
    rf"\b(?:(?:autumn|spring|summer)(?:\s+term)?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"{_MONTH}\.?,?\s+\d{{4}}|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"{_MONTH}\.?,?\s+\d{{4}}|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}})\b",
    re.I,
)
_GOVERNANCE_WORD = re.compile(
    r"(?P<last>\blast reviewed\b|\blast review\b)|"
    r"(?P<review>\b(?:next )?review(?:ed)?\b|\brenewal\b|\bdue\b)|"
    r"(?P<accepted>\b(?:accept\w*|approv\w*|adopt\w*|ratif\w*|agreed|signed off|issued|"
    r"effective)\b)",
    re.I,
)
_CYCLE = re.compile(
    r"\breview(?:ed)?(?: cycle| frequency| period)?\s*(?:[:\-–]\s*)?(?:will be |is )?"
    r"(?:carried out |undertaken )?(?:on an? )?"
    r"(?P<cycle>annual(?:ly)?|yearly|biennial(?:ly)?|bi-?annual(?:ly)?|termly|"
    r"every (?:\w+ ){0,2}(?:years?|months?|terms?)|each (?:year|term)|"
    r"(?:\d|one|two|three|four) ?(?:-| )?(?:years?|yearly))",
    re.I,
)
_OWNER = re.compile(
    r"\b(?:policy owner|owner|responsible (?:person|officer|member of staff)|policy lead|"
    r"lead person|person responsible)\s*[:\-–]\s*(?P<owner>[^.;:]{2,60})",
    re.I,
)
_TITLE_WORDS = re.compile(
    r"\b(?:polic(?:y|ies)|protocol|guidance|guidelines|code|charter|agreement|statement|"
    r"procedures?|rules)\b",
    re.I,
)
_SCHOOL_NAME = re.compile(
    r"\b((?:(?:St\.?|Saint|[A-Z][\w'’&.-]*)\s+){1,5}?"
    r"(?:(?:Primary|Junior|Infants?|Nursery|Secondary|High|Grammar|Middle|First|Community|"
    r"Church of England|C of E|CofE|CE|Catholic|RC|Methodist|Free|Special|Village|Church|"
    r"Multi[- ]Academy|Academy)\s+)*(?:School|Academy|College|Federation|Trust))\b"
)
_NOT_A_NAME = re.compile(
    r"^(?:the|at|our|this|welcome|to|in|a|all|whole|every|each|any|of|and|for)\s+", re.I
)
# A name made only of these ("Primary School", "Multi Academy Trust") names no one school.
_GENERIC_WORDS = re.compile(
    r"\b(?:primary|junior|infants?|nursery|secondary|high|grammar|middle|first|community|"
    r"church of england|c of e|cofe|ce|catholic|rc|methodist|free|special|village|church|"
    r"multi[- ]academy|academy|school|college|federation|trust|academies|local|learning|"
    r"education|the)\b|\W",
    re.I,
)
_AIM = re.compile(
    r"\b(?:aims? (?:is|are|of this policy)|this policy aims|the purpose of this policy|"
    r"(?:one|two|three|all) of our (?:\w+ )?aims|is committed to|are committed to|we aim to|"
    r"this policy seeks to|seeks to ensure)\b",
    re.I,
)
_AIMS_HEADING = re.compile(r"\b(?:aims?|purpose|objectives?|rationale)\b", re.I)
_QUOTED = re.compile(r"[“\"‘']([^”\"’']{20,})[”\"’']")
_APPLIES_TO = re.compile(r"\b(?:applies to|apply to|is for|covers|intended for|aimed at)\b", re.I)
MAX_AIMS = 8


@dataclass(frozen=True)
class GovernanceFound:
    accepted: SchoolDate | None = None
    review: SchoolDate | None = None
    review_cycle: str = ""
    owner: str = ""
    # The lines the dates came from, so a reviewer can see why.
    evidence: tuple[str, ...] = ()


def find_governance(blocks: list[Block]) -> GovernanceFound:
    dates: dict[str, SchoolDate] = {}
    evidence: list[str] = []
    cycle = owner = ""
    for current in blocks:
        for role, date in _dated(current.text):
            if role not in dates:
                dates[role] = date
                evidence.append(current.text)
        if not cycle and (match := _CYCLE.search(current.text)):
            cycle = _cycle_words(match.group("cycle"))
        if not owner and (match := _OWNER.search(current.text)):
            owner = match.group("owner").strip()
    accepted = dates.get("accepted") or dates.get("last")
    return GovernanceFound(accepted, dates.get("review"), cycle, owner, tuple(evidence))


def _dated(text: str) -> list[tuple[str, SchoolDate]]:
    """(what, date) for each date in a line that follows a governance word."""
    out: list[tuple[str, SchoolDate]] = []
    for match in DATE.finditer(text):
        words = list(_GOVERNANCE_WORD.finditer(text[max(0, match.start() - 80) : match.start()]))
        if not words or (date := _school_date(match.group(0))) is None:
            continue
        out.append((words[-1].lastgroup or "", date))
    return out


def _school_date(text: str) -> SchoolDate | None:
    text = re.sub(r"\s+of\s+", " ", text.strip().rstrip(",."), flags=re.I)
    if numeric := re.fullmatch(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{2})", text):
        text = f"{numeric[1]}/{numeric[3]}/20{numeric[4]}"
    try:
        return parse_school_date(text)
    except DateError:
        return None


def _cycle_words(raw: str) -> str:
    raw = raw.lower().strip()
    if raw.startswith(("annual", "yearly", "each year")):
        return "annually"
    if raw.startswith("biennial"):
        return "every two years"
    return raw


def find_title(blocks: list[Block], meta_title: str, fallback: str) -> str:
    """The first heading that names a document (a policy, protocol, code), else the page title."""
    headings = [b.text for b in blocks if b.kind is BlockKind.HEADING]
    for text in headings[:12]:
        if _TITLE_WORDS.search(text) and not _GOVERNANCE_WORD.search(text):
            return text
    parts = [p.strip() for p in re.split(r"\s+[|–—-]\s+", meta_title) if _TITLE_WORDS.search(p)]
    if parts:
        return max(parts, key=lambda p: len(p.split()))
    return meta_title.strip() or (headings[0] if headings else fallback)


def find_schools(blocks: list[Block], meta_title: str) -> tuple[str, tuple[str, ...]]:
    """The school (or federation) the policy belongs to, and the schools a federation names."""
    names: Counter[str] = Counter()
    for text in [meta_title, *(b.text for b in blocks)]:
        for match in _SCHOOL_NAME.finditer(text):
            name = _NOT_A_NAME.sub("", _NOT_A_NAME.sub("", match.group(1)))
            if _GENERIC_WORDS.sub("", name).strip():
                names[name] += 1
    groups = [n for n in names if n.split()[-1] in ("Federation", "Trust")]
    schools = tuple(n for n in names if n not in groups)
    if groups:
        group = max(groups, key=lambda n: names[n])
        return (f"{group} ({', '.join(schools)})" if schools else group), schools
    if not schools:
        return "", ()
    return max(schools, key=lambda n: names[n]), schools[:1]


def find_aims(blocks: list[Block]) -> list[str]:
    aims: list[str] = []
    heading = ""
    for current in blocks:
        if current.kind is BlockKind.HEADING:
            heading = current.text
            continue
        if _AIMS_HEADING.search(heading) and len(heading.split()) <= 4:
            aims.append(current.text)
            continue
        for sentence in sentences(current.text):
            if _AIM.search(sentence):
                quoted = _QUOTED.search(sentence)
                aims.append(quoted.group(1).strip() if quoted else sentence)
    return list(dict.fromkeys(aims))[:MAX_AIMS]


def find_audience(blocks: list[Block], title: str) -> frozenset[Role]:
    """Who the policy is for: named in its title ("Parental Protocol"), or in an "applies to"."""
    in_title = _roles(title) | ({Role.PARENT} if re.search(r"\bparental\b", title, re.I) else set())
    if in_title:
        return frozenset(in_title)
    for current in blocks[:40]:
        for sentence in sentences(current.text):
            if (match := _APPLIES_TO.search(sentence)) and (
                found := _roles(sentence[match.end() :])
            ):
                return frozenset(found)
    return frozenset({Role.PUPIL, Role.STAFF, Role.GOVERNOR, Role.PARENT})


def _roles(text: str) -> set[Role]:
    return {role for role, pattern in ROLE_WORDS.items() if pattern.search(text)}
