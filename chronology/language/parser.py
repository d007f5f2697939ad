"""A greedy labelled dependency parser: Universal Dependencies relations from words and Penn Treebank tags.

Arc-hybrid transitions (Kuhlmann et al. 2011) with the root at the end of the buffer, chosen one at a time by an
averaged perceptron, after Honnibal's "Parsing English in 500 lines of Python"; a second set of weights names the
relation of each arc as it is made, so later moves see the labels of the children already attached. The weights
are learned from the UD English Web Treebank (CC BY-SA 4.0, as are the weights) by
`python -m chronology.language.train_parser`. Relations are the universal ones, without subtypes: `nsubj` also
for `nsubj:pass`, `obl` also for `obl:unmarked` (a bare "Monday").

One perceptron holds both sets of weights: its classes are the three moves followed by the relations, and move
features and relation features never share a name, so each feature's weights belong to one decision.
"""

from __future__ import annotations

import struct
from collections.abc import Hashable, Sequence
from itertools import repeat
from typing import Final, TypeVar

import numpy as np
import numpy.typing as npt

from chronology.language.perceptron import Compact, Model, load

MOVES: Final = ("SHIFT", "LEFT", "RIGHT")
SHIFT: Final = 0
LEFT: Final = 1
RIGHT: Final = 2
MODEL_FILE: Final = "parser.bin.gz"

_Key = TypeVar("_Key", bound=Hashable)
_Score = TypeVar("_Score", complex, int)

# Digits become 0 so that numbers share weights by shape ("2024" and "1998" are both "0000").
_DIGITS: Final = str.maketrans("123456789", "000000000")


def normalise(word: str) -> str:
    return word.lower().translate(_DIGITS)


class Sentence:
    """A sentence as the parser sees it, with the arcs made so far.

    Index `n` (one past the last word) is the root, at the end of the buffer; index -1, the last slot, is an
    empty word standing for "no such word", so feature templates read W[-1] rather than testing for absence.
    Left children are kept nearest first, right children farthest last, as the transitions add them.
    """

    __slots__ = ("heads", "labels", "lefts", "n", "rights", "tags", "words", "wordtags")

    def __init__(self, words: Sequence[str], tags: Sequence[str]) -> None:
        self.n = n = len(words)
        self.words = [normalise(word) for word in words] + ["<root>", ""]
        self.tags = [*tags, "ROOT", ""]
        self.wordtags = [f"{word}/{tag}" for word, tag in zip(self.words, self.tags, strict=True)]
        self.heads = [-1] * (n + 2)
        self.labels = [""] * (n + 2)
        self.lefts: list[list[int]] = [[] for _ in range(n + 2)]
        self.rights: list[list[int]] = [[] for _ in range(n + 2)]

    def attach(self, child: int, head: int, label: str) -> None:
        self.heads[child] = head
        self.labels[child] = label
        if child < head:
            self.lefts[head].append(child)
        else:
            self.rights[head].append(child)


# The move features, in the order move_features() gives their values; a feature's name in the perceptron is
# "<template> <value>" (see `named`), while the parser looks each value up in its template's own table.
MOVE_TEMPLATES: Final = (
    *("bias", "s0t", "s0wt", "s1t", "b0w", "b0t", "b1w", "b1t", "b1wt", "b2t"),
    *("s0wt.b0wt", "s0wt.b0t", "s0t.b0t", "b0t.b1t", "s1t.s0wt", "s1wt.s0t"),
    *("b0t.b1t.b2t", "s0t.b0t.b1t", "s1t.s0t.b0t", "s2t.s1t.s0t", "s1t.s0t.b0w"),
    *("s0t.s0lt.b0t", "s0t.s0rt.b0t", "s0t.b0t.b0lt", "s1t.s1rt.s0t", "s1t.s0t.s0lt"),
    *("s0t.d", "b0t.d", "s0t.b0t.d", "s1t.s0t.d1"),
    *("s0w.vr", "s0t.vl", "b0w.vl", "b0t.vl"),
    *("s0lw", "s0lt", "s0ll", "s0rl", "b0lw", "b0lt", "b0ll", "s1rl"),
    *("b0t.b0ll.b0l2l", "s0t.s0lt.s0l2t", "b0t.b0lt.b0l2t"),
    *("s1w.b0lw", "s0t.b0lw", "s1t.s0t.b0ll"),
)


