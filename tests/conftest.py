"""Shared fixtures. Tests marked ``neo4j`` talk to a real Neo4j server — never a mock.

Which server: NEO4J_URI/NEO4J_PASSWORD when set; otherwise kb's local server in $KB_HOME (the test
script uses a dedicated KB_HOME and ports), started here if it is installed but not running.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
PAGES = EXAMPLES / "zhuzhou-daily"
WEB = EXAMPLES / "web-articles"
GOLD = REPO / "tests" / "gold"


@pytest.fixture(scope="session")
def settings():
    from kb import config, server

    if "NEO4J_URI" not in os.environ:
        if not server.installed():
            pytest.fail("no Neo4j: run `kb server install` (the test script does) or set NEO4J_URI")
        server.start()  # no-op when running
    return config.settings()


@pytest.fixture(scope="session")
def driver(settings):
    from kb import db

    d = db.driver(settings)
    yield d
    d.close()


@pytest.fixture(scope="session")
def database(settings):
    return settings.database


def wipe(driver, database):
    """Delete every node, in batches (Community has one user database, shared by all tests)."""
    with driver.session(database=database) as s:
        s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


@pytest.fixture
def empty_db(driver, database):
    """A database with the schema and no data; wiped again afterwards."""
    from kb import graph

    wipe(driver, database)
    graph.apply_schema(driver, database)
    yield driver, database
    wipe(driver, database)
