"""Word tokens with their character spans, split as the Universal Dependencies English treebank splits them
(the tagger learned from it): clitics apart ("do" "n't", "it" "'s"), hyphens and punctuation apart, while
numbers ("2,000", "3.5", "11:30"), dotted abbreviations ("U.S.", "a.m.") and titles ("Mr.") stay whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from chronology.sentences import ABBREVIATIONS

_TOKEN: Final = re.compile(
    r"""
    (?P<url>https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+)
    |(?P<dotted>[A-Za-z](?:\.[A-Za-z])+\.?)
    |(?P<number>\d+(?:[.,:/]\d+)*(?:st|nd|rd|th|s)?)
    |(?P<negation>[A-Za-z]+?(?=n['’]t\b))
    |(?P<clitic>n['’]t\b|['’](?:s|re|ve|ll|d|m|S|RE|VE|LL|D|M)\b)
    |(?P<word>\w+(?:\.(?=\s|$))?)
    |(?P<dots>\.{2,}|-{2,}|…)
    |(?P<other>\S)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of text[start:end], with offsets in `text`."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        kind = match.lastgroup
        word = match.group()
        if kind == "word" and word.endswith(".") and word[:-1].lower() not in ABBREVIATIONS:
            # A period ends a sentence unless it closes a known abbreviation ("Mr.", "Jan.").
            tokens.append(Token(word[:-1], match.start(), match.end() - 1))
            tokens.append(Token(".", match.end() - 1, match.end()))
            continue
        tokens.append(Token(word, match.start(), match.end()))
    return tokens
