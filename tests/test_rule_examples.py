"""Every rule of the tagger against its own examples and negatives (chronology.patterns.PATTERNS), and phrases in
which no rule may find anything."""

from __future__ import annotations

import pytest

from chronology.patterns import PATTERNS, Example, Pattern
from chronology.tagger import tag

EXAMPLES = [
    pytest.param(pattern, example, id=f"{pattern.name}-{index}")
    for pattern in PATTERNS
    for index, example in enumerate(pattern.examples)
]
NEGATIVES = [
    pytest.param(pattern, negative, id=f"{pattern.name}-{index}")
    for pattern in PATTERNS
    for index, negative in enumerate(pattern.negatives)
]

# Strings that look like times to a pattern (numbers of the right shape, "may" and "march" as verbs, titles of
# works, ages, fractions) and are none.
NOTHING_HERE = [
    # phone numbers, scores, rooms, prices, codes and model numbers
    "Call 555-1234",
    "call +1 202-555-1998 or 202-555-2001",
    "The home side won 3-2.",
    "The score was 21-19.",
    "in a 7-3 vote",
    "He lives in Room 1030.",
    "It sold for $2,019.",
    "it cost $1999 and 1,999 euros",
    "a 1,999-euro fine",
    "the Boeing 747",
    "the A380 airliner",
    "an F-16 fighter jet",
    "the COVID-19 pandemic",
    "the H1N1 virus",
    "Dial 911 for help.",
    "Highway 101 was closed.",
    "Chapter 11 bankruptcy",
    "the G20 summit",
    "a 7-Eleven store",
    "ISO 9001 certified",
    "a 9mm pistol",
    "Psalm 23:4",
    "Interest rose to 3.5 percent.",
    "Add 1/2 cup of sugar.",
    "a 24/7 service",
    "the 9/11 attacks",
    "the 2019-20 season",
    "2,500 American soldiers",
    "The Audi Q3 is a small SUV.",
    "H2 production grew.",
    # "may" and "march" as verbs, a name
    "The top 10 may fall.",
    "Soldiers march 10 miles a day.",
    "Jan Smith spoke",
    # titles of works
    "the novel 1984",
    'the musical "1776" opened',
    'a film titled "Born on the Fourth of July"',
    'Baker, speaking on ABC News\' "This Week," said',
    "Gonzalez said on CBS's ''60 Minutes.''",
    # ages, fractions, counts
    "a 44-year-old man",
    "Howes, 37 years old when he was kidnapped",
    "employees 55 years old or older",
    "ages 18 to 25",
    "Iraq imports about three-quarters of its food",
    "a quarter of its income",
    "a second group of directors",
    "two thousand people",
    "temperatures in the 90s",
    # a time of day TimeML leaves unmarked, vague words, a place
    "She flew to Nairobi later in the day.",
    "It took a while.",
    "every time he spoke",
    "the French Quarter of New Orleans",
]


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda pattern: pattern.name)
def test_every_rule_has_an_example(pattern: Pattern) -> None:
    assert pattern.examples


def test_rule_names_are_unique() -> None:
    # the examples' ids and the test reports name rules by name
    names = [pattern.name for pattern in PATTERNS]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(("pattern", "example"), EXAMPLES)
def test_rule_finds_its_example(pattern: Pattern, example: Example) -> None:
    found = tag(example.text)
    assert (example.extent, example.type, example.value, example.mod) in [
        (t.text, t.type, t.value, t.mod) for t in found if t.rule == pattern.name
    ], [(t.rule, t.text, t.type, t.value, t.mod) for t in found]


@pytest.mark.parametrize(("pattern", "negative"), NEGATIVES)
def test_rule_ignores_its_negative(pattern: Pattern, negative: str) -> None:
    found = tag(negative)
    assert all(t.rule != pattern.name for t in found), found


@pytest.mark.parametrize("text", NOTHING_HERE)
def test_no_time_at_all(text: str) -> None:
    assert tag(text) == []
