"""Related policies ("See also the Complaints and Whistleblowing policies") and escalation routes.

Names are read from lists after "see also", "refer to" and the like, and from capitalised
"... Policy" phrases anywhere. Well-known policies get stable ids (`complaints`,
`whistleblowing`) so the procedure can point at them; others get an id made from their name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from netiquette.importer.document import Block, BlockKind, sentences

KNOWN: tuple[tuple[str, str, str], ...] = (
    ("complaints", r"complain", "Complaints Policy"),
    ("whistleblowing", r"whistle", "Whistleblowing Policy"),
    ("disciplinary", r"disciplin", "Disciplinary Policy"),
    ("code-of-conduct", r"code of conduct", "Code of Conduct"),
    ("equality", r"equalit|equal opportunit|diversity", "Equality Policy"),
    ("safeguarding", r"safeguard|child protection", "Safeguarding Policy"),
    ("anti-bullying", r"bully", "Anti-Bullying Policy"),
    ("behaviour", r"behaviou?r", "Behaviour Policy"),
    ("online-safety", r"e-?safety|online safety|internet safety", "Online Safety Policy"),
    ("acceptable-use", r"acceptable use", "Acceptable Use Policy"),
    ("data-protection", r"data protection|gdpr|privacy", "Data Protection Policy"),
    ("grievance", r"grievance", "Grievance Policy"),
)
_TRIGGER = re.compile(
    r"\b(?:see also|refer to|referred to|in line with|in accordance with|read (?:alongside|in "
    r"conjunction with|with)|links? (?:to|with)|related (?:policies|documents)|under (?:the|our))"
    r"\s*:?\s*",
    re.I,
)
_NAMED_POLICY = re.compile(
    r"\b((?:[A-Z][\w'’-]*\s+(?:and\s+|&\s+|of\s+|for\s+)?){1,5}(?:Policy|Policies|Procedure|"
    r"Procedures|Statement)|(?:[A-Z][\w'’-]*\s+){0,2}Code of Conduct)\b"
)
_DOCUMENT_NOUN = re.compile(
    r"\b(?:polic(?:y|ies)|procedures?|statement|code of conduct|guidance|protocol|agreement)\b",
    re.I,
)
_LEADING = re.compile(r"^(?:the|our|this|its|their|any|school[’']?s?|and|also|other)\s+", re.I)
_ESCALATION_CUE = re.compile(
    r"\b(?:action (?:will|may|could) be taken|disciplinary|refer(?:red)? to|escalat\w*|"
    r"dealt with (?:under|through|in line with)|will be reported|in accordance with)\b",
    re.I,
)
MAX_LISTED_WORDS = 8
_RELATED_HEADING = re.compile(
    r"\b(?:related|associated|linked|other relevant) (?:policies|documents|guidance)\b|"
    r"\blinks? (?:to|with) other policies\b",
    re.I,
)
_POLICE = re.compile(
    r"\bpolice\b|\bcriminal prosecution\b|\bprosecut\w*|\bmalicious communications act\b", re.I
)


@dataclass(frozen=True)
class Related:
    id: str
    title: str


def find_related(blocks: list[Block], own_title: str) -> list[Related]:
    """Policies named anywhere, and every entry under a "Related policies" heading."""
    found: dict[str, Related] = {}
    listing = False
    for current in blocks:
        if current.kind is BlockKind.HEADING:
            listing = bool(_RELATED_HEADING.search(current.text))
            continue
        names = [name for sentence in sentences(current.text) for name in policy_names(sentence)]
        if listing and len(current.text.split()) <= MAX_LISTED_WORDS:
            names = [current.text]
        for name in names:
            related = identify(name, listing)
            if related and not _is_self(related, own_title):
                found.setdefault(related.id, related)
    return list(found.values())


def policy_names(sentence: str) -> list[str]:
    """The policy names a sentence mentions, from "see also ..." lists and "X Policy" phrases."""
    names = [part for m in _NAMED_POLICY.finditer(sentence) for part in _split_joined(m.group(1))]
    if trigger := _TRIGGER.search(sentence):
        rest = re.split(r"[.;)]", sentence[trigger.end() :], maxsplit=1)[0]
        plural_noun = bool(re.search(r"\bpolicies\b", rest, re.I))
        for part in re.split(r",|\band\b|&|\bor\b", rest):
            part = part.strip()
            if part and (plural_noun or _DOCUMENT_NOUN.search(part) or _known(part)):
                names.append(part)
    return names


def _split_joined(name: str) -> list[str]:
    """ "Complaints and Whistleblowing Policies" names two policies; "Safeguarding and Child
    Protection Policy" names one (both halves mean the same policy)."""
    parts = [p.strip() for p in re.split(r"\s+(?:and|&)\s+", name)]
    ids = [_known(p) or (p.lower() if _DOCUMENT_NOUN.search(p) else None) for p in parts]
    if len(parts) > 1 and all(ids) and len(set(ids)) == len(ids):
        return parts
    return [name]


def identify(name: str, listed: bool = False) -> Related | None:
    """A stable id and a readable title for a policy name as the school wrote it; `listed`
    names come from a "Related policies" list, so need no "Policy" in them."""
    name = " ".join(name.split()).strip(" .,:;()")
    while _LEADING.match(name):
        name = _LEADING.sub("", name)
    if len(name) < 3 or len(name.split()) > 8:
        return None
    title = re.sub(r"\bpolicies\b", "Policy", name, flags=re.I)
    title = title if _DOCUMENT_NOUN.search(title) else f"{title} Policy"
    title = title[0].upper() + title[1:]
    known = _known(name)
    if known is not None:
        return Related(known, title)
    if not (listed or _DOCUMENT_NOUN.search(name)):
        return None
    slug = re.sub(r"[^a-z0-9]+", "-", _DOCUMENT_NOUN.sub("", name.lower())).strip("-")
    return Related(slug, title) if slug else None


def _known(name: str) -> str | None:
    return next((key for key, pattern, _ in KNOWN if re.search(pattern, name, re.I)), None)


def _is_self(related: Related, own_title: str) -> bool:
    """The policy being imported, named in its own text ("this Social Media Policy")."""
    own = _stem(own_title)
    mine = _stem(related.title)
    if "social media" in mine or "online conduct" in mine or mine == own:
        return True
    return len(mine.split()) >= 2 and f" {mine} " in f" {own} "


def _stem(title: str) -> str:
    return " ".join(re.sub(r"\W+", " ", _DOCUMENT_NOUN.sub("", title.lower())).split())


def find_escalations(
    steps: list[str], blocks: list[Block], related: list[Related]
) -> list[tuple[str, str, str]]:
    """(id, label, policy id) routes: related policies named in the procedure or next to
    "action will be taken"/"refer to", and the police where the policy mentions prosecution."""
    known = {r.id: r for r in related}
    texts = list(steps) + [
        s for b in blocks for s in sentences(b.text) if _ESCALATION_CUE.search(s) or s in steps
    ]
    routes: dict[str, tuple[str, str, str]] = {}
    for text in texts:
        for name in policy_names(text):
            found = identify(name)
            if found and found.id in known and found.id not in routes:
                routes[found.id] = (found.id, known[found.id].title, found.id)
    if any(_POLICE.search(b.text) for b in blocks):
        routes["police"] = ("police", "The police", "")
    return list(routes.values())
