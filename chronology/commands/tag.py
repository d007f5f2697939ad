"""`chronology tag`: the temporal expressions of each document, as JSON or as TimeML, for debugging and scoring."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from chronology.api import tag_document
from chronology.commands.inputs import Problems, add_input_options, date_hints, documents
from chronology.errors import InputError
from chronology.models import Document, PublicationContext, Timex
from chronology.timeml import to_timeml
from chronology.writers import write_atomic


def configure_parser(parser: argparse.ArgumentParser) -> None:
    add_input_options(parser, default_paths=[])
    parser.add_argument("--format", choices=["json", "timeml"], default="json", help="output format (default: json)")
    parser.add_argument(
        "--out", metavar="DIR", help="write one file per input into DIR (x.txt -> DIR/x.json or DIR/x.tml)"
    )


def _json_record(
    document: Document, timexes: list[Timex], contexts: list[PublicationContext], ids: list[str]
) -> dict[str, Any]:
    return {
        "source": document.source,
        "articles": [
            {"id": article_id, "publication": context.model_dump(mode="json")}
            for article_id, context in zip(ids, contexts, strict=True)
        ],
        "timexes": [timex.model_dump(mode="json", exclude_none=True) for timex in timexes],
    }


def _output_name(source: str, suffix: str) -> str:
    name = Path(source.split("#", 1)[0]).stem or "stdin"
    record = source.split("#", 1)[1] if "#" in source else ""
    return f"{name}-{record}{suffix}" if record else f"{name}{suffix}"


def command(args: argparse.Namespace) -> int:
    problems = Problems()
    hints = date_hints(args)
    records: list[dict[str, Any]] = []
    tagged = 0
    for document in documents(args, problems):
        timexes, contexts, ids = tag_document(document, hints)
        tagged += 1
        if args.format == "timeml":
            dct = contexts[0].date if contexts else None
            text = to_timeml(document.text, timexes, dct, docid=document.source)
            if args.out:
                write_atomic(Path(args.out) / _output_name(document.source, ".tml"), text)
            else:
                sys.stdout.write(text)
            continue
        record = _json_record(document, timexes, contexts, ids)
        if args.out:
            write_atomic(Path(args.out) / _output_name(document.source, ".json"), json.dumps(record, indent=2) + "\n")
        else:
            records.append(record)
    if not tagged:
        raise InputError("nothing to tag: no readable document in " + ", ".join(args.paths))
    if records:
        sys.stdout.write(json.dumps(records, indent=2) + "\n")
    return 0
