"""Every error kb raises on purpose derives from KbError.

The base and the two errors the extraction stages raise (``ConfigError``, ``InputError``) live in
``loaders/errors.py``, the bottom floor; this module is the one place the rest of kb imports them from.
The CLI prints ``str(error)`` on one line, followed by ``error.hint`` (the next step) when set.
"""
from loaders.errors import ConfigError, InputError, KbError

__all__ = ["KbError", "ConfigError", "InputError", "ServerError", "ConnectionFailed", "QueryError"]


class ServerError(KbError):
    """The local Neo4j server cannot be installed, started or stopped."""


class ConnectionFailed(KbError):
    """Neo4j does not answer, or refuses the credentials."""


class QueryError(KbError):
    """A named query is unknown or its parameters are wrong."""
