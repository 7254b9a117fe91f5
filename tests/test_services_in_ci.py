"""A missing PostgreSQL or Redis skips its tests on a developer's machine but fails them in CI."""

from __future__ import annotations

import pytest

from tests.conftest import service_missing


@pytest.mark.parametrize("ci", ["true", "1", "yes"])
def test_missing_service_fails_in_ci(monkeypatch, ci):
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.fail.Exception, match="Redis not reachable.*CI is set"):
        service_missing("Redis not reachable")


@pytest.mark.parametrize("ci", [None, "", "false", "0"])
def test_missing_service_skips_outside_ci(monkeypatch, ci):
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.skip.Exception, match="PostgreSQL not reachable"):
        service_missing("PostgreSQL not reachable")


def test_postgres_fixture_fails_in_ci_when_the_server_is_unreachable(monkeypatch):
    """The shared database switch (`use_database`) goes through the same rule."""
    from tests import conftest

    monkeypatch.setenv("CI", "true")
    monkeypatch.setattr(conftest, "pg_available", lambda: False)
    with pytest.raises(pytest.fail.Exception):
        conftest.use_database("postgres", monkeypatch)
