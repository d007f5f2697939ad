"""Input options shared by `build` and `tag`: paths, publication dates, manifests, problem reporting."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from chronology import api
from chronology.context import DateHints
from chronology.errors import InputError
from chronology.ingest import IngestSettings, Input, iter_documents, iter_inputs
from chronology.models import Document


def add_input_options(parser: argparse.ArgumentParser, default_paths: Sequence[str]) -> None:
    default = " ".join(default_paths) if default_paths else None
    parser.add_argument(
        "paths",
        nargs="*" if default_paths else "+",
        default=list(default_paths),
        metavar="PATH",
        help="files or folders (read recursively; '-' reads standard input)"
        + (f"; default: {default}" if default else ""),
    )
    parser.add_argument(
        "--published",
        action="append",
        default=[],
        metavar="[FILE=]DATE",
        help="publication date of FILE (path or base name), or of every input when FILE is omitted; "
        "repeatable; overrides manifests and datelines",
    )
    parser.add_argument(
        "--reference-date",
        metavar="DATE|today",
        help="last-resort anchor for articles whose publication date cannot be found; never used silently",
    )
    parser.add_argument(
        "--json-field",
        action="append",
        default=[],
        metavar="PART=NAME",
        help="the field of JSON / JSON Lines records that holds PART (text, title, published, publisher, url or "
        "id), tried before the usual names; repeatable",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress or warnings on stderr")


@dataclass
class Problems:
    """Input problems seen so far; each is also printed as one line on stderr, even with --quiet."""

    messages: list[str] = field(default_factory=list)

    def report(self, message: str) -> None:
        self.messages.append(message)
        print(f"chronology: warning: {message}", file=sys.stderr)


def date_hints(args: argparse.Namespace) -> DateHints:
    return api.date_hints(args.paths, reference_date=args.reference_date, published_values=args.published)


def ingest_settings(args: argparse.Namespace) -> IngestSettings:
    """IngestSettings with each --json-field PART=NAME tried first for its part."""
    defaults = IngestSettings()
    named: dict[str, tuple[str, ...]] = {}
    for item in args.json_field:
        part, _, name = item.partition("=")
        field_names = f"{part.strip()}_fields"
        if not name.strip() or field_names not in IngestSettings.model_fields:
            parts = ", ".join(field.removesuffix("_fields") for field in IngestSettings.model_fields)
            raise InputError(f"--json-field {item!r}: give PART=NAME with PART one of {parts}")
        earlier = named.get(field_names, ())
        named[field_names] = (*earlier, name.strip())
    return IngestSettings(**{
        field: (*given, *(name for name in getattr(defaults, field) if name not in given))
        for field, given in named.items()
    })


def documents(args: argparse.Namespace, problems: Problems) -> Iterator[Document]:
    api.check_paths(args.paths)
    yield from iter_documents(args.paths, problems.report, ingest_settings(args))


def inputs(args: argparse.Namespace, problems: Problems) -> Iterator[Input]:
    """documents, with HTML pages as read (a build extracts their text in its workers)."""
    api.check_paths(args.paths)
    yield from iter_inputs(args.paths, problems.report, ingest_settings(args))
