"""The pipeline: ingest -> publication context -> tagging -> resolution -> events -> merge.

Each article is analysed on its own by a pure function (`analyse_article`), so articles can be processed in
any order or in parallel (see chronology.parallel); the merge is the only step that sees all of them. The
stages that date an article (publication context, tagging, resolution) are chronology.dating, which
`chronology tag` runs alone. What the merge needs of an article is small (its record fields and events), so
analyses are made `lean` as soon as they are done: memory then grows with the events kept, not with the text
read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from chronology.context import HOW_TO_SUPPLY, DateHints, manifest_entry
from chronology.dating import date_article
from chronology.events import extract_events, undated_events
from chronology.filters import Selection, article_counts, excluded_articles, recounted, selected_events
from chronology.ingest import Input, ProblemReporter, boilerplate_spans, split_articles
from chronology.merge import Merger, PackedEvents, Packer
from chronology.models import (
    SCHEMA_VERSION,
    Article,
    ArticleRecord,
    Document,
    Event,
    PublicationContext,
    Timeline,
    Timex,
)
from chronology.nonevents import find_nonevents
from chronology.render import PackedArticles
from chronology.salience import Layout, lead_end, scored
from chronology.sentences import sentence_spans


@dataclass(frozen=True)
class ArticleAnalysis:
    article: Article
    context: PublicationContext
    timexes: tuple[Timex, ...]
    events: tuple[Event, ...]
    # Where the article's lead ends (salience.lead_end), found while its text is at hand (lean() drops the text).
    lead_end: int

    def lean(self) -> ArticleAnalysis:
        """This analysis without what the timeline does not use: the article's text and the timexes."""
        return replace(self, article=self.article.model_copy(update={"text": ""}), timexes=())


ArticleCallback = Callable[[ArticleAnalysis], None]


def analyse_article(article: Article, hints: DateHints, explicit_only: bool = False) -> ArticleAnalysis:
    """Date one article (chronology.dating) and extract its events: those its dates give, and its statements
    without a date of their own placed by the narrative, a report or the publication (not with explicit_only)."""
    dated = date_article(article, hints)
    context, timexes = dated.context, dated.timexes
    sentences, skip = sentence_spans(article.text), boilerplate_spans(article.text, article.headline)
    # The dateline is no part of the sentence it opens (chronology.dating keeps it from dating anything).
    if dated.dateline is not None:
        sentences = _after(dated.dateline, article.text, sentences)
    # What dates no event (repeats, author notes, conditions, habits) is skipped like boilerplate; an undated
    # sentence is dropped only when it is no statement as a whole (not for a condition at its end).
    nonevents = find_nonevents(article.text, sentences, skip, timexes)
    statements_skip = skip + [(found.start, found.end) for found in nonevents if found.statement]
    lead = lead_end(sentences, skip, article.start, article.end)
    skip = skip + [(found.start, found.end) for found in nonevents]
    events = extract_events(article, context, timexes, sentences, skip)
    if not explicit_only:
        events += undated_events(article, context, timexes, sentences, skip, statements_skip)
    entry = manifest_entry(article, hints)
    if entry is not None and entry.publisher and not article.publisher:
        article = article.model_copy(update={"publisher": entry.publisher})
    return ArticleAnalysis(article, context, timexes, tuple(events), lead)


_BLANKS = re.compile(r"[\s\-–—_:]*")


