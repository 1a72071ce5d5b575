"""A throwaway PostgreSQL server for tests and benchmarks: initdb into a temporary folder,
pg_ctl start on 127.0.0.1 and a free port, trust authentication, stopped and removed at the end.
The binaries come from Debian's postgresql package (.ci/run installs it)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def server_binaries() -> tuple[str, str] | None:
    for folder in [None, *sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]:
        initdb = shutil.which("initdb", path=folder)
        pg_ctl = shutil.which("pg_ctl", path=folder)
        if initdb and pg_ctl:
            return initdb, pg_ctl
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class ServerMissing(RuntimeError):
    """The machine has no PostgreSQL server binaries."""


@contextmanager
def postgres_server() -> Iterator[str]:
    """Start a server; yields the URL of its database `press` (user postgres, no password)."""
    found = server_binaries()
    if found is None:
        raise ServerMissing("PostgreSQL server binaries (initdb, pg_ctl) not found: apt-get install postgresql")
    initdb, pg_ctl = found
    base = Path(tempfile.mkdtemp(prefix="press-extract-pg-"))  # not under pytest's 0700 folders: the server user must reach it
    data, sockets = base / "data", base / "sockets"
    data.mkdir(parents=True)
    sockets.mkdir()
    prefix: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root: the server runs as the postgres user
        shutil.chown(base, "postgres")
        for folder in (data, sockets):
            shutil.chown(folder, "postgres")
        prefix = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    subprocess.run([*prefix, initdb, "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-instructions"], check=True, capture_output=True)
    options = f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={sockets} -c fsync=off"
    subprocess.run([*prefix, pg_ctl, "-D", str(data), "-o", options, "-l", str(base / "server.log"), "-w", "-t", "60", "start"], check=True, capture_output=True)
    try:
        import psycopg

        with psycopg.connect(f"postgresql://postgres@127.0.0.1:{port}/postgres", autocommit=True) as admin:
            admin.execute("CREATE DATABASE press")
        yield f"postgresql://postgres@127.0.0.1:{port}/press"
    finally:
        subprocess.run([*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"], check=False, capture_output=True)
        shutil.rmtree(base, ignore_errors=True)
