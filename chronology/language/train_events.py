"""Learn and score the event-mention model (`mentions.py`) from TimeBank and AQUAINT.

    python -m chronology.language.train_events --timeml /work/shared/data/timeml [--folds 10] [--out PATH]
        [--meantime DIR]

First a cross-validation by document: the sorted file names are dealt round-robin into folds, each fold is
tagged by a model learned from the others, and the TempEval-3 Task B figures are pooled over all folds (micro
average), per corpus and overall. Then the final model is learned from every document and saved, and scored on
the MEANTIME Wikinews corpus it never saw.
"""

from __future__ import annotations

import argparse
import time
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Final

from chronology import meantime
from chronology.event_scores import Score, Span, score
from chronology.language import pos
from chronology.language.mentions import (
    BIAS,
    CLASSES,
    MODEL_FILE,
    OUTSIDE,
    Labeller,
    features,
    is_candidate,
    padded,
    spans,
)
from chronology.language.perceptron import Perceptron, Trainer, shuffled
from chronology.language.tokens import Token, tokenize
from chronology.sentences import sentence_spans
from chronology.timeml import parse_timeml

EPOCHS: Final = 6
SEED: Final = 7
# Taken off the O score of every token (through the bias feature): the perceptron favours O, the class of nine
# tokens in ten, and trades recall for precision; this evens them (10-fold F1 0.847 -> 0.853; 2-8 all help).
EVENT_MARGIN: Final = 4.0
# NewsReader classes with one TimeML counterpart set; GRAMMATICAL and MIX have none that is exact.
MEANTIME_CLASSES: Final = {
    "SPEECH_COGNITIVE": frozenset({"REPORTING", "I_STATE", "PERCEPTION"}),
    "OTHER": frozenset({"OCCURRENCE", "STATE", "I_ACTION"}),
}


def assign_folds(names: Iterable[str], folds: int) -> dict[str, int]:
    """Documents dealt round-robin into folds in sorted name order: the same split on every machine and run."""
    return {name: index % folds for index, name in enumerate(sorted(names))}


@dataclass
class Document:
    name: str  # corpus/file, e.g. "TimeBank/wsj_0006.tml"
    text: str
    gold: list[Span]
    sentences: list[list[Token]]
    tags: list[list[str]]
    examples: list[tuple[list[str], str]]  # the candidate tokens' features and gold labels

    @property
    def corpus(self) -> str:
        return self.name.split("/", 1)[0]


def _sentences(text: str, start: int, end: int) -> list[list[Token]]:
    return [tokenize(text, start + first, start + last) for first, last in sentence_spans(text[start:end])]


def _examples(tokens: Sequence[Token], tags: Sequence[str], labels: Sequence[str]) -> list[tuple[list[str], str]]:
    words = [token.text for token in tokens]
    lowers, padded_tags, lemmas = padded(words, tags)
    return [
        (features(words, lowers, padded_tags, lemmas, i), labels[i])
        for i, word in enumerate(words)
        if is_candidate(word)
    ]


def _token_labels(tokens: Sequence[Token], gold: Sequence[Span]) -> list[str]:
    """Each token takes the class of the gold event it overlaps."""
    labels = [OUTSIDE] * len(tokens)
    starts = [token.start for token in tokens]
    for event in gold:
        index = max(bisect_left(starts, event.start) - 1, 0)
        while index < len(tokens) and tokens[index].start < event.end:
            if tokens[index].end > event.start:
                labels[index] = event.event_class
            index += 1
    return labels


def read_timeml(root: Path) -> list[Document]:
    documents: list[Document] = []
    for path in sorted(root.glob("*/*.tml")):
        parsed = parse_timeml(path.read_text(encoding="utf-8"), path.name)
        gold = [Span(((e.start, e.end),), e.event_class, e.text) for e in parsed.events]
        sentences = [tokens for tokens in _sentences(parsed.text, 0, len(parsed.text)) if tokens]
        tags = [pos.tag([token.text for token in tokens]) for tokens in sentences]
        examples = [
            example
            for tokens, sentence_tags in zip(sentences, tags, strict=True)
            for example in _examples(tokens, sentence_tags, _token_labels(tokens, gold))
        ]
        name = f"{path.parent.name}/{path.name}"
        documents.append(Document(name, parsed.text, gold, sentences, tags, examples))
    return documents


def train(documents: Sequence[Document], epochs: int = EPOCHS, seed: int = SEED) -> Perceptron:
    examples = [example for document in documents for example in document.examples]
    trainer = Trainer(CLASSES)
    for epoch in range(epochs):
        for index in shuffled(examples, seed, epoch):
            found, truth = examples[index]
            trainer.update(truth, trainer.predict(found), found)
    model = trainer.averaged()
    bias = dict(model.weights.get(BIAS, ()))
    outside = CLASSES.index(OUTSIDE)
    bias[outside] = round(bias.get(outside, 0.0) - EVENT_MARGIN, 4)
    model.weights[BIAS] = tuple(sorted(bias.items()))
    return model


def predict(
    model: Perceptron, text: str, sentences: Sequence[Sequence[Token]], tags: Sequence[Sequence[str]]
) -> list[Span]:
    """The mentions `model` finds in the tokenized, tagged sentences of `text` (as `find_mentions` finds them)."""
    labeller = Labeller(model)
    predicted: list[Span] = []
    for tokens, sentence_tags in zip(sentences, tags, strict=True):
        labels = labeller.label([token.text for token in tokens], sentence_tags)
        predicted += [Span(((first, last),), name, text[first:last]) for first, last, name in spans(tokens, labels)]
    return predicted


