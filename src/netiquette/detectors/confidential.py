"""Confidential information: unpublished school business shared before the school shares it.

A confidential subject alone is rarely a breach (the school publishes its Ofsted report
itself); what makes a post a disclosure is a subject together with a sign that the writer
is passing on something not yet public: "between us", "my friend in the office says",
"report's out in three weeks", or an insider's first-hand account ("sat on the interview
panel today"). So the detector weighs three things found in the text: the school's own
confidential terms and built-in sensitive subjects, disclosure wording, and insider wording.
Wording that says the matter is already public turns a bare subject into nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from netiquette.detectors.base import Analysis, about_fiction
from netiquette.detectors.cues import fired
from netiquette.findings import Candidate, Note
from netiquette.kinds import RuleKind, Severity

# Subjects confidential to a school until it announces them, whatever the school's own list.
_SUBJECT = re.compile(
    r"£\s?\d[\d,.]*k? (?:in the red|deficit|overspent)\b"
    r"|\b(?:(?:ofsted|inspection|inspectors?')\s+(?:outcomes?|grades?|results?|judgements?|"
    r"judgments?|ratings?|verdicts?|feedback)|(?:requires improvement|special measures)"
    r"|ofsted (?:gave us|said|rated|graded|judged)|(?:outstanding|good|inadequate) from ofsted"
    r"|(?:verbal|initial|informal) feedback|graded (?:as )?(?:inadequate|requires improvement)"
    r"|(?:cutting|cut|losing|lose|axing|axe|scrapping) (?:\w+ ){0,3}(?:jobs?|posts?|roles?)"
    r"|(?:jobs?|posts?|roles?) (?:are|is) (?:being |going to be )?(?:cut|axed|scrapped)"
    r"|police (?:were|was|came|have been|are|got) (?:in|into|at|round|called|involved)"
    r"|pending (?:an |the )?investigation"
    r"|staffing (?:restructur\w*|cuts?|changes)|restructur\w+|redundanc(?:y|ies)|redundant|"
    r"handed in (?:his|her|their) notice|resign(?:ed|ing|ation)|(?:is|are) leaving (?:at|in"
    r"|after|this|next|before)|sacked|got the sack|signed off (?:long[- ]term )?sick"
    r"|(?:long[- ]term )?sick leave|going on maternity|retiring|retirement"
    r"|signed off (?:work )?(?:with |for )?(?:long[- ]term )?(?:sick|stress|anxiety|depression"
    r"|burnout|a breakdown)|acting head (?:till|until|for)|"
    r"posts? (?:are|is|will be|are likely to be|are going to be) (?:cut|going|lost)|"
    r"posts? (?:are|is) (?:likely|going|set) to go|"
    r"interview panel|shortlist(?:ed)?|(?:internal|external) candidate|"
    r"disciplinary|grievance|suspended|suspension|gardening leave|capability procedure|"
    r"under investigation|being investigated|lado|"
    r"safeguarding (?:referral|concern|meeting|case|issue)|child protection|"
    r"social services|social worker|on the (?:child protection|cp) register|"
    r"exclusion panel|permanent(?:ly)? exclu\w+|"
    r"\d+k (?:in the red|deficit|overspent)|in the red|"
    r"budget deficit|deficit budget)\b"
)

# Wording that passes on something not public, or asks the reader to keep it close.
_DISCLOSURE = re.compile(
    r"(?:don'?t tell anyone|do not tell anyone|don'?t say i told you|between (?:us|you and me)"
    r"|off the record|keep (?:it|this) (?:quiet|to yourself|under your hat)|hush[- ]hush"
    r"|\bleaked\b|not (?:public|announced|official) yet|(?:hasn'?t|has not|haven'?t) been "
    r"(?:announced|published|made public)|before it'?s announced|shouldn'?t (?:say|be saying)"
    r"|can'?t say (?:much|more|too much)|not supposed to (?:say|tell|know)"
    r"|(?:told|heard) (?:by|from) (?:someone|somebody|a friend|a mate|a member of staff|one of the"
    r" (?:teachers|staff|tas|governors)) (?:in|at|from|who works in) the (?:office|school|staffroom)"
    r"|nothing (?:has been |is |was )?(?:announced|official|confirmed) yet"
    r"|(?:friend|mate|someone|sister|cousin|neighbour) (?:who )?works (?:in|at) the "
    r"(?:office|school)|heard (?:it )?from (?:a friend|someone) (?:in|at) the (?:office|school)"
    r"|(?:haven'?t|hasn'?t|have not|has not) (?:told|announced|said|informed) \w+(?: \w+)? yet"
    r"|keep (?:it|this) hush|keeping (?:it|this) (?:from|quiet|secret|hidden|under)"
    r"|(?:hiding|hushing up) (?:it|this) from"
    r"|word (?:from|in|round) the (?:staffroom|office|playground)|(?:staffroom|office) gossip"
    r"|on the grapevine|someone in the know|(?:isn'?t|is not|won'?t be|not) (?:out|published"
    r"|public) (?:till|until|before)|a little bird"
    r"|\bs+h{2,}\b|(?:don'?t|doesn'?t|do not|does not) know (?:about it )?yet"
    r"|don'?t spread (?:it|this)|can'?t go into (?:any )?details?|keep (?:it|this) between"
    r"|strictly confidential|told (?:me )?in confidence|under wraps|s[c]?htum|mum'?s the word"
    r"|on the (?:qt|q\.t\.|down ?low|dl)\b|not (?:meant|allowed) to (?:say|tell|know|share)"
    r"|(?:you )?didn'?t hear (?:it|this|that) from me"
    r"|(?:report'?s?|results?|outcome|it'?s|announcement) (?:is )?(?:out|published|due) in "
    r"(?:a|two|three|four|\d+) (?:days?|weeks?)|embargo)"
)

# First-hand insider context: the writer was in the room.
_INSIDER = re.compile(
    r"\b(?:(?:just )?(?:come|came|got) out of (?:the|an?|our) |sat on the |sitting on the "
    r"|governors'? meeting|(?:staff|slt|leadership|briefing|budget|finance|board) meeting"
    r"|in the meeting"
    r"|(?:made|making|had to make|submitted) an? (?:\w+ )?referral|my year \d+s?\b"
    r"|one of my (?:year \d+s|pupils|class|kids)|were in again|came in (?:again )?today about)"
)

# Wording that says the matter is already public.
_PUBLIC = re.compile(
    r"\b(?:(?:was|were|has been|have been|now|is|are) (?:published|announced|public|online)"
    r"|on the (?:school )?website|read (?:it|the report|the full report) here|full report"
    r"|letter (?:went|has gone|came) home|as announced|published (?:today|this week|on)"
    r"|(?:letter|email|text|newsletter)s? (?:\w+ ){0,3}(?:came|went|sent|come|gone) home"
    r"|(?:in|on) (?:the|this week'?s|today'?s) newsletter|the school (?:has )?(?:told|written to"
    r"|emailed|texted|informed) (?:us|all|parents|families|everyone))\b"
)


def term_stems(terms: tuple[str, ...]) -> tuple[str, ...]:
    """A literal every inflection of a term contains: its first word less its ending.

    The engine looks for these in its one pass over each item (`Analysis.scan`), so that
    the terms' pattern runs only on the few items that have one."""
    words = [term.lower().split()[0] for term in terms if term.strip()]
    return tuple(word[:-1] if len(word) > 3 else word for word in words)


