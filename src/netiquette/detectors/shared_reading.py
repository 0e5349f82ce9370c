"""The one reading of each post that the abuse and language detectors share.

Whichever of the two detectors runs first reads the whole batch (`read_all`): one pass over
the words and one vectorised model call (`Reading.read_many`). Most posts say nothing either
detector acts on: no hostile pattern can match, no swear word, every score below the
policy's thresholds. Those are told apart in the same vectorised step and get no `Reading`
at all, so neither detector spends anything more on them. Both detectors' thresholds live
here, as the reading must know them to tell which posts are quiet.
"""

from __future__ import annotations

from collections.abc import Sequence

from netiquette.abuse_model import load_model
from netiquette.abuse_model.reading import Quiet, Reading
from netiquette.detectors.base import Analysis, Context
from netiquette.policy import Policy
from netiquette.school import School

ABUSE_DEFAULT = 0.6
CYBERBULLYING_DEFAULT = 0.85
LANGUAGE_DEFAULT = 0.5
# The model's profanity score alone makes a language finding only at this or above.
MODEL_ONLY = 0.97

# Where an item's reading is kept in its analysis: a `Reading`, or `_QUIET` for a post that
# can come to nothing under the policy's thresholds (and a blank text is never read).
_READING = "_netiquette_abuse_reading"
_QUIET = "quiet"


def abuse_levels(policy: Policy) -> tuple[float, float]:
    """The policy's thresholds for abuse and for cyber-bullying."""
    return (
        policy.threshold("abuse", ABUSE_DEFAULT),
        policy.threshold("cyberbullying", CYBERBULLYING_DEFAULT),
    )


def language_levels(policy: Policy) -> tuple[float, float]:
    """The policy's threshold for inappropriate language, and the least profanity score
    that makes a finding without a swear word."""
    threshold = policy.threshold("inappropriate-language", LANGUAGE_DEFAULT)
    return threshold, max(threshold, MODEL_ONLY)


def quiet_below(policy: Policy) -> Quiet:
    """The scores below which neither detector can act on a post (with no pattern that
    could match and no swear word): `AbuseDetector.detect` and `LanguageDetector.detect`
    answer nothing at once below these."""
    abuse_at, bullying_at = abuse_levels(policy)
    _, model_at = language_levels(policy)
    return Quiet(abuse=min(abuse_at, bullying_at), aimed=bullying_at, profanity=model_at)


def blank(text: str) -> bool:
    """Nothing but white space: `not text.strip()` without copying the text."""
    return not text or text.isspace()


def reading_of(analysis: Analysis) -> Reading | None:
    """The item's reading (usually made by `read_all` for the batch), or None for a blank
    text or a quiet post, on which neither the abuse nor the language detector acts."""
    reading = analysis.__dict__.get(_READING)
    if reading is None:
        if blank(analysis.text):
            return None
        reading = Reading(analysis.text, _known(analysis.context))
        analysis.__dict__[_READING] = reading
    return None if reading is _QUIET else reading


def read_all(analyses: Sequence[Analysis]) -> None:
    """Readings for a batch of items at once (one vectorised model call), for `reading_of`.

    All the analyses of a batch share one context, so one set of known words and one set
    of thresholds serve."""
    todo = [a for a in analyses if _READING not in a.__dict__ and not blank(a.text)]
    if not todo:
        return
    context = todo[0].context
    readings = Reading.read_many(
        [a.text for a in todo], _known(context), quiet_below(context.policy)
    )
    for analysis, reading in zip(todo, readings, strict=True):
        analysis.__dict__[_READING] = _QUIET if reading is None else reading


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
