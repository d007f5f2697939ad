"""Dating an article: its temporal expressions tagged, its publication context found from them, and the expressions
resolved against it.

This is what `chronology tag` prints and what the event stages (chronology.pipeline) start from. It needs nothing
of those stages, so `tag` never imports them.
"""

from __future__ import annotations

from dataclasses import dataclass

from chronology.context import DateHints, dateline_span, publication_context
from chronology.models import Article, PublicationContext, Timex
from chronology.resolver import resolve
from chronology.tagger import tag


@dataclass(frozen=True)
class DatedArticle:
    context: PublicationContext
    # Offsets into the article's text; none of them inside the dateline.
    timexes: tuple[Timex, ...]
    # Where the dateline the publication date was read from opens the body text (context.dateline_span).
    dateline: tuple[int, int] | None


def date_article(article: Article, hints: DateHints) -> DatedArticle:
    """The article's publication context and its resolved temporal expressions. The expressions are tagged once
    and resolved twice: first without an anchor (absolute dates and unanchored weekdays feed publication-date
    inference), then anchored to the publication date."""
    tagged = tag(article.text)
    unanchored = resolve(article.text, tagged, None)
    context = publication_context(article, hints, unanchored)
    # A dateline that opens the text ("SANTIAGO, March 6, 2024 - ...") tells when the article was written: it is
    # no expression of the article's, so no event's date and no narrative time for the clock times after it.
    dateline = dateline_span(article, context)
    if dateline is not None:
        kept = [i for i, item in enumerate(tagged) if not (item.start < dateline[1] and dateline[0] < item.end)]
        tagged, unanchored = [tagged[i] for i in kept], [unanchored[i] for i in kept]
    timexes = resolve(article.text, tagged, context.date, unanchored) if context.date is not None else unanchored
    return DatedArticle(context, tuple(timexes), dateline)
