"""Event mentions as TimeML marks them: the trigger words (verbs, event nouns, some adjectives) and their class.

Each token is labelled O or one of the seven TimeML classes by an averaged perceptron learned from TimeBank and
AQUAINT (`train_events.py`); neighbouring labelled tokens with nothing between them ("write" "-" "downs") form
one mention. Features are the word, its affixes and shape, its part-of-speech tag and lemma, and those of its
neighbours.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, TypeVar

from chronology.language import pos
from chronology.language.perceptron import Model, Row, load
from chronology.language.tokens import Token, tokenize
from chronology.sentences import sentence_spans

MODEL_FILE: Final = "events.bin.gz"
OUTSIDE: Final = "O"
CLASSES: Final = (
    OUTSIDE,
    "OCCURRENCE",
    "REPORTING",
    "STATE",
    "I_ACTION",
    "I_STATE",
    "ASPECTUAL",
    "PERCEPTION",
)
_PAD: Final = "<s>"
BIAS: Final = "b"  # the feature every candidate token has


@dataclass(frozen=True, slots=True)
class EventMention:
    """An event trigger: its text, its character span in the document and its TimeML class."""

    text: str
    start: int
    end: int
    event_class: str


def is_candidate(word: str) -> bool:
    """Whether a token can be an event at all: punctuation, numbers and symbols are labelled O without asking the
    model (in TimeBank and AQUAINT the only such tokens inside an event are the hyphens of "write-downs", which
    `spans` joins)."""
    return word.isalpha() or any(character.isalpha() for character in word)


def _shape(word: str) -> str:
    """The word's letter classes with runs collapsed: "McCain" -> "XxXx", "2,000" -> "d,d"."""
    shape: list[str] = []
    for character in word:
        kind = "X" if character.isupper() else "x" if character.isalpha() else "d" if character.isdigit() else character
        if not shape or shape[-1] != kind:
            shape.append(kind)
    return "".join(shape)


# Feature groups: training sums them all (`features`); the scorer caches each group's summed weights by what
# the group depends on, so a token costs a few cached score lists and the handful of pair features.


def own_features(word: str, tag: str, lemma: str) -> list[str]:
    """The token's own features: its form, affixes, shape, tag and lemma."""
    lower = word.lower()
    return [
        BIAS,
        "w=" + lower,
        "s2=" + lower[-2:],
        "s3=" + lower[-3:],
        "s4=" + lower[-4:],
        "p3=" + lower[:3],
        "sh=" + _shape(word),
        "t=" + tag,
        "l=" + lemma,
        "lt=" + lemma + " " + tag,
        "s3t=" + lower[-3:] + " " + tag,
    ]


def neighbour_features(offset: int, lower: str, tag: str, lemma: str) -> list[str]:
    """The features a neighbour at `offset` (-2, -1, 1, 2) gives the token: its form and tag, and its lemma when
    next to it."""
    name = f"{offset:+d}"
    found = ["w" + name + "=" + lower, "t" + name + "=" + tag]
    if offset in (-1, 1):
        found.append("l" + name + "=" + lemma)
    return found


def pair_features(lowers: Sequence[str], tags: Sequence[str], lemmas: Sequence[str], j: int) -> list[str]:
    """Features joining the token at padded index j with a neighbour."""
    return [
        "w-1w=" + lowers[j - 1] + " " + lowers[j],
        "ww+1=" + lowers[j] + " " + lowers[j + 1],
        "t-1t=" + tags[j - 1] + " " + tags[j],
        "tt+1=" + tags[j] + " " + tags[j + 1],
        "t-2t-1t=" + tags[j - 2] + " " + tags[j - 1] + " " + tags[j],
        "l-1t=" + lemmas[j - 1] + " " + tags[j],
        "t-1l=" + tags[j - 1] + " " + lemmas[j],
    ]


_OFFSETS: Final = (-2, -1, 1, 2)


def features(
    words: Sequence[str], lowers: Sequence[str], tags: Sequence[str], lemmas: Sequence[str], i: int
) -> list[str]:
    """All features of token i of a sentence (`lowers`, `tags`, `lemmas` as `padded` returns them)."""
    j = i + 2
    found = own_features(words[i], tags[j], lemmas[j])
    for offset in _OFFSETS:
        found += neighbour_features(offset, lowers[j + offset], tags[j + offset], lemmas[j + offset])
    found += pair_features(lowers, tags, lemmas, j)
    if i == 0:
        found.append("first")
    return found


def padded(words: Sequence[str], tags: Sequence[str]) -> tuple[list[str], list[str], list[str]]:
    """Lower-cased words, tags and lemmas of a sentence, each padded with two `_PAD` on either side (token i
    sits at i + 2)."""
    pad = [_PAD, _PAD]
    lowers = pad + [word.lower() for word in words] + pad
    lemmas = pad + [pos.lemma(word, tag).lower() for word, tag in zip(words, tags, strict=True)] + pad
    return lowers, pad + list(tags) + pad, lemmas