@lru_cache(maxsize=32)
def terms_pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """The school's confidential terms as one whole-word pattern with simple inflections."""
    alternatives = [_inflected_phrase(term) for term in terms if term.strip()]
    if not alternatives:
        return None
    return re.compile(r"\b(?:" + "|".join(sorted(alternatives, key=len, reverse=True)) + r")\b")


def _inflected_phrase(term: str) -> str:
    words = term.lower().split()
    return r"[\s-]+".join(_inflected(word) for word in words)


def _inflected(word: str) -> str:
    """A word with its plural, past, -ing and possessive forms: 'restructure', 'restructuring'."""
    if len(word) > 3 and word.endswith("e"):
        body = re.escape(word[:-1]) + r"(?:e|es|ed|ing)"
    elif len(word) > 3 and word.endswith("y") and word[-2] not in "aeiou":
        body = re.escape(word[:-1]) + r"(?:y|ies|ied)"
    else:
        body = re.escape(word) + r"(?:s|es|ed|ing)?"
    return body + r"(?:'s|s')?"


def _school_term(analysis: Analysis) -> re.Match[str] | None:
    if not analysis.scan.stem:  # most items: no term's stem, so no term
        return None
    pattern = terms_pattern(analysis.context.school.confidential_terms)
    return pattern.search(analysis.lower) if pattern is not None else None


class ConfidentialDetector:
    name = "confidential"
    kinds = frozenset({RuleKind.CONFIDENTIAL_INFORMATION})

    def detect(self, analysis: Analysis) -> Iterable[Candidate | Note]:
        text = analysis.lower
        term = _school_term(analysis)
        subject = term
        if subject is None and "confidential" in fired(analysis):
            subject = _SUBJECT.search(text)
        if subject is None or about_fiction(analysis):
            return ()  # most items; a story's investigations are not the school's
        disclosure = _DISCLOSURE.search(text)
        insider = _INSIDER.search(text)
        public = _PUBLIC.search(text)
        judged = _judge(term is not None, disclosure is not None, insider is not None, public)
        if judged is None:
            return ()
        severity, score = judged
        return (self._candidate(analysis, subject, disclosure, severity, score),)

    def _candidate(
        self,
        analysis: Analysis,
        subject: re.Match[str],
        disclosure: re.Match[str] | None,
        severity: Severity,
        score: float,
    ) -> Candidate:
        evidence = analysis.text[subject.start() : subject.end()]
        signal = (
            f" with “{analysis.text[disclosure.start() : disclosure.end()]}”" if disclosure else ""
        )
        return Candidate(
            kind=RuleKind.CONFIDENTIAL_INFORMATION,
            start=subject.start(),
            end=subject.end(),
            evidence=evidence,
            message=f"This shares “{evidence}”{signal}, which looks like school business "
            "that is not public yet.",
            suggestion="Leave confidential school matters to the school to announce; "
            "remove this detail or raise it with the head teacher privately.",
            detector=self.name,
            score=score,
            max_severity=severity,
            details={"disclosure": disclosure is not None},
        )


def _judge(
    school_term: bool, disclosure: bool, insider: bool, public: re.Match[str] | None
) -> tuple[Severity, float] | None:
    """How far a subject found in a post can go, given the wording around it."""
    if disclosure:
        return Severity.BLOCK, 0.9
    if public is not None:
        return None
    if insider:
        return Severity.BLOCK, 0.8
    if school_term:
        return Severity.REVIEW, 0.5
    return None
