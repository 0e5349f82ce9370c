"""One Aho-Corasick pass per item for every literal word the checks look for.

Three kinds of literal words are looked for in every post: the ways the school's people
are written (`netiquette.people`), the trigger words that gate the conduct detectors'
expressions (`netiquette.detectors.cues`), and the stems of the school's confidential terms
(`netiquette.detectors.confidential`). Each pass over a text has a fixed cost whatever it
looks for, so one automaton holding all of them, built once per engine, finds them in one
pass instead of three; `Analysis.scan` keeps what it found for the detectors to read.

The pass reads `lowered(text)`, the plain lower-cased text the people index needs (curly
apostrophes and odd spaces made plain, offsets kept). Trigger words and stems are only
gates for expressions run on `text.lower()`, so finding them in the plain text may only
open a gate that reading `text.lower()` kept shut (the trigger "school's" now fires on
"school’s"), never shut one it opened. The one way it could (a character such as "İ" that grows when lower-cased, which
the plain text keeps as it is) is covered by reading `text.lower()` too in that rare case.
"""

from __future__ import annotations

from typing import NamedTuple

import ahocorasick

from netiquette.detectors.confidential import term_stems
from netiquette.detectors.cues import TRIGGERS
from netiquette.people import Key, PeopleIndex, plain_lower, plain_marks

_NONE: frozenset[str] = frozenset()
# Letters from the most to the least used in English. The automaton looks a character up
# among a state's next characters one by one, in the order the words were added, so
# adding words with frequent letters first makes the common look-ups short (about a tenth
# of the pass); which words match is the same in any order.
_FREQUENT = {letter: rank for rank, letter in enumerate("etaoinsrhldcumfpgwybvkxjqz")}


class Word(NamedTuple):
    """What the automaton gives back for a trigger word or a stem (which may also be a name).

    A word that is only a name gives back its `Key` itself: names are most of the matches,
    and a scan tells them apart by their class alone."""

    person: Key | None  # a way of writing one or more of the school's people
    groups: frozenset[str]  # the trigger groups it fires, if any
    stem: bool  # a stem of one of the school's confidential terms


class Scan(NamedTuple):
    """What one pass found in an item's text."""

    plain: str  # `lowered(text)`: what the names' places refer to
    people: list[tuple[int, Key]]  # (index of the last character, key), for `judge`
    groups: frozenset[str]  # the trigger groups that fired
    stem: bool  # whether any confidential term's stem occurs
    digit: int  # where the first ASCII digit is, or -1 (for the detectors of numbers)


class TextIndex:
    """The people's names, the trigger words and the confidential stems in one automaton."""

    def __init__(self, people: PeopleIndex, confidential_terms: tuple[str, ...]) -> None:
        self.people = people
        self.confidential_terms = confidential_terms
        words: dict[str, Key | Word] = dict(people.keys)
        # Trigger words and stems both as written and with plain marks: the plain form is
        # found in the plain text, the other in `text.lower()` when that is read too.
        for trigger, groups in TRIGGERS.items():
            for form in {trigger, plain_marks(trigger)}:
                person, fired, stem = _word(words.get(form))
                words[form] = Word(person, fired | groups, stem)
        for term_stem in term_stems(confidential_terms):
            for form in {term_stem, plain_marks(term_stem)}:
                person, fired, _ = _word(words.get(form))
                words[form] = Word(person, fired, True)
        self._automaton = ahocorasick.Automaton()
        for word in sorted(words, key=_by_letter_frequency):
            self._automaton.add_word(word, words[word])
        # Each digit on its own too, for where the first one is: cheaper here than a
        # regular expression's own pass, as most posts hold none or a few.
        for digit in "0123456789":
            self._automaton.add_word(digit, _DIGIT)
        self._automaton.make_automaton()

    def __reduce__(self) -> tuple[type[TextIndex], tuple[PeopleIndex, tuple[str, ...]]]:
        # Rebuilt from its inputs rather than pickling the automaton.
        return (TextIndex, (self.people, self.confidential_terms))

    def scan(self, text: str, lower: str) -> Scan:
        """Everything in `text` (with `lower`, its `text.lower()`) in one pass."""
        plain = plain_lower(text, lower)
        if not text:
            return Scan(plain, [], _NONE, False, -1)
        people: list[tuple[int, Key]] = []
        groups = _NONE
        stem = False
        digit = -1
        for last, value in self._automaton.iter(plain):
            if value.__class__ is Key:  # most matches: a name and nothing else
                people.append((last, value))
                continue
            if value is _DIGIT:
                if digit < 0:
                    digit = last
                continue
            if value.person is not None:
                people.append((last, value.person))
            if value.groups:  # rare: most posts fire no trigger word
                groups = groups | value.groups if groups else value.groups
            stem = stem or value.stem
        if len(lower) != len(text):  # a character grew when lowered: read `lower` too
            for _, value in self._automaton.iter(lower):
                if value.__class__ is Word and value is not _DIGIT:
                    groups = groups | value.groups
                    stem = stem or value.stem
        # Made as a tuple: a named tuple's own `__new__` is a Python call, made per post.
        return _new_tuple(Scan, (plain, people, groups, stem, digit))


def _word(value: Key | Word | None) -> Word:
    """What a word stands for so far, as a `Word` to add to."""
    if value is None:
        return _NOTHING
    return Word(value, _NONE, False) if isinstance(value, Key) else value


_NOTHING = Word(None, _NONE, False)
_new_tuple = tuple.__new__
# What a digit gives back, told apart by identity (it is equal to `_NOTHING`).
_DIGIT = Word(None, _NONE, False)


def _by_letter_frequency(word: str) -> list[int]:
    """Each character's rank by frequency (others after the letters), to sort words by."""
    return [_FREQUENT.get(character, len(_FREQUENT)) for character in word]
