"""Finding the school's people in text: a table of texts and the mentions each must give."""

from __future__ import annotations

import pickle

import pytest

from netiquette.people import PeopleIndex
from netiquette.school import School, parse_school

# An invented cast chosen for the hard parts: shared and common-word first names, a Mr and a
# Mrs with one surname, a parent and a pupil with one surname, an accent, a nickname.
CAST = {
    "school": {"name": "Test Primary"},
    "people": [
        {"name": "Jayden Pollard", "role": "pupil", "year": 3},
        {"name": "Gemma Pollard", "role": "parent", "children": ["Jayden Pollard"]},
        {"name": "Isla Mistry", "role": "pupil", "year": 2},
        {"name": "Oscar Lindqvist", "role": "pupil", "year": 4},
        {"name": "Ruby Hart", "role": "pupil", "year": 1},
        {"name": "Ruby Sandford", "role": "pupil", "year": 6},
        {"name": "Poppy Trelawney", "role": "pupil", "year": 5},
        {"name": "Will Tanner", "role": "pupil", "year": 5},
        {"name": "Zoë Brennan", "role": "pupil", "year": 2},
        {"name": "Kacper Nowicki", "role": "pupil", "nicknames": ["Kaz"]},
        {"name": "Mohammed Rahman", "role": "pupil", "preferred": "Mo"},
        {"name": "Noah Fenwick", "role": "pupil"},
        {"name": "Harvey Kowalczyk", "role": "pupil"},
        {"name": "Stuart Whitlock", "title": "Mr", "role": "staff"},
        {"name": "Anna Whitlock", "title": "Mrs", "role": "governor"},
        {"name": "Laura Pengelly", "title": "Miss", "role": "staff"},
        {"name": "Daniel Okafor", "title": "Mr", "role": "staff"},
    ],
}


@pytest.fixture(scope="module")
def school() -> School:
    return parse_school(CAST)


@pytest.fixture(scope="module")
def index(school: School) -> PeopleIndex:
    return PeopleIndex(school.people)


