"""Where a load goes: `--db` URLs, and how they are shown without their credentials.

sqlite:///relative/path.db    sqlite:////absolute/path.db
duckdb:///relative/path.duckdb
postgresql://user:password@host:5432/dbname   (also postgres://, a `?service=name` of
pg_service.conf, or `postgresql://` alone: libpq then reads PGHOST, PGUSER, ... itself)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from ...core.errors import OutputError

ENGINES = ("sqlite", "duckdb", "postgresql")  # identifiers


@dataclass(frozen=True)
class Target:
    engine: str  # one of ENGINES
    location: str  # a file path (sqlite, duckdb) or a libpq connection string (postgresql)
    shown: str  # the URL with any password replaced by ***: the only form logs and errors use
    secrets: tuple[str, ...] = ()  # what must never appear in a message

    def scrub(self, message: str) -> str:
        """A driver's message with every secret of the URL taken out."""
        for secret in self.secrets:
            if secret:
                message = message.replace(secret, "***")
        return message


def parse_target(url: str) -> Target:
    """A `--db` URL; OutputError (exit 2) for one that names no engine this tool loads into."""
    scheme, _, rest = url.partition("://")
    scheme = scheme.lower()
    if not rest and scheme not in ("postgresql", "postgres"):
        raise OutputError(f"--db: {redact(url)!r} is not a database URL; use sqlite:///path.db, duckdb:///path.duckdb or postgresql://...")
    if scheme in ("sqlite", "duckdb"):
        if not rest.startswith("/"):
            raise OutputError(f"--db: write {scheme}:///path (three slashes), not {redact(url)!r}")
        path = rest[1:]
        if not path or path.endswith("/"):
            raise OutputError(f"--db: {redact(url)!r} names no file")
        return Target(scheme, str(Path(path)), url)
    if scheme in ("postgresql", "postgres"):
        parts = urlsplit("postgresql://" + rest)
        password = parts.password or ""
        shown = redact("postgresql://" + rest)
        query_password = re.findall(r"(?:^|&)password=([^&]*)", parts.query)
        return Target("postgresql", urlunsplit(parts), shown, (password, *query_password))
    raise OutputError(f"--db: unknown database {scheme!r} in {redact(url)!r}; use sqlite:///, duckdb:/// or postgresql://")


def redact(url: str) -> str:
    """The URL with its password (user:password@ or ?password=) shown as ***."""
    url = re.sub(r"(://[^/@:]*:)[^/@]*@", r"\1***@", url)
    return re.sub(r"((?:\?|&)password=)[^&]*", r"\1***", url)
