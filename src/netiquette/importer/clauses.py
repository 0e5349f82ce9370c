"""Finding the rules in a policy's blocks: list items under a lead-in, and rule sentences.

A list's lead-in ("When posting, staff and parents must follow these guidelines:") lends its
roles and strength to items that lack their own; a list that opens with "Do not ..." lends its
"do not" to later items that dropped it. Sentences whose subject is the school ("the school
must ensure ...") are the school's duties, not rules for the people the policy binds: they are
listed for the reviewer, not turned into clauses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from netiquette.importer.classify import (
    StrengthReading,
    bound_roles,
    heading_roles,
    is_duty,
    read_kind,
    read_strength,
    read_topics,
)
from netiquette.importer.document import Block, BlockKind, sentences
from netiquette.importer.vocabulary import (
    IMPERATIVE_START,
    PROCEDURE,
    RULE_LEAD_IN,
)
from netiquette.kinds import Role, RuleKind, Strength

INFERRED_STRENGTH_FACTOR = 0.85
DEFAULT_ROLES_FACTOR = 0.9
MAX_LOOSE_ITEM_WORDS = 45
MIN_CLAUSE_WORDS = 3  # "Do", "Don't", "Yes": table headers and labels, not rules
_LEAD_IN_END = re.compile(r"(?::|\.\.\.|…|\s[-–])\s*$")
_NEGATIVE_START = re.compile(r"^(?:please\s+)?(?:do not|don[’']t|never|must not|avoid)\b", re.I)
_PROCEDURE_HEADING = re.compile(
    r"\b(?:procedure|what happens|what we will do|dealing with|breach(?:es)?|responding|"
    r"sanctions?|goes wrong|how we (?:respond|deal)|reporting (?:concerns|problems))\b",
    re.I,
)
# Acts a "do not" list forbids; an item starting with one after "Do not ..." items lost its "do not".
_POSTING_VERB = re.compile(
    r"^(?:include|post|share|publish|upload|disclose|reveal|name|tag|link|make|send|use|"
    r"comment|create|add|accept|forward|identify|display|discuss|give)\b",
    re.I,
)
# Wording that makes a "should" absolute; the strength stays as written, flagged for review.
_ABSOLUTE = re.compile(
    r"\bunder (?:any|no) circumstances\b|\bat any time\b|\bin any circumstances\b|"
    r"\bwithout exception\b",
    re.I,
)
_AIMS_HEADING = re.compile(
    r"\b(?:aims?|purpose|objectives?|rationale|introduction|definitions?|scope)\b", re.I
)
_WILL = re.compile(r"\bwill\b|\b(?:may|could|will) (?:lead to|result in)\b", re.I)


@dataclass(frozen=True)
class Draft:
    """A clause as found, before ids are given; `notes` say what was inferred and why."""

    text: str
    kind: RuleKind
    kind_confidence: float
    strength: Strength
    roles: frozenset[Role]
    section: str
    marker: str = ""
    topics: frozenset[str] = frozenset()
    cues: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    confidence: float = 0.0


@dataclass(frozen=True)
class LeadIn:
    text: str
    reading: StrengthReading | None
    roles: frozenset[Role]
    is_rule: bool
    is_procedure: bool


@dataclass
class Found:
    drafts: list[Draft] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    not_taken: list[str] = field(default_factory=list)  # rule-like sentences about the school


@dataclass
class _State:
    audience: frozenset[Role]
    heading: str = ""
    heading_roles: frozenset[Role] = frozenset()
    lead_in: LeadIn | None = None
    list_started: bool = False
    loose: bool = False  # the list so far is of paragraphs, not marked items
    siblings: list[Draft] = field(default_factory=list)

    @property
    def in_aims(self) -> bool:
        """Under "Aims", "Purpose", "Introduction": what is said there describes the policy."""
        return bool(_AIMS_HEADING.search(self.heading))

    @property
    def in_procedure(self) -> bool:
        return bool(self.lead_in and self.lead_in.is_procedure) or bool(
            _PROCEDURE_HEADING.search(self.heading)
        )


def find_clauses(blocks: list[Block], audience: frozenset[Role]) -> Found:
    found = Found()
    state = _State(audience)
    for current in blocks:
        if current.kind is BlockKind.HEADING:
            state.heading, state.lead_in, state.list_started = current.text, None, False
            state.siblings, state.heading_roles = [], heading_roles(current.text)
        elif current.kind is BlockKind.ITEM or _loose_item(current, state):
            state.loose = current.kind is not BlockKind.ITEM
            _item(current, state, found)
            state.list_started = True
        else:
            _paragraph(current, state, found)
    return found


def _loose_item(current: Block, state: _State) -> bool:
    """A short paragraph right after a lead-in, where a page lost its list markup."""
    if state.lead_in is None or _LEAD_IN_END.search(current.text):
        return False
    short = len(current.text.split()) <= MAX_LOOSE_ITEM_WORDS
    ruled = read_strength(current.text) is not None or IMPERATIVE_START.match(current.text)
    return short and bool(ruled) and (not state.list_started or state.loose)


def _paragraph(current: Block, state: _State, found: Found) -> None:
    state.lead_in, state.list_started, state.siblings = None, False, []
    parts = sentences(current.text)
    last = parts.pop() if parts and _LEAD_IN_END.search(parts[-1]) else None
    for sentence in parts:
        _sentence(sentence, state, found)
    if last is not None:
        state.lead_in = _lead_in(last)


def _lead_in(text: str) -> LeadIn:
    reading = read_strength(text)
    return LeadIn(
        text=_LEAD_IN_END.sub("", text).strip(),
        reading=reading,
        roles=bound_roles(text, reading),
        is_rule=reading is not None or bool(RULE_LEAD_IN.search(text)),
        is_procedure=bool(PROCEDURE.search(text)),
    )


def _sentence(sentence: str, state: _State, found: Found) -> None:
    reading = read_strength(sentence)
    if reading is None or len(sentence.split()) < MIN_CLAUSE_WORDS:
        if state.in_procedure and _WILL.search(sentence):
            found.steps.append(sentence)
        return
    roles = bound_roles(sentence, reading)
    if not roles and (is_duty(sentence, reading) or state.in_aims):
        found.not_taken.append(sentence)
        return
    roles, note = _item_roles(roles, None, state)
    draft = _draft(sentence, reading.strength, roles, state.heading, notes=(note,) if note else ())
    found.drafts.append(draft)


def _item(current: Block, state: _State, found: Found) -> None:
    if len(current.text.split()) < MIN_CLAUSE_WORDS:
        return
    lead_in = state.lead_in
    reading = read_strength(current.text)
    own_roles = bound_roles(current.text, reading)
    if lead_in and lead_in.is_procedure and not own_roles:
        found.steps.append(current.text)
        return
    if reading is None and not (lead_in and lead_in.is_rule):
        if state.in_procedure:
            found.steps.append(current.text)
        if state.in_procedure or not (state.siblings and IMPERATIVE_START.match(current.text)):
            return
    standalone = not own_roles and not lead_in and not IMPERATIVE_START.match(current.text)
    if standalone and reading is not None and is_duty(current.text, reading):
        found.not_taken.append(current.text)
        return
    if not own_roles and state.in_aims and not (lead_in and lead_in.is_rule):
        found.not_taken.append(current.text)  # "To ensure pupils are safe online" is an aim
        return
    strength, strength_note = _item_strength(current.text, reading, state)
    roles, roles_note = _item_roles(own_roles, lead_in, state)
    section = lead_in.text if lead_in else state.heading
    notes = tuple(n for n in (strength_note, roles_note) if n)
    draft = _draft(current.text, strength, roles, section, current.marker, notes)
    found.drafts.append(draft)
    state.siblings.append(draft)


def _item_strength(
    text: str, reading: StrengthReading | None, state: _State
) -> tuple[Strength, str]:
    """The item's own wording; else a "do not" the list opened with, when the item names an act
    the list forbids ("Do not include ...", "Include ..."); else the lead-in's; else should."""
    if reading is not None:
        return reading.strength, ""
    siblings = state.siblings
    if siblings and _NEGATIVE_START.match(siblings[0].text) and _POSTING_VERB.match(text):
        strength = siblings[0].strength
        return strength, f"strength: '{strength}' carried on from the 'do not' items above it"
    lead = state.lead_in.reading if state.lead_in else None
    if lead is not None:
        return lead.strength, f"strength: '{lead.strength}' from the lead-in"
    return Strength.SHOULD, "strength: no wording found, so 'should' (review) by default"


