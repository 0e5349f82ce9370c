"""Inappropriate language: swearing and vulgarity, even when it is aimed at no one.

Swear words are found after disguises are undone ("f***", "sh1t", "f u c k"), so masking a
word does not make it polite. Each one is a finding with a masked safe version; the school's
policy decides whether that blocks or asks for a review. The model's profanity score adds
vulgar phrasing the word list lacks, only when it is sure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from netiquette.abuse_model.lexicon import MILD_PROFANITY
from netiquette.abuse_model.reading import Reading
from netiquette.detectors.base import Analysis
from netiquette.detectors.shared_reading import language_levels, read_all, reading_of
from netiquette.findings import Candidate, Note
from netiquette.kinds import RuleKind, Severity

# Words that are only sometimes vulgar: the nativity's ass, a door knob, a bloody nose.
# Within these phrases they are left alone (matched on the normalised text).
BENIGN = re.compile(
    r"\b(?:bloody (?:nose|nosed|lip|knee|tissue|plaster|mary|bandage|wound|graze)|"
    r"door ?knob|(?:volume|radio|gear) knob|knob of butter|cock (?:- )?a (?:- )?doodle|"
    r"prick (?:your|his|her|their|my|the|a) (?:finger|thumb|skin|ear)|(?:pin|finger|needle) prick|"
    r"slag heaps?|(?:pancake|caber|coin) tossers?|(?:garden|allotment|dutch|draw) hoes?|"
    r"sod (?:cutting|of turf|of earth|turning)|(?:the|an|old|little|nativity) ass(?! ?hole)|"
    r"ass (?:and|or) (?:ox|cart|donkey)|moby dick|dick (?:whittington|king smith|turpin)|"
    r"bitch (?:and|with) (?:her )?pupp(?:y|ies))\b"
)

# The swear words those phrases hold: only a post with one of these can contain one.
AMBIGUOUS = frozenset(
    [
        "bloody",
        "knob",
        "cock",
        "prick",
        "slag",
        "tosser",
        "tossers",
        "hoe",
        "hoes",
        "sod",
        "ass",
        "dick",
        "bitch",
    ]
)


class LanguageDetector:
    name = "language"
    kinds = frozenset({RuleKind.INAPPROPRIATE_LANGUAGE})

    def prepare(self, analyses: Sequence[Analysis]) -> None:
        read_all(analyses)  # shared with the abuse detector: whichever runs first reads

    def detect(self, analysis: Analysis) -> Iterable[Candidate | Note]:
        reading = reading_of(analysis)
        if reading is None:
            return ()
        threshold, model_at = language_levels(analysis.context.policy)
        if not reading.swears and reading.raw.profanity < model_at:
            return ()  # most items, without making a generator
        return self._found(analysis, reading, threshold, model_at)

    def _found(
        self, analysis: Analysis, reading: Reading, threshold: float, model_at: float
    ) -> Iterable[Candidate | Note]:
        profane = reading.profane  # found for the batch: most posts need no word list
        # The benign phrases are looked for only where they could matter.
        ambiguous = any(word in AMBIGUOUS for _, word in profane)
        benign = [m.span() for m in BENIGN.finditer(reading.normalised)] if ambiguous else []
        found: list[tuple[int, float]] = []
        for number, word in profane:
            if benign and _within(benign, reading.words, number):
                continue
            score = 0.7 if word in MILD_PROFANITY else 0.95
            if score >= threshold:
                found.append((number, score))
        spans = reading.spans([number for number, _ in found])
        for (start, end), (_, score) in zip(spans, found, strict=True):
            yield self._candidate(analysis.text, start, end, score)
        if found:
            return
        if not ambiguous:
            benign = [m.span() for m in BENIGN.finditer(reading.normalised)]
        if not benign and reading.raw.profanity >= model_at and reading.words:
            (start, _), (_, end) = reading.spans([0, len(reading.words) - 1])
            yield self._candidate(analysis.text, start, end, reading.raw.profanity)

    def _candidate(self, text: str, start: int, end: int, score: float) -> Candidate:
        word = text[start:end]
        return Candidate(
            kind=RuleKind.INAPPROPRIATE_LANGUAGE,
            start=start,
            end=end,
            evidence=word,
            message=f"“{word}” is swearing or vulgar language.",
            suggestion="Say it without the swearing; the point lands better without it.",
            detector=self.name,
            score=round(score, 3),
            max_severity=Severity.BLOCK if score >= 0.9 else Severity.REVIEW,
            redaction=_mask(word) if end - start < 40 else None,
        )


def _within(spans: list[tuple[int, int]], words: list[str], number: int) -> bool:
    """Whether word `number` starts inside one of these spans of the normalised text."""
    start = sum(len(word) + 1 for word in words[:number])
    return any(s <= start < e for s, e in spans)


def _mask(word: str) -> str:
    return word[:1] + "*" * max(1, len(word) - 1)
