"""Special-category facts (UK GDPR article 9, and the family matters schools treat alike)
about a pupil the post identifies.

A health condition, special educational needs, religion, ethnicity, sexuality or home
circumstances (care, divorce, bereavement, free school meals, social services) become
personal data the moment they are tied to a child people can recognise. Name consent does
not cover them: a parent who lets the school print "Poppy" has not agreed to the world
knowing Poppy is diabetic. So the detector looks for two things near each other, a
reference to a pupil (a name, or a surname with "family", "boy"...) and a fact from the
lists below, in the same sentence, or in the next sentence when it opens with a pronoun
("Reuben is lovely. He has ADHD."). Facts about nobody in particular ("a boy ended up at
A&E", "the Muslim families") are other detectors' business.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from netiquette.detectors.base import Analysis, to_the_school
from netiquette.detectors.pupil_names import PupilReference, pupil_references
from netiquette.findings import Candidate, Note
from netiquette.kinds import Channel, RuleKind, Severity
from netiquette.people import is_whole_word, lowered

# Terms by category, lower case; a trailing * also matches longer words ("diabet*": diabetic);
# a trailing ? marks a weak term, often about someone else ("her mum works at the hospital"),
# which can only ever make a review.
_CATEGORIES: dict[str, str] = {
    "health": """
        diabet* epilep* asthma* allerg* anaphyla* epipen* epi-pen* cancer leukaemia leukemia
        chemo* tumour* tumor* seizure* medication*? hospital*? a&e? surgery? an_operation
        his_operation her_operation diagnos* cerebral_palsy down's_syndrome downs_syndrome
        cystic_fibrosis deaf hearing_aid* blind visually_impaired wheelchair mental_health
        anxiety depression depressed self-harm* self_harm* eating_disorder anorexi* ocd
        tourette* camhs therapist? counselling? counsellor? head_lice nits bed-wetting bedwetting
        wets_the_bed wet_the_bed wet_himself wet_herself soiled_himself soiled_herself pregnan*
        hiv chickenpox chicken_pox measles sickness_bug
    """,
    "special educational needs": """
        sen send ehcp ehc_plan iep special_needs special_educational_needs
        learning_difficult* learning_disabilit* autis* asd asc adhd add dyslexi* dyspraxi*
        dyscalculi* speech_and_language salt on_the_spectrum one-to-one_support
        one_to_one_support global_developmental_delay sensory_processing
    """,
    "religion": """
        muslim* islam* jewish judaism christian catholic hindu* sikh* buddhis* jehovah's_witness*
        atheist mosque synagogue gurdwara ramadan bar_mitzvah bat_mitzvah baptis*
        first_communion first_holy_communion
    """,
    "ethnicity": """
        traveller* gypsy gypsies roma romany asylum_seeker* refugee* mixed_race mixed-race
        ethnic* immigrant* eal english_as_an_additional_language
        black_boy black_girl black_kid black_child black_family black_british white_boy
        white_girl white_kid white_child white_family asian_boy asian_girl asian_kid
        asian_child asian_family
    """,
    "sexuality": "gay lesbian bisexual trans transgender non-binary queer coming_out",
    "home circumstances": """
        in_care foster* adopted? adoption? looked_after looked-after social_services
        social_worker* child_protection cp_plan safeguarding? divorc* custody
        parents_separated parents_have_separated parents_are_separated parents_split_up
        parents_have_split_up bereave* passed_away died? funeral? prison? jail?
        free_school_meals fsm pupil_premium young_carer homeless* evicted eviction refuge?
        domestic_abuse domestic_violence foodbank*? food_bank*? on_benefits
        temporary_accommodation
    """,
}
# Short capitals that are also ordinary words in lower case: only counted in capitals.
_ACRONYMS = frozenset({"sen", "send", "add", "asd", "asc", "salt", "eal", "fsm", "iep"})


def _fact_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for category, terms in _CATEGORIES.items():
        for term in terms.split():
            weak = term.endswith("?")
            prefix = term.rstrip("?").endswith("*")
            key = term.rstrip("?*").replace("_", " ")
            automaton.add_word(key, (len(key), category, prefix, weak))
    automaton.make_automaton()
    return automaton


_FACTS = _fact_automaton()
_SENTENCE_END = re.compile(r"[.!?\n]+\s*")
_PRONOUN = re.compile(r"\s*(?:he|she|they|his|her|their)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Fact:
    start: int
    end: int
    evidence: str
    category: str
    weak: bool = False


def find_facts(text: str, lower: str | None = None) -> list[Fact]:
    """Special-category terms in a text, whole words, longest first where they overlap.

    `lower` is `lowered(text)`, for a caller that has it (an analysis's scan)."""
    if lower is None:
        lower = lowered(text)
    found: list[Fact] = []
    for last, (length, category, prefix, weak) in _FACTS.iter(lower):
        start, end = last + 1 - length, last + 1
        while prefix and end < len(lower) and lower[end].isalpha():
            end += 1
        if not is_whole_word(lower, start, end) or not _acronym_ok(text, start, end):
            continue
        if found and found[-1].start <= start < found[-1].end:
            continue
        found.append(Fact(start, end, text[start:end], category, weak))
    return found


class SpecialCategoryDetector:
    name = "special-category"
    kinds = frozenset({RuleKind.PERSONAL_DATA})

    def detect(self, analysis: Analysis) -> Iterable[Candidate | Note]:
        if not analysis.mentions or to_the_school(analysis):
            return ()  # most items, without making a generator; a message to staff is the route
        references = pupil_references(analysis)  # shared with pupil-names: usually free
        if not references:
            return ()
        facts = find_facts(analysis.text, analysis.scan.plain)
        if not facts:
            return ()
        sentences = _sentence_starts(analysis.text)
        found = []
        for fact in facts:
            reference = _about(analysis.text, sentences, references, fact.start)
            if reference is not None:
                found.append(self._candidate(analysis, fact, reference))
        return found

    def _candidate(self, analysis: Analysis, fact: Fact, reference: PupilReference) -> Candidate:
        pupil = reference.pupils[0]
        sure = reference.certain and not fact.weak and analysis.channel is not Channel.DIRECT
        return Candidate(
            kind=RuleKind.PERSONAL_DATA,
            start=fact.start,
            end=fact.end,
            evidence=fact.evidence,
            message=(
                f"The post ties {fact.category} (“{fact.evidence}”) to {pupil.name}, a pupil "
                "it identifies. This is special-category information; name consent does not "
                "cover it."
            ),
            suggestion=f"Leave out the detail about the child's {fact.category}, or share it "
            "privately with the people who need it.",
            detector=self.name,
            score=1.0 if sure else 0.6,
            max_severity=Severity.BLOCK if sure else Severity.REVIEW,
            topic="special-category",
            redaction="[detail removed]",
            details={"category": fact.category},
        )


def _acronym_ok(text: str, start: int, end: int) -> bool:
    """A short acronym counts in capitals among ordinary words: "has SEND", not "PLEASE SEND"."""
    word = text[start:end]
    if word.lower() not in _ACRONYMS:
        return True
    if not word.isupper():
        return False
    letters = [c for c in text[max(0, start - 20) : end + 20] if c.isalpha()]
    return sum(c.isupper() for c in letters) * 2 < len(letters)


def _sentence_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in _SENTENCE_END.finditer(text))]


def _sentence_of(starts: list[int], position: int) -> int:
    index = 0
    for number, start in enumerate(starts):
        if start <= position:
            index = number
    return index


def _about(
    text: str, starts: list[int], references: list[PupilReference], position: int
) -> PupilReference | None:
    """The pupil a fact at `position` is about: same sentence, or the one before + pronoun."""
    sentence = _sentence_of(starts, position)
    same = [r for r in references if _sentence_of(starts, r.start) == sentence]
    if same:
        return min(same, key=lambda r: abs(r.start - position))
    if sentence > 0 and _PRONOUN.match(text, starts[sentence]):
        before = [r for r in references if _sentence_of(starts, r.start) == sentence - 1]
        if before:
            return before[-1]
    return None
