"""Word lists for finding people: names that are also everyday words, and place words.

Kept apart from `people.py` so the lists can grow without crowding the matching logic. The
lists are short on purpose: they only decide how much care a one-word name needs.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A set of words written as one block of text, which reads better than a long list."""
    return frozenset(text.split())


# Given names (and a few surnames) that are also ordinary English words, titles of things or
# months: alone and in lower case they are the word, not the person.
COMMON_WORD_NAMES = words(
    """
    amber angel april art august autumn baker bailey bell belle berry bill billy blossom bob
    bonnie brandy brook brooke buddy candy carol chance chase cherry chip christian clay cliff
    cook cooper crystal daisy dale dawn dean dell destiny dot drew duke earl eve faith fern
    fisher forest frank gay gene ginger glen glory grace guy hazel heather holly honey hope
    hunter iris ivy jack jade jasmine jay jewel jim joy june king lily lucky mark marsh mason
    matt max may miles millie miller misty mo nick norm olive opal oscar page paris pat patience
    pearl penny pepper poppy rain ray red reed rich river rob robin rock rocky rose rosemary ruby
    rusty sage sandy scarlett shadow shelley sky skye sonny spring star stone storm summer sunny
    taylor teddy victor violet wade ward will willow winter wren young
    brown green white black wood hall hill price wells lane field street banks rivers
    """
)

# Words after a bare surname that make it a place or an organisation ("Fenwick Road").
PLACE_WORDS = words(
    """
    road rd street st lane close avenue ave drive way crescent court place gardens grove
    terrace walk mews row hill rise view square park parade green vale primary school academy
    college hall house centre center church farm estate station surgery library bridge
    """
)

# Words after a common-word name at the start of a sentence that make it the word, not the
# person: "Hope it stays dry", "Will you be there?", "May we ask".
WORD_USE_AFTER = words(
    """
    i you we they it he she everyone anyone someone somebody anybody all this that these
    those there the a an so your our my his their to u ur ya
    """
)

# Nouns after a common-word name that make it a thing: "Summer fair", "Spring term", "Joy
# Division", "Ivy League".
THING_AFTER = words(
    """
    term terms holiday holidays hols fair fete fayre camp club clubs concert show fest
    festival break half uniform timetable reading school schools sale party disco ball
    league division garden gardens lane street road close avenue drive court park
    scheme schemes sheet sheets book books sweets spells
    """
)

# Set phrases that start with a name which is also a word: the word, wherever they stand
# ("Penny for your thoughts", "Mark your calendars", "a sterling effort", "miles of ...").
NAME_IDIOMS = (
    r"penny (?:for (?:your|ur) thoughts|(?:has |finally )?dropped|pinching)"
    r"|mark (?:my words|(?:your|ur|the) (?:calendars?|diar(?:y|ies)|date|day))"
    r"|sterling (?:effort|work|job|performance|service|stuff)"
    r"|miles (?:of|away|better|ahead|from|and miles)"
    r"|grace (?:and dignity|period|under pressure)"
    r"|brook no\b|rose (?:to the (?:occasion|challenge)|tinted)"
    r"|dawn (?:till|til|to|until) dusk|sunny (?:spells|intervals|skies|side up)"
)
