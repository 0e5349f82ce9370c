"""Finding the school's people in a text.

First version: whole-word, case-insensitive full names and first names. To be replaced by
an automaton with preferred names, nicknames, possessives and misspellings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from netiquette.detectors.base import Mention
from netiquette.school import Person


class PeopleIndex:
    def __init__(self, people: Iterable[Person]) -> None:
        self.people = tuple(people)
        self._patterns = [
            (person, re.compile(rf"\b{re.escape(person.name)}\b", re.IGNORECASE), "full")
            for person in self.people
        ]

    def find(self, text: str) -> list[Mention]:
        found = []
        for person, pattern, how in self._patterns:
            for match in pattern.finditer(text):
                found.append(Mention(person, match.start(), match.end(), match.group(), how))
        return sorted(found, key=lambda m: m.start)
