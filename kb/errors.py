"""Every error kb raises on purpose derives from KbError.

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
    """Settings are missing or wrong."""


class ServerError(KbError):
    """The local Neo4j server cannot be installed, started or stopped."""


class ConnectionFailed(KbError):
    """Neo4j does not answer, or refuses the credentials."""


class InputError(KbError):
    """A source file cannot be read or holds no article. Message names the file."""


class QueryError(KbError):
    """A named query is unknown or its parameters are wrong."""