def _after(span: tuple[int, int], text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences with the one that `span` opens starting after it (and the blanks after it)."""
    start = _BLANKS.match(text, span[1]).end()  # type: ignore[union-attr]  # \s* always matches
    return [(start, end) if first <= span[0] < end and start < end else (first, end) for first, end in sentences]


def analyse_document(document: Document, hints: DateHints, explicit_only: bool = False) -> list[ArticleAnalysis]:
    """Lean analyses of every article of one document, in order."""
    return [analyse_article(article, hints, explicit_only).lean() for article in split_articles(document)]


def _warnings(analyses: Iterable[ArticleAnalysis]) -> list[str]:
    warnings: list[str] = []
    for analysis in analyses:
        article, context = analysis.article, analysis.context
        name = f"{article.source} ({article.headline})" if article.headline else article.source
        if context.basis == "unknown":
            found = context.evidence.removesuffix(f"; {HOW_TO_SUPPLY}") if context.evidence else "no date found"
            warnings.append(
                f"{name}: {found}; relative dates were left unresolved. "
                f"Supply one with --published '{article.source}=YYYY-MM-DD' or a manifest.json entry."
            )
        elif context.basis == "inferred":
            warnings.append(
                f"{name}: publication date inferred from the text as {context.date} "
                f"(between {context.earliest} and {context.latest}); supply it to be sure."
            )
        warnings.extend(f"{name}: {conflict}" for conflict in context.conflicts)
    return warnings


@dataclass(frozen=True)
class MergedTimeline:
    """A Timeline whose events stay packed (see merge.PackedEvents) until they are written: what `build` streams
    to its outputs. `timeline()` gives the plain Timeline, every event as an object."""

    articles: Sequence[ArticleRecord]
    events: PackedEvents
    warnings: tuple[str, ...]
    schema_version: str = SCHEMA_VERSION

    def timeline(self) -> Timeline:
        return Timeline(articles=tuple(self.articles), events=tuple(self.events), warnings=self.warnings)

    def select(self, selection: Selection) -> MergedTimeline:
        """filter_timeline's selection, its events read and packed anew one at a time: never all as objects."""
        if selection.is_everything:
            return self
        from chronology.html import page_key  # see Assembler.result

        packer = Packer(orders=(page_key,))
        counts: Counter[str] = Counter()
        for event in selected_events(self.events, excluded_articles(self.articles, selection), selection):
            packer.add(event)
            counts.update(article_counts(event))
        return replace(self, articles=recounted(self.articles, counts), events=packer.result())


class Assembler:
    """The timeline built one analysis at a time, in input order: each article's events go to the merge as
    they come, and of the article only its record is kept, packed as compact JSON (a seventh of the size of
    the article and context objects) until the timeline is made, with its layout for the events' salience."""

    def __init__(self) -> None:
        self._merger = Merger()
        self._articles: list[bytes] = []
        self._ids: list[str] = []
        self._layouts: dict[str, Layout] = {}
        self._warnings: list[str] = []

    def add(self, analysis: ArticleAnalysis) -> None:
        for event in analysis.events:
            self._merger.add(event)
        article = analysis.article
        record = ArticleRecord(
            id=article.id,
            source=article.source,
            headline=article.headline,
            publisher=article.publisher,
            span=(article.start, article.end),
            publication=analysis.context,
            event_count=0,
        )
        self._articles.append(record.model_dump_json().encode("utf-8"))
        self._ids.append(article.id)
        self._layouts[article.id] = Layout(article.start, article.end, analysis.lead_end)
        self._warnings.extend(_warnings([analysis]))

    def result(self) -> MergedTimeline:
        # Imported here: the analysis workers, which import this module, never render a page.
        from chronology.html import page_key

        # Salience is scored once the merge has decided which tellings are one event, as the merge writes each
        # event out. The page's order is found as they are packed, so the page reads each event once.
        layouts = self._layouts
        merged, per_article = self._merger.result(orders=(page_key,), finish=lambda event: scored(event, layouts))
        articles = PackedArticles(self._articles, [per_article[article_id] for article_id in self._ids])
        return MergedTimeline(articles=articles, events=merged, warnings=tuple(self._warnings))


def assemble(analyses: list[ArticleAnalysis]) -> Timeline:
    """Merge the analysed articles (in input order) into one timeline, every event as an object."""
    return merge_analyses(analyses).timeline()


def merge_analyses(
    analyses: Iterable[ArticleAnalysis], on_article: ArticleCallback | None = None
) -> MergedTimeline:
    """The merged timeline of analyses taken in input order (from any engine), its events packed: the merge
    folds them in one at a time, since its first fit depends on their order."""
    assembler = Assembler()
    for analysis in analyses:
        assembler.add(analysis)
        if on_article is not None:
            on_article(analysis)
    return assembler.result()


def build_merged(
    documents: Iterable[Input],
    hints: DateHints,
    on_article: ArticleCallback | None = None,
    workers: int = 1,
    explicit_only: bool = False,
    on_problem: ProblemReporter | None = None,
) -> MergedTimeline:
    """The merged timeline of the documents (or pages as read), read one by one, its events packed. With
    workers > 1 the articles are analysed in that many processes; the result is the same for any number of
    workers. A page without text is reported through on_problem."""
    from chronology.parallel import analyse_documents

    return merge_analyses(analyse_documents(documents, hints, workers, explicit_only, on_problem), on_article)


def build_timeline(
    documents: Iterable[Document],
    hints: DateHints,
    on_article: ArticleCallback | None = None,
    workers: int = 1,
    explicit_only: bool = False,
) -> Timeline:
    """build_merged's timeline with every event as an object."""
    return build_merged(documents, hints, on_article, workers, explicit_only).timeline()
