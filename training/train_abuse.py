"""Retrain the abuse model and write its artifact into the package.

Run from the repository root (about a minute on one core):

    .venv/bin/python training/train_abuse.py [--data ../shared/data]

Inputs: the public corpora in the shared data folder (Davidson et al. 2017, MIT; HatemojiBuild,
Kirk et al. 2022, CC BY 4.0) and the templates written here (training/data/templates.yaml).
The functional hold-out (training/data/functional_holdout.jsonl) is never trained on.
Seeds are fixed and the sha256 of every input is recorded in the artifact's metadata, so the
same inputs give the same model. scikit-learn is used here only; the runtime is numpy.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import yaml
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from netiquette.abuse_model.features import (  # noqa: E402
    START,
    UNKNOWN,
    Featuriser,
    required_words,
)
from netiquette.abuse_model.lexicon import DIALECT_MARKERS  # noqa: E402
from netiquette.abuse_model.model import ARTIFACT, HEADS  # noqa: E402
from netiquette.textnorm import words as normalised_words  # noqa: E402

SEED = 20260
TEMPLATES = ROOT / "training" / "data" / "templates.yaml"
OUT = ROOT / "src" / "netiquette" / "abuse_model" / ARTIFACT
FILLS_PER_TEMPLATE = 10
# Davidson is large, noisy and dialect-biased: it counts for less than the other sources.
DAVIDSON_WEIGHT = 0.35
HATEMOJI_WEIGHT = 1.0
OURS_WEIGHT = 2.0
MIN_WORD_COUNT = 2
BUCKETS = 1 << 18
MIN_KNOWN_COUNT = 5


@dataclass
class Row:
    text: str
    source: str
    split: str  # train, calib or test
    labels: dict[str, int | None]
    weight: float = 1.0
    category: str = ""
    words: list[str] = field(default_factory=list)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def clean_tweet(text: str) -> str:
    text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"&#\d+;", " ", text)
    text = re.sub(r"\bRT\b", " ", text)
    return re.sub(r"@\w+:?", "@user", text)


def davidson(folder: Path, rng: random.Random) -> list[Row]:
    rows = []
    with (folder / "labeled_data.csv").open(encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            label = int(record["class"])
            count = max(1, int(record["count"]))
            agreement = int(record[("hate_speech", "offensive_language", "neither")[label]]) / count
            split = rng.choices(("train", "calib", "test"), (0.8, 0.1, 0.1))[0]
            rows.append(
                Row(
                    clean_tweet(record["tweet"]),
                    "davidson2017",
                    split,
                    {"abuse": int(label == 0), "profanity": int(label != 2), "aimed": None},
                    DAVIDSON_WEIGHT * agreement,
                )
            )
    return rows


def hatemoji(folder: Path) -> list[Row]:
    rows = []
    for name, split in (("train", "train"), ("validation", "calib"), ("test", "test")):
        with (folder / f"{name}.csv").open(encoding="utf-8") as handle:
            for record in csv.DictReader(handle):
                labels = {"abuse": int(record["label_gold"]), "profanity": None, "aimed": 0}
                rows.append(Row(record["text"], "hatemojibuild", split, labels, HATEMOJI_WEIGHT))
    return rows


def ours(path: Path, rng: random.Random) -> list[Row]:
    """The templates expanded with a fixed seed; a template's fills never span splits."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    slots: dict[str, list[str]] = doc["slots"]
    rows = []
    for group in doc["groups"]:
        labels = {head: int(group["labels"][head]) for head in HEADS}
        for template in group["templates"]:
            split = "calib" if rng.random() < 0.15 else "train"
            for text in sorted(expand(template, slots, rng)):
                rows.append(Row(text, "ours", split, labels, OURS_WEIGHT, group["category"]))
    return rows


def expand(template: str, slots: dict[str, list[str]], rng: random.Random) -> set[str]:
    names = re.findall(r"\{(\w+)\}", template)
    if not names:
        return {template}
    out = set()
    for _ in range(FILLS_PER_TEMPLATE):
        text = template
        for name in names:
            text = text.replace("{" + name + "}", rng.choice(slots[name]), 1)
        out.add(text)
    return out


def known_words(rows: list[Row]) -> frozenset[str]:
    """Words common enough in the training text to be left alone by typo repair."""
    counts: Counter[str] = Counter()
    for row in rows:
        counts.update(re.findall(r"[a-z]+", row.text.lower()))
    return frozenset(
        w for w, n in counts.items() if n >= MIN_KNOWN_COUNT and not re.search(r"(.)\1\1", w)
    )


def build_vocabulary(rows: list[Row]) -> list[str]:
    """Words seen in two training posts, less dialect markers (they read as unknown)."""
    counts: Counter[str] = Counter()
    for row in rows:
        counts.update(set(row.words))
    keep = {w for w, n in counts.items() if n >= MIN_WORD_COUNT} - DIALECT_MARKERS
    rest = (keep | required_words()) - {UNKNOWN, START}
    return [UNKNOWN, START, *sorted(rest)]


