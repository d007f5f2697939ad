"""Learn and score the event-mention model (`mentions.py`) from TimeBank, AQUAINT and MEANTIME.

    python -m chronology.language.train_events --timeml /work/shared/data/timeml [--folds 10] [--out PATH]
        [--meantime DIR]

The model learns from TimeBank and AQUAINT (TBAQ) and from the exhaustively annotated sentences of MEANTIME
(Wikinews, NewsReader conventions: headlines, named events such as "WWDC", which TBAQ's newswire lacks), each
MEANTIME document counted `MEANTIME_WEIGHT` times. MEANTIME's classes are not TimeML's: a MEANTIME event token
takes its lemma's most frequent TimeML class in TBAQ (`timeml_class`).

Two cross-validations by document, each with the sorted file names dealt round-robin into folds: TBAQ in
`--folds` folds (all of MEANTIME always in training), and MEANTIME in `MEANTIME_FOLDS` folds (all of TBAQ always
in training; `chronology evaluate-timeline --cross-validate` scores the dating of the same folds). Figures are
pooled over the folds (micro average). Then the final model is learned from every document and saved.
"""

from __future__ import annotations

import argparse
import time
from bisect import bisect_left
from collections import Counter, defaultdict
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
from chronology.language.perceptron import Compact, Model, Perceptron, Trainer, shuffled
from chronology.language.tokens import Token, tokenize
from chronology.sentences import sentence_spans
from chronology.timeml import parse_timeml

EPOCHS: Final = 6
SEED: Final = 7
# Taken off the O score of every token (through the bias feature): the perceptron favours O, the class of nine
# tokens in ten, and trades recall for precision; this evens them (10-fold F1 0.847 -> 0.853; 2-8 all help).
EVENT_MARGIN: Final = 4.0
# How many times each MEANTIME document is counted in training: 1 MEANTIME document to 8.5 TBAQ ones in number,
# and fewer sentences each. 5-fold MEANTIME trigger F1 0.772 (TBAQ only) -> 0.832 at 1 -> 0.844 at 3; TBAQ 10-fold
# F1 / class F1 0.855 / 0.715 -> 0.857 / 0.717 at 1 -> 0.856 / 0.715 at 3.
MEANTIME_WEIGHT: Final = 3
MEANTIME_FOLDS: Final = 5
# The TimeML class of a MEANTIME event whose lemma TBAQ never marks, by its NewsReader class.
_NEWSREADER_FALLBACK: Final = {"SPEECH_COGNITIVE": "REPORTING", "GRAMMATICAL": "STATE"}
_DEFAULT_CLASS: Final = "OCCURRENCE"
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


def timeml_classes(documents: Sequence[Document]) -> dict[str, str]:
    """Each lemma TBAQ marks as an event, with its most frequent class there (the first in CLASSES on a tie)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for document in documents:
        for tokens, tags in zip(document.sentences, document.tags, strict=True):
            for token, tag, label in zip(tokens, tags, _token_labels(tokens, document.gold), strict=True):
                if label != OUTSIDE:
                    counts[pos.lemma(token.text, tag).lower()][label] += 1
    return {
        lemma: max(found, key=lambda name: (found[name], -CLASSES.index(name))) for lemma, found in counts.items()
    }


def read_meantime(documents: Sequence[meantime.Document], classes: dict[str, str]) -> list[Document]:
    """MEANTIME's exhaustively annotated sentences as training documents, each event token with the TimeML class
    `classes` gives its lemma (else one by its NewsReader class)."""
    read: list[Document] = []
    for source in documents:
        top = source.exhaustive_end
        sentences = [
            tokens for first, last in source.sentences if last <= top
            for tokens in _sentences(source.text, first, last) if tokens
        ]
        tags = [pos.tag([token.text for token in tokens]) for tokens in sentences]
        marked = [mention for mention in source.mentions if mention.end <= top]
        gold = [Span(mention.parts, mention.event_class, mention.text) for mention in marked]
        # Each part of a split mention on its own ("took ... off"): not the words between them.
        parts = [Span((part,), mention.event_class, "") for mention in marked for part in mention.parts]
        examples: list[tuple[list[str], str]] = []
        for tokens, sentence_tags in zip(sentences, tags, strict=True):
            labels = [
                OUTSIDE if label == OUTSIDE else classes.get(
                    pos.lemma(token.text, tag).lower(), _NEWSREADER_FALLBACK.get(label, _DEFAULT_CLASS)
                )
                for token, tag, label in zip(tokens, sentence_tags, _token_labels(tokens, parts), strict=True)
            ]
            examples += _examples(tokens, sentence_tags, labels)
        read.append(Document(f"MEANTIME/{source.name}", source.text, gold, sentences, tags, examples))
    return read


def training_set(timeml: Sequence[Document], meantime_documents: Sequence[Document]) -> list[Document]:
    return [*timeml, *(document for document in meantime_documents for _ in range(MEANTIME_WEIGHT))]


def meantime_folds(names: Iterable[str]) -> dict[str, int]:
    """The MEANTIME cross-validation folds, by document name (`meantime.Document.name`)."""
    return assign_folds(names, MEANTIME_FOLDS)


def meantime_fold_models(
    timeml: Sequence[Document], meantime_documents: Sequence[meantime.Document]
) -> dict[str, Compact]:
    """Per MEANTIME document, a model learned from TBAQ and the MEANTIME folds other than the document's."""
    read = read_meantime(meantime_documents, timeml_classes(timeml))
    assignment = meantime_folds(document.name for document in meantime_documents)
    models: dict[str, Compact] = {}
    for fold in range(MEANTIME_FOLDS):
        others = [
            document for source, document in zip(meantime_documents, read, strict=True)
            if assignment[source.name] != fold
        ]
        # Compact once: each document's labeller would otherwise compact the weights anew.
        model = train(training_set(timeml, others)).compact()
        models.update((name, model) for name, chosen in assignment.items() if chosen == fold)
    return models


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
    labeller: Labeller, text: str, sentences: Sequence[Sequence[Token]], tags: Sequence[Sequence[str]]
) -> list[Span]:
    """The mentions `labeller` finds in the tokenized, tagged sentences of `text` (as `find_mentions` finds them).
    A Labeller is made once per model: it compacts the model's weights (most of a second)."""
    predicted: list[Span] = []
    for tokens, sentence_tags in zip(sentences, tags, strict=True):
        labels = labeller.label([token.text for token in tokens], sentence_tags)
        predicted += [Span(((first, last),), name, text[first:last]) for first, last, name in spans(tokens, labels)]
    return predicted


