"""The shared pass: names, trigger words and confidential stems found in one scan."""

from __future__ import annotations

import pickle

from netiquette.detectors.base import Analysis, Context
from netiquette.detectors.cues import fired
from netiquette.items import Item
from netiquette.policy import Policy
from netiquette.school import School


def analysis(context: Context, text: str) -> Analysis:
    return Analysis(Item("t", text), context)


def test_one_scan_finds_names_triggers_and_stems(demo_policy: Policy, demo_school: School) -> None:
    context = Context(demo_policy, demo_school)
    pupil = next(p for p in demo_school.people if p.role.value == "pupil")
    term = demo_school.confidential_terms[0]
    found = analysis(context, f"{pupil.name} said the head was drunk. {term} is next week.")
    assert [m.person for m in found.mentions] == [pupil]
    assert "defamation:drink or drugs" in fired(found)
    assert found.scan.stem
    plain = analysis(context, "Lovely assembly this morning, well done all.")
    assert plain.mentions == [] and not fired(plain) and not plain.scan.stem


def test_a_curly_apostrophe_or_a_tab_fires_what_the_plain_one_does(
    demo_policy: Policy, demo_school: School
) -> None:
    context = Context(demo_policy, demo_school)
    straight = fired(analysis(context, "They took the school's money for the trip"))
    assert "defamation:theft or fraud" in straight
    assert straight <= fired(analysis(context, "They took the school’s money for the trip"))
    assert "confidential" in fired(analysis(context, "They are cutting\tjobs"))


def test_a_letter_that_grows_when_lower_cased_keeps_its_trigger(
    demo_policy: Policy, demo_school: School
) -> None:
    context = Context(demo_policy, demo_school)
    # "İ" lower-cases to two characters ("i" and a dot above), which the plain text used for
    # names keeps as it is; the trigger "bulli" must still fire, as it does on text.lower().
    assert "sensitive:incident" in fired(analysis(context, "MY SON WAS BULLİED AGAIN"))


def test_the_index_pickles_as_its_inputs(demo_policy: Policy, demo_school: School) -> None:
    context = Context(demo_policy, demo_school)
    assert analysis(context, "x").scan is not None  # built
    copy = pickle.loads(pickle.dumps(context))
    assert "words" not in copy.__dict__
    assert fired(analysis(copy, "he was drunk")) == fired(analysis(context, "he was drunk"))


def test_the_first_digit_comes_from_the_same_pass(demo_policy: Policy, demo_school: School) -> None:
    from netiquette.detectors.contact import first_digit

    context = Context(demo_policy, demo_school)
    assert analysis(context, "Ring 07700 900123").scan.digit == 5
    assert first_digit(analysis(context, "Ring 07700 900123")) == 5
    assert first_digit(analysis(context, "No numbers here")) == -1
    # Outside ASCII any script's digits count, as the number detectors' `\d` reads them.
    assert first_digit(analysis(context, "Café at ٣ o'clock")) == 8
