"""Database outputs: an output folder loaded into SQLite (the default), DuckDB or PostgreSQL."""

from .load import LoadSummary, load_folder
from .target import parse_target, redact

__all__ = ["LoadSummary", "load_folder", "parse_target", "redact"]  # identifiers
