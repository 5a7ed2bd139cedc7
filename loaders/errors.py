"""The root of kb's error tree, at the bottom floor so the extraction stages can raise without
importing ``kb`` (``kb/errors.py`` re-exports these and adds the server and query errors).

The CLI prints ``str(error)`` on one line, followed by ``error.hint`` (the next step) when set.
"""


class KbError(Exception):
    """Base class. ``hint`` says what the user can do next."""

    hint: str | None = None
    exit_code: int = 1

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        if hint is not None:
            self.hint = hint


class ConfigError(KbError):
    """Settings are missing or wrong (also: an installed dependency ships no data kb needs)."""


class InputError(KbError):
    """A source file cannot be read or holds no article. Message names the file."""
