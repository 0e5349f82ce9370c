"""Accuracy per category on the functional hold-out (never trained on).

    .venv/bin/python training/functional_eval.py

Hateful categories must give an `abuse` or `cyberbullying` finding, profanity must give
`inappropriate-language` and no abuse, and every pass category must give neither.
Runs the engine with the bundled demo policy and school, so thresholds are the demo's.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from netiquette.detectors.abuse import AbuseDetector  # noqa: E402
from netiquette.detectors.language import LanguageDetector  # noqa: E402
from netiquette.engine import Engine  # noqa: E402
from netiquette.items import Item  # noqa: E402
from netiquette.policy import load_policy  # noqa: E402
from netiquette.resources import DEMO_POLICY, DEMO_SCHOOL, bundled  # noqa: E402
from netiquette.school import load_school  # noqa: E402

HOLDOUT = ROOT / "training" / "data" / "functional_holdout.jsonl"
ABUSIVE = {"abuse", "cyberbullying"}


def passes(expect: str, kinds: set[str]) -> bool:
    if expect == "abuse":
        return bool(kinds & ABUSIVE)
    if expect == "inappropriate-language":
        return expect in kinds and not kinds & ABUSIVE
    return not kinds & ABUSIVE


def run(path: Path = HOLDOUT) -> dict[str, tuple[int, int]]:
    """Category -> (passed, total)."""
    engine = Engine(
        load_policy(bundled(DEMO_POLICY)),
        load_school(bundled(DEMO_SCHOOL)),
        [AbuseDetector(), LanguageDetector()],
    )
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        case = json.loads(line)
        result = engine.check(Item(id=str(n), text=case["text"]))
        kinds = {f.kind.value for f in result.findings}
        ok = passes(case["expect"], kinds)
        totals[case["category"]][0] += ok
        totals[case["category"]][1] += 1
        if not ok and "-v" in sys.argv:
            print(f"FAIL {case['category']}: {case['text']!r} -> {sorted(kinds)}")
    return {k: (v[0], v[1]) for k, v in totals.items()}


if __name__ == "__main__":
    scores = run()
    for category, (passed, total) in scores.items():
        print(f"{category:18} {passed:3}/{total:<3} {passed / total:.0%}")
    passed = sum(p for p, _ in scores.values())
    total = sum(t for _, t in scores.values())
    print(f"{'overall':18} {passed:3}/{total:<3} {passed / total:.0%}")
