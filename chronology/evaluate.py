"""`chronology evaluate PATH ... [--json] [--errors]`: TempEval-3 scores of the tagger on TimeML files and
MEANTIME documents.

For each .tml file the input is the text inside <TEXT> with tags stripped, the publication date is the DCT,
and the key is the TIMEX3 tags inside <TEXT>. For a MEANTIME document the input is its tokens joined back into
text (`meantime.read_document`), the publication date is its CREATION_TIME timex, and the key is its other
TIMEX3s with tokens, scored only in the sentences MEANTIME annotates. Scores are micro-averaged per corpus (a
TimeML file's folder; every MEANTIME document is in the corpus "MEANTIME") and overall:
strict extent P/R/F1 (same characters), relaxed extent P/R/F1 (any overlap, one-to-one), and for relaxed
matches the accuracy of `type` and `value` and their attribute F1 (relaxed F1 x accuracy).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from chronology import event_eval, meantime
from chronology.errors import InputError
from chronology.resolver import annotate
from chronology.timeml import parse_timeml

_CONTEXT = 50
MEANTIME_CORPUS = "MEANTIME"


@dataclass(frozen=True)
class Span:
    """An annotated or predicted expression, as the scorer sees it."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class Error:
    kind: str  # "missed", "spurious", "type", "value"
    document: str
    gold: Span | None
    system: Span | None
    context: str


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_correct: int = 0
    value_correct: int = 0
    documents: int = 0

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.system += other.system
        self.strict += other.strict
        self.relaxed += other.relaxed
        self.type_correct += other.type_correct
        self.value_correct += other.value_correct
        self.documents += other.documents


@dataclass
class DocumentScore:
    counts: Counts
    errors: list[Error] = field(default_factory=list)


def _prf(correct: int, system: int, gold: int) -> tuple[float, float, float]:
    precision = correct / system if system else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def figures(counts: Counts) -> dict[str, float | int]:
    """The TempEval-3 figures of micro-averaged counts."""
    strict = _prf(counts.strict, counts.system, counts.gold)
    relaxed = _prf(counts.relaxed, counts.system, counts.gold)
    type_accuracy = counts.type_correct / counts.relaxed if counts.relaxed else 0.0
    value_accuracy = counts.value_correct / counts.relaxed if counts.relaxed else 0.0
    return {
        "documents": counts.documents,
        "gold": counts.gold,
        "system": counts.system,
        "strict_precision": strict[0],
        "strict_recall": strict[1],
        "strict_f1": strict[2],
        "relaxed_precision": relaxed[0],
        "relaxed_recall": relaxed[1],
        "relaxed_f1": relaxed[2],
        "type_accuracy": type_accuracy,
        "value_accuracy": value_accuracy,
        "type_f1": relaxed[2] * type_accuracy,
        "value_f1": relaxed[2] * value_accuracy,
    }


def _context(text: str, start: int, end: int) -> str:
    before = text[max(0, start - _CONTEXT) : start]
    after = text[end : end + _CONTEXT]
    return " ".join(f"{before}[{text[start:end]}]{after}".split())


def score_document(text: str, gold: Sequence[Span], system: Sequence[Span], name: str = "") -> DocumentScore:
    """Score one document: strict matches share both offsets; relaxed matches pair each gold span with the
    unpaired system span overlapping it most (one-to-one), in text order."""
    counts = Counts(gold=len(gold), system=len(system), documents=1)
    errors: list[Error] = []
    exact = {(s.start, s.end) for s in system}
    counts.strict = sum(1 for g in gold if (g.start, g.end) in exact)
    paired: set[int] = set()
    for g in sorted(gold, key=lambda s: s.start):
        best: tuple[int, int] | None = None
        for index, s in enumerate(system):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0 and index not in paired and (best is None or overlap > best[0]):
                best = (overlap, index)
        if best is None:
            errors.append(Error("missed", name, g, None, _context(text, g.start, g.end)))
            continue
        paired.add(best[1])
        s = system[best[1]]
        counts.relaxed += 1
        if g.type == s.type:
            counts.type_correct += 1
        else:
            errors.append(Error("type", name, g, s, _context(text, g.start, g.end)))
        if g.value == s.value:
            counts.value_correct += 1
        else:
            errors.append(Error("value", name, g, s, _context(text, g.start, g.end)))
    for index, s in enumerate(system):
        if index not in paired:
            errors.append(Error("spurious", name, None, s, _context(text, s.start, s.end)))
    return DocumentScore(counts, errors)


def find_documents(paths: Iterable[str | Path]) -> tuple[list[Path], list[Path]]:
    """The TimeML and the MEANTIME files named by `paths`, sorted per path. A folder is MEANTIME when it holds
    intra_cross-doc_annotation/, or *.xml files and no .tml file; otherwise it is searched recursively for .tml
    files. A file is MEANTIME when it ends in .xml, TimeML otherwise."""
    tml: list[Path] = []
    meantime_files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(path.rglob("*.tml"))
            if (path / "intra_cross-doc_annotation").is_dir() or (not files and any(path.glob("*.xml"))):
                meantime_files.extend(meantime.document_paths(path))
            elif files:
                tml.extend(files)
            else:
                raise InputError(f"{path}: no .tml files or MEANTIME documents in this folder")
        elif path.is_file():
            (meantime_files if path.suffix.lower() == ".xml" else tml).append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    if not tml and not meantime_files:
        raise InputError("no .tml files or MEANTIME documents to evaluate")
    return tml, meantime_files


