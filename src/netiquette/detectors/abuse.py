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

from netiquette.abuse_model import load_model
from netiquette.abuse_model.lexicon import SECOND_PERSON
from netiquette.abuse_model.reading import Reading
from netiquette.detectors.base import Analysis, Context
from netiquette.findings import Candidate, Note
from netiquette.kinds import Channel, Role, RuleKind, Severity
from netiquette.school import School

ABUSE_DEFAULT = 0.6
CYBERBULLYING_DEFAULT = 0.85
# Below this the finding is a possible breach for a person to look at, not a block.
SURE = 0.8
# Cues that put a child at risk: a report carrying one alerts the safeguarding lead at once.
SAFEGUARDING = {
    "threat": "threat",
    "self-harm incitement": "self-harm",
    "sexual harassment": "sexual",
}
_TARGET_ROLES = frozenset({Role.PUPIL, Role.STAFF, Role.GOVERNOR, Role.PARENT})
# Where an item's reading is kept in its analysis; only a text not blank is given one.
_READING = "_netiquette_abuse_reading"
# One pupil described rather than named, by where they are in the school ("the ginger boy in
# 5B", "that new girl in Year 6", "the kid from Mrs Hale's class"): identifiable to everyone
# who knows the class, so mocking them is cyber-bullying too.
DESCRIBED_PUPIL = re.compile(
    r"\b(?:the|that|this|dat|some) (?:\w+ ){0,2}(?:boy|girl|kid|lad|lass|child|pupil|student) "
    r"(?:in|from|at|of) (?:(?:year|yr) (?:\d{1,2}|r)|y\d{1,2}|\d{1,2}[a-z]|reception|"
    r"(?:class|form) \w+|(?:mrs|mr|miss|ms) \w+ class)\b"
)


def blank(text: str) -> bool:
    """Nothing but white space: `not text.strip()` without copying the text."""
    return not text or text.isspace()


def read(analysis: Analysis) -> Reading:
    """The item's reading, made once and shared by the abuse and language detectors."""
    reading = analysis.__dict__.get(_READING)
    if reading is None:
        reading = Reading(analysis.text, _known(analysis.context))
        analysis.__dict__[_READING] = reading
    return reading


def reading_of(analysis: Analysis) -> Reading | None:
    """The item's reading (usually made by `read_all` for the batch), or None for a blank
    text, which neither the abuse nor the language detector reads."""
    reading = analysis.__dict__.get(_READING)
    if reading is None and not blank(analysis.text):
        reading = read(analysis)
    return reading


def read_all(analyses: Sequence[Analysis]) -> None:
    """Readings for a batch of items at once (one vectorised model call), for `read` to find.

    All the analyses of a batch share one context, so one set of known words serves."""
    todo = [a for a in analyses if _READING not in a.__dict__ and not blank(a.text)]
    if not todo:
        return
    known = _known(todo[0].context)
    for analysis, reading in zip(
        todo, Reading.read_many([a.text for a in todo], known), strict=True
    ):
        analysis.__dict__[_READING] = reading


# Known-word sets by the school's name words. Schools with the same names share one set, so
# the readers cached per set (`textnorm._lexer`) are found by identity rather than by
# comparing thousands of words, and an engine rebuilt for each roster change (the web app)
# adds nothing that outlives it: the table is bounded.
_KNOWN_BY_NAMES: dict[frozenset[str], frozenset[str]] = {}
_KNOWN_LIMIT = 8
# Where an engine's context keeps its set, worked out once per engine.
_CONTEXT_KNOWN = "_netiquette_known_words"


def _known(context: Context) -> frozenset[str]:
    """The model's known words plus the school's names, so "Isla" is never "corrected"."""
    known: frozenset[str] | None = context.__dict__.get(_CONTEXT_KNOWN)
    if known is None:
        known = context.__dict__[_CONTEXT_KNOWN] = known_words(context.school)
    return known


def known_words(school: School) -> frozenset[str]:
    """`_known` for a school: one shared set for each set of names (bounded)."""
    names = frozenset(part.lower() for p in school.people for part in p.name.split())
    known = _KNOWN_BY_NAMES.get(names)
    if known is None:
        if len(_KNOWN_BY_NAMES) >= _KNOWN_LIMIT:
            _KNOWN_BY_NAMES.clear()
        known = _KNOWN_BY_NAMES[names] = load_model().known | names
    return known


class AbuseDetector:
    name = "abuse"
    kinds = frozenset({RuleKind.ABUSE, RuleKind.CYBERBULLYING})

    def prepare(self, analyses: Sequence[Analysis]) -> None:
        read_all(analyses)

    def detect(self, analysis: Analysis) -> Iterable[Candidate | Note]:
        reading = reading_of(analysis)
        if reading is None:
            return ()
        policy = analysis.context.policy
        abuse_at = policy.threshold("abuse", ABUSE_DEFAULT)
        bullying_at = policy.threshold("cyberbullying", CYBERBULLYING_DEFAULT)
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


_NAME_CACHE: dict[int, tuple[School, re.Pattern[str] | None, dict[str, str]]] = {}


def _named_loosely(analysis: Analysis) -> list[str]:
    """First names, surnames and "Mrs Surname": how posts name people in practice."""
    school = analysis.context.school
    cached = _NAME_CACHE.get(id(school))
    if cached is None or cached[0] is not school:
        lookup: dict[str, str] = {}
        for person in school.people:
            if person.role in _TARGET_ROLES:
                for part in person.name.split():
                    lookup.setdefault(part, person.name)
        alternatives = "|".join(sorted(map(re.escape, lookup), key=len, reverse=True))
        pattern = re.compile(rf"\b(?:{alternatives})\b") if lookup else None
        cached = (school, pattern, lookup)
        _NAME_CACHE[id(school)] = cached
    _, pattern, lookup = cached
    if pattern is None:
        return []
    return list(dict.fromkeys(lookup[m.group()] for m in pattern.finditer(analysis.text)))
