"""Opening a driver with clear errors. The driver is then passed in to every library call."""
from __future__ import annotations

import logging
from contextlib import contextmanager

from . import config
from .errors import ConnectionFailed


def quiet_driver_logs() -> None:
    """The driver logs retries and "Unable to retrieve routing information" at WARNING on the
    ``neo4j`` logger; kb turns failures into one-line errors itself, so that noise never reaches the
    terminal (KB_DEBUG=1 keeps it)."""
    import os
    if os.environ.get("KB_DEBUG"):
        return
    log = logging.getLogger("neo4j")
    log.setLevel(logging.CRITICAL + 1)
    log.propagate = False
    if not log.handlers:
        log.addHandler(logging.NullHandler())


def driver(settings: config.Settings | None = None):
    """A verified ``neo4j.Driver`` for ``settings`` (default: environment, then the local server)."""
    import neo4j
    quiet_driver_logs()
    from neo4j.exceptions import AuthError, ServiceUnavailable, Neo4jError, DriverError

    s = settings or config.settings()
    try:
        d = neo4j.GraphDatabase.driver(s.uri, auth=(s.username, s.password),
                                       connection_timeout=10, user_agent="kb/0.1",
                                       # warnings such as "property key does not exist" on an empty graph
                                       # are noise for users; Cypher errors still raise
                                       notifications_min_severity="OFF")
    except (ValueError, DriverError) as e:
        raise ConnectionFailed(f"bad NEO4J_URI {s.uri!r}: {e}") from None
    try:
        d.verify_connectivity()
    except AuthError:
        d.close()
        raise ConnectionFailed(f"Neo4j at {s.uri} refused the credentials of user {s.username!r}",
                               hint="check NEO4J_USERNAME/NEO4J_PASSWORD (local server: `kb server password`)") from None
    except (ServiceUnavailable, OSError, DriverError) as e:
        d.close()
        hint = "run `kb server start`" if s.local else "check NEO4J_URI and that the server is up"
        raise ConnectionFailed(f"Neo4j at {s.uri} does not answer ({type(e).__name__})", hint=hint) from None
    except Neo4jError as e:
        d.close()
        raise ConnectionFailed(f"Neo4j at {s.uri} refused the connection: {e.message}") from None
    return d


@contextmanager
def session_driver(settings: config.Settings | None = None):
    """Context manager yielding (driver, database)."""
    s = settings or config.settings()
    d = driver(s)
    try:
        yield d, s.database
    finally:
        d.close()
