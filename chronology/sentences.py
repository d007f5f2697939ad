"""Sentences, clauses and quotations of a text, by character spans.

`sentence_spans` is the news-robust splitter: a sentence ends at terminal punctuation (. ! ?, possibly followed
by closing quotes or brackets) followed by blanks and a plausible sentence start, unless the period belongs to a
known abbreviation ("Maj. Gen.", "U.S.", "Jan.", "Mr.") or an initial. A blank line always ends a sentence, and
so does a line without terminal punctuation followed by a line break (a headline, a caption, a dateline).

`RoughSentences` cuts at every end mark instead, for the tense of publication-date clues (chronology.context);
`Clauses` cuts one sentence into its clauses (chronology.events); `Quotations` finds direct quotations.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from chronology.patterns import CLAUSE_BREAK

# Abbreviations whose period does not end a sentence when a capitalised word follows (titles, months, ...).
ABBREVIATIONS: Final[frozenset[str]] = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "rev", "gen", "maj", "col", "capt", "lt", "sgt", "cpl",
    "adm", "cmdr", "gov", "sen", "rep", "pres", "amb", "hon", "gens", "brig", "pvt", "supt", "insp", "atty",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "no", "nos", "vol", "vols", "fig", "figs", "p", "pp", "ch", "art", "sec", "para", "dept", "univ", "assn",
    "corp", "inc", "co", "ltd", "bros", "mt", "ft", "ave", "blvd", "rd", "est", "approx", "etc", "vs", "cf",
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md",
    "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt",
    "wash", "wis", "wyo",
})
# Abbreviations that commonly end a sentence too ("... in the U.S. The next day"): split only before a
# word that is not a capitalised name continuing the phrase; we split when the next word is a common
# sentence opener.
_SENTENCE_FINAL_ABBREVIATIONS: Final[frozenset[str]] = frozenset({"inc", "co", "corp", "ltd", "etc", "jr", "sr"})
_OPENERS: Final[frozenset[str]] = frozenset({
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "in", "on", "at", "this",
    "that", "there", "his", "her", "its", "their", "officials", "police", "meanwhile", "however", "after",
    "when", "while", "as", "if", "some", "many", "last", "for", "according",
})

# Candidate boundaries: terminal punctuation with closers, then blanks; or a line break.
_BOUNDARY: Final = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|\n")
_WORD_BEFORE: Final = re.compile(r"([A-Za-z][A-Za-z.]{0,11})$")
_NEXT_WORD: Final = re.compile(r"\s*([\"'“‘(\[]?)(\S{0,20})")
# A line that goes on in lower case continues the sentence above it.
_LOWER_START: Final = re.compile(r"[ \t]*[a-z]")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at `dot` closes an abbreviation or an initial rather than a sentence."""
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m[1].split(".")[-1] if "." in m[1] else m[1]
    token = m[1].rstrip(".")
    if "." in token:
        return True  # "U.S", "a.m", "Ph.D": dotted abbreviations
    if len(word) == 1 and word.isupper():
        return True  # an initial: "John F. Kennedy"
    return word.lower() in ABBREVIATIONS


