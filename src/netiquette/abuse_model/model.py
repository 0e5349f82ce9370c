"""The abuse model at run time: a linear model per head over sparse features, in numpy.

Three heads share one featuriser: `abuse` (abusive, hateful or threatening content),
`profanity` (swearing and vulgarity) and `aimed` (hostility aimed at one person: insults,
mockery, exclusion, threats). Scores are Platt-calibrated probabilities. The artifact is a
small `.npz` inside the package, trained by `training/train_abuse.py`; nothing is downloaded.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

import numpy as np
import numpy.typing as npt

from netiquette import textnorm
from netiquette.abuse_model.features import features

HEADS = ("abuse", "profanity", "aimed")
ARTIFACT = "abuse-model.npz"


class ModelError(RuntimeError):
    """The packaged model artifact is missing or unreadable."""


@dataclass(frozen=True)
class Scores:
    """Calibrated probabilities for one post."""

    abuse: float
    profanity: float
    aimed: float


class AbuseModel:
    def __init__(
        self,
        vocabulary: Sequence[str],
        weights: npt.NDArray[np.float32],
        bias: npt.NDArray[np.float32],
        platt: npt.NDArray[np.float32],
        known: frozenset[str],
        metadata: dict[str, Any],
    ) -> None:
        self.index = {feature: i for i, feature in enumerate(vocabulary)}
        self.weights = weights
        self.bias = bias
        self.platt = platt
        self.known = known
        self.metadata = metadata

    def words(self, text: str) -> list[str]:
        return textnorm.words(text, self.known)

    def ids(self, words: list[str]) -> list[int]:
        index = self.index
        return [i for i in map(index.get, features(words)) if i is not None]

    def raw(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """Decision values, one row per text and one column per head."""
        rows = [self.ids(self.words(text)) for text in texts]
        return self.raw_from_ids(rows)

    def raw_from_ids(self, rows: list[list[int]]) -> npt.NDArray[np.float32]:
        if not rows:
            return np.zeros((0, len(HEADS)), dtype=np.float32)
        lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
        flat = np.fromiter((i for r in rows for i in r), dtype=np.int64, count=int(lengths.sum()))
        offsets = np.zeros(len(rows), dtype=np.int64)
        np.cumsum(lengths[:-1], out=offsets[1:])
        sums = np.add.reduceat(self.weights[flat], offsets, axis=0)
        return np.asarray(sums + self.bias, dtype=np.float32)

    def calibrate(self, raw: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        z = raw * self.platt[:, 0] + self.platt[:, 1]
        return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float32)

    def predict(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """Calibrated probabilities, shape (len(texts), 3) in `HEADS` order."""
        return self.calibrate(self.raw(texts))

    def score_words(self, words: list[str]) -> Scores:
        """The cheap path for one post whose words are already normalised."""
        ids = self.ids(words)
        raw = self.weights[ids].sum(axis=0) + self.bias
        p = self.calibrate(raw[np.newaxis, :])[0]
        return Scores(float(p[0]), float(p[1]), float(p[2]))

    def score(self, text: str) -> Scores:
        return self.score_words(self.words(text))


def model_from_npz(data: Any) -> AbuseModel:
    metadata = json.loads(bytes(data["metadata"]).decode("utf-8"))
    vocabulary = bytes(data["vocabulary"]).decode("utf-8").split("\n")
    known = frozenset(bytes(data["known"]).decode("utf-8").split("\n"))
    weights = np.asarray(data["weights"], dtype=np.float32)
    return AbuseModel(
        vocabulary,
        weights,
        np.asarray(data["bias"], dtype=np.float32),
        np.asarray(data["platt"], dtype=np.float32),
        known,
        metadata,
    )


@lru_cache(maxsize=1)
def load_model() -> AbuseModel:
    """The packaged model, loaded once per process."""
    resource = files("netiquette.abuse_model") / ARTIFACT
    try:
        with resource.open("rb") as handle, np.load(handle) as data:
            return model_from_npz(data)
    except (OSError, KeyError, ValueError) as error:
        raise ModelError(f"cannot load the abuse model {ARTIFACT}: {error}") from error
