"""Part-of-speech tags and lemmas: Penn Treebank tags (the XPOS column of the UD English Web Treebank, which
tells VBD from VBN and MD from VB, so later stages can read tense), universal tags, and lemmas.

The tagger is a greedy averaged perceptron after Honnibal's "A good part-of-speech tagger in about 200 lines of
Python" (2013): features of the word (its form, suffixes, prefixes, shape), of the two words either side and of
the two tags it predicted before; frequent words that almost always take one tag are looked up in a tag
dictionary instead of scored. `chronology.language.train_pos` trains it; the weights ship in data/pos.bin.gz.

Speed: the features are grouped by what they depend on. Those that do not depend on the predicted tags (the
word's own and those it gives its neighbours) are looked up once per word (cached, with its tag dictionary entry)
and summed for the whole sentence in one numpy pass; per token only the summed weights of the tag history
and of the tag-word pair are added (cached by the tags, and by the tag and word).
"""

from __future__ import annotations

import functools
from array import array
from collections.abc import Callable, Hashable, Mapping, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Final, NamedTuple, TypeVar

import lemminflect
import numpy as np
import numpy.typing as npt

from chronology.language.perceptron import Model, load

MODEL_FILE: Final = "pos.bin.gz"
# The universal tagger's weights, with its dictionary in their meta.
UPOS_FILE: Final = "upos.bin.gz"

# Padding around a sentence, as the neighbours' and previous tags' features see it.
START: Final = ("-START-", "-START2-")
END: Final = ("-END-", "-END2-")

_Key = TypeVar("_Key", bound=Hashable)
_Value = TypeVar("_Value")

# The most entries a scoring cache keeps before it starts afresh: bounds memory over a large archive's
# vocabulary while the frequent words, seen again within the next sentences, come straight back in.
_CACHE_SIZE: Final = 100_000

# A sentence holding none of these has no finite verb. A headline's verb follows a name or a pronoun ("Apple
# releases", "Bush shakes hands"); after a common noun a plural noun is far more often a compound's head
# ("pool covers", "peat bogs"), which the treebank's fragments show.
_FINITE: Final = frozenset({"VBD", "VBP", "VBZ", "MD"})
_NAMES: Final = frozenset({"NNP", "NNPS", "PRP"})
_SUBJECT_TAGS: Final = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP"})
_PAST_FORMS: Final = frozenset({"VBD", "VBN"})
# An attribution tail is short: ", the national seismology office said."
_TAIL_WORDS = 8


def normalize(word: str) -> str:
    """The form the word and neighbour features see: lower case, a curly apostrophe straight, and every number
    one of two forms (the digits say little about the tag; the shape feature keeps their pattern)."""
    if word[:1].isdigit():
        return "!YEAR" if len(word) == 4 and word.isdigit() else "!DIGITS"
    return word.lower().replace("’", "'")


def shape(word: str) -> str:
    """Letters as X/x, digits as d, other characters as they are, runs of a kind cut at two: "McCain" -> "XxXx",
    "U.S." -> "X.X.", "2,000" -> "d,dd"."""
    out: list[str] = []
    last = ""
    run = 0
    for char in word:
        kind = "X" if char.isupper() else "x" if char.isalpha() else "d" if char.isdigit() else char
        run = run + 1 if kind == last else 1
        last = kind
        if run <= 2:
            out.append(kind)
    return "".join(out)


def _main_clause_end(words: Sequence[str], tags: Sequence[str]) -> int:
    """Where a sentence's main clause ends: before its attribution tail (", the national office said.", ", said
    the minister." -- a comma, then at most `_TAIL_WORDS` words holding a finite verb, then the full stop), or at
    the end."""
    if len(words) < 4 or words[-1] != ".":
        return len(words)
    comma = next((i for i in range(len(words) - 2, max(0, len(words) - 2 - _TAIL_WORDS), -1) if words[i] == ","), None)
    return len(words) if comma is None or _FINITE.isdisjoint(tags[comma + 1 : -1]) else comma


