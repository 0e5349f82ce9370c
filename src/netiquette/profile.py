"""Where checking time goes: microseconds per item for each detector and for the engine itself.

Speed work should start from a measurement. `profile` runs a copy of the engine whose
detectors are each wrapped in a stopwatch, over real items, in this process, and splits the
time into each detector's share and the engine's own (analysis set-up, judging findings by
the policy, overlaps, the safe version, series within a batch). Work that detectors share
through the cached `Analysis` (people found in the text) is charged to the first detector
that asks for it. The results are the engine's own: only the clocks are added.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TextIO

from netiquette.detectors.base import Analysis, Detector
from netiquette.engine import Engine
from netiquette.findings import Candidate, Note, Result
from netiquette.items import AnyItem
from netiquette.kinds import RuleKind
from netiquette.scan import BATCH_SIZE, Format, batches, open_input, read_lines

# Items checked before the clocks start: lazy indexes and the model load are not per item.
WARM_UP = 50


class Timed:
    """A detector that adds up the time its inner detector takes."""

    def __init__(self, inner: Detector) -> None:
        self.inner = inner
        self.name: str = inner.name
        self.kinds: frozenset[RuleKind] = inner.kinds
        self.ns = 0

    def prepare(self, analyses: Sequence[Analysis]) -> None:
        """The inner detector's batch work, if it has any, timed with the rest."""
        prepare = getattr(self.inner, "prepare", None)
        if prepare is not None:
            start = time.perf_counter_ns()
            prepare(analyses)
            self.ns += time.perf_counter_ns() - start

    def detect(self, analysis: Analysis) -> Iterable[Candidate | Note]:
        start = time.perf_counter_ns()
        found = list(self.inner.detect(analysis))
        self.ns += time.perf_counter_ns() - start
        return found


@dataclass(frozen=True)
class Profile:
    """Time per item, in microseconds, by detector (in the engine's order) and in all."""

    items: int
    detectors: tuple[tuple[str, float], ...]
    total: float

    @property
    def engine(self) -> float:
        """The engine's own time per item: everything outside the detectors."""
        return max(0.0, self.total - sum(us for _name, us in self.detectors))

    @property
    def items_per_second(self) -> float:
        return 1e6 / self.total if self.total else 0.0


class Profiler:
    """An engine with a stopwatch on every detector, and the time of each batch."""

    def __init__(self, engine: Engine) -> None:
        self.timed = [Timed(d) for d in engine.detectors]
        self.engine = Engine(engine.policy, engine.school, self.timed)
        self.items = 0
        self.ns = 0

    def check_many(self, batch: list[AnyItem]) -> list[Result]:
        start = time.perf_counter_ns()
        results = self.engine.check_many(batch)
        self.ns += time.perf_counter_ns() - start
        self.items += len(batch)
        return results

    def reset(self) -> None:
        self.items = self.ns = 0
        for detector in self.timed:
            detector.ns = 0

    def profile(self) -> Profile:
        per_item = 1000 * max(self.items, 1)
        detectors = tuple((d.name, d.ns / per_item) for d in self.timed)
        return Profile(self.items, detectors, self.ns / per_item)


def profile(engine: Engine, work: Iterable[list[AnyItem]]) -> Profile:
    """Check every batch in this process and say where the time went."""
    profiler = Profiler(engine)
    batches = iter(work)
    first = next(batches, [])
    profiler.check_many(first[:WARM_UP])
    profiler.reset()
    for batch in itertools.chain([first], batches):
        profiler.check_many(batch)
    return profiler.profile()


def profile_file(
    engine: Engine,
    input_path: str,
    *,
    in_format: Format,
    limit: int | None = None,
    stdin: TextIO | None = None,
) -> Profile:
    """Profile the first `limit` items of a file ('-': `stdin`); a bad line raises
    `InputError` naming it, as in a scan."""
    source = open_input(input_path, stdin)
    try:
        lines = itertools.islice(read_lines(source, in_format), limit)
        return profile(engine, batches(lines, BATCH_SIZE, None))
    finally:
        source.close()
