"""The detector contract, and the per-item analysis that detectors share.

Detectors are small: each has a stable `name`, the `kinds` it serves, and `detect()`. Work
several detectors need (finding the school's people and other literal words in a text,
lower-casing, time of posting) is done once per item in `Analysis` and once per engine in
`Context`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, overload, runtime_checkable

from netiquette.findings import Candidate, Note
from netiquette.items import AnyItem, Item
from netiquette.kinds import Channel, Role, RuleKind
from netiquette.policy import Policy
from netiquette.school import Person, School

if TYPE_CHECKING:
    from netiquette.detectors.text_index import Scan, TextIndex
    from netiquette.people import PeopleIndex


T = TypeVar("T")


class cached_attribute(Generic[T]):
    """`functools.cached_property` without its lock, which Python 3.11 takes on every access.

    Analyses are made per item and never shared between threads, so the lock only costs time
    on the hot path. After the first access the value lives in the instance's `__dict__`.
    """

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.name = func.__name__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> cached_attribute[T]: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> T: ...
    def __get__(self, obj: object | None, owner: type | None = None) -> T | cached_attribute[T]:
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.name] = value
        return value


@dataclass(slots=True)
class Mention:
    """A place in a text that names one of the school's people.

    Slotted rather than frozen, like the findings: one is made for every name in every
    post, and a frozen dataclass pays for `object.__setattr__` on each field. Treat it as
    a value all the same.
    """

    person: Person
    start: int
    end: int
    evidence: str
    # How it was matched: "full", "first", "preferred", "nickname", "surname", "fuzzy".
    how: str
    # False for guesses (a misspelling, or a first name shared by several people).
    certain: bool = True


class Context:
    """What stays the same for every item an engine checks: policy, school, indexes."""

    def __init__(self, policy: Policy, school: School) -> None:
        self.policy = policy
        self.school = school

    @cached_attribute
    def people(self) -> PeopleIndex:
        from netiquette.people import PeopleIndex

        return PeopleIndex(self.school.people)

    @cached_attribute
    def words(self) -> TextIndex:
        """Names, trigger words and confidential stems: found in one pass per item."""
        from netiquette.detectors.text_index import TextIndex

        return TextIndex(self.people, self.school.confidential_terms)

    def __getstate__(self) -> dict[str, object]:
        # Indexes are rebuilt lazily after unpickling: cheap to send to worker processes.
        return {"policy": self.policy, "school": self.school}


class Analysis:
    """One item, with what several detectors need computed once and cached."""

    def __init__(self, item: AnyItem, context: Context) -> None:
        # Plain attributes, not properties: detectors read these many times per item.
        self.item = item
        self.context = context
        self.text: str = item.text
        self.post: Item | None = item if isinstance(item, Item) else None
        self.role: Role | None = self.post.author_role if self.post else None
        self.channel: Channel | None = self.post.channel if self.post else None
        self.posted_at: dt.datetime | None = item.posted_at
        # Every post's checks read it: made now rather than through a cached attribute.
        self.lower: str = self.text.lower()

    @cached_attribute
    def scan(self) -> Scan:
        """The one pass over the text that finds names, trigger words and confidential
        stems together (`netiquette.detectors.text_index`)."""
        return self.context.words.scan(self.text, self.lower)

    @cached_attribute
    def mentions(self) -> list[Mention]:
        if not self.text:
            return []
        scan = self.scan
        return self.context.people.judge(self.text, scan.plain, scan.people)

    def mentioned(self, *roles: Role) -> list[Mention]:
        return [m for m in self.mentions if not roles or m.person.role in roles]


# A direct message that opens by addressing a member of staff by title: "Mr Wiśniewski,
# ...", "Dear Mrs Rose", "Salaam Mrs Rose,", a pupil's "Miss, can I ...". The title needs a
# capitalised name or a comma after it: "Miss you loads" is not to a teacher.
_TO_STAFF = re.compile(
    r"^\W*(?i:(?:hi|hiya|hello|dear|morning|afternoon|evening|good (?:morning|afternoon"
    r"|evening)|salaam|salam|assalamu alaikum)\W+)?(?i:mr|mrs|miss|ms|mx|dr|sir)\b\.?"
    r"(?:,| [A-Z][\w'’-]+)"
)


def to_the_school(analysis: Analysis) -> bool:
    """Whether the item is a direct message written to a member of staff: the school's own
    route for a concern or a child's details, not a post."""
    return analysis.channel is Channel.DIRECT and _TO_STAFF.match(analysis.text) is not None


# A post about a television drama, a film or a book: its investigations and fights are the
# story's, not the school's ("that malpractice investigation storyline ... no spoilers").
_FICTION = re.compile(
    r"\b(?:storyline|plot ?line|spoilers?|box ?set|netflix|iplayer|the telly|on telly|on tv"
    r"|tv drama|(?:season|series) finale)\b"
)


def about_fiction(analysis: Analysis) -> bool:
    """Whether the item talks about a story on screen or in print."""
    return _FICTION.search(analysis.lower) is not None


@runtime_checkable
class Detector(Protocol):
    """A plug-in: a stable name, the kinds it serves, and one method returning candidates.

    A detector may also define `prepare(analyses)`: work for a whole batch done in one go
    (a vectorised model call), which the engine calls once before `detect` on each of them.
    """

    name: str
    kinds: frozenset[RuleKind]

    def detect(self, analysis: Analysis) -> Iterable[Candidate | Note]: ...
