"""TempEval-3 Task B scoring of event mentions: extent precision, recall and F1 by overlap (and strict), the
class of matched events, and the words most often missed or spurious. Used by the event model's cross-validation
(chronology.language.train_events) and the MEANTIME evaluation (chronology.timeline_eval)."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A mention for scoring: its character ranges (a MEANTIME mention may be discontinuous) and class."""

    parts: tuple[tuple[int, int], ...]
    event_class: str
    text: str = ""

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    def overlap(self, other: Span) -> int:
        return sum(
            max(0, min(end, other_end) - max(start, other_start))
            for start, end in self.parts
            for other_start, other_end in other.parts
        )


@dataclass
class Score:
    """TempEval-3 Task B counts: relaxed (overlap) and strict extent matches, and the class of matched events."""

    gold: int = 0
    predicted: int = 0
    gold_matched: int = 0
    predicted_matched: int = 0
    strict: int = 0
    class_correct: int = 0
    false_positives: Counter[str] = field(default_factory=Counter)
    false_negatives: Counter[str] = field(default_factory=Counter)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.gold_matched += other.gold_matched
        self.predicted_matched += other.predicted_matched
        self.strict += other.strict
        self.class_correct += other.class_correct
        self.false_positives.update(other.false_positives)
        self.false_negatives.update(other.false_negatives)
        self.confusion.update(other.confusion)

    @property
    def precision(self) -> float:
        return self.predicted_matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.gold_matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def strict_f1(self) -> float:
        precision = self.strict / self.predicted if self.predicted else 0.0
        return _f1(precision, self.strict / self.gold if self.gold else 0.0)

    @property
    def class_accuracy(self) -> float:
        return self.class_correct / self.gold_matched if self.gold_matched else 0.0

    @property
    def class_f1(self) -> float:
        return self.f1 * self.class_accuracy


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(gold: Sequence[Span], predicted: Sequence[Span]) -> Score:
    """Score one document. A predicted mention matches a gold one when their spans overlap; a matched gold
    event's class is compared with that of the prediction overlapping it most (the first, on a tie)."""
    predicted = sorted(predicted, key=lambda span: span.start)
    starts = [span.start for span in predicted]
    result = Score(gold=len(gold), predicted=len(predicted))
    matched: set[int] = set()
    for event in gold:
        # Predictions are disjoint and sorted, so those overlapping `event` sit just left of its end.
        index = bisect_left(starts, event.end)
        overlapping: list[int] = []
        while index > 0 and predicted[index - 1].end > event.start:
            index -= 1
            if predicted[index].overlap(event):
                overlapping.append(index)
        if not overlapping:
            result.false_negatives[event.text.lower()] += 1
            continue
        matched.update(overlapping)
        result.gold_matched += 1
        best = max(sorted(overlapping), key=lambda i: predicted[i].overlap(event))
        result.strict += any(predicted[i].parts == event.parts for i in overlapping)
        result.class_correct += predicted[best].event_class == event.event_class
        result.confusion[event.event_class, predicted[best].event_class] += 1
    result.predicted_matched = len(matched)
    for index, span in enumerate(predicted):
        if index not in matched:
            result.false_positives[span.text.lower()] += 1
    return result
