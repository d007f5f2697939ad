"""Command line: `chronology build | tag | evaluate | evaluate-dates | evaluate-timeline | evaluate-tls | schema`.

Each subcommand is a module exposing `configure_parser(parser)` and `command(args) -> int`: `build` and `tag`
in chronology/commands/, the evaluations beside what they score. This module only assembles them and turns
package errors into one line on stderr and an exit code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from chronology import __version__
from chronology.errors import ChronologyError


def _subcommands() -> dict[str, tuple[ModuleType, str]]:
    from chronology import commands, dating_eval, evaluate, schema, timeline_eval, tls_eval

    return {
        "build": (commands.build, "build the merged chronology (timeline.json and timeline.html)"),
        "tag": (commands.tag, "list the temporal expressions of each document (JSON or TimeML)"),
        "evaluate": (evaluate, "score the temporal tagger on TimeML files (TempEval-3 metrics)"),
        "evaluate-dates": (dating_eval, "score publication-date finding on TimeML files with the DCT hidden"),
        "evaluate-timeline": (timeline_eval, "score event finding and dating on SemEval-2015 timeline data"),
        "evaluate-tls": (tls_eval, "score the key events against gold timelines (timeline summarisation: date F1, "
                         "ROUGE-1/2 F1)"),
        "schema": (schema, "print the JSON Schema of timeline.json"),
    }


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chronology",
        description="Turn news articles into one dated, merged chronology (JSON and HTML).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (module, help_text) in _subcommands().items():
        child = sub.add_parser(name, help=help_text, description=help_text)
        module.configure_parser(child)
        child.set_defaults(handler=module.command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.handler(args)
    except ChronologyError as error:
        print(f"chronology: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("chronology: interrupted; outputs left as they were", file=sys.stderr)
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
