"""The tests' throwaway PostgreSQL server (pipeline/bench/pgserver.py). Outside CI a machine
without the server binaries skips the PostgreSQL tests with a message saying what to
install; in CI (CI=true) their absence is a failure, as .ci/run installs them."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from pipeline.bench.pgserver import ServerMissing
from pipeline.bench.pgserver import postgres_server as _server


@contextmanager
def postgres_server() -> Iterator[str]:
    try:
        with _server() as url:
            yield url
    except ServerMissing as exc:
        if os.environ.get("CI"):
            pytest.fail(f"{exc} (.ci/run installs it)")
        pytest.skip(f"{exc} to run these tests")