def move_features(sentence: Sentence, stack: list[int], b: int) -> list[str]:
    """What the choice of the next move looks at: the top three stack words, the next three buffer words, the
    outermost children of s0 and b0 (with their relations), valencies and distances. Templates that added
    little to accuracy on the development set when left out were dropped: every one costs a lookup. Moves are
    only chosen, and so this only asked, while the stack holds a word and the buffer one besides the root."""
    W = sentence.words
    T = sentence.tags
    WT = sentence.wordtags
    L = sentence.labels
    lefts = sentence.lefts
    rights = sentence.rights
    depth = len(stack)
    s0 = stack[-1]
    s1 = stack[-2] if depth > 1 else -1
    s2 = stack[-3] if depth > 2 else -1
    b1 = b + 1
    b2 = b + 2 if b + 1 < sentence.n else -1
    s0lefts = lefts[s0]
    b0lefts = lefts[b]
    s0l = s0lefts[-1] if s0lefts else -1
    s0l2 = s0lefts[-2] if len(s0lefts) > 1 else -1
    s0r = rights[s0][-1] if rights[s0] else -1
    b0l = b0lefts[-1] if b0lefts else -1
    b0l2 = b0lefts[-2] if len(b0lefts) > 1 else -1
    s1r = rights[s1][-1] if rights[s1] else -1
    ts0 = T[s0]
    wts0 = WT[s0]
    ts1 = T[s1]
    wb0 = W[b]
    tb0 = T[b]
    tb1 = T[b1]
    tb2 = T[b2]
    ts0l = T[s0l]
    tb0l = T[b0l]
    distance = str(min(b - s0, 5))
    vb = str(len(b0lefts))
    return [
        *("-", ts0, wts0, ts1, wb0, tb0, W[b1], tb1, WT[b1], tb2),
        f"{wts0} {WT[b]}",
        f"{wts0} {tb0}",
        f"{ts0} {tb0}",
        f"{tb0} {tb1}",
        f"{ts1} {wts0}",
        f"{WT[s1]} {ts0}",
        f"{tb0} {tb1} {tb2}",
        f"{ts0} {tb0} {tb1}",
        f"{ts1} {ts0} {tb0}",
        f"{T[s2]} {ts1} {ts0}",
        f"{ts1} {ts0} {wb0}",
        f"{ts0} {ts0l} {tb0}",
        f"{ts0} {T[s0r]} {tb0}",
        f"{ts0} {tb0} {tb0l}",
        f"{ts1} {T[s1r]} {ts0}",
        f"{ts1} {ts0} {ts0l}",
        f"{ts0} {distance}",
        f"{tb0} {distance}",
        f"{ts0} {tb0} {distance}",
        f"{ts1} {ts0} {min(s0 - s1, 5) if depth > 1 else 0}",
        f"{W[s0]} {len(rights[s0])}",
        f"{ts0} {len(s0lefts)}",
        f"{wb0} {vb}",
        f"{tb0} {vb}",
        *(W[s0l], ts0l, L[s0l], L[s0r], W[b0l], tb0l, L[b0l], L[s1r]),
        f"{tb0} {L[b0l]} {L[b0l2]}",
        f"{ts0} {ts0l} {T[s0l2]}",
        f"{tb0} {tb0l} {T[b0l2]}",
        # Whether b0 opens a clause ("that" ... reopen) that belongs to s1 ("said") rather than to s0 ("Monday").
        f"{W[s1]} {W[b0l]}",
        f"{ts0} {W[b0l]}",
        f"{ts1} {ts0} {L[b0l]}",
    ]


LABEL_TEMPLATES: Final = (
    *("Lbias", "Lc", "Lct", "Lh", "Lht", "Lct.ht.dir", "Lct.ht.d", "Lct.h.dir"),
    *("Lct.ht.ht+1", "Lct.ct-1.ht", "Lct.ct+1.ht", "Lct.fw.ht", "Lct.f2w.ht", "Lct.fw.f2w", "Lct.lt.ht"),
    *("Lct.sl.ht.dir", "Lc.sl", "Lct.kids.ht"),
)


