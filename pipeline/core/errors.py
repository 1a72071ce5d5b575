"""Typed errors with the context a user needs; the CLI turns them into messages."""

from __future__ import annotations


class PressExtractError(Exception):
    """Base class of every error the library raises on purpose."""


class PatternError(PressExtractError):
    """A pattern or lexicon file is malformed. Names the file and line."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


class DocumentError(PressExtractError):
    """One input document could not be read or analysed; the batch goes on without it."""

    def __init__(self, doc_id: str, reason: str, status: str = "failed") -> None:
        self.doc_id = doc_id
        self.reason = reason
        self.status = status  # "failed", or "skipped" for inputs with nothing to analyse
        super().__init__(f"{doc_id}: {reason}")


class InputError(PressExtractError):
    """The inputs cannot be used as given (a missing path, two files with one doc_id, nothing
    to analyse); the run does not start and the previous outputs stay as they were."""


class OutputError(PressExtractError):
    """The output folder cannot be used or written (locked by another run, disk full,
    read-only); nothing is published and the previous outputs stay as they were."""


class GoldError(PressExtractError):
    """A gold or prediction file given to the scorer is malformed."""


class MissingExtraError(PressExtractError):
    """A feature was asked for whose optional dependencies are not installed."""

    def __init__(self, feature: str, extra: str) -> None:
        self.feature = feature
        self.extra = extra
        super().__init__(f"{feature} needs the optional part {extra!r}: pip install 'press-extract[{extra}]'")


def require_extra(module: str, feature: str, extra: str) -> None:
    """Raise MissingExtraError unless `module` can be imported."""
    from importlib.util import find_spec

    if find_spec(module) is None:
        raise MissingExtraError(feature, extra)
