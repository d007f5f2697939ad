"""Trains the dependency parser (`chronology.language.parser`) on the UD English Web Treebank and scores it.

    python -m chronology.language.train_parser --ud /work/shared/data/ud-english-ewt [--out PATH]

Training follows Goldberg and Nivre's dynamic oracle for arc-hybrid: after a first epoch along the oracle's
moves, the parser follows its own predictions and learns, at each state, the best move still able to reach the
most gold arcs. Non-projective trees, which arc-hybrid cannot build, are first made projective by lifting their
crossing arcs (Nivre and Nilsson 2005, without encoding the lifts in the labels). Gold Penn tags are used, so
that the parser does not learn the errors of one tagger.

Relations lose their subtypes (`nsubj:pass` is learned and predicted as `nsubj`), so test scores are those of the
CoNLL 2018 shared task, which compares only the universal part; every token counts there, punctuation included,
and that is the headline figure; scores without punctuation (UPOS PUNCT) are printed too. Two runs write
byte-identical weights.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from chronology.language import pos
from chronology.language.parser import (
    LABEL_TEMPLATES,
    LEFT,
    MODEL_FILE,
    MOVE_TEMPLATES,
    MOVES,
    RIGHT,
    SHIFT,
    Parser,
    Sentence,
    label_features,
    move_features,
    named,
)
from chronology.language.perceptron import Perceptron, Trainer, shuffled

SEED: Final = 7
EPOCHS: Final = 10
# Pruning: a feature is kept only if one of its averaged weights reaches FEATURE_WEIGHT, and only its weights
# above ENTRY_WEIGHT. On the development set this costs under 0.2 points of UAS for a fifth of the weights, and
# the parser is faster for it: smaller tables stay in the processor's cache.
FEATURE_WEIGHT: Final = 1.5
ENTRY_WEIGHT: Final = FEATURE_WEIGHT / 4
_DATA: Final = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Tree:
    words: tuple[str, ...]
    tags: tuple[str, ...]
    upos: tuple[str, ...]
    heads: tuple[int, ...]  # 0-based, -1 for the root
    labels: tuple[str, ...]


def read_conllu(path: Path) -> list[Tree]:
    """The sentences of a CoNLL-U file; multiword-token lines ("1-2") and empty nodes ("1.1") are skipped."""
    trees: list[Tree] = []
    rows: list[list[str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line:
            if rows:
                trees.append(
                    Tree(
                        words=tuple(row[1] for row in rows),
                        tags=tuple(row[4] for row in rows),
                        upos=tuple(row[3] for row in rows),
                        heads=tuple(int(row[6]) - 1 for row in rows),
                        labels=tuple(row[7].split(":")[0] for row in rows),
                    )
                )
                rows = []
        elif not line.startswith("#"):
            row = line.split("\t")
            if row[0].isdigit():
                rows.append(row)
    return trees


def projectivise(heads: Sequence[int]) -> list[int]:
    """Heads with every crossing arc lifted to the head's head until none is left, shortest arc first."""
    lifted = list(heads)
    while True:
        arc = _shortest_crossing(lifted)
        if arc is None:
            return lifted
        lifted[arc] = lifted[lifted[arc]]


def _shortest_crossing(heads: Sequence[int]) -> int | None:
    """The dependent of the shortest non-projective arc (one spanning a word its head does not dominate)."""
    found: int | None = None
    for child, head in enumerate(heads):
        if head < 0 or (found is not None and abs(head - child) >= abs(heads[found] - found)):
            continue
        for between in range(min(head, child) + 1, max(head, child)):
            ancestor = between
            while ancestor not in (head, -1):
                ancestor = heads[ancestor]
            if ancestor == -1:
                found = child
                break
    return found


