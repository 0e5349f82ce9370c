"""Turning normalised words into the features the linear model weighs.

Besides words and word pairs, each word of a known class (identity, slur, insult, threat,
"you", ...) also yields its class, and pairs are repeated with classes in place of words,
so "I hate Muslims" teaches the model about "I hate <identity>" for every group. Words after
a negation ("not", "never") in the same clause are marked, so "not scum" is not "scum", and
class words inside quotation marks are marked as quoted.
"""

from __future__ import annotations

from netiquette.abuse_model.lexicon import (
    DEHUMANISING,
    HARM,
    HATE_VERBS,
    IDENTITIES,
    INSULTS,
    NEGATORS,
    PROFANITY,
    SECOND_PERSON,
    SLURS,
)

BIAS = "<bias>"
_CLAUSE_END = frozenset([".", "!", "?", ";", ":", ",", "but", "however", "though", "although"])
_QUOTES = frozenset(['"', "“", "”", "‘", "'"])
_SELF = frozenset(["i", "me", "my", "myself", "im"])


def _tags() -> dict[str, str]:
    tags: dict[str, str] = {}
    # Later entries win: a word that is both an insult and a slur is tagged a slur.
    for words, tag in (
        (SELF_WORDS, "<self>"),
        (SECOND_PERSON, "<you>"),
        (NEGATORS, "<neg>"),
        (HATE_VERBS, "<hate>"),
        (HARM, "<harm>"),
        (PROFANITY, "<prof>"),
        (INSULTS, "<insult>"),
        (DEHUMANISING, "<dehum>"),
        (IDENTITIES, "<id>"),
        (SLURS, "<slur>"),
    ):
        for word in words:
            tags[word] = tag
    return tags


SELF_WORDS = _SELF
TAGS = _tags()


def features(words: list[str]) -> list[str]:
    """The feature strings of one post's normalised words (always including the bias)."""
    out = [BIAS]
    prev = prev_tag = "<s>"
    negated = quoted = False
    seen: set[str] = set()
    for word in words:
        if word in _QUOTES:
            quoted = not quoted
            continue
        if word in _CLAUSE_END:
            out.append(word)
            prev = prev_tag = "<s>"
            negated = False
            seen = set()
            continue
        tag = TAGS.get(word)
        out.append(word)
        out.append(f"{prev} {word}")
        if tag is not None:
            _tagged(out, tag, prev_tag, seen, negated, quoted)
        elif prev_tag != prev:
            out.append(f"{prev_tag} {word}")
        if tag == "<neg>":
            negated = True
        prev, prev_tag = word, tag or word
    return out


def _tagged(
    out: list[str], tag: str, prev_tag: str, seen: set[str], negated: bool, quoted: bool
) -> None:
    mark = ("q:" if quoted else "") + ("n:" if negated else "")
    out.append(mark + tag)
    out.append(f"{prev_tag} {tag}")
    for other in seen:
        out.append(f"{mark}{other}&{tag}")
    seen.add(tag)
