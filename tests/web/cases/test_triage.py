"""Triage takes categories and the safeguarding flag from the engine and the reporter."""

from __future__ import annotations

from collections.abc import Iterable

from cases.triage import triage

from netiquette.detectors.base import Analysis
from netiquette.engine import Engine
from netiquette.findings import Candidate, Note
from netiquette.kinds import RuleKind, Severity
from netiquette.policy import Policy
from netiquette.school import School


class ThreatDetector:
    """A small plug-in detector: 'hurt you' is a threat, marked for safeguarding."""

    name = "test-threats"
    kinds = frozenset({RuleKind.ABUSE})

    def detect(self, analysis: Analysis) -> Iterable[Candidate | Note]:
        start = analysis.lower.find("hurt you")
        if start >= 0:
            yield Candidate(
                RuleKind.ABUSE,
                start,
                start + 8,
                "hurt you",
                "A threat.",
                "Remove it.",
                self.name,
                details={"safeguarding": "threat"},
            )


class RudeDetector:
    name = "test-rude"
    kinds = frozenset({RuleKind.INAPPROPRIATE_LANGUAGE})

    def detect(self, analysis: Analysis) -> Iterable[Candidate | Note]:
        start = analysis.lower.find("rubbish")
        if start >= 0:
            yield Candidate(
                RuleKind.INAPPROPRIATE_LANGUAGE,
                start,
                start + 7,
                "rubbish",
                "Rude.",
                "Be polite.",
                self.name,
                max_severity=Severity.REVIEW,
            )


def _engine(policy: Policy, school: School) -> Engine:
    return Engine(policy, school, [ThreatDetector(), RudeDetector()])


def test_it_flags_a_threat_found_by_the_engine(demo_policy: Policy, demo_school: School) -> None:
    result = triage(_engine(demo_policy, demo_school), ["fine", "I will hurt you tomorrow"])
    assert result.categories == ("abuse",)
    assert result.safeguarding and result.severity == "urgent"
    assert result.reasons == ("threat",)


def test_it_grades_by_the_policy_without_risk(demo_policy: Policy, demo_school: School) -> None:
    result = triage(_engine(demo_policy, demo_school), ["what rubbish teaching"])
    assert result == triage(_engine(demo_policy, demo_school), ["what rubbish teaching"], [])
    assert result.categories == ("inappropriate-language",)
    assert result.severity == "medium" and not result.safeguarding


def test_it_counts_the_reporters_answers(demo_policy: Policy, demo_school: School) -> None:
    result = triage(_engine(demo_policy, demo_school), ["nothing to see"], ["sexual", "bogus"])
    assert result.safeguarding and result.reasons == ("sexual",)
    assert result.categories == ("abuse",)


def test_it_works_without_a_policy() -> None:
    result = triage(None, ["I will hurt you"], ["photos"])
    assert result.categories == ("photo-consent",)
    assert result.severity == "medium" and not result.safeguarding
    assert triage(None, ["hello"]).severity == "low"


def test_the_real_engine_flags_a_reported_threat_self_harm_and_sexual_content(
    demo_policy: Policy, demo_school: School
) -> None:
    engine = Engine(demo_policy, demo_school)
    cases = {
        "Someone messaged my son 'I'll batter you after school' and he is scared.": "threat",
        "A boy in Year 6 keeps telling her to go kill yourself.": "self-harm",
        "An older pupil told my daughter to send nudes or he would tell everyone.": "sexual",
    }
    for text, concern in cases.items():
        result = triage(engine, [text])
        assert result.safeguarding, text
        assert concern in result.reasons, (text, result.reasons)
    calm = triage(engine, ["The class group chat was a bit unkind about the football match."])
    assert not calm.safeguarding
