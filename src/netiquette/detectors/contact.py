"""Contact details: phone numbers, email addresses, home addresses, postcodes, dates of birth.

Posting someone's number or address is the commonest personal-data slip in a parents'
group ("message Gemma on 07700 900652"). Each check is gated by something cheap (a leading
0 or +, an @, a digit) so that the costly parser runs only on text that could hold a number.

Not flagged at all in a direct message: the policy forbids publishing contact details, and a
number or an address given to one person is not published.

On the school's own channel a landline is the school's (its office, a department's line);
a mobile there is still someone's unless introduced as an office's.

Not personal data, so not flagged: the school's own addresses and role mailboxes
(office@, admin@), numbers introduced as an office or a helpline, and numbers introduced as
an order, reference or account number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import phonenumbers

from netiquette.detectors.base import Analysis
from netiquette.findings import Candidate, Note
from netiquette.kinds import Channel, RuleKind
from netiquette.people_words import words

# Patterns that open with a character class are scanned fast by `re`, so each costly check
# is gated by one of these, and boundaries are checked in Python.
# A run of digits, spaces and brackets that could hold a phone number.
# Line breaks too: a number split over lines ("07700\n900\n462") is still one.
_PHONE_RUN = re.compile(r"[0-9][0-9 ().\r\n-]{7,}[0-9]")
_NOT_DIGITS = re.compile(r"[^0-9]+")
_PIECE = re.compile(r"\S+")
# UK numbers (Ofcom's plan): 0, then 1, 2, 3, 5, 7, 8 or 9, ten or eleven digits in all.
_UK_NATIONAL = re.compile(r"0[1235789][0-9]{8,9}")
# The inward half of a postcode ("2QN"), after a digit or a letter and a space.
_POSTCODE_GATE = re.compile(r"[0-9] ?[0-9][A-Za-z]{2}\b|[0-9][A-Za-z] [0-9][A-Za-z]{2}\b")
_HOUSE_GATE = re.compile(r"[0-9][A-Za-z]?,? [A-Z]")
# An email address is read outwards from its @: the local part before, the domain after.
# The local part is matched on the characters before the @ read backwards: searching forwards
# for a run that ends at the @ would try every start in the window.
_EMAIL_LOCAL_BACKWARDS = re.compile(r"[\w.+-]{1,64}")
_EMAIL_DOMAIN = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# An address spelt out to dodge filters: "emeka dot obi at mailbox dot example".
_SPELT_EMAIL = re.compile(
    r"\b([a-z0-9_+-]+(?: dot [a-z0-9_+-]+)*) at ([a-z0-9-]+(?: dot [a-z0-9-]+)*? dot "
    r"(?:com|co|uk|org|net|gov|ac|sch|edu|example|io|me|info))\b",
    re.IGNORECASE,
)
_POSTCODE = re.compile(r"[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}\b")
# Upper case with or without the space, or lower case with it; never "y6 2nd".
_POSTCODE_SHAPE = re.compile(
    r"[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}"
    r"|[a-z]{1,2}\d[a-z\d]? \d(?!st|nd|rd|th)[abd-hjlnp-uw-z]{2}"
)
_STREET = (
    r"(?:Road|Rd|Street|St|Lane|Ln|Close|Avenue|Ave|Drive|Dr|Way|Crescent|Court|Ct|Place|"
    r"Gardens|Grove|Terrace|Mews|Parade|Vale)"
)
_HOUSE = re.compile(rf"[0-9]{{1,4}}[A-Za-z]?,? (?:[A-Z][\w'’-]+ ){{1,3}}{_STREET}\b")
_LIVES_AT = re.compile(
    rf"\b(?:lives?|living|moved) (?:at|on|in|to) (?:[A-Z][\w'’-]+ ){{1,3}}{_STREET}\b"
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = (
    rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTH}"
    rf"(?:,? \d{{4}})?|{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?)"
)
_BIRTH = re.compile(
    rf"\b(?:date of birth|d\.?o\.?b\.?|birth ?date|born(?: on)?|birthday is(?: on)?)"
    rf"[\s:,-]{{0,4}}(?:is |was |on )?{_DATE}\b",
    re.IGNORECASE,
)
# Words that make a number something other than a person's phone. The window after the word
# runs to the number; a dot inside a domain ("office@school.example or 01632 ...") does not
# end it, a full stop does. A mobile needs the word close by: offices rarely have one.
_NOT_PERSONAL_PLAIN = (
    "order", "ref", "reference", "invoice", "account", "acc", "tracking", "booking", "policy",
    "serial", "case", "ticket", "membership", "sort code", "office", "reception", "helpline",
    "childline", "nspcc", "switchboard", "school on",
)  # fmt: skip
_NOT_PERSONAL_WORDS = (
    rf"\b(?:{'|'.join(map(re.escape, _NOT_PERSONAL_PLAIN))}"
    r"|school'?s (?:main |office |phone |landline )?(?:number|phone|line|landline)"
    r"|(?:call|ring|phone|contact) (?:the |our )?school)\b"
)
# Literal words at least one of which is in any match of `_NOT_PERSONAL_WORDS`, found by
# the shared pass over the text (`netiquette.detectors.cues`): most posts with a number
# hold none, and the expressions below cost several microseconds a number.
NOT_PERSONAL_TRIGGERS = (
    *_NOT_PERSONAL_PLAIN,
    "school's",
    "schools",
    *(
        f"{verb} {the}school"
        for verb in ("call", "ring", "phone", "contact")
        for the in ("", "the ", "our ")
    ),
)
_NOT_PERSONAL = re.compile(_NOT_PERSONAL_WORDS + r"(?:[^.\n]|\.(?=\w)){0,40}$", re.IGNORECASE)
_NOT_PERSONAL_MOBILE = re.compile(_NOT_PERSONAL_WORDS + r"[^.\n]{0,12}$", re.IGNORECASE)
_MOBILE = re.compile(r"(?:\+|00)?(?:44)?\s?\(?0?\)?\s?7")
# ...unless the words just before the number make it someone's own ("her mobile is").
_OWN_NUMBER = re.compile(
    r"\b(?:mobile|mob|personal|home (?:number|phone)|(?:her|his|their|my) (?:number|phone))\b"
    r"[^.\n]{0,8}$",
    re.IGNORECASE,
)
_ROLE_MAILBOXES = words(
    "office admin info enquiries enquiry contact reception head headteacher pta hello "
    "support bursar finance admissions clerk governors sendco senco"
)
_MAX_ONE_NUMBER = 14
_DIGIT = re.compile(r"\d")
_DIGIT_KEY = "_netiquette_first_digit"
# A number after these is a year group, a room or a page, not a house.
_NOT_HOUSE = re.compile(r"\b(?:year|yr|y|class|room|page|table|bus|gate|no\.?|number)\s*$", re.I)


class ContactDetailsDetector:
    name = "contact-details"
    kinds = frozenset({RuleKind.PERSONAL_DATA})

    def detect(self, analysis: Analysis) -> Iterable[Candidate | Note]:
        if analysis.channel is Channel.DIRECT:
            return ()  # giving a number or an address to one person is not publishing it
        lower = analysis.lower
        if (
            "@" not in lower
            and " dot " not in lower
            and "live" not in lower
            and "moved" not in lower
            and first_digit(analysis) < 0
        ):
            return ()  # most items: nothing to look at, and no generator made
        return self._details(analysis)

    def _details(self, analysis: Analysis) -> Iterable[Candidate | Note]:
        text = analysis.text
        if "@" in text:
            yield from self._emails(text, analysis.context.school.websites)
        lower = analysis.lower
        if " dot " in lower:
            yield from self._spelt_emails(text, analysis.context.school.websites)
        if "live" in lower or "moved" in lower:
            yield from self._found(_LIVES_AT.finditer(text), "a home address", "[address removed]")
        digit = first_digit(analysis)
        if digit < 0:
            return
        # Each gate opens with a digit: none can match before the first one.
        run = _PHONE_RUN.search(text, digit)
        if run is not None:
            # Unless a trigger word fired, no number can be excused as not personal (for
            # ASCII text: the expressions ignore case by Unicode's rules, the pass lowers).
            excusable = not text.isascii() or "contact:not personal" in analysis.scan.groups
            landlines = analysis.channel is not Channel.SCHOOL  # the school's own, there
            yield from self._phones(text, run.start(), excusable, landlines)
        if _POSTCODE_GATE.search(text, digit):
            yield from self._found(_postcodes(text), "a postcode", "[postcode removed]")
        if _HOUSE_GATE.search(text, digit):
            yield from self._found(_houses(text), "a home address", "[address removed]")
        if "birth" in lower or "born" in lower or "dob" in lower or "d.o.b" in lower:
            yield from self._births(text)

    def _phones(
        self, text: str, first: int, excusable: bool, landlines: bool
    ) -> Iterable[Candidate]:
        for start, end in phone_spans(text, first):
            if not landlines and not _MOBILE.match(text, start):
                continue
            if excusable and _not_personal(text, start):
                continue
            yield self._candidate(
                start, end, text[start:end], "a phone number", "[phone number removed]"
            )

    def _emails(self, text: str, websites: tuple[str, ...]) -> Iterable[Candidate]:
        at = text.find("@")
        while at != -1:
            local = _EMAIL_LOCAL_BACKWARDS.match(text[max(0, at - 64) : at][::-1])
            domain = _EMAIL_DOMAIN.match(text, at + 1)
            if local and domain:
                start, end = at - local.end(), domain.end()
                mailbox, site = text[start:at].lower(), domain.group().lower()
                if _personal_email(mailbox, site, websites):
                    yield self._candidate(
                        start, end, text[start:end], "an email address", "[email removed]"
                    )
            at = text.find("@", at + 1)

    def _spelt_emails(self, text: str, websites: tuple[str, ...]) -> Iterable[Candidate]:
        for match in _SPELT_EMAIL.finditer(text):
            mailbox = match.group(1).lower().replace(" dot ", ".")
            site = match.group(2).lower().replace(" dot ", ".")
            if _personal_email(mailbox, site, websites):
                yield self._candidate(
                    match.start(), match.end(), match.group(), "an email address", "[email removed]"
                )

    def _found(
        self, matches: Iterable[re.Match[str]], what: str, redaction: str
    ) -> Iterable[Candidate]:
        for match in matches:
            yield self._candidate(match.start(), match.end(), match.group(), what, redaction)

    def _births(self, text: str) -> Iterable[Candidate]:
        for match in _BIRTH.finditer(text):
            yield Candidate(
                kind=RuleKind.PERSONAL_DATA,
                start=match.start(),
                end=match.end(),
                evidence=match.group(),
                message="The post gives someone's date of birth.",
                suggestion="Remove the date of birth; it can be used to identify a child.",
                detector=self.name,
                topic="identifiers",
                redaction="[date of birth removed]",
            )

    def _candidate(
        self, start: int, end: int, evidence: str, what: str, redaction: str
    ) -> Candidate:
        return Candidate(
            kind=RuleKind.PERSONAL_DATA,
            start=start,
            end=end,
            evidence=evidence,
            message=f"The post gives {what}, which is someone's personal contact detail.",
            suggestion=f"Remove {what}; ask people to get in touch privately instead.",
            detector=self.name,
            topic="contact-details",
            redaction=redaction,
        )


def first_digit(analysis: Analysis) -> int:
    """Where the item's first digit is (-1 for none), found once for the detectors that need
    one: most posts have none, and those that do can be searched from there."""
    cached: int | None = analysis.__dict__.get(_DIGIT_KEY)
    if cached is None:
        if analysis.text.isascii():  # the shared pass found it (ASCII digits only)
            cached = analysis.scan.digit
        else:  # any script's digits, as `\d` reads them
            match = _DIGIT.search(analysis.text)
            cached = -1 if match is None else match.start()
        analysis.__dict__[_DIGIT_KEY] = cached
    return cached


def _not_personal(text: str, start: int) -> bool:
    """Whether the words before a number make it an office's, a helpline's or a reference."""
    window = max(0, start - 60)
    pattern = _NOT_PERSONAL_MOBILE if _MOBILE.match(text, start) else _NOT_PERSONAL
    return bool(pattern.search(text, window, start)) and not _OWN_NUMBER.search(text, window, start)


def phone_spans(text: str, first: int = 0) -> Iterable[tuple[int, int]]:
    """Where phone numbers are: UK ones by the numbering plan (fast, no parsing), numbers
    from abroad ("+33 6 12 34 56 78") by `phonenumbers`. `first`: where to look from (no
    run of digits starts before it)."""
    for match in _PHONE_RUN.finditer(text, first):
        start, end = match.span()
        if start > 0 and text[start - 1] in "+(":
            start -= 1
        glued = (start > 0 and text[start - 1].isalnum()) or (
            end < len(text) and text[end].isalnum()
        )
        if glued:
            continue
        raw = text[start:end]
        digits = _NOT_DIGITS.sub("", raw)
        if len(digits) > _MAX_ONE_NUMBER:
            yield from _split_run(raw, start)
        elif _uk_number(raw, digits) or (raw[0] == "+" and _possible_abroad(raw)):
            yield start, end


def _uk_number(raw: str, digits: str) -> bool:
    if raw[0] == "+" or digits.startswith("00"):
        digits = digits.removeprefix("00")
        if not digits.startswith("44"):
            return False
        digits = "0" + digits[2:].removeprefix("0")  # "+44 (0)20 ..." keeps one 0
    return _UK_NATIONAL.fullmatch(digits) is not None


def _possible_abroad(raw: str) -> bool:
    try:
        return bool(phonenumbers.is_possible_number(phonenumbers.parse(raw, "GB")))
    except phonenumbers.NumberParseException:
        return False


def _split_run(raw: str, offset: int) -> Iterable[tuple[int, int]]:
    """Several numbers in one run ("07700 900123 07700 900456"): the shortest groups of
    space-separated pieces, from the left, that make a UK number."""
    pieces = [m.span() for m in _PIECE.finditer(raw)]
    first = 0
    while first < len(pieces):
        for last in range(first, len(pieces)):
            start, end = pieces[first][0], pieces[last][1]
            digits = _NOT_DIGITS.sub("", raw[start:end])
            if len(digits) > _MAX_ONE_NUMBER:
                break
            if _uk_number(raw[start:end], digits):
                yield offset + start, offset + end
                first = last
                break
        first += 1


def _postcodes(text: str) -> Iterable[re.Match[str]]:
    for match in _POSTCODE.finditer(text):
        start = match.start()
        if start > 0 and text[start - 1].isalnum():
            continue
        if _POSTCODE_SHAPE.fullmatch(match.group()):
            yield match


def _houses(text: str) -> Iterable[re.Match[str]]:
    for match in _HOUSE.finditer(text):
        start = match.start()
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".,/:£$"):
            continue
        if not _NOT_HOUSE.search(text, max(0, start - 8), start):
            yield match


def _personal_email(mailbox: str, site: str, websites: tuple[str, ...]) -> bool:
    """Whether an address is a person's: not at the school's domains, not a role mailbox."""
    return not _school_domain(site, websites) and mailbox not in _ROLE_MAILBOXES


def _school_domain(domain: str, websites: tuple[str, ...]) -> bool:
    return any(domain == site or domain.endswith(f".{site}") for site in websites)
