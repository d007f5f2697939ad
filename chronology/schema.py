"""The published JSON Schema of timeline.json, generated from the pydantic Timeline model.

`chronology schema` prints it; schema/timeline.schema.json is the committed copy (a test keeps the two equal,
so the contract changes only on purpose: regenerate with `chronology schema > schema/timeline.schema.json`).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from chronology.models import SCHEMA_VERSION, Timeline

SCHEMA_ID = "https://chronology.invalid/schema/timeline.schema.json"


def timeline_schema() -> dict[str, Any]:
    """The schema of the JSON that render.timeline_json writes (pydantic's serialisation mode)."""
    generated = Timeline.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "chronology timeline",
        "description": f"timeline.json, schema_version {SCHEMA_VERSION}: articles with their publication "
        "context, merged events with every mention, and warnings.",
        **{key: value for key, value in generated.items() if key != "title"},
    }


def schema_json() -> str:
    return json.dumps(timeline_schema(), indent=2, ensure_ascii=False) + "\n"


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.set_defaults(schema=True)


def command(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_json())
    return 0