def _item_roles(
    own: frozenset[Role], lead_in: LeadIn | None, state: _State
) -> tuple[frozenset[Role], str]:
    """The rule's own subject; else its lead-in's; else its section heading's; else the policy's."""
    if own:
        return own, ""
    if lead_in and lead_in.roles:
        return lead_in.roles, "roles: from the lead-in"
    if state.heading_roles:
        return state.heading_roles, "roles: from the section heading"
    return state.audience, "roles: none named, so the policy's roles"


def _draft(
    text: str,
    strength: Strength,
    roles: frozenset[Role],
    section: str,
    marker: str = "",
    notes: tuple[str, ...] = (),
) -> Draft:
    kind = read_kind(text)
    if (
        kind.kind is RuleKind.FRIEND_REQUEST
        and Role.STAFF in roles
        and any(n.startswith("roles:") for n in notes)
    ):
        roles = frozenset({Role.STAFF})
        notes = (*notes, "roles: friend requests bind staff")
    if strength in (Strength.SHOULD, Strength.SHOULD_NOT) and (absolute := _ABSOLUTE.search(text)):
        notes = (*notes, f"strength: '{strength}' but '{absolute.group(0)}' reads as a must")
    confidence = kind.confidence
    if any(n.startswith("strength:") for n in notes):
        confidence *= INFERRED_STRENGTH_FACTOR
    if any(n.startswith("roles: none named") for n in notes):
        confidence *= DEFAULT_ROLES_FACTOR
    draft = Draft(text, kind.kind, kind.confidence, strength, roles, _short(section), marker)
    return replace(
        draft,
        topics=read_topics(text, kind.kind),
        cues=kind.cues,
        notes=notes,
        confidence=round(confidence, 2),
    )


def _short(text: str, limit: int = 80) -> str:
    """A section name from a long lead-in, cut at a word."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;") + "…"