def label_features(sentence: Sentence, child: int, head: int) -> list[str]:
    """What naming the arc head -> child looks at: both words, the direction and distance, the relations of the
    child's own children (all attached by now: arc-hybrid pops a word only once it is complete), the nearest
    child of the head on the same side, and the function words first below the child ("on" Monday)."""
    W = sentence.words
    T = sentence.tags
    WT = sentence.wordtags
    L = sentence.labels
    wtc = WT[child]
    tc = T[child]
    th = T[head]
    direction = "<" if child < head else ">"
    lefts = sentence.lefts[child]
    first = lefts[-1] if lefts else -1
    second = lefts[-2] if len(lefts) > 1 else -1
    rights = sentence.rights[child]
    last = rights[-1] if rights else -1
    siblings = sentence.lefts[head] if child < head else sentence.rights[head]
    sibling = L[siblings[-1]] if siblings else ""
    kids = " ".join([L[kid] for kid in reversed(lefts)] + [L[kid] for kid in rights])
    return [
        *("-", wtc, tc, WT[head], th),
        f"{tc} {th} {direction}",
        f"{tc} {th} {direction}{min(abs(head - child), 6)}",
        f"{tc} {W[head]} {direction}",
        f"{tc} {th} {T[head + 1]}",
        f"{tc} {T[child - 1]} {th}",
        f"{tc} {T[child + 1]} {th}",
        f"{tc} {W[first]} {L[first]} {th}",
        f"{tc} {W[second]} {L[second]} {th}",
        f"{tc} {W[first]} {W[second]}",
        f"{tc} {T[last]} {L[last]} {th}",
        f"{tc} {sibling} {th} {direction}",
        f"{wtc} {sibling}",
        f"{tc} {kids} {th}",
    ]


def named(templates: Sequence[str], values: Sequence[str]) -> list[str]:
    """The perceptron's names of the features whose values are `values`."""
    return [f"{template} {value}" for template, value in zip(templates, values, strict=True)]


# What stays fixed while a word is at the front of the buffer: the summed scores of _FRONT_TAGS and _FRONT_WORDS,
# then the word, its tag and word/tag, and "<its tag> <the next word's tag>", parts of the features built at every
# decision.
_Front = tuple[complex, str, str, str, str]
# While a word is on top of the stack (its left children are final): the summed scores of _TOP_TAGS and _TOP_WORDS,
# then the word, its tag and word/tag, and "<its tag> <its leftmost child's tag>".
_Top = tuple[complex, str, str, str, str]
# While a word is on the stack above the same words (the word beneath gets a right child only when the one above
# it leaves): the summed scores of _STACKED, then the word beneath and "<its tag> <the top word's tag>".
_Stacked = tuple[complex, str, str]


class _Parse(Sentence):
    """A sentence being parsed: the stack, and what stays fixed while a word is at the front of the buffer
    (`fronts`), on top of the stack (`tops`) or on the stack above the same words (`stacked`, one per stack
    entry), each computed when first needed."""

    __slots__ = ("fronts", "stack", "stacked", "tops")

    def __init__(self, words: Sequence[str], tags: Sequence[str]) -> None:
        super().__init__(words, tags)
        self.stack: list[int] = []
        self.stacked: list[_Stacked | None] = []
        self.fronts: list[_Front | None] = [None] * (self.n + 2)
        self.tops: list[_Top | None] = [None] * (self.n + 2)

    def push(self, word: int) -> None:
        self.stack.append(word)
        self.stacked.append(None)

    def pop(self) -> int:
        self.stacked.pop()
        return self.stack.pop()