class _Oracle:
    """The gold tree of one sentence (the root at index n) and the cost of each move: how many gold arcs it
    makes unreachable."""

    def __init__(self, heads: Sequence[int]) -> None:
        self.root = n = len(heads)
        self.heads = [n if head < 0 else head for head in heads]
        self.children: list[list[int]] = [[] for _ in range(n + 1)]
        for child, head in enumerate(self.heads):
            self.children[head].append(child)
        self.on_stack = [False] * (n + 1)

    def costs(self, stack: list[int], b: int) -> tuple[int, int, int]:
        heads = self.heads
        on_stack = self.on_stack
        s0 = stack[-1]
        s1 = stack[-2] if len(stack) > 1 else -1
        head = heads[b]
        # Pushing b0 loses its arcs with the stack, except its head s0 (a RIGHT can still make that one), and
        # its root arc if it heads the sentence: only the bottom word of the stack attaches to the root.
        shift = int(head == self.root or (head != s0 and head < b and on_stack[head]))
        shift += sum(1 for child in self.children[b] if child < b and on_stack[child])
        # Popping s0 loses its children still in the buffer, and its head there (LEFT keeps b0) or at s1.
        lost = sum(1 for child in self.children[s0] if child >= b)
        head = heads[s0]
        left = lost + int(head != b and (head == s1 or head > b))
        right = lost + int(head >= b)
        return shift, left, right


def train_sentence(trainer: Trainer, tree: Tree, heads: Sequence[int], explore: bool) -> None:
    """One pass over one sentence: every move and every arc label the model gets wrong is an update."""
    sentence = Sentence(tree.words, tree.tags)
    n = sentence.n
    oracle = _Oracle(heads)
    on_stack = oracle.on_stack
    gold_heads = oracle.heads
    moves = len(MOVES)
    relations = trainer.classes[moves:]

    def arc(child: int, head: int) -> None:
        features = named(LABEL_TEMPLATES, label_features(sentence, child, head))
        scores = trainer.scores(features)[moves:]
        guess = relations[max(range(len(scores)), key=scores.__getitem__)]
        if gold_heads[child] == head:
            trainer.update(tree.labels[child], guess, features)
        sentence.attach(child, head, guess)
        on_stack[child] = False

    stack: list[int] = []
    b = 0
    while b < n or stack:
        if not stack:
            stack.append(b)
            on_stack[b] = True
            b += 1
            continue
        if b == n:
            child = stack.pop()
            if stack:
                arc(child, stack[-1])
            else:
                sentence.attach(child, n, "root")
            continue
        features = named(MOVE_TEMPLATES, move_features(sentence, stack, b))
        scores = trainer.scores(features)
        valid = (SHIFT, LEFT, RIGHT) if len(stack) > 1 else (SHIFT, LEFT)
        costs = oracle.costs(stack, b)
        guess = max(valid, key=scores.__getitem__)
        least = min(costs[move] for move in valid)
        best = max((move for move in valid if costs[move] == least), key=scores.__getitem__)
        trainer.update(MOVES[best], MOVES[guess], features)
        move = guess if explore else best
        if move == SHIFT:
            stack.append(b)
            on_stack[b] = True
            b += 1
        else:
            child = stack.pop()
            arc(child, b if move == LEFT else stack[-1])


def train(trees: Sequence[Tree], epochs: int = EPOCHS, seed: int = SEED, log: Callable[[str], None] = print) -> Trainer:
    relations = sorted({label for tree in trees for label in tree.labels} - {"root"})
    trainer = Trainer([*MOVES, *relations])
    projective = [projectivise(tree.heads) for tree in trees]
    lifted = sum(
        a != b for tree, heads in zip(trees, projective, strict=True) for a, b in zip(tree.heads, heads, strict=True)
    )
    log(f"{len(trees)} sentences, {lifted} arcs lifted to make them projective, {len(relations)} relations")
    for epoch in range(epochs):
        started = time.perf_counter()
        for index in shuffled(trees, seed, epoch):
            train_sentence(trainer, trees[index], projective[index], explore=epoch > 0)
        log(f"epoch {epoch + 1}: {time.perf_counter() - started:.0f} s")
    return trainer