def _starts_sentence(text: str, position: int) -> bool:
    m = _NEXT_WORD.match(text, position)
    if not m or not m[2]:
        return True
    first = m[2][0]
    return first.isupper() or first.isdigit() or bool(m[1])


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text`, trimmed of surrounding blanks, in order, covering every
    non-blank character exactly once."""
    return list(_sentence_spans(text))


# Several stages split the same article (resolution twice, events once): the last text's spans are kept.
@lru_cache(maxsize=1)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start = 0
    # The last non-blank character before `scanned`, advanced as boundaries are met: each character is looked
    # at once, however long a sentence runs over lines.
    scanned, last_visible = 0, -1
    for m in _BOUNDARY.finditer(text):
        if m.group() == "\n":
            visible = text[scanned : m.start()].rstrip()
            if visible:
                last_visible = scanned + len(visible) - 1
            scanned = m.start()
            ends_paragraph = text.startswith("\n", m.end()) or _LOWER_START.match(text, m.end()) is None
            if last_visible < start or not ends_paragraph:
                continue
            if text[last_visible] in ",;:-–(" and not text.startswith("\n", m.end()):
                continue  # a sentence wrapped over lines
            end = m.start()
        else:
            end = m.end()
            punctuation = m.group()
            if (
                punctuation.startswith(".")
                and len(punctuation.rstrip("\"'”’)]")) == 1
                and _is_abbreviation(text, m.start())
            ):
                word = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
                last = word[1].rstrip(".").split(".")[-1].lower() if word else ""
                next_word = _NEXT_WORD.match(text, end)
                following = next_word[2].lower().strip("\"'“‘,") if next_word else ""
                if not (
                    (last in _SENTENCE_FINAL_ABBREVIATIONS or "." in (word[1] if word else ""))
                    and following in _OPENERS
                ):
                    continue
            if not _starts_sentence(text, end):
                continue
        _append(text, spans, start, end)
        start = end
    _append(text, spans, start, len(text))
    return tuple(spans)


def _append(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    left = start + (len(chunk) - len(chunk.lstrip()))
    spans.append((left, left + len(stripped)))


# Every end mark of RoughSentences, abbreviation or not.
_END_MARK: Final = re.compile(r"[.!?\n]")


class RoughSentences:
    """Where the sentences of a text end when every period, '!', '?' and line break ends one (abbreviations and
    numbers included), found once: the stretch in which a publication-date clue looks for its nearest tense cue
    (chronology.context). Not `sentence_spans`, on purpose: with its sentences 227 of the 2,164 clues of the
    TimeML, SemEval, MEANTIME and seed texts read another tense, and of the 38 that change between future and
    not future (all the inference tells apart) most turn wrong: "blasts next to the U.S. embassies ... on
    Friday" becomes future once "U.S." no longer cuts the sentence, and TimeML's ``quotes`` and MEANTIME's
    "year .Jobs said" run sentences together there."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self.ends = [match.start() for match in _END_MARK.finditer(text)]

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """The sentence around [start, end): after the last end mark before start, up to the first at or after
        end."""
        before = bisect_left(self.ends, start)
        after = bisect_left(self.ends, end)
        left = self.ends[before - 1] + 1 if before else 0
        return left, self.ends[after] if after < len(self.ends) else self.length


class Clauses:
    """The clause breaks of one sentence, found once, so that each expression's clause is two bisections (a
    sentence holding thousands of expressions stays linear). A clause ends at ';' and before a subordinate or
    sequel clause (chronology.lexicon CLAUSE_CONNECTORS: before, after, while, whereas, then)."""

    def __init__(self, sentence: str) -> None:
        self.length = len(sentence)
        # Where each clause after a break begins, and where each break starts; both increase along the sentence.
        self.begins: list[int] = []
        self.breaks: list[int] = []
        for match in CLAUSE_BREAK.finditer(sentence):
            self.begins.append(match.start("word") if match.group("word") else match.end())
            self.breaks.append(match.start())

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The clause around [start, end): from the last clause beginning at or before start to the first break
        after that which starts at or after end."""
        after = bisect_right(self.begins, start)
        left = self.begins[after - 1] if after else 0
        index = max(after, bisect_left(self.breaks, end))
        return left, self.breaks[index] if index < len(self.breaks) else self.length


# Quotation marks: curly and TimeML's doubled ones open or close; a straight double quote toggles; a blank line
# ends any quotation left open.
_QUOTATION_MARK: Final = re.compile(r"``|''|[\"\u201c\u201d]|\n[ \t]*\n")
_OPENERS_OF_QUOTES: Final = frozenset({"``", "\u201c"})
_CLOSERS_OF_QUOTES: Final = frozenset({"''", "\u201d"})
_QUOTE_CHARACTERS: Final = ('"', "\u201c", "``")


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """The spans of direct quotations in `text` (inside the marks), in order; one pass over the marks."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for m in _QUOTATION_MARK.finditer(text):
        mark = m.group()
        if mark in _OPENERS_OF_QUOTES or (mark == '"' and opened is None):
            opened = m.end()
        elif opened is not None and (mark in _CLOSERS_OF_QUOTES or mark == '"'):
            spans.append((opened, m.start()))
            opened = None
        elif mark.isspace():
            opened = None
    return spans


class Quotations:
    """The direct quotations of a text, found when first asked (most expressions are not quoted)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[tuple[int, int]] | None = None

    def around(self, offset: int) -> tuple[int, int] | None:
        if self.spans is None:
            self.spans = quotation_spans(self.text) if any(mark in self.text for mark in _QUOTE_CHARACTERS) else []
        """The quotation holding `offset`, if any."""
        count = bisect_right(self.spans, offset, key=lambda span: span[0])
        return self.spans[count - 1] if count and offset < self.spans[count - 1][1] else None


def sentence_at(spans: Sequence[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The span containing `offset` (or the nearest one before it); (0, 0) when there is none. `spans` are in
    order, as sentence_spans gives them."""
    count = bisect_right(spans, offset, key=lambda span: span[0])
    return spans[count - 1] if count else (0, 0)
