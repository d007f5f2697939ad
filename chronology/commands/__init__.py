"""The user-facing subcommands `build` and `tag`, and the input handling they share."""

from chronology.commands import build, tag

__all__ = ["build", "tag"]