def cross_validate(documents: Sequence[Document], folds: int) -> dict[str, Score]:
    assignment = assign_folds((document.name for document in documents), folds)
    scores: dict[str, Score] = {"TimeBank": Score(), "AQUAINT": Score(), "all": Score()}
    for fold in range(folds):
        model = train([document for document in documents if assignment[document.name] != fold])
        for document in documents:
            if assignment[document.name] == fold:
                result = score(document.gold, predict(model, document.text, document.sentences, document.tags))
                scores[document.corpus].add(result)
                scores["all"].add(result)
    return scores


def score_meantime(model: Perceptron, documents: Sequence[meantime.Document]) -> tuple[Score, Score]:
    """(P/R/F1 over the exhaustively annotated sentences, recall over every annotated mention)."""
    exhaustive, everything = Score(), Score()
    for document in documents:
        sentences = [
            tokens for first, last in document.sentences for tokens in _sentences(document.text, first, last) if tokens
        ]
        tags = [pos.tag([token.text for token in tokens]) for tokens in sentences]
        predicted = predict(model, document.text, sentences, tags)
        gold = [Span(mention.parts, mention.event_class, mention.text) for mention in document.mentions]
        top = document.exhaustive_end
        exhaustive.add(score([g for g in gold if g.end <= top], [p for p in predicted if p.end <= top]))
        everything.add(score(gold, predicted))
    return exhaustive, everything


def _row(name: str, result: Score, classes: bool = True) -> str:
    row = (
        f"| {name} | {result.gold} | {result.predicted} | {result.precision:.3f} | {result.recall:.3f} | "
        f"**{result.f1:.3f}** | {result.strict_f1:.3f} | "
    )
    # MEANTIME's classes are not TimeML's: its class figures are given apart, where they map.
    return row + (f"{result.class_accuracy:.3f} | **{result.class_f1:.3f}** |" if classes else "- | - |")


_HEADER: Final = (
    "| corpus | gold | predicted | P | R | F1 | strict F1 | class accuracy | class F1 |\n"
    "|---|---|---|---|---|---|---|---|---|"
)


def _errors(result: Score, top: int = 25) -> list[str]:
    lines = [
        "False positives (predicted, no gold overlaps): "
        + ", ".join(f"{word} {count}" for word, count in result.false_positives.most_common(top)),
        "",
        "False negatives (gold, no prediction overlaps): "
        + ", ".join(f"{word} {count}" for word, count in result.false_negatives.most_common(top)),
        "",
        "Class confusions (gold -> predicted, matched events): "
        + ", ".join(
            f"{truth}->{guess} {count}" for (truth, guess), count in result.confusion.most_common() if truth != guess
        )[:1500],
    ]
    return lines


def _meantime_classes(result: Score) -> list[str]:
    lines: list[str] = []
    for nwr, ours in MEANTIME_CLASSES.items():
        total = sum(count for (truth, _), count in result.confusion.items() if truth == nwr)
        agreeing = sum(count for (truth, guess), count in result.confusion.items() if truth == nwr and guess in ours)
        if total:
            names = ", ".join(sorted(ours))
            lines.append(f"- {nwr} ({total} matched) predicted as one of {names}: {agreeing / total:.3f}")
    return lines


def report(cv: dict[str, Score], folds: int, meantime_scores: tuple[Score, Score] | None) -> str:
    lines: list[str] = []
    if cv:
        lines += [f"TBAQ {folds}-fold cross-validation by document, micro-averaged over folds", "", _HEADER]
        lines += [_row(name, result) for name, result in cv.items()]
        lines += ["", *_errors(cv["all"])]
    if meantime_scores is not None:
        exhaustive, everything = meantime_scores
        lines += [
            "",
            "MEANTIME apple (never trained on), sentences 0-5 (exhaustively annotated)",
            "",
            _HEADER,
            _row("MEANTIME 0-5", exhaustive, classes=False),
            "",
            f"Recall over every annotated mention (all sentences): {everything.recall:.3f} "
            f"({everything.gold_matched}/{everything.gold})",
            "",
            "Class where NewsReader's class maps onto a set of TimeML classes:",
            *_meantime_classes(exhaustive),
            "",
            *_errors(exhaustive),
        ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m chronology.language.train_events", description=(__doc__ or "").split("\n\n")[0]
    )
    parser.add_argument("--timeml", type=Path, required=True, help="folder of corpus folders of .tml files")
    parser.add_argument("--folds", type=int, default=10)
    parser.add_argument("--out", type=Path, default=None, help=f"weights file (default: the shipped {MODEL_FILE})")
    parser.add_argument(
        "--meantime", type=Path, default=None, help="MEANTIME corpus folder (default: meantime-apple beside --timeml)"
    )
    args = parser.parse_args(argv)
    began = time.perf_counter()
    documents = read_timeml(args.timeml)
    print(f"{len(documents)} documents, {sum(len(d.gold) for d in documents)} events", flush=True)
    cv = cross_validate(documents, args.folds) if args.folds > 1 else {}
    model = train(documents)
    out = args.out or Path(str(resources.files("chronology.language").joinpath("data", MODEL_FILE)))
    model.save(out, {"epochs": EPOCHS, "seed": SEED, "documents": len(documents)})
    meantime_dir = args.meantime or args.timeml.parent / "meantime-apple"
    meantime_scores = score_meantime(model, meantime.read_corpus(meantime_dir)) if meantime_dir.is_dir() else None
    print(report(cv, args.folds, meantime_scores))
    print(f"\nwrote {out} ({out.stat().st_size:,} bytes) in {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