def prune(model: Perceptron, threshold: float = FEATURE_WEIGHT) -> Perceptron:
    """The model without the features none of whose weights reaches `threshold` in magnitude."""
    kept = {
        feature: row for feature, row in model.weights.items() if max(abs(weight) for _, weight in row) >= threshold
    }
    return Perceptron(model.classes, kept)


@dataclass(frozen=True)
class Scores:
    tokens: int
    uas: float
    las: float

    def __str__(self) -> str:
        return f"UAS {self.uas:.2f}  LAS {self.las:.2f}  ({self.tokens:,} tokens)"

    def as_dict(self) -> dict[str, float]:
        return {"tokens": self.tokens, "UAS": round(self.uas, 2), "LAS": round(self.las, 2)}


def evaluate(
    parser: Parser, trees: Sequence[Tree], tags: Sequence[Sequence[str]] | None = None
) -> tuple[Scores, Scores]:
    """Scores over all tokens, and over the tokens that are not punctuation; `tags` replace the gold tags."""
    everything = [0, 0, 0]  # tokens, right heads, right heads and relations
    words = [0, 0, 0]
    for index, tree in enumerate(trees):
        parsed = parser.parse(tree.words, tree.tags if tags is None else tags[index])
        for (head, label), gold_head, gold_label, upos in zip(parsed, tree.heads, tree.labels, tree.upos, strict=True):
            attached = head == gold_head
            for tally in (everything,) if upos == "PUNCT" else (everything, words):
                tally[0] += 1
                tally[1] += attached
                tally[2] += attached and label == gold_label
    return _scores(everything), _scores(words)


def _scores(tally: list[int]) -> Scores:
    total, attached, labelled = tally
    return Scores(total, 100 * attached / total, 100 * labelled / total)


def _speed(parser: Parser, trees: Sequence[Tree]) -> float:
    """Tokens per second of CPU time, best of three passes over the trees."""
    tokens = sum(len(tree.words) for tree in trees)
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        for tree in trees:
            parser.parse(tree.words, tree.tags)
        best = min(best, time.process_time() - started)
    return tokens / best


def main(argv: Sequence[str] | None = None) -> None:
    arguments = argparse.ArgumentParser(
        prog="python -m chronology.language.train_parser",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    arguments.add_argument("--ud", type=Path, required=True, help="the UD_English-EWT directory")
    arguments.add_argument("--out", type=Path, default=_DATA / MODEL_FILE)
    arguments.add_argument("--epochs", type=int, default=EPOCHS)
    options = arguments.parse_args(argv)
    trees = read_conllu(options.ud / "en_ewt-ud-train.conllu")
    test = read_conllu(options.ud / "en_ewt-ud-test.conllu")
    model = prune(train(trees, options.epochs).averaged(ENTRY_WEIGHT))
    parser = Parser(model)
    everything, words = evaluate(parser, test)
    meta: dict[str, object] = {
        "corpus": "UD English EWT, train (CC BY-SA 4.0, as are these weights)",
        "epochs": options.epochs,
        "seed": SEED,
        "test, gold tags": {"all tokens": everything.as_dict(), "without punctuation": words.as_dict()},
    }
    model.save(options.out, meta)
    print(f"{options.out}: {options.out.stat().st_size:,} bytes, {len(model.weights):,} features")
    print(f"test, gold tags, all tokens (headline):   {everything}")
    print(f"test, gold tags, without punctuation:     {words}")
    if (_DATA / pos.MODEL_FILE).exists():
        tags = [pos.tag(tree.words) for tree in test]
        everything, words = evaluate(parser, test, tags)
        print(f"test, predicted tags, all tokens:         {everything}")
        print(f"test, predicted tags, without punctuation: {words}")
    print(f"speed: {_speed(parser, test):,.0f} tokens/s (CPU time, one core, gold tags)")


if __name__ == "__main__":
    main()