def evaluate_file(path: Path) -> DocumentScore:
    try:
        markup = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read ({error})") from None
    document = parse_timeml(markup, str(path))
    gold = [Span(g.start, g.end, g.text, g.type, g.value) for g in document.timexes]
    system = [Span(t.start, t.end, t.text, t.type, t.value) for t in annotate(document.text, document.dct)]
    return score_document(document.text, gold, system, str(path))


def evaluate_meantime_file(path: Path) -> DocumentScore:
    """Score one MEANTIME document where it is annotated: the tagger reads the whole text, but MEANTIME tags
    timexes only in its first sentences (up to `exhaustive_end`), and the creation time is given, not scored
    (TempEval), though its date line is in the text; what is there is neither key nor response."""
    document = meantime.read_document(path)
    dct_start, dct_end = document.dct_span or (0, 0)

    def scored(start: int, end: int) -> bool:
        return start < document.exhaustive_end and (end <= dct_start or start >= dct_end)

    gold = [Span(g.start, g.end, g.text, g.type, g.value) for g in document.timexes if scored(g.start, g.end)]
    system = [
        Span(t.start, t.end, t.text, t.type, t.value)
        for t in annotate(document.text, document.dct)
        if scored(t.start, t.end)
    ]
    return score_document(document.text, gold, system, str(path))


def evaluate_paths(paths: Iterable[str | Path]) -> tuple[dict[str, Counts], Counts, list[Error]]:
    """Counts per corpus (the folder holding each TimeML file; "MEANTIME"), overall, and every error."""
    per_corpus: dict[str, Counts] = {}
    total = Counts()
    errors: list[Error] = []
    tml, meantime_files = find_documents(paths)
    scored = [(str(path.parent), evaluate_file(path)) for path in tml]
    scored.extend((MEANTIME_CORPUS, evaluate_meantime_file(path)) for path in meantime_files)
    for corpus, score in scored:
        per_corpus.setdefault(corpus, Counts()).add(score.counts)
        total.add(score.counts)
        errors.extend(score.errors)
    return per_corpus, total, errors


def _format_row(name: str, f: dict[str, float | int]) -> str:
    return (
        f"{name:<28} {f['documents']:>5} {f['gold']:>5} {f['system']:>6}  "
        f"{f['strict_precision']:.3f} {f['strict_recall']:.3f} {f['strict_f1']:.3f}  "
        f"{f['relaxed_precision']:.3f} {f['relaxed_recall']:.3f} {f['relaxed_f1']:.3f}  "
        f"{f['type_accuracy']:.3f} {f['type_f1']:.3f}  {f['value_accuracy']:.3f} {f['value_f1']:.3f}"
    )


def _span_text(span: Span | None) -> str:
    return "-" if span is None else f"{span.text!r} {span.type} {span.value}"


def report(per_corpus: dict[str, Counts], total: Counts) -> str:
    header = (
        f"{'corpus':<28} {'docs':>5} {'gold':>5} {'system':>6}  strict P/R/F1        relaxed P/R/F1       "
        "type acc/F1   value acc/F1"
    )
    rows = [header]
    rows.extend(_format_row(name, figures(counts)) for name, counts in sorted(per_corpus.items()))
    rows.append(_format_row("overall", figures(total)))
    return "\n".join(rows)


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help=".tml files or folders of them (recursive); MEANTIME folders or .xml documents",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="list every miss, spurious match and wrong value")
    parser.add_argument(
        "--events",
        action="store_true",
        help="also score the grammar on the gold events of the TimeML files: tense, aspect, polarity, modality and "
        "event-time links",
    )


def command(args: argparse.Namespace) -> int:
    per_corpus, total, errors = evaluate_paths(args.paths)
    event_scores = None
    if args.events:
        event_scores = event_eval.evaluate_paths(find_documents(args.paths)[0])
    if args.json:
        payload: dict[str, object] = {
            "corpora": {name: figures(counts) for name, counts in sorted(per_corpus.items())},
            "overall": figures(total),
        }
        if event_scores is not None:
            payload["events"] = {
                "corpora": {name: s.figures() for name, s in sorted(event_scores[0].items())},
                "overall": event_scores[1].figures(),
            }
        if args.errors:
            payload["errors"] = [
                {
                    "kind": e.kind,
                    "document": e.document,
                    "gold": None if e.gold is None else vars(e.gold),
                    "system": None if e.system is None else vars(e.system),
                    "context": e.context,
                }
                for e in errors
            ]
        print(json.dumps(payload, indent=2))
        return 0
    print(report(per_corpus, total))
    if event_scores is not None:
        print(event_eval.report(*event_scores))
    if args.errors:
        print()
        for e in errors:
            print(f"{e.kind:<8} gold={_span_text(e.gold)} system={_span_text(e.system)} | {e.context}")
    return 0