def _present_form(norm: str) -> bool:
    return norm.endswith("s") and bool(lemminflect.getAllLemmas(norm, "VERB"))


def _past_form(norm: str) -> bool:
    return norm.endswith("ed") and bool(lemminflect.getAllLemmas(norm, "VERB"))


def _camel_case(word: str) -> bool:
    """Whether the word starts in lower case and has a capital after a small letter: a product or brand name
    ("iPhone", "iOS", "eBay"); letters and digits only, so a web address is not one. Every such word in the
    treebank is a noun, yet the tagger, seeing a lower-case start and an unknown word, reads some as verbs,
    which hides a headline's real verb. They are tagged NN: the treebank has them as NNP and NN, and the parser
    reads "its new iPhone" as the object of the verb before it only as NN."""
    return word[:1].islower() and word.isalnum() and any(a.islower() and b.isupper() for a, b in pairwise(word))


# Feature groups. Training sums them all (`features`); the tagger caches each group's sum by its key.


def word_features(word: str) -> list[str]:
    """The token's own features: what decides the tag of a word seen in training, and guesses an unseen one."""
    lower = word.lower()
    return [
        "bias",
        "w " + normalize(word),
        "s1 " + lower[-1:],
        "s2 " + lower[-2:],
        "s3 " + lower[-3:],
        "s4 " + lower[-4:],
        "p1 " + word[:1],
        "p2 " + lower[:2],
        "p3 " + lower[:3],
        "sh " + shape(word),
    ]


def left_features(norm: str) -> list[str]:
    return ["-1w " + norm, "-1s " + norm[-3:]]


def left2_features(norm: str) -> list[str]:
    return ["-2w " + norm]


# The right neighbours' tags are not predicted yet when a token is tagged; the tags each was seen with in
# training (its ambiguity class, "VB|VBP") stand in for them: "to" before a verb is TO, before a noun IN.
def right_features(norm: str, lexicon: Mapping[str, str]) -> list[str]:
    return ["+1w " + norm, "+1s " + norm[-3:], "+1a " + lexicon.get(norm, "?")]


def right2_features(norm: str, lexicon: Mapping[str, str]) -> list[str]:
    return ["+2w " + norm, "+2a " + lexicon.get(norm, "?")]


def history_features(prev: str, prev2: str) -> list[str]:
    return ["t " + prev, "tt " + prev2, "t2 " + prev + " " + prev2]


def tag_word_features(prev: str, norm: str) -> list[str]:
    return ["tw " + prev + " " + norm]


def context(words: Sequence[str]) -> list[str]:
    """The normalized words padded with START and END: token i's neighbours are at i, i + 1, i + 3, i + 4."""
    return [*START, *map(normalize, words), *END]


def static_features(words: Sequence[str], ctx: Sequence[str], i: int, lexicon: Mapping[str, str]) -> list[str]:
    """The features of token i of `words` (ctx = context(words)) that do not depend on the predicted tags;
    `lexicon` gives the ambiguity class of a normalized word."""
    return [
        *word_features(words[i]),
        *left_features(ctx[i + 1]),
        *left2_features(ctx[i]),
        *right_features(ctx[i + 3], lexicon),
        *right2_features(ctx[i + 4], lexicon),
    ]


def features(
    words: Sequence[str], ctx: Sequence[str], i: int, prev: str, prev2: str, lexicon: Mapping[str, str]
) -> list[str]:
    """All features of token i after the tags prev2, prev."""
    return (
        static_features(words, ctx, i, lexicon)
        + history_features(prev, prev2)
        + tag_word_features(prev, ctx[i + 2])
    )


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


class _Word(NamedTuple):
    """What the tagger reads of a word wherever it stands: its tag if the tag dictionary decides it, its
    normalized form, and the rows (`Compact.rows`) of its own features and of those it gives a neighbour."""

    tag: str | None
    norm: str
    own: array[int]
    left: array[int]  # as the word before the token
    left2: array[int]  # two before
    right: array[int]  # after
    right2: array[int]  # two after
    allowed: npt.NDArray[np.intp] | None  # the classes it may take (`Tagger._allowed`), None for any


