"""The Python API: what `chronology build` and `chronology tag` do, for programs that consume the chronology.

    import chronology

    timeline = chronology.build(["seeds/"])              # a chronology.models.Timeline
    for event in timeline.events:
        print(event.date.value, event.description)

    timexes = chronology.tag("Officials said on Monday ...", published="2024-03-06")

Inputs are read as the command line reads them (plain text, HTML, JSON and JSON Lines; a manifest.json beside
them gives publication dates), and the result is the same typed record the JSON output holds. The command line
is a layer over these functions: it adds streaming to files, progress and the selection options.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from chronology.context import DateHints
from chronology.dating import date_article
from chronology.errors import InputError
from chronology.ingest import ManifestEntry, iter_inputs, read_manifest, split_articles
from chronology.models import Document, PublicationContext, Timeline, Timex

MANIFEST = "manifest.json"

Published = str | dt.date | Mapping[str, str | dt.date] | None


def manifest_entries(paths: Sequence[str]) -> list[ManifestEntry]:
    """Entries of the manifest.json in each input folder (or beside each input file), each read once."""
    folders: dict[Path, None] = {}
    for given in paths:
        path = Path(given)
        if given != "-" and path.exists():
            folders[(path if path.is_dir() else path.parent).resolve()] = None
    entries: list[ManifestEntry] = []
    for folder in folders:
        if (folder / MANIFEST).is_file():
            entries.extend(read_manifest(folder / MANIFEST))
    return entries


def _published_values(published: Published) -> list[str]:
    """--published values: one date for every input, or FILE=DATE per input."""
    if published is None:
        return []
    if isinstance(published, Mapping):
        return [f"{name}={_iso(value)}" for name, value in published.items()]
    return [_iso(published)]


def _iso(value: str | dt.date) -> str:
    return value.isoformat() if isinstance(value, dt.date) else value


def check_paths(paths: Sequence[str]) -> None:
    """Raises InputError when none of `paths` exists ("-", standard input, always does)."""
    missing = [path for path in paths if path != "-" and not Path(path).exists()]
    if missing and len(missing) == len(paths):
        raise InputError(f"no such file or folder: {', '.join(missing)}")


def date_hints(
    paths: Sequence[str], published: Published = None, reference_date: str | dt.date | None = None,
    published_values: Sequence[str] = (),
) -> DateHints:
    """The publication-date hints of a run: `published` (a date for every input, or a mapping of file name or
    path to date) and `published_values` (as --published gives them), the manifests beside the inputs, and the
    last-resort `reference_date` ("today" reads the clock). Raises DateParseError on a date it cannot read."""
    return DateHints.build(
        published=[*published_values, *_published_values(published)],
        manifest=manifest_entries(paths),
        reference=None if reference_date is None else _iso(reference_date),
    )


def build(
    paths: Iterable[str | Path],
    *,
    published: Published = None,
    reference_date: str | dt.date | None = None,
    explicit_only: bool = False,
    workers: int = 1,
    on_problem: Callable[[str], None] | None = None,
) -> Timeline:
    """The merged chronology of the files and folders in `paths`, as `chronology build` writes it to
    timeline.json. An input that cannot be read is passed to `on_problem` (one line naming it) and skipped;
    raises InputError when no input holds a readable article."""
    # Imported here: the event grammar loads numpy and the parser's weights, which `tag` never needs.
    from chronology.pipeline import build_merged

    given = [str(path) for path in paths]
    check_paths(given)
    report = on_problem or (lambda _message: None)
    hints = date_hints(given, published, reference_date)
    merged = build_merged(
        iter_inputs(given, report), hints, workers=workers, explicit_only=explicit_only, on_problem=report
    )
    if not merged.articles:
        raise InputError("nothing to process: no readable article in " + ", ".join(given))
    return merged.timeline()


def tag(
    text: str, *, published: str | dt.date | None = None, reference_date: str | dt.date | None = None
) -> list[Timex]:
    """The resolved time expressions of a text (one or several articles pasted together), as `chronology tag`
    lists them: offsets into `text`, values anchored to `published` when given, else to a date the text
    gives (a dateline, a date line under the headline), else left unanchored."""
    hints = date_hints([], published, reference_date)
    timexes, _, _ = tag_document(Document(source="<text>", text=text, format="text"), hints)
    return timexes


def tag_document(document: Document, hints: DateHints) -> tuple[list[Timex], list[PublicationContext], list[str]]:
    """Resolved timexes of every article of a document, with offsets and tids renumbered for the whole text; the
    publication context and id of each article."""
    timexes: list[Timex] = []
    contexts: list[PublicationContext] = []
    ids: list[str] = []
    for article in split_articles(document):
        dated = date_article(article, hints)
        contexts.append(dated.context)
        ids.append(article.id)
        renumber = {t.tid: f"t{len(timexes) + i + 1}" for i, t in enumerate(dated.timexes)}
        for timex in dated.timexes:
            anchor = renumber.get(timex.anchor, timex.anchor) if timex.anchor else None
            timexes.append(
                timex.model_copy(
                    update={
                        "tid": renumber[timex.tid],
                        "start": timex.start + article.start,
                        "end": timex.end + article.start,
                        "anchor": anchor,
                    }
                )
            )
    return timexes, contexts, ids
