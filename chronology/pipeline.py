"""The pipeline: ingest -> publication context -> tagging -> resolution -> events -> merge.

Each article is analysed on its own by a pure function (`analyse_article`), so articles can be processed in
any order or in parallel; the merge is the only step that sees all of them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from chronology.context import DateHints, manifest_entry, publication_context
from chronology.events import extract_events
from chronology.ingest import boilerplate_spans, split_articles
from chronology.merge import merge_events
from chronology.models import Article, ArticleRecord, Document, Event, PublicationContext, Timeline, Timex
from chronology.resolver import annotate
from chronology.sentences import sentence_spans


@dataclass(frozen=True)
class ArticleAnalysis:
    article: Article
    context: PublicationContext
    timexes: tuple[Timex, ...]
    events: tuple[Event, ...]


def analyse_article(article: Article, hints: DateHints) -> ArticleAnalysis:
    """Date one article and extract its events. The tagger runs once without an anchor (its absolute dates
    and unanchored weekdays feed publication-date inference), then again anchored to the publication date."""
    unanchored = annotate(article.text, None)
    context = publication_context(article, hints, unanchored)
    timexes = annotate(article.text, context.date) if context.date is not None else unanchored
    events = extract_events(
        article, context, timexes, sentence_spans(article.text), boilerplate_spans(article.text, article.headline)
    )
    entry = manifest_entry(article, hints)
    if entry is not None and entry.publisher and not article.publisher:
        article = article.model_copy(update={"publisher": entry.publisher})
    return ArticleAnalysis(article, context, tuple(timexes), tuple(events))


def iter_articles(documents: Iterable[Document]) -> Iterator[Article]:
    for document in documents:
        yield from split_articles(document)


def _warnings(analyses: list[ArticleAnalysis]) -> list[str]:
    warnings: list[str] = []
    for analysis in analyses:
        article, context = analysis.article, analysis.context
        name = f"{article.source} ({article.headline})" if article.headline else article.source
        if context.basis == "unknown":
            warnings.append(
                f"{name}: no publication date found; relative dates were left unresolved. "
                f"Supply one with --published '{article.source}=YYYY-MM-DD' or a manifest.json entry."
            )
        elif context.basis == "inferred":
            warnings.append(
                f"{name}: publication date inferred from the text as {context.date} "
                f"(between {context.earliest} and {context.latest}); supply it to be sure."
            )
        warnings.extend(f"{name}: {conflict}" for conflict in context.conflicts)
    return warnings


def assemble(analyses: list[ArticleAnalysis]) -> Timeline:
    """Merge the analysed articles into one timeline."""
    events = merge_events(event for analysis in analyses for event in analysis.events)
    per_article = Counter(article_id for event in events for article_id in {m.article_id for m in event.mentions})
    articles = tuple(
        ArticleRecord(
            id=a.article.id,
            source=a.article.source,
            headline=a.article.headline,
            publisher=a.article.publisher,
            span=(a.article.start, a.article.end),
            publication=a.context,
            event_count=per_article[a.article.id],
        )
        for a in analyses
    )
    return Timeline(articles=articles, events=tuple(events), warnings=tuple(_warnings(analyses)))


def build_timeline(
    documents: Iterable[Document],
    hints: DateHints,
    on_article: Callable[[ArticleAnalysis], None] | None = None,
) -> Timeline:
    analyses: list[ArticleAnalysis] = []
    for article in iter_articles(documents):
        analysis = analyse_article(article, hints)
        analyses.append(analysis)
        if on_article is not None:
            on_article(analysis)
    return assemble(analyses)
