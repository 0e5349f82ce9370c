"""Disguised spellings are undone, and ordinary text is left as it was."""

from __future__ import annotations

import random

import pytest

from netiquette import textnorm
from netiquette.abuse_model import load_model
from netiquette.textnorm import normalise, word_spans, words

CASES = [
    ("f u c k off", "fuck off"),
    ("f.u.c.k off", "fuck off"),
    ("sh1t", "shit"),
    ("sh!t", "shit"),
    ("I've done f*** all", "ive done fuck all"),
    ("stuuupid", "stupid"),
    ("I hate blakc people", "i hate black people"),
    ("I h4te bl4ck people", "i hate black people"),
    ("I hate b l a c k people", "i hate black people"),
    ("I hate bl ack people", "i hate black people"),
    ("ihateblackpeople", "i hate black people"),
    ("muslms are scum", "muslims are scum"),
    ("I h8 muzlims", "i hate muslims"),
    ("I would love to 🔪 some 👳🏾", "i would love to stab some muslim"),
    ("🇵🇰 are 🐀", "pakistanis are rats"),
    ("@someone kys", "@user kill yourself"),
    ("if you are a w🅾️Ⓜ️🅰️n", "if you are a woman"),
    ("I hate 👩🏿", "i hate black women"),
    ("shut up faggt", "shut up faggot"),
]
UNCHANGED = [
    "go back down the lane with the kids",
    "clear steps and plenty of rewards",
    "meet at 5pm on the 2nd of May, Year 6",
    "whatever happens in Scunthorpe stays there",
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_it_undoes_disguises(text: str, expected: str) -> None:
    assert normalise(text, load_model().known).text == expected


@pytest.mark.parametrize("text", UNCHANGED)
def test_it_leaves_ordinary_words_alone(text: str) -> None:
    words = normalise(text, load_model().known).text.split()
    assert words == text.lower().replace(",", " ,").split()


def test_the_fast_path_gives_what_the_full_normaliser_gives() -> None:
    known = load_model().known
    for text, _ in CASES:
        assert words(text, known) == [t.text for t in normalise(text, known).tokens]
    for text in UNCHANGED:
        assert words(text, known) == [t.text for t in normalise(text, known).tokens]


def test_it_maps_back_to_original_offsets() -> None:
    text = "well f u c k that"
    norm = normalise(text)
    start = norm.text.index("fuck")
    a, b = norm.original_span(start, start + 4)
    assert text[a:b] == "f u c k"


TRICKY = [
    "Email me at jo12@example.com and I'll send them",
    "what a f***ing week, honestly",
    "is a f u c k i n g joke",
    "it’s Kacper’s turn, isn’t it?",
    "I hate bl ack people",
    "sh!t happens and $h1t too",
    "İstanbul trip!ß",
    "🇵🇰 are 🐀 and 👩🏿 too",
    "@someone kys",
    "a b c d e",
    "Year 5 - 6 on the 14th, 3.15pm",
]


def _full(text: str, known: frozenset[str]) -> list[tuple[str, int, int]]:
    # The whole-text tokeniser that every quicker path must agree with.
    return [tuple(token) for token in textnorm._tokens(text, known)]


def test_the_piece_by_piece_reading_agrees_with_the_whole_text_reading() -> None:
    known = load_model().known
    rng = random.Random(11)
    atoms = ["a", "b", "f", "u", "1", "@", "$", "*", "!", "'", "’", " ", " ", ".", "-", "_"]
    atoms += ["is", "it's", "bl", "ack", "🐀", "🇵", "🇰", "İ", "fuck", "you", "kys"]
    texts = TRICKY + ["".join(rng.choices(atoms, k=rng.randint(1, 12))) for _ in range(3000)]
    for text in texts:
        full = _full(text, known)
        norm = normalise(text, known)
        assert [tuple(token) for token in norm.tokens] == full, text
        assert words(text, known) == [word for word, _, _ in full], text
        indices = list(range(len(full)))[::-1]
        assert word_spans(text, known, indices) == [full[i][1:] for i in indices], text