# The move templates by what they read; together they are MOVE_TEMPLATES. Those on tags, relations and small counts
# only are summed once per combination of them (a memo: on news text a few thousand combinations come back again
# and again), those fixed while the same words are at the front of the buffer or on the stack once per word.
_FRONT_TAGS: Final = ("bias", "b0t", "b1t", "b2t", "b0t.b1t", "b0t.b1t.b2t")
_FRONT_WORDS: Final = ("b0w", "b1w", "b1wt")
_TOP_TAGS: Final = ("s0t", "s0t.vl", "s0lt", "s0ll", "s0t.s0lt.s0l2t")
_TOP_WORDS: Final = ("s0wt", "s0lw")
_STACKED: Final = (
    *("s1t", "s1t.s0wt", "s1wt.s0t", "s2t.s1t.s0t", "s1t.s0t.d1", "s1t.s0t.s0lt", "s1t.s1rt.s0t", "s1rl"),
)
_ARC: Final = ("s0t.b0t", "s0t.d", "b0t.d", "s0t.b0t.d")
_B0_CHILDREN: Final = ("b0t.vl", "b0lt", "b0ll", "b0t.b0ll.b0l2l", "b0t.b0lt.b0l2t")
_S0_RIGHT: Final = ("s0t.s0rt.b0t", "s0rl")
# Looked up at every decision.
_DYNAMIC: Final = (
    *("s0wt.b0wt", "s0wt.b0t", "s0t.b0t.b1t", "s1t.s0t.b0t", "s1t.s0t.b0w", "s0t.s0lt.b0t", "s0t.b0t.b0lt"),
    *("s0w.vr", "b0w.vl", "b0lw", "s1w.b0lw", "s0t.b0lw", "s1t.s0t.b0ll"),
)
MOVE_GROUPS: Final = (
    _FRONT_TAGS, _FRONT_WORDS, _TOP_TAGS, _TOP_WORDS, _STACKED, _ARC, _B0_CHILDREN, _S0_RIGHT, _DYNAMIC,
)  # fmt: skip
# The label templates likewise: those on the tags, the direction, the distance and the nearest sibling's relation
# are summed once per combination, the others at every arc.
_LABEL_TAGS: Final = ("Lbias", "Lct", "Lht", "Lct.ht.dir", "Lct.ht.d", "Lct.sl.ht.dir")
_LABEL_REST: Final = (
    *("Lc", "Lh", "Lct.h.dir", "Lct.ht.ht+1", "Lct.ct-1.ht", "Lct.ct+1.ht", "Lct.fw.ht", "Lct.f2w.ht"),
    *("Lct.fw.f2w", "Lct.lt.ht", "Lc.sl", "Lct.kids.ht"),
)
LABEL_GROUPS: Final = (_LABEL_TAGS, _LABEL_REST)

# The most entries a memo keeps before it starts afresh (a bound real text never nears).
_MEMO_SIZE: Final = 200_000


