"""Command line: `chronology build | tag | evaluate | evaluate-dates | evaluate-timeline | evaluate-tls | schema`.

Each subcommand is a module exposing `configure_parser(parser)` and `command(args) -> int`: `build` and `tag`
in chronology/commands/, the evaluations beside what they score. This module only assembles them and turns
package errors into one line on stderr and an exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from chronology import __version__
from chronology.errors import ChronologyError

# Each subcommand's module, by name, and its help line. Only the invoked subcommand's module is imported and its
# options configured: a module pulls in the pipeline stages its command runs (the whole of them for `build`), so
# importing them all would make `chronology --help` and every command pay for every other one's start-up.
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "build": ("chronology.commands.build", "build the merged chronology (timeline.json and timeline.html)"),
    "tag": ("chronology.commands.tag", "list the temporal expressions of each document (JSON or TimeML)"),
    "evaluate": ("chronology.evaluate", "score the temporal tagger on TimeML files (TempEval-3 metrics)"),
    "evaluate-dates": ("chronology.dating_eval", "score publication-date finding on TimeML files with the DCT hidden"),
    "evaluate-timeline": ("chronology.timeline_eval", "score event finding and dating on SemEval-2015 timeline data"),
    "evaluate-tls": (
        "chronology.tls_eval",
        "score the key events against gold timelines (timeline summarisation: date F1, ROUGE-1/2 F1)",
    ),
    "schema": ("chronology.schema", "print the JSON Schema of timeline.json"),
}


def invoked_command(argv: Sequence[str]) -> str | None:
    """The subcommand argv names: its first argument that is no option, since no top-level option takes a value."""
    return next((arg for arg in argv if not arg.startswith("-")), None)


def build_parser(command: str | None) -> argparse.ArgumentParser:
    """The parser of the whole command line, with the options of `command` alone configured: the other
    subcommands are listed with their help line, which is all `--help` and argparse's errors show of them."""
    parser = argparse.ArgumentParser(
        prog="chronology",
        description="Turn news articles into one dated, merged chronology (JSON and HTML).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        child = sub.add_parser(name, help=help_text, description=help_text)
        if name == command:
            module = importlib.import_module(module_name)
            module.configure_parser(child)
            child.set_defaults(handler=module.command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    parser = build_parser(invoked_command(arguments))
    args = parser.parse_args(arguments)
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