class Tagger:
    """A trained tagger: the perceptron's weights, the tag dictionary of unambiguous frequent words and the
    lexicon of ambiguity classes, the last two saved in the model's meta."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.classes = model.classes
        tagdict, lexicon = model.meta["tagdict"], model.meta["lexicon"]
        assert isinstance(tagdict, dict) and isinstance(lexicon, dict)
        self.tagdict: dict[str, str] = tagdict
        self.lexicon: dict[str, str] = lexicon
        self._compact = compact = model.compact()
        self._words: _Cache[str, _Word] = _Cache(lambda word: self._word(word, normalize(word)))
        self._not_nouns = np.array([i for i, tag in enumerate(self.classes) if not tag.startswith("NN")], dtype=np.intp)
        self._start = [self._word("", norm) for norm in START]
        self._end = [self._word("", norm) for norm in END]
        # The groups on the tags before, added per token as numpy rows; most tag-word pairs have no weights (None).
        self._history: _Cache[tuple[str, str], npt.NDArray[np.int64]] = _Cache(
            lambda tags: compact.sums(compact.rows(history_features(*tags)), 1)[0]
        )
        self._tag_word: _Cache[tuple[str, str], npt.NDArray[np.int64] | None] = _Cache(self._pair_row)

    def _pair_row(self, key: tuple[str, str]) -> npt.NDArray[np.int64] | None:
        rows = self._compact.rows(tag_word_features(*key))
        return self._compact.sums(rows, 1)[0] if any(row != self._compact.absent for row in rows) else None

    def _word(self, word: str, norm: str) -> _Word:
        rows, lexicon = self._compact.rows, self.lexicon
        return _Word(
            self.tagdict.get(word) or ("NN" if _camel_case(word) else None),
            norm,
            rows(word_features(word)),
            rows(left_features(norm)),
            rows(left2_features(norm)),
            rows(right_features(norm, lexicon)),
            rows(right2_features(norm, lexicon)),
            self._allowed(norm),
        )

    def _allowed(self, norm: str) -> npt.NDArray[np.intp] | None:
        """The classes a word may take, when training saw it only as a past tense or participle ("struck",
        "arrested"): any but a noun. Context features alone would read "The earthquake struck at 9:58" as a compound
        noun. A base form seen only as a verb is left free: it is a noun too often ("medical leave", "a quick
        check"). On EWT the constraint changes few tokens (see benchmarks/pos_results.md)."""
        seen = self.lexicon.get(norm)
        if seen is None or not set(seen.split("|")) <= _PAST_FORMS:
            return None
        return self._not_nouns

    def tag(self, words: Sequence[str]) -> list[str]:
        """The Penn Treebank tag of each word of one sentence. A sentence read with no finite verb at all is read
        again with the word that must be its verb (`_finite_verb`) taken as one."""
        # Padded like `context`: token i is at i + 2.
        padded = [*self._start, *map(self._words.__getitem__, words), *self._end]
        static = self._static(padded)
        tags = self._decode(padded, static)
        verb = self._finite_verb(words, tags)
        return tags if verb is None else self._decode(padded, static, verb)

    def _decode(
        self, padded: Sequence[_Word], static: npt.NDArray[np.int64], verb: tuple[int, str] | None = None
    ) -> list[str]:
        """Greedy tagging left to right; `verb`, when given, is a token index and the tag it must take, the
        tags after it following from it."""
        classes = self.classes
        history, tag_word = self._history, self._tag_word
        rows = iter(static)
        prev, prev2 = START
        tags: list[str] = []
        for i in range(len(padded) - 4):
            word = padded[i + 2]
            guess = word.tag
            if guess is None:
                scores = next(rows) + history[prev, prev2]
                pair = tag_word[prev, word.norm]
                if pair is not None:
                    scores += pair
                # argmax picks the first best class, as Perceptron.predict does.
                allowed = word.allowed
                guess = classes[scores.argmax() if allowed is None else allowed[scores[allowed].argmax()]]
            if verb is not None and i == verb[0]:
                guess = verb[1]
            tags.append(guess)
            prev2, prev = prev, guess
        return tags

    def _finite_verb(self, words: Sequence[str], tags: Sequence[str]) -> tuple[int, str] | None:
        """The verb of a sentence the tagger read with no finite verb, and its tag:
        - a headline's verb read as a plural noun ("Apple releases Macbook", "Steve Jobs resigns"): the first
          plural noun after a name or pronoun that can be a present-tense verb (the training text saw it as VBZ,
          or, unseen there, it is the form of a known verb). Headlinese drops the articles and auxiliaries that
          tell the tagger a verb comes, and the web text it learned from has few headlines;
        - a past tense read as a participle in a full sentence (one ending in a full stop), after a noun
          ("Jobs resigned in a letter."): the first such participle the training text saw as VBD. A sentence
          whose only finite verb is in its attribution tail ("The earthquake struck at 9:58, the office said.")
          has none in its main clause, which is read the same way. A headline keeps its participles ("Apple
          swamped by pre-orders" is a passive)."""
        if len(words) < 3:
            return None
        main = _main_clause_end(words, tags)
        if not _FINITE.isdisjoint(tags[:main]):
            return None
        if main == len(words):
            for i in range(1, len(words)):
                if tags[i] == "NNS" and tags[i - 1] in _NAMES and self._seen_as(words[i], "VBZ", _present_form):
                    return i, "VBZ"
        if words[-1] != ".":
            return None
        for i in range(1, main):
            if tags[i] == "VBN" and tags[i - 1] in _SUBJECT_TAGS and self._seen_as(words[i], "VBD", _past_form):
                return i, "VBD"
        return None

    def _seen_as(self, word: str, tag: str, unseen: Callable[[str], bool]) -> bool:
        """Whether the word took `tag` in training, or, for a word training never saw, `unseen` says it can."""
        norm = normalize(word)
        seen = self.lexicon.get(norm)
        return tag in seen.split("|") if seen is not None else unseen(norm)

    def _static(self, padded: Sequence[_Word]) -> npt.NDArray[np.int64]:
        """The summed features that do not depend on the tags before, of each token the tag dictionary does not
        decide, in order, in one numpy pass."""
        rows: array[int] = array("q")
        count = 0
        for i in range(len(padded) - 4):
            word = padded[i + 2]
            if word.tag is None:
                rows += word.own
                rows += padded[i + 1].left
                rows += padded[i].left2
                rows += padded[i + 3].right
                rows += padded[i + 4].right2
                count += 1
        return self._compact.sums(rows, count)


def upos_features(words: Sequence[str], ctx: Sequence[str], tags: Sequence[str], i: int) -> list[str]:
    """The features deciding token i's universal tag; `tags` are the Penn tags padded like ctx. The Penn tag
    mostly decides it; the words and tags around tell AUX from VERB ("has gone" / "has a car"), SCONJ from ADP
    ("after he left" / "after the war"), PRON from DET ("that is" / "that car")."""
    norm, xpos, after = ctx[i + 2], tags[i + 2], tags[i + 3]
    return [
        "bias",
        "W " + words[i],
        "x " + xpos,
        "xw " + xpos + " " + norm,
        "xs " + xpos + " " + norm[-3:],
        "x-1 " + tags[i + 1],
        "x+1 " + after,
        "x+2 " + tags[i + 4],
        "xx+1 " + xpos + " " + after,
        "wx-1 " + norm + " " + tags[i + 1],
        "wx+1 " + norm + " " + after,
        "wx+2 " + norm + " " + tags[i + 4],
        "w-1 " + ctx[i + 1],
        "w+1 " + ctx[i + 3],
    ]


class UposTagger:
    """Universal tags from the Penn tags: a dictionary of the (Penn tag, word) pairs that always took one
    universal tag in training, and a perceptron over `upos_features` for the others."""

    def __init__(self, model: Model, dictionary: dict[str, str]) -> None:
        self.model = model
        self.dictionary = dictionary

    def tag(self, words: Sequence[str], xpos: Sequence[str]) -> list[str]:
        ctx = context(words)
        tags = [*START, *xpos, *END]
        lookup = self.dictionary.get
        scores = self.model.scores
        classes = self.model.classes
        out: list[str] = []
        for i, xtag in enumerate(xpos):
            guess = lookup(xtag + " " + ctx[i + 2])
            if guess is None:
                # Perceptron.predict's choice (the first best class), without its slower max over a key.
                totals = scores(upos_features(words, ctx, tags, i))
                guess = classes[totals.index(max(totals))]
            out.append(guess)
        return out

    def save(self, path: Path) -> None:
        """Writes the weights with the dictionary beside them, as `_upos_tagger` reads them."""
        self.model.save(path, {"dictionary": self.dictionary})


@functools.cache
def _tagger() -> Tagger:
    return Tagger(load(MODEL_FILE))


@functools.cache
def _upos_tagger() -> UposTagger:
    model = load(UPOS_FILE)
    dictionary = model.meta["dictionary"]
    assert isinstance(dictionary, dict)
    return UposTagger(model, dictionary)


def tag(words: Sequence[str]) -> list[str]:
    """The Penn Treebank tag (VBD, VBN, MD, NNP, ...) of each word of one sentence, words split as
    `chronology.language.tokens.tokenize` splits them."""
    return _tagger().tag(words)


def upos(words: Sequence[str], xpos: Sequence[str]) -> list[str]:
    """The universal tag (VERB, AUX, PROPN, ...) of each word of one sentence, given its Penn tags from `tag`."""
    return _upos_tagger().tag(words, xpos)


# Lemmas. lemminflect knows the inflections of open-class words given the tag ("struck" VBD -> "strike",
# "left" VBD -> "leave" but JJ -> "left"); closed-class forms follow the treebank's conventions, listed here.
_OPEN_CLASS: Final = {
    "NNS": "NOUN", "NNPS": "PROPN", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBZ": "VERB", "VBP": "VERB",
    "JJR": "ADJ", "JJS": "ADJ", "RBR": "ADV", "RBS": "ADV",
}
_CLOSED_CLASS: Final = {
    "i": "I", "me": "I", "us": "we", "him": "he", "them": "they", "'em": "they",
    "these": "this", "those": "that", "an": "a",
    "n't": "not", "nt": "not", "'re": "be", "'m": "be", "'ve": "have", "'ll": "will", "wo": "will", "ca": "can",
    "sha": "shall",
}
# Tag-dependent forms: "her" is "she" as an object and "her" as a possessive; "'s" is "be" or "'s".
_CLOSED_CLASS_BY_TAG: Final = {
    ("her", "PRP"): "she", ("'s", "VBZ"): "be", ("s", "VBZ"): "be", ("'s", "PRP"): "us",
    ("'d", "MD"): "would", ("'d", "VBD"): "have",
}
# Comparatives and superlatives the treebank keeps as their own lemma ("more", not "much").
_OWN_LEMMA: Final = frozenset({"more", "most", "less", "least", "further", "furthest"})


@functools.lru_cache(maxsize=65_536)
def lemma(word: str, xpos: str) -> str:
    """The dictionary form of `word` tagged `xpos`: "struck" VBD -> "strike", "companies" NNS -> "company",
    "'s" VBZ -> "be". Proper nouns keep their case; other words are lower-cased."""
    if xpos == "NNP":
        return word
    lower = word.lower().replace("’", "'")
    fixed = _CLOSED_CLASS_BY_TAG.get((lower, xpos)) or _CLOSED_CLASS.get(lower)
    if fixed is not None:
        return fixed
    universal = _OPEN_CLASS.get(xpos)
    if universal is None or lower in _OWN_LEMMA:
        return lower
    # A proper noun keeps its case ("Americans" -> "American"); lemminflect returns the case it is given.
    form = word if universal == "PROPN" else lower
    found = lemminflect.getLemma(form, universal)
    return found[0] if found else form