class Parser:
    """A trained model, compiled for speed. Each template gets its own table, which keeps the tables of the
    frequent tag templates small enough to stay in the processor's cache, and each feature's weights become one
    number, so scoring a list of features is one C-level sum instead of a Python loop over classes: for the
    relations an integer holding a fixed-width field per class, for the moves a complex number (see
    `_move_scores`).

    Each feature costs a string and a lookup, so the parser makes fewer than `move_features` and `label_features`
    list: features fixed while a word is at the front of the buffer or on the stack are summed once per word
    (`_Parse`), and those on tags, relations and small counts once per combination (MOVE_GROUPS, LABEL_GROUPS).
    Sums are of integers, exact in any order, so every move and label is the one the full lists give; those
    lists remain what training learns from and what the tests check the sums against."""

    def __init__(self, model: Model) -> None:
        compact = model.compact()
        self.relations = compact.classes[len(MOVES) :]
        # A feature's name is "<template> <value>"; each template's features are a run of the sorted names.
        runs = compact.runs(template + " " for template in (*MOVE_TEMPLATES, *LABEL_TEMPLATES))
        moves: dict[str, dict[str, complex]] = {}
        for template in MOVE_TEMPLATES:
            run, values = runs[template + " "]
            moves[template] = dict(zip(values, _move_scores(_weights(compact, run, 0, len(MOVES))), strict=True))
        labels: dict[str, dict[str, int]] = {}
        for template in LABEL_TEMPLATES:
            run, values = runs[template + " "]
            packed = _label_scores(_weights(compact, run, len(MOVES), len(self.relations)))
            labels[template] = dict(zip(values, packed, strict=True))
        self._unpack_labels = struct.Struct(f"<{len(self.relations)}I").unpack
        self._label_bytes = _FIELD_BYTES * len(self.relations)
        (
            self._front_tags, self._front_words, self._top_tags, self._top_words, self._stacked_tables, self._arc,
            self._b0_children, self._s0_right, self._dynamic,
        ) = (tuple(moves[template] for template in group) for group in MOVE_GROUPS)  # fmt: skip
        self._label_tags, self._label_rest = (tuple(labels[template] for template in group) for group in LABEL_GROUPS)
        self._front_memo: dict[tuple[str, ...], complex] = {}
        self._top_memo: dict[tuple[str | int, ...], complex] = {}
        self._arc_memo: dict[tuple[str | int, ...], complex] = {}
        self._b0_children_memo: dict[tuple[str | int, ...], complex] = {}
        self._s0_right_memo: dict[tuple[str, ...], complex] = {}
        self._label_memo: dict[tuple[str | int, ...], int] = {}

    @staticmethod
    def _remember(
        memo: dict[_Key, _Score], key: _Key, tables: Sequence[dict[str, _Score]], values: Sequence[str]
    ) -> _Score:
        """Sums the features (a value per table) into `memo` under `key`."""
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        total: _Score = sum(map(dict.get, tables, values, repeat(0)))
        memo[key] = total
        return total

    def _front(self, state: _Parse, b: int) -> _Front:
        W, T = state.words, state.tags
        b1 = b + 1
        tb0, tb1, tb2 = T[b], T[b1], T[b + 2 if b1 < state.n else -1]
        key = (tb0, tb1, tb2)
        tags = self._front_memo.get(key)
        if tags is None:
            values = ("-", tb0, tb1, tb2, f"{tb0} {tb1}", f"{tb0} {tb1} {tb2}")
            tags = self._remember(self._front_memo, key, self._front_tags, values)
        wb0 = W[b]
        words: complex = sum(map(dict.get, self._front_words, (wb0, W[b1], state.wordtags[b1]), repeat(0)))
        return tags + words, wb0, tb0, state.wordtags[b], f"{tb0} {tb1}"

    def _top(self, state: _Parse, s0: int) -> _Top:
        W, T, L = state.words, state.tags, state.labels
        lefts = state.lefts[s0]
        s0l = lefts[-1] if lefts else -1
        ts0, ts0l, ts0l2, ls0l, vl = T[s0], T[s0l], T[lefts[-2] if len(lefts) > 1 else -1], L[s0l], len(lefts)
        key = (ts0, ts0l, ts0l2, ls0l, vl)
        tags = self._top_memo.get(key)
        if tags is None:
            values = (ts0, f"{ts0} {vl}", ts0l, ls0l, f"{ts0} {ts0l} {ts0l2}")
            tags = self._remember(self._top_memo, key, self._top_tags, values)
        wts0 = state.wordtags[s0]
        words: complex = sum(map(dict.get, self._top_words, (wts0, W[s0l]), repeat(0)))
        return tags + words, W[s0], ts0, wts0, f"{ts0} {ts0l}"

    def _stacked(self, state: _Parse) -> _Stacked:
        T, WT = state.tags, state.wordtags
        stack = state.stack
        depth = len(stack)
        s0 = stack[-1]
        s1 = stack[-2] if depth > 1 else -1
        s1rights = state.rights[s1]
        s1r = s1rights[-1] if s1rights else -1
        s0lefts = state.lefts[s0]
        ts0, ts1 = T[s0], T[s1]
        values = (
            ts1,
            f"{ts1} {WT[s0]}",
            f"{WT[s1]} {ts0}",
            f"{T[stack[-3] if depth > 2 else -1]} {ts1} {ts0}",
            f"{ts1} {ts0} {(s0 - s1 if s0 - s1 < 5 else 5) if depth > 1 else 0}",
            f"{ts1} {ts0} {T[s0lefts[-1] if s0lefts else -1]}",
            f"{ts1} {T[s1r]} {ts0}",
            state.labels[s1r],
        )
        total: complex = sum(map(dict.get, self._stacked_tables, values, repeat(0)))
        return total, state.words[s1], f"{ts1} {ts0}"

    def _move_total(self, state: _Parse, b: int) -> complex:
        """The summed scores of `move_features(state, state.stack, b)`."""
        T, L = state.tags, state.labels
        s0 = state.stack[-1]
        front = state.fronts[b]
        if front is None:
            front = state.fronts[b] = self._front(state, b)
        top = state.tops[s0]
        if top is None:
            top = state.tops[s0] = self._top(state, s0)
        stacked = state.stacked[-1]
        if stacked is None:
            stacked = state.stacked[-1] = self._stacked(state)
        front_total, wb0, tb0, wtb0, tb0_tb1 = front
        top_total, ws0, ts0, wts0, ts0_ts0l = top
        stacked_total, ws1, ts1_ts0 = stacked
        distance = b - s0
        if distance > 5:
            distance = 5
        key: tuple[str | int, ...] = (ts0, tb0, distance)
        arc = self._arc_memo.get(key)
        if arc is None:
            arc = self._remember(self._arc_memo, key, self._arc, (
                f"{ts0} {tb0}", f"{ts0} {distance}", f"{tb0} {distance}", f"{ts0} {tb0} {distance}",
            ))  # fmt: skip
        b0lefts = state.lefts[b]
        vb = len(b0lefts)
        if vb:
            b0l = b0lefts[-1]
            b0l2 = b0lefts[-2] if vb > 1 else -1
            tb0l, tb0l2, lb0l, lb0l2 = T[b0l], T[b0l2], L[b0l], L[b0l2]
        else:
            b0l, tb0l, tb0l2, lb0l, lb0l2 = -1, "", "", "", ""
        key = (tb0, tb0l, tb0l2, lb0l, lb0l2, vb)
        children = self._b0_children_memo.get(key)
        if children is None:
            children = self._remember(self._b0_children_memo, key, self._b0_children, (
                f"{tb0} {vb}", tb0l, lb0l, f"{tb0} {lb0l} {lb0l2}", f"{tb0} {tb0l} {tb0l2}",
            ))  # fmt: skip
        s0rights = state.rights[s0]
        s0r = s0rights[-1] if s0rights else -1
        ts0r, ls0r = T[s0r], L[s0r]
        right_key = (ts0, ts0r, tb0, ls0r)
        right = self._s0_right_memo.get(right_key)
        if right is None:
            right = self._remember(self._s0_right_memo, right_key, self._s0_right, (f"{ts0} {ts0r} {tb0}", ls0r))
        wb0l = state.words[b0l]
        dynamic = (
            f"{wts0} {wtb0}",
            f"{wts0} {tb0}",
            f"{ts0} {tb0_tb1}",
            f"{ts1_ts0} {tb0}",
            f"{ts1_ts0} {wb0}",
            f"{ts0_ts0l} {tb0}",
            f"{ts0} {tb0} {tb0l}",
            f"{ws0} {len(s0rights)}",
            f"{wb0} {vb}",
            wb0l,
            f"{ws1} {wb0l}",
            f"{ts0} {wb0l}",
            f"{ts1_ts0} {lb0l}",
        )
        return (
            front_total + top_total + stacked_total + arc + children + right
            + sum(map(dict.get, self._dynamic, dynamic, repeat(0)))
        )  # fmt: skip

    def label(self, sentence: Sentence, child: int, head: int) -> str:
        fields = self._unpack_labels(self._label_total(sentence, child, head).to_bytes(self._label_bytes, "little"))
        # index(max) picks the first best class, as Perceptron.predict does.
        return self.relations[fields.index(max(fields))]

    def _label_total(self, sentence: Sentence, child: int, head: int) -> int:
        """The summed scores of `label_features(sentence, child, head)`."""
        W, T, WT, L = sentence.words, sentence.tags, sentence.wordtags, sentence.labels
        wtc, tc, th = WT[child], T[child], T[head]
        direction = "<" if child < head else ">"
        distance = head - child if head > child else child - head
        if distance > 6:
            distance = 6
        siblings = sentence.lefts[head] if child < head else sentence.rights[head]
        sibling = L[siblings[-1]] if siblings else ""
        key = (tc, th, direction, distance, sibling)
        total = self._label_memo.get(key)
        if total is None:
            total = self._remember(self._label_memo, key, self._label_tags, (
                "-", tc, th, f"{tc} {th} {direction}", f"{tc} {th} {direction}{distance}",
                f"{tc} {sibling} {th} {direction}",
            ))  # fmt: skip
        lefts = sentence.lefts[child]
        first = lefts[-1] if lefts else -1
        second = lefts[-2] if len(lefts) > 1 else -1
        rights = sentence.rights[child]
        last = rights[-1] if rights else -1
        kids = " ".join(map(L.__getitem__, (*reversed(lefts), *rights)))
        rest = (
            wtc,
            WT[head],
            f"{tc} {W[head]} {direction}",
            f"{tc} {th} {T[head + 1]}",
            f"{tc} {T[child - 1]} {th}",
            f"{tc} {T[child + 1]} {th}",
            f"{tc} {W[first]} {L[first]} {th}",
            f"{tc} {W[second]} {L[second]} {th}",
            f"{tc} {W[first]} {W[second]}",
            f"{tc} {T[last]} {L[last]} {th}",
            f"{wtc} {sibling}",
            f"{tc} {kids} {th}",
        )
        return total + sum(map(dict.get, self._label_rest, rest, repeat(0)))

    def parse(self, words: Sequence[str], tags: Sequence[str]) -> list[tuple[int, str]]:
        state = _Parse(words, tags)
        n = state.n
        stack = state.stack
        b = 0
        while b < n or stack:
            if not stack:
                state.push(b)
                b += 1
                continue
            if b == n:
                # Only the root is left in the buffer: the stack folds rightwards onto its bottom word, which
                # alone attaches to the root, so every parse is one tree.
                child = state.pop()
                if stack:
                    state.attach(child, stack[-1], self.label(state, child, stack[-1]))
                else:
                    state.attach(child, n, "root")
                continue
            total = self._move_total(state, b)
            # LEFT's and RIGHT's scores above SHIFT's; ties go to the move listed first (SHIFT, LEFT, RIGHT), as
            # in Perceptron.predict.
            left, right = total.real, total.imag
            if len(stack) > 1 and right > left and right > 0:
                child = state.pop()
                state.attach(child, stack[-1], self.label(state, child, stack[-1]))
            elif left > 0:
                child = state.pop()
                state.attach(child, b, self.label(state, child, b))
            else:
                state.push(b)
                b += 1
        heads = [-1 if head == n else head for head in state.heads[:n]]
        return list(zip(heads, state.labels[:n], strict=True))


