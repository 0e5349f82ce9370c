"""Reading one rule: its rule kind (with a confidence), its strength and the roles it binds."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from netiquette.importer.vocabulary import (
    DOCUMENT_SUBJECT,
    EVERYONE,
    KIND_CUES,
    OBJECT_VERB,
    ROLE_WORDS,
    SCHOOL_SUBJECT,
    STRENGTH_CUES,
    TOPIC_CUES,
)
from netiquette.kinds import ALL_ROLES, Role, RuleKind, Strength

# Below this score no kind is clear enough: the clause is kept as `custom` for a person to map.
MIN_KIND_SCORE = 1.5
# Different words of one cue each count ("abusive, discriminatory, harassing"), up to this many.
MAX_REPEATS = 3
_NEGATIVE_NEAR = re.compile(
    r"^\W*(?:that\s+)?(?:\w+\s+){0,3}(?:do not|does not|don[’']t|never|are not|is not|avoid|"
    r"refrain from)\b",
    re.I,
)
_CAUTION_NEAR = re.compile(
    r"^\s*(?:\w+\s+)?(?:take (?:great )?care|think carefully|be careful|exercise (?:caution|care)|"
    r"be cautious|use caution|be mindful|be aware)\b",
    re.I,
)
_MEMBERS_OF = re.compile(
    r"\bmembers? of (?:the )?(?:school )?(?:staff|governing (?:body|board))\b|\bstaff members?\b|"
    r"\badults? (?:who work|working)\b(?: (?:in|at|with) (?:the |our )?(?:school|academy|children|"
    r"pupils))?",
    re.I,
)
_ADVERBIAL = re.compile(
    r"^\s*(?:when|whenever|if|where|while|whilst|as|although|however|therefore|in|on|at|for|"
    r"during|before|after|once|unless|outside|so|also|furthermore|finally)\b",
    re.I,
)
_ROLE_FIRST = re.compile(
    r"^\s*(?:all|any|the|our|every|each|a|an|no|current|both|individual|school)?\s*"
    r"(?:children|child|pupils?|students?|learners?|young people|staff|employees?|teachers?|"
    r"teaching assistants?|volunteers?|colleagues?|trainees?|governors?|trustees?|parents?|"
    r"carers?|guardians?|families)\b",
    re.I,
)
_INNER = re.compile(
    r"\b(?:who|that|which|whose|working|in contact|with|of|about|from|on|at|in)\b", re.I
)
_SECTION_LABEL = re.compile(
    r"^\s*(?:(?:section|part|appendix|annex)\s+[\w.]+\s*[:.\-–]?\s*|[\d.]+\s*[:.\-–]?\s*)", re.I
)
_FOR_TO = re.compile(r"\bfor\s+((?:\S+\s+){1,6}?)to\b", re.I)
_PASSIVE_BY = re.compile(r"\bby\s+((?:\S+\s+){0,6}\S+)", re.I)


@dataclass(frozen=True)
class KindReading:
    kind: RuleKind
    confidence: float
    cues: tuple[str, ...]  # the words that decided it, for the review report


@dataclass(frozen=True)
class StrengthReading:
    strength: Strength
    start: int  # where the deciding cue starts in the text
    end: int
    verb: str  # the cue as written


@cache
def _compiled(kind: RuleKind) -> tuple[tuple[re.Pattern[str], float], ...]:
    return tuple((re.compile(pattern, re.I), weight) for pattern, weight in KIND_CUES[kind])


def read_kind(text: str) -> KindReading:
    """The best-scoring rule kind; `custom` when none scores enough to trust."""
    scores: dict[RuleKind, tuple[float, list[str]]] = {}
    for kind in KIND_CUES:
        total, cues = 0.0, []
        for pattern, weight in _compiled(kind):
            words = list(dict.fromkeys(m.group(0).lower() for m in pattern.finditer(text)))
            total += weight * min(len(words), MAX_REPEATS)
            cues += words[:MAX_REPEATS]
        scores[kind] = (total, cues)
    ranked = sorted(scores.items(), key=lambda pair: pair[1][0], reverse=True)
    (best, (top, cues)), (_, (second, _)) = ranked[0], ranked[1]
    if top < MIN_KIND_SCORE:
        return KindReading(RuleKind.CUSTOM, round(0.1 + 0.1 * top, 2), tuple(cues))
    confidence = min(0.95, 0.5 + 0.1 * top) * (1 - 0.5 * second / top)
    return KindReading(best, round(confidence, 2), tuple(cues))


def read_topics(text: str, kind: RuleKind) -> frozenset[str]:
    """The personal-data subjects a clause names; none means the clause covers the whole kind."""
    if kind is not RuleKind.PERSONAL_DATA:
        return frozenset()
    return frozenset(topic for topic, pattern in TOPIC_CUES.items() if pattern.search(text))


def read_strength(text: str) -> StrengthReading | None:
    """The strength of the first wording cue, negated when an "ensure" is followed by a "not"."""
    match = STRENGTH_CUES.search(text)
    if match is None:
        return None
    group = match.lastgroup or "should"
    if group in ("must", "should") and _CAUTION_NEAR.match(text[match.end() : match.end() + 30]):
        group = "caution"
    if group in ("must", "should") and _NEGATIVE_NEAR.match(text[match.end() : match.end() + 60]):
        group += "_not"
    strength = Strength(group.replace("_", "-"))
    return StrengthReading(strength, match.start(), match.end(), match.group(0).lower())


def roles_in(text: str) -> frozenset[Role]:
    if EVERYONE.search(text):
        return frozenset(ALL_ROLES - {Role.OTHER})
    return frozenset(role for role, pattern in ROLE_WORDS.items() if pattern.search(text))


def bound_roles(text: str, reading: StrengthReading | None) -> frozenset[Role]:
    """The roles a rule binds: its subject before the cue ("Staff must not ..."), the object of
    "expect ... to" ("we expect parents to ..."), the agent of a passive ("... by staff") or
    of "it is not acceptable for parents to ..."."""
    if reading is None:
        return frozenset()
    if OBJECT_VERB.match(reading.verb):
        after = text[reading.end :]
        cut = re.search(r"\bto\b", after)
        return subject_roles(after[: cut.start()] if cut else after[:120])
    subject = subject_roles(text[: reading.start])
    if subject:
        return subject
    if agent := _PASSIVE_BY.search(text[reading.end : reading.end + 80]):
        return roles_in(agent.group(1))
    if actor := _FOR_TO.search(text[:120]):  # "It is not acceptable for parents to ..."
        return subject_roles(actor.group(1))
    return frozenset()


def subject_roles(subject: str) -> frozenset[Role]:
    """Roles that head the subject ("Staff, governors and parents"), not ones inside it
    ("Photographs of pupils", "Adults who work with children"). Leading clauses such as
    "When posting on social networks," are skipped."""
    subject = _MEMBERS_OF.sub(lambda m: "governors" if "govern" in m.group(0) else "staff", subject)
    head = _without_lead_clauses(subject)
    if not _ROLE_FIRST.match(head) and not EVERYONE.match(head.strip()):
        return frozenset()
    return roles_in(_INNER.split(head, maxsplit=1)[0])


def is_duty(text: str, reading: StrengthReading) -> bool:
    """A sentence about the document ("This policy sets out ...") or a duty of the school
    ("However, the school must ..."), not a rule for the people the policy binds. "We ask
    parents to ..." is a rule for parents, so verbs that bind their object are not duties."""
    if DOCUMENT_SUBJECT.match(text):
        return True
    return not OBJECT_VERB.match(reading.verb) and is_school_subject(text[: reading.start])


def heading_roles(heading: str) -> frozenset[Role]:
    """The audience a section heading names: "Parents and carers", "Use of social media by
    staff"; not the topic of "Photographs of pupils"."""
    heading = _SECTION_LABEL.sub("", heading)
    if roles := subject_roles(heading):
        return roles
    after = re.search(r"\b(?:by|for)\s+(.*)$", heading, re.I)
    return subject_roles(after.group(1)) if after else frozenset()


def is_school_subject(subject: str) -> bool:
    """Whether a rule's subject is the school itself ("However, the school must ...")."""
    return bool(SCHOOL_SUBJECT.match(_without_lead_clauses(subject)))


def _without_lead_clauses(subject: str) -> str:
    parts = subject.split(",")
    while len(parts) > 1 and _ADVERBIAL.match(parts[0]):
        parts = parts[1:]
    return ",".join(parts)


def subject_text(text: str, reading: StrengthReading | None) -> str:
    return text[: reading.start] if reading else text
