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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from netiquette.abuse_model import Scores, load_model
from netiquette.abuse_model.lexicon import SECOND_PERSON
from netiquette.abuse_model.patterns import (
    CONDEMNING,
    CUES,
    IDIOMS,
    NEGATED,
    RECLAIMED,
    REPORTING,
    SELF_REFERENCE,
    Cue,
)
from netiquette.detectors.base import Analysis
from netiquette.findings import Candidate, Note
from netiquette.kinds import Channel, Role, RuleKind, Severity
from netiquette.school import School
from netiquette.textnorm import Normalised, normalise

ABUSE_DEFAULT = 0.6
CYBERBULLYING_DEFAULT = 0.85
# Below this the finding is a possible breach for a person to look at, not a block.
SURE = 0.8
_SENTENCE_END = re.compile(r" [.!?] ")
_CLAUSE = re.compile(r"[.!?;,] |\bbut\b")
# Quoted passages; a single quote opens only after a non-letter, so "parents' evening" is not one.
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|‘[^’]*’|(?<!\w)'[^']*'(?!\w)")
# A slur stays a slur after "no" or "not" ("no trannies in here", "he's not a ...").
_NEVER_NEGATED = frozenset({"slur"})
_TARGET_ROLES = frozenset({Role.PUPIL, Role.STAFF, Role.GOVERNOR, Role.PARENT})


@dataclass(frozen=True)
class Hit:
    cue: Cue
    start: int
    end: int
    negated: bool = False


@dataclass(frozen=True)
class Reading:
    """What the post does (hits, scores) and how it is framed."""

    text: str
    norm: Normalised
    scores: Scores
    hits: tuple[Hit, ...]
    framed: bool
    # Hostile patterns that were negated ("I would never call her stupid").
    negated: tuple[Hit, ...] = ()

    @property
    def abuse(self) -> float:
        cue = max((h.cue.score for h in self.hits if h.cue.abuse), default=0.0)
        return max(cue, self.scores.abuse if not self.framed else 0.0)

    @property
    def aimed(self) -> float:
        cue = max((h.cue.score for h in self.hits if h.cue.aimed), default=0.0)
        return max(cue, self.scores.aimed)


_LAST: list[tuple[str, School | None, Reading]] = []


def read(text: str, school: School | None = None) -> Reading:
    """Normalise, score and match one text; shared by the detectors and the evaluation.

    The last reading is kept, because the abuse and language detectors read the same item
    one after the other.
    """
    last = _LAST[-1] if _LAST else None
    if last is not None and last[0] == text and last[1] is school:
        return last[2]
    reading = _read(text, school)
    _LAST[:] = [(text, school, reading)]
    return reading


def _read(text: str, school: School | None) -> Reading:
    model = load_model()
    norm = normalise(text, _known(school))
    scores = model.score_words([t.text for t in norm.tokens])
    found = list(_hits(norm.text))
    hits = tuple(h for h in found if not h.negated)
    quotes = [m.span() for m in _QUOTED.finditer(text)]
    frames = [m.start() for m in REPORTING.finditer(norm.text)]
    if hits:
        framed = all(_quoted(norm, h, quotes) or _introduced(norm.text, h, frames) for h in hits)
    else:
        framed = bool(frames)
    framed = framed or bool(CONDEMNING.search(norm.text))
    calm = IDIOMS.search(norm.text) or NEGATED.search(norm.text)
    if calm and not any(h.cue.abuse for h in hits):
        scores = Scores(min(scores.abuse, 0.3), scores.profanity, min(scores.aimed, 0.3))
    return Reading(text, norm, scores, hits, framed, tuple(h for h in found if h.negated))


def _hits(text: str) -> Iterator[Hit]:
    harmless = [m.span() for m in IDIOMS.finditer(text)]
    harmless += [m.span() for m in SELF_REFERENCE.finditer(text)]
    words = set(text.split())
    for cue in CUES:
        if not cue.possible(words):
            continue
        for match in cue.pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in harmless):
                continue
            if cue.name == "slur" and RECLAIMED.search(text, max(0, start - 40), end):
                continue
            negated = cue.abuse and cue.name not in _NEVER_NEGATED and _negated(text, start)
            yield Hit(cue, start, end, negated)


def _introduced(text: str, hit: Hit, frames: list[int]) -> bool:
    """A reporting frame earlier in the same sentence ("someone called my son a ...")."""
    return any(f < hit.start and not _SENTENCE_END.search(text, f, hit.start) for f in frames)


def _negated(text: str, start: int) -> bool:
    """A negation earlier in the same clause ("I would never call her stupid")."""
    clause_start = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
    return bool(NEGATED.search(text, clause_start, start))


def _quoted(norm: Normalised, hit: Hit, quotes: list[tuple[int, int]]) -> bool:
    start, end = norm.original_span(hit.start, hit.end)
    return any(s <= start and end <= e for s, e in quotes)


_KNOWN_CACHE: dict[int, tuple[School, frozenset[str]]] = {}


def _known(school: School | None) -> frozenset[str]:
    """The model's known words plus the school's names, so "Isla" is never "corrected"."""
    model = load_model()
    if school is None:
        return model.known
    cached = _KNOWN_CACHE.get(id(school))
    if cached is None or cached[0] is not school:
        names = {part.lower() for p in school.people for part in p.name.split()}
        cached = (school, model.known | names)
        _KNOWN_CACHE[id(school)] = cached
    return cached[1]


class AbuseDetector:
    name = "abuse"
    kinds = frozenset({RuleKind.ABUSE, RuleKind.CYBERBULLYING})

    def detect(self, analysis: Analysis) -> Iterable[Candidate | Note]:
        if not analysis.text.strip():
            return
        reading = read(analysis.text, analysis.context.school)
        policy = analysis.context.policy
        abuse_at = policy.threshold("abuse", ABUSE_DEFAULT)
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
        if targets and bullying >= policy.threshold("cyberbullying", CYBERBULLYING_DEFAULT):
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
    )


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
    words = {t.text for t in reading.norm.tokens}
    private = analysis.channel is Channel.DIRECT or _is_reply(analysis)
    if private and (words & SECOND_PERSON or any(h.cue.aimed for h in reading.hits)):
        named.append("the person it was sent to")
    return named


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