def _weights(model: Compact, run: range, first: int, count: int) -> npt.NDArray[np.int64]:
    """The weights of the features of `run` for the classes first to first + count, one row per feature. They
    are integers: the model's weights times 10**4, exact, as Trainer.averaged rounds them to four decimals."""
    begin, end = model.starts[run.start], model.starts[run.stop]
    columns = model.columns[begin:end].astype(np.int64) - first
    if len(columns) and (columns.min() < 0 or columns.max() >= count):
        raise ValueError("a feature has weights for both a move and a relation")
    weights = np.zeros((len(run), count), dtype=np.int64)
    weights[np.repeat(np.arange(len(run)), model.counts[run.start : run.stop]), columns] = model.values[begin:end]
    return weights


def _move_scores(weights: npt.NDArray[np.int64]) -> list[complex]:
    """Per feature, LEFT's and RIGHT's weights above SHIFT's as one complex number (real: LEFT, imaginary:
    RIGHT), which is all the choice of a move compares. A Python complex is smaller than an integer holding
    three fields, and its parts are exact: integers far below 2**53."""
    above = (weights[:, 1:] - weights[:, :1]).astype(np.float64)
    scores: list[complex] = above.view(np.complex128).ravel().tolist()
    return scores


# A relation's weights become one integer of 32-bit fields, each biased by 2**24: a weight's magnitude is below
# that (the largest is under 5 * 10**5), so no field goes negative, and a sum of one feature per template (fewer
# than 128 of them) stays below 2**32, so no field carries into the next; the bias, the same in every field,
# changes no argmax.
_FIELD_BYTES: Final = 4
_BIAS: Final = 1 << 24


def _label_scores(weights: npt.NDArray[np.int64]) -> list[int]:
    """Per feature, its relations' weights packed into one integer."""
    if len(weights) and np.abs(weights).max() >= _BIAS:
        raise ValueError("a weight is too large for the parser's fields")
    data = (weights + _BIAS).astype("<u4").tobytes()
    size = _FIELD_BYTES * weights.shape[1]
    # One row's bytes at a time: each slice is freed before the next is made, so none outlives its integer.
    return [int.from_bytes(data[offset : offset + size], "little") for offset in range(0, len(data), size)]


_parser: Parser | None = None


def parse(words: Sequence[str], tags: Sequence[str]) -> list[tuple[int, str]]:
    """Per word, its head (an index into `words`, -1 for the root) and its UD relation; `tags` are Penn
    Treebank part-of-speech tags, one per word."""
    global _parser
    if _parser is None:
        _parser = Parser(load(MODEL_FILE))
    return _parser.parse(words, tags)
