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
from netiquette.abuse_model.features import Featuriser

HEADS = ("abuse", "profanity", "aimed")
ARTIFACT = "abuse-model.npz"
Floats = npt.NDArray[np.float32]


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
        featuriser: Featuriser,
        weights: Floats,
        bias: Floats,
        platt: Floats,
        known: frozenset[str],
        metadata: dict[str, Any],
    ) -> None:
        if weights.shape != (featuriser.size, len(HEADS)):
            raise ModelError(f"weights of shape {weights.shape} do not fit the featuriser")
        self.featuriser = featuriser
        self.weights = np.ascontiguousarray(weights.T)
        self.bias = bias
        self.platt = platt
        self.known = known
        self.metadata = metadata

    def words(self, text: str) -> list[str]:
        return textnorm.words(text, self.known)

    def raw_from_words(self, docs: Sequence[list[str]]) -> Floats:
        """Decision values, one row per document and one column per head."""
        get = self.featuriser.index.__getitem__
        ids = [list(map(get, words)) for words in docs]
        features, doc = self.featuriser.features(ids)
        out = np.empty((len(docs), len(HEADS)), dtype=np.float32)
        for h in range(len(HEADS)):
            out[:, h] = np.bincount(doc, self.weights[h][features], minlength=len(docs))
        return out + self.bias

    def calibrate(self, raw: Floats) -> Floats:
        z = np.clip(raw * self.platt[:, 0] + self.platt[:, 1], -50.0, 50.0)
        return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float32)

    def predict(self, texts: Sequence[str]) -> Floats:
        """Calibrated probabilities, shape (len(texts), 3) in `HEADS` order."""
        return self.calibrate(self.raw_from_words([self.words(t) for t in texts]))

    def score_words(self, words: list[str]) -> Scores:
        """One post whose words are already normalised (the detectors' path)."""
        features = self.featuriser.features_one(self.featuriser.word_ids(words))
        raw = self.weights[:, features].sum(axis=1) + self.bias
        p = self.calibrate(raw[np.newaxis, :])[0]
        return Scores(float(p[0]), float(p[1]), float(p[2]))

    def score(self, text: str) -> Scores:
        return self.score_words(self.words(text))


def _text(data: Any, key: str) -> str:
    return bytes(data[key]).decode("utf-8")


def model_from_npz(data: Any) -> AbuseModel:
    metadata = json.loads(_text(data, "metadata"))
    featuriser = Featuriser(_text(data, "vocabulary").split("\n"), int(metadata["buckets"]))
    return AbuseModel(
        featuriser,
        np.asarray(data["weights"], dtype=np.float32),
        np.asarray(data["bias"], dtype=np.float32),
        np.asarray(data["platt"], dtype=np.float32),
        frozenset(_text(data, "known").split("\n")),
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
