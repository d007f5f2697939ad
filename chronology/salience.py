"""Salience: how much an event stands out in the collection, a score in [0, 1] by which the key events are chosen
(`build --top N`, the page's key events view, `chronology evaluate-tls`).

A journalist's short timeline keeps what many outlets told, what they told first, and what they could put on a
day. The score is a weighted sum of five signals, each in [0, 1], the weights summing to 1:

    salience = 0.35 sources + 0.10 mentions + 0.25 position + 0.15 dating + 0.15 precision

- sources: 1 - 1/n for n independent tellings (`tellings`): the event's articles, those with the same headline
  or the same sentence word for word counted once (a reprint, a wire copy, one article filed twice is not a
  second witness). One source gives 0, two 0.5, three 0.67:
  each further source adds less, and no number of sources outweighs everything else.
- mentions: 1 - 1/m for m mentions, repeats within an article included. It mostly follows the sources, so it
  weighs least: a repeat within one article adds a little emphasis, not a witness.
- position: the best of its mentions. A news article puts what matters first (the inverted pyramid), so a
  mention among the first LEAD_SENTENCES sentences of its article's body scores 1; a later one LATE_POSITION
  times the share of the article still to come after it. The headline is never a mention's sentence (the events
  stage skips it as page furniture, and an article whose headline was not recognised has it as its first
  sentence, so in the lead); what it announces, the lead tells.
- dating: 1 for a date expression of the statement's own, 0.5 for a date taken from the narrative or from the
  report it is quoted from, 0 for the publication date (a statement in the present tense: comment, not event).
- precision: 1 for a day or finer, 0.75 for a week, 0.5 for a month, 0.25 for a season, quarter or half, 0 for
  a year or longer: a timeline entry is a day, and a year is background.

Sources weigh most because how many outlets report an event is the strongest sign of its importance that a
collection gives (timeline summarisation systems select dates by how often they are referred to); position
next, since it is the writer's own judgement. The weights were set by these reasons, not fitted on data:
`chronology evaluate-tls` measures what they give.

The score is computed once, on the merged events (the merge decides which tellings are one event), from the event
and where each of its articles' leads ends (`Layout`), and rounded to DIGITS places so that the JSON is the same
on every machine. A selection (`--since`, `--exclude-inferred-context`, ...) does not rescore an event: its
salience is how the whole collection tells it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import islice

from chronology.models import AnchoredBy, Event, Granularity, Mention
from chronology.spans import Spans

W_SOURCES = 0.35
W_MENTIONS = 0.10
W_POSITION = 0.25
W_DATING = 0.15
W_PRECISION = 0.15
# The lead: the first sentences of the body, where a news article says what happened.
LEAD_SENTENCES = 3
# The most a sentence after the lead scores for its position (just after it; the last sentence scores 0).
LATE_POSITION = 0.5
DATING: dict[AnchoredBy, float] = {"expression": 1.0, "report": 0.5, "narrative": 0.5, "publication": 0.0}
PRECISION: dict[Granularity, float] = {
    "time": 1.0, "part_of_day": 1.0, "day": 1.0, "week": 0.75, "month": 0.5, "season": 0.25, "quarter": 0.25,
    "half": 0.25, "year": 0.0, "decade": 0.0, "century": 0.0, "millennium": 0.0,
}
DIGITS = 4
COPY_MIN_WORDS = 8


@dataclass(frozen=True, slots=True)
class Layout:
    """What salience needs of an article: its span in its document's text and where its lead ends (the offset
    at which its first sentence after the lead starts; its end when it has no more)."""

    start: int
    end: int
    lead_end: int


def lead_end(
    sentences: Sequence[tuple[int, int]], boilerplate: Sequence[tuple[int, int]], start: int, end: int
) -> int:
    """Where the lead of the article at [start, end) of its document ends, in document offsets: the start of its
    body's sentence after the first LEAD_SENTENCES. `sentences` and `boilerplate` (headline, captions, bylines:
    not body) are offsets in the article's text."""
    skipped = Spans(boilerplate)
    body = (first for first, last in sentences if not skipped.overlaps(first, last))
    after = next(islice(body, LEAD_SENTENCES, None), None)
    return end if after is None else start + after


def tellings(event: Event) -> int:
    """How many independent tellings the event has: its articles, those that share a headline or tell the
    event in the same sentence word for word (a reprint, a wire copy, one article filed twice) counted once. A
    sentence shorter than COPY_MIN_WORDS words may recur by chance ("The port closed on Tuesday.")."""
    group: dict[str, str] = {}

    def root(key: str) -> str:
        while group.setdefault(key, key) != key:
            key = group[key]
        return key

    for mention in event.mentions:
        article = root("article:" + mention.article_id)
        copied = len(mention.sentence.split()) >= COPY_MIN_WORDS
        for copy in (
            mention.headline and "headline:" + mention.headline.casefold(),
            copied and "sentence:" + mention.sentence,
        ):
            if copy:
                group[root(copy)] = article
    return len({root("article:" + mention.article_id) for mention in event.mentions}) or 1


def _position(mention: Mention, layout: Layout | None) -> float:
    if layout is None:
        return 0.0
    sentence = mention.sentence_span[0]
    if sentence < layout.lead_end:
        return 1.0
    remaining = (layout.end - sentence) / max(layout.end - layout.start, 1)
    return LATE_POSITION * min(max(remaining, 0.0), 1.0)


def salience(event: Event, layouts: Mapping[str, Layout], told: int | None = None) -> float:
    """The event's salience (see the module docstring); `layouts` by article id (an article missing there gives
    its mentions no position score)."""
    told = tellings(event) if told is None else told
    mentions = max(len(event.mentions), 1)
    position = max((_position(mention, layouts.get(mention.article_id)) for mention in event.mentions), default=0.0)
    score = (
        W_SOURCES * (1 - 1 / told)
        + W_MENTIONS * (1 - 1 / mentions)
        + W_POSITION * position
        + W_DATING * DATING[event.anchored_by]
        + W_PRECISION * PRECISION[event.date.granularity]
    )
    return round(score, DIGITS)


def scored(event: Event, layouts: Mapping[str, Layout]) -> Event:
    """The event with its salience and its count of independent tellings."""
    told = tellings(event)
    return event.model_copy(update={"salience": salience(event, layouts, told), "tellings": told})


def rank_key(event: Event) -> tuple[float, bytes]:
    """The order of key events: most salient first, equals in the page's order (html.page_key, unique per event),
    which the page's key events view follows too, so that it shows what `build --top` keeps."""
    from chronology.html import page_key  # the analysis workers, which import this module, never render a page

    return -event.salience, page_key(event)
