"""The metrics of timeline summarisation (TLS): a system timeline (dates, each with a few sentences) against a gold
timeline, as the task reports them (Martschat & Markert 2017, "Improving ROUGE for Timeline Summarization", as
their `tilse` toolkit implements it; averaged over gold timelines as news-tls does, Ghalandari & Ifrim 2020).

- Date F1: the system's dates against the gold's; a date counts when both timelines have it.
- Concat ROUGE-N F1: each timeline's sentences, all dates together, as one summary.
- Aligned ROUGE-N F1 (tilse's "align+ m:1", `align_date_content_costs_many_to_one`): for precision, each system
  date is aligned to the gold date that costs least, (1 - 1/(d + 1)) * (1 - c), d being the distance in days and
  c the ROUGE-1 F1 of the two dates' sentences (several system dates may take one gold date: many to one); for
  recall, each gold date to the system date that costs least. The n-grams an aligned pair shares count 1/(d + 1)
  (a day off counts half, the same day whole); precision divides them by the system's n-grams, recall by the
  gold's. Of equally cheap dates the earliest is taken, as tilse takes the first minimum.

ROUGE-N here: the text lowercased and cut into runs of letters and digits (punctuation dropped); a summary's
n-grams run over its words in order, across its sentences (ROUGE-1.5.5 reads a summary as one text for ROUGE-N);
the overlap is clipped (an n-gram counts as often as it is in both). There is no stemming and no stopword
removal: tilse runs ROUGE-1.5.5 with both (-m -s), so figures from here are close to published ones, not equal.

Several gold timelines are each scored on their own; the precisions and the recalls are averaged, and the F1 is
that of the averages (news-tls's `get_average_results`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

# A timeline summary: its dates, each with its sentences.
Summary = Mapping[dt.date, Sequence[str]]

_WORD = re.compile(r"[^\W_]+")


class Scores(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, precision: float, recall: float) -> Scores:
        total = precision + recall
        return cls(precision=precision, recall=recall, f1=2 * precision * recall / total if total else 0.0)


def words(text: str) -> list[str]:
    """The text's words as ROUGE compares them: lowercased runs of letters and digits."""
    return _WORD.findall(text.lower())


def ngrams(sentences: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    """The n-grams of a summary (its sentences' words in order) with their counts."""
    tokens = [word for sentence in sentences for word in words(sentence)]
    return Counter(tuple(tokens[at : at + n]) for at in range(len(tokens) - n + 1))


@dataclass(frozen=True)
class Overlap:
    """ROUGE-N counts: n-grams shared (clipped, possibly weighted), and the system's and the gold's n-grams."""

    shared: float
    system: int
    gold: int

    def scores(self) -> Scores:
        return Scores.of(
            self.shared / self.system if self.system else 0.0, self.shared / self.gold if self.gold else 0.0
        )


def overlap(system: Sequence[str], gold: Sequence[str], n: int) -> Overlap:
    """The ROUGE-N counts of one system summary against one gold summary."""
    ours, theirs = ngrams(system, n), ngrams(gold, n)
    return Overlap(sum((ours & theirs).values()), sum(ours.values()), sum(theirs.values()))


def rouge(system: Sequence[str], gold: Sequence[str], n: int) -> Scores:
    """ROUGE-N precision, recall and F1 of one summary against one gold summary."""
    return overlap(system, gold, n).scores()


def date_scores(system: Summary, gold: Summary) -> Scores:
    """Date precision, recall and F1."""
    shared = len(set(system) & set(gold))
    return Scores.of(shared / len(system) if system else 0.0, shared / len(gold) if gold else 0.0)


def _sentences(summary: Summary) -> list[str]:
    return [sentence for date in sorted(summary) for sentence in summary[date]]


def concat_rouge(system: Summary, gold: Summary, n: int) -> Scores:
    """Concat ROUGE-N: every sentence of each timeline, in date order, as one summary."""
    return rouge(_sentences(system), _sentences(gold), n)


def _cost(system_date: dt.date, gold_date: dt.date, content: float) -> float:
    """tilse's date-and-content cost of aligning two dates; `content` is their summaries' ROUGE-1 F1."""
    return (1 - 1 / (abs((system_date - gold_date).days) + 1)) * (1 - content)


def _weight(system_date: dt.date, gold_date: dt.date) -> float:
    return 1 / (abs((system_date - gold_date).days) + 1)


def aligned_rouge(system: Summary, gold: Summary, n: int) -> Scores:
    """Aligned ROUGE-N (align+ m:1; see the module docstring)."""
    system_dates, gold_dates = sorted(system), sorted(gold)
    content = {
        (ours, theirs): rouge(system[ours], gold[theirs], 1).f1 for ours in system_dates for theirs in gold_dates
    }
    precision_shared = recall_shared = 0.0
    for ours in system_dates:
        if gold_dates:
            theirs = min(gold_dates, key=lambda date: _cost(ours, date, content[ours, date]))
            precision_shared += overlap(system[ours], gold[theirs], n).shared * _weight(ours, theirs)
    for theirs in gold_dates:
        if system_dates:
            ours = min(system_dates, key=lambda date: _cost(date, theirs, content[date, theirs]))
            recall_shared += overlap(system[ours], gold[theirs], n).shared * _weight(ours, theirs)
    system_count = sum(sum(ngrams(system[date], n).values()) for date in system_dates)
    gold_count = sum(sum(ngrams(gold[date], n).values()) for date in gold_dates)
    return Scores.of(
        precision_shared / system_count if system_count else 0.0, recall_shared / gold_count if gold_count else 0.0
    )


def averaged(scores: Sequence[Scores]) -> Scores:
    """Scores over several gold timelines: mean precision and mean recall, and the F1 of those means."""
    if not scores:
        return Scores.of(0.0, 0.0)
    return Scores.of(sum(s.precision for s in scores) / len(scores), sum(s.recall for s in scores) / len(scores))