def cross_validate(
    documents: Sequence[Document], folds: int, meantime_documents: Sequence[Document] = ()
) -> dict[str, Score]:
    """TBAQ's figures by `folds`-fold cross-validation, every fold's model learning from all of MEANTIME too."""
    assignment = assign_folds((document.name for document in documents), folds)
    scores: dict[str, Score] = {"TimeBank": Score(), "AQUAINT": Score(), "all": Score()}
    for fold in range(folds):
        labeller = Labeller(
            train(
                training_set(
                    [document for document in documents if assignment[document.name] != fold], meantime_documents
                )
            )
        )
        for document in documents:
            if assignment[document.name] == fold:
                result = score(document.gold, predict(labeller, document.text, document.sentences, document.tags))
                scores[document.corpus].add(result)
                scores["all"].add(result)
    return scores


def score_meantime(model: Model, documents: Sequence[meantime.Document]) -> tuple[Score, Score]:
    """(P/R/F1 over the exhaustively annotated sentences, recall over every annotated mention)."""
    labeller = Labeller(model)
    exhaustive, everything = Score(), Score()
    for document in documents:
        sentences = [
            tokens for first, last in document.sentences for tokens in _sentences(document.text, first, last) if tokens
        ]
        tags = [pos.tag([token.text for token in tokens]) for tokens in sentences]
        predicted = predict(labeller, document.text, sentences, tags)
        gold = [Span(mention.parts, mention.event_class, mention.text) for mention in document.mentions]
        top = document.exhaustive_end
        exhaustive.add(score([g for g in gold if g.end <= top], [p for p in predicted if p.end <= top]))
        everything.add(score(gold, predicted))
    return exhaustive, everything


def cross_validate_meantime(
    timeml: Sequence[Document], meantime_documents: Sequence[meantime.Document]
) -> tuple[Score, Score]:
    """`score_meantime`'s figures pooled over the MEANTIME folds, each scored by its fold's model."""
    models = meantime_fold_models(timeml, meantime_documents)
    exhaustive, everything = Score(), Score()
    for fold_model in dict.fromkeys(models.values()):
        fold = [document for document in meantime_documents if models[document.name] is fold_model]
        fold_exhaustive, fold_everything = score_meantime(fold_model, fold)
        exhaustive.add(fold_exhaustive)
        everything.add(fold_everything)
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
            f"MEANTIME apple {MEANTIME_FOLDS}-fold cross-validation by document (TBAQ always in training), "
            "sentences 0-5 (exhaustively annotated)",
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
    meantime_dir = args.meantime or args.timeml.parent / "meantime-apple"
    sources = meantime.read_corpus(meantime_dir)
    wikinews = read_meantime(sources, timeml_classes(documents))
    print(
        f"{len(documents)} TBAQ documents, {sum(len(d.gold) for d in documents)} events; {len(wikinews)} MEANTIME "
        f"documents, {sum(len(d.gold) for d in wikinews)} events in their exhaustively annotated sentences",
        flush=True,
    )
    cv = cross_validate(documents, args.folds, wikinews) if args.folds > 1 else {}
    meantime_scores = cross_validate_meantime(documents, sources) if args.folds > 1 else None
    model = train(training_set(documents, wikinews))
    out = args.out or Path(str(resources.files("chronology.language").joinpath("data", MODEL_FILE)))
    model.save(
        out,
        {
            "epochs": EPOCHS, "seed": SEED, "documents": len(documents) + len(wikinews),
            "meantime_weight": MEANTIME_WEIGHT, "meantime": sorted(source.name for source in sources),
        },
    )
    print(report(cv, args.folds, meantime_scores))
    print(f"\nwrote {out} ({out.stat().st_size:,} bytes) in {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
