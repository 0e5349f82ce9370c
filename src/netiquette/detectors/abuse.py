"""Abuse and cyber-bullying: patterns for what a post does, a trained model for the rest.

Patterns catch threats, incitement to self-harm, slurs, identity hate, exclusion and mockery
in the normalised text (so "f u c k" and "🐍" count); the model scores what the patterns do
not name. Context decides what it means: abuse quoted or reported to condemn it becomes a
note (never a finding against the reporter), negated or idiomatic uses pass, and hostility
aimed at an identifiable member of the school, or at "you" in a private message or reply,
is cyber-bullying. Thresholds come from the policy so a school may tune them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from netiquette.abuse_model.lexicon import SECOND_PERSON
from netiquette.abuse_model.reading import Reading
from netiquette.detectors.base import Analysis
from netiquette.detectors.shared_reading import abuse_levels, read_all, reading_of
from netiquette.findings import Candidate, Note
from netiquette.kinds import Channel, Role, RuleKind, Severity
from netiquette.school import School

# Below this the finding is a possible breach for a person to look at, not a block.
SURE = 0.8
# Cues that put a child at risk: a report carrying one alerts the safeguarding lead at once.
SAFEGUARDING = {
    "threat": "threat",
    "self-harm incitement": "self-harm",
    "sexual harassment": "sexual",
}
_TARGET_ROLES = frozenset({Role.PUPIL, Role.STAFF, Role.GOVERNOR, Role.PARENT})
# One pupil described rather than named, by where they are in the school ("the ginger boy in
# 5B", "that new girl in Year 6", "the kid from Mrs Hale's class"): identifiable to everyone
# who knows the class, so mocking them is cyber-bullying too.
DESCRIBED_PUPIL = re.compile(
    r"\b(?:the|that|this|dat|some) (?:\w+ ){0,2}(?:boy|girl|kid|lad|lass|child|pupil|student) "
    r"(?:in|from|at|of) (?:(?:year|yr) (?:\d{1,2}|r)|y\d{1,2}|\d{1,2}[a-z]|reception|"
    r"(?:class|form) \w+|(?:mrs|mr|miss|ms) \w+ class)\b"
)


class AbuseDetector:
    name = "abuse"
    kinds = frozenset({RuleKind.ABUSE, RuleKind.CYBERBULLYING})

    def prepare(self, analyses: Sequence[Analysis]) -> None:
        read_all(analyses)

    def detect(self, analysis: Analysis) -> Iterable[Candidate | Note]:
        reading = reading_of(analysis)
        if reading is None:
            return ()
        abuse_at, bullying_at = abuse_levels(analysis.context.policy)
        if not reading.may_reach(abuse_at, bullying_at):
            return ()  # most items, without making a generator
        return self._found(analysis, reading, abuse_at, bullying_at)

    def _found(
        self, analysis: Analysis, reading: Reading, abuse_at: float, bullying_at: float
    ) -> Iterable[Candidate | Note]:
        if reading.framed:
            if reading.hits or reading.scores.abuse >= abuse_at:
                yield _note(reading)
            return
        abuse = reading.abuse
        if abuse >= abuse_at:
            yield _candidate(RuleKind.ABUSE, reading, abuse, _abuse_message(reading), {})
        elif reading.negated:
            yield _negated_note(reading)
        targets = _targets(analysis, reading)
        bullying = max(reading.aimed, abuse if _aimed_abuse(reading) else 0.0)
        if targets and bullying >= bullying_at:
            message = f"This looks like hostility aimed at {targets[0]}, which is cyber-bullying."
            yield _candidate(
                RuleKind.CYBERBULLYING, reading, bullying, message, {"targets": targets}
            )


def _aimed_abuse(reading: Reading) -> bool:
    return any(h.cue.aimed for h in reading.hits) or reading.scores.aimed >= 0.5


def _candidate(
    kind: RuleKind, reading: Reading, score: float, message: str, details: dict[str, object]
) -> Candidate:
    start, end = _span(reading)
    cues = sorted({h.cue.name for h in reading.hits})
    details = {**details, **_safeguarding(reading)}
    return Candidate(
        kind=kind,
        start=start,
        end=end,
        evidence=reading.text[start:end],
        message=message,
        suggestion="Do not post or send this. If you are upset, raise it with the school instead.",
        detector="abuse",
        score=round(score, 3),
        max_severity=Severity.BLOCK if score >= SURE else Severity.REVIEW,
        details={**details, "cues": cues, "model": round(reading.scores.abuse, 3)},
    )


def _span(reading: Reading) -> tuple[int, int]:
    if reading.hits:
        first = min(reading.hits, key=lambda h: h.start)
        return reading.norm.original_span(first.start, first.end)
    tokens = reading.norm.tokens
    return (tokens[0].start, tokens[-1].end) if tokens else (0, 0)


def _abuse_message(reading: Reading) -> str:
    cues = sorted({h.cue.name for h in reading.hits if h.cue.abuse})
    if cues:
        return f"This reads as abusive ({', '.join(cues)})."
    return "This reads as abusive, discriminatory or threatening."


def _note(reading: Reading) -> Note:
    start, end = _span(reading)
    return Note(
        kind=RuleKind.ABUSE,
        start=start,
        end=end,
        evidence=reading.text[start:end],
        message="Abusive words are quoted or reported here to condemn them, not aimed by the author.",
        quoted=True,
        details=_safeguarding(reading),
    )


def _safeguarding(reading: Reading) -> dict[str, object]:
    """`{"safeguarding": concern}` when a cue puts a child at risk, else nothing."""
    names = sorted({h.cue.name for h in reading.hits})
    concern = next((SAFEGUARDING[name] for name in names if name in SAFEGUARDING), None)
    return {} if concern is None else {"safeguarding": concern}


def _negated_note(reading: Reading) -> Note:
    first = reading.negated[0]
    start, end = reading.norm.original_span(first.start, first.end)
    return Note(
        kind=RuleKind.ABUSE,
        start=start,
        end=end,
        evidence=reading.text[start:end],
        message="Hostile words appear here but are negated, so they are not treated as abuse.",
    )


def _targets(analysis: Analysis, reading: Reading) -> list[str]:
    """Who the hostility is aimed at: school people named, or the other person in a private
    exchange (addressed as "you", or the target of a pattern aimed at one person)."""
    named = [m.person.name for m in analysis.mentions if m.person.role in _TARGET_ROLES]
    named += [name for name in _named_loosely(analysis) if name not in named]
    named += [_original(reading, m) for m in DESCRIBED_PUPIL.finditer(reading.normalised)]
    words = set(reading.words)
    private = analysis.channel is Channel.DIRECT or _is_reply(analysis)
    if private and (words & SECOND_PERSON or any(h.cue.aimed for h in reading.hits)):
        named.append("the person it was sent to")
    return named


def _original(reading: Reading, match: re.Match[str]) -> str:
    start, end = reading.norm.original_span(*match.span())
    return reading.text[start:end]


def _is_reply(analysis: Analysis) -> bool:
    post = analysis.post
    return post is not None and any(post.extra.get(k) for k in ("reply_to", "in_reply_to"))


# Where an engine's context keeps its loose-name pattern: built once per engine, and gone
# with it (a table by school would keep every school an engine was ever rebuilt for).
_CONTEXT_NAMES = "_netiquette_loose_names"


def _named_loosely(analysis: Analysis) -> list[str]:
    """First names, surnames and "Mrs Surname": how posts name people in practice."""
    context = analysis.context
    cached = context.__dict__.get(_CONTEXT_NAMES)
    if cached is None:
        cached = context.__dict__[_CONTEXT_NAMES] = _loose_names(context.school)
    pattern, lookup = cached
    if pattern is None:
        return []
    return list(dict.fromkeys(lookup[m.group()] for m in pattern.finditer(analysis.text)))


def _loose_names(school: School) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """Each word of a name of the school's people, for the person it is part of."""
    lookup: dict[str, str] = {}
    for person in school.people:
        if person.role in _TARGET_ROLES:
            for part in person.name.split():
                lookup.setdefault(part, person.name)
    alternatives = "|".join(sorted(map(re.escape, lookup), key=len, reverse=True))
    return (re.compile(rf"\b(?:{alternatives})\b") if lookup else None), lookup
