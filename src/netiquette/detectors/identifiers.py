"""Official identifying numbers: unique pupil numbers, NHS numbers, National Insurance numbers.

Each has a check built in, and a number is only flagged when the check passes, so a
thirteen-character order code or a ten-digit phone-like reference is left alone:

- UPN: a check letter, then twelve characters (the last may be a letter for a temporary
  number). The DfE check letter is the weighted sum (weights 2 to 13) of the other twelve,
  modulo 23, read from the alphabet below (the letters I, O and S are never used).
- NHS number: ten digits with a modulus 11 check digit (python-stdnum's `stdnum.gb.nhs`).
  Ten digits can pass by chance one time in eleven, so a bare run of digits needs the word
  NHS (or health, red book) nearby, or the usual 3-3-4 grouping, which is only a guess.
- National Insurance number: two prefix letters under HMRC's rules, six digits, a suffix A
  to D. python-stdnum 2.2 has no British NI module, so the rules are written here.

In a direct message a number is not published, so it is only for review; in one written to a
member of staff ("Dear Mrs Rose, ... her NHS number is ...") it is the school's own route.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from stdnum.gb import nhs

from netiquette.detectors.base import Analysis, to_the_school
from netiquette.detectors.contact import first_digit
from netiquette.findings import Candidate, Note
from netiquette.kinds import Channel, RuleKind, Severity

UPN_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ"
# Each pattern opens with a digit class (fast to scan for); boundaries are checked after.
_UPN = re.compile(r"[0-9]{11}[0-9A-Za-z]\b")
_NHS = re.compile(r"([0-9]{3})([ -]?)([0-9]{3})\2([0-9]{4})(?![0-9-])")
_NHS_CONTEXT = re.compile(r"\b(?:nhs|health|red book|hospital|chi)\b", re.IGNORECASE)
_NINO = re.compile(r"[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-Da-d]\b")
_NINO_PREFIX = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2} ?$")
_NINO_BAD_LETTERS = set("DFIQUV")
_NINO_BAD_PREFIXES = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})
_CONTEXT_WINDOW = 40
# Every identifier has four digits together, or two pairs with a space between ("AB 12 34
# 56 C"): most posts, even with a time or a year group, are ruled out by one quick search.
_GATE = re.compile(r"[0-9]{2} ?[0-9]{2}")


def upn_check_letter(body: str) -> str | None:
    """The check letter for the twelve characters after it, or None if they cannot be a UPN."""
    if len(body) != 12 or not body[:11].isdigit():
        return None
    last = body[11]
    if last.isdigit():
        values = [int(c) for c in body]
    elif last.upper() in UPN_ALPHABET:
        values = [int(c) for c in body[:11]] + [UPN_ALPHABET.index(last.upper())]
    else:
        return None
    total = sum(weight * value for weight, value in enumerate(values, start=2))
    return UPN_ALPHABET[total % 23]


def is_upn(text: str) -> bool:
    text = text.strip().upper()
    return len(text) == 13 and upn_check_letter(text[1:]) == text[0]


def is_nino(text: str) -> bool:
    """Whether `text` (spaces allowed) follows HMRC's National Insurance number format."""
    compact = "".join(text.split()).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{6}[A-D]", compact):
        return False
    first, second = compact[0], compact[1]
    if first in _NINO_BAD_LETTERS or second in _NINO_BAD_LETTERS or second == "O":
        return False
    return compact[:2] not in _NINO_BAD_PREFIXES


class IdentifiersDetector:
    name = "identifiers"
    kinds = frozenset({RuleKind.PERSONAL_DATA})

    def detect(self, analysis: Analysis) -> Iterable[Candidate | Note]:
        text = analysis.text
        digit = first_digit(analysis)  # shared with contact details
        if digit < 0 or not _GATE.search(text, digit) or to_the_school(analysis):
            return ()  # most items, without making a generator
        if analysis.channel is Channel.DIRECT:
            # Not published, but an official number passed privately may still need a look.
            return [
                replace(c, max_severity=c.max_severity.cap(Severity.REVIEW))
                for c in self._found(text)
            ]
        return self._found(text)

    def _found(self, text: str) -> Iterable[Candidate]:
        yield from self._upns(text)
        yield from self._nhs_numbers(text)
        yield from self._ninos(text)

    def _upns(self, text: str) -> Iterable[Candidate]:
        for match in _UPN.finditer(text):
            start = match.start() - 1
            if start < 0 or (start > 0 and text[start - 1].isalnum()):
                continue
            if is_upn(text[start : match.end()]):
                yield self._candidate(
                    start, match.end(), text, "a unique pupil number (UPN)", "[UPN removed]"
                )

    def _nhs_numbers(self, text: str) -> Iterable[Candidate]:
        for match in _NHS.finditer(text):
            if match.start() > 0 and text[match.start() - 1] in "0123456789-":
                continue
            number = match.group(1) + match.group(3) + match.group(4)
            if number.startswith("0") or not nhs.is_valid(number):
                continue
            near = text[max(0, match.start() - _CONTEXT_WINDOW) : match.end() + _CONTEXT_WINDOW]
            if _NHS_CONTEXT.search(near):
                yield self._candidate(
                    match.start(), match.end(), text, "an NHS number", "[NHS number removed]"
                )
            elif match.group(2):
                yield self._candidate(
                    match.start(),
                    match.end(),
                    text,
                    "what looks like an NHS number",
                    "[number removed]",
                    Severity.REVIEW,
                )

    def _ninos(self, text: str) -> Iterable[Candidate]:
        for match in _NINO.finditer(text):
            prefix = _NINO_PREFIX.search(text, max(0, match.start() - 3), match.start())
            if prefix and is_nino(text[prefix.start() : match.end()]):
                yield self._candidate(
                    prefix.start(),
                    match.end(),
                    text,
                    "a National Insurance number",
                    "[National Insurance number removed]",
                )

    def _candidate(
        self,
        start: int,
        end: int,
        text: str,
        what: str,
        redaction: str,
        cap: Severity = Severity.BLOCK,
    ) -> Candidate:
        return Candidate(
            kind=RuleKind.PERSONAL_DATA,
            start=start,
            end=end,
            evidence=text[start:end],
            message=f"The post shows {what}, an official number that identifies a person.",
            suggestion="Remove the number; official numbers should never be posted.",
            detector=self.name,
            score=1.0 if cap is Severity.BLOCK else 0.6,
            max_severity=cap,
            topic="identifiers",
            redaction=redaction,
        )