_Key = TypeVar("_Key", bound=Hashable)
_Value = TypeVar("_Value")
# The most entries a scoring cache keeps before it starts afresh: bounds memory over a large archive's
# vocabulary while frequent words come straight back in.
_CACHE_SIZE: Final = 100_000


class _Cache(dict[_Key, _Value]):
    """A memo of `compute` that starts afresh when full (a cleared dict is cheaper to keep than an LRU order)."""

    def __init__(self, compute: Callable[[_Key], _Value]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, key: _Key) -> _Value:
        if len(self) >= _CACHE_SIZE:
            self.clear()
        value = self[key] = self.compute(key)
        return value


class Labeller:
    """A trained model and the caches that make it fast; `features` and the model decide every label."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self._own: _Cache[tuple[str, str, str], list[float]] = _Cache(lambda key: model.scores(own_features(*key)))
        self._neighbours = {offset: self._neighbour_cache(offset) for offset in _OFFSETS}
        # The pair features are too many to cache their sums; each one's own weights are cached instead.
        self._rows: _Cache[str, Row] = _Cache(model.row)

    def _neighbour_cache(self, offset: int) -> _Cache[tuple[str, str, str], list[float]]:
        return _Cache(lambda key: self.model.scores(neighbour_features(offset, *key)))

    def label(self, words: Sequence[str], tags: Sequence[str]) -> list[str]:
        """One label per token of a sentence: O or a TimeML class."""
        lowers, padded_tags, lemmas = padded(words, tags)
        rows = self._rows
        classes = self.model.classes
        own = self._own
        far_left, left, right, far_right = (self._neighbours[offset] for offset in _OFFSETS)
        labels: list[str] = []
        for i, word in enumerate(words):
            if not is_candidate(word):
                labels.append(OUTSIDE)
                continue
            j = i + 2
            # One pass over the classes summing the five cached groups is far cheaper than five.
            scores = [
                a + b + c + d + e
                for a, b, c, d, e in zip(
                    own[word, padded_tags[j], lemmas[j]],
                    far_left[lowers[j - 2], padded_tags[j - 2], lemmas[j - 2]],
                    left[lowers[j - 1], padded_tags[j - 1], lemmas[j - 1]],
                    right[lowers[j + 1], padded_tags[j + 1], lemmas[j + 1]],
                    far_right[lowers[j + 2], padded_tags[j + 2], lemmas[j + 2]],
                    strict=True,
                )
            ]
            pairs = pair_features(lowers, padded_tags, lemmas, j)
            if i == 0:
                pairs.append("first")
            for feature in pairs:
                for index, weight in rows[feature]:
                    scores[index] += weight
            labels.append(classes[scores.index(max(scores))])
        return labels


@lru_cache(maxsize=1)
def _labeller() -> Labeller:
    return Labeller(load(MODEL_FILE))


def spans(tokens: Sequence[Token], labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """Mentions from token labels: runs of labelled tokens that touch (no space between them) form one mention,
    whose class is its first token's; a lone hyphen between two labelled tokens joins them."""
    found: list[tuple[int, int, str]] = []
    for index, (token, name) in enumerate(zip(tokens, labels, strict=True)):
        bridging = (
            token.text == "-"
            and 0 < index < len(tokens) - 1
            and labels[index - 1] != OUTSIDE
            and labels[index + 1] != OUTSIDE
            and tokens[index - 1].end == token.start
            and token.end == tokens[index + 1].start
        )
        if name == OUTSIDE and not bridging:
            continue
        if found and index > 0 and tokens[index - 1].end == token.start and found[-1][1] == tokens[index - 1].end:
            found[-1] = (found[-1][0], token.end, found[-1][2])
        else:
            found.append((token.start, token.end, name))
    return found


def find_mentions(
    text: str,
    start: int = 0,
    end: int | None = None,
    tokens: Sequence[Token] | None = None,
    tags: Sequence[str] | None = None,
) -> list[EventMention]:
    """The event mentions of text[start:end], with offsets in `text`. Given `tokens` (and their `tags`), they are
    read as one sentence; otherwise the range is split into sentences, tokenized and tagged here."""
    if tokens is None:
        stop = len(text) if end is None else end
        sentences = [tokenize(text, start + first, start + last) for first, last in sentence_spans(text[start:stop])]
    else:
        sentences = [list(tokens)]
    mentions: list[EventMention] = []
    for sentence in sentences:
        if not sentence:
            continue
        words = [token.text for token in sentence]
        sentence_tags = pos.tag(words) if tags is None or tokens is None else tags
        for first, last, name in spans(sentence, _labeller().label(words, sentence_tags)):
            mentions.append(EventMention(text[first:last], first, last, name))
    return mentions
