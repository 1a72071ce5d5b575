"""A document's result as it travels from the analysis to every output: its documents.csv
row and its mentions, typed (dates as `datetime.date`, values as `Decimal`) until a writer
formats them. The JSON form below is what the cache keeps, exact and typed."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from .fact import FACT_COLUMNS, Fact
from .mention import Label, Mention


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """One row of documents.csv (ANNOTATION.md); the field order is the header."""

    doc_id: str
    path: str
    sha256: str
    chars: int | None
    doc_date: date | None
    doc_date_source: str
    status: str  # ok, skipped, failed
    reason: str
    mentions: int
    format: str = ""
    encoding: str = ""
    text_path: str = ""  # texts/...: the analysed text, when it is not the file's bytes as UTF-8
    title: str = ""
    publisher: str = ""
    dateline_place: str = ""
    byline: str = ""
    language: str = ""
    boilerplate_chars: int = 0
    warnings: str = ""  # what a reader of the results should know ("; "-separated), e.g. text mostly blanked as boilerplate


DOCUMENT_COLUMNS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(DocumentRow))


@dataclass
class DocumentResult:
    row: DocumentRow
    mentions: tuple[Mention, ...] = ()
    text: str | None = None  # the analysed text, when it must be written to texts/
    reused: bool = False  # taken from the cache
    labels: dict[str, int] = field(default_factory=dict)  # mentions per label
    cacheable: bool = False  # a property of the bytes, worth keeping for the next run
    facts: tuple[Fact, ...] = ()  # what the MONEY and PERCENT mentions measure (FACTS.md)


# -- the typed JSON form (cache entries) ----------------------------------------------------------

JSON_FORMAT = 3  # raised whenever the form below changes: older entries are then analysed again

_MENTION_FIELDS = tuple(f.name for f in dataclasses.fields(Mention))[1:]  # all but doc_id
_DECIMAL_FIELDS = frozenset({"value", "value_high"})
_DATE_FIELDS = frozenset({"date_start", "date_end"})


def mention_to_json(mention: Mention) -> list[Any]:
    """The mention's fields after doc_id: Decimals and dates as strings, the rest as JSON has them."""
    cells: list[Any] = []
    for name in _MENTION_FIELDS:
        item = getattr(mention, name)
        if isinstance(item, Label):
            item = item.value
        elif isinstance(item, (Decimal, date)):
            item = str(item)
        cells.append(item)
    return cells


def mention_from_json(doc_id: str, cells: list[Any]) -> Mention:
    """The inverse of mention_to_json, under `doc_id`; ValueError/TypeError for a malformed list."""
    if not isinstance(cells, list) or len(cells) != len(_MENTION_FIELDS):
        raise ValueError("a mention has the wrong number of fields")
    values: dict[str, Any] = {}
    for name, item in zip(_MENTION_FIELDS, cells):
        if item is not None and name in _DECIMAL_FIELDS:
            item = Decimal(_str(item))
        elif item is not None and name in _DATE_FIELDS:
            item = date.fromisoformat(_str(item))
        elif name == "label":
            item = Label(item)
        values[name] = item
    mention = Mention(doc_id=doc_id, **values)
    for name, kind in _SCALAR_TYPES.items():
        if not kind(getattr(mention, name)):
            raise TypeError(f"mention field {name} has the wrong type")
    return mention


_FACT_FIELDS = FACT_COLUMNS[1:]  # all but doc_id
_FACT_DATES = frozenset({"period_start", "period_end"})
_FACT_INTS = frozenset({"value_start", "value_end", "indicator_start", "indicator_end", "subject_start", "subject_end", "period_mention_start", "period_mention_end"})


def fact_to_json(fact: Fact) -> list[Any]:
    """The fact's fields after doc_id, dates as ISO strings."""
    return [str(item) if isinstance(item, date) else item for item in (getattr(fact, name) for name in _FACT_FIELDS)]


def fact_from_json(doc_id: str, cells: list[Any]) -> Fact:
    """The inverse of fact_to_json, under `doc_id`; ValueError/TypeError for a malformed list."""
    if not isinstance(cells, list) or len(cells) != len(_FACT_FIELDS):
        raise ValueError("a fact has the wrong number of fields")
    values: dict[str, Any] = {}
    for name, item in zip(_FACT_FIELDS, cells):
        if name in _FACT_DATES:
            item = None if item is None else date.fromisoformat(_str(item))
        elif name in _FACT_INTS:
            if not (item is None or _is_int(item)) or (item is None and name in ("value_start", "value_end")):
                raise TypeError(f"fact field {name} has the wrong type")
        elif not isinstance(item, str):
            raise TypeError(f"fact field {name} has the wrong type")
        values[name] = item
    return Fact(doc_id=doc_id, **values)


def _str(item: Any) -> str:
    if not isinstance(item, str):
        raise TypeError("expected a string")
    return item


def _is_int(item: Any) -> bool:
    return isinstance(item, int) and not isinstance(item, bool)


_SCALAR_TYPES: dict[str, Callable[[Any], bool]] = {
    "mention_id": lambda v: isinstance(v, str),
    "text": lambda v: isinstance(v, str),
    "start": _is_int,
    "end": _is_int,
    "sentence_start": _is_int,
    "sentence_end": _is_int,
    "unit": lambda v: isinstance(v, str),
    "qualifier": lambda v: isinstance(v, str),
    "each": lambda v: v is None or isinstance(v, bool),
    "inferred": lambda v: v is None or isinstance(v, bool),
    "granularity": lambda v: isinstance(v, str),
    "canonical": lambda v: isinstance(v, str),
    "rule": lambda v: isinstance(v, str),
    "source_start": lambda v: v is None or _is_int(v),
    "source_end": lambda v: v is None or _is_int(v),
}


def row_to_json(row: DocumentRow) -> dict[str, Any]:
    return {name: (str(value) if isinstance(value, date) else value) for name, value in ((f.name, getattr(row, f.name)) for f in dataclasses.fields(DocumentRow))}


def row_from_json(values: dict[str, Any]) -> DocumentRow:
    """The inverse of row_to_json; ValueError/TypeError for a malformed dict."""
    if set(values) != set(DOCUMENT_COLUMNS):
        raise ValueError("a document row has the wrong fields")
    doc_date = values["doc_date"]
    row = DocumentRow(**dict(values, doc_date=date.fromisoformat(doc_date) if doc_date is not None else None))
    for f in dataclasses.fields(DocumentRow):
        value = getattr(row, f.name)
        expected = {"chars": (int, type(None)), "doc_date": (date, type(None)), "mentions": (int,), "boilerplate_chars": (int,)}.get(f.name, (str,))
        if not isinstance(value, expected) or isinstance(value, bool):
            raise TypeError(f"document field {f.name} has the wrong type")
    return row
