"""Event mentions as TimeML marks them: the trigger words (verbs, event nouns, some adjectives) and their class.

Each token is labelled O or one of the seven TimeML classes by an averaged perceptron learned from TimeBank and
AQUAINT (`train_events.py`); neighbouring labelled tokens with nothing between them ("write" "-" "downs") form
one mention. Features are the word, its affixes and shape, its part-of-speech tag and lemma, and those of its
neighbours. A noun that always names an event (chronology.lexicon.EVENT_NOUNS) and heads its phrase is one even
where the model, which learned nouns from corpora that mark them inconsistently, leaves it out.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, NamedTuple, TypeVar

from chronology.language import pos
from chronology.language.perceptron import Compact, Model, load
from chronology.language.tokens import Token, tokenize
from chronology.lexicon import EVENT_NOUNS
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
# An event noun (chronology.lexicon.EVENT_NOUNS) the model leaves unmarked is an occurrence, TimeML's class for
# what happens or holds that is not a report, an intention, a perception, an aspect or a state.
EVENT_NOUN_CLASS: Final = "OCCURRENCE"
_COMMON_NOUNS: Final = frozenset({"NN", "NNS"})
_NOUN_TAGS: Final = frozenset({"NN", "NNS", "NNP", "NNPS"})
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


# Feature groups: training sums them all (`features`); the scorer caches the rows of the groups a (word, tag)
# pair gives the token and its neighbours, so a token costs one cached entry and the handful of pair features.


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
    """Features joining the token at padded index j with a neighbour, in the order training has always seen them
    (its float sums follow it)."""
    words = word_pair_features(lowers, tags, lemmas, j)
    return [*words[:2], *tag_pair_features(tags[j - 2], tags[j - 1], tags[j], tags[j + 1]), *words[2:]]


def word_pair_features(lowers: Sequence[str], tags: Sequence[str], lemmas: Sequence[str], j: int) -> list[str]:
    """The pair features on words or lemmas."""
    return [
        "w-1w=" + lowers[j - 1] + " " + lowers[j],
        "ww+1=" + lowers[j] + " " + lowers[j + 1],
        "l-1t=" + lemmas[j - 1] + " " + tags[j],
        "t-1l=" + tags[j - 1] + " " + lemmas[j],
    ]


def tag_pair_features(before2: str, before: str, tag: str, after: str) -> list[str]:
    """The pair features on the tags of the token and those around it only."""
    return ["t-1t=" + before + " " + tag, "tt+1=" + tag + " " + after, "t-2t-1t=" + before2 + " " + before + " " + tag]


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


class _Token(NamedTuple):
    """What the labeller reads of a (word, tag) pair wherever it stands: whether it can be an event, its lower
    case and lemma, and the rows (`Compact.rows`) of its own features and of those it gives each neighbour."""

    candidate: bool
    lower: str
    lemma: str
    own: array[int]
    far_left: array[int]  # as the word two before the token
    left: array[int]
    right: array[int]
    far_right: array[int]


class Labeller:
    """A trained model and the caches that make it fast; `features` and the model decide every label. No
    feature depends on the labels before, so a sentence is scored at once: each candidate token's features
    become the model's rows (those of each (word, tag) pair cached) and one numpy pass sums and compares them."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self._compact = model.compact()
        self._tokens: _Cache[tuple[str, str], _Token] = _Cache(
            lambda key: self._token(*key, pos.lemma(*key).lower())
        )
        self._pad = [self._token(_PAD, _PAD, _PAD)] * 2
        self._first = self._compact.rows(["first"])[0]
        self._tag_pairs: _Cache[tuple[str, str, str, str], array[int]] = _Cache(
            lambda key: self._compact.rows(tag_pair_features(*key))
        )

    def _token(self, word: str, tag: str, lemma: str) -> _Token:
        lower = word.lower()
        rows = self._compact.rows
        return _Token(
            is_candidate(word),
            lower,
            lemma,
            rows(own_features(word, tag, lemma)),
            *(rows(neighbour_features(offset, lower, tag, lemma)) for offset in _OFFSETS),
        )

    def label(self, words: Sequence[str], tags: Sequence[str]) -> list[str]:
        """One label per token of a sentence: O or a TimeML class."""
        # Padded like `padded`: token i is at i + 2.
        tokens = [*self._pad, *map(self._tokens.__getitem__, zip(words, tags, strict=True)), *self._pad]
        lowers = [token.lower for token in tokens]
        padded_tags = [_PAD, _PAD, *tags, _PAD, _PAD]
        lemmas = [token.lemma for token in tokens]
        rows, absent, first = self._compact.rows, self._compact.absent, self._first
        tag_pairs = self._tag_pairs
        found: array[int] = array("q")
        candidates: list[int] = []
        for i in range(len(words)):
            j = i + 2
            token = tokens[j]
            if not token.candidate:
                continue
            found += token.own
            found += tokens[j - 2].far_left
            found += tokens[j - 1].left
            found += tokens[j + 1].right
            found += tokens[j + 2].far_right
            # The pair features: those on tags only recur (cached by the four tags), the others are looked up.
            found += tag_pairs[padded_tags[j - 2], padded_tags[j - 1], padded_tags[j], padded_tags[j + 1]]
            found += rows(word_pair_features(lowers, padded_tags, lemmas, j))
            # Every token takes the same room (`Compact.sums`): an absent feature stands in for "first".
            found.append(first if i == 0 else absent)
            candidates.append(i)
        labels = [OUTSIDE] * len(words)
        if candidates:
            classes = self.model.classes
            # argmax picks the first best class, as Perceptron.predict does.
            best: list[int] = self._compact.sums(found, len(candidates)).argmax(axis=1).tolist()
            for i, chosen in zip(candidates, best, strict=True):
                labels[i] = classes[chosen]
        for i, lemma in enumerate(lemmas[2:-2]):
            if labels[i] == OUTSIDE and lemma in EVENT_NOUNS and _heads_its_phrase(tags, i):
                labels[i] = EVENT_NOUN_CLASS
        return labels


def _heads_its_phrase(tags: Sequence[str], i: int) -> bool:
    """Whether token i is a common noun that does not modify a noun after it ("the war", not "war crimes")."""
    return tags[i] in _COMMON_NOUNS and (i + 1 == len(tags) or tags[i + 1] not in _NOUN_TAGS)


@lru_cache(maxsize=1)
def shipped_model() -> Compact:
    """The weights shipped in the package (loaded once), with what training saved beside them (`meta`)."""
    return load(MODEL_FILE)


@lru_cache(maxsize=1)
def _shipped() -> Labeller:
    return Labeller(shipped_model())


# A model standing in for the shipped one while scoring cross-validation folds (`labelling_with`).
_standing_in: list[Labeller] = []


def _labeller() -> Labeller:
    return _standing_in[-1] if _standing_in else _shipped()


@contextmanager
def labelling_with(model: Model) -> Iterator[None]:
    """Within the block, every mention found in this process is labelled by `model`, not the shipped weights:
    how a fold's documents are scored by a model that never learned from them."""
    _standing_in.append(Labeller(model))
    try:
        yield
    finally:
        _standing_in.pop()


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
