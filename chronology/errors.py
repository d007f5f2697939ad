"""The package's one exception hierarchy; the CLI turns each into a one-line message and an exit code."""


class ChronologyError(Exception):
    """Base class of every error this package raises on purpose."""

    exit_code = 1


class InputError(ChronologyError):
    """An input path is missing, unreadable, binary or malformed."""

    exit_code = 2


class DateParseError(ChronologyError):
    """A date given by the user (command line, manifest, metadata) cannot be parsed."""

    exit_code = 2


class UsageError(ChronologyError):
    """A command-line option has a value it cannot take."""

    exit_code = 2


class OutputError(ChronologyError):
    """An output file cannot be written."""

    exit_code = 3