def found(index: PeopleIndex, text: str) -> list[tuple[str, str, str, bool]]:
    return [(m.evidence, m.person.name, m.how, m.certain) for m in index.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Star of the week: Jayden Pollard!", [("Jayden Pollard", "Jayden Pollard", "full", True)]),
        ("jayden pollard was great", [("jayden pollard", "Jayden Pollard", "full", True)]),
        ("JAYDEN POLLARD", [("JAYDEN POLLARD", "Jayden Pollard", "full", True)]),
        ("Jayden\nPollard ran", [("Jayden\nPollard", "Jayden Pollard", "full", True)]),
        ("Well done Jayden", [("Jayden", "Jayden Pollard", "first", True)]),
        ("Jayden's coat is here", [("Jayden", "Jayden Pollard", "first", True)]),
        ("Jayden’s coat is here", [("Jayden", "Jayden Pollard", "first", True)]),
        ("lets all tell jayden", [("jayden", "Jayden Pollard", "first", True)]),
        # lower case in capitalised prose: only a guess
        ("Everyone saw jayden there", [("jayden", "Jayden Pollard", "first", False)]),
        ("Jaydon Pollard won", [("Jaydon Pollard", "Jayden Pollard", "fuzzy", False)]),
        ("Isla Mistrey's coat", [("Isla Mistrey", "Isla Mistry", "fuzzy", False)]),
        (
            "WELL DONE JAYDEN AND OSCAR",
            [
                ("JAYDEN", "Jayden Pollard", "first", True),
                ("OSCAR", "Oscar Lindqvist", "first", True),
            ],
        ),
        ("Isla's book bag", [("Isla", "Isla Mistry", "first", True)]),
        ("Mr Whitlock miscounted", [("Mr Whitlock", "Stuart Whitlock", "surname", True)]),
        ("Mrs Whitlock chaired it", [("Mrs Whitlock", "Anna Whitlock", "surname", True)]),
        ("Mr. S. Whitlock", [("Mr. S. Whitlock", "Stuart Whitlock", "surname", True)]),
        ("Miss Pengelly's class", [("Miss Pengelly", "Laura Pengelly", "surname", True)]),
        ("Watch your back Okafor.", [("Okafor", "Daniel Okafor", "surname", False)]),
        (
            "the Pollard boy",
            [
                ("Pollard", "Gemma Pollard", "surname", False),
                ("Pollard", "Jayden Pollard", "surname", False),
            ],
        ),
        (
            "Ruby was kind",
            [("Ruby", "Ruby Hart", "first", False), ("Ruby", "Ruby Sandford", "first", False)],
        ),
        ("Ruby Hart won", [("Ruby Hart", "Ruby Hart", "full", True)]),
        # a year group next to a shared first name says which pupil it is
        ("Well done to Ruby in Year 6", [("Ruby", "Ruby Sandford", "first", True)]),
        ("Y1's Ruby was kind", [("Ruby", "Ruby Hart", "first", True)]),
        ("Ruby S was kind", [("Ruby", "Ruby Sandford", "first", True)]),
        # a word-name opening a sentence is a guess, unless a person's possessive follows
        ("Poppy came too", [("Poppy", "Poppy Trelawney", "first", False)]),
        ("Poppy's mum rang", [("Poppy", "Poppy Trelawney", "first", True)]),
        ("Kaz scored twice", [("Kaz", "Kacper Nowicki", "nickname", True)]),
        ("Well done Mo!", [("Mo", "Mohammed Rahman", "preferred", True)]),
        ("Mo came too", [("Mo", "Mohammed Rahman", "preferred", False)]),
        (
            "Zoe Brennan and Zoë Brennan",
            [
                ("Zoe Brennan", "Zoë Brennan", "full", True),
                ("Zoë Brennan", "Zoë Brennan", "full", True),
            ],
        ),
        ("Poppy T was there", [("Poppy", "Poppy Trelawney", "first", True)]),
        ("Will Tanner is in", [("Will Tanner", "Will Tanner", "full", True)]),
        # a lower-case surname initial counts with a possessive ("k" alone is "okay")
        ("rate poppy t's hair lol", [("poppy", "Poppy Trelawney", "first", True)]),
        # an emoji ends a sentence as a full stop does
        ("What a day 🎉 Poppy came too", [("Poppy", "Poppy Trelawney", "first", False)]),
        # a class right after a word-name makes it a person, even opening a sentence
        ("Poppy from 5T read her poem", [("Poppy", "Poppy Trelawney", "first", True)]),
        ("Poppy (bless her) cried", [("Poppy", "Poppy Trelawney", "first", True)]),
    ],
)
def test_it_finds_the_people_a_text_names(
    index: PeopleIndex, text: str, expected: list[tuple[str, str, str, bool]]
) -> None:
    assert found(index, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Oscars night at the cinema",
        "Whoever did that dance deserves an Oscar",
        "She wore ruby slippers",
        "I will be there at 3",
        "Buy a poppy for the Poppy Appeal",
        "Oscar Wilde wrote it",
        "Well done Jayden Smith from the other school",
        "A Harvey Nichols voucher is in the raffle",
        "Oscar-winning film night",
        "Noah's Ark assembly on Friday",
        "St Isla's Day? No, St Jayden's Church fete",
        "Prince Oscar and Storm Isla",
        "The lollipop lady on Fenwick Road",
        "Jayden-Lee came round",
        "Islay whisky tasting",
        "McPollard and Pollardson",
        "mistry and pollard in lower case",
        "Will you be there on Friday?",
        "See you at the Poppy fair on Saturday",
        "Lost in thought 🤔 Will you come?",
        # a word-name opening a sentence in a post that uses it as a noun elsewhere
        "We planted a poppy by the pond. Poppy seeds are in the shop too",
    ],
)
def test_it_does_not_mistake_words_and_other_people(index: PeopleIndex, text: str) -> None:
    assert found(index, text) == []


def test_a_full_name_is_preferred_to_its_first_name_at_the_same_place(index: PeopleIndex) -> None:
    (mention,) = index.find("Isla Mistry, Year 2")
    assert (mention.start, mention.end, mention.how) == (0, 11, "full")


def test_an_index_pickles_as_its_people_and_still_works(index: PeopleIndex) -> None:
    clone = pickle.loads(pickle.dumps(index))
    text = "Jaydon Pollard and Mr Whitlock"
    assert clone.find(text) == index.find(text)
    assert b"Automaton" not in pickle.dumps(index)


def test_a_one_word_name_gets_a_first_name_s_care() -> None:
    index = PeopleIndex(
        parse_school({"school": {"name": "T"}, "people": [{"name": "Will"}]}).people
    )
    assert found(index, "I will be there") == []
    assert found(index, "Thanks Will!") == [("Will", "Will", "first", True)]


def test_an_empty_school_finds_nobody() -> None:
    assert PeopleIndex([]).find("Jayden Pollard") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Penny for your thoughts on the new menu?", []),
        ("Great game 🥈 Mark your calendars for the rematch", []),
        ("Sterling effort from everyone today", []),
        ("Penny Okoro for head girl!", [("Penny Okoro", "full")]),
        ("Well done Mark, what a goal", [("Mark", "first")]),
    ],
)
def test_set_phrases_that_open_with_a_word_name_are_the_words(
    text: str, expected: list[tuple[str, str]]
) -> None:
    index = PeopleIndex(
        parse_school(
            {
                "school": {"name": "Test"},
                "people": [
                    {"name": "Penny Okoro", "role": "pupil"},
                    {"name": "Mark Sterling", "role": "pupil"},
                ],
            }
        ).people
    )
    assert [(m.evidence, m.how) for m in index.find(text)] == expected
