"""One way to read untrusted mappings (YAML, JSON) into typed values, naming each bad place.

Every file the engine reads goes through `Reader`, so an error always reads like
`clauses[3].kind: unknown kind 'defame'` whatever the file is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from enum import StrEnum
from typing import Any, TypeVar

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")


class ValidationError(ValueError):
    """Raised with every problem found, each prefixed by the path where it is."""

    def __init__(self, problems: list[str], source: str | None = None) -> None:
        self.problems = problems
        self.source = source
        where = f"{source}: " if source else ""
        super().__init__(where + "; ".join(problems))


class Reader:
    """Collects problems while reading a document; `check()` raises if any were found."""

    def __init__(
        self, source: str | None = None, error: type[ValidationError] | None = None
    ) -> None:
        self.problems: list[str] = []
        self.source = source
        self.error = error or ValidationError

    def problem(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}" if path else message)

    def check(self) -> None:
        if self.problems:
            raise self.error(self.problems, self.source)

    def mapping(self, value: object, path: str) -> Mapping[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            self.problem(path, f"expected a mapping, got {_type_name(value)}")
            return {}
        return value

    def items(self, value: object, path: str) -> Iterator[tuple[str, Any]]:
        """Yield (path, element) for each element of a list."""
        if value is None:
            return
        if not isinstance(value, list):
            self.problem(path, f"expected a list, got {_type_name(value)}")
            return
        for index, element in enumerate(value):
            yield f"{path}[{index}]", element

    def text(self, data: Mapping[str, Any], key: str, path: str, *, required: bool = True) -> str:
        value = data.get(key)
        where = _join(path, key)
        if value is None or value == "":
            if required:
                self.problem(where, "is required")
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.problem(where, f"expected text, got {_type_name(value)}")
            return ""
        return str(value).strip()

    def strings(self, data: Mapping[str, Any], key: str, path: str) -> list[str]:
        value = data.get(key)
        if isinstance(value, str):
            value = [value]
        out: list[str] = []
        for where, element in self.items(value, _join(path, key)):
            if isinstance(element, str | int) and not isinstance(element, bool):
                out.append(str(element).strip())
            else:
                self.problem(where, f"expected text, got {_type_name(element)}")
        return out

    def flag(self, data: Mapping[str, Any], key: str, path: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.problem(_join(path, key), f"expected true or false, got {value!r}")
            return default
        return value

    def choice(self, enum: type[E], value: object, path: str, noun: str) -> E | None:
        try:
            return enum(str(value).strip().lower())
        except ValueError:
            allowed = ", ".join(member.value for member in enum)
            self.problem(path, f"unknown {noun} {value!r} (expected one of: {allowed})")
            return None

    def choices(
        self, enum: type[E], data: Mapping[str, Any], key: str, path: str, noun: str
    ) -> list[E]:
        out: list[E] = []
        for index, value in enumerate(self.strings(data, key, path)):
            member = self.choice(enum, value, f"{_join(path, key)}[{index}]", noun)
            if member is not None:
                out.append(member)
        return out

    def convert(self, value: object, path: str, parse: Callable[[object], T]) -> T | None:
        try:
            return parse(value)
        except ValueError as error:
            self.problem(path, str(error))
            return None


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _type_name(value: object) -> str:
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false"}.get(
        type(value), type(value).__name__
    )