def matrix(featuriser: Featuriser, rows: list[Row]) -> sparse.csr_matrix:
    features, doc = featuriser.features([featuriser.word_ids(r.words) for r in rows])
    data = np.ones(len(features), dtype=np.float64)
    shape = (len(rows), featuriser.size)
    return sparse.coo_matrix((data, (doc, features)), shape=shape).tocsr()


def train_head(
    head: str, rows: list[Row], x_all: sparse.csr_matrix
) -> tuple[np.ndarray, float, list[float]]:
    pick = [i for i, r in enumerate(rows) if r.split == "train" and r.labels[head] is not None]
    back = [i for i, r in enumerate(rows) if r.split == "calib" and r.labels[head] is not None]
    y = np.array([rows[i].labels[head] for i in pick])
    weights = np.array([rows[i].weight for i in pick])
    model = LogisticRegression(
        C=2.0, solver="liblinear", class_weight="balanced", random_state=SEED
    )
    model.fit(x_all[pick], y, sample_weight=weights)
    coef = model.coef_[0].astype(np.float32)
    bias = float(model.intercept_[0])
    raw = x_all[back] @ coef + bias
    platt = LogisticRegression(C=1e4, random_state=SEED)
    platt.fit(raw.reshape(-1, 1), [rows[i].labels[head] for i in back])
    return coef, bias, [float(platt.coef_[0][0]), float(platt.intercept_[0])]


def evaluate(rows: list[Row], probs: np.ndarray) -> dict[str, dict[str, float]]:
    """Macro-F1 per head on each corpus's held-out test split, at the 0.5 cut."""
    out: dict[str, dict[str, float]] = {}
    for source in ("davidson2017", "hatemojibuild"):
        for h, head in enumerate(HEADS):
            idx = [
                i
                for i, r in enumerate(rows)
                if r.source == source and r.split == "test" and r.labels[head] is not None
            ]
            if not idx:
                continue
            y = [rows[i].labels[head] for i in idx]
            if len(set(y)) < 2:
                continue
            pred = (probs[idx, h] >= 0.5).astype(int)
            out.setdefault(source, {})[head] = round(float(f1_score(y, pred, average="macro")), 4)
            out[source]["n"] = len(idx)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    rng = random.Random(SEED)
    inputs = [
        args.data / "davidson2017" / "labeled_data.csv",
        *(args.data / "hatemojibuild" / f"{n}.csv" for n in ("train", "validation", "test")),
        TEMPLATES,
    ]
    rows = davidson(args.data / "davidson2017", rng) + hatemoji(args.data / "hatemojibuild")
    rows += ours(TEMPLATES, rng)
    known = known_words([r for r in rows if r.split != "test"])
    for row in rows:
        row.words = normalised_words(row.text, known)
    vocabulary = build_vocabulary([r for r in rows if r.split == "train"])
    featuriser = Featuriser(vocabulary, BUCKETS)
    x_all = matrix(featuriser, rows)
    weights = np.zeros((featuriser.size, len(HEADS)), dtype=np.float32)
    bias = np.zeros(len(HEADS), dtype=np.float32)
    platt = np.zeros((len(HEADS), 2), dtype=np.float32)
    for h, head in enumerate(HEADS):
        weights[:, h], bias[h], platt[h] = train_head(head, rows, x_all)
        print(f"trained {head}", flush=True)
    raw = x_all @ weights + bias
    probs = 1.0 / (1.0 + np.exp(-(raw * platt[:, 0] + platt[:, 1])))
    metadata = {
        "seed": SEED,
        "inputs": {str(p.relative_to(p.parents[1])): sha256(p) for p in inputs},
        "rows": dict(Counter(f"{r.source}/{r.split}" for r in rows)),
        "words": len(vocabulary),
        "buckets": BUCKETS,
        "known_words": len(known),
        "heads": list(HEADS),
        "heldout_macro_f1": evaluate(rows, probs),
        "licences": {"davidson2017": "MIT", "hatemojibuild": "CC BY 4.0 (Kirk et al. 2022)"},
    }
    save(vocabulary, weights, bias, platt, known, metadata)
    print(json.dumps(metadata["heldout_macro_f1"], indent=1))
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KiB, {len(vocabulary)} words)")


def save(
    vocabulary: list[str],
    weights: np.ndarray,
    bias: np.ndarray,
    platt: np.ndarray,
    known: frozenset[str],
    metadata: dict[str, object],
) -> None:
    def text(s: str) -> np.ndarray:
        return np.frombuffer(s.encode("utf-8"), dtype=np.uint8)

    buffer = io.BytesIO()
    np.savez_compressed(
        buffer,
        vocabulary=text("\n".join(vocabulary)),
        weights=weights.astype(np.float16),
        bias=bias,
        platt=platt,
        known=text("\n".join(sorted(known))),
        metadata=text(json.dumps(metadata, sort_keys=True)),
    )
    OUT.write_bytes(buffer.getvalue())


if __name__ == "__main__":
    main()
